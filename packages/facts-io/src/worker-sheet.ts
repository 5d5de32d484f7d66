/**
 * The worker roster (社区工作者花名册) as a spreadsheet: one row per stay on a community's roster, under
 * Chinese headers; reading a filled-in sheet into roster entries, all or none, with every problem by
 * row and column; and the same columns for exporting a roster, so an exported file (with full numbers)
 * can be read back. Whether an entry clashes with the stored roster (the same person already on post)
 * is the importer's check against the database; `workerColumnOf` names the column of its problems.
 */
import { domainErrorMap, type FieldIssue, fieldErrors } from '@shequ/domain';
import {
  educationLabels,
  educationLevels,
  sexes,
  sexLabels,
  specialistLineLabels,
  specialistLines,
  staysOverlap,
  type Training,
  trainingLevelLabels,
  trainingLevels,
  type Worker,
  workerDraft,
  workerPostLabels,
  workerPosts,
} from '@shequ/people';
import type { z } from 'zod';
import {
  type Cell,
  type Converted,
  convert,
  isBlank,
  readHeader,
  setPath,
  type TableProblem,
  textOf,
} from './parse.js';
import type { ExportColumn } from './workbook.js';

type Labelled = { values: readonly string[]; labels: Readonly<Record<string, string>> };

/** How a cell becomes a field of the record. */
type WorkerCellKind = 'code' | 'text' | 'date' | 'number' | 'boolean' | 'list' | 'trainings' | Labelled;

export interface WorkerColumn {
  header: string;
  /** Dotted path in the `@shequ/people` worker record. */
  path: string;
  kind: WorkerCellKind;
  required?: boolean;
  /** The cell of a stored entry, as the import reads it back. */
  cell: (w: WorkerDraft) => string | number | null;
  note: string;
}

export type WorkerDraft = z.output<typeof workerDraft>;

const labelled = (values: readonly string[], labels: Readonly<Record<string, string>>): Labelled => ({
  values,
  labels,
});

/** `2026-04-20 县级以上 社区工作者集中轮训`, one training a line. */
export function trainingLine(t: Training): string {
  return `${t.on} ${trainingLevelLabels[t.level]} ${t.title}`;
}

export const workerColumns: readonly WorkerColumn[] = [
  {
    header: '社区代码',
    path: 'communityCode',
    kind: 'code',
    required: true,
    cell: (w) => w.communityCode,
    note: '12位社区（居委会）代码',
  },
  { header: '姓名', path: 'name', kind: 'text', required: true, cell: (w) => w.name, note: '' },
  {
    header: '性别',
    path: 'sex',
    kind: labelled(sexes, sexLabels),
    required: true,
    cell: (w) => sexLabels[w.sex],
    note: '男或女',
  },
  {
    header: '出生日期',
    path: 'birthDate',
    kind: 'date',
    required: true,
    cell: (w) => w.birthDate,
    note: '须与身份证号码一致',
  },
  {
    header: '身份证号码',
    path: 'idNumber',
    kind: 'code',
    required: true,
    cell: (w) => w.idNumber,
    note: '18位公民身份号码（GB 11643），校验位须正确',
  },
  { header: '手机号码', path: 'phone', kind: 'code', cell: (w) => w.phone ?? null, note: '11位手机号码' },
  {
    header: '学历',
    path: 'education',
    kind: labelled(educationLevels, educationLabels),
    cell: (w) => (w.education ? educationLabels[w.education] : null),
    note: Object.values(educationLabels).join('、'),
  },
  {
    header: '资格证书',
    path: 'qualifications',
    kind: 'list',
    cell: (w) => w.qualifications.join('、'),
    note: '多项用“、”分隔，如：社会工作者职业资格（助理社会工作师）',
  },
  {
    header: '岗位',
    path: 'post',
    kind: labelled(workerPosts, workerPostLabels),
    required: true,
    cell: (w) => workerPostLabels[w.post],
    note: Object.values(workerPostLabels).join('、'),
  },
  {
    header: '分工条线',
    path: 'line',
    kind: labelled(specialistLines, specialistLineLabels),
    cell: (w) => (w.line ? specialistLineLabels[w.line] : null),
    note: `仅社区专干填写：${Object.values(specialistLineLabels).join('、')}`,
  },
  {
    header: '是否专职',
    path: 'fullTime',
    kind: 'boolean',
    cell: (w) => (w.fullTime ? '是' : '否'),
    note: '是或否，空白为“是”',
  },
  {
    header: '用人单位',
    path: 'contract.employer',
    kind: 'text',
    cell: (w) => w.contract?.employer ?? null,
    note: '劳动合同的用人单位（如社区工作服务中心）',
  },
  {
    header: '合同起始日期',
    path: 'contract.from',
    kind: 'date',
    cell: (w) => w.contract?.from ?? null,
    note: '',
  },
  {
    header: '合同终止日期',
    path: 'contract.to',
    kind: 'date',
    cell: (w) => w.contract?.to ?? null,
    note: '无固定期限的空白',
  },
  {
    header: '年薪（元）',
    path: 'annualPay',
    kind: 'number',
    cell: (w) => w.annualPay ?? null,
    note: '最多两位小数',
  },
  {
    header: '培训记录',
    path: 'trainings',
    kind: 'trainings',
    cell: (w) => w.trainings.map(trainingLine).join('\n'),
    note: `每行一次：日期 级别 名称，如：2026-04-20 县级以上 社区工作者集中轮训；级别为${Object.values(trainingLevelLabels).join('、')}`,
  },
  {
    header: '入职日期',
    path: 'joinedOn',
    kind: 'date',
    required: true,
    cell: (w) => w.joinedOn,
    note: '',
  },
  {
    header: '离职日期',
    path: 'leftOn',
    kind: 'date',
    cell: (w) => w.leftOn ?? null,
    note: '离开花名册的第一天；在职的空白',
  },
];

const columnByHeader = new Map(workerColumns.map((c) => [c.header, c]));

/** The column header of a field of the worker record (`contract.from`, `trainings.0.on`), '' if none. */
export function workerColumnOf(path: string): string {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const column = workerColumns.find((c) => c.path === p);
    if (column) return column.header;
  }
  return '';
}

/** The roster's columns for `exportWorkbook`; identity and mobile numbers as `numbers` gives them. */
export function workerExportColumns<T extends Worker>(
  numbers: (w: T) => Pick<Worker, 'idNumber' | 'phone'> = (w) => w,
): ExportColumn<T>[] {
  return workerColumns.map((column) => ({
    header: column.header,
    value: (w: T) => column.cell({ ...w, ...numbers(w) }),
    width: column.kind === 'trainings' ? 40 : Math.max(10, column.header.length * 2 + 4),
  }));
}

function convertWorkerCell(kind: WorkerCellKind, cell: Cell): Converted | undefined {
  if (isBlank(cell)) return undefined;
  if (typeof kind === 'string') {
    if (kind === 'list')
      return {
        value: textOf(cell)
          .split(/[、,，;；\n]+/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    if (kind === 'trainings') return trainingsOf(textOf(cell));
    return convert(kind, cell);
  }
  const text = textOf(cell);
  const value = kind.values.find((v) => v === text || kind.labels[v] === text);
  return value === undefined
    ? { error: `应为以下之一：${kind.values.map((v) => kind.labels[v]).join('、')}（${text}）` }
    : { value };
}

function trainingsOf(text: string): Converted {
  const out: { on: string; level: string; title: string }[] = [];
  for (const line of text.split(/[\n；;]+/).map((l) => l.trim())) {
    if (line === '') continue;
    const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(line);
    const on = m ? convert('date', m[1]) : undefined;
    const level = trainingLevels.find((l) => l === m?.[2] || trainingLevelLabels[l] === m?.[2]);
    if (!m || !on || 'error' in on || level === undefined)
      return {
        error: `培训记录应为“日期 级别 名称”，级别为${Object.values(trainingLevelLabels).join('、')}（${line}）`,
      };
    out.push({ on: on.value as string, level, title: m[3]!.trim() });
  }
  return { value: out };
}

export interface WorkerRow {
  /** The row as the spreadsheet shows it (the header is row 1). */
  row: number;
  worker: WorkerDraft;
}

export type WorkerTableResult = { ok: true; workers: WorkerRow[] } | { ok: false; problems: TableProblem[] };

/**
 * The rows of a roster sheet (header first) as new roster entries, or every problem: an unknown or
 * missing column, a cell that is not what its column takes, a record the worker schema refuses (a
 * wrong check digit, a birth date that disagrees with the identity number), the same person twice in
 * the file with overlapping stays.
 */
export function parseWorkerTable(rows: readonly (readonly Cell[])[]): WorkerTableResult {
  const problems: TableProblem[] = [];
  const header = rows[0];
  if (!header || header.every(isBlank))
    return {
      ok: false,
      problems: [{ row: 1, column: '', message: '第1行应为列标题（可先导出花名册作为模板）' }],
    };
  const columns = readHeader(header, columnByHeader, workerColumns, problems);
  if (problems.length > 0) return { ok: false, problems };

  const workers: WorkerRow[] = [];
  const rowsOfId = new Map<string, WorkerRow[]>();
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every(isBlank)) continue;
    const row = index + 1;
    const record: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    columns.forEach((column, c) => {
      if (!column) return;
      const converted = convertWorkerCell(column.kind, cells[c]);
      if (converted === undefined) return;
      if ('error' in converted) {
        problems.push({ row, column: column.header, message: converted.error });
        unreadable.add(column.header);
      } else setPath(record, column.path, converted.value);
    });
    const parsed = workerDraft.safeParse(record, { error: domainErrorMap });
    if (!parsed.success || unreadable.size > 0) {
      for (const issue of parsed.success ? [] : fieldErrors(parsed.error)) {
        const column = workerColumnOf(issue.path);
        if (!unreadable.has(column)) problems.push({ row, column, message: issue.message });
      }
      continue;
    }
    const entry = { row, worker: parsed.data };
    const same = rowsOfId.get(parsed.data.idNumber) ?? [];
    const clash = same.find((earlier) => staysOverlap(earlier.worker, parsed.data));
    if (clash) {
      problems.push({
        row,
        column: '身份证号码',
        message: `与第${clash.row}行是同一人，任职时间重叠，不能重复登记`,
      });
      continue;
    }
    rowsOfId.set(parsed.data.idNumber, [...same, entry]);
    workers.push(entry);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (workers.length === 0)
    return { ok: false, problems: [{ row: 2, column: '', message: '表中没有数据行' }] };
  return { ok: true, workers };
}

/** A problem the importer found against the stored roster, placed in the sheet. */
export function workerRowProblem(row: number, issue: FieldIssue): TableProblem {
  return { row, column: workerColumnOf(issue.path), message: issue.message };
}
