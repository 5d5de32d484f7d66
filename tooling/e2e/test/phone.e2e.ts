/**
 * Every route of the console on a phone (390×844), as each kind of person who uses it: the
 * administrator, a street administrator, 象山's custodian, its 居委会主任, a plain community worker and
 * Jinshan town's auditor (纪委). A page that scrolls sideways (the document wider than the screen) fails
 * the walk; each page is photographed as `phone-<person>-<route>.png` for a person to look at. The routes
 * come from the console's own registry, so a new page cannot be left out of this walk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, screenshot } from './browser.js';
import { demoAccountPassword, type RunningServer, repoRoot, startServer } from './server.js';
import { firstSignIn } from './sign-in.js';

const phone = { width: 390, height: 844 };
const xiangshan = '370305111007';
const jinshanTown = '370305111';
/** A walk visits every route: minutes on a busy machine, not the seconds of one step. */
const walkTimeout = 300_000;

/** The route paths the console registers (apps/admin/src/pages/registry.tsx), read from its source. */
async function registeredRoutes(): Promise<string[]> {
  const source = await readFile(join(repoRoot, 'apps/admin/src/pages/registry.tsx'), 'utf8');
  return [...source.matchAll(/\bpath: '([^']+)'/g)].map((match) => match[1] as string);
}

/**
 * How far the page reaches past the right edge of the phone's screen, in CSS pixels (0 when it fits).
 * Measured against the screen's width, not `innerWidth`: a phone browser widens its layout viewport
 * to fit a page that is too wide (and zooms out), so `innerWidth` grows with the overflow.
 */
function sidewaysOverflow(page: Page): Promise<number> {
  // A string, evaluated in the page: this package's types describe Node, not the browser.
  return page.evaluate<number>(
    `Math.max(document.documentElement.scrollWidth, window.innerWidth) - ${phone.width}`,
  );
}

/** Waits until the page's data has arrived: no request in flight and no spinner turning. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

describeInBrowser('every page on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let routes: string[];
  let handoverId = '';
  const streetAdmin = { username: 'jinshan.phone', password: 'Jinshan-Phone-2026!' };
  const contexts: BrowserContext[] = [];

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: phone,
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  beforeAll(async () => {
    [server, browser, routes] = await Promise.all([startServer(), launchBrowser(), registeredRoutes()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  /** The address of a registered route, its parameters filled with the demo's 象山 and its handover. */
  function addressOf(route: string): string {
    return `/${route.replace(':code', xiangshan).replace(':id', handoverId)}`;
  }

  /** Visits every route, photographs it, and returns those that scroll sideways. */
  async function walk(page: Page, person: string): Promise<string[]> {
    const overflowing: string[] = [];
    for (const route of routes) {
      await page.goto(`${server.url}${addressOf(route)}`);
      await settled(page);
      const name = route === '*' ? 'not-found' : route.replaceAll('/', '_').replaceAll(':', '');
      await screenshot(page, `phone-${person}-${name}`);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) overflowing.push(`${route}（宽出 ${overflow}px）`);
    }
    return overflowing;
  }

  it(
    'the administrator: the menu is a drawer, the header one line, and no page scrolls sideways',
    async () => {
      const page = await phonePage();
      await firstSignIn(page, server.url, {
        username: 'admin',
        oneTimePassword: server.adminPassword,
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

      // The demo handover of 象山, for the handover route; and a street administrator for the walk below.
      const answers = await page.evaluate(
        async ({ community, town, username }) => {
          const input = encodeURIComponent(JSON.stringify({ community }));
          const list = (await (await fetch(`/trpc/handovers.list?input=${input}`)).json()) as {
            result: { data: { id: string }[] };
          };
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
          return {
            handoverId: list.result.data[0]?.id ?? '',
            oneTimePassword: created.result.data.oneTimePassword,
          };
        },
        { community: xiangshan, town: jinshanTown, username: streetAdmin.username },
      );
      handoverId = answers.handoverId;
      expect(handoverId).not.toBe('');
      Object.assign(streetAdmin, { oneTimePassword: answers.oneTimePassword });

      expect(await walk(page, 'admin')).toEqual([]);
    },
    walkTimeout,
  );

  it(
    'the street administrator: no page scrolls sideways',
    async () => {
      const page = await phonePage();
      await firstSignIn(page, server.url, {
        username: streetAdmin.username,
        oneTimePassword: (streetAdmin as { oneTimePassword?: string }).oneTimePassword ?? '',
        newPassword: streetAdmin.password,
      });
      expect(await walk(page, 'street')).toEqual([]);
    },
    walkTimeout,
  );

  const demoPeople = [
    { username: 'xs-zhaomin', who: 'custodian' },
    { username: 'xs-chenhong', who: 'director' },
    { username: 'xs-sunli', who: 'worker' },
    { username: 'js-liuwei', who: 'auditor' },
  ];
  for (const person of demoPeople) {
    it(
      `${person.username}: no page scrolls sideways`,
      async () => {
        const page = await phonePage();
        // Straight to the sign-in form: the console's own first page, the workbench, never a refusal.
        await page.goto(`${server.url}/login`);
        await page.getByLabel('用户名').fill(person.username);
        await page.getByLabel('密码').fill(demoAccountPassword);
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL(/\/workbench$/);
        await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
        await expect(page.locator('.ant-result-403').count()).resolves.toBe(0);
        expect(await walk(page, person.who)).toEqual([]);
      },
      walkTimeout,
    );
  }
});
