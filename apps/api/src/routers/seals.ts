/**
 * Seals (印章): registry, use (申请 → 审批 → 用印登记) and removal from the office (外带), per
 * 鄂州 第四十条. Of two people approving, or taking out, the same seal at once exactly one wins:
 * the store's conditional UPDATEs and the partial unique index on seal_requests decide, not this file.
 */
import { sealOwnerKinds } from '@shequ/archives';
import {
  communities,
  decideSealUse,
  decideTakeOut,
  registerSeal,
  requestSealUse,
  requestTakeOut,
  returnSeal,
  sealApprovers,
  sealRequests,
  seals,
  stampSeal,
  takeOut,
  users,
} from '@shequ/db';
import { communityCode, divisionCode } from '@shequ/domain';
import { and, asc, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { actingAs, attempt, communityOfRow, underNode } from '../archives/shared.js';
import type { Principal } from '../auth/scope.js';
import type { Context } from '../context.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

const id = z.uuid({ error: '应为有效的编号' });
const text = (field: string, max = 500) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空` })
    .max(max, { error: `${field}最多 ${max} 字` });

export const registerSealInput = z.strictObject({
  community: communityCode,
  name: text('印章名称', 100),
  owner: z.strictObject({ kind: z.enum(sealOwnerKinds), name: text('所属组织', 100) }),
  custodianId: id,
  storagePlace: text('固定存放地点', 100),
  approverIds: z.array(id).min(1, { error: '须按印章使用制度指定至少一名审批人（鄂州 第四十条）' }).max(10),
  impressionSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: '印模图片的 SHA-256 应为 64 位小写十六进制' })
    .optional(),
});

export const sealsOutInput = z
  .strictObject({ jurisdictionCode: divisionCode.optional(), communityCode: communityCode.optional() })
  .refine((input) => !(input.jurisdictionCode && input.communityCode), {
    error: '请只填写辖区代码（jurisdictionCode）或社区代码（communityCode）之一',
    path: ['communityCode'],
  });

const sealRef = (db: Context['db'], principal: Principal, sealId: string) =>
  communityOfRow(db, principal, seals, seals, sealId, '印章');
const requestRef = (db: Context['db'], principal: Principal, requestId: string) =>
  communityOfRow(db, principal, sealRequests, sealRequests, requestId, '申请');

/** The columns every request list shows, with the seal's and people's names. */
function requestColumns() {
  const requester = alias(users, 'requester');
  const decider = alias(users, 'decider');
  return {
    requester,
    decider,
    columns: {
      id: sealRequests.id,
      communityCode: sealRequests.communityCode,
      communityName: communities.name,
      sealId: sealRequests.sealId,
      sealName: seals.name,
      kind: sealRequests.kind,
      state: sealRequests.state,
      requestedBy: sealRequests.requestedBy,
      requesterName: requester.displayName,
      requestedAt: sealRequests.requestedAt,
      purpose: sealRequests.purpose,
      document: sealRequests.document,
      copies: sealRequests.copies,
      destination: sealRequests.destination,
      returnBy: sealRequests.returnBy,
      decidedBy: sealRequests.decidedBy,
      deciderName: decider.displayName,
      decidedAt: sealRequests.decidedAt,
      refusalReason: sealRequests.refusalReason,
      stampedAt: sealRequests.stampedAt,
      copiesStamped: sealRequests.copiesStamped,
      takenOutAt: sealRequests.takenOutAt,
      returnedAt: sealRequests.returnedAt,
    },
  };
}

async function listSeals(db: Context['db'], community: string) {
  const custodian = alias(users, 'custodian');
  const rows = await db
    .select({
      id: seals.id,
      name: seals.name,
      ownerKind: seals.ownerKind,
      ownerName: seals.ownerName,
      custodianId: seals.custodianId,
      custodianName: custodian.displayName,
      storagePlace: seals.storagePlace,
      impressionSha256: seals.impressionSha256,
      state: seals.state,
    })
    .from(seals)
    .leftJoin(custodian, eq(custodian.id, seals.custodianId))
    .where(eq(seals.communityCode, community))
    .orderBy(asc(seals.name));
  const approvers =
    rows.length === 0
      ? []
      : await db
          .select({ sealId: sealApprovers.sealId, id: users.id, displayName: users.displayName })
          .from(sealApprovers)
          .innerJoin(users, eq(users.id, sealApprovers.userId))
          .where(
            inArray(
              sealApprovers.sealId,
              rows.map((r) => r.id),
            ),
          );
  const out = await db
    .select({ sealId: sealRequests.sealId, requestId: sealRequests.id, returnBy: sealRequests.returnBy })
    .from(sealRequests)
    .where(and(eq(sealRequests.communityCode, community), eq(sealRequests.state, 'out')));
  return rows.map((row) => ({
    ...row,
    approvers: approvers
      .filter((a) => a.sealId === row.id)
      .map(({ id: userId, displayName }) => ({ id: userId, displayName })),
    out: out.find((o) => o.sealId === row.id) ?? null,
  }));
}

export const sealsRouter = router({
  list: authedProcedure.input(z.strictObject({ community: communityCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.community);
    return listSeals(ctx.db, input.community);
  }),

  /** One seal with its requests, newest first. */
  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const community = await sealRef(ctx.db, ctx.principal, input.id);
    const list = await listSeals(ctx.db, community);
    const seal = list.find((s) => s.id === input.id);
    const { requester, decider, columns } = requestColumns();
    const requests = await ctx.db
      .select(columns)
      .from(sealRequests)
      .innerJoin(seals, eq(seals.id, sealRequests.sealId))
      .leftJoin(requester, eq(requester.id, sealRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, sealRequests.decidedBy))
      .leftJoin(communities, eq(communities.code, sealRequests.communityCode))
      .where(eq(sealRequests.sealId, input.id))
      .orderBy(desc(sealRequests.requestedAt))
      .limit(200);
    return { ...seal, requests };
  }),

  register: writerProcedure.input(registerSealInput).mutation(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.community);
    const { community, ...rest } = input;
    return attempt(() => registerSeal(ctx.db, actingAs(ctx), { communityCode: community, ...rest }));
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
      return attempt(() => requestSealUse(ctx.db, actingAs(ctx), input));
    }),

  approve: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    await requestRef(ctx.db, ctx.principal, input.requestId);
    return attempt(() =>
      decideSealUse(ctx.db, actingAs(ctx), { requestId: input.requestId, decision: 'approve' }),
    );
  }),

  refuse: writerProcedure
    .input(z.strictObject({ requestId: id, reason: text('不予批准的理由') }))
    .mutation(async ({ ctx, input }) => {
      await requestRef(ctx.db, ctx.principal, input.requestId);
      return attempt(() => decideSealUse(ctx.db, actingAs(ctx), { ...input, decision: 'refuse' }));
    }),

  stamp: writerProcedure
    .input(z.strictObject({ requestId: id, copies: z.int().min(1, { error: '份数应为正整数' }).optional() }))
    .mutation(async ({ ctx, input }) => {
      await requestRef(ctx.db, ctx.principal, input.requestId);
      return attempt(() => stampSeal(ctx.db, actingAs(ctx), input));
    }),

  requestTakeOut: writerProcedure
    .input(
      z.strictObject({
        sealId: id,
        reason: text('带离办公室的特殊情况'),
        destination: text('去向', 200).optional(),
        returnBy: z.iso.datetime({ offset: true, error: '归还期限应为带时区的 ISO 8601 时间' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await sealRef(ctx.db, ctx.principal, input.sealId);
      return attempt(() =>
        requestTakeOut(ctx.db, actingAs(ctx), { ...input, returnBy: new Date(input.returnBy) }),
      );
    }),

  approveTakeOut: writerProcedure
    .input(z.strictObject({ requestId: id }))
    .mutation(async ({ ctx, input }) => {
      await requestRef(ctx.db, ctx.principal, input.requestId);
      return attempt(() =>
        decideTakeOut(ctx.db, actingAs(ctx), { requestId: input.requestId, decision: 'approve' }),
      );
    }),

  refuseTakeOut: writerProcedure
    .input(z.strictObject({ requestId: id, reason: text('不予批准的理由') }))
    .mutation(async ({ ctx, input }) => {
      await requestRef(ctx.db, ctx.principal, input.requestId);
      return attempt(() => decideTakeOut(ctx.db, actingAs(ctx), { ...input, decision: 'refuse' }));
    }),

  /** The custodian hands the seal out under an approved removal. */
  takeOut: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    await requestRef(ctx.db, ctx.principal, input.requestId);
    return attempt(() => takeOut(ctx.db, actingAs(ctx), input));
  }),

  returnSeal: writerProcedure.input(z.strictObject({ requestId: id })).mutation(async ({ ctx, input }) => {
    await requestRef(ctx.db, ctx.principal, input.requestId);
    return attempt(() => returnSeal(ctx.db, actingAs(ctx), input));
  }),

  /**
   * Every seal taken out of the office right now within a town, district… (`jurisdictionCode`) or
   * one community (`communityCode`); without either, the principal's own scope. Due back soonest first.
   */
  out: authedProcedure.input(sealsOutInput).query(async ({ ctx, input }) => {
    const { requester, decider, columns } = requestColumns();
    const custodian = alias(users, 'custodian');
    return ctx.db
      .select({ ...columns, custodianId: seals.custodianId, custodianName: custodian.displayName })
      .from(sealRequests)
      .innerJoin(seals, eq(seals.id, sealRequests.sealId))
      .leftJoin(requester, eq(requester.id, sealRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, sealRequests.decidedBy))
      .leftJoin(communities, eq(communities.code, sealRequests.communityCode))
      .leftJoin(custodian, eq(custodian.id, seals.custodianId))
      .where(
        and(
          underNode(ctx.principal, sealRequests, input.communityCode ?? input.jurisdictionCode),
          eq(sealRequests.state, 'out'),
        ),
      )
      .orderBy(asc(sealRequests.returnBy), asc(sealRequests.id))
      .limit(500);
  }),

  /** Seals out past their return deadline, in scope (or under `under`), most overdue first. */
  overdue: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional() }))
    .query(async ({ ctx, input }) => {
      const { requester, decider, columns } = requestColumns();
      return ctx.db
        .select(columns)
        .from(sealRequests)
        .innerJoin(seals, eq(seals.id, sealRequests.sealId))
        .leftJoin(requester, eq(requester.id, sealRequests.requestedBy))
        .leftJoin(decider, eq(decider.id, sealRequests.decidedBy))
        .leftJoin(communities, eq(communities.code, sealRequests.communityCode))
        .where(
          and(
            underNode(ctx.principal, sealRequests, input.under),
            eq(sealRequests.state, 'out'),
            lt(sealRequests.returnBy, ctx.settings.now()),
          ),
        )
        .orderBy(asc(sealRequests.returnBy))
        .limit(200);
    }),

  /** Requests waiting for my decision: seals that list me as approver, requested by someone else. */
  inbox: authedProcedure.query(async ({ ctx }) => {
    const { requester, decider, columns } = requestColumns();
    return ctx.db
      .select(columns)
      .from(sealApprovers)
      .innerJoin(sealRequests, eq(sealRequests.sealId, sealApprovers.sealId))
      .innerJoin(seals, eq(seals.id, sealRequests.sealId))
      .leftJoin(requester, eq(requester.id, sealRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, sealRequests.decidedBy))
      .leftJoin(communities, eq(communities.code, sealRequests.communityCode))
      .where(
        and(
          eq(sealApprovers.userId, ctx.principal.id),
          eq(sealRequests.state, 'requested'),
          ne(sealRequests.requestedBy, ctx.principal.id),
        ),
      )
      .orderBy(asc(sealRequests.requestedAt))
      .limit(200);
  }),

  /** My own requests, newest first. */
  mine: authedProcedure.query(async ({ ctx }) => {
    const { requester, decider, columns } = requestColumns();
    return ctx.db
      .select(columns)
      .from(sealRequests)
      .innerJoin(seals, eq(seals.id, sealRequests.sealId))
      .leftJoin(requester, eq(requester.id, sealRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, sealRequests.decidedBy))
      .leftJoin(communities, eq(communities.code, sealRequests.communityCode))
      .where(eq(sealRequests.requestedBy, ctx.principal.id))
      .orderBy(desc(sealRequests.requestedAt))
      .limit(200);
  }),
});
