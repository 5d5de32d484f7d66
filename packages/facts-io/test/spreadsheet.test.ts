/** Community facts from real .xlsx and .csv files, written to a temporary folder. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exportWorkbook,
  factColumns,
  formatTableProblems,
  parseFactsTable,
  readTable,
  tableFormatOf,
  templateCsv,
  templateWorkbook,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-spreadsheet-'));

/** What the CLI does with a file path: the package itself reads bytes, never files. */
function readTableFile(path: string) {
  const format = tableFormatOf(path);
  if (!format) throw new Error(`unsupported file ${path}`);
  return readTable(readFileSync(path), format);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const headers = factColumns.map((c) => c.header);

describe('facts template', () => {
  it('is an .xlsx whose first sheet is headed with the Chinese column names, and a CSV with the same', async () => {
    const xlsx = join(dir, 'template.xlsx');
    writeFileSync(xlsx, await templateWorkbook());
    const rows = await readTableFile(xlsx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(headers);
    expect(headers.slice(0, 8)).toEqual([
      '社区代码',
      '社区名称',
      '数据日期',
      '城乡类型',
      '乡镇政府所在地',
      '新建社区',
      '户数',
      '人口',
    ]);
    expect(headers).toContain('服务设施面积');

    const csv = join(dir, 'template.csv');
    writeFileSync(csv, templateCsv());
    expect(await readTableFile(csv)).toEqual([headers]);
  });
});

describe('parseFactsTable', () => {
  it('reads a filled-in .xlsx as Excel stores it (codes as numbers, dates as dates, percentages)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('社区数据');
    sheet.addRow([
      '社区代码',
      '社区名称',
      '数据日期',
      '户数',
      '人口',
      '入住率',
      '服务设施面积',
      '设施功能',
      '应急避难场所',
      '专职工作者数',
    ]);
    sheet.addRow([
      370305111007,
      '象山社区居委会',
      new Date(Date.UTC(2024, 5, 30)),
      2400,
      6800,
      '85%',
      820,
      '便民服务大厅、卫生健康服务',
      '是',
      7,
    ]);
    sheet.addRow([
      '370305111013',
      '蜂山社区居委会',
      '2024/6/30',
      '1,950',
      null,
      null,
      null,
      null,
      '否',
      null,
    ]);
    const path = join(dir, 'facts.xlsx');
    await workbook.xlsx.writeFile(path);

    const result = parseFactsTable(await readTableFile(path));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshots).toEqual([
      {
        code: '370305111007',
        name: '象山社区居委会',
        asOf: '2024-06-30',
        households: 2400,
        residents: 6800,
        occupancyRate: 0.85,
        facility: { totalArea: 820, functions: ['convenience-hall', 'health'], emergencyShelter: true },
        staff: { fullTime: 7 },
      },
      {
        code: '370305111013',
        name: '蜂山社区居委会',
        asOf: '2024-06-30',
        households: 1950,
        facility: { emergencyShelter: false },
      },
    ]);
  });

  it('reports every bad cell of a CSV by row and column, and returns no snapshot at all', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(
      path,
      [
        '社区代码,社区名称,数据日期,户数,设施功能,新建社区',
        '420702001001,甲社区,2024-06-30,3200,便民服务大厅,否',
        '420702001002,乙社区,2024-06-30,-5,游泳池,也许',
        '42070200100,丙社区,2024-02-30,12.5,,',
        '',
        '420702001001,甲社区（重复）,2024-06-30,100,,',
      ].join('\n'),
    );
    const result = parseFactsTable(await readTableFile(path));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { row: 3, column: '设施功能', message: '未知的设施功能：游泳池' },
      { row: 3, column: '新建社区', message: '应为“是”或“否”（也许）' },
      { row: 3, column: '户数', message: '应为非负整数' },
      { row: 4, column: '社区代码', message: expect.stringContaining('12') },
      { row: 4, column: '数据日期', message: '应为有效日期，格式 YYYY-MM-DD' },
      { row: 4, column: '户数', message: '应为非负整数' },
      { row: 6, column: '社区代码', message: '与第2行的社区代码重复' },
    ]);
    expect(formatTableProblems(result.problems)[0]).toBe('第3行「设施功能」：未知的设施功能：游泳池');
  });

  it('checks a negative count once the cells convert, naming the column', () => {
    const result = parseFactsTable([
      ['社区代码', '社区名称', '数据日期', '户数'],
      ['420702001002', '乙社区', '2024-06-30', '-5'],
    ]);
    expect(result).toEqual({ ok: false, problems: [{ row: 2, column: '户数', message: '应为非负整数' }] });
  });

  it('refuses an unknown column header and a missing required column before reading any row', () => {
    const result = parseFactsTable([
      ['社区代码', '数据日期', '住户数'],
      ['420702001001', '2024-06-30', '10'],
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, column: '住户数', message: '未知的列标题（第3列）' },
        { row: 1, column: '社区名称', message: '缺少必需的列' },
      ],
    });
  });
});

describe('exportWorkbook', () => {
  it('writes any list to an .xlsx that reads back with the same headers and values', async () => {
    const communities = [
      { code: '420702001001', name: '甲社区', fail: 2 },
      { code: '420702001002', name: '乙社区', fail: 0 },
    ];
    const path = join(dir, 'export.xlsx');
    writeFileSync(
      path,
      await exportWorkbook(
        [
          { header: '社区代码', value: (c) => c.code },
          { header: '社区名称', value: (c) => c.name },
          { header: '不符合项', value: (c) => c.fail },
        ],
        communities,
      ),
    );
    expect(await readTableFile(path)).toEqual([
      ['社区代码', '社区名称', '不符合项'],
      ['420702001001', '甲社区', 2],
      ['420702001002', '乙社区', 0],
    ]);
  });
});
