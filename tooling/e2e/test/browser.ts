/**
 * Chromium from the system (never downloaded). Missing Chromium skips the browser test with a message,
 * unless SHEQU_REQUIRE_BROWSER=1 (CI), where it fails.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { chromiumPath, launchChromium } from './launch.js';

const browserRequired = process.env.SHEQU_REQUIRE_BROWSER === '1';
export const browserAvailable = existsSync(chromiumPath);

/**
 * `describe` for a walk through the console in Chromium: skipped with a warning when Chromium is
 * missing, and a failure instead when the run requires the browser (CI).
 */
export function describeInBrowser(name: string, walk: () => void): void {
  if (!browserAvailable) {
    const message = `没有找到 Chromium（${chromiumPath}）：跳过浏览器测试。设置 CHROMIUM_PATH 指向 Chromium。`;
    if (browserRequired) throw new Error(`${message}（SHEQU_REQUIRE_BROWSER=1，必须运行）`);
    console.warn(message);
  }
  describe.skipIf(!browserAvailable)(name, walk);
}

/** Every browser a walk has launched and not closed: a failed step shows what their pages showed. */
export const liveBrowsers = new Set<Browser>();

export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  liveBrowsers.add(browser);
  browser.on('disconnected', () => liveBrowsers.delete(browser));
  return browser;
}

const screenshotDirectory = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Saves a full-page screenshot as tooling/e2e/screenshots/<name>.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true });
}

export interface ConsolePageOptions {
  /** Where the page's logged and thrown errors are collected; a walk ends by expecting none. */
  errors: string[];
  /**
   * Leave out the console's "Failed to load resource" lines: the browser logs every 401 and 403 so,
   * and walks that test refusals expect them.
   */
  refusalsExpected?: boolean;
  timeout?: number;
}

/** A page of the console as a person in China sees it: its own context, zh-CN, 1440×900. */
export async function openConsolePage(browser: Browser, options: ConsolePageOptions): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    // Charts drawn at once, not growing, so a screenshot shows the figures the page shows; dialogs and
    // panels open at once (the console honours the setting), so no click lands on something still moving.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 15_000);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (options.refusalsExpected && message.text().startsWith('Failed to load resource')) return;
    options.errors.push(message.text());
  });
  page.on('pageerror', (error) => options.errors.push(error.message));
  return page;
}

/**
 * Chooses `text` in an antd multi-select by typing it and pressing Enter (a click can land while the
 * dropdown is still opening), and waits until `within` shows it chosen.
 */
export async function chooseInMultiSelect(page: Page, select: Locator, within: Locator, text: string) {
  await select.fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .waitFor();
  await select.press('Enter');
  await within.locator('.ant-select-selection-item', { hasText: text }).waitFor();
}

/**
 * Chooses `text` in an antd single select (`field` is its combobox, e.g. `dialog.getByLabel('评议结果')`)
 * and waits until the select shows it chosen. On a busy machine a click can land while the list is
 * still opening, or is being replaced by the server's answer to a search, and choose nothing; then the
 * option is clicked again, the list opened again first if it has closed: by a click, or for a select
 * whose options are found on the server, by typing `search` into it again. (Escape is never pressed:
 * inside a dialog it closes the dialog.)
 */
export async function chooseOption(
  page: Page,
  field: Locator,
  text: string,
  options: { search?: string } = {},
): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  // The chosen label is written into the select's content box, which is then marked as having a value.
  const chosen = select.locator('.ant-select-content-has-value', { hasText: text });
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first();
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) {
      if (options.search === undefined) await field.click();
      else await field.fill(options.search);
    }
    await option.click();
    try {
      await chosen.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Scrolls to the end of `section`, a part of the page that loads when seen, until `ready` (inside it)
 * shows, as a person scrolls on when a skeleton still stands there. Scrolling once is not enough: a
 * summary drawn above it late pushes the section back below the screen, and it then never loads.
 */
export async function revealLazySection(section: Locator, ready: Locator, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    await section.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    if (await ready.isVisible()) return;
    if (Date.now() > deadline) {
      await ready.waitFor({ timeout: 1 });
      return;
    }
    await section.page().waitForTimeout(250);
  }
}

/**
 * Opens an antd Collapse panel by clicking its `header` and waits until `content` shows and the panel's
 * opening animation has finished. A click on a form inside a panel that is still sliding open can land
 * on the moving form and be lost, so a walk that submits right away saw no message at all.
 */
export async function openPanel(page: Page, header: Locator, content: Locator): Promise<void> {
  await header.click();
  await content.waitFor();
  await motionSettled(page);
}

/**
 * Closes the notice on screen (a dialog with a 确定 button, as an import's outcome) with that button,
 * once it has finished zooming in, and waits until it has gone: a click on the button while it still
 * moved was lost on a busy machine, and the notice left open then covered the page's next button.
 */
export async function acknowledgeNotice(page: Page, timeout = 20_000): Promise<void> {
  const notice = page
    .locator('.ant-modal')
    .filter({ visible: true })
    .filter({ has: page.getByRole('button', { name: /OK|确\s*定/ }) });
  const deadline = Date.now() + timeout;
  await notice.first().waitFor({ timeout });
  while ((await notice.count()) > 0) {
    if (Date.now() > deadline) throw new Error('the notice dialog did not close');
    await motionSettled(page);
    await notice
      .first()
      .getByRole('button', { name: /OK|确\s*定/ })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await notice
      .first()
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .catch(() => undefined);
  }
}

/**
 * Waits until no antd opening motion is running: a Collapse panel sliding open, a dialog or drawer
 * zooming or sliding in. A click on a button that is still moving can be lost on a busy machine.
 */
export async function motionSettled(page: Page): Promise<void> {
  await page
    .locator('.ant-motion-collapse, [class*="-appear-active"], [class*="-enter-active"]')
    .first()
    .waitFor({ state: 'detached' });
}
