/**
 * Who may see what, walked through in a real browser against the real server: the administrator creates
 * a street administrator for Jinshan town (金山镇) and a community worker for 象山社区居委会, each handed a
 * one-time password; a wrong mobile or ID number is refused in Chinese on its field. The street
 * administrator then sees only Jinshan town, and a Weihai community is refused by the server itself (the
 * address typed into the browser and the API called from the page both get 403), not merely hidden from the
 * menu; the community worker reads 象山 but not the neighbouring 十化建. Screenshots: tooling/e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, describeInBrowser, launchBrowser, openConsolePage, screenshot } from './browser.js';
import { type RunningServer, startServer } from './server.js';
import { firstSignIn } from './sign-in.js';

const jinshanTown = { code: '370305111', name: '金山镇' };
const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const shihuajian = { code: '370305111006', name: '十化建社区居委会' };
// A community of Weihai (3710) in the demo data, under 环翠区 — outside Jinshan town (Zibo, 3703).
const weihaiCommunity = { code: '371002001001', name: '东北村居委会' };
const refusal = '无权访问该辖区的数据';

const streetAdmin = {
  username: 'jinshan.street',
  displayName: '王秀兰',
  roleLabel: '街道（乡镇）管理员',
  mobile: '13805330111',
  newPassword: 'Jinshan-Street-2026!',
};
const communityWorker = {
  username: 'xiangshan.worker',
  displayName: '李建国',
  roleLabel: '社区工作者',
  mobile: '13905330107',
  newPassword: 'Xiangshan-Worker-2026!',
};

/** What the API answered a query made from inside the signed-in page, as the console itself would ask. */
interface ApiAnswer {
  status: number;
  code: string | undefined;
  message: string | undefined;
  body: string;
}

function askFromPage(page: Page, procedure: string, input: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ procedure, input }) => {
      const query = encodeURIComponent(JSON.stringify(input));
      const response = await fetch(`/trpc/${procedure}?input=${query}`);
      const body = await response.text();
      const parsed = JSON.parse(body) as { error?: { message?: string; data?: { code?: string } } };
      return {
        status: response.status,
        code: parsed.error?.data?.code,
        message: parsed.error?.message,
        body,
      };
    },
    { procedure, input },
  );
}

describeInBrowser('jurisdiction scope in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const consoleErrors: string[] = [];
  const oneTimePasswords = new Map<string, string>();
  const shot = screenshot;

  /** Each person works in their own browser, so no one inherits another's session. */
  async function openBrowserFor(): Promise<Page> {
    // A refused request (401, 403) is reported as a failed resource; those refusals are what we test.
    return openConsolePage(browser, { errors: consoleErrors, refusalsExpected: true });
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('the administrator', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openBrowserFor();
    });

    it('signs in, and can read the Weihai community that the others will be refused', async () => {
      await firstSignIn(page, server.url, {
        username: 'admin',
        oneTimePassword: server.adminPassword,
        newPassword: 'Scope-Walk-2026!',
      });
      // The refusals below must come from scope, not from a community that does not exist.
      const weihai = await askFromPage(page, 'communities.get', { code: weihaiCommunity.code });
      expect(weihai.status).toBe(200);
      expect(weihai.body).toContain(weihaiCommunity.name);
    });

    async function createAccount(
      person: typeof streetAdmin,
      jurisdiction: { search: string; option: string },
      idNumber?: string,
    ) {
      await page.getByRole('button', { name: /新建账号$/ }).click();
      const dialog = page.getByRole('dialog', { name: '新建账号' });
      await dialog.waitFor();
      await dialog.getByLabel('用户名').fill(person.username);
      await dialog.getByLabel('姓名').fill(person.displayName);
      await chooseOption(page, dialog.getByLabel('角色'), person.roleLabel);
      // The picker offers only nodes of the role's level, found by name or code.
      await chooseOption(page, dialog.getByLabel('所属辖区'), jurisdiction.option, {
        search: jurisdiction.search,
      });
      await dialog.getByLabel('手机号').fill(person.mobile);
      if (idNumber) await dialog.getByLabel('身份证号').fill(idNumber);
      await dialog.getByRole('button', { name: '创建' }).click();
      const shown = page.getByRole('dialog', { name: '账号已创建' });
      await shown.waitFor();
      expect(await shown.textContent()).toContain('一次性密码只显示这一次');
      expect(await shown.textContent()).toContain(person.username);
      const password = (await shown.getByTestId('one-time-password').locator('code').textContent()) ?? '';
      expect(password.length).toBeGreaterThanOrEqual(8);
      oneTimePasswords.set(person.username, password);
      return shown;
    }

    it('creates a street administrator for Jinshan town and sees the one-time password once', async () => {
      await page.getByRole('menuitem', { name: '账号管理' }).click();
      await page.waitForURL(/\/users/);
      // Two towns are called 金山镇; the code in the option tells Zibo's apart.
      const shown = await createAccount(
        streetAdmin,
        { search: jinshanTown.name, option: `（${jinshanTown.code}）` },
        '370305199001011231',
      );
      await shot(page, '20-scope-1-one-time-password');
      await shown.getByRole('button', { name: '我已记下' }).click();
      await shown.waitFor({ state: 'detached' });
      const row = page.locator('tr.ant-table-row', { hasText: streetAdmin.username });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain(streetAdmin.roleLabel);
      expect(text).toContain(jinshanTown.name);
      expect(text).toContain('待改初始密码');
      // Shown once: nothing on the list or anywhere on the page repeats it.
      expect(await page.locator('body').textContent()).not.toContain(
        oneTimePasswords.get(streetAdmin.username),
      );
    });

    it('creates a community worker of 象山社区居委会', async () => {
      const shown = await createAccount(communityWorker, {
        search: xiangshan.code,
        option: `${xiangshan.name}（${xiangshan.code}）`,
      });
      await shown.getByRole('button', { name: '我已记下' }).click();
      const row = page.locator('tr.ant-table-row', { hasText: communityWorker.username });
      await row.waitFor();
      expect(await row.textContent()).toContain(xiangshan.name);
      expect(oneTimePasswords.get(communityWorker.username)).not.toBe(
        oneTimePasswords.get(streetAdmin.username),
      );
    });

    it('is told in Chinese, on each field, that a mobile or ID number is not valid', async () => {
      await page.getByRole('button', { name: /新建账号$/ }).click();
      const dialog = page.getByRole('dialog', { name: '新建账号' });
      await dialog.getByLabel('用户名').fill('shihuajian.worker');
      await dialog.getByLabel('姓名').fill('张伟');
      await chooseOption(page, dialog.getByLabel('角色'), communityWorker.roleLabel);
      // The picker's options are found on the server as the field is typed in.
      await chooseOption(page, dialog.getByLabel('所属辖区'), `（${shihuajian.code}）`, {
        search: shihuajian.code,
      });
      // Eleven digits, so the form lets it through; no mainland number starts with 12, which the server knows.
      await dialog.getByLabel('手机号').fill('12345678901');
      // A real birth date and region, but the last (check) character is wrong.
      await dialog.getByLabel('身份证号').fill('370305199001011230');
      await dialog.getByRole('button', { name: '创建' }).click();
      const mobileHelp = dialog.locator('#createUser_mobile_help');
      const idHelp = dialog.locator('#createUser_idNumber_help');
      await mobileHelp.waitFor();
      await idHelp.waitFor();
      expect(await mobileHelp.textContent()).toBe('手机号码应为11位，以13至19开头（可带+86）');
      expect(await idHelp.textContent()).toBe('身份证号码校验位不正确，请核对');
      await shot(page, '20-scope-2-invalid-mobile-id');
      await dialog.getByRole('button', { name: /取\s*消/ }).click();
      await dialog.waitFor({ state: 'detached' });
      // Nothing was created.
      expect(await page.locator('tr.ant-table-row', { hasText: 'shihuajian.worker' }).count()).toBe(0);
    });

    it('signs out', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.waitForURL(/\/login/);
    });
  });

  describe('the Jinshan street administrator', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openBrowserFor();
    });

    it('must replace the one-time password at the first sign-in', async () => {
      const oneTimePassword = oneTimePasswords.get(streetAdmin.username);
      expect(oneTimePassword).toBeDefined();
      await firstSignIn(page, server.url, {
        username: streetAdmin.username,
        oneTimePassword: oneTimePassword ?? '',
        newPassword: streetAdmin.newPassword,
      });
      await page.getByText(streetAdmin.displayName).first().waitFor();
    });

    it('sees only Jinshan town in the tree and its four communities', async () => {
      const tree = page.locator('.ant-tree');
      await tree.locator(`[data-code="${jinshanTown.code}"]`).waitFor();
      expect(await tree.textContent()).not.toContain('威海市');
      expect(await tree.locator('[data-code]').count()).toBe(1);
      await tree.locator(`[data-code="${jinshanTown.code}"]`).click();
      await page.waitForURL(new RegExp(`under=${jinshanTown.code}`));
      await page.locator(`.ant-tree-treenode-selected [data-code="${jinshanTown.code}"]`).waitFor();
      // The table reloads for the chosen town; its rows settle at the town's four communities.
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(4);
      await page.getByRole('link', { name: xiangshan.name }).waitFor();
      // Searching for Weihai finds nothing: the search is limited to the town too.
      const search = page.getByRole('combobox', { name: '搜索辖区' });
      await search.click();
      await search.fill('威海');
      await page.locator('.ant-select-dropdown:visible').getByText('没有匹配的辖区').waitFor();
      await shot(page, '20-scope-3-street-tree');
      await search.press('Escape');
    });

    it('opens 象山社区居委会', async () => {
      await page.getByRole('link', { name: xiangshan.name }).click();
      await page.waitForURL(new RegExp(`/communities/${xiangshan.code}$`));
      await page.getByRole('heading', { name: xiangshan.name }).waitFor();
      await page.locator('#facts_households').waitFor();
    });

    it('is refused a Weihai community typed into the address bar, with a Chinese message', async () => {
      await page.goto(`${server.url}/communities/${weihaiCommunity.code}`);
      const result = page.locator('.ant-result-403');
      await result.waitFor();
      expect(await result.locator('.ant-result-title').textContent()).toBe(refusal);
      expect(await page.locator('body').textContent()).not.toContain(weihaiCommunity.name);
      await shot(page, '20-scope-4-weihai-refused');
    });

    it('is refused by the server itself: the API answers 403 FORBIDDEN and gives nothing away', async () => {
      const community = await askFromPage(page, 'communities.get', { code: weihaiCommunity.code });
      expect(community).toMatchObject({ status: 403, code: 'FORBIDDEN', message: refusal });
      expect(community.body).not.toContain(weihaiCommunity.name);
      const compliance = await askFromPage(page, 'compliance.community', { code: weihaiCommunity.code });
      expect(compliance).toMatchObject({ status: 403, code: 'FORBIDDEN', message: refusal });
      expect(compliance.body).not.toContain(weihaiCommunity.name);
      // The same calls for the town's own community succeed, so the refusal is about scope.
      const own = await askFromPage(page, 'compliance.community', { code: xiangshan.code });
      expect(own.status).toBe(200);
    });
  });

  describe('the 象山 community worker', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openBrowserFor();
    });

    it('signs in, replaces the one-time password and reads 象山社区居委会', async () => {
      const oneTimePassword = oneTimePasswords.get(communityWorker.username);
      expect(oneTimePassword).toBeDefined();
      await firstSignIn(page, server.url, {
        username: communityWorker.username,
        oneTimePassword: oneTimePassword ?? '',
        newPassword: communityWorker.newPassword,
      });
      await page.goto(`${server.url}/communities/${xiangshan.code}`);
      await page.getByRole('heading', { name: xiangshan.name }).waitFor();
      const own = await askFromPage(page, 'communities.get', { code: xiangshan.code });
      expect(own.status).toBe(200);
    });

    it('is refused the neighbouring 十化建社区居委会, by the page and by the server', async () => {
      await page.goto(`${server.url}/communities/${shihuajian.code}`);
      const result = page.locator('.ant-result-403');
      await result.waitFor();
      expect(await result.locator('.ant-result-title').textContent()).toBe(refusal);
      await shot(page, '20-scope-5-worker-neighbour-refused');
      const neighbour = await askFromPage(page, 'communities.get', { code: shihuajian.code });
      expect(neighbour).toMatchObject({ status: 403, code: 'FORBIDDEN', message: refusal });
      expect(neighbour.body).not.toContain(shihuajian.name);
      expect(consoleErrors).toEqual([]);
    });
  });
});
