/**
 * Committees with their members (居民委员会, 居务监督委员会, 下属委员会, 社区党组织) as a spreadsheet: one
 * row per member, the committee's kind and term repeated on each, so a sheet reads the way a register
 * is kept on paper. Rows with the same community, kind, sub-committee kind and term are one committee.
 * A member is named by their identity number, which the importer looks up on the community's roster
 * (residents serving unpaid have none and leave it blank). Reading is all or none with every problem
 * by row and column; the same columns export stored committees, so an exported file reads back.
 */
import { domainErrorMap, type FieldIssue, fieldErrors, type Governs, residentIdNumber } from '@shequ/domain';
import {
  type Committee,
  type CommitteeKind,
  type CommunityRegisters,
  committeeDraft,
  committeeKindLabels,
  committeeKinds,
  committeeMember,
  committee as committeeSchema,
  committeeTermClashes,
  isMaskedIdNumber,
  type MemberKnowledge,
  type MemberRole,
  maskIdNumber,
  memberKnowledgeKinds,
  memberKnowledgeLabels,
  memberRoleLabels,
  memberRoles,
  rosterEntryFor,
  subCommitteeChairProblems,
  type Training,
} from '@shequ/people';
import type { z } from 'zod';
import { type Cell, type Converted, convert, isBlank, type TableProblem, textOf } from './parse.js';
import type { ExportColumn } from './workbook.js';

type Labelled = { values: readonly string[]; labels: Readonly<Record<string, string>> };

/** One row of the sheet: a committee's fields and (unless the committee has none) one member's. */
export interface CommitteeSheetRow {
  /** The stored committee's id: an exported sheet read back updates that committee. */
  committeeId?: string;
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
  /** Jiangsu 17（5）: 财会、管理, one of them, or 无; blank when not entered. */
  knowledge?: string;
  /** County-level training dates of a member not on the roster, 、-separated. */
  trainingDates?: string;
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
  { header: '财会管理知识', field: 'knowledge', kind: 'text' },
  { header: '县级以上培训日期（非花名册成员）', field: 'trainingDates', kind: 'text' },
  // Last, so a sheet typed from scratch can leave it off; an exported sheet carries it back.
  { header: '委员会编号', field: 'committeeId', kind: 'text' },
];

export const committeeSheetTitle = '委员会及成员';

/** What the 财会管理知识 column says of a member who knows neither. */
const knowsNeither = '无';

/** The title a training entered as a date in the sheet is stored under. */
export const sheetTrainingTitle = '县级以上集中培训';

const listSeparator = /[、,，;；\s]+/;

/** A member's knowledge as the sheet writes it: 财会、管理, 财会, 管理 or 无. */
function knowledgeText(knowledge: readonly MemberKnowledge[]): string {
  return knowledge.length === 0 ? knowsNeither : knowledge.map((k) => memberKnowledgeLabels[k]).join('、');
}

/** The 财会管理知识 cell as the member record's list, or why it cannot be read. */
function readKnowledge(text: string): { value: MemberKnowledge[] } | { error: string } {
  if (text === knowsNeither) return { value: [] };
  const value: MemberKnowledge[] = [];
  for (const part of text.split(listSeparator).filter((p) => p !== '')) {
    const kind = memberKnowledgeKinds.find((k) => memberKnowledgeLabels[k] === part);
    if (kind === undefined)
      return {
        error: `应为${memberKnowledgeKinds.map((k) => memberKnowledgeLabels[k]).join('、')}或${knowsNeither}（${part}）`,
      };
    value.push(kind);
  }
  return { value };
}

/** The training-dates cell as county-level trainings, or why a date cannot be read. */
function readTrainingDates(text: string): { value: Training[] } | { error: string } {
  const value: Training[] = [];
  for (const part of text.split(listSeparator).filter((p) => p !== '')) {
    const converted = convert('date', part);
    if (converted === undefined) continue;
    if ('error' in converted) return { error: converted.error };
    value.push({ on: String(converted.value), title: sheetTrainingTitle, level: 'county-or-above' });
  }
  return { value };
}

const headerOf = (field: RowField) => committeeColumns.find((c) => c.field === field)?.header ?? '';

/** The column of a problem a committee's path names (`termTo`, `members.2.role`, `members.2.workerId`). */
export function committeeColumnOf(path: string): string {
  const member = /^members\.\d+\.(\w+)/.exec(path)?.[1];
  if (member === 'workerId') return headerOf('idNumber');
  if (member === 'trainings') return headerOf('trainingDates');
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
    width: c.field === 'idNumber' || c.field === 'committeeId' ? 22 : Math.max(10, c.header.length * 2 + 4),
  }));
}

/** A stored committee as sheet rows, one per member; `idNumberOf` gives a member's (masked or not). */
export function committeeSheetRows(
  c: {
    id: string;
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
      knowledge?: readonly MemberKnowledge[] | undefined;
      trainings?: readonly Training[] | undefined;
    }[];
  },
  idNumberOf: (workerId: string) => string | undefined,
): CommitteeSheetRow[] {
  const base: CommitteeSheetRow = {
    committeeId: c.id,
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
      ...(m.knowledge === undefined ? {} : { knowledge: knowledgeText(m.knowledge) }),
      ...(m.trainings === undefined
        ? {}
        : {
            trainingDates: m.trainings
              .filter((t) => t.level === 'county-or-above')
              .map((t) => t.on)
              .join('、'),
          }),
    };
  });
}

export type CommitteeDraft = z.output<typeof committeeDraft>;

/** One committee read from the sheet, with the row of each member and the identity number typed. */
export interface CommitteeRows {
  /** The committee's first row. */
  row: number;
  committee: CommitteeDraft;
  /** The stored committee the rows update, as the 委员会编号 column names it. */
  committeeId?: string;
  /**
   * Each member's row and identity number as typed: in full, or masked as a default export gives it
   * (`maskedIdNumber`), which can only name someone already on the committee.
   */
  members: { row: number; idNumber?: string; maskedIdNumber?: string }[];
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
    const hasMember = (
      ['name', 'idNumber', 'role', 'from', 'to', 'knowledge', 'trainingDates'] as const
    ).some((f) => values[f] !== undefined);
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
    let maskedIdNumber: string | undefined;
    const knowledge = typeof values.knowledge === 'string' ? readKnowledge(values.knowledge) : undefined;
    if (knowledge && 'error' in knowledge)
      rowProblems.push({ row, column: headerOf('knowledge'), message: knowledge.error });
    const trainings =
      typeof values.trainingDates === 'string' ? readTrainingDates(values.trainingDates) : undefined;
    if (trainings && 'error' in trainings)
      rowProblems.push({ row, column: headerOf('trainingDates'), message: trainings.error });
    if (hasMember) {
      const parsedMember = committeeMember.safeParse(
        {
          name: values.name,
          role: values.role,
          from: values.from ?? values.termFrom,
          ...(values.to === undefined ? {} : { to: values.to }),
          ...(knowledge && 'value' in knowledge ? { knowledge: knowledge.value } : {}),
          ...(trainings && 'value' in trainings ? { trainings: trainings.value } : {}),
        },
        { error: domainErrorMap },
      );
      if (parsedMember.success) member = parsedMember.data;
      else
        report(fieldErrors(parsedMember.error), (path) =>
          path === 'from' && values.from === undefined ? headerOf('termFrom') : headerOf(path as RowField),
        );
      if (typeof values.idNumber === 'string' && isMaskedIdNumber(values.idNumber))
        maskedIdNumber = values.idNumber.toUpperCase();
      else if (values.idNumber !== undefined) {
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
    const committeeId = typeof values.committeeId === 'string' ? values.committeeId : undefined;
    const key = [committeeId ?? '', c.communityCode, c.kind, c.subKind ?? '', c.termFrom, c.termTo].join(
      '\u0000',
    );
    const sameId =
      committeeId === undefined
        ? undefined
        : [...groups.entries()].find(([k, g]) => g.committeeId === committeeId && k !== key)?.[1];
    if (sameId) {
      problems.push({
        row,
        column: headerOf('committeeId'),
        message: `与第${sameId.row}行委员会编号相同，但委员会类别或任期不同`,
      });
      continue;
    }
    const group = groups.get(key) ?? {
      row,
      committee: c,
      members: [],
      ...(committeeId === undefined ? {} : { committeeId }),
    };
    groups.set(key, group);
    if (member) {
      group.committee = { ...group.committee, members: [...group.committee.members, member] };
      group.members.push({
        row,
        ...(idNumber === undefined ? {} : { idNumber }),
        ...(maskedIdNumber === undefined ? {} : { maskedIdNumber }),
      });
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
 * The committees of a sheet against their communities' stored registers, and what to write. */
export interface CommitteesToWrite {
  /** New committees, each with an id from `newId`. */
  created: Committee[];
  /** Stored committees the sheet changes, as they will be stored (same id). */
  updated: Committee[];
  /** Stored committees the sheet leaves as they are: counted, neither rewritten nor audited. */
  unchanged: number;
}

/** Whether two versions of a committee say the same (the stored record's key order aside). */
function sameCommittee(a: Committee, b: Committee): boolean {
  const member = (m: Committee['members'][number]) =>
    [m.workerId ?? '', m.name, m.role, m.from, m.to ?? ''].join('\u0000');
  return (
    a.termFrom === b.termFrom &&
    a.termTo === b.termTo &&
    a.members.length === b.members.length &&
    a.members.every((m, i) => {
      const other = b.members[i];
      return other !== undefined && member(m) === member(other);
    })
  );
}

/** A member's stable key in a committee: their roster entry, or (a resident serving unpaid) their name. */
const memberKey = (m: { workerId?: string | undefined; name: string }) =>
  m.workerId === undefined ? `name:${m.name}` : `worker:${m.workerId}`;

/**
 * The stored committee a sheet's committee updates: the one its 委员会编号 names, else the community's
 * committee of the same kind (sub-committee category) and the same term, as an exported sheet gives it.
 */
function storedTarget(
  group: CommitteeRows,
  registers: CommunityRegisters,
): { target?: Committee; problem?: string } {
  const c = group.committee;
  if (group.committeeId !== undefined) {
    const target = registers.committees.find((s) => s.id === group.committeeId);
    if (!target) return { problem: `本社区没有编号为 ${group.committeeId} 的委员会（新登记的委员会请留空）` };
    if (target.kind !== c.kind || (target.subKind ?? '') !== (c.subKind ?? ''))
      return {
        problem: `该编号是${target.kind === 'sub' ? `下属委员会“${target.subKind ?? ''}”` : committeeKindLabels[target.kind]}，与表中委员会类别不符`,
      };
    return { target };
  }
  const target = registers.committees.find(
    (s) =>
      s.kind === c.kind &&
      (s.subKind ?? '') === (c.subKind ?? '') &&
      s.termFrom === c.termFrom &&
      s.termTo === c.termTo,
  );
  return target ? { target } : {};
}

/**
 * The committees of a sheet against their communities' stored registers (`undefined` for a community
 * that does not exist). A committee the sheet names by its 委员会编号, or that matches a stored one in
 * kind and term, is updated: each sheet member replaces the stored member with the same key (their
 * roster entry, else their name; someone with several spells on the committee matched spell by spell
 * in date order), new members are added, and stored members the sheet leaves out are kept (a sheet
 * ends a membership by its end date, it does not delete). Every other committee is new. Each member's
 * identity number must be on that community's roster (a masked one must be a member already), the
 * committee as it would be stored must pass the schema (one chair at a time, members within the
 * term), each sub-committee's chair must sit on the residents' committee where `@shequ/people` binds
 * it, and a committee of a kind must not overlap in term another one stored or earlier in the sheet.
 * `governsOf` says which documents govern each community (the API's `governsIn`): the chair rule is
 * Ezhou's and Jiangsu's, so a community neither governs is not refused; absent, every document governs.
 * Gives what to write, or every problem by row and column.
 */
export function committeesAgainstRegisters(
  groups: readonly CommitteeRows[],
  registersOf: (communityCode: string) => CommunityRegisters | undefined,
  newId: () => string,
  options: { governsOf?: (communityCode: string) => Governs } = {},
): { ok: true; committees: CommitteesToWrite } | { ok: false; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  /** Each group's committee as it would be stored, and the stored one it replaces. */
  const resolved: { committee: Committee; target?: Committee; memberRows: number[] }[] = [];
  const targeted = new Map<string, number>();
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
    const { target, problem } = storedTarget(group, registers);
    if (problem !== undefined) {
      problems.push({ row: group.row, column: headerOf('committeeId'), message: problem });
      continue;
    }
    if (target) {
      const earlier = targeted.get(target.id);
      if (earlier !== undefined) {
        problems.push({
          row: group.row,
          column: headerOf('committeeId'),
          message: `与第${earlier}行是同一个委员会，但委员会类别或任期不同`,
        });
        continue;
      }
      targeted.set(target.id, group.row);
    }
    const idNumbers = new Map(registers.workers.map((w) => [w.id, w.idNumber]));
    const members = group.committee.members.map((m, i) => {
      const { idNumber, maskedIdNumber, row = group.row } = group.members[i] ?? { row: group.row };
      if (maskedIdNumber !== undefined) {
        const same = target?.members.find(
          (s) =>
            s.workerId !== undefined &&
            s.name === m.name &&
            maskIdNumber(idNumbers.get(s.workerId) ?? '') === maskedIdNumber,
        );
        if (!same?.workerId) {
          problems.push({
            row,
            column: headerOf('idNumber'),
            message: '遮蔽的身份证号码只能对应本委员会已登记的同名成员；新成员请填写完整号码',
          });
          return m;
        }
        return { ...m, workerId: same.workerId };
      }
      if (idNumber === undefined) return m;
      const entry = rosterEntryFor(registers, idNumber, m.from);
      if (!entry)
        problems.push({
          row,
          column: headerOf('idNumber'),
          message: `本社区花名册中没有身份证号码 ${maskIdNumber(idNumber)}，请先登记花名册`,
        });
      return entry ? { ...m, workerId: entry.id } : m;
    });
    if (!target) {
      resolved.push({
        committee: { ...group.committee, members, id: newId() },
        memberRows: group.members.map((m) => m.row),
      });
      continue;
    }
    // Match each sheet member to the stored member with the same key, spell by spell in date order.
    const merged = [...target.members];
    const memberRows = merged.map(() => group.row);
    const used = new Set<number>();
    members.forEach((m, i) => {
      const at = merged.findIndex(
        (s, j) => !used.has(j) && j < target.members.length && memberKey(s) === memberKey(m),
      );
      const row = group.members[i]?.row ?? group.row;
      if (at >= 0) {
        used.add(at);
        merged[at] = m;
        memberRows[at] = row;
      } else {
        used.add(merged.length);
        merged.push(m);
        memberRows.push(row);
      }
    });
    resolved.push({
      committee: {
        ...target,
        termFrom: group.committee.termFrom,
        termTo: group.committee.termTo,
        members: merged,
      },
      target,
      memberRows,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  // The committees as they would be stored, new ones too: one chair at a time, every member within the
  // term, and no training typed beside a member now found on the roster (the schema's one rule).
  resolved.forEach(({ committee: c, memberRows }, i) => {
    const whole = committeeSchema.safeParse(c, { error: domainErrorMap });
    if (whole.success) return;
    const group = groups[i];
    if (!group) return;
    for (const issue of fieldErrors(whole.error)) {
      const member = /^members\.(\d+)/.exec(issue.path)?.[1];
      problems.push({
        row: member === undefined ? group.row : (memberRows[Number(member)] ?? group.row),
        column: committeeColumnOf(issue.path),
        message: issue.message,
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  // Indexes into `groups` and `resolved` (the same order), by community.
  const byCommunity = new Map<string, number[]>();
  resolved.forEach(({ committee: c }, i) => {
    byCommunity.set(c.communityCode, [...(byCommunity.get(c.communityCode) ?? []), i]);
  });
  for (const [code, indexes] of byCommunity) {
    const stored = registersOf(code);
    if (!stored) continue;
    const replaced = new Set(indexes.flatMap((i) => resolved[i]?.target?.id ?? []));
    // The committees the sheet updates are checked as the sheet has them, not as stored.
    const registers = { ...stored, committees: stored.committees.filter((c) => !replaced.has(c.id)) };
    const incoming = indexes.flatMap((i) => resolved[i]?.committee ?? []);
    for (const clash of committeeTermClashes(registers, incoming)) {
      const group = groups[indexes[clash.committee] ?? -1];
      if (group) problems.push({ row: group.row, column: headerOf('termFrom'), message: clash.message });
    }
    for (const p of subCommitteeChairProblems(registers, incoming, { governs: options.governsOf?.(code) })) {
      const i = indexes[p.committee] ?? -1;
      const group = groups[i];
      if (!group) continue;
      problems.push({
        row: p.member === undefined ? group.row : (resolved[i]?.memberRows[p.member] ?? group.row),
        column: headerOf(p.member === undefined ? 'role' : 'name'),
        message: p.message,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    committees: {
      created: resolved.flatMap((r) => (r.target ? [] : [r.committee])),
      // A committee the sheet leaves as stored is not rewritten (nor audited).
      updated: resolved.flatMap((r) =>
        r.target && !sameCommittee(r.committee, r.target) ? [r.committee] : [],
      ),
      unchanged: resolved.filter((r) => r.target && sameCommittee(r.committee, r.target)).length,
    },
  };
}
