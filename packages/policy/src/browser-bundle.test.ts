/**
 * A script using only @shequ/policy, bundled for the browser as a web page would bundle it: it must
 * build with no `node:` import (esbuild's browser platform refuses them) and run. Its size is
 * printed and held under a ceiling so it does not grow unnoticed. The goal is 40 KB gzip; today the
 * regulation texts (`src/texts/`, about 25 KB gzip) and zod's classic API (about 25 KB) are bundled
 * whatever the script uses, so the ceiling sits just above today's size until those leave the path.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const script = `
import { checkCommunity } from '@shequ/policy';
globalThis.report = checkCommunity(
  { code: '420702001001', name: '示例社区', asOf: '2025-06-30', facts: { households: 2600 } },
  { jurisdiction: '420700' },
);
`;

describe('a browser bundle of a script using only @shequ/policy', () => {
  it('has no node: imports, runs, and stays under its size ceiling', async () => {
    const result = await build({
      stdin: { contents: script, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['@shequ/source'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/["']node:/);
    const gzipKb = gzipSync(code).length / 1024;
    console.log(
      `@shequ/policy browser bundle: ${(code.length / 1024).toFixed(0)} KB, ${gzipKb.toFixed(1)} KB gzip`,
    );
    expect(gzipKb).toBeLessThan(120);

    const scope: { report?: { summary?: unknown } } = {};
    new Function('globalThis', code.replace(/^export\s*\{[^}]*\};?\s*$/m, ''))(scope);
    expect(scope.report?.summary).toBeDefined();
  }, 60_000);
});
