/**
 * A seal used the way 鄂州 第四十条 wants it, clicked through by the three people involved, each in their
 * own browser: 孙立, a worker of 象山社区 with no archive duties, cannot open the catalogue but can ask to
 * use the residents' committee seal; 王建国, an approver the community named for that seal, approves it
 * from his inbox; 赵敏, the custodian since the demo's handover, registers the stamping. The request's
 * state follows in 孙立's "my requests", and the stamping lands in the custody log. Then 王建国 proposes
 * to retire the seal, naming 陈红, another of its approvers; it stays in use until 陈红, signed in as
 * herself, confirms it from her inbox.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseOption, describeInBrowser, launchBrowser, openConsolePage, screenshot } from './browser.js';
import { demoAccountPassword, type RunningServer, startServer } from './server.js';
import { firstSignIn, signIn } from './sign-in.js';

const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const seal = '象山社区居民委员会印章';
const document = '居民困难情况证明（E2E）';

describeInBrowser('a seal request, approval and stamping in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  const consoleErrors: string[] = [];

  async function pageFor(username: string): Promise<Page> {
    // The plain worker's refused catalogue is a 403 the browser logs as a failed resource.
    const page = await openConsolePage(browser, {
      errors: consoleErrors,
      refusalsExpected: true,
      timeout: 20_000,
    });
    await signIn(page, server.url, { username, password: demoAccountPassword });
    return page;
  }

  const shot = screenshot;

  /** A tRPC call from the signed-in page, for the steps another walk already clicks through. */
  async function call<T>(page: Page, path: string, input: unknown, method: 'GET' | 'POST' = 'POST') {
    return page.evaluate(
      async ({ path, input, method }) => {
        const response =
          method === 'GET'
            ? await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
            : await fetch(`/trpc/${path}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(input),
              });
        const body = (await response.json()) as { result?: { data: unknown } };
        if (!response.ok) throw new Error(JSON.stringify(body));
        return body.result?.data;
      },
      { path, input, method },
    ) as Promise<T>;
  }

  /** The row of our request in a requests table. */
  const requestRow = (page: Page, testId: string) =>
    page.getByTestId(testId).locator('.ant-table-tbody tr.ant-table-row', { hasText: document });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a plain worker is refused the catalogue but asks to use the seal', async () => {
    const page = await pageFor('xs-sunli');
    await page.goto(`${server.url}/archives/${xiangshan.code}`);
    await page.getByRole('heading', { name: `${xiangshan.name} · 档案印章` }).waitFor();
    await page.getByText('只有档案、印章保管人和上级管理员可以查看').first().waitFor();

    await page.getByRole('tab', { name: '印章登记', exact: true }).click();
    const sealRow = page.getByTestId('seal-registry').locator('tr.ant-table-row', { hasText: seal });
    await sealRow.getByRole('button', { name: '申请用印' }).click();
    const dialog = page.getByRole('dialog', { name: `申请用印：${seal}` });
    // Nothing is sent without the document and the purpose; the form says which is missing.
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await dialog.getByText('请输入用印文件').waitFor();
    await dialog.getByLabel('用印文件').fill(document);
    await dialog.getByLabel('用印事由').fill('为辖区困难居民申请临时救助');
    await dialog.getByLabel('份数').fill('2');
    await shot(page, '31-seal-request');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${server.url}/archives/requests?tab=mine`);
    await requestRow(page, 'my-requests').getByText('待审批').waitFor();
    // Short headers stay on one line (no 类/别 stacked a character a line).
    const kindHeader = page.getByTestId('my-requests').locator('th', { hasText: '类别' });
    expect((await kindHeader.boundingBox())?.height).toBeLessThan(60);
    await shot(page, '31b-my-requests');

    // A worker named in no handover is told why the tab is empty, and is not offered to start one.
    await page.goto(`${server.url}/archives/${xiangshan.code}?tab=handovers`);
    await page.getByText('只有移交人、接交人、监督人和上级管理员可以查看离任移交清单').first().waitFor();
    expect(await page.getByRole('button', { name: '发起离任移交' }).isDisabled()).toBe(true);
    await page.getByText('只有街道（乡镇）及以上管理员可以发起离任移交').waitFor();
    await shot(page, '31c-worker-handovers');
    await page.context().close();
  });

  it('the named approver approves it from the inbox', async () => {
    const page = await pageFor('xs-wangjianguo');
    await page.goto(`${server.url}/archives/requests`);
    const row = requestRow(page, 'inbox');
    await row.getByText('孙立（社区工作者）').waitFor();
    await shot(page, '32-seal-inbox');
    await row.getByRole('button', { name: '批准', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '批准', exact: true }).click();
    await page.getByText('已批准').first().waitFor();
    // Decided requests leave the inbox.
    await expect.poll(() => requestRow(page, 'inbox').count()).toBe(0);
    await page.context().close();
  });

  it('the custodian registers the stamping, and the custody log gains the entry', async () => {
    const page = await pageFor('xs-zhaomin');
    await page.goto(`${server.url}/archives/${xiangshan.code}`);
    const logSize = async () => {
      await page.getByRole('tab', { name: '留痕日志', exact: true }).click();
      const title = page.getByText(/日志条目（共 \d+ 条）/);
      await title.waitFor();
      return Number((await title.textContent())?.match(/\d+/)?.[0]);
    };
    const before = await logSize();

    await page.getByRole('tab', { name: '印章登记', exact: true }).click();
    const sealRow = page.getByTestId('seal-registry').locator('tr.ant-table-row', { hasText: seal });
    await sealRow.locator('.ant-table-row-expand-icon').click();
    const request = page.locator('tr', { hasText: document }).last();
    await request.getByRole('button', { name: '用印登记' }).click();
    const dialog = page.getByRole('dialog', { name: '用印登记' });
    await dialog.getByLabel('实际用印份数').fill('2');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('已登记用印').first().waitFor();
    // The seal's history now says when, by whom and how many copies were stamped.
    const history = page.getByTestId('seal-history').locator('tr.ant-table-row', { hasText: document });
    await history.getByText('用印人 赵敏（接任保管员），盖印 2 份').waitFor();
    expect(await history.getByTestId('stamped').textContent()).toMatch(/用印时间 \d{4}-\d{2}-\d{2}/);
    await shot(page, '33-seal-stamped');

    // The custodian keeps seals but may not open a handover: the button says so before any wizard.
    await page.getByRole('tab', { name: '离任移交', exact: true }).click();
    await page.getByText('只有街道（乡镇）及以上管理员可以发起离任移交').waitFor();
    expect(await page.getByRole('button', { name: '发起离任移交' }).isDisabled()).toBe(true);
    await page.goto(`${server.url}/archives/${xiangshan.code}/handover/new`);
    await page.getByText('只有街道（乡镇）及以上管理员可以发起离任移交').waitFor();
    expect(await page.getByRole('button', { name: '下一步' }).count()).toBe(0);
    await page.goto(`${server.url}/archives/${xiangshan.code}`);

    await expect.poll(logSize).toBe(before + 1);
    await page.locator('.ant-pagination-item').last().click();
    const last = page.getByTestId('custody-entries').locator('.ant-table-tbody tr.ant-table-row').last();
    await expect.poll(() => last.textContent()).toContain('用印登记');
    expect(await last.textContent()).toContain('赵敏（接任保管员）');
    await page.context().close();
  });

  it('a seal out stops the handover wizard at the custody step, naming the seal', async () => {
    // 孙立 takes the seal out with 王建国's approval; 赵敏, its custodian, hands it out.
    const sun = await pageFor('xs-sunli');
    await sun.goto(`${server.url}/archives/requests`);
    const seals = await call<{ id: string; name: string }[]>(
      sun,
      'seals.list',
      { community: xiangshan.code },
      'GET',
    );
    const sealId = seals.find((s) => s.name === seal)?.id;
    const returnBy = new Date(Date.now() + 3_600_000).toISOString();
    const removal = await call<{ id: string }>(sun, 'seals.requestTakeOut', {
      sealId,
      reason: '到区民政局办事（E2E）',
      returnBy,
    });
    await sun.context().close();
    const wang = await pageFor('xs-wangjianguo');
    await wang.goto(`${server.url}/archives/requests`);
    await call(wang, 'seals.approveTakeOut', { requestId: removal.id });
    await wang.context().close();
    const zhao = await pageFor('xs-zhaomin');
    await zhao.goto(`${server.url}/archives/requests`);
    await call(zhao, 'seals.takeOut', { requestId: removal.id });

    const admin = await openConsolePage(browser, { errors: consoleErrors, timeout: 20_000 });
    await firstSignIn(admin, server.url, {
      username: 'admin',
      oneTimePassword: server.adminPassword,
      newPassword: 'Actions-Walk-2026!',
    });
    await admin.goto(`${server.url}/archives/${xiangshan.code}/handover/new`);
    const pick = async (label: string, name: string) => {
      await admin.getByLabel(label).click();
      await admin.getByLabel(label).fill(name);
      await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
    };
    await pick('离任人（移交人）', '赵敏');
    await pick('接任人（接交人）', '孙立');
    await pick('监交人（镇里的人员）', '刘伟');
    await admin.getByRole('button', { name: '下一步' }).click();
    const blocked = admin.getByTestId('seal-out-blocks-handover');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain(`印章「${seal}」正在外带，须先归还固定存放处`);
    await admin.getByRole('button', { name: '下一步' }).click();
    // Still at the custody step: the list cannot be made while the seal is out.
    expect(await admin.getByRole('button', { name: '生成移交清单' }).count()).toBe(0);
    await shot(admin, '33b-handover-seal-out');
    await admin.context().close();

    await call(zhao, 'seals.returnSeal', { requestId: removal.id });
    await zhao.context().close();
  });

  it('the custodian files a scan with an item and downloads it again', async () => {
    const page = await pageFor('xs-zhaomin');
    await page.goto(`${server.url}/archives/${xiangshan.code}`);
    const shelved = page
      .getByTestId('catalogue')
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: '在库' })
      .first();
    // The title (second column) opens the item; the reference code beside it only copies itself.
    await shelved.locator('td:nth-child(2) a').click();
    const drawer = page.locator('.ant-drawer', { hasText: '附件' });
    await drawer.getByRole('button', { name: /上传附件/ }).waitFor();
    // Larger than a JSON request may be: the upload streams the raw file.
    const scan = Buffer.alloc(3 * 1024 * 1024, 7);
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '会议记录扫描件.pdf', mimeType: 'application/pdf', buffer: scan });
    await page.getByText('已归档附件：会议记录扫描件.pdf').waitFor();
    const link = drawer.getByRole('link', { name: '会议记录扫描件.pdf' });
    await link.waitFor();
    // The attachment table is the list: antd's upload list does not repeat the file.
    expect(await drawer.locator('.ant-upload-list-item').count()).toBe(0);
    // An empty file is refused with a message, and leaves no red entry behind.
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '空文件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await page.locator('.ant-message-error').waitFor();
    expect(await drawer.locator('.ant-upload-list-item').count()).toBe(0);
    expect(await drawer.getByRole('link', { name: '空文件.pdf' }).count()).toBe(0);
    await shot(page, '34-archive-attachment');
    const download = await page.request.get(
      new URL((await link.getAttribute('href')) ?? '', server.url).href,
    );
    expect(download.status()).toBe(200);
    expect((await download.body()).equals(scan)).toBe(true);
    await page.context().close();
  });

  it('an approver proposes to retire the seal, naming a second approver; the seal stays in use', async () => {
    const page = await pageFor('xs-wangjianguo');
    await page.goto(`${server.url}/archives/${xiangshan.code}`);
    await page.getByRole('tab', { name: '印章登记', exact: true }).click();
    const sealRow = page.getByTestId('seal-registry').locator('tr.ant-table-row', { hasText: seal });
    await sealRow.getByRole('button', { name: '提出停用', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `提出停用印章：${seal}` });
    await chooseOption(page, dialog.getByLabel('确认的审批人'), '陈红');
    await dialog.getByLabel('停用理由').fill('居委会换届，启用新印章');
    await dialog.getByRole('button', { name: '提交，待审批人确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Nothing has changed yet: the seal is in use, marked as waiting, and cannot be proposed again.
    await sealRow.getByTestId('pending-end-tag').getByText('停用待确认').waitFor();
    await sealRow.getByText('在用', { exact: true }).waitFor();
    expect(await sealRow.getByRole('button', { name: '提出停用' }).count()).toBe(0);
    await shot(page, '35-seal-retire-proposed');
    await page.goto(`${server.url}/archives/requests?tab=mine`);
    const mine = page.getByTestId('my-end-proposals').locator('tr.ant-table-row', { hasText: seal });
    await mine.getByText('待确认').waitFor();
    await mine.getByRole('button', { name: '撤回' }).waitFor();
    await page.context().close();
  });

  it('the approver named confirms it from her own inbox, and only then is the seal retired', async () => {
    const page = await pageFor('xs-chenhong');
    await page.goto(`${server.url}/archives/requests`);
    const row = page.getByTestId('end-inbox').locator('tr.ant-table-row', { hasText: seal });
    await row.getByText('居委会换届，启用新印章').waitFor();
    expect(await row.textContent()).toContain('停用');
    await shot(page, '36-seal-retire-inbox');
    await row.getByRole('button', { name: '确认', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确认', exact: true }).click();
    // The proposal leaves the inbox once the API has retired the seal. (The 印章已停用 toast lasts three
    // seconds, which a busy machine can spend before the next look, so the lasting change is awaited.)
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    expect(await page.locator('.ant-message-error').count()).toBe(0);

    await page.goto(`${server.url}/archives/${xiangshan.code}`);
    await page.getByRole('tab', { name: '印章登记', exact: true }).click();
    const sealRow = page.getByTestId('seal-registry').locator('tr.ant-table-row', { hasText: seal });
    await sealRow.getByText('停用', { exact: true }).waitFor();
    expect(await sealRow.getByTestId('pending-end-tag').count()).toBe(0);
    // The next step is now offered: a retired seal may be proposed for destruction.
    await sealRow.getByRole('button', { name: '提出销毁', exact: true }).waitFor();
    // Only for the screenshot: let the tab's fade-in finish.
    await page.waitForTimeout(500);
    await shot(page, '37-seal-retired');
    await page.context().close();
  });

  it('the worker sees the request as stamped', async () => {
    const page = await pageFor('xs-sunli');
    await page.goto(`${server.url}/archives/requests?tab=mine`);
    await requestRow(page, 'my-requests').getByText('已用印').waitFor();
    await page.context().close();
    expect(consoleErrors).toEqual([]);
  });
});
