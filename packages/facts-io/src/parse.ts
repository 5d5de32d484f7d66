/**
 * Turns the rows of a facts table (an .xlsx sheet or a CSV file, header first) into community
 * snapshots — all of them, or none: a file with one bad row is reported in full and nothing of
 * it should be written. Each problem names the row as the user sees it (the header is row 1), the
 * column header and, in zh-CN, what is wrong.
 */
import {
  type CommunitySnapshot,
  communitySnapshot,
  domainErrorMap,
  facilityFunctions,
  fieldErrors,
  honourKinds,
} from '@shequ/domain';
import {
  type CellKind,
  columnByHeader,
  facilityFunctionLabels,
  factColumns,
  honourLabels,
} from './columns.js';

/** A cell as the readers hand it over. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface TableProblem {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column header, or '' for a problem of the whole row. */
  column: string;
  message: string;
}

export type FactsTableResult =
  | { ok: true; snapshots: CommunitySnapshot[] }
  | { ok: false; problems: TableProblem[] };

export type Converted = { value: unknown } | { error: string };

export function parseFactsTable(rows: readonly (readonly Cell[])[]): FactsTableResult {
  const problems: TableProblem[] = [];
  const header = rows[0];
  if (!header || header.every(isBlank)) {
    return { ok: false, problems: [{ row: 1, column: '', message: '第1行应为列标题（可下载模板）' }] };
  }
  const columns = readHeader(header, columnByHeader, factColumns, problems);
  if (problems.length > 0) return { ok: false, problems };

  const snapshots: CommunitySnapshot[] = [];
  const rowOfCode = new Map<string, number>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every(isBlank)) continue;
    const rowNumber = index + 1;
    const snapshot: Record<string, unknown> = {};
    const headerOfPath = new Map<string, string>();
    const unreadable = new Set<string>();
    columns.forEach((column, c) => {
      if (!column) return;
      headerOfPath.set(column.path, column.header);
      const converted = convert(column.kind, cells[c]);
      if (converted === undefined) return;
      if ('error' in converted) {
        problems.push({ row: rowNumber, column: column.header, message: converted.error });
        unreadable.add(column.header);
      } else setPath(snapshot, column.path, converted.value);
    });
    // The cells that did convert are still checked, so one pass shows every problem of the row.
    const parsed = communitySnapshot.safeParse(snapshot, { error: domainErrorMap });
    if (!parsed.success || unreadable.size > 0) {
      for (const issue of parsed.success ? [] : fieldErrors(parsed.error)) {
        const column = headerFor(issue.path, headerOfPath);
        if (!unreadable.has(column)) problems.push({ row: rowNumber, column, message: issue.message });
      }
      continue;
    }
    const earlier = rowOfCode.get(parsed.data.code);
    if (earlier !== undefined) {
      problems.push({ row: rowNumber, column: '社区代码', message: `与第${earlier}行的社区代码重复` });
      continue;
    }
    rowOfCode.set(parsed.data.code, rowNumber);
    snapshots.push(parsed.data);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (snapshots.length === 0)
    return { ok: false, problems: [{ row: 2, column: '', message: '表中没有数据行' }] };
  return { ok: true, snapshots };
}

/** `TableProblem`s as lines for a terminal: `第3行「户数」：应为非负整数`. */
export function formatTableProblems(problems: readonly TableProblem[]): string[] {
  return problems.map((p) => `第${p.row}行${p.column ? `「${p.column}」` : ''}：${p.message}`);
}

/** The column of a snapshot path; list items (`facility.functions.2`) belong to their list's column. */
function headerFor(path: string, headerOfPath: ReadonlyMap<string, string>): string {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const header = headerOfPath.get(p);
    if (header) return header;
  }
  const column = factColumns.find((c) => c.path === path);
  return column?.header ?? '';
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * The column under each cell of a sheet's header row (first row), by its title; an unknown or repeated
 * title and a missing required column are problems of row 1.
 */
export function readHeader<C extends { header: string; required?: boolean }>(
  header: readonly Cell[],
  columnByHeader: ReadonlyMap<string, C>,
  allColumns: readonly C[],
  problems: TableProblem[],
): (C | undefined)[] {
  const columns: (C | undefined)[] = [];
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const title = textOf(cell);
    if (title === '') return;
    const column = columnByHeader.get(title);
    if (!column) problems.push({ row: 1, column: title, message: `未知的列标题（第${index + 1}列）` });
    else if (seen.has(title)) problems.push({ row: 1, column: title, message: '列标题重复' });
    else {
      seen.add(title);
      columns[index] = column;
    }
  });
  for (const column of allColumns)
    if (column.required && !seen.has(column.header))
      problems.push({ row: 1, column: column.header, message: '缺少必需的列' });
  return columns;
}

export function textOf(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDateOf(cell);
  return String(cell).trim();
}

function isoDateOf(date: Date): string {
  // Spreadsheet dates carry no time zone; exceljs hands them over as UTC midnight.
  return date.toISOString().slice(0, 10);
}

const trueWords = new Set(['是', '有', 'true', 'yes', 'y', '1', '√']);
const falseWords = new Set(['否', '无', '没有', 'false', 'no', 'n', '0', '×']);
const settingWords: Record<string, 'urban' | 'rural'> = {
  城市: 'urban',
  城市社区: 'urban',
  urban: 'urban',
  农村: 'rural',
  农村社区: 'rural',
  rural: 'rural',
};

/** A cell as the value of a column of `kind`; undefined for a blank cell. */
export function convert(kind: CellKind, cell: Cell): Converted | undefined {
  if (isBlank(cell)) return undefined;
  const text = textOf(cell);
  switch (kind) {
    case 'code':
    case 'text':
      return { value: text };
    case 'date': {
      if (cell instanceof Date) return { value: isoDateOf(cell) };
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m) return { error: `应为日期，格式 YYYY-MM-DD（${text}）` };
      return { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
    }
    case 'integer':
    case 'number': {
      const n = numberOf(cell, text);
      if (n === undefined) return { error: `应为数字（${text}）` };
      return { value: n };
    }
    case 'fraction': {
      const percent = /^(-?[\d.]+)\s*[%％]$/.exec(text);
      const n = percent ? Number(percent[1]) / 100 : numberOf(cell, text);
      if (n === undefined || Number.isNaN(n)) return { error: `应为0到1之间的小数或百分数（${text}）` };
      return { value: n };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const word = text.toLowerCase();
      if (trueWords.has(word)) return { value: true };
      if (falseWords.has(word)) return { value: false };
      return { error: `应为“是”或“否”（${text}）` };
    }
    case 'setting': {
      const setting = settingWords[text.toLowerCase()];
      return setting ? { value: setting } : { error: `应为“城市”或“农村”（${text}）` };
    }
    case 'functions':
      return listOf(text, facilityFunctions, facilityFunctionLabels, '设施功能');
    case 'honours':
      return listOf(text, honourKinds, honourLabels, '荣誉');
  }
}

function numberOf(cell: Cell, text: string): number | undefined {
  if (typeof cell === 'number') return cell;
  const cleaned = text.replace(/[,，\s]/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function listOf<K extends string>(
  text: string,
  ids: readonly K[],
  labels: Record<K, string>,
  what: string,
): Converted {
  const byWord = new Map<string, K>();
  for (const id of ids) {
    byWord.set(id, id);
    byWord.set(labels[id], id);
  }
  const out: K[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/[、,，;；\n]+/).map((w) => w.trim())) {
    if (word === '') continue;
    const id = byWord.get(word);
    if (id === undefined) unknown.push(word);
    else if (!out.includes(id)) out.push(id);
  }
  if (unknown.length > 0) return { error: `未知的${what}：${unknown.join('、')}` };
  return { value: out };
}
