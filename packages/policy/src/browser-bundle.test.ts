/**
 * A script using only @shequ/policy, bundled for the browser as a web page would bundle it: it must
 * build with no `node:` import (esbuild's browser platform refuses them), stay within 40 KB gzip, and
 * run — here and in Chromium. The regulation texts stay out (only `articleText` and `shippedRegistry`
 * bring them), and so does zod (the engine checks dates and fact paths without it).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

const script = `
import { checkCommunity } from '@shequ/policy';
globalThis.report = checkCommunity(
  { code: '420702001001', name: '示例社区', asOf: '2025-06-30', facts: { households: 2600 } },
  { jurisdiction: '420700' },
);
`;

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browserRequired = process.env.SHEQU_REQUIRE_BROWSER === '1';

interface Report {
  summary?: { pass?: number };
  results?: { ruleId: string; status: string }[];
}

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@shequ/source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('a browser bundle of a script using only @shequ/policy', () => {
  let code = '';
  beforeAll(async () => {
    code = await bundle(script);
  }, 60_000);

  it('has no node: imports and stays within 40 KB gzip, without the regulation texts or zod', () => {
    expect(code).not.toMatch(/["']node:/);
    const gzipKb = gzipSync(code).length / 1024;
    console.log(
      `@shequ/policy browser bundle: ${(code.length / 1024).toFixed(0)} KB, ${gzipKb.toFixed(1)} KB gzip`,
    );
    expect(gzipKb).toBeLessThanOrEqual(40);
    // A sentence of 鄂州's regulation (src/texts/ezhou.ts), and zod's own error class name.
    expect(code).not.toContain('社区居民委员会');
    expect(code).not.toContain('ZodError');
  });

  it('evaluates a community where it runs', () => {
    const scope: { report?: Report } = {};
    new Function('globalThis', code.replace(/^export\s*\{[^}]*\};?\s*$/m, ''))(scope);
    expect(scope.report?.summary).toBeDefined();
    expect(scope.report?.results?.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(chromiumPath) && !browserRequired)(
    'evaluates a community in Chromium',
    async () => {
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.setContent('<!doctype html><meta charset="utf-8"><title>bundle</title>');
        await page.addScriptTag({ content: code, type: 'module' });
        await page.waitForFunction(() => 'report' in globalThis, undefined, { timeout: 10_000 });
        const report = (await page.evaluate(() => (globalThis as { report?: Report }).report)) ?? {};
        expect(errors).toEqual([]);
        expect(report.summary).toBeDefined();
        expect(report.results?.length).toBeGreaterThan(0);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
