/**
 * Departure handover (离任移交), 金山镇 第十八条: the list of finance records, archive items and
 * seals in the leaver's custody, confirmed by leaver, successor and the supervisor from the town's
 * discipline committee or party and government office. Administrators above the community create
 * handovers and see them all, auditors in scope read them all; otherwise only the three named people
 * see a handover (`../auth/archives-access.ts`). Confirming and recording problems is open to those
 * three even when read-only, because the supervisor is often a read-only account of the town; the
 * store checks which of them may do what.
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
import { communityCode, isoDate, safeText } from '@shequ/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { actingAs, attempt, communityOfRow, paging, rowsAfter } from '../archives/shared.js';
import {
  CANNOT_SEE_HANDOVER,
  partyToHandover,
  requireArchivesAccess,
  requireHandoverAccess,
} from '../auth/archives-access.js';
import { isAdminRole, type Principal } from '../auth/scope.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

const id = z.uuid({ error: '应为有效的编号' });
// Names, titles, reasons: no control characters, no bidi overrides, not only invisible characters.
const text = (field: string, max = 200) => safeText(field, max);

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

/** The handover's community after the scope check ("not found" outside), then who may see or act on it. */
async function handoverRef(
  ctx: Context & { principal: Principal },
  handoverId: string,
  mode: 'read' | 'act',
): Promise<void> {
  const community = await communityOfRow(ctx.db, ctx.principal, handovers, handovers, handoverId, '移交清单');
  await requireHandoverAccess(ctx.db, ctx.principal, community, handoverId, mode);
}

export const handoversRouter = router({
  /**
   * A community's handovers, newest first, with the names of leaver, successor and supervisor. A
   * community worker sees only the handovers they are named in, and is refused when there are none.
   */
  list: authedProcedure
    .input(z.strictObject({ community: communityCode, ...paging }))
    .query(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.community);
      const seesAll = isAdminRole(ctx.principal.role) || ctx.principal.role === 'auditor';
      const leaver = alias(users, 'leaver');
      const successor = alias(users, 'successor');
      const supervisor = alias(users, 'supervisor');
      const rows = await ctx.db
        .select({
          handover: handovers,
          leaverName: leaver.displayName,
          successorName: successor.displayName,
          supervisorName: supervisor.displayName,
        })
        .from(handovers)
        .leftJoin(leaver, eq(leaver.id, handovers.leaverId))
        .leftJoin(successor, eq(successor.id, handovers.successorId))
        .leftJoin(supervisor, eq(supervisor.id, handovers.supervisorId))
        .where(
          and(
            eq(handovers.communityCode, input.community),
            seesAll ? undefined : partyToHandover(ctx.principal.id),
            rowsAfter('desc', { at: handovers.createdAt, id: handovers.id }, input.after),
          ),
        )
        .orderBy(desc(handovers.createdAt), desc(handovers.id))
        .limit(input.limit);
      // A worker named in none learns only that they may not look, not whether handovers exist.
      if (!seesAll && rows.length === 0 && !input.after) throw forbidden(CANNOT_SEE_HANDOVER);
      return rows.map(({ handover, ...names }) => ({
        ...handover,
        leaverName: names.leaverName ?? '',
        successorName: names.successorName ?? '',
        supervisorName: names.supervisorName ?? '',
      }));
    }),

  create: writerProcedure.input(createHandoverInput).mutation(async ({ ctx, input }) => {
    await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'manage');
    const { community, ...rest } = input;
    // The store applies the package's opening rules (deadline not already past, no seal of the
    // leaver's taken out) in its transaction, with a field error the wizard can place.
    return attempt(() => createHandover(ctx.db, actingAs(ctx), { communityCode: community, ...rest }));
  }),

  confirm: authedProcedure
    .input(z.strictObject({ id, role: z.enum(['leaver', 'successor', 'supervisor']) }))
    .mutation(async ({ ctx, input }) => {
      await handoverRef(ctx, input.id, 'act');
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
      await handoverRef(ctx, input.id, 'act');
      const { id: handoverId, ...rest } = input;
      return attempt(() => recordHandoverProblem(ctx.db, actingAs(ctx), { handoverId, ...rest }));
    }),

  /** Everything the printed form shows: parties with names, the list, confirmations, consequences. */
  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await handoverRef(ctx, input.id, 'read');
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
