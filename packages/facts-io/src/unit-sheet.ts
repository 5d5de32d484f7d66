/**
 * Grids, buildings, resident groups and resident representatives (居民代表, with their terms) as spreadsheets: one sheet per kind, one row per unit, under
 * Chinese headers, read all or nothing with every problem by row and column, and exported under the
 * same headers. Links between registers (a building's grid, a grid's 网格长 and workers) are kept in
 * the console: a sheet names units, and names are not unique enough to link by.
 */
import { domainErrorMap, fieldErrors } from '@shequ/domain';
import { building, grid, representativeDraft, residentGroup } from '@shequ/people';
import { z } from 'zod';
import { type Cell, convert, isBlank, setPath, type TableProblem, textOf } from './parse.js';
import type { ExportColumn } from './workbook.js';

export const unitKinds = ['grid', 'building', 'resident-group', 'representative'] as const;
export type UnitKind = (typeof unitKinds)[number];

interface UnitColumn {
  header: string;
  path: 'communityCode' | 'name' | 'households' | 'leaderName' | 'from' | 'to';
  kind: 'code' | 'text' | 'integer' | 'date';
  required?: boolean;
}

const community: UnitColumn = { header: '社区代码', path: 'communityCode', kind: 'code', required: true };

/** Each kind's sheet name and columns. */
export const unitSheets: Record<UnitKind, { title: string; columns: readonly UnitColumn[] }> = {
  grid: {
    title: '网格',
    columns: [
      community,
      { header: '网格名称', path: 'name', kind: 'text', required: true },
      { header: '户数', path: 'households', kind: 'integer' },
    ],
  },
  building: {
    title: '楼栋',
    columns: [
      community,
      { header: '楼栋名称', path: 'name', kind: 'text', required: true },
      { header: '户数', path: 'households', kind: 'integer', required: true },
      { header: '楼栋长', path: 'leaderName', kind: 'text' },
    ],
  },
  'resident-group': {
    title: '居民小组',
    columns: [
      community,
      { header: '居民小组名称', path: 'name', kind: 'text', required: true },
      { header: '户数', path: 'households', kind: 'integer', required: true },
      { header: '居民小组长', path: 'leaderName', kind: 'text' },
    ],
  },
  representative: {
    title: '居民代表',
    columns: [
      community,
      { header: '姓名', path: 'name', kind: 'text', required: true },
      { header: '任期开始日期', path: 'from', kind: 'date', required: true },
      { header: '任期结束日期', path: 'to', kind: 'date' },
    ],
  },
};

const drafts = {
  grid: grid.omit({ id: true }),
  building: building.omit({ id: true }),
  'resident-group': residentGroup.omit({ id: true }),
  representative: representativeDraft,
};

export type UnitDraft<K extends UnitKind> = z.output<(typeof drafts)[K]>;

/** What an exported row gives: the fields the sheet has. */
export type UnitSheetRow = {
  communityCode: string;
  name: string;
  households?: number;
  leaderName?: string;
  from?: string;
  to?: string;
};

export function unitExportColumns(kind: UnitKind): ExportColumn<UnitSheetRow>[] {
  return unitSheets[kind].columns.map((c) => ({
    header: c.header,
    value: (u: UnitSheetRow) => u[c.path] ?? null,
    width: c.path === 'communityCode' ? 16 : Math.max(10, c.header.length * 2 + 4),
  }));
}

export type UnitTableResult<K extends UnitKind> =
  | { ok: true; units: { row: number; unit: UnitDraft<K> }[] }
  | { ok: false; problems: TableProblem[] };

/**
 * The rows of a unit sheet (header first) as new units, or every problem; a name twice in one
 * community is a problem of the later row.
 */
export function parseUnitTable<K extends UnitKind>(
  kind: K,
  rows: readonly (readonly Cell[])[],
): UnitTableResult<K> {
  const { columns } = unitSheets[kind];
  const schema = drafts[kind] as unknown as z.ZodType<UnitDraft<K>>;
  const problems: TableProblem[] = [];
  const header = rows[0];
  if (!header || header.every(isBlank))
    return { ok: false, problems: [{ row: 1, column: '', message: '第1行应为列标题（可先导出作为模板）' }] };
  const byIndex: (UnitColumn | undefined)[] = [];
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const title = textOf(cell);
    if (title === '') return;
    const column = columns.find((c) => c.header === title);
    if (!column) problems.push({ row: 1, column: title, message: `未知的列标题（第${index + 1}列）` });
    else if (seen.has(title)) problems.push({ row: 1, column: title, message: '列标题重复' });
    else {
      seen.add(title);
      byIndex[index] = column;
    }
  });
  for (const column of columns)
    if (column.required && !seen.has(column.header))
      problems.push({ row: 1, column: column.header, message: '缺少必需的列' });
  if (problems.length > 0) return { ok: false, problems };

  const units: { row: number; unit: UnitDraft<K> }[] = [];
  const rowOfName = new Map<string, number>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every(isBlank)) continue;
    const row = index + 1;
    const record: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    byIndex.forEach((column, c) => {
      if (!column) return;
      const converted = convert(column.kind, cells[c]);
      if (converted === undefined) return;
      if ('error' in converted) {
        problems.push({ row, column: column.header, message: converted.error });
        unreadable.add(column.header);
      } else setPath(record, column.path, converted.value);
    });
    const parsed = schema.safeParse(record, { error: domainErrorMap });
    if (!parsed.success || unreadable.size > 0) {
      for (const issue of parsed.success ? [] : fieldErrors(parsed.error)) {
        const column = columns.find((c) => c.path === issue.path)?.header ?? '';
        if (!unreadable.has(column)) problems.push({ row, column, message: issue.message });
      }
      continue;
    }
    const key = `${parsed.data.communityCode}\u0000${parsed.data.name}`;
    const earlier = rowOfName.get(key);
    if (earlier !== undefined) {
      const nameHeader = columns.find((c) => c.path === 'name')?.header ?? '';
      problems.push({ row, column: nameHeader, message: `与第${earlier}行同名` });
      continue;
    }
    rowOfName.set(key, row);
    units.push({ row, unit: parsed.data });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (units.length === 0) return { ok: false, problems: [{ row: 2, column: '', message: '表中没有数据行' }] };
  return { ok: true, units };
}

/** The kind of unit an import names, as the API takes it. */
export const unitKind = z.enum(unitKinds);
