/**
 * A person's walk through the admin console against the real server and a real browser: first sign-in
 * with the forced password change, finding Jinshan town (金山镇), editing 象山社区居委会's households
 * (a wrong value is refused in Chinese on the field, a right one is kept across a reload), seeing the
 * change in the audit log, and signing out. Screenshots go to tooling/e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openConsolePage, screenshot } from './browser.js';
import { type RunningServer, startServer } from './server.js';

const jinshanTown = '370305111';
const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const newPassword = 'Console-Walk-2026!';

describeInBrowser('admin console in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  // The button's name includes its icon's label ("save 保存").
  const saveButton = () => page.getByRole('button', { name: /保存$/ });
  const shot = (name: string) => screenshot(page, name);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // A refused sign-in is a 401 the browser reports as a failed resource; that is the expected answer.
    page = await openConsolePage(browser, { errors: consoleErrors, refusalsExpected: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor to the sign-in page and refuses a wrong password in Chinese', async () => {
    await page.goto(`${server.url}/communities`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误').waitFor();
    await shot('01-login-refused');
  });

  it('makes the first administrator replace the one-time password before anything else', async () => {
    await page.getByLabel('密码').fill(server.adminPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/change-password$/);
    await page.getByText('首次登录：请设置新密码').waitFor();
    await page.getByLabel('一次性密码').fill(server.adminPassword);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(`${newPassword}x`);
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await shot('02-change-password');
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByRole('button', { name: '保存新密码' }).click();
    // The console's home: the workbench, every role's first page; the division tree is one click away.
    await page.waitForURL(/\/workbench$/);
    await page.getByText('系统管理员').first().waitFor();
    await page.getByRole('menuitem', { name: '辖区与社区' }).click();
    await page.waitForURL(/\/communities/);
  });

  it('finds Jinshan town by searching and lists its communities', async () => {
    const search = page.getByRole('combobox', { name: '搜索辖区' });
    await search.click();
    await search.fill('金山镇');
    // Two towns are called 金山镇; the path tells them apart.
    const option = page.locator(`.ant-select-item-option [data-code="${jinshanTown}"]`);
    await option.waitFor();
    expect(await option.textContent()).toContain('淄博市');
    await option.click();
    await page.waitForURL(new RegExp(`under=${jinshanTown}`));
    await page.getByRole('link', { name: xiangshan.name }).waitFor();
    // The tree opened down to the town and marks it.
    await page.locator(`.ant-tree-treenode-selected [data-code="${jinshanTown}"]`).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(4);
    await shot('03-jinshan-communities');
  });

  it('refuses an invalid household count with a Chinese message on the field', async () => {
    await page.getByRole('link', { name: xiangshan.name }).click();
    await page.waitForURL(new RegExp(`/communities/${xiangshan.code}$`));
    await page.getByRole('heading', { name: xiangshan.name }).waitFor();
    const households = page.locator('#facts_households');
    await households.fill('-12');
    await saveButton().click();
    const help = page.locator('#facts_households_help');
    await help.waitFor();
    expect(await help.textContent()).toBe('户数须为不小于 0 的整数');
    await shot('04-community-invalid-households');
  });

  it('saves a valid household count, which a reload shows again', async () => {
    const households = page.locator('#facts_households');
    await households.fill('4388');
    await page.locator('#facts_households_help').waitFor({ state: 'detached' });
    await saveButton().click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: xiangshan.name }).waitFor();
    expect(await page.locator('#facts_households').inputValue()).toBe('4388');
    await shot('05-community-saved');
  });

  it('asks before leaving a form with unsaved edits, and keeps them when the person stays', async () => {
    await page.locator('#facts_households').fill('4390');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    const question = page.getByRole('dialog').filter({ hasText: '有尚未保存的修改' });
    await question.waitFor();
    await shot('05b-unsaved-changes');
    await question.getByRole('button', { name: '留在此页' }).click();
    await question.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(new RegExp(`/communities/${xiangshan.code}$`));
    expect(await page.locator('#facts_households').inputValue()).toBe('4390');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await question.getByRole('button', { name: '离开，不保存' }).click();
    await page.waitForURL(/\/audit/);
  });

  it('shows the change in the audit log, with the old and new value', async () => {
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.waitForURL(/\/audit/);
    // Newest first by time: the edit just made is the first facts change of this community, which the
    // log names as a person reads it (社区 象山社区居委会), not by its code.
    const row = page
      .locator('tr.ant-table-row', { hasText: xiangshan.name })
      .filter({ hasText: '修改社区数据' })
      .first();
    await row.waitFor();
    // People by name, times in China time (UTC+8) to the second.
    expect(await row.textContent()).toContain('系统管理员');
    expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await row.locator('.ant-table-row-expand-icon').click();
    const change = page.locator('.ant-table-expanded-row tr', { hasText: '户数' });
    await change.waitFor();
    const text = await change.textContent();
    expect(text).not.toContain('facts.households');
    expect(text).toContain('4388');
    await shot('06-audit-log');
  });

  it('does not overwrite a change someone else saved meanwhile, and offers the latest data', async () => {
    await page.goto(`${server.url}/communities/${xiangshan.code}`);
    await page.locator('#facts_households').fill('4400');
    // Meanwhile a colleague saves the community (the same API call the console makes).
    const colleagueSaved = await page.evaluate(async (code) => {
      const input = encodeURIComponent(JSON.stringify({ code }));
      const body = (await (await fetch(`/trpc/communities.get?input=${input}`)).json()) as {
        result: { data: { version: number; asOf: string; facts: Record<string, unknown> } };
      };
      const current = body.result.data;
      const response = await fetch('/trpc/communities.updateFacts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          expectedVersion: current.version,
          asOf: current.asOf,
          facts: { ...current.facts, residents: 13000 },
        }),
      });
      return response.status;
    }, xiangshan.code);
    expect(colleagueSaved).toBe(200);
    await saveButton().click();
    await page.getByText('保存未成功：该社区的数据已被他人修改').waitFor();
    await shot('07-community-conflict');
    await page.getByRole('button', { name: '载入最新数据' }).click();
    await page.getByText('保存未成功').waitFor({ state: 'detached' });
    expect(await page.locator('#facts_residents').inputValue()).toBe('13000');
    expect(await page.locator('#facts_households').inputValue()).toBe('4388');
  });

  it('opens the workbench at the bare address and says so when an address names no page', async () => {
    // Opened cold: the console's pages are added to the router with its frame, after the first load.
    await page.goto(`${server.url}/no-such-page`);
    await page.getByText('没有这个页面').waitFor();
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/workbench$/);
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
  });

  it('signs out, after which the console asks for a sign-in again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/users`);
    await page.waitForURL(/\/login\?next=%2Fusers/);
    await shot('08-signed-out');
    expect(consoleErrors).toEqual([]);
  });
});
