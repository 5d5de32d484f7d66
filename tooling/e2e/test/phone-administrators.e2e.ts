/**
 * The console on a phone as the administrator and a street administrator: the menu is a drawer, the
 * header one line, and no page scrolls sideways (phone-walk.ts).
 */
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.js';
import { jinshanTown, phoneWalkSuite, walkTimeout } from './phone-walk.js';
import { firstSignIn } from './sign-in.js';

describeInBrowser('every page on a phone, as the administrators', () => {
  const suite = phoneWalkSuite();
  const streetAdmin = { username: 'jinshan.phone', password: 'Jinshan-Phone-2026!', oneTimePassword: '' };

  it(
    'the administrator: the menu is a drawer, the header one line, and no page scrolls sideways',
    async () => {
      const page = await suite.phonePage();
      await firstSignIn(page, suite.server.url, {
        username: 'admin',
        oneTimePassword: suite.server.adminPassword,
        newPassword: 'Phone-Walk-2026!',
      });
      // The side menu does not take the screen: it opens from the header's button.
      await expect(page.locator('.ant-layout-sider').count()).resolves.toBe(0);
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '操作日志' }).waitFor();
      await screenshot(page, 'phone-admin-menu-drawer');
      await page.getByRole('menuitem', { name: '操作日志' }).click();
      await page.waitForURL(/\/audit/);
      // The user's name stays on one line in the header (its box is no taller than one line of text).
      const name = await page.getByTestId('user-name').boundingBox();
      expect(name?.height ?? 0).toBeLessThan(30);
      // Above the street, 服务事项 says whose cases it lists, so its empty table is not read as "none open".
      await page.goto(`${suite.server.url}/services`);
      await page.getByTestId('services-own-only').waitFor();
      await expect(page.getByTestId('services-cases').textContent()).resolves.toContain(
        '您没有受理或承办的服务事项',
      );

      await suite.lookUpRecords(page, ['archives', 'people', 'services', 'assessment']);
      // A street administrator for the walk below.
      streetAdmin.oneTimePassword = await page.evaluate(
        async ({ town, username }) => {
          const created = (await (
            await fetch('/trpc/users.create', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                username,
                displayName: '周敏',
                role: 'streetAdmin',
                jurisdictionCode: town,
              }),
            })
          ).json()) as { result: { data: { oneTimePassword: string } } };
          return created.result.data.oneTimePassword;
        },
        { town: jinshanTown, username: streetAdmin.username },
      );

      expect(await suite.walk(page, 'admin')).toEqual([]);
    },
    walkTimeout,
  );

  it(
    'the street administrator: no page scrolls sideways',
    async () => {
      const page = await suite.phonePage();
      await firstSignIn(page, suite.server.url, {
        username: streetAdmin.username,
        oneTimePassword: streetAdmin.oneTimePassword,
        newPassword: streetAdmin.password,
      });
      expect(await suite.walk(page, 'street')).toEqual([]);
    },
    walkTimeout,
  );
});
