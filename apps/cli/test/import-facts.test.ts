/** `shequ import` end to end: a town's communities into a fresh embedded database, then facts from a CSV. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { communities, openPglite } from '@shequ/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-import-'));
const env = { SHEQU_DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storedHouseholds(code: string): Promise<number | null | undefined> {
  const database = await openPglite(env.SHEQU_DATA_DIR);
  try {
    // Jinshan town has four communities: reading them all keeps this test free of a query builder.
    const rows = await database.db
      .select({ code: communities.code, households: communities.households })
      .from(communities);
    const row = rows.find((r) => r.code === code);
    return row?.households;
  } finally {
    await database.close();
  }
}

// Each step starts the CLI (a fresh tsx process) on a PGlite folder: on a loaded 2-core machine, one took 39 s.
describe('shequ import', { timeout: 180_000 }, () => {
  let header: string;
  beforeAll(() => {
    const loaded = shequ(['import', 'divisions', '--prefix', '370305111'], { env });
    expect(loaded.status, loaded.stderr).toBe(0);
    const template = shequ(['import', 'template', '--out', join(dir, 'template.csv')], { env });
    expect(template.status, template.stderr).toBe(0);
    header =
      readFileSync(join(dir, 'template.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
  });

  function csv(rows: Record<string, string>[]): string {
    const columns = header.split(',');
    const lines = rows.map((row) => columns.map((column) => row[column] ?? '').join(','));
    const path = join(dir, `facts-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, [header, ...lines].join('\n'));
    return path;
  }

  it('reports a bad cell by row and column and writes nothing from the file', async () => {
    const before = await storedHouseholds('370305111007');
    const file = csv([
      { 社区代码: '370305111006', 社区名称: '十化建社区居委会', 数据日期: '2026-09-30', 户数: '1800' },
      { 社区代码: '370305111007', 社区名称: '象山社区居委会', 数据日期: '2026-09-30', 户数: '-5' },
    ]);
    const result = shequ(['import', 'facts', file], { env });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/第3行「户数」/);
    expect(await storedHouseholds('370305111006')).not.toBe(1800);
    expect(await storedHouseholds('370305111007')).toBe(before);
  });

  it('refuses a community that is not in the database, naming its row', () => {
    const file = csv([
      { 社区代码: '370305111099', 社区名称: '无此社区', 数据日期: '2026-09-30', 户数: '10' },
    ]);
    const result = shequ(['import', 'facts', file], { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('第2行「社区代码」：没有这个社区');
  });

  it('writes a good file, and a dry run writes nothing', async () => {
    const file = csv([
      { 社区代码: '370305111007', 社区名称: '象山社区居委会', 数据日期: '2026-09-30', 户数: '2468' },
    ]);
    const dry = shequ(['import', 'facts', file, '--dry-run'], { env });
    expect(dry.status, dry.stderr).toBe(0);
    expect(await storedHouseholds('370305111007')).not.toBe(2468);
    const real = shequ(['import', 'facts', file], { env });
    expect(real.status, real.stderr).toBe(0);
    expect(await storedHouseholds('370305111007')).toBe(2468);
  });
});
