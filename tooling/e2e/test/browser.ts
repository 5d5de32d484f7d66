/**
 * Chromium from the system (never downloaded). Missing Chromium skips the browser test with a message,
 * unless SHEQU_REQUIRE_BROWSER=1 (CI), where it fails.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without these, Chromium keeps trying to reach Google's services from a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}
