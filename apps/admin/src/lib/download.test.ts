import { describe, expect, it } from 'vitest';
import { fetchAndSave, type SpreadsheetFile } from './download.js';

const file: SpreadsheetFile = {
  fileName: '操作日志.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  contentBase64: 'UEsDBA==',
};

describe('exporting a list', () => {
  it('saves the file the server wrote, under the server’s Chinese name', async () => {
    const saved: SpreadsheetFile[] = [];
    const failures: unknown[] = [];
    const ok = await fetchAndSave(
      async () => file,
      (f) => saved.push(f),
      (e) => failures.push(e),
    );
    expect(ok).toBe(true);
    expect(saved.map((f) => f.fileName)).toEqual(['操作日志.xlsx']);
    expect(failures).toEqual([]);
  });

  it('saves nothing when the server refuses, and passes on its reason', async () => {
    const saved: SpreadsheetFile[] = [];
    const failures: unknown[] = [];
    const refusal = new Error('超过 20000 条记录：请先按对象类型或对象编号筛选再导出');
    const ok = await fetchAndSave(
      () => Promise.reject(refusal),
      (f) => saved.push(f),
      (e) => failures.push(e),
    );
    expect(ok).toBe(false);
    expect(saved).toEqual([]);
    expect(failures).toEqual([refusal]);
  });
});
