/**
 * 人员名册 for an administrator above the streets: 淄博市's city administrator opens the page on the
 * city's staffing by district, drills down to 临淄区 and 金山镇 in the summary, reaches the street's
 * roster and one community's, picks a node in the division tree, and does the same on a 390×844 phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acknowledgeNotice,
  describeInBrowser,
  launchBrowser,
  motionSettled,
  openConsolePage,
  screenshot,
} from './browser.js';
import { type RunningServer, startServer } from './server.js';
import { firstSignIn } from './sign-in.js';

const zibo = '370300';
const cityAdmin = { username: 'zibo.people', newPassword: 'Zibo-People-2026!' };

describeInBrowser('the people roster for a city administrator', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await openConsolePage(browser, { errors: consoleErrors, timeout: 20_000 });
    await firstSignIn(page, server.url, {
      username: 'admin',
      oneTimePassword: server.adminPassword,
      newPassword: 'People-Levels-2026!',
    });
    const oneTimePassword = await page.evaluate(
      async ({ username, city }) => {
        const response = await fetch('/trpc/users.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            username,
            displayName: '淄博市管理员',
            role: 'cityAdmin',
            jurisdictionCode: city,
          }),
        });
        const body = (await response.json()) as { result: { data: { oneTimePassword: string } } };
        return body.result.data.oneTimePassword;
      },
      { username: cityAdmin.username, city: zibo },
    );
    await page.context().clearCookies();
    await firstSignIn(page, server.url, { ...cityAdmin, oneTimePassword });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const summaryRows = () =>
    page.getByTestId('people-summary-children').locator('.ant-table-tbody tr.ant-table-row');
  const rosterRows = () => page.getByTestId('people-roster').locator('.ant-table-tbody tr.ant-table-row');

  it('opens on the city’s districts instead of a refusal, and drills down to a street’s roster', async () => {
    await page.getByRole('menuitem', { name: '人员名册' }).click();
    await page.getByRole('heading', { name: '人员名册 · 淄博市' }).waitFor();
    await summaryRows().filter({ hasText: '临淄区' }).waitFor();
    await expect(page.getByText(/社区超过200个/).count()).resolves.toBe(0);
    await page.getByText('选择街道（乡镇）或社区，查看人员名单和筛选').waitFor();
    await screenshot(page, 'people-city');

    await summaryRows().filter({ hasText: '临淄区' }).getByRole('link', { name: '临淄区' }).click();
    await page.getByRole('heading', { name: '人员名册 · 临淄区' }).waitFor();
    const town = summaryRows().filter({ hasText: '金山镇' });
    await town.waitFor();
    // 象山 keeps the demo roster: five on post, all full-time.
    await expect(town.textContent()).resolves.toContain('5');

    await town.getByRole('link', { name: '金山镇' }).click();
    await page.getByRole('heading', { name: '人员名册 · 金山镇' }).waitFor();
    await summaryRows().filter({ hasText: '象山社区居委会' }).getByText('不少于5人').waitFor();
    await rosterRows().filter({ hasText: '王书记' }).waitFor();
    await expect(rosterRows().first().textContent()).resolves.toMatch(/\d{4}\*{10}[\dX]{4}/);
    await page.getByTestId('staffing-chart').waitFor();
    // The breadcrumb leads back up.
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '临淄区' }).waitFor();
    await screenshot(page, 'people-street');

    await summaryRows().getByRole('link', { name: '象山社区居委会' }).click();
    await page.getByRole('heading', { name: '人员名册 · 象山社区居委会' }).waitFor();
    await expect.poll(() => rosterRows().count(), { timeout: 10_000 }).toBe(5);
    await expect(page.getByTestId('people-summary').count()).resolves.toBe(0);
  });

  it('imports a roster sheet into a community, all or nothing, and exports it masked', async () => {
    const shihuajian = '370305111006';
    await page.goto(`${server.url}/people?${new URLSearchParams({ under: shihuajian })}`);
    await page.getByRole('heading', { name: '人员名册 · 十化建社区居委会' }).waitFor();
    const headers = '社区代码,姓名,性别,出生日期,身份证号码,岗位,入职日期';
    const sheet = (idNumber: string) =>
      Buffer.from(`${headers}\n${shihuajian},周新,男,1992-05-06,${idNumber},专职工作者,2026-10-01\n`);
    const upload = page.locator('input[type=file][accept=".xlsx,.csv"]');

    await upload.setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: sheet('370305199205060310'),
    });
    const problems = page.getByTestId('register-import-problems');
    await problems.getByText('身份证号码校验位不正确，请核对').waitFor();
    await expect(problems.textContent()).resolves.toContain('身份证号码');
    await page.getByText('导入未成功：文件中的数据一条也没有写入').waitFor();
    await acknowledgeNotice(page);
    await expect(rosterRows().count()).resolves.toBe(0);

    await upload.setInputFiles({
      name: '花名册.csv',
      mimeType: 'text/csv',
      buffer: sheet('370305199205060318'),
    });
    await page.getByTestId('register-import-done').getByText('已登记 1 名工作者').waitFor();
    await acknowledgeNotice(page);
    await rosterRows().filter({ hasText: '周新' }).waitFor();

    // A city administrator exports with numbers masked, and is not offered the full numbers.
    await expect(page.getByRole('button', { name: '导出（完整号码）' }).count()).resolves.toBe(0);
    const [download] = await Promise.all([
      // The sheet is built on the server; on a loaded machine that can take longer than a click's wait.
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`社区工作者花名册-${shihuajian}.xlsx`);
  });

  it('records a leaving with the choice to keep the account', async () => {
    await page.goto(`${server.url}/people?${new URLSearchParams({ under: '370305111006' })}`);
    await rosterRows().filter({ hasText: '周新' }).getByRole('link', { name: '周新' }).click();
    await page.getByRole('heading', { name: /周新/ }).waitFor();
    await page.getByRole('button', { name: /办理离职/ }).click();
    const dialog = page.locator('.ant-modal', { hasText: '办理离职：周新' });
    await dialog.getByRole('checkbox', { name: '保留其控制台账号' }).waitFor();
    await dialog.getByText(/本系统规则 R-STF-2/).waitFor();
    await motionSettled(page);
    await dialog.getByRole('button', { name: '确认离职' }).click();
    await page.getByText('已办理离职').waitFor();
  });

  it('imports buildings on a community’s organisation page', async () => {
    await page.goto(`${server.url}/people/org/370305111006`);
    await page.getByRole('heading', { name: '十化建社区居委会 · 组织架构' }).waitFor();
    // The page has a sheet for committees and one for representatives too: this is the units' card.
    await page
      .getByTestId('org-units')
      .locator('input[type=file][accept=".xlsx,.csv"]')
      .setInputFiles({
        name: '楼栋.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('社区代码,楼栋名称,户数,楼栋长\n370305111006,5号楼,42,周戊\n'),
      });
    await page.getByTestId('register-import-done').getByText('已登记 1 个楼栋').waitFor();
    await acknowledgeNotice(page);
    await expect
      .poll(() => page.getByTestId('org-ungridded').textContent(), { timeout: 10_000 })
      .toContain('5号楼（42户，楼栋长周戊）');
  });

  it('picks a node in the division tree', async () => {
    await page.goto(`${server.url}/people`);
    await page.getByRole('heading', { name: '人员名册 · 淄博市' }).waitFor();
    const tree = page.locator('.ant-tree');
    await tree
      .locator('.ant-tree-treenode', { has: page.locator('[data-code="370300"]') })
      .locator('.ant-tree-switcher')
      .click();
    await tree.locator('[data-code="370305"]').click();
    await page.getByRole('heading', { name: '人员名册 · 临淄区' }).waitFor();
    await expect(page.url()).toContain('under=370305');
  });

  it('works on a 390×844 phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/people`);
    await summaryRows().filter({ hasText: '临淄区' }).waitFor();
    await page.getByText('选择辖区').click();
    await page.locator('.ant-tree [data-code="370300"]').waitFor();
    await page.goto(`${server.url}/people?under=370305111`);
    await rosterRows().filter({ hasText: '王书记' }).waitFor();
    await screenshot(page, 'people-city-phone');
    expect(consoleErrors).toEqual([]);
  });
});
