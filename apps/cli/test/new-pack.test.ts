/**
 * `shequ new-pack`: a standalone pack package whose pack loads with `--pack` as generated, and whose
 * code and parent are checked before anything is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

// Under this package's node_modules, so the generated pack resolves @shequ/policy as an installed one would.
const base = fileURLToPath(new URL('../node_modules/', import.meta.url));
const root = mkdtempSync(join(base, '.new-pack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('shequ new-pack', () => {
  it('writes a pack package whose pack loads below its parent', () => {
    const dir = join(root, 'echeng');
    const result = shequ(['new-pack', dir, '--code', '420704', '--parent', '420700', '--name', '鄂城区']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const file of [
      'package.json',
      'tsconfig.json',
      'src/index.ts',
      'src/pack.test.ts',
      'README.md',
      '.github/workflows/ci.yml',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('shequ-pack-420704');
    expect(manifest.dependencies['@shequ/policy']).toMatch(/^\^\d+\.\d+\.\d+$/);

    const listed = shequ(['jurisdictions', '--pack', join(dir, 'src/index.ts')]);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toContainEqual(
      expect.objectContaining({ code: '420704', name: '鄂城区', parent: '420700' }),
    );
  });

  it.each([
    [['--code', '420704', '--parent', '320000'], /parent: 代码 420704 不在上级 320000 之下/],
    [['--code', '420500', '--parent', '420000'], /上级政策包 420000 未加载/],
    [['--code', '420700', '--parent', '000000'], /代码 420700 已被政策包 420700（鄂州市） 占用/],
  ])('refuses %j before writing anything', (options, message) => {
    const dir = join(root, 'refused');
    const result = shequ(['new-pack', dir, ...options, '--name', '某地']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(dir)).toBe(false);
  });
});
