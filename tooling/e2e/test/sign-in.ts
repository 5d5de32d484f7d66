import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openConsolePage } from './browser.js';
import { type RunningServer, startServer } from './server.js';

/** Opens a page that needs a session, so the redirect to the sign-in form is part of the walk, and signs in. */
async function submitSignIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/communities`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Signs in with a one-time password, which the console makes the person replace at once, waits for
 * the workbench the console then opens on, and goes on to the community list the walks start from.
 */
export async function firstSignIn(
  page: Page,
  baseUrl: string,
  account: { username: string; oneTimePassword: string; newPassword: string },
): Promise<void> {
  await submitSignIn(page, baseUrl, account.username, account.oneTimePassword);
  await page.waitForURL(/\/change-password$/);
  await page.getByText('首次登录：请设置新密码').waitFor();
  await page.getByLabel('一次性密码').fill(account.oneTimePassword);
  await page.getByLabel('新密码', { exact: true }).fill(account.newPassword);
  await page.getByLabel('确认新密码').fill(account.newPassword);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(/\/workbench$/);
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
  await page.goto(`${baseUrl}/communities`);
}

/** Signs in with a password of the person's own and waits for the console's first page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  account: { username: string; password: string },
): Promise<void> {
  await submitSignIn(page, baseUrl, account.username, account.password);
  await page.waitForURL(/\/communities/);
}

/** Who walks: a demo person with a password of their own, or the first administrator, who replaces the one-time password. */
export type Walker = { username: string; password: string } | { firstAdministrator: { newPassword: string } };

/** A walk's server, browser and signed-in page, there from the walk's `beforeAll` on. */
export interface ConsoleWalk {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  /** What the browser logged as an error, for the walk to check. */
  readonly consoleErrors: string[];
}

/**
 * The hooks every walk starts with: before all, its own server and a browser start, a console page opens
 * (a phone's 390×844 screen with `phone`) and `walker` signs in; after all, both stop. `refusalsExpected`
 * where the walk provokes refusals the browser logs as failed loads.
 */
export function walkInConsole(
  walker: Walker,
  options: { refusalsExpected?: boolean; phone?: boolean } = {},
): ConsoleWalk {
  let started: { server: RunningServer; browser: Browser; page: Page } | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const consoleErrors: string[] = [];
  const now = () => {
    if (!started) throw new Error('the walk has not started: use it inside a test or a later hook');
    return started;
  };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const page = await openConsolePage(browser, {
      errors: consoleErrors,
      timeout: 20_000,
      ...(options.refusalsExpected ? { refusalsExpected: true } : {}),
    });
    started = { server, browser, page };
    if (options.phone) await page.setViewportSize({ width: 390, height: 844 });
    if ('firstAdministrator' in walker) {
      await firstSignIn(page, server.url, {
        username: 'admin',
        oneTimePassword: server.adminPassword,
        newPassword: walker.firstAdministrator.newPassword,
      });
    } else {
      await signIn(page, server.url, walker);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return now().server;
    },
    get browser() {
      return now().browser;
    },
    get page() {
      return now().page;
    },
    consoleErrors,
  };
}
