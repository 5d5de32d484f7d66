/**
 * Spreadsheets (bring your data in, take any list out to Excel): the blank facts
 * template, importing a filled-in .xlsx/.csv all-or-nothing, and every list of the console as an Excel
 * file. Each export takes its list's input (paging is ignored), goes through the list's own filter and
 * scope check, and states its columns once as a `ListSheet` (`spreadsheet-file.ts`). Files travel as
 * base64 inside the JSON body, which Fastify caps at 1 MiB — ample for a street's or a district's sheet.
 * Archive and seal lists are in `archive-exports.ts`.
 */
import {
  type AuditListRow,
  auditRows,
  communities,
  importCommunityFacts,
  storedFactsColumns,
} from '@shequ/db';
import {
  auditActionLabels,
  auditChangeLines,
  bindingLabels,
  type CommunityFacts,
  checkStatusLabels,
  entityTypeLabels,
  roleLabels,
} from '@shequ/domain';
import {
  factCellOf,
  factColumns,
  parseFactsTable,
  readTable,
  SpreadsheetRefused,
  type TableFormat,
  tableFormatOf,
  templateCsv,
  templateWorkbook,
} from '@shequ/facts-io';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { scopePrefix } from '../auth/scope.js';
import type { Context } from '../context.js';
import { fieldError } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { archiveExports } from './archive-exports.js';
import { auditListFilter, listAuditInput } from './audit.js';
import { communityListFilter, listCommunitiesInput } from './communities.js';
import { failingCommunities, failingInput, failingItems } from './compliance.js';
import { peopleSpreadsheets } from './people-spreadsheets.js';
import { describePack, diffInput, diffPacks, explainInput, today, whatIf, whatIfInput } from './policy.js';
import {
  chinaDateTime,
  exportProcedure,
  importInput,
  jsonCell,
  type ListSheet,
  labelOf,
  listSpreadsheet,
  oneImportAtATime,
  type SpreadsheetFile,
  XLSX_TYPE,
} from './spreadsheet-file.js';
import { listUsersInput, userListFilter, userRows } from './users.js';

export type { SpreadsheetFile } from './spreadsheet-file.js';

/**
 * The community list in the facts template's columns, under the same Chinese headers, so a user can
 * export, edit and import the file back unchanged (importFacts reads exactly these headers).
 */
const communitySheet: ListSheet<{
  code: string;
  name: string;
  asOf: string;
  facts: CommunityFacts;
}> = {
  title: '社区列表',
  unit: '个社区',
  narrow: { field: 'under', hint: '选择下级辖区' },
  columns: factColumns.map((column) => ({
    header: column.header,
    value: (r) => factCellOf(column, { ...r.facts, code: r.code, name: r.name, asOf: String(r.asOf) }),
    width: Math.max(12, column.header.length * 2 + 4),
  })),
};

/** An audit record's actor as people know them: the name, with the account in brackets. */
function actorLabel(displayName: string | null, username: string | null): string {
  if (username === null) return '系统';
  return displayName && displayName !== username ? `${displayName}（${username}）` : username;
}

const auditSheet: ListSheet<AuditListRow> = {
  title: '操作日志',
  unit: '条记录',
  narrow: { field: 'entityType', hint: '按对象类型或对象编号筛选' },
  columns: [
    { header: '时间', value: (r) => chinaDateTime(r.at), width: 20 },
    { header: '操作人', value: (r) => actorLabel(r.actorDisplayName, r.actorName), width: 22 },
    { header: '操作', value: (r) => labelOf(auditActionLabels, r.action), width: 16 },
    { header: '对象类型', value: (r) => labelOf(entityTypeLabels, r.entityType) },
    { header: '对象', value: (r) => r.entityName ?? '', width: 24 },
    { header: '对象编号', value: (r) => r.entityId, width: 38 },
    { header: '辖区', value: (r) => r.jurisdictionName ?? r.jurisdictionCode ?? '', width: 18 },
    { header: '辖区代码', value: (r) => r.jurisdictionCode ?? '', width: 14 },
    { header: '来源地址', value: (r) => r.ip ?? '', width: 16 },
    // 「字段：旧值 → 新值」, one change a line, labelled as the console's audit page labels them.
    { header: '变更内容', value: (r) => jsonCell(auditChangeLines(r.before, r.after).join('\n')), width: 60 },
  ],
};

const userSheet: ListSheet<Awaited<ReturnType<typeof userRows>>[number]> = {
  title: '账号列表',
  unit: '个账号',
  narrow: { field: 'search', hint: '输入用户名或姓名筛选' },
  columns: [
    { header: '用户名', value: (r) => r.username, width: 18 },
    { header: '姓名', value: (r) => r.displayName, width: 16 },
    { header: '角色', value: (r) => roleLabels[r.role] ?? r.role, width: 18 },
    { header: '所属辖区', value: (r) => r.jurisdictionName, width: 18 },
    { header: '辖区代码', value: (r) => r.jurisdictionCode, width: 14 },
    { header: '手机号', value: (r) => r.mobile ?? '', width: 14 },
    {
      header: '状态',
      value: (r) => (r.disabledAt ? '已停用' : r.mustChangePassword ? '待改初始密码' : '正常'),
    },
    { header: '创建时间', value: (r) => chinaDateTime(r.createdAt), width: 20 },
  ],
};

const failingSheet: ListSheet<
  Awaited<ReturnType<typeof failingItems>>[number] & { rule: string; status: string }
> = {
  title: '社区名单',
  unit: '个社区',
  narrow: { field: 'jurisdictionCode', hint: '选择下级辖区' },
  columns: [
    { header: '社区代码', value: (r) => r.code, width: 16 },
    { header: '社区名称', value: (r) => r.name, width: 24 },
    { header: '街道（乡镇）', value: (r) => r.streetName ?? '', width: 16 },
    { header: '检查项', value: (r) => r.rule, width: 28 },
    { header: '结果', value: (r) => r.status },
    { header: '不通过项数', value: (r) => r.fail },
    { header: '提醒数', value: (r) => r.warn },
    { header: '数据日期', value: (r) => r.asOf, width: 12 },
  ],
};

const policyRuleSheet: ListSheet<
  ReturnType<typeof describePack>['rules'][number] & { packName: string; parameterText: string }
> = {
  title: '政策规则',
  unit: '条规则',
  narrow: { field: 'jurisdictionCode', hint: '选择一个辖区' },
  columns: [
    { header: '规则编号', value: (r) => r.id, width: 34 },
    { header: '规则名称', value: (r) => r.title, width: 30 },
    { header: '类型', value: (r) => (r.kind === 'quantity' ? '核定数量' : '检查项') },
    { header: '约束强度', value: (r) => (r.binding ? bindingLabels[r.binding] : '') },
    { header: '政策包', value: (r) => r.packName, width: 16 },
    { header: '依据文件', value: (r) => r.citation.document, width: 36 },
    { header: '条款', value: (r) => `${r.citation.article}${r.citation.clause ?? ''}`, width: 14 },
    { header: '原文摘录', value: (r) => r.citation.quote, width: 50 },
    { header: '施行日期', value: (r) => r.document.inForceFrom, width: 12 },
    { header: '废止日期', value: (r) => r.document.inForceUntil ?? '', width: 12 },
    { header: '所选日期是否施行', value: (r) => (r.inForce ? '是' : '否') },
    { header: '参数', value: (r) => r.parameterText, width: 50 },
    { header: '替换上级规则', value: (r) => r.replaces ?? '', width: 24 },
  ],
};

type RuleDiffRow = ReturnType<typeof diffPacks>['rules'][number];

const diffStateLabels: Record<RuleDiffRow['state'], string> = {
  same: '相同',
  different: '不同',
  onlyA: '仅左侧',
  onlyB: '仅右侧',
};

/** One side of a compared rule, as the explorer shows it: the rule, where it is written, its figures. */
const diffSideColumns = (name: string, side: 'a' | 'b'): ListSheet<RuleDiffRow>['columns'] => [
  { header: `${name}：规定`, value: (r) => r[side]?.title ?? '（无此规定）', width: 30 },
  {
    header: `${name}：依据`,
    value: (r) => {
      const citation = r[side]?.citation;
      return citation ? `${citation.document}${citation.article}${citation.clause ?? ''}` : '';
    },
    width: 36,
  },
  {
    header: `${name}：数值`,
    value: (r) =>
      r.parameters
        .filter((p) => p[side] !== undefined)
        .map((p) => `${p.label}：${p[side]}${p.unit}`)
        .join('；'),
    width: 30,
  },
];

/** Two jurisdictions side by side; the headers name them as the explorer's columns do. */
const policyDiffSheet = (nameA: string, nameB: string): ListSheet<RuleDiffRow> => ({
  title: '辖区政策对比',
  unit: '项规定',
  narrow: { field: 'b', hint: '选择另外两个辖区' },
  columns: [
    { header: '事项', value: (r) => r.topic, width: 28 },
    ...diffSideColumns(nameA, 'a'),
    ...diffSideColumns(nameB, 'b'),
    { header: '比较', value: (r) => diffStateLabels[r.state] },
  ],
});

const whatIfSheet: ListSheet<Awaited<ReturnType<typeof whatIf>>['rules'][number]> = {
  title: '假设分析',
  unit: '项检查',
  narrow: { field: 'jurisdictionCode', hint: '选择下级辖区' },
  columns: [
    { header: '检查项', value: (r) => r.title, width: 30 },
    { header: '规则编号', value: (r) => r.rule, width: 34 },
    { header: '变化社区数', value: (r) => r.changed },
    {
      header: '变化',
      value: (r) =>
        r.transitions
          .map((t) => `${checkStatusLabels[t.from]} → ${checkStatusLabels[t.to]}：${t.count} 个`)
          .join('；'),
      width: 40,
    },
  ],
};

async function importFactsFile(
  ctx: Context & { principal: NonNullable<Context['principal']> },
  input: z.output<typeof importInput>,
  format: TableFormat,
) {
  let rows: Awaited<ReturnType<typeof readTable>>;
  try {
    rows = await readTable(Buffer.from(input.contentBase64, 'base64'), format);
  } catch (error) {
    // Over a limit (inflated size, rows) or not a spreadsheet: the message names the limit or the fix.
    if (error instanceof SpreadsheetRefused) throw fieldError('BAD_REQUEST', 'fileName', error.message);
    throw fieldError('BAD_REQUEST', 'fileName', '无法读取该文件：请用模板另存为 .xlsx 或 UTF-8 编码的 .csv');
  }
  const parsed = parseFactsTable(rows);
  if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
  const result = await importCommunityFacts(ctx.db, parsed.snapshots, {
    actor: ctx.principal,
    ip: ctx.ip,
    at: ctx.settings.now(),
    scopePrefix: scopePrefix(ctx.principal.jurisdictionCode),
    dryRun: input.dryRun,
  });
  if (!result.ok) {
    // Row 1 is the header, so the n-th snapshot is on row n + 2.
    return {
      ok: false as const,
      problems: result.problems.map((p) => ({ row: p.index + 2, column: '社区代码', message: p.message })),
    };
  }
  return { ok: true as const, updated: result.updated, unchanged: result.unchanged, dryRun: result.dryRun };
}

export const spreadsheetsRouter = router({
  factsTemplate: authedProcedure
    .input(z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }))
    .query(async ({ input }): Promise<SpreadsheetFile> => {
      const bytes = input.format === 'xlsx' ? await templateWorkbook() : Buffer.from(templateCsv(), 'utf8');
      return {
        fileName: `社区数据导入模板.${input.format}`,
        mimeType: input.format === 'xlsx' ? XLSX_TYPE : 'text/csv',
        contentBase64: Buffer.from(bytes).toString('base64'),
      };
    }),

  /** Every problem of the file, by row and column; nothing is written unless every row is good. */
  importFacts: writerProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    const format = tableFormatOf(input.fileName);
    if (!format) throw fieldError('BAD_REQUEST', 'fileName', '只支持 .xlsx 与 .csv 文件');
    return oneImportAtATime(ctx, () => importFactsFile(ctx, input, format));
  }),

  /** The community list with the console's filters, as an Excel file. */
  exportCommunities: exportProcedure({
    input: listCommunitiesInput,
    rows: (ctx, input, limit) =>
      ctx.db
        .select(storedFactsColumns)
        .from(communities)
        .where(communityListFilter(ctx.principal, input))
        .orderBy(asc(communities.code))
        .limit(limit),
    sheet: communitySheet,
    qualifiers: (input) => [input.under],
  }),

  /** The audit log with the list's filters (object type, object id), newest first. */
  exportAudit: exportProcedure({
    input: listAuditInput,
    rows: async (ctx, input, limit) =>
      auditRows(ctx.db, await auditListFilter(ctx.db, ctx.principal, input), { limit, offset: 0 }),
    sheet: auditSheet,
    qualifiers: (input) => [
      input.entityType ? labelOf(entityTypeLabels, input.entityType) : undefined,
      input.entityId,
    ],
  }),

  /** The accounts list (administrators and auditors) with its search. */
  exportUsers: exportProcedure({
    input: listUsersInput,
    rows: (ctx, input, limit) => userRows(ctx.db, userListFilter(ctx.principal, input), { limit, offset: 0 }),
    sheet: userSheet,
    qualifiers: (input) => [input.search],
  }),

  /** The compliance dashboard's drill-down: communities under a node with a status on a rule (or any). */
  exportFailing: exportProcedure({
    input: failingInput,
    rows: async (ctx, input, limit) => {
      const matching = await failingCommunities(ctx, input);
      // Over the cap the refusal comes before any street name is looked up.
      const items = await failingItems(ctx, matching.slice(0, limit));
      const rule = input.rule
        ? (matching[0]?.chain.evaluator.rules.find((r) => r.rule.id === input.rule)?.rule.title ?? input.rule)
        : '任一检查项';
      const status = checkStatusLabels[input.status];
      return items.map((item) => ({ ...item, rule, status }));
    },
    sheet: failingSheet,
    qualifiers: (input) => [input.jurisdictionCode, input.rule, checkStatusLabels[input.status]],
  }),

  /** The policy explorer's rule list of a jurisdiction's pack chain, values as in force on `asOf`. */
  exportPolicyRules: authedProcedure
    .input(explainInput)
    .query(async ({ ctx, input }): Promise<SpreadsheetFile> => {
      const asOf = input.asOf ?? today(ctx);
      const described = describePack(ctx, input.jurisdictionCode, asOf);
      const packs = new Map(described.jurisdictions.map((j) => [j.code, j.name]));
      const parameters = new Map(described.parameters.map((p) => [p.name, p]));
      const rows = described.rules.map((rule) => ({
        ...rule,
        packName: packs.get(rule.jurisdiction) ?? rule.jurisdiction,
        parameterText: rule.parameters
          .map((name) => {
            const p = parameters.get(name);
            return p ? `${p.label}（${name}）= ${p.value ?? '未设定'}${p.unit ? ` ${p.unit}` : ''}` : name;
          })
          .join('；'),
      }));
      return listSpreadsheet(ctx, policyRuleSheet, rows, [input.jurisdictionCode, asOf]);
    }),

  /** The policy explorer's side-by-side comparison of two jurisdictions, rule by rule. */
  exportPolicyDiff: authedProcedure
    .input(diffInput)
    .query(async ({ ctx, input }): Promise<SpreadsheetFile> => {
      const diff = diffPacks(ctx, input);
      const nameOf = (side: typeof diff.a, code: string) =>
        side.jurisdictions.find((j) => j.code === code)?.name ?? code;
      return listSpreadsheet(
        ctx,
        policyDiffSheet(nameOf(diff.a, input.a), nameOf(diff.b, input.b)),
        diff.rules,
        [input.a, input.b, diff.a.asOf],
      );
    }),

  /** The what-if's result table: each rule whose result changes, with how many communities and how. */
  exportWhatIf: exportProcedure({
    input: whatIfInput,
    rows: async (ctx, input) => (await whatIf(ctx, input)).rules,
    sheet: whatIfSheet,
    qualifiers: (input) => [input.jurisdictionCode],
  }),

  ...archiveExports,
  ...peopleSpreadsheets,
});
