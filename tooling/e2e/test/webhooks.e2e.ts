/**
 * 消息推送 walked by the first administrator (本系统规则 R-HOOK-1, R-HOOK-2): an http address and an
 * address on this machine are refused beside the field and nothing is saved; a public address is saved and the signing
 * secret shown once, gone after a reload; the page fits a 390×844 phone.
 */
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.js';
import { walkInConsole } from './sign-in.js';

const newPassword = 'E2e-Webhooks-2026!';

describeInBrowser('the webhook page in the console', () => {
  const walk = walkInConsole({ firstAdministrator: { newPassword } });

  it('refuses a plain-http address elsewhere, saves a local one and shows its secret once', async () => {
    await walk.page.goto(`${walk.server.url}/webhooks`);
    await walk.page.getByRole('heading', { name: '消息推送' }).waitFor();
    await walk.page.getByTestId('webhook-deliveries').getByText('还没有推送记录').waitFor();
    const form = walk.page.getByTestId('webhook-form');
    await form.getByLabel('地址').fill('http://hooks.example.cn/shequ');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText(/必须使用 https/).waitFor();
    expect(walk.consoleErrors.splice(0)).toEqual([expect.stringContaining('status of 400')]);
    expect(await walk.page.getByTestId('webhook-secret').count()).toBe(0);

    // This machine is the server's own network (R-HOOK-2): refused unless the deployment opts in.
    await form.getByLabel('地址').fill('https://127.0.0.1:9/shequ');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText(/本机或内网地址/).waitFor();
    expect(walk.consoleErrors.splice(0)).toEqual([expect.stringContaining('status of 400')]);

    await form.getByLabel('地址').fill('https://1.2.3.4/shequ');
    await form.getByRole('button', { name: '保存' }).click();
    const secret = walk.page.getByTestId('webhook-secret');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/[0-9a-f]{64}/);
    await screenshot(walk.page, 'webhooks-desk');

    await walk.page.reload();
    await walk.page.getByTestId('webhook-form').getByText('同时更换签名密钥').waitFor();
    expect(await walk.page.getByTestId('webhook-form').getByLabel('地址').inputValue()).toBe(
      'https://1.2.3.4/shequ',
    );
    expect(await walk.page.getByTestId('webhook-secret').count()).toBe(0);
  });

  it('fits a 390×844 phone', async () => {
    await walk.page.setViewportSize({ width: 390, height: 844 });
    await walk.page.goto(`${walk.server.url}/webhooks`);
    await walk.page.getByTestId('webhook-form').waitFor();
    const overflow = await walk.page.evaluate<number>(
      // A string, evaluated in the page: this package's types describe Node, not the browser.
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(walk.page, 'webhooks-phone');
    expect(walk.consoleErrors).toEqual([]);
  });
});
