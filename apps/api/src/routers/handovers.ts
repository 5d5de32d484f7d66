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
  archiveStatusLabels,
  citations,
  handoverConditionLabels,
  handoverConsequences,
  supervisingBodies,
  supervisingBodyLabels,
} from '@shequ/archives';
import {
  chinaDate,
  confirmHandover,
  createHandover,
  handovers,
  handoversOfCommunity,
  handoverWithNames,
  recordHandoverProblem,
} from '@shequ/db';
import { communityCode, isoDate } from '@shequ/domain';
import { z } from 'zod';
import { checkpointAfterHandover } from '../archives/handover-checkpoint.js';
import { id, text } from '../archives/inputs.js';
import { attempt, communityOfRow, paging } from '../archives/shared.js';
import {
  CANNOT_SEE_HANDOVER,
  requireArchivesAccess,
  requireHandoverAccess,
} from '../auth/archives-access.js';
import { isAdminRole, type Principal } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { forbidden } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

/** 借出中: what the form shows for an archive item out on loan. */
const onLoanLabel = `${archiveStatusLabels.onLoan}中`;

export const createHandoverInput = z.strictObject({
  community: communityCode,
  leaverId: id,
  successorId: id,
  supervisorId: id,
  supervisorBody: z.enum(supervisingBodies),
  dueOn: isoDate,
  financeRecords: z
    .array(z.strictObject({ ref: text('财务资料名称', 100), description: text('财务资料说明', 200) }))
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
      const rows = await handoversOfCommunity(ctx.db, input.community, {
        partyId: seesAll ? undefined : ctx.principal.id,
        after: input.after,
        limit: input.limit,
      });
      // A worker named in none learns only that they may not look, not whether handovers exist.
      if (!seesAll && rows.length === 0 && !input.after) throw forbidden(CANNOT_SEE_HANDOVER);
      return rows;
    }),

  create: writerProcedure.input(createHandoverInput).mutation(async ({ ctx, input }) => {
    await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'manage');
    const { community, ...rest } = input;
    // The store applies the package's opening rules (deadline not already past, no seal of the
    // leaver's taken out) in its transaction, with a field error the wizard can place.
    return attempt(() => createHandover(ctx.db, auditedAs(ctx), { communityCode: community, ...rest }));
  }),

  confirm: authedProcedure
    .input(z.strictObject({ id, role: z.enum(['leaver', 'successor', 'supervisor']) }))
    .mutation(async ({ ctx, input }) => {
      await handoverRef(ctx, input.id, 'act');
      const acting = auditedAs(ctx);
      const confirmed = await attempt(() =>
        confirmHandover(ctx.db, acting, { handoverId: input.id, role: input.role }),
      );
      await checkpointAfterHandover(ctx.db, confirmed.row, {
        at: acting.at,
        issuedBy: acting.actor.username,
      });
      return confirmed;
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
      return attempt(() => recordHandoverProblem(ctx.db, auditedAs(ctx), { handoverId, ...rest }));
    }),

  /** Everything the printed form shows: parties with names, the list, confirmations, consequences. */
  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await handoverRef(ctx, input.id, 'read');
    const { row, items, handover, community, person, loanOf } = await attempt(() =>
      handoverWithNames(ctx.db, input.id),
    );
    const consequences = handoverConsequences(handover, chinaDate(ctx.settings.now()));
    return {
      id: row.id,
      community: { code: row.communityCode, name: community },
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
      items: items.map((item) => {
        const loan = loanOf(item);
        return {
          id: item.id,
          kind: item.kind,
          refId: item.refId,
          ref: item.ref,
          description: item.description,
          condition: item.condition,
          // A lent item is not on the shelf to be found intact: the form says where it is instead.
          conditionLabel:
            loan && item.condition === 'intact'
              ? onLoanLabel
              : handoverConditionLabels[item.condition as keyof typeof handoverConditionLabels],
          loan: loan && { ...loan, label: onLoanLabel },
          note: item.note,
        };
      }),
      consequences: consequences.consequences,
      citation: citations.jinshanHandover,
    };
  }),
});
