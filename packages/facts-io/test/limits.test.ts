/**
 * A spreadsheet that inflates far beyond its size on disk is refused before it is parsed, with a zh-CN
 * message naming the limit; so is one with more rows than the limit, and one whose zip lies about sizes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPREADSHEET_LIMITS, readTable, SpreadsheetRefused } from '../src/index.js';
import { spreadsheetBomb } from '../src/testing.js';

const padding = 'x'.repeat(1000);

describe('spreadsheet limits', () => {
  it('refuses an .xlsx whose sheet inflates past the limit, without inflating it', async () => {
    // 60,000 rows of 1 KB: about 64 MB of XML in a file small enough to upload (under 1 MB).
    const bomb = await spreadsheetBomb({ rows: 60_000, cellText: padding });
    expect(bomb.length).toBeLessThan(1_000_000);
    const before = process.memoryUsage().heapUsed;
    const refused = await readTable(bomb, 'xlsx').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SpreadsheetRefused);
    expect((refused as SpreadsheetRefused).reason).toBe('tooLarge');
    expect((refused as Error).message).toBe('文件解压后超过 32 MB 的上限：请分批导入');
    // Nothing near the inflated size was ever held.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a sheet with more rows than the limit, small as it is once inflated', async () => {
    const bomb = await spreadsheetBomb({ rows: DEFAULT_SPREADSHEET_LIMITS.maxRows + 5 });
    await expect(readTable(bomb, 'xlsx')).rejects.toThrow('表格超过 20000 行数据的上限：请分批导入');
  });

  it('refuses a zip whose directory understates the inflated size', async () => {
    const liar = await spreadsheetBomb({ rows: 60_000, cellText: padding, declaredSheetSize: 1000 });
    const refused = await readTable(liar, 'xlsx').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SpreadsheetRefused);
    expect((refused as Error).message).toMatch(/^无法读取该文件/);
  });

  it('refuses a file that is not a zip at all, and a CSV over the limits', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004 not really'), 'xlsx')).rejects.toBeInstanceOf(
      SpreadsheetRefused,
    );
    const limits = { maxInflatedBytes: 1000, maxRows: 3 };
    await expect(readTable(Buffer.from('a,b\n'.repeat(400)), 'csv', limits)).rejects.toThrow(
      '文件解压后超过 0 MB 的上限',
    );
    await expect(readTable(Buffer.from('a\n1\n2\n3\n4\n'), 'csv', limits)).rejects.toThrow(
      '表格超过 2 行数据的上限',
    );
  });

  it('still reads a file within the limits', async () => {
    const small = await spreadsheetBomb({ rows: 3, cellText: '社区' });
    expect(await readTable(small, 'xlsx')).toEqual([['社区'], ['社区'], ['社区']]);
  });
});
