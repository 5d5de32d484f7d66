/**
 * 印章停用、销毁 in two steps (本系统规则 R-SEA-1): one person proposes, the approver named confirms,
 * declines, or the proposer withdraws; the seal changes only on the confirmation.
 */
import { randomUUID } from 'node:crypto';
import {
  applySealEndEvent,
  orThrow,
  proposeSealEnd as proposeSealEndRecord,
  type SealEndEvent,
  type SealEndProposal,
  type SealEndType,
  sealEndTypeLabels,
} from '@shequ/archives';
import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { sealEndProposals, seals } from '../schema-archives.js';
import { keysetPage, type ListPage } from './paging.js';
import {
  type ActingAs,
  ArchiveError,
  communityNameOf,
  displayNameOf,
  inserted,
  iso,
  isUniqueViolation,
  record,
  stripUndefined,
  won,
} from './record.js';
import { aboutSeal, loadSeal, moveSeal, type SealRow } from './seals.js';

export type SealEndRow = typeof sealEndProposals.$inferSelect;

export interface SealEndProposalInput {
  sealId: string;
  type: SealEndType;
  /** The approver of the seal (other than the proposer) who must confirm. */
  approvedBy: string;
  /** Why: recorded in the audit record and the custody log. */
  reason: string;
}

export async function loadEndProposal(tx: Transaction, id: string): Promise<SealEndRow> {
  const [row] = await tx.select().from(sealEndProposals).where(eq(sealEndProposals.id, id)).limit(1);
  if (!row) throw new ArchiveError('notFound', '没有这份停用或销毁申请');
  return row;
}

export function endProposalOf(row: SealEndRow): SealEndProposal {
  return stripUndefined({
    id: row.id,
    sealId: row.sealId,
    type: row.type,
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt.toISOString(),
    approvedBy: row.approvedBy,
    reason: row.reason,
    status: row.state as SealEndProposal['status'],
    decidedAt: iso(row.decidedAt),
    declineReason: row.declineReason ?? undefined,
  });
}

/**
 * The package's verdict on the proposal and its seal as they are now, and the proposal moved out of
 * `pending` by it; of two people deciding one proposal at once exactly one wins. Only a decline
 * leaves a reason, so any other verdict writes the null a pending proposal already holds.
 */
export async function decideEndProposal(
  tx: Transaction,
  acting: ActingAs,
  proposalId: string,
  event: SealEndEvent,
) {
  const row = await loadEndProposal(tx, proposalId);
  const { row: sealRow, seal } = await loadSeal(tx, row.sealId);
  const next = orThrow(applySealEndEvent(endProposalOf(row), seal, event));
  const proposal = won(
    await tx
      .update(sealEndProposals)
      .set({
        state: next.proposal.status,
        decidedAt: acting.at,
        declineReason: next.proposal.declineReason ?? null,
      })
      .where(and(eq(sealEndProposals.id, row.id), eq(sealEndProposals.state, 'pending')))
      .returning(),
    `${sealEndTypeLabels[row.type]}印章的申请`,
  );
  return { row, sealRow, next, proposal };
}

/**
 * 提出印章停用 / 销毁: by an administrator or an approver of the seal, naming another approver of it
 * (`approvedBy`) whose own confirmation the change needs. Checked now against the seal as it stands;
 * the partial unique index keeps one pending proposal per seal, so of two proposing at once one wins.
 */
export async function proposeSealEnd(
  db: Database,
  acting: ActingAs,
  input: SealEndProposalInput,
): Promise<SealEndRow> {
  try {
    return await db.transaction(async (tx) => {
      const { row: sealRow, seal } = await loadSeal(tx, input.sealId);
      const id = randomUUID();
      const proposal = orThrow(
        proposeSealEndRecord(seal, {
          id,
          type: input.type,
          by: acting.actor.id,
          at: acting.at.toISOString(),
          approvedBy: input.approvedBy,
          reason: input.reason,
        }),
      );
      const row = inserted(
        await tx
          .insert(sealEndProposals)
          .values({
            id,
            communityCode: sealRow.communityCode,
            streetCode: sealRow.streetCode,
            sealId: sealRow.id,
            type: proposal.type,
            state: proposal.status,
            proposedBy: acting.actor.id,
            proposedAt: acting.at,
            approvedBy: proposal.approvedBy,
            reason: proposal.reason,
          })
          .returning(),
      );
      const subject = { ...aboutSeal(sealRow), entityType: 'sealEndProposal', entityId: id };
      await record(tx, acting, subject, 'seal.end.propose', {
        before: null,
        after: row,
        payload: {
          proposal: id,
          type: proposal.type,
          approvedBy: proposal.approvedBy,
          reason: proposal.reason,
        },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ArchiveError(
        'conflict',
        '这枚印章已有一份待确认的停用或销毁申请：须先由指定的审批人确认或不同意，或由提出人撤回',
      );
    }
    throw error;
  }
}

/**
 * 确认停用 / 销毁: only the approver the proposal names. In one transaction the seal machine runs again
 * on the seal as it is now, the proposal leaves `pending` (conditional UPDATE: of a confirmation and
 * a decline at once exactly one wins) and the seal changes state; logged as `seal.retire` /
 * `seal.destroy`, as a one-step retirement was, so the readers of the log keep working.
 */
export async function confirmSealEnd(
  db: Database,
  acting: ActingAs,
  input: { proposalId: string },
): Promise<{ seal: SealRow; proposal: SealEndRow }> {
  return db.transaction(async (tx) => {
    const event = { type: 'confirm', by: acting.actor.id, at: acting.at.toISOString() } as const;
    const { row, sealRow, next, proposal } = await decideEndProposal(tx, acting, input.proposalId, event);
    const moved = await moveSeal(tx, sealRow, { state: next.seal.state });
    await record(tx, acting, aboutSeal(sealRow), `seal.${row.type}`, {
      before: { state: sealRow.state },
      after: {
        state: moved.state,
        approvedBy: row.approvedBy,
        proposedBy: row.proposedBy,
        reason: row.reason,
      },
      payload: {
        proposal: row.id,
        proposedBy: row.proposedBy,
        approvedBy: row.approvedBy,
        reason: row.reason,
      },
    });
    return { seal: moved, proposal };
  });
}

/** 不同意 (the named approver, with a reason) or 撤回 (the proposer): the seal stays as it is. */
export async function closeSealEnd(
  db: Database,
  acting: ActingAs,
  input: { proposalId: string; event: 'decline' | 'withdraw'; reason?: string | undefined },
): Promise<SealEndRow> {
  return db.transaction(async (tx) => {
    const at = acting.at.toISOString();
    const event: SealEndEvent =
      input.event === 'decline'
        ? { type: 'decline', by: acting.actor.id, at, reason: input.reason ?? '' }
        : { type: 'withdraw', by: acting.actor.id, at };
    const { row, sealRow, proposal: updated } = await decideEndProposal(tx, acting, input.proposalId, event);
    const subject = { ...aboutSeal(sealRow), entityType: 'sealEndProposal', entityId: row.id };
    await record(tx, acting, subject, `seal.end.${input.event}`, {
      before: { state: row.state },
      after: { state: updated.state, declineReason: updated.declineReason },
      payload: {
        proposal: row.id,
        type: row.type,
        ...(updated.declineReason ? { reason: updated.declineReason } : {}),
      },
    });
    return updated;
  });
}

/** 不同意停用 / 销毁: the named approver, with a reason the proposer sees. */
export function declineSealEnd(
  db: Database,
  acting: ActingAs,
  input: { proposalId: string; reason: string },
): Promise<SealEndRow> {
  return closeSealEnd(db, acting, { proposalId: input.proposalId, event: 'decline', reason: input.reason });
}

/** 撤回停用 / 销毁申请: the proposer. */
export function withdrawSealEnd(
  db: Database,
  acting: ActingAs,
  input: { proposalId: string },
): Promise<SealEndRow> {
  return closeSealEnd(db, acting, { proposalId: input.proposalId, event: 'withdraw' });
}

// ── What people read ────────────────────────────────────────────────────────

/**
 * Proposals to retire or destroy a seal with the community, seal, proposer and approver named: the
 * start of `endInbox` and `myEndProposals`, which add a WHERE, an order and a limit.
 */
export function endProposalsWithNames(db: Database) {
  return db
    .select({
      id: sealEndProposals.id,
      communityCode: sealEndProposals.communityCode,
      communityName: communityNameOf(sealEndProposals.communityCode),
      sealId: sealEndProposals.sealId,
      sealName: seals.name,
      sealState: seals.state,
      type: sealEndProposals.type,
      state: sealEndProposals.state,
      proposedBy: sealEndProposals.proposedBy,
      proposerName: displayNameOf(sealEndProposals.proposedBy),
      proposedAt: sealEndProposals.proposedAt,
      approvedBy: sealEndProposals.approvedBy,
      approverName: displayNameOf(sealEndProposals.approvedBy),
      reason: sealEndProposals.reason,
      decidedAt: sealEndProposals.decidedAt,
      declineReason: sealEndProposals.declineReason,
    })
    .from(sealEndProposals)
    .innerJoin(seals, eq(seals.id, sealEndProposals.sealId))
    .$dynamic();
}

const proposalOrder = { at: sealEndProposals.proposedAt, id: sealEndProposals.id };

/** Proposals waiting for `approverId`'s confirmation, oldest first. */
export function sealEndInboxRows(db: Database, approverId: string, page: ListPage) {
  const waiting = and(eq(sealEndProposals.approvedBy, approverId), eq(sealEndProposals.state, 'pending'));
  return keysetPage(endProposalsWithNames(db), waiting, 'asc', proposalOrder, page);
}

/** `proposerId`'s own proposals, newest first, with how each ended. */
export function mySealEndProposalRows(db: Database, proposerId: string, page: ListPage) {
  return keysetPage(
    endProposalsWithNames(db),
    eq(sealEndProposals.proposedBy, proposerId),
    'desc',
    proposalOrder,
    page,
  );
}
