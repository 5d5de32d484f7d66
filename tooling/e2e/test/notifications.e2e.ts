/**
 * The bell: 李桂兰, custodian of 象山社区's seals, has notices from the demo (approved requests waiting
 * for her to stamp, a handover to confirm); the bell counts them, lists them, and opening one goes to
 * its page and marks it read — at desk and on a 390×844 phone, without sideways scrolling.
 */
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.js';
import { demoAccountPassword } from './server.js';
import { walkInConsole } from './sign-in.js';

describeInBrowser('the notification bell', () => {
  const walk = walkInConsole({ username: 'xs-liguilan', password: demoAccountPassword });

  const unreadOf = async () => {
    const label = (await walk.page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
    return Number(/（(\d+) 条未读）/.exec(label)?.[1] ?? 0);
  };

  it('counts the unread notices and opens one, marking it read', async () => {
    await walk.page.getByTestId('notification-bell').waitFor();
    await expect.poll(unreadOf, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await unreadOf();
    await walk.page.getByTestId('notification-bell').click();
    const panel = walk.page.getByTestId('notification-panel');
    const unread = panel.locator('button[data-read="false"]');
    await unread.first().waitFor();
    expect(await unread.first().textContent()).toMatch(/待您/);
    await screenshot(walk.page, 'notifications-desk');
    await unread.first().click();
    await expect.poll(unreadOf, { timeout: 10_000 }).toBe(before - 1);
  });

  it('fits a 390×844 phone', async () => {
    await walk.page.setViewportSize({ width: 390, height: 844 });
    await walk.page.goto(`${walk.server.url}/workbench`);
    await walk.page.getByTestId('notification-bell').click();
    await walk.page.getByTestId('notification-panel').locator('button').first().waitFor();
    await screenshot(walk.page, 'notifications-phone');
    // Polled: the panel zooms in when it opens.
    await expect
      .poll(async () => {
        const box = await walk.page.getByTestId('notification-panel').boundingBox();
        return box ? [Math.round(box.x), Math.round(box.x + box.width)] : null;
      })
      .toEqual([expect.any(Number), expect.any(Number)]);
    const box = await walk.page.getByTestId('notification-panel').boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    const overflow = await walk.page.evaluate<number>(
      // A string, evaluated in the page: this package's types describe Node, not the browser.
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(walk.consoleErrors).toEqual([]);
  });
});
