/**
 * Grids, buildings, resident groups, resident representatives (居民代表, with their terms) and
 * property-service areas (物业服务区域) as spreadsheets: one sheet per kind, one row per unit, under
 * Chinese headers, read all or nothing with every problem by row and column, and exported under the
 * same headers. The links between registers travel by what a sheet can name: a building's or resident
 * group's grid by the grid's name (unique in a community), a building's property-service area by the
 * area's name, a grid's 网格长 by identity number (masked as a default export gives it, with the
 * name, for someone already on the roster). A grid's workers are kept in the console.
 */
import { domainErrorMap, fieldErrors, type Governs, residentIdNumber } from '@shequ/domain';
import {
  building,
  type CommunityRegisters,
  grid,
  gridLeaderProblem,
  gridNamed,
  isMaskedIdNumber,
  maskIdNumber,
  peopleUnitKinds,
  propertyAreaDraft,
  propertyAreaNamed,
  representativeDraft,
  residentGroup,
  rosterEntryFor,
} from '@shequ/people';
import { z } from 'zod';
import { type Cell, convert, isBlank, setPath, type TableProblem, textOf } from './parse.js';
import type { ExportColumn } from './workbook.js';

export const unitKinds = peopleUnitKinds;
export type UnitKind = (typeof unitKinds)[number];

/** Columns that link a unit to another register; resolved against the stored registers on import. */
type LinkPath = 'gridName' | 'leaderIdNumber' | 'gridLeaderName' | 'propertyAreaName';
const linkPaths: readonly string[] = [
  'gridName',
  'leaderIdNumber',
  'gridLeaderName',
  'propertyAreaName',
] satisfies LinkPath[];

interface UnitColumn {
  header: string;
  path:
    | 'communityCode'
    | 'name'
    | 'households'
    | 'leaderName'
    | 'from'
    | 'to'
    | 'propertyManager'
    | 'ownersCommitteeChairName'
    | LinkPath;
  kind: 'code' | 'text' | 'integer' | 'date';
  required?: boolean;
}

const gridOf: UnitColumn = { header: '所属网格', path: 'gridName', kind: 'text' };

const community: UnitColumn = { header: '社区代码', path: 'communityCode', kind: 'code', required: true };

/** Each kind's sheet name and columns. */
export const unitSheets: Record<UnitKind, { title: string; columns: readonly UnitColumn[] }> = {
  grid: {
    title: '网格',
    columns: [
      community,
      { header: '网格名称', path: 'name', kind: 'text', required: true },
      { header: '户数', path: 'households', kind: 'integer' },
      { header: '网格长姓名', path: 'gridLeaderName', kind: 'text' },
      { header: '网格长身份证号码', path: 'leaderIdNumber', kind: 'code' },
    ],
  },
  building: {
    title: '楼栋',
    columns: [
      community,
      { header: '楼栋名称', path: 'name', kind: 'text', required: true },
      { header: '户数', path: 'households', kind: 'integer', required: true },
      { header: '楼栋长', path: 'leaderName', kind: 'text' },
      gridOf,
      { header: '物业服务区域', path: 'propertyAreaName', kind: 'text' },
    ],
  },
  'resident-group': {
    title: '居民小组',
    columns: [
      community,
      { header: '居民小组名称', path: 'name', kind: 'text', required: true },
      { header: '户数', path: 'households', kind: 'integer', required: true },
      { header: '居民小组长', path: 'leaderName', kind: 'text' },
      gridOf,
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
  'property-area': {
    title: '物业服务区域',
    columns: [
      community,
      { header: '物业服务区域名称', path: 'name', kind: 'text', required: true },
      { header: '物业服务企业', path: 'propertyManager', kind: 'text' },
      { header: '户数', path: 'households', kind: 'integer' },
      { header: '业主委员会主任', path: 'ownersCommitteeChairName', kind: 'text' },
    ],
  },
};

const drafts = {
  grid: grid.omit({ id: true }),
  building: building.omit({ id: true }),
  'resident-group': residentGroup.omit({ id: true }),
  representative: representativeDraft,
  'property-area': propertyAreaDraft,
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
  /** The grid a building or resident group lies in, by name. */
  gridName?: string;
  /** A property-service area's company and owners' committee chair. */
  propertyManager?: string;
  ownersCommitteeChairName?: string;
  /** The property-service area a building lies in, by name. */
  propertyAreaName?: string;
  /** A grid's 网格长: name and identity number (masked unless the export is in full). */
  gridLeaderName?: string;
  leaderIdNumber?: string;
};

/** What a row says about a unit's links, as typed; `unitsAgainstRegisters` resolves them. */
export interface UnitLinks {
  gridName?: string;
  propertyAreaName?: string;
  gridLeaderName?: string;
  leaderIdNumber?: string;
  /** The leader's number as a default export masks it: names someone only together with the name. */
  leaderMaskedIdNumber?: string;
}

export function unitExportColumns(kind: UnitKind): ExportColumn<UnitSheetRow>[] {
  return unitSheets[kind].columns.map((c) => ({
    header: c.header,
    value: (u: UnitSheetRow) => u[c.path] ?? null,
    width:
      c.path === 'communityCode'
        ? 16
        : c.path === 'leaderIdNumber'
          ? 22
          : Math.max(10, c.header.length * 2 + 4),
  }));
}

export type UnitTableResult<K extends UnitKind> =
  | {
      ok: true;
      units: { row: number; unit: UnitDraft<K>; links: UnitLinks }[];
      /** The fields the sheet has columns for: an update replaces these and keeps the rest. */
      fields: string[];
    }
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

  const units: { row: number; unit: UnitDraft<K>; links: UnitLinks }[] = [];
  const rowOfName = new Map<string, number>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every(isBlank)) continue;
    const row = index + 1;
    const record: Record<string, unknown> = {};
    const links: UnitLinks = {};
    const unreadable = new Set<string>();
    byIndex.forEach((column, c) => {
      if (!column) return;
      const converted = convert(column.kind, cells[c]);
      if (converted === undefined) return;
      if ('error' in converted) {
        problems.push({ row, column: column.header, message: converted.error });
        unreadable.add(column.header);
      } else if (linkPaths.includes(column.path)) {
        const value = String(converted.value);
        if (column.path === 'gridName') links.gridName = value;
        else if (column.path === 'propertyAreaName') links.propertyAreaName = value;
        else if (column.path === 'gridLeaderName') links.gridLeaderName = value;
        else if (isMaskedIdNumber(value)) links.leaderMaskedIdNumber = value.toUpperCase();
        else {
          const id = residentIdNumber.safeParse(value, { error: domainErrorMap });
          if (id.success) links.leaderIdNumber = id.data;
          else {
            problems.push({
              row,
              column: column.header,
              message: id.error.issues[0]?.message ?? '身份证号码无效',
            });
            unreadable.add(column.header);
          }
        }
      } else setPath(record, column.path, converted.value);
    });
    if (links.leaderMaskedIdNumber !== undefined && links.gridLeaderName === undefined) {
      problems.push({ row, column: '网格长姓名', message: '填写遮蔽的身份证号码时须同时填写网格长姓名' });
      unreadable.add('网格长姓名');
    }
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
    units.push({ row, unit: parsed.data, links });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (units.length === 0) return { ok: false, problems: [{ row: 2, column: '', message: '表中没有数据行' }] };
  const fields = byIndex.flatMap((c) => (c ? [c.path] : []));
  return { ok: true, units, fields };
}

/** A unit as stored: the sheet's fields with an id. */
type StoredUnit = { id: string; communityCode: string; name: string } & Record<string, unknown>;

/** What to write for a unit sheet: new units, and stored ones (same id) as the sheet changes them. */
export interface UnitsToWrite<K extends UnitKind> {
  created: (UnitDraft<K> & { id: string })[];
  updated: (UnitDraft<K> & { id: string })[];
  /** Stored units the sheet leaves as they are: counted, neither rewritten nor audited. */
  unchanged: number;
}

function storedUnits(registers: CommunityRegisters, kind: UnitKind): StoredUnit[] {
  const list =
    kind === 'grid'
      ? registers.grids
      : kind === 'building'
        ? registers.buildings
        : kind === 'resident-group'
          ? registers.residentGroups
          : kind === 'property-area'
            ? (registers.propertyAreas ?? [])
            : (registers.representatives ?? []);
  return list as unknown as StoredUnit[];
}

/** Whether two records say the same, key order aside. */
function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * The units of a sheet against their communities' stored registers (`undefined` for a community that
 * does not exist). A grid, building or resident group whose name the community already has is that
 * unit, updated: the fields the sheet has columns for are replaced, the rest (a grid's workers) kept;
 * a representative's name is not unique enough for that, so a stored name is refused. A building's or
 * resident group's 所属网格 must be a grid of the community (stored, or a grid sheet imported first);
 * a grid's 网格长 must be on the community's roster (a masked number with the same name naming exactly
 * one entry) and, on `asOf`, sit on the residents' committee (`@shequ/people`'s `gridLeaderProblem`,
 * refused because Ezhou 第七条（一） binds, where it governs the community: `governsOf`, the API's
 * `governsIn`; absent, every document governs) unless the grid already had that leader. Gives what to
 * write, or every problem by row and column.
 */
export function unitsAgainstRegisters<K extends UnitKind>(
  kind: K,
  sheet: Extract<UnitTableResult<K>, { ok: true }>,
  registersOf: (communityCode: string) => CommunityRegisters | undefined,
  asOf: string,
  newId: () => string,
  options: { governsOf?: (communityCode: string) => Governs } = {},
): { ok: true; units: UnitsToWrite<K> } | { ok: false; problems: TableProblem[] } {
  const columns = unitSheets[kind].columns;
  const headerOf = (path: string) => columns.find((c) => c.path === path)?.header ?? '';
  const problems: TableProblem[] = [];
  const out: UnitsToWrite<K> = { created: [], updated: [], unchanged: 0 };
  // Fields a sheet column replaces on update (a link column replaces the field it resolves to).
  const replaced = sheet.fields.flatMap((f) =>
    f === 'gridName'
      ? ['gridId']
      : f === 'propertyAreaName'
        ? ['propertyAreaId']
        : f === 'leaderIdNumber'
          ? ['leaderWorkerId']
          : f === 'gridLeaderName'
            ? []
            : [f],
  );
  for (const { row, unit, links } of sheet.units) {
    const registers = registersOf(unit.communityCode);
    if (!registers) {
      problems.push({
        row,
        column: headerOf('communityCode'),
        message: `没有这个社区：${unit.communityCode}`,
      });
      continue;
    }
    const resolved: Record<string, unknown> = { ...unit };
    if (links.gridName !== undefined) {
      const g = gridNamed(registers, links.gridName);
      if (g) resolved.gridId = g.id;
      else
        problems.push({
          row,
          column: headerOf('gridName'),
          message: `本社区没有名为“${links.gridName}”的网格（可先导入网格表）`,
        });
    }
    if (links.propertyAreaName !== undefined) {
      const area = propertyAreaNamed(registers, links.propertyAreaName);
      if (area) resolved.propertyAreaId = area.id;
      else
        problems.push({
          row,
          column: headerOf('propertyAreaName'),
          message: `本社区没有名为“${links.propertyAreaName}”的物业服务区域（可先导入物业服务区域表）`,
        });
    }
    const leader =
      links.leaderIdNumber !== undefined
        ? rosterEntryFor(registers, links.leaderIdNumber, asOf)
        : links.leaderMaskedIdNumber !== undefined
          ? (() => {
              const same = registers.workers.filter(
                (w) =>
                  w.name === links.gridLeaderName && maskIdNumber(w.idNumber) === links.leaderMaskedIdNumber,
              );
              return same.length === 1 ? same[0] : undefined;
            })()
          : undefined;
    const leaderTyped = links.leaderIdNumber ?? links.leaderMaskedIdNumber;
    if (leaderTyped !== undefined) {
      if (!leader)
        problems.push({
          row,
          column: headerOf('leaderIdNumber'),
          message: `本社区花名册中没有身份证号码 ${maskIdNumber(links.leaderIdNumber ?? leaderTyped)}${links.leaderMaskedIdNumber !== undefined ? `、姓名为${links.gridLeaderName ?? ''}` : ''}的工作者`,
        });
      else {
        // A leader the grid already has is not refused again (a sheet read back must round-trip);
        // the organisation page flags a stored one who has since left the committee.
        const unchanged = storedUnits(registers, kind).some(
          (u) => u.name === unit.name && u.leaderWorkerId === leader.id,
        );
        const problem = unchanged
          ? undefined
          : gridLeaderProblem(registers, leader.id, asOf, {
              governs: options.governsOf?.(unit.communityCode),
            });
        if (problem !== undefined)
          problems.push({ row, column: headerOf('leaderIdNumber'), message: problem });
        else if (links.gridLeaderName !== undefined && links.gridLeaderName !== leader.name)
          problems.push({
            row,
            column: headerOf('gridLeaderName'),
            message: `该身份证号码登记的姓名是${leader.name}`,
          });
        else resolved.leaderWorkerId = leader.id;
      }
    }
    const stored = storedUnits(registers, kind).find((u) => u.name === unit.name);
    if (stored && kind === 'representative') {
      problems.push({ row, column: headerOf('name'), message: `本社区已登记名为“${unit.name}”的居民代表` });
      continue;
    }
    if (!stored) {
      out.created.push({ ...(resolved as UnitDraft<K>), id: newId() });
      continue;
    }
    // The sheet's columns replace their fields (a blank cell clears one); fields it has no column for
    // (and schema defaults such as a grid's empty workers) leave the stored value alone.
    const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => !replaced.includes(k)));
    const fromSheet = Object.fromEntries(Object.entries(resolved).filter(([k]) => replaced.includes(k)));
    const next = { ...kept, ...fromSheet, id: stored.id } as UnitDraft<K> & { id: string };
    // A resident group's leader term is the term of the election that gave that leader: a leader the
    // sheet changes was not elected with it, so the term goes with the leader it belonged to.
    if ('leaderTermFrom' in next && next.leaderName !== stored.leaderName) {
      const { leaderTermFrom: _from, leaderTermTo: _to, ...rest } = next as Record<string, unknown>;
      out.updated.push(rest as UnitDraft<K> & { id: string });
      continue;
    }
    if (sameRecord(next as Record<string, unknown>, stored)) out.unchanged++;
    else out.updated.push(next);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, units: out };
}

/** The kind of unit an import names, as the API takes it. */
export const unitKind = z.enum(unitKinds);
