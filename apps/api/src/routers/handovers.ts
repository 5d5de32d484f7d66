/**
 * Departure handover (离任移交), 金山镇 第十八条: the list of finance records, archive items and
 * seals in the leaver's custody, confirmed by leaver, successor and the supervisor from the town's
 * discipline committee or party and government office. Confirming and recording problems is open to
 * any signed-in account in scope, auditors included, because the store lets only the three named
 * people do it: the supervisor is often a read-only account of the town.
 */
import {
  citations,
  handoverConditionLabels,
  handoverConsequences,
  supervisingBodies,
  supervisingBodyLabels,
} from '@shequ/archives';
import {
  chinaDate,
  communities,
  confirmHandover,
  createHandover,
  handovers,
  loadHandover,
  recordHandoverProblem,
  users,
} from '@shequ/db';
import { communityCode, isoDate } from '@shequ/domain';
import { desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { actingAs, attempt, communityOfRow } from '../archives/shared.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

const id = z.uuid({ error: '应为有效的编号' });
const text = (field: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空` })
    .max(max, { error: `${field}最多 ${max} 字` });

export const createHandoverInput = z.strictObject({
  community: communityCode,
  leaverId: id,
  successorId: id,
  supervisorId: id,
  supervisorBody: z.enum(supervisingBodies),
  dueOn: isoDate,
  financeRecords: z
    .array(z.strictObject({ ref: text('财务资料名称', 100), description: text('财务资料说明') }))
    .max(100)
    .default([]),
});

export const handoversRouter = router({
  list: authedProcedure.input(z.strictObject({ community: communityCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.community);
    return ctx.db
      .select()
      .from(handovers)
      .where(eq(handovers.communityCode, input.community))
      .orderBy(desc(handovers.createdAt))
      .limit(100);
  }),

  create: writerProcedure.input(createHandoverInput).mutation(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.community);
    const { community, ...rest } = input;
    return attempt(() => createHandover(ctx.db, actingAs(ctx), { communityCode: community, ...rest }));
  }),

  confirm: authedProcedure
    .input(z.strictObject({ id, role: z.enum(['leaver', 'successor', 'supervisor']) }))
    .mutation(async ({ ctx, input }) => {
      await communityOfRow(ctx.db, ctx.principal, handovers, handovers, input.id, '移交清单');
      return attempt(() =>
        confirmHandover(ctx.db, actingAs(ctx), { handoverId: input.id, role: input.role }),
      );
    }),

  recordProblem: authedProcedure
    .input(
      z.strictObject({
        id,
        itemId: id,
        condition: z.enum(['missing', 'altered', 'damaged', 'intact']),
        note: text('情况说明', 500).optional(),
        serious: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await communityOfRow(ctx.db, ctx.principal, handovers, handovers, input.id, '移交清单');
      const { id: handoverId, ...rest } = input;
      return attempt(() => recordHandoverProblem(ctx.db, actingAs(ctx), { handoverId, ...rest }));
    }),

  /** Everything the printed form shows: parties with names, the list, confirmations, consequences. */
  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await communityOfRow(ctx.db, ctx.principal, handovers, handovers, input.id, '移交清单');
    const { row, items, handover } = await attempt(() => loadHandover(ctx.db, input.id));
    const people = await ctx.db
      .select({ id: users.id, displayName: users.displayName, username: users.username })
      .from(users)
      .where(inArray(users.id, [row.leaverId, row.successorId, row.supervisorId]));
    const [community] = await ctx.db
      .select({ name: communities.name })
      .from(communities)
      .where(eq(communities.code, row.communityCode));
    const person = (userId: string) =>
      people.find((p) => p.id === userId) ?? { id: userId, displayName: '', username: '' };
    const consequences = handoverConsequences(handover, chinaDate(ctx.settings.now()));
    return {
      id: row.id,
      community: { code: row.communityCode, name: community?.name ?? '' },
      state: row.state,
      dueOn: row.dueOn,
      createdAt: row.createdAt.toISOString(),
      leaver: { ...person(row.leaverId), confirmedOn: row.leaverConfirmedOn },
      successor: { ...person(row.successorId), confirmedOn: row.successorConfirmedOn },
      supervisor: {
        ...person(row.supervisorId),
        body: row.supervisorBody,
        bodyLabel:
          supervisingBodyLabels[row.supervisorBody as keyof typeof supervisingBodyLabels] ??
          row.supervisorBody,
        confirmedOn: row.supervisorConfirmedOn,
      },
      serious: row.serious,
      items: items.map((item) => ({
        id: item.id,
        kind: item.kind,
        refId: item.refId,
        ref: item.ref,
        description: item.description,
        condition: item.condition,
        conditionLabel: handoverConditionLabels[item.condition as keyof typeof handoverConditionLabels],
        note: item.note,
      })),
      consequences: consequences.consequences,
      citation: citations.jinshanHandover,
    };
  }),
});
