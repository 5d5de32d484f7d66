/**
 * Committees with their members (居民委员会, 居务监督委员会, 下属委员会, 社区党组织) as a spreadsheet: one
 * row per member, the committee's kind and term repeated on each, so a sheet reads the way a register
 * is kept on paper. Rows with the same community, kind, sub-committee kind and term are one committee.
 * A member is named by their identity number, which the importer looks up on the community's roster
 * (residents serving unpaid have none and leave it blank). Reading is all or none with every problem
 * by row and column; the same columns export stored committees, so an exported file reads back.
 */
import { domainErrorMap, type FieldIssue, fieldErrors, residentIdNumber } from '@shequ/domain';
import {
  type Committee,
  type CommitteeKind,
  type CommunityRegisters,
  committeeDraft,
  committeeKindLabels,
  committeeKinds,
  committeeMember,
  committeeTermClashes,
  type MemberRole,
  maskIdNumber,
  memberRoleLabels,
  memberRoles,
  rosterEntryFor,
  subCommitteeChairProblems,
} from '@shequ/people';
import type { z } from 'zod';
import { type Cell, type Converted, convert, isBlank, type TableProblem, textOf } from './parse.js';
import type { ExportColumn } from './workbook.js';

type Labelled = { values: readonly string[]; labels: Readonly<Record<string, string>> };

/** One row of the sheet: a committee's fields and (unless the committee has none) one member's. */
export interface CommitteeSheetRow {
  communityCode: string;
  kind: CommitteeKind;
  subKind?: string;
  termFrom: string;
  termTo: string;
  name?: string;
  idNumber?: string;
  role?: MemberRole;
  from?: string;
  to?: string;
}

type RowField = keyof CommitteeSheetRow;

interface CommitteeColumn {
  header: string;
  field: RowField;
  kind: 'code' | 'text' | 'date' | Labelled;
  required?: boolean;
}

export const committeeColumns: readonly CommitteeColumn[] = [
  { header: '社区代码', field: 'communityCode', kind: 'code', required: true },
  {
    header: '委员会类别',
    field: 'kind',
    kind: { values: committeeKinds, labels: committeeKindLabels },
    required: true,
  },
  { header: '下属委员会类别', field: 'subKind', kind: 'text' },
  { header: '任期开始日期', field: 'termFrom', kind: 'date', required: true },
  { header: '任期届满日期', field: 'termTo', kind: 'date', required: true },
  { header: '成员姓名', field: 'name', kind: 'text' },
  { header: '成员身份证号码', field: 'idNumber', kind: 'code' },
  { header: '职务', field: 'role', kind: { values: memberRoles, labels: memberRoleLabels } },
  { header: '任职开始日期', field: 'from', kind: 'date' },
  { header: '任职结束日期', field: 'to', kind: 'date' },
];

export const committeeSheetTitle = '委员会及成员';

const headerOf = (field: RowField) => committeeColumns.find((c) => c.field === field)?.header ?? '';

/** The column of a problem a committee's path names (`termTo`, `members.2.role`, `members.2.workerId`). */
export function committeeColumnOf(path: string): string {
  const member = /^members\.\d+\.(\w+)/.exec(path)?.[1];
  if (member === 'workerId') return headerOf('idNumber');
  if (member) return headerOf(member as RowField);
  if (path === 'members') return headerOf('role');
  return headerOf(path as RowField);
}

export function committeeExportColumns(): ExportColumn<CommitteeSheetRow>[] {
  return committeeColumns.map((c) => ({
    header: c.header,
    value: (r: CommitteeSheetRow) => {
      const value = r[c.field];
      if (value === undefined) return null;
      return typeof c.kind === 'object' ? (c.kind.labels[value] ?? value) : value;
    },
    width: c.field === 'idNumber' ? 22 : Math.max(10, c.header.length * 2 + 4),
  }));
}

/** A stored committee as sheet rows, one per member; `idNumberOf` gives a member's (masked or not). */
export function committeeSheetRows(
  c: {
    communityCode: string;
    kind: CommitteeKind;
    subKind?: string | undefined;
    termFrom: string;
    termTo: string;
    members: readonly {
      workerId?: string | undefined;
      name: string;
      role: MemberRole;
      from: string;
      to?: string | undefined;
    }[];
  },
  idNumberOf: (workerId: string) => string | undefined,
): CommitteeSheetRow[] {
  const base: CommitteeSheetRow = {
    communityCode: c.communityCode,
    kind: c.kind,
    termFrom: c.termFrom,
    termTo: c.termTo,
    ...(c.subKind === undefined ? {} : { subKind: c.subKind }),
  };
  if (c.members.length === 0) return [base];
  return c.members.map((m) => {
    const idNumber = m.workerId === undefined ? undefined : idNumberOf(m.workerId);
    return {
      ...base,
      name: m.name,
      role: m.role,
      from: m.from,
      ...(idNumber === undefined ? {} : { idNumber }),
      ...(m.to === undefined ? {} : { to: m.to }),
    };
  });
}

export type CommitteeDraft = z.output<typeof committeeDraft>;

/** One committee read from the sheet, with the row of each member and the identity number typed. */
export interface CommitteeRows {
  /** The committee's first row. */
  row: number;
  committee: CommitteeDraft;
  members: { row: number; idNumber?: string }[];
}

export type CommitteeTableResult =
  | { ok: true; committees: CommitteeRows[] }
  | { ok: false; problems: TableProblem[] };

function convertCell(kind: CommitteeColumn['kind'], cell: Cell): Converted | undefined {
  if (isBlank(cell)) return undefined;
  if (typeof kind === 'string') return convert(kind, cell);
  const text = textOf(cell);
  const value = kind.values.find((v) => v === text || kind.labels[v] === text);
  return value === undefined
    ? { error: `应为以下之一：${kind.values.map((v) => kind.labels[v]).join('、')}（${text}）` }
    : { value };
}

const committeeFields = ['communityCode', 'kind', 'subKind', 'termFrom', 'termTo'] as const;

/**
 * The rows of a committee sheet (header first) as new committees, or every problem: an unknown or
 * missing column, an unreadable cell, a committee or member the `@shequ/people` schemas refuse (a
 * term ending before it starts, a member starting outside the term, two chairs at once), an identity
 * number with a wrong check digit. Whether the numbers are on the roster is the importer's check.
 */
export function parseCommitteeTable(rows: readonly (readonly Cell[])[]): CommitteeTableResult {
  const problems: TableProblem[] = [];
  const header = rows[0];
  if (!header || header.every(isBlank))
    return { ok: false, problems: [{ row: 1, column: '', message: '第1行应为列标题（可先导出作为模板）' }] };
  const byIndex: (CommitteeColumn | undefined)[] = [];
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const title = textOf(cell);
    if (title === '') return;
    const column = committeeColumns.find((c) => c.header === title);
    if (!column) problems.push({ row: 1, column: title, message: `未知的列标题（第${index + 1}列）` });
    else if (seen.has(title)) problems.push({ row: 1, column: title, message: '列标题重复' });
    else {
      seen.add(title);
      byIndex[index] = column;
    }
  });
  for (const column of committeeColumns)
    if (column.required && !seen.has(column.header))
      problems.push({ row: 1, column: column.header, message: '缺少必需的列' });
  if (problems.length > 0) return { ok: false, problems };

  const groups = new Map<string, CommitteeRows>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every(isBlank)) continue;
    const row = index + 1;
    const values: Partial<Record<RowField, unknown>> = {};
    const rowProblems: TableProblem[] = [];
    byIndex.forEach((column, c) => {
      if (!column) return;
      const converted = convertCell(column.kind, cells[c]);
      if (converted === undefined) return;
      if ('error' in converted) rowProblems.push({ row, column: column.header, message: converted.error });
      else values[column.field] = converted.value;
    });
    const hasMember = (['name', 'idNumber', 'role', 'from', 'to'] as const).some(
      (f) => values[f] !== undefined,
    );
    // A member row without a name or a post: say so plainly rather than list the posts.
    if (hasMember)
      for (const field of ['name', 'role'] as const)
        if (values[field] === undefined && !rowProblems.some((p) => p.column === headerOf(field)))
          rowProblems.push({ row, column: headerOf(field), message: '必填' });
    const unreadable = new Set(rowProblems.map((p) => p.column));
    const report = (issues: FieldIssue[], columnOf: (path: string) => string) => {
      for (const issue of issues) {
        const column = columnOf(issue.path);
        if (!unreadable.has(column)) rowProblems.push({ row, column, message: issue.message });
      }
    };
    const fields = Object.fromEntries(
      committeeFields.map((f) => [f, values[f]]).filter(([, v]) => v !== undefined),
    );
    const parsedCommittee = committeeDraft.safeParse({ ...fields, members: [] }, { error: domainErrorMap });
    if (!parsedCommittee.success) report(fieldErrors(parsedCommittee.error), committeeColumnOf);

    let member: CommitteeDraft['members'][number] | undefined;
    let idNumber: string | undefined;
    if (hasMember) {
      const parsedMember = committeeMember.safeParse(
        {
          name: values.name,
          role: values.role,
          from: values.from ?? values.termFrom,
          ...(values.to === undefined ? {} : { to: values.to }),
        },
        { error: domainErrorMap },
      );
      if (parsedMember.success) member = parsedMember.data;
      else
        report(fieldErrors(parsedMember.error), (path) =>
          path === 'from' && values.from === undefined ? headerOf('termFrom') : headerOf(path as RowField),
        );
      if (values.idNumber !== undefined) {
        const parsedId = residentIdNumber.safeParse(values.idNumber, { error: domainErrorMap });
        if (parsedId.success) idNumber = parsedId.data;
        else
          report([{ path: 'idNumber', message: parsedId.error.issues[0]?.message ?? '身份证号码无效' }], () =>
            headerOf('idNumber'),
          );
      }
    }
    if (rowProblems.length > 0 || !parsedCommittee.success) {
      problems.push(...rowProblems);
      continue;
    }
    const c = parsedCommittee.data;
    const key = [c.communityCode, c.kind, c.subKind ?? '', c.termFrom, c.termTo].join('\u0000');
    const group = groups.get(key) ?? { row, committee: c, members: [] };
    groups.set(key, group);
    if (member) {
      group.committee = { ...group.committee, members: [...group.committee.members, member] };
      group.members.push({ row, ...(idNumber === undefined ? {} : { idNumber }) });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (groups.size === 0) return { ok: false, problems: [{ row: 2, column: '', message: '表中没有数据行' }] };

  // The whole committee: members within the term, one chair at a time; each issue on its member's row.
  for (const group of groups.values()) {
    const whole = committeeDraft.safeParse(group.committee, { error: domainErrorMap });
    if (whole.success) continue;
    for (const issue of fieldErrors(whole.error)) {
      problems.push({ ...committeeProblemRow(group, issue), message: issue.message });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, committees: [...groups.values()] };
}

/** Where in the sheet a problem of a committee read from it belongs: its member's row, or the first. */
export function committeeProblemRow(
  group: CommitteeRows,
  issue: FieldIssue,
): { row: number; column: string } {
  const member = /^members\.(\d+)/.exec(issue.path)?.[1];
  if (member !== undefined)
    return { row: group.members[Number(member)]?.row ?? group.row, column: committeeColumnOf(issue.path) };
  if (issue.path === 'members') {
    // Two chairs at once: the second open chair's row is where the sheet says too much.
    const chairs = group.committee.members.flatMap((m, i) =>
      m.role === 'chair' && m.to === undefined ? [i] : [],
    );
    return { row: group.members[chairs[1] ?? 0]?.row ?? group.row, column: committeeColumnOf('members') };
  }
  return { row: group.row, column: committeeColumnOf(issue.path) };
}

/**
 * The committees of a sheet against their communities' stored registers (`undefined` for a community
 * that does not exist): each member's identity number must be on that community's roster, each
 * sub-committee's chair must sit on the residents' committee where `@shequ/people` binds it, and a
 * committee of a kind (a sub-committee of a category) must not overlap in term one stored or one
 * earlier in the sheet. Gives the committees to store (members linked to their roster entries, ids
 * from `newId`) or every problem.
 */
export function committeesAgainstRegisters(
  groups: readonly CommitteeRows[],
  registersOf: (communityCode: string) => CommunityRegisters | undefined,
  newId: () => string,
): { ok: true; committees: Committee[] } | { ok: false; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const committees: Committee[] = [];
  for (const group of groups) {
    const registers = registersOf(group.committee.communityCode);
    if (!registers) {
      problems.push({
        row: group.row,
        column: headerOf('communityCode'),
        message: `没有这个社区：${group.committee.communityCode}`,
      });
      continue;
    }
    const members = group.committee.members.map((m, i) => {
      const idNumber = group.members[i]?.idNumber;
      if (idNumber === undefined) return m;
      const entry = rosterEntryFor(registers, idNumber, m.from);
      if (!entry)
        problems.push({
          row: group.members[i]?.row ?? group.row,
          column: headerOf('idNumber'),
          message: `本社区花名册中没有身份证号码 ${maskIdNumber(idNumber)}，请先登记花名册`,
        });
      return entry ? { ...m, workerId: entry.id } : m;
    });
    committees.push({ ...group.committee, members, id: newId() });
  }
  if (problems.length > 0) return { ok: false, problems };

  // Indexes into `groups` and `committees` (the same order), by community.
  const byCommunity = new Map<string, number[]>();
  committees.forEach((c, i) => {
    byCommunity.set(c.communityCode, [...(byCommunity.get(c.communityCode) ?? []), i]);
  });
  for (const [code, indexes] of byCommunity) {
    const registers = registersOf(code);
    const incoming = indexes.flatMap((i) => committees[i] ?? []);
    if (!registers) continue;
    for (const clash of committeeTermClashes(registers, incoming)) {
      const group = groups[indexes[clash.committee] ?? -1];
      if (group) problems.push({ row: group.row, column: headerOf('termFrom'), message: clash.message });
    }
    for (const p of subCommitteeChairProblems(registers, incoming)) {
      const group = groups[indexes[p.committee] ?? -1];
      if (!group) continue;
      problems.push({
        row: p.member === undefined ? group.row : (group.members[p.member]?.row ?? group.row),
        column: headerOf(p.member === undefined ? 'role' : 'name'),
        message: p.message,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, committees };
}
