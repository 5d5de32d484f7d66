/**
 * Assessment in the console, against the real server with the demo data and a real browser: the
 * administrator drafts a scheme for 华容区 (Ezhou), sees the routine weight of 50% marked with
 * 第三十四条 while typing, fixes it, publishes, enters one community's scores in the grid, and reads
 * the results (ranking chart, distribution), the community's breakdown and the printable publication,
 * which also fits a 390×844 phone. Screenshots go to tooling/e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openConsolePage, screenshot } from './browser.js';
import { type RunningServer, startServer } from './server.js';
import { firstSignIn } from './sign-in.js';

const newPassword = 'Assessment-Walk-2026!';
const huarong = '420703';

describeInBrowser('assessment in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let schemeUrl = '';

  const shot = (name: string) => screenshot(page, name);
  const formItem = (label: string) =>
    page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The grid refuses one bad score on purpose, so one 400 is expected in the log.
    page = await openConsolePage(browser, { errors: consoleErrors, refusalsExpected: true, timeout: 20_000 });
    await firstSignIn(page, server.url, {
      username: 'admin',
      oneTimePassword: server.adminPassword,
      newPassword,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('marks the breaking weight with its article while the scheme is edited, then saves a lawful draft', async () => {
    await page.goto(`${server.url}/assessment`);
    await page.getByRole('heading', { name: '综合考核' }).waitFor();
    await page.getByRole('button', { name: '新建考核方案' }).click();
    await page.getByRole('heading', { name: '新建考核方案' }).waitFor();
    await page.getByLabel('辖区代码').fill(huarong);

    await page.getByLabel('平时考核占比').fill('0.5');
    await page.getByLabel('年度考核占比').fill('0.5');
    const routineError = formItem('平时考核占比').locator('.ant-form-item-explain-error');
    await routineError.waitFor();
    expect(await routineError.textContent()).toContain('第三十四条');
    await page
      .locator(
        '[data-testid="scheme-finding"][data-rule="ezhou.routine-assessment-weight"][data-status="fail"]',
      )
      .waitFor();
    await page.getByText('有不符合的约束性规定，修改前不能发布').waitFor();
    await shot('assessment-editor-breaking-weight');

    await page.getByLabel('平时考核占比').fill('0.6');
    await page.getByLabel('年度考核占比').fill('0.4');
    await page.getByText('没有不符合的约束性规定，可以发布').waitFor();
    await routineError.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/assessment\/[0-9a-f-]{36}$/);
    schemeUrl = page.url();
    expect(await page.getByTestId('scheme-status').textContent()).toBe('草稿');
  });

  it('publishes the draft and enters one community’s scores in the grid', async () => {
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('scheme-status').getByText('已发布').waitFor();
    await page.getByRole('tab', { name: '分数录入' }).click();

    const work = page.locator('input[aria-label$=" 工作实绩"]').first();
    await work.waitFor();
    const community = ((await work.getAttribute('aria-label')) ?? '').replace(/ 工作实绩$/, '');
    await work.fill('90');
    await page.getByLabel(`${community} 居民满意度`, { exact: true }).fill('80');
    await page.getByRole('button', { name: '保存分数' }).click();
    await page.getByText('已保存 2 个分数').waitFor();

    await page.getByLabel('考核周期').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '年度考核' })
      .click();
    await page.getByLabel(`${community} 年度述职`, { exact: true }).fill('150');
    await page.getByLabel(`${community} 年度满意度测评`, { exact: true }).fill('70');
    await page.getByRole('button', { name: '保存分数' }).click();
    await page.getByTestId('score-errors').getByText('未保存任何分数').waitFor();
    await page.getByLabel(`${community} 年度述职`, { exact: true }).fill('80');
    await page.getByRole('button', { name: '保存分数' }).click();
    await page.getByText('已保存 2 个分数').waitFor();
    await shot('assessment-score-grid');
  });

  it('shows the results with the ranking chart and the distribution, the breakdown and the publication', async () => {
    await page.getByRole('tab', { name: '结果' }).click();
    await page.getByText('已计分社区：1').waitFor();
    // routine 90 × 0.7 + 80 × 0.3 = 87; annual 80 × 0.6 + 70 × 0.4 = 76; 87 × 0.6 + 76 × 0.4 = 82.6
    expect(await page.getByTestId('ranking-chart').getAttribute('aria-label')).toContain('82.6分');
    expect(await page.getByTestId('distribution-chart').getAttribute('aria-label')).toContain('合格1个');
    await shot('assessment-results');

    await page.locator('.ant-table-row a').first().click();
    await page.getByTestId('breakdown-formula').waitFor();
    expect(await page.getByTestId('breakdown-formula').textContent()).toContain('87 × 0.6 + 76 × 0.4 = 82.6');

    await page.goto(`${schemeUrl}/publication`);
    await page.getByTestId('publication-date').waitFor();
    expect(await page.getByTestId('publication-date').textContent()).toMatch(
      /公示日期：\d{4}年\d{1,2}月\d{1,2}日/,
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('publication-date').waitFor();
    await shot('assessment-publication-phone');
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
  });
});
