/**
 * Archives and seals in the console, against the real server with the demo data and a real browser:
 * 象山社区居委会's catalogue with reference codes, its loans, seal registry and completed handover form,
 * and its custody log verified against a freshly signed checkpoint (✓) and a tampered one (the problem
 * in Chinese), and the red banner once a stored entry is rewritten in the database. Screenshots go to
 * tooling/e2e/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseInMultiSelect,
  chooseOption,
  describeInBrowser,
  launchBrowser,
  openConsolePage,
  screenshot,
} from './browser.js';
import { demoAccountPassword, type RunningServer, repoRoot, startServer } from './server.js';
import { firstSignIn, signIn } from './sign-in.js';

const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const newPassword = 'Archives-Walk-2026!';
/** Filed in the walk dated 2013, ten-year retention: expired since 2024, to be appraised and destroyed. */
const expiredTitle = '2013年社区治安巡逻登记簿（E2E）';
/** Filed in the walk dated 2012, ten-year retention: expired since 2023, appraised as still of value. */
const keptTitle = '2012年社区居民公约修订记录（E2E）';
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
    // From the last row up: an expanded row inserts its history table's rows below it, which would
    // shift the positions of the rows still to expand.
    const sealCount = await seals.count();
    for (let index = sealCount - 1; index >= 0; index -= 1) {
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

  it('names a second approver for the party seal, with the reason on record', async () => {
    const partySeal = page
      .getByTestId('seal-registry')
      .locator('tr.ant-table-row', { hasText: '中共象山社区委员会印章' });
    await partySeal.getByRole('button', { name: '变更审批人' }).click();
    const dialog = page.getByRole('dialog', { name: '变更审批人：中共象山社区委员会印章' });
    // The approvers the seal has now are already chosen.
    await dialog.locator('.ant-select-selection-item', { hasText: '王建国' }).waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写变更理由').waitFor();
    await chooseInMultiSelect(page, dialog.getByLabel('审批人'), dialog, '陈红');
    await dialog.getByLabel('变更理由').fill('党委会议决定增设一名审批人');
    await shot('23b-archives-seal-approvers');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => partySeal.textContent(), { timeout: 10_000 }).toContain('陈红');
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
    // The ledger still out on loan is marked as lent, with whom and until when, never as 完好.
    const lent = page
      .getByTestId('handover-items')
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: 'X007-WS·2025-D30-JWH-0001' });
    expect(await lent.locator('.condition-on-loan').textContent()).toMatch(
      /^借出中（.+，应还 \d{4}-\d{2}-\d{2}）$/,
    );
    expect(await lent.textContent()).not.toContain('完好');
    await shot('24-archives-handover-form');
    // What the printer gets: the form alone, without the console's menu and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印移交清单' }).isVisible()).toBe(false);
    await shot('25-archives-handover-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps a 500-character title to three lines, the other columns at their width', async () => {
    const title = `关于${'象山社区开展老旧小区改造与加装电梯工作的请示及批复'.repeat(20)}`.slice(0, 500);
    const filed = await page.evaluate(
      async ({ community, title }) => {
        const people = await fetch(
          `/trpc/archives.people?input=${encodeURIComponent(JSON.stringify({ community }))}`,
        );
        const list = (await people.json()) as { result: { data: { id: string; displayName: string }[] } };
        const keeper = list.result.data.find((person) => person.displayName.startsWith('赵敏'));
        const response = await fetch('/trpc/archives.create', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            community,
            fonds: 'X007',
            category: 'WS',
            issuer: '象山社区居民委员会',
            title,
            date: '2026-03-01',
            medium: 'paper',
            contentGroup: 'ledgers',
            retention: 'years30',
            custodianId: keeper?.id,
            location: { room: '社区档案室', cabinet: '3号柜' },
          }),
        });
        return response.status;
      },
      { community: xiangshan.code, title },
    );
    expect(filed).toBe(200);
    await page.goto(`${server.url}/archives/${xiangshan.code}`);
    const row = page
      .getByTestId('catalogue')
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: title });
    await row.waitFor();
    const cell = row.getByTestId('catalogue-title');
    // A one-line title beside it gives the height of a line.
    const oneLine = await page
      .getByTestId('catalogue')
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: '象山社区居民小组及网格员名册' })
      .getByTestId('catalogue-title')
      .boundingBox();
    expect((await cell.boundingBox())?.height).toBeLessThanOrEqual((oneLine?.height ?? 0) * 3 + 1);
    // The whole title on hover.
    expect(await cell.getAttribute('title')).toBe(title);
    const header = (name: string) =>
      page.getByTestId('catalogue').locator('.ant-table-thead th', { hasText: name }).boundingBox();
    for (const name of ['档号', '载体', '保管期限', '状态']) {
      expect((await header(name))?.width ?? 0, name).toBeGreaterThanOrEqual(48);
    }
    await shot('23b-archives-long-title');
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
    // The street co-signs the new checkpoint, and the line at the top checks the log against it.
    await page.getByTestId('log-status-verified').waitFor();
    expect(await page.getByTestId('log-status-verified').textContent()).toContain(
      '✓ 日志与街道见证的检查点一致',
    );
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
    // A deadline before today cannot be picked: the day before is greyed out in the calendar.
    await page.getByLabel('移交期限').click();
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const cell = (day: string) => page.locator(`.ant-picker-dropdown td[title="${day}"]`);
    // The calendar opens on the default deadline a week ahead, possibly next month.
    await page.locator('.ant-picker-dropdown .ant-picker-header-view').waitFor();
    if ((await cell(today).count()) === 0) {
      await page.locator('.ant-picker-dropdown .ant-picker-header-prev-btn').click();
    }
    expect(await cell(yesterday).getAttribute('class')).toContain('ant-picker-cell-disabled');
    expect(await cell(today).getAttribute('class')).not.toContain('ant-picker-cell-disabled');
    await shot('30b-archives-handover-deadline');
    await page.keyboard.press('Escape');
    await shot('30-archives-handover-wizard');
    expect(consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  });
  /**
   * The catalogue's refusals on the form, and an expired item through appraisal (by the administrator)
   * and destruction (by its custodian) onto the destruction list. Own pages: the refusals are 400s the
   * browser logs, which the pages above must not see.
   */
  describe('filing, appraisal and destruction', () => {
    const walkErrors: string[] = [];
    const catalogueUrl = () => `${server.url}/archives/${xiangshan.code}`;
    const option = (p: Page, text: string) =>
      p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
    /**
     * Opens the item titled `title` from the catalogue by its title link. The table is redrawn when a
     * filter's answer arrives, and a click can land on the row being replaced: then it is clicked again.
     */
    const openItem = async (page: Page, title: string) => {
      const link = page
        .getByTestId('catalogue')
        .locator('.ant-table-tbody tr.ant-table-row', { hasText: title })
        .locator('td:nth-child(2) a');
      const drawer = page.locator('.ant-drawer-open', { hasText: title });
      for (let attempt = 1; ; attempt++) {
        await link.click();
        try {
          await drawer.waitFor({ timeout: 5_000 });
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };
    /** A page of its own, signed in, on the community's catalogue with its rows shown. */
    const openCatalogueAs = async (account: { username: string; password: string }) => {
      const page = await openConsolePage(browser, {
        errors: walkErrors,
        refusalsExpected: true,
        timeout: 20_000,
      });
      await signIn(page, server.url, account);
      await page.goto(catalogueUrl());
      await page.getByTestId('catalogue').locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      return page;
    };

    it('shows the server’s refusal on the location fields, then files an expired item', async () => {
      const admin = await openCatalogueAs({ username: 'admin', password: newPassword });
      // The administrator is no item's keeper: the rows offer no 借出 or 归还.
      expect(await admin.getByTestId('catalogue').getByRole('button', { name: '借出' }).count()).toBe(0);
      expect(await admin.getByTestId('catalogue').getByRole('button', { name: '归还' }).count()).toBe(0);

      await admin.getByRole('button', { name: '归档' }).click();
      const dialog = admin.getByRole('dialog', { name: '档案归档' });
      await dialog.getByLabel('题名').fill(expiredTitle);
      await dialog.getByLabel('责任者').fill('象山社区居民委员会');
      await dialog.getByLabel('日期', { exact: true }).fill('2013-05-01');
      await dialog.getByLabel('日期', { exact: true }).press('Enter');
      await dialog.getByLabel('保管期限').click();
      await option(admin, '定期10年').click();
      await dialog.getByLabel('内容类别').click();
      await option(admin, '基础、资源、工作信息').click();
      await dialog.getByLabel('保管人').click();
      await option(admin, '赵敏').waitFor();
      // Only the community's own accounts keep its items: not the town's auditor.
      expect(await option(admin, '刘伟').count()).toBe(0);
      await option(admin, '赵敏').click();
      await dialog.getByRole('button', { name: '归档' }).click();
      await dialog.getByText('纸质、音像档案和实物须登记存放位置').waitFor();
      await screenshot(admin, '40-archives-new-item-no-place');

      await dialog.getByLabel('存放位置（室）').fill('社区档案室');
      await dialog.getByLabel('柜').fill('2号柜');
      await dialog.getByRole('button', { name: '归档' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The quick view lists what is due for appraisal: the new item, not the one destroyed in the demo.
      await admin.getByRole('checkbox', { name: '已到保管期限' }).check();
      const rows = admin.getByTestId('catalogue').locator('.ant-table-tbody tr.ant-table-row');
      await rows.filter({ hasText: expiredTitle }).waitFor();
      await expect.poll(() => rows.filter({ hasText: '2014年社区环境整治工作简报' }).count()).toBe(0);
      await admin.getByText('以下档案保管期限已满').waitFor();
      await screenshot(admin, '41-archives-expired-view');

      // The title (second column) opens the item.
      await openItem(admin, expiredTitle);
      await admin.getByRole('button', { name: '鉴定' }).click();
      const appraisal = admin.getByRole('dialog', { name: /^鉴定 / });
      await appraisal.getByLabel('鉴定结论文号').fill('象档鉴〔2026〕9号');
      await appraisal.getByLabel('鉴定意见').fill('保管期满，经鉴定已无保存价值，同意销毁');
      const approvers = appraisal.getByLabel('批准人');
      await approvers.click();
      await option(admin, '王建国').waitFor();
      // The custodian cannot approve the destruction of what she keeps.
      expect(await option(admin, '赵敏').count()).toBe(0);
      await chooseInMultiSelect(admin, approvers, appraisal, '王建国');
      await admin.keyboard.press('Escape');
      await screenshot(admin, '42-archives-appraisal');
      await appraisal.getByRole('button', { name: '登记鉴定结论' }).click();
      await appraisal.waitFor({ state: 'hidden' });
      await admin.getByText('鉴定销毁：象档鉴〔2026〕9号').waitFor();
      // Destroying is the custodian's act, not offered to the administrator.
      expect(await admin.getByRole('button', { name: '销毁', exact: true }).count()).toBe(0);
      await screenshot(admin, '43-archives-appraised');
      await admin.context().close();
    });

    it('an appraisal keeps an expired item longer: the drawer shows the new period, it leaves the expired view', async () => {
      const admin = await openCatalogueAs({ username: 'admin', password: newPassword });
      await admin.getByRole('button', { name: '归档' }).click();
      const dialog = admin.getByRole('dialog', { name: '档案归档' });
      await dialog.getByLabel('题名').fill(keptTitle);
      await dialog.getByLabel('责任者').fill('象山社区居民委员会');
      await dialog.getByLabel('日期', { exact: true }).fill('2012-05-01');
      await dialog.getByLabel('日期', { exact: true }).press('Enter');
      await expect.poll(() => dialog.getByLabel('日期', { exact: true }).inputValue()).toBe('2012-05-01');
      // Each list is let close before the next select opens: a click can land on the closing one.
      const openLists = admin.locator('.ant-select-dropdown:visible');
      const closeStrayLists = async () => {
        // A click on the dialog's title closes a list left open; Escape would close the dialog.
        await expect
          .poll(
            async () => {
              const open = await openLists.count();
              if (open > 0)
                await dialog
                  .locator('.ant-modal-title')
                  .click({ timeout: 2_000 })
                  .catch(() => undefined);
              return open;
            },
            { timeout: 15_000 },
          )
          .toBe(0);
      };
      // On a busy machine a list can stay open after its choice, and catch the next field's click:
      // stray lists are closed before and after each choice.
      const choose = async (label: string, text: string) => {
        await closeStrayLists();
        await chooseOption(admin, dialog.getByLabel(label), text);
        await closeStrayLists();
      };
      await choose('保管期限', '定期10年');
      await choose('内容类别', '基础、资源、工作信息');
      await choose('保管人', '赵敏');
      await dialog.getByLabel('存放位置（室）').fill('社区档案室');
      await dialog.getByLabel('柜').fill('2号柜');
      await dialog.getByRole('button', { name: '归档' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await admin.getByRole('checkbox', { name: '已到保管期限' }).check();
      const rows = admin.getByTestId('catalogue').locator('.ant-table-tbody tr.ant-table-row');
      await openItem(admin, keptTitle);
      await admin.getByRole('button', { name: '鉴定' }).click();
      const appraisal = admin.getByRole('dialog', { name: /^鉴定 / });
      await appraisal.getByText('延长保管期限', { exact: true }).click();
      const longer = appraisal.getByLabel('延长至');
      await longer.click();
      // Only longer periods are offered: 10 年 → 30 年或永久.
      await option(admin, '定期30年').waitFor();
      expect(await option(admin, '定期10年').count()).toBe(0);
      await option(admin, '定期30年').click();
      await appraisal.getByLabel('鉴定结论文号').fill('象档鉴〔2026〕10号');
      await appraisal.getByLabel('鉴定意见').fill('保管期满，经鉴定仍有查考价值，延长保管期限至30年');
      await chooseInMultiSelect(admin, appraisal.getByLabel('批准人'), appraisal, '王建国');
      await admin.keyboard.press('Escape');
      await screenshot(admin, '43b-archives-appraisal-retain');
      await appraisal.getByRole('button', { name: '登记鉴定结论' }).click();
      await appraisal.waitFor({ state: 'hidden' });
      // 2012 + 30 years: appraised again from 2043.
      const drawer = admin.locator('.ant-drawer', { hasText: keptTitle });
      await drawer.getByText('2043-01-01', { exact: true }).waitFor();
      await drawer.getByText('定期30年', { exact: true }).waitFor();
      expect(await drawer.getByRole('button', { name: '鉴定' }).count()).toBe(0);
      await screenshot(admin, '43c-archives-retained-drawer');
      await admin.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await expect.poll(() => rows.filter({ hasText: keptTitle }).count()).toBe(0);
      await rows.filter({ hasText: expiredTitle }).waitFor();
      await screenshot(admin, '43d-archives-expired-after-retain');
      await admin.context().close();
    });

    it('the custodian destroys it, and the destruction list shows the entry; returned loans are a filter away', async () => {
      const zhao = await openCatalogueAs({ username: 'xs-zhaomin', password: demoAccountPassword });
      await zhao.getByRole('checkbox', { name: '已到保管期限' }).check();
      await screenshot(zhao, '44a-archives-expired-custodian');
      await openItem(zhao, expiredTitle);
      await zhao.getByRole('button', { name: '销毁', exact: true }).click();
      const destroy = zhao.getByRole('dialog', { name: /^销毁档案/ });
      await destroy.getByLabel('销毁方式').fill('粉碎');
      await destroy.getByRole('button', { name: '登记销毁' }).click();
      await destroy.waitFor({ state: 'hidden' });
      await zhao.getByText(/已于 \d{4}-\d{2}-\d{2} 销毁（粉碎）/).waitFor();
      await screenshot(zhao, '44-archives-destroyed-drawer');
      await zhao.keyboard.press('Escape');

      await zhao.getByRole('tab', { name: '销毁清册', exact: true }).click();
      const entry = zhao
        .getByTestId('destructions')
        .locator('.ant-table-tbody tr.ant-table-row', { hasText: expiredTitle });
      await entry.waitFor();
      expect(await entry.textContent()).toContain('象档鉴〔2026〕9号');
      expect(await entry.textContent()).toContain('已销毁');
      expect(await entry.textContent()).toContain('王建国');
      await screenshot(zhao, '45-archives-destructions-after');

      await zhao.getByRole('tab', { name: '借阅登记', exact: true }).click();
      const loans = zhao.getByTestId('open-loans').locator('.ant-table-tbody tr.ant-table-row');
      await loans.first().waitFor();
      // The custodian takes back what is out.
      expect(await loans.first().getByRole('button', { name: '归还' }).count()).toBe(1);
      await zhao.getByText('已归还', { exact: true }).click();
      await zhao.getByRole('columnheader', { name: '归还日期' }).waitFor();
      await expect.poll(async () => (await loans.first().textContent()) ?? '').toMatch(/\d{4}-\d{2}-\d{2}$/);
      await screenshot(zhao, '46-archives-lending-returned');
      await zhao.context().close();
      expect(walkErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
    });
  });

  // Last, since it leaves the log broken: someone with the database files rewrites a stored entry
  // (triggers switched off, as a superuser could), and the log page says so on opening, in red.
  it('shows a red banner naming the first bad seq once a stored entry is changed in the database', async () => {
    await server.restart(async (dataDir) => {
      execFileSync(
        process.execPath,
        [
          '--conditions=@shequ/source',
          '--import',
          'tsx',
          'tooling/e2e/test/tamper-log.ts',
          dataDir,
          `update custody_log set actor = 'someone-else' where community_code = '${xiangshan.code}' and seq = 2`,
        ],
        { cwd: repoRoot, stdio: 'inherit' },
      );
    });
    await page.goto(`${server.url}/archives/${xiangshan.code}?tab=log`);
    const banner = page.getByTestId('log-status-failed');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('✗ 日志与街道见证的检查点不符：第一处问题在 seq 2');
    await shot('27b-archives-log-rewritten');
  });
});
