/**
 * When a step fails, every open page of the file's browsers is saved as
 * screenshots/failed-<file>-<step>-<n>.png and its address, open dialogs and the messages it shows on
 * fields, in alerts and in toasts are printed: a failure on a CI machine can then be read from the log
 * instead of guessed at.
 */
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { liveBrowsers, screenshot } from './browser.js';

/** What a person would read on the page to see why it did not go on. */
const shownMessages = [
  '.ant-modal-title',
  '.ant-result-title',
  '.ant-result-subtitle',
  '.ant-form-item-explain-error',
  '.ant-alert-message',
  '.ant-alert-description',
  '.ant-message-notice-content',
  '.ant-notification-notice-message',
  '.ant-notification-notice-description',
  '.ant-select-dropdown:visible .ant-select-item-option-selected',
].join(', ');

async function describePage(page: Page): Promise<string> {
  const texts = await page
    .locator(shownMessages)
    .allInnerTexts()
    .catch((error: unknown) => [`（读不到页面：${String(error)}）`]);
  const shown = texts.map((text) => text.trim()).filter((text) => text.length > 0);
  return `${page.url()}\n    ${shown.length > 0 ? shown.join('\n    ') : '（页面上没有提示）'}`;
}

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const file = basename(task.file.name).replace(/\.e2e\.ts$/, '');
    const step = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    let n = 0;
    for (const browser of liveBrowsers) {
      for (const context of browser.contexts()) {
        for (const page of context.pages()) {
          n += 1;
          const name = `failed-${file}-${step}-${n}`;
          await screenshot(page, name).catch(() => undefined);
          console.error(`[${name}] ${await describePage(page)}`);
        }
      }
    }
  });
});
