/**
 * `shequ import facts` on a hostile file: a zip bomb, a sheet over the row limit, a file that is not a zip.
 * Each is one zh-CN line naming the limit or the problem, status 2 — never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spreadsheetBomb } from '@shequ/facts-io/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-import-limits-'));
const env = { SHEQU_DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importFile(name: string, bytes: Buffer | string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, result: shequ(['import', 'facts', path], { env }) };
}

describe('shequ import facts with a hostile file', () => {
  it('refuses a zip bomb naming the inflated-size limit', async () => {
    const { path, result } = importFile(
      'bomb.xlsx',
      await spreadsheetBomb({ rows: 60_000, cellText: 'x'.repeat(1000) }),
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `FILE: 文件解压后超过 32 MB 的上限：请分批导入（${path}）`,
    ]);
  }, 30_000);

  it('refuses a sheet over the row limit, and a file that is not a zip, in one line each', async () => {
    const rows = importFile('rows.xlsx', await spreadsheetBomb({ rows: 20_005 }));
    expect(rows.result.status).toBe(2);
    expect(rows.result.stderr.trim().split('\n')).toEqual([
      `FILE: 表格超过 20000 行数据的上限：请分批导入（${rows.path}）`,
    ]);
    const broken = importFile('broken.xlsx', 'PK\u0003\u0004 this is not a workbook');
    expect(broken.result.status).toBe(2);
    expect(broken.result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^FILE: 无法读取该文件：不是有效的 \.xlsx 文件/),
    ]);
  }, 30_000);
});
