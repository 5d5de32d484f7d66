/**
 * The bell: 李桂兰, custodian of 象山社区's seals, has notices from the demo (approved requests waiting
 * for her to stamp, a handover to confirm); the bell counts them, lists them, and opening one goes to
 * its page and marks it read — at desk and on a 390×844 phone, without sideways scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openConsolePage, screenshot } from './browser.js';
import { demoAccountPassword, type RunningServer, startServer } from './server.js';
import { signIn } from './sign-in.js';

describeInBrowser('the notification bell', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await openConsolePage(browser, { errors: consoleErrors, timeout: 20_000 });
    await signIn(page, server.url, { username: 'xs-liguilan', password: demoAccountPassword });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const unreadOf = async () => {
    const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
    return Number(/（(\d+) 条未读）/.exec(label)?.[1] ?? 0);
  };

  it('counts the unread notices and opens one, marking it read', async () => {
    await page.getByTestId('notification-bell').waitFor();
    await expect.poll(unreadOf, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await unreadOf();
    await page.getByTestId('notification-bell').click();
    const panel = page.getByTestId('notification-panel');
    const unread = panel.locator('button[data-read="false"]');
    await unread.first().waitFor();
    expect(await unread.first().textContent()).toMatch(/待您/);
    await screenshot(page, 'notifications-desk');
    await unread.first().click();
    await expect.poll(unreadOf, { timeout: 10_000 }).toBe(before - 1);
  });

  it('fits a 390×844 phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/workbench`);
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-panel').locator('button').first().waitFor();
    await screenshot(page, 'notifications-phone');
    // Polled: the panel zooms in when it opens.
    await expect
      .poll(async () => {
        const box = await page.getByTestId('notification-panel').boundingBox();
        return box ? [Math.round(box.x), Math.round(box.x + box.width)] : null;
      })
      .toEqual([expect.any(Number), expect.any(Number)]);
    const box = await page.getByTestId('notification-panel').boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate<number>(
      // A string, evaluated in the page: this package's types describe Node, not the browser.
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
  });
});
