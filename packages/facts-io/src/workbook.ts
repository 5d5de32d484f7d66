/**
 * Reading and writing the files people keep community facts in: .xlsx through exceljs, .csv
 * through csv-parse. Readers hand over plain rows of cells for `parseFactsTable`.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { factColumns } from './columns.js';
import {
  checkCsvLimits,
  checkWorkbookLimits,
  DEFAULT_SPREADSHEET_LIMITS,
  type SpreadsheetLimits,
  SpreadsheetRefused,
} from './limits.js';
import type { Cell } from './parse.js';

export type TableFormat = 'xlsx' | 'csv';

/** A column of an exported list: its header and how to get the cell from a row. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
  /** Column width in characters; default fits the header. */
  width?: number;
}

/** Any list as an .xlsx workbook with one sheet, a bold frozen header and filters. */
export async function exportWorkbook<T>(
  columns: readonly ExportColumn<T>[],
  rows: Iterable<T>,
  sheetName = '数据',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The facts template as .xlsx: an empty 社区数据 sheet to fill in and a 填写说明 sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet('社区数据', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  data.columns = factColumns.map((c) => ({
    header: c.header,
    width: Math.max(12, c.header.length * 2 + 4),
    // Codes are 12 digits: as text, Excel neither rounds them nor shows them in scientific notation.
    ...(c.kind === 'code' ? { style: { numFmt: '@' } } : {}),
  }));
  data.getRow(1).font = { bold: true };
  factColumns.forEach((c, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (c.note) cell.note = c.note;
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列标题', width: 24 },
    { header: '必填', width: 6 },
    { header: '说明', width: 70 },
    { header: '示例', width: 36 },
    { header: '快照字段', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of factColumns) help.addRow([c.header, c.required ? '是' : '', c.note, c.example, c.path]);
  help.addRow([]);
  help.addRow(['每个社区一行，第1行为列标题；空白单元格表示没有该项数据（相关规则结果为“无法判断”）。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The facts template as CSV (UTF-8 with a byte-order mark, so Excel opens it in Chinese). */
export function templateCsv(): string {
  return `\uFEFF${factColumns.map((c) => csvField(c.header)).join(',')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows of the first worksheet of an .xlsx file, or of a CSV file, header first. A file over the limits
 * (inflated size, rows) or not a spreadsheet at all is refused with `SpreadsheetRefused` before it is parsed.
 */
export async function readTable(
  data: Uint8Array,
  format: TableFormat,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<Cell[][]> {
  if (format === 'csv') {
    checkCsvLimits(data, limits);
    // Empty lines are kept as rows so row numbers stay those the user sees.
    try {
      return parseCsv(Buffer.from(data), { bom: true, relax_column_count: true }) as string[][];
    } catch (error) {
      throw new SpreadsheetRefused(
        'unreadable',
        `无法读取该 CSV 文件${error instanceof Error ? `（${error.message}）` : ''}：请用模板另存为 UTF-8 编码的 .csv`,
      );
    }
  }
  await checkWorkbookLimits(data, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetRefused('unreadable', '无法读取该文件：不是有效的 .xlsx 文件，请用模板另存为 .xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads a .xlsx or .csv file by its extension. */
export function tableFormatOf(path: string): TableFormat | undefined {
  const name = path.toLowerCase();
  return name.endsWith('.xlsx') ? 'xlsx' : name.endsWith('.csv') ? 'csv' : undefined;
}

/** exceljs cell values (rich text, formulas, hyperlinks…) reduced to what a person typed or sees. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean')
      return result;
    return result instanceof Date ? result : null;
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return String(value.error);
  return null;
}
