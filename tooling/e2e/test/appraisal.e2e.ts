/**
 * Democratic appraisal in the console: 孙立, a worker of 象山社区, records two consecutive 不称职 for
 * 张委员 of the residents' committee on the organisation chart; both show on the member's row and his
 * own page, and neither says his office has ended (nor does the rating form quote the rule) — 江苏省指引
 * 19（7）, which ends it, does not govern a community of 金山镇. On a desktop, then on a 390×844 phone.
 */
import { expect, it } from 'vitest';
import { chooseOption, describeInBrowser, screenshot } from './browser.js';
import { demoAccountPassword } from './server.js';
import { walkInConsole } from './sign-in.js';

const xiangshan = '370305111007';

describeInBrowser('democratic appraisal of committee members in the console', () => {
  const walk = walkInConsole({ username: 'xs-sunli', password: demoAccountPassword });

  async function appraise(year: string, grade: string): Promise<void> {
    await walk.page.getByRole('button', { name: '评议 张委员' }).first().click();
    const dialog = walk.page.getByRole('dialog', { name: '民主评议：张委员' });
    await dialog.getByLabel('评议年度').fill(year);
    await chooseOption(walk.page, dialog.getByLabel('评议结果'), grade);
    // The form does not quote 19（7） to a community it does not govern.
    expect(await dialog.getByTestId('ends-office-rule').count()).toBe(0);
    expect(await dialog.getByText('职务终止').count()).toBe(0);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('records two consecutive 不称职 and, the Jiangsu guideline not governing 象山, ends no office', async () => {
    await walk.page.goto(`${walk.server.url}/people/org/${xiangshan}`);
    await walk.page.getByRole('heading', { name: /组织架构/ }).waitFor();
    await appraise('2025', '不称职');
    const row = walk.page.getByTestId('org-member').filter({ hasText: '张委员' }).first();
    await row.getByText('2025 不称职').waitFor();
    expect(await row.getByTestId('office-ended').count()).toBe(0);
    await appraise('2026', '不称职');
    await row.getByText('2026 不称职').waitFor();
    expect(await row.getByTestId('office-ended').count()).toBe(0);
    await screenshot(walk.page, 'appraisal-office-ended');

    await row.getByRole('link', { name: '张委员' }).click();
    await walk.page.getByRole('heading', { name: /张委员/ }).waitFor();
    await walk.page.getByText('2026 不称职').first().waitFor();
    expect(await walk.page.getByTestId('office-ended').count()).toBe(0);

    await walk.page.setViewportSize({ width: 390, height: 844 });
    await walk.page.reload();
    await walk.page.getByRole('heading', { name: /张委员/ }).waitFor();
    await screenshot(walk.page, 'appraisal-person-phone');
    const overflow = Number(
      await walk.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(walk.consoleErrors).toEqual([]);
  });
});
