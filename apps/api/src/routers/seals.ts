/**
 * Seals (印章): registry, use (申请 → 审批 → 用印登记) and removal from the office (外带), per
 * 鄂州 第四十条. Of two people approving, or taking out, the same seal at once exactly one wins:
 * the store's conditional UPDATEs and the partial unique index on seal_requests decide, not this file.
 * Who may see and do what is decided in `../auth/archives-access.ts`: every worker of the community
 * lists its seals and files requests; custodians, a seal's approvers and administrators see the rest.
 */
import { sealEndTypes, sealOwnerKinds } from '@shequ/archives';
import {
  confirmSealEnd,
  decideSealUse,
  decideTakeOut,
  declineSealEnd,
  mySealEndProposalRows,
  mySealRequestRows,
  proposeSealEnd,
  registerSeal,
  requestSealUse,
  requestsOfSeal,
  requestTakeOut,
  returnSeal,
  sealEndInboxRows,
  sealInboxRows,
  sealRequestRef,
  sealRequests,
  seals,
  sealsOfCommunity,
  sealsOutRows,
  setSealApprovers,
  stampSeal,
  takeOut,
  withdrawSealEnd,
  withdrawSealRequest,
} from '@shequ/db';
import { boundedInt, communityCode, dateRangeMessage, divisionCode, isDateInRange } from '@shequ/domain';
import { and, lt } from 'drizzle-orm';
import { z } from 'zod';
import { id, text } from '../archives/inputs.js';
import { attempt, communityOfRow, paging, underNode } from '../archives/shared.js';
import {
  allows,
  archivesStanding,
  isSealApprover,
  requireArchivesAccess,
  requireOwnCommunityAccess,
  requireSealAccess,
  requireSealApprover,
  requireSealEndParty,
} from '../auth/archives-access.js';
import type { Principal } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { fieldError, forbidden, notFound } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

const approverIds = z
  .array(id)
  .min(1, { error: '须按印章使用制度指定至少一名审批人（鄂州 第四十条）' })
  .max(10, { error: '审批人至多 10 名' });

export const registerSealInput = z.strictObject({
  community: communityCode,
  name: text('印章名称', 100),
  owner: z.strictObject({ kind: z.enum(sealOwnerKinds), name: text('所属组织', 100) }),
  custodianId: id,
  storagePlace: text('固定存放地点', 100),
  approverIds,
  impressionSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: '印模图片的 SHA-256 应为 64 位小写十六进制' })
    .optional(),
});

export const setSealApproversInput = z.strictObject({
  sealId: id,
  approverIds,
  reason: text('变更理由'),
});

export const sealsOutInput = z
  .strictObject({
    jurisdictionCode: divisionCode.optional(),
    communityCode: communityCode.optional(),
    ...paging,
  })
  .refine((input) => !(input.jurisdictionCode && input.communityCode), {
    error: '请只填写辖区代码（jurisdictionCode）或社区代码（communityCode）之一',
    path: ['communityCode'],
  });

export const proposeSealEndInput = z.strictObject({
  sealId: id,
  type: z.enum(sealEndTypes, { error: '类别应为停用（retire）或销毁（destroy）' }),
  approvedBy: id,
  reason: text('理由'),
});

/** The personal request lists' input (`inbox`, `mine` and their exports). */
export const personalPaging = z.strictObject(paging).optional();

const sealRef = (db: Context['db'], principal: Principal, sealId: string) =>
  communityOfRow(db, principal, seals, seals, sealId, '印章');

/** The request's community and seal; outside the principal's scope it is "not found". */
async function requestRef(db: Context['db'], principal: Principal, requestId: string) {
  const row = await sealRequestRef(db, requestId);
  if (!row) throw notFound('没有这个申请');
  try {
    requireScope(principal, row.communityCode);
  } catch {
    throw notFound('没有这个申请');
  }
  return row;
}

/** A decision on a request: the seal's approvers and administrators. */
async function deciderRef(ctx: Context & { principal: Principal }, requestId: string) {
  const row = await requestRef(ctx.db, ctx.principal, requestId);
  await requireSealApprover(ctx.db, ctx.principal, row.communityCode, row.sealId);
}

/** The custodian's acts on a request (stamping, handing out, taking back): custodians and administrators. */
async function keeperRef(ctx: Context & { principal: Principal }, requestId: string) {
  const row = await requestRef(ctx.db, ctx.principal, requestId);
  await requireArchivesAccess(ctx.db, ctx.principal, row.communityCode, 'keep');
}

/**
 * Proposing to retire or destroy a seal: administrators and the seal's approvers, naming another
 * approver of it, who alone may then confirm (`requireSealEndParty`).
 */
async function enderRef(
  ctx: Context & { principal: Principal },
  input: { sealId: string; approvedBy: string },
) {
  const community = await sealRef(ctx.db, ctx.principal, input.sealId);
  await requireSealApprover(ctx.db, ctx.principal, community, input.sealId);
  // The consenting approver is named on the form: say which field is wrong before the seal machine runs.
  if (input.approvedBy === ctx.principal.id) {
    throw fieldError('BAD_REQUEST', 'approvedBy', '确认的审批人须是本人以外的另一名审批人');
  }
  if (!(await isSealApprover(ctx.db, input.approvedBy, input.sealId))) {
    throw fieldError('BAD_REQUEST', 'approvedBy', '确认的审批人须是这枚印章登记的审批人');
  }
}

export const sealsRouter = router({
  /**
   * The community's seals. Every worker of the community sees them, to file requests; only custodians,
   * approvers, administrators and auditors also see which removal a seal is out under and its impression.
   */
  list: authedProcedure.input(z.strictObject({ community: communityCode })).query(async ({ ctx, input }) => {
    const standing = await archivesStanding(ctx.db, ctx.principal, input.community);
    const list = await sealsOfCommunity(ctx.db, input.community);
    if (allows(standing, 'catalogue') || standing.approver) return list;
    return list.map((seal) => ({ ...seal, impressionSha256: null, out: null }));
  }),

  /** One seal with its requests, newest first. */
  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const community = await sealRef(ctx.db, ctx.principal, input.id);
    await requireSealAccess(ctx.db, ctx.principal, community, input.id);
    const [[seal], requests] = await Promise.all([
      sealsOfCommunity(ctx.db, community, input.id),
      requestsOfSeal(ctx.db, input.id),
    ]);
    return { ...seal, requests };
  }),

  register: writerProcedure.input(registerSealInput).mutation(async ({ ctx, input }) => {
    await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'manage');
    const { community, ...rest } = input;
    return attempt(() => registerSeal(ctx.db, auditedAs(ctx), { communityCode: community, ...rest }));
  }),

  /**
   * 变更审批人: administrators name who approves the seal's use from now on (a new committee, a
   * departure), with a reason; the custodian cannot be the only one. Decided requests keep their decider.
   */
  setApprovers: writerProcedure.input(setSealApproversInput).mutation(async ({ ctx, input }) => {
    const community = await sealRef(ctx.db, ctx.principal, input.sealId);
    await requireArchivesAccess(ctx.db, ctx.principal, community, 'manage');
    return attempt(() => setSealApprovers(ctx.db, auditedAs(ctx), input));
  }),

  requestUse: writerProcedure
    .input(
      z.strictObject({
        sealId: id,
        purpose: text('用印事由'),
        document: text('用印文件', 200),
        copies: z.int({ error: '份数应为正整数' }).min(1, { error: '份数应为正整数' }).max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await sealRef(ctx.db, ctx.principal, input.sealId);
      return attempt(() => requestSealUse(ctx.db, auditedAs(ctx), input));
    }),

  /** 撤回: the requester, while the use or take-out request still waits for a decision. */
  withdraw: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    const request = await requestRef(ctx.db, ctx.principal, input.requestId);
    if (request.requestedBy !== ctx.principal.id) throw forbidden('只有申请人本人可以撤回申请');
    const kind = request.kind === 'takeOut' ? 'takeOut' : 'use';
    return attempt(() => withdrawSealRequest(ctx.db, auditedAs(ctx), { requestId: input.requestId, kind }));
  }),

  approve: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    await deciderRef(ctx, input.requestId);
    return attempt(() =>
      decideSealUse(ctx.db, auditedAs(ctx), { requestId: input.requestId, decision: 'approve' }),
    );
  }),

  refuse: writerProcedure
    .input(z.strictObject({ requestId: id, reason: text('不予批准的理由') }))
    .mutation(async ({ ctx, input }) => {
      await deciderRef(ctx, input.requestId);
      return attempt(() => decideSealUse(ctx.db, auditedAs(ctx), { ...input, decision: 'refuse' }));
    }),

  stamp: writerProcedure
    .input(
      z.strictObject({
        requestId: id,
        copies: boundedInt({ min: 1, max: 10_000, message: '份数应为 1 到 10000 之间的整数' }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await keeperRef(ctx, input.requestId);
      return attempt(() => stampSeal(ctx.db, auditedAs(ctx), input));
    }),

  requestTakeOut: writerProcedure
    .input(
      z.strictObject({
        sealId: id,
        reason: text('带离办公室的特殊情况'),
        destination: text('去向', 200).optional(),
        returnBy: z.iso
          .datetime({ offset: true, error: '归还期限应为带时区的 ISO 8601 时间' })
          .refine((value) => isDateInRange(value.slice(0, 10)), { error: dateRangeMessage }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await sealRef(ctx.db, ctx.principal, input.sealId);
      return attempt(() =>
        requestTakeOut(ctx.db, auditedAs(ctx), { ...input, returnBy: new Date(input.returnBy) }),
      );
    }),

  approveTakeOut: writerProcedure
    .input(z.strictObject({ requestId: id }))
    .mutation(async ({ ctx, input }) => {
      await deciderRef(ctx, input.requestId);
      return attempt(() =>
        decideTakeOut(ctx.db, auditedAs(ctx), { requestId: input.requestId, decision: 'approve' }),
      );
    }),

  refuseTakeOut: writerProcedure
    .input(z.strictObject({ requestId: id, reason: text('不予批准的理由') }))
    .mutation(async ({ ctx, input }) => {
      await deciderRef(ctx, input.requestId);
      return attempt(() => decideTakeOut(ctx.db, auditedAs(ctx), { ...input, decision: 'refuse' }));
    }),

  /** The custodian hands the seal out under an approved removal. */
  takeOut: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    await keeperRef(ctx, input.requestId);
    return attempt(() => takeOut(ctx.db, auditedAs(ctx), input));
  }),

  returnSeal: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    await keeperRef(ctx, input.requestId);
    return attempt(() => returnSeal(ctx.db, auditedAs(ctx), input));
  }),

  /**
   * Every seal taken out of the office right now within a town, district… (`jurisdictionCode`) or
   * one community (`communityCode`); without either, the principal's own scope. Due back soonest first.
   */
  out: authedProcedure.input(sealsOutInput).query(async ({ ctx, input }) => {
    await requireOwnCommunityAccess(ctx.db, ctx.principal, 'catalogue');
    return sealsOutRows(
      ctx.db,
      underNode(ctx.principal, sealRequests, input.communityCode ?? input.jurisdictionCode),
      input,
    );
  }),

  /** Seals out past their return deadline, in scope (or under `under`), most overdue first. */
  overdue: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional(), ...paging }))
    .query(async ({ ctx, input }) => {
      await requireOwnCommunityAccess(ctx.db, ctx.principal, 'catalogue');
      return sealsOutRows(
        ctx.db,
        and(
          underNode(ctx.principal, sealRequests, input.under),
          lt(sealRequests.returnBy, ctx.settings.now()),
        ),
        input,
      );
    }),

  /** Requests waiting for my decision: seals that list me as approver, requested by someone else. */
  inbox: authedProcedure
    .input(personalPaging)
    .query(({ ctx, input }) =>
      sealInboxRows(ctx.db, ctx.principal.id, { after: input?.after, limit: input?.limit ?? 100 }),
    ),

  /** My own requests, newest first. */
  mine: authedProcedure
    .input(personalPaging)
    .query(({ ctx, input }) =>
      mySealRequestRows(ctx.db, ctx.principal.id, { after: input?.after, limit: input?.limit ?? 100 }),
    ),

  /**
   * 提出印章停用 / 销毁 (`type`): by an administrator or an approver of the seal, naming another approver
   * of it (`approvedBy`) and a reason. The seal does not change yet: it waits for that approver's own
   * confirmation (`confirmEnd`). One pending proposal per seal; `destroy` only of a retired seal.
   */
  proposeEnd: writerProcedure.input(proposeSealEndInput).mutation(async ({ ctx, input }) => {
    await enderRef(ctx, input);
    return attempt(() => proposeSealEnd(ctx.db, auditedAs(ctx), input));
  }),

  /** 确认: the approver the proposal names, and nobody else; the seal is retired or destroyed now. */
  confirmEnd: writerProcedure.input(z.strictObject({ proposalId: id })).mutation(async ({ ctx, input }) => {
    await requireSealEndParty(ctx.db, ctx.principal, input.proposalId, 'approver');
    return attempt(() => confirmSealEnd(ctx.db, auditedAs(ctx), input));
  }),

  /** 不同意: the approver the proposal names, with a reason the proposer sees; the seal stays as it is. */
  declineEnd: writerProcedure
    .input(z.strictObject({ proposalId: id, reason: text('不同意的理由') }))
    .mutation(async ({ ctx, input }) => {
      await requireSealEndParty(ctx.db, ctx.principal, input.proposalId, 'approver');
      return attempt(() => declineSealEnd(ctx.db, auditedAs(ctx), input));
    }),

  /** 撤回: the proposer, while the proposal is pending; the seal stays as it is. */
  withdrawEnd: writerProcedure.input(z.strictObject({ proposalId: id })).mutation(async ({ ctx, input }) => {
    await requireSealEndParty(ctx.db, ctx.principal, input.proposalId, 'proposer');
    return attempt(() => withdrawSealEnd(ctx.db, auditedAs(ctx), input));
  }),

  /** Proposals to retire or destroy a seal waiting for my confirmation, oldest first. */
  endInbox: authedProcedure
    .input(personalPaging)
    .query(({ ctx, input }) =>
      sealEndInboxRows(ctx.db, ctx.principal.id, { after: input?.after, limit: input?.limit ?? 100 }),
    ),

  /** My own proposals to retire or destroy a seal, newest first, with how each ended. */
  myEndProposals: authedProcedure
    .input(personalPaging)
    .query(({ ctx, input }) =>
      mySealEndProposalRows(ctx.db, ctx.principal.id, { after: input?.after, limit: input?.limit ?? 100 }),
    ),
});
