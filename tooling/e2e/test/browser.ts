/**
 * Chromium from the system (never downloaded). Missing Chromium skips the browser test with a message,
 * unless SHEQU_REQUIRE_BROWSER=1 (CI), where it fails.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const browserRequired = process.env.SHEQU_REQUIRE_BROWSER === '1';
export const browserAvailable = existsSync(chromiumPath);

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
