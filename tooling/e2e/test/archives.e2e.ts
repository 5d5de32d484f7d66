/**
 * Archives and seals in the console, against the real server with the demo data and a real browser:
 * 象山社区居委会's catalogue with reference codes, its loans, seal registry and completed handover form,
 * and its custody log verified against a freshly signed checkpoint (✓) and a tampered one (the problem
 * in Chinese). Screenshots go to tooling/e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openConsolePage, screenshot } from './browser.js';
import { type RunningServer, startServer } from './server.js';
import { firstSignIn } from './sign-in.js';

const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const newPassword = 'Archives-Walk-2026!';
/** DA/T 22 structure: fonds–category·year–retention–organisation–item number, e.g. X007-WS·2023-D30-BGS-0001. */
const referenceCodePattern = /^X007-[A-Z]{2}·\d{4}-(Y|D30|D10)(-[A-Z0-9]+)?-\d{4}$/;

describeInBrowser('archives and seals in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const shot = (name: string) => screenshot(page, name);
  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await openConsolePage(browser, { errors: consoleErrors, timeout: 20_000 });
    // The first administrator signs in and replaces the one-time password (console.e2e.ts covers that walk).
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

  it('opens 档案印章 for 象山社区居委会 and shows the catalogue with reference codes', async () => {
    await page.getByRole('menuitem', { name: '档案印章' }).click();
    await page.waitForURL(/\/archives$/);
    await page.getByRole('combobox', { name: '选择社区' }).fill('象山');
    await page.locator('.ant-select-item-option', { hasText: xiangshan.code }).click();
    await page.waitForURL(new RegExp(`/archives/${xiangshan.code}$`));
    await page.getByRole('heading', { name: `${xiangshan.name} · 档案印章` }).waitFor();

    const rows = page.getByTestId('catalogue').locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    const codes = await page
      .getByTestId('catalogue')
      .locator('.ant-table-tbody tr.ant-table-row code')
      .allTextContents();
    expect(codes.length).toBeGreaterThan(3);
    for (const code of codes) expect(code).toMatch(referenceCodePattern);
    // The demo destroyed one item after appraisal; the catalogue keeps it, marked.
    expect(await page.getByTestId('catalogue').getByText('已销毁').count()).toBeGreaterThan(0);
    await shot('21-archives-catalogue');

    // Filtering by medium leaves only that medium.
    const total = await rows.count();
    await page.getByRole('combobox', { name: '载体' }).click();
    await page.locator('.ant-select-item-option', { hasText: '纸质档案' }).click();
    await expect
      .poll(async () =>
        (
          await page
            .getByTestId('catalogue')
            .locator('.ant-table-tbody tr.ant-table-row td:nth-child(5)')
            .allTextContents()
        ).every((medium) => medium === '纸质档案'),
      )
      .toBe(true);
    expect(await rows.count()).toBeLessThanOrEqual(total);
  });

  it('shows the loans and the seal registry with state tags', async () => {
    await tab('借阅登记');
    // The demo's 2025 work ledger is out on loan: borrower and due date come with it.
    const loans = page.getByTestId('open-loans').locator('.ant-table-tbody tr.ant-table-row');
    await loans.first().waitFor();
    expect(await loans.first().textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await shot('22-archives-lending');

    await tab('印章登记');
    const seals = page.getByTestId('seal-registry').locator('.ant-table-tbody tr.ant-table-row');
    await seals.first().waitFor();
    expect(await seals.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('seal-registry').locator('.ant-tag').first().textContent()).toMatch(
      /在用|外带|停用|已销毁/,
    );
    // The seals' histories hold the demo's uses, one of them refused, and a removal brought back.
    const sealCount = await seals.count();
    for (let index = 0; index < sealCount; index += 1) {
      await seals.nth(index).locator('.ant-table-row-expand-icon').click();
    }
    const history = page.locator('.ant-table-expanded-row .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => history.count()).toBeGreaterThan(2);
    const histories = (await page.locator('.ant-table-expanded-row').allTextContents()).join('');
    expect(histories).toContain('已用印');
    expect(histories).toContain('未批准');
    expect(histories).toContain('已归还');
    await shot('23-archives-seals');
  });

  it('keeps the destroyed item on the permanent destruction list, with its decision', async () => {
    await tab('销毁清册');
    const row = page
      .getByTestId('destructions')
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: '2014年社区环境整治工作简报' });
    await row.waitFor();
    expect(await row.textContent()).toContain('象档鉴〔2026〕1号');
    expect(await row.textContent()).toContain('已销毁');
    await shot('36-archives-destructions');
  });

  it('prints the completed handover as a signed form', async () => {
    await tab('离任移交');
    await page.getByRole('link', { name: '查看 / 打印' }).first().click();
    await page.waitForURL(/\/archives\/handovers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '社区工作人员离任移交清单' }).waitFor();
    expect(
      await page.getByTestId('handover-items').locator('.ant-table-tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByText(/已于 \d{4}-\d{2}-\d{2} 确认/).count()).toBe(3);
    await shot('24-archives-handover-form');
    // What the printer gets: the form alone, without the console's menu and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印移交清单' }).isVisible()).toBe(false);
    await shot('25-archives-handover-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the custody log and verifies the current checkpoint', async () => {
    await page.goto(`${server.url}/archives/${xiangshan.code}?tab=log`);
    const entries = page.getByTestId('custody-entries').locator('.ant-table-tbody tr.ant-table-row');
    await entries.first().waitFor();
    expect(await entries.first().locator('td').first().textContent()).toBe('1');
    expect(await page.getByTestId('custody-entries').textContent()).toContain('印章登记');

    await page.getByRole('button', { name: '签发检查点' }).click();
    await expect
      .poll(async () => (await page.getByTestId('checkpoint-json').inputValue()).includes('"signature"'))
      .toBe(true);
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('verify-ok').waitFor();
    expect(await page.getByTestId('verify-ok').textContent()).toContain('✓ 日志完整');
    await shot('26-archives-log-verified');

    // A checkpoint whose root was changed after signing is caught, and said in Chinese.
    const checkpoint = JSON.parse(await page.getByTestId('checkpoint-json').inputValue()) as { root: string };
    const tampered = { ...checkpoint, root: checkpoint.root.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    await page.getByTestId('checkpoint-json').fill(JSON.stringify(tampered));
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('verify-problem').waitFor();
    expect(await page.getByTestId('verify-problem').textContent()).toContain('签名无效');
    await shot('27-archives-log-tampered');
  });

  it('lists approvals, my requests, and seals out and overdue', async () => {
    await page.goto(`${server.url}/archives/requests`);
    await page.getByRole('heading', { name: '审批与申请' }).waitFor();
    await page.getByTestId('inbox').waitFor();
    await shot('28-archives-requests');
    await page.goto(`${server.url}/archives/overdue`);
    await page.getByTestId('overdue-seals').waitFor();
    // The demo's loan fell due on 2026-06-03 and is still out: it is listed, marked overdue.
    const overdueLoans = page.getByTestId('overdue-loans').locator('.ant-table-tbody tr.ant-table-row');
    await overdueLoans.first().waitFor();
    expect(await overdueLoans.first().getByTestId('overdue-tag').textContent()).toMatch(/逾期 \d+ 天/);
    await shot('29-archives-overdue');

    // The handover wizard asks for the three people before anything else, in Chinese.
    await page.goto(`${server.url}/archives/${xiangshan.code}/handover/new`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请选择离任人').waitFor();
    expect(await page.getByText('请选择监交人').count()).toBe(1);
    await shot('30-archives-handover-wizard');
    expect(consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  });
});
