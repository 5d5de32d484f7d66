/**
 * The archive and seal lists of the console as Excel files: a community's catalogue,
 * lending register, seals, destruction list and custody log; the seals out / overdue and overdue
 * loans across a scope; and the caller's own seal requests (待我审批, 我的申请). Each takes the input
 * of the list it mirrors and applies the same filters and the same access check.
 *
 * Access goes through `requireArchiveReader` / `archiveScope` below, which apply the lists' own
 * rule (auth/archives-access.ts); the catalogue's filter is the one `archives.list` uses.
 */
import {
  archiveContentGroupLabels,
  archiveMediumLabels,
  archiveStatusLabels,
  retentionLabels,
  sealOwnerKindLabels,
  sealRemovalStatusLabels,
  sealStateLabels,
  sealUseStatusLabels,
} from '@shequ/archives';
import {
  archiveLoans,
  catalogueRows,
  chinaDate,
  destructionRows,
  loanRows,
  mySealRequestRows,
  overdueLoanRows,
  readableCustodyEntries,
  readCustodyLog,
  sealInboxRows,
  sealRegistryRows,
  sealRequests,
  sealsOutRows,
} from '@shequ/db';
import { communityCode, divisionCode } from '@shequ/domain';
import { and, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { paging, underNode } from '../archives/shared.js';
import { requireArchivesAccess, requireOwnCommunityAccess } from '../auth/archives-access.js';
import type { Principal } from '../auth/scope.js';
import type { Context } from '../context.js';
import { listArchivesInput, listLoansInput } from './archives.js';
import { custodyEntriesInput } from './custody.js';
import { personalPaging, sealsOutInput } from './seals.js';
import { chinaDateTime, exportProcedure, type ListSheet, labelOf } from './spreadsheet-file.js';

/**
 * May the principal read a community's archive lists? The rule of `archives.list` and
 * `archives.loans`: custodians, administrators above and auditors. The seal registry's export
 * includes custodians, approvers and seals out, so it follows the same rule rather than `seals.list`'s,
 * which shows any worker the seals they may ask to use.
 */
async function requireArchiveReader(ctx: Pick<Context, 'db'> & { principal: Principal }, community: string) {
  await requireArchivesAccess(ctx.db, ctx.principal, community, 'catalogue');
}

/** Access and scope filter of the cross-community lists (`seals.out`, `seals.overdue`, `archives.overdueLoans`). */
async function archiveScope(
  ctx: Pick<Context, 'db'> & { principal: Principal },
  columns: Parameters<typeof underNode>[1],
  under: string | undefined,
): Promise<SQL | undefined> {
  await requireOwnCommunityAccess(ctx.db, ctx.principal, 'catalogue');
  return underNode(ctx.principal, columns, under);
}

const contentGroupLabel = (group: string) =>
  group.startsWith('custom:') ? group.slice('custom:'.length) : labelOf(archiveContentGroupLabels, group);

const location = (r: {
  locationRoom: string | null;
  locationCabinet: string | null;
  locationShelf: string | null;
}) => [r.locationRoom, r.locationCabinet, r.locationShelf].filter(Boolean).join(' ');

/** A seal request row of `seals.inbox` / `seals.mine`. */
type SealRequestRow = Awaited<ReturnType<typeof sealInboxRows>>[number];

/** A request's state in Chinese; uses and removals share most states, `out`/`returned` are removals'. */
const requestStateLabel = (r: SealRequestRow) =>
  labelOf(r.kind === 'use' ? sealUseStatusLabels : sealRemovalStatusLabels, r.state);

/** The columns of both personal request lists; the inbox adds who asked. */
const sealRequestColumns = (withRequester: boolean): ListSheet<SealRequestRow>['columns'] => [
  { header: '社区代码', value: (r) => r.communityCode, width: 16 },
  { header: '社区', value: (r) => r.communityName ?? '', width: 20 },
  { header: '印章', value: (r) => r.sealName, width: 28 },
  { header: '类别', value: (r) => (r.kind === 'use' ? '用印' : '外带') },
  ...(withRequester
    ? [{ header: '申请人', value: (r: SealRequestRow) => r.requesterName ?? '', width: 14 }]
    : []),
  { header: '申请时间', value: (r) => chinaDateTime(r.requestedAt), width: 20 },
  { header: '事由', value: (r) => r.purpose, width: 32 },
  { header: '用印文件', value: (r) => r.document ?? '', width: 24 },
  { header: '份数', value: (r) => r.copies ?? '' },
  { header: '去向', value: (r) => r.destination ?? '', width: 20 },
  { header: '应还时间', value: (r) => chinaDateTime(r.returnBy), width: 20 },
  { header: '状态', value: requestStateLabel },
  { header: '审批人', value: (r) => r.deciderName ?? '', width: 14 },
  { header: '审批时间', value: (r) => chinaDateTime(r.decidedAt), width: 20 },
  { header: '不予批准的理由', value: (r) => r.refusalReason ?? '', width: 24 },
  { header: '用印时间', value: (r) => chinaDateTime(r.stampedAt), width: 20 },
  { header: '用印份数', value: (r) => r.copiesStamped ?? '' },
  { header: '带出时间', value: (r) => chinaDateTime(r.takenOutAt), width: 20 },
  { header: '归还时间', value: (r) => chinaDateTime(r.returnedAt), width: 20 },
];

const sealInboxSheet: ListSheet<SealRequestRow> = {
  title: '待我审批',
  unit: '条申请',
  narrow: { field: 'after', hint: '审批一部分申请，或从某条申请之后（after）分段' },
  columns: sealRequestColumns(true),
};

const mySealRequestSheet: ListSheet<SealRequestRow> = {
  title: '我的申请',
  unit: '条申请',
  narrow: { field: 'after', hint: '从某条申请之后（after）分段' },
  columns: sealRequestColumns(false),
};

const destructionSheet: ListSheet<Awaited<ReturnType<typeof destructionRows>>[number]> = {
  title: '销毁清册',
  unit: '件档案',
  narrow: { field: 'after', hint: '从某一鉴定决定之后（after）分段' },
  columns: [
    { header: '档号', value: (r) => r.referenceCode, width: 30 },
    { header: '题名', value: (r) => r.title, width: 36 },
    { header: '保管期限', value: (r) => labelOf(retentionLabels, r.retention) },
    { header: '到期日期', value: (r) => r.expiresOn, width: 12 },
    { header: '鉴定决定文号', value: (r) => r.decisionNumber, width: 22 },
    { header: '决定日期', value: (r) => r.decidedOn, width: 12 },
    { header: '鉴定意见', value: (r) => r.opinion, width: 36 },
    { header: '批准人', value: (r) => r.approverNames ?? '', width: 20 },
    { header: '状态', value: (r) => (r.state === 'destroyed' ? '已销毁' : '待销毁') },
    { header: '销毁日期', value: (r) => r.destroyedOn ?? '', width: 12 },
    { header: '销毁方式', value: (r) => r.method ?? '', width: 16 },
    { header: '登记销毁人', value: (r) => r.destroyerName ?? '', width: 14 },
  ],
};

/** An entry's content as the console's log table shows it: `key: value；…`. */
const custodyLogSheet: ListSheet<Awaited<ReturnType<typeof readableCustodyEntries>>[number]> = {
  title: '留痕日志',
  unit: '条日志',
  narrow: { field: 'afterSeq', hint: '指定起始序号（afterSeq）分段' },
  columns: [
    { header: '序号', value: (r) => r.seq },
    { header: '时间', value: (r) => chinaDateTime(r.at), width: 20 },
    { header: '操作人', value: (r) => r.actorName, width: 16 },
    { header: '账号', value: (r) => r.actor, width: 16 },
    { header: '事项', value: (r) => r.actionLabel, width: 16 },
    { header: '内容', value: (r) => r.details, width: 60 },
    { header: '哈希', value: (r) => r.hash, width: 66 },
  ],
};

const catalogueSheet: ListSheet<{
  referenceCode: string;
  title: string;
  issuer: string;
  documentNumber: string | null;
  date: string;
  medium: string;
  contentGroup: string;
  retention: string;
  expiresOn: string | null;
  status: string;
  custodianName: string | null;
  locationRoom: string | null;
  locationCabinet: string | null;
  locationShelf: string | null;
}> = {
  title: '档案目录',
  unit: '件档案',
  narrow: { field: 'text', hint: '按载体、类别、状态或关键词筛选' },
  columns: [
    { header: '档号', value: (r) => r.referenceCode, width: 30 },
    { header: '题名', value: (r) => r.title, width: 36 },
    { header: '责任者', value: (r) => r.issuer, width: 20 },
    { header: '文号', value: (r) => r.documentNumber ?? '', width: 18 },
    { header: '日期', value: (r) => r.date, width: 12 },
    { header: '载体', value: (r) => labelOf(archiveMediumLabels, r.medium) },
    { header: '内容类别', value: (r) => contentGroupLabel(r.contentGroup), width: 30 },
    { header: '保管期限', value: (r) => labelOf(retentionLabels, r.retention) },
    { header: '到期日期', value: (r) => r.expiresOn ?? '', width: 12 },
    { header: '状态', value: (r) => labelOf(archiveStatusLabels, r.status) },
    { header: '保管人', value: (r) => r.custodianName ?? '', width: 20 },
    { header: '存放位置', value: location, width: 24 },
  ],
};

const loanSheet: ListSheet<{
  referenceCode: string;
  title: string;
  borrower: string;
  purpose: string | null;
  lentOn: string;
  dueOn: string;
  returnedOn: string | null;
  lenderName: string | null;
}> = {
  title: '借阅登记',
  unit: '条借阅记录',
  narrow: { field: 'open', hint: '只选未归还或已归还的借阅' },
  columns: [
    { header: '档号', value: (r) => r.referenceCode, width: 30 },
    { header: '题名', value: (r) => r.title, width: 36 },
    { header: '借阅人', value: (r) => r.borrower, width: 16 },
    { header: '借阅事由', value: (r) => r.purpose ?? '', width: 24 },
    { header: '借出日期', value: (r) => r.lentOn, width: 12 },
    { header: '应还日期', value: (r) => r.dueOn, width: 12 },
    { header: '归还日期', value: (r) => r.returnedOn ?? '未归还', width: 12 },
    { header: '经办人', value: (r) => r.lenderName ?? '', width: 20 },
  ],
};

const sealSheet: ListSheet<{
  name: string;
  ownerKind: string;
  ownerName: string;
  custodianName: string | null;
  storagePlace: string;
  state: string;
  approvers: string | null;
  returnBy: Date | null;
}> = {
  title: '印章登记',
  unit: '枚印章',
  narrow: { field: 'community', hint: '选择一个社区' },
  columns: [
    { header: '印章名称', value: (r) => r.name, width: 28 },
    { header: '所属组织类别', value: (r) => labelOf(sealOwnerKindLabels, r.ownerKind), width: 14 },
    { header: '所属组织', value: (r) => r.ownerName, width: 24 },
    { header: '保管人', value: (r) => r.custodianName ?? '', width: 20 },
    { header: '存放地点', value: (r) => r.storagePlace, width: 20 },
    { header: '状态', value: (r) => labelOf(sealStateLabels, r.state) },
    { header: '审批人', value: (r) => r.approvers ?? '', width: 30 },
    { header: '外带应还时间', value: (r) => chinaDateTime(r.returnBy), width: 20 },
  ],
};

/** Seals out; `now` decides which are overdue. */
const sealsOutSheet = (now: Date): ListSheet<Awaited<ReturnType<typeof sealsOutRows>>[number]> => ({
  title: '外带在外的印章',
  unit: '枚印章',
  narrow: { field: 'jurisdictionCode', hint: '选择下级辖区或一个社区' },
  columns: [
    { header: '社区代码', value: (r) => r.communityCode, width: 16 },
    { header: '社区', value: (r) => r.communityName ?? '', width: 20 },
    { header: '印章', value: (r) => r.sealName, width: 28 },
    { header: '保管人', value: (r) => r.custodianName ?? '', width: 20 },
    { header: '申请人', value: (r) => r.requesterName ?? '', width: 20 },
    { header: '外带事由', value: (r) => r.purpose, width: 28 },
    { header: '去向', value: (r) => r.destination ?? '', width: 20 },
    { header: '带出时间', value: (r) => chinaDateTime(r.takenOutAt), width: 20 },
    { header: '应还时间', value: (r) => chinaDateTime(r.returnBy), width: 20 },
    { header: '是否逾期', value: (r) => (r.returnBy && r.returnBy < now ? '逾期' : '') },
  ],
});

/** Overdue loans; `today` (China date) gives the days overdue. */
const overdueLoanSheet = (
  today: string,
): ListSheet<{
  communityCode: string;
  communityName: string | null;
  referenceCode: string;
  title: string;
  borrower: string;
  lentOn: string;
  dueOn: string;
}> => ({
  title: '逾期未还的档案',
  unit: '件档案',
  narrow: { field: 'under', hint: '选择下级辖区或一个社区' },
  columns: [
    { header: '社区代码', value: (r) => r.communityCode, width: 16 },
    { header: '社区', value: (r) => r.communityName ?? '', width: 20 },
    { header: '档号', value: (r) => r.referenceCode, width: 30 },
    { header: '题名', value: (r) => r.title, width: 36 },
    { header: '借阅人', value: (r) => r.borrower, width: 16 },
    { header: '借出日期', value: (r) => r.lentOn, width: 12 },
    { header: '应还日期', value: (r) => r.dueOn, width: 12 },
    {
      header: '逾期天数',
      value: (r) => Math.round((Date.parse(today) - Date.parse(r.dueOn)) / 86_400_000),
    },
  ],
});

export const archiveExports = {
  /** A community's catalogue (档案目录) with the list's filters, by reference code. */
  exportArchives: exportProcedure({
    input: listArchivesInput,
    access: (ctx, input) => requireArchiveReader(ctx, input.community),
    rows: (ctx, { page: _page, pageSize: _pageSize, ...filter }, limit) =>
      catalogueRows(ctx.db, filter, chinaDate(ctx.settings.now()), { limit, offset: 0 }),
    sheet: catalogueSheet,
    qualifiers: (input) => [input.community],
  }),

  /** A community's lending register (借阅登记) with the list's open/returned filter, in its order. */
  exportLoans: exportProcedure({
    input: listLoansInput,
    access: (ctx, input) => requireArchiveReader(ctx, input.communityCode),
    rows: (ctx, input, limit) => loanRows(ctx.db, input, { limit, offset: 0 }),
    sheet: loanSheet,
    qualifiers: (input) => [
      input.communityCode,
      input.open === undefined ? undefined : input.open ? '未归还' : '已归还',
    ],
  }),

  /** A community's seal registry (印章登记), by name. */
  exportSeals: exportProcedure({
    input: z.strictObject({ community: communityCode }),
    access: (ctx, input) => requireArchiveReader(ctx, input.community),
    rows: (ctx, input, limit) => sealRegistryRows(ctx.db, input.community, limit),
    sheet: sealSheet,
    qualifiers: (input) => [input.community],
  }),

  /** Every seal out now in a town, district… or one community (default: the caller's scope). */
  exportSealsOut: exportProcedure({
    input: sealsOutInput,
    rows: async (ctx, input, limit) =>
      sealsOutRows(
        ctx.db,
        await archiveScope(ctx, sealRequests, input.communityCode ?? input.jurisdictionCode),
        {
          limit,
        },
      ),
    sheet: (ctx) => sealsOutSheet(ctx.settings.now()),
    qualifiers: (input) => [input.communityCode ?? input.jurisdictionCode],
  }),

  /** Seals out past their return deadline in scope (or under `under`), most overdue first. */
  exportSealsOverdue: exportProcedure({
    input: z.strictObject({ under: divisionCode.optional() }),
    rows: async (ctx, input, limit) => {
      const scope = await archiveScope(ctx, sealRequests, input.under);
      return sealsOutRows(ctx.db, and(scope, lt(sealRequests.returnBy, ctx.settings.now())), { limit });
    },
    sheet: (ctx) => ({ ...sealsOutSheet(ctx.settings.now()), title: '逾期未还的印章' }),
    qualifiers: (input) => [input.under],
  }),

  /** Loans past due in scope (or under `under`), most overdue first: the overdue page's list. */
  exportOverdueLoans: exportProcedure({
    input: z.strictObject({ under: divisionCode.optional() }),
    rows: async (ctx, input, limit) =>
      overdueLoanRows(
        ctx.db,
        await archiveScope(ctx, archiveLoans, input.under),
        chinaDate(ctx.settings.now()),
        limit,
      ),
    sheet: (ctx) => overdueLoanSheet(chinaDate(ctx.settings.now())),
    qualifiers: (input) => [input.under],
  }),

  /** 待我审批: the seal requests waiting for the caller's decision, as `seals.inbox` lists them. */
  exportSealInbox: exportProcedure({
    input: personalPaging,
    rows: (ctx, input, limit) => sealInboxRows(ctx.db, ctx.principal.id, { after: input?.after, limit }),
    sheet: sealInboxSheet,
  }),

  /** 我的申请: the caller's own seal requests, newest first, as `seals.mine` lists them. */
  exportMySealRequests: exportProcedure({
    input: personalPaging,
    rows: (ctx, input, limit) => mySealRequestRows(ctx.db, ctx.principal.id, { after: input?.after, limit }),
    sheet: mySealRequestSheet,
  }),

  /** A community's destruction list (销毁清册), as `archives.destructions` lists it. */
  exportDestructions: exportProcedure({
    input: z.strictObject({ community: communityCode, ...paging }),
    access: (ctx, input) => requireArchiveReader(ctx, input.community),
    rows: (ctx, input, limit) => destructionRows(ctx.db, input.community, input.after, limit),
    sheet: destructionSheet,
    qualifiers: (input) => [input.community],
  }),

  /**
   * A community's custody log (留痕日志) as people read it: action in Chinese, China time. The log's
   * JSON (entries and checkpoints) stays the form to verify; this sheet is for reading and filing.
   */
  exportCustodyLog: exportProcedure({
    input: custodyEntriesInput,
    access: (ctx, input) => requireArchivesAccess(ctx.db, ctx.principal, input.community, 'log'),
    rows: async (ctx, input, limit) =>
      readableCustodyEntries(
        ctx.db,
        await readCustodyLog(ctx.db, input.community, { afterSeq: input.afterSeq, limit }),
      ),
    sheet: custodyLogSheet,
    qualifiers: (input) => [input.community, input.afterSeq > 0 ? `${input.afterSeq}号以后` : undefined],
  }),
};
