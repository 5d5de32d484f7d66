/**
 * The workbench (工作台): what is waiting for one person, read in a few indexed queries. Who may see
 * which list, and whose scope a list covers, is decided by the caller (the API's workbench router);
 * these functions only filter by what they are given: a person's id and a scope prefix.
 *
 * A scope prefix is the significant prefix of a division code ('' for the whole country): 12 digits
 * select one community, 9 a town (the indexed `street_code`), fewer a prefix of the community code.
 */

import { chinaDate } from '@shequ/domain';
import { and, asc, desc, eq, inArray, isNull, like, lt, max, ne, or, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database } from './client.js';
import { auditLog, communities, users } from './schema.js';
import {
  archiveItems,
  archiveLoans,
  handovers,
  sealApprovers,
  sealEndProposals,
  sealRequests,
  seals,
} from './schema-archives.js';

/** Rows under a scope prefix, on tables that carry both `community_code` and `street_code`. */
export function underScopePrefix(
  columns: { communityCode: PgColumn; streetCode: PgColumn },
  prefix: string,
): SQL | undefined {
  if (prefix === '') return undefined;
  if (prefix.length === 12) return eq(columns.communityCode, prefix);
  if (prefix.length === 9) return eq(columns.streetCode, prefix);
  return like(columns.communityCode, `${prefix}%`);
}

/** How many rows a workbench list shows at most; the full list is one click away on its own page. */
export const WORKBENCH_LIMIT = 50;

/** A seal request as the workbench lists it. */
export interface WorkbenchSealRequest {
  id: string;
  kind: 'use' | 'takeOut';
  state: string;
  communityCode: string;
  communityName: string | null;
  sealId: string;
  sealName: string;
  purpose: string;
  copies: number | null;
  requestedAt: Date;
  requesterName: string | null;
  returnBy: Date | null;
}

function sealRequestRows(db: Database) {
  const requester = alias(users, 'requester');
  return db
    .select({
      id: sealRequests.id,
      kind: sealRequests.kind,
      state: sealRequests.state,
      communityCode: sealRequests.communityCode,
      communityName: communities.name,
      sealId: sealRequests.sealId,
      sealName: seals.name,
      purpose: sealRequests.purpose,
      copies: sealRequests.copies,
      requestedAt: sealRequests.requestedAt,
      requesterName: requester.displayName,
      returnBy: sealRequests.returnBy,
    })
    .from(sealRequests)
    .innerJoin(seals, eq(seals.id, sealRequests.sealId))
    .leftJoin(requester, eq(requester.id, sealRequests.requestedBy))
    .leftJoin(communities, eq(communities.code, sealRequests.communityCode))
    .$dynamic();
}

/**
 * 用印 and 外带 requests waiting for this person's decision: seals that name them as approver,
 * requested by someone else (nobody approves their own request), oldest first.
 */
export function sealRequestsAwaitingDecision(
  db: Database,
  userId: string,
  prefix: string,
): Promise<WorkbenchSealRequest[]> {
  return sealRequestRows(db)
    .innerJoin(
      sealApprovers,
      and(eq(sealApprovers.sealId, sealRequests.sealId), eq(sealApprovers.userId, userId)),
    )
    .where(
      and(
        eq(sealRequests.state, 'requested'),
        ne(sealRequests.requestedBy, userId),
        underScopePrefix(sealRequests, prefix),
      ),
    )
    .orderBy(asc(sealRequests.requestedAt), asc(sealRequests.id))
    .limit(WORKBENCH_LIMIT);
}

/** Proposals to retire or destroy a seal that name this person as the approver who confirms them. */
export function sealEndsAwaitingConfirmation(db: Database, userId: string, prefix: string) {
  const proposer = alias(users, 'proposer');
  return db
    .select({
      id: sealEndProposals.id,
      type: sealEndProposals.type,
      communityCode: sealEndProposals.communityCode,
      sealName: seals.name,
      reason: sealEndProposals.reason,
      proposedAt: sealEndProposals.proposedAt,
      proposerName: proposer.displayName,
    })
    .from(sealEndProposals)
    .innerJoin(seals, eq(seals.id, sealEndProposals.sealId))
    .leftJoin(proposer, eq(proposer.id, sealEndProposals.proposedBy))
    .where(
      and(
        eq(sealEndProposals.state, 'pending'),
        eq(sealEndProposals.approvedBy, userId),
        underScopePrefix(sealEndProposals, prefix),
      ),
    )
    .orderBy(asc(sealEndProposals.proposedAt))
    .limit(WORKBENCH_LIMIT);
}

/**
 * Approved requests the seal's custodian still has to act on: stamp (用印) or hand the seal out (外带).
 * `custodianId` narrows them to that custodian's seals; without it, every one under the prefix.
 */
export function approvedSealRequestsAwaitingCustodian(
  db: Database,
  filter: { prefix: string; custodianId?: string | undefined },
): Promise<WorkbenchSealRequest[]> {
  return sealRequestRows(db)
    .where(
      and(
        eq(sealRequests.state, 'approved'),
        underScopePrefix(sealRequests, filter.prefix),
        filter.custodianId === undefined ? undefined : eq(seals.custodianId, filter.custodianId),
      ),
    )
    .orderBy(asc(sealRequests.decidedAt), asc(sealRequests.id))
    .limit(WORKBENCH_LIMIT);
}

/** Which overdue loans and seals a list covers: a whole scope, and/or the person's own. */
export interface OverdueFilter {
  /** Every overdue row under this prefix; absent: none but the person's own. */
  prefix?: string | undefined;
  /** Also the loans this person borrowed and the seals out under their own requests. */
  userId: string;
  now: Date;
}

/** The rows a filter covers: the person's own, or those and the whole scope (undefined: everything). */
function scopeOrOwn(filter: OverdueFilter, scope: SQL | undefined, own: SQL): SQL | undefined {
  if (filter.prefix === undefined) return own;
  return scope === undefined ? undefined : or(scope, own);
}

/** A loan past its due date, not returned. `lastRemindedAt`: the latest 催还 recorded. */
export interface OverdueLoan {
  id: string;
  itemId: string;
  communityCode: string;
  communityName: string | null;
  title: string;
  referenceCode: string;
  borrower: string;
  borrowerId: string | null;
  lentOn: string;
  dueOn: string;
  lastRemindedAt: Date | null;
}

export async function overdueLoans(db: Database, filter: OverdueFilter): Promise<OverdueLoan[]> {
  const today = chinaDate(filter.now);
  const whose = scopeOrOwn(
    filter,
    underScopePrefix(archiveLoans, filter.prefix ?? ''),
    eq(archiveLoans.borrowerId, filter.userId),
  );
  const rows = await db
    .select({
      id: archiveLoans.id,
      itemId: archiveLoans.itemId,
      communityCode: archiveLoans.communityCode,
      communityName: communities.name,
      title: archiveItems.title,
      referenceCode: archiveItems.referenceCode,
      borrower: archiveLoans.borrower,
      borrowerId: archiveLoans.borrowerId,
      lentOn: archiveLoans.lentOn,
      dueOn: archiveLoans.dueOn,
    })
    .from(archiveLoans)
    .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
    .leftJoin(communities, eq(communities.code, archiveLoans.communityCode))
    .where(and(isNull(archiveLoans.returnedOn), lt(archiveLoans.dueOn, today), whose))
    .orderBy(asc(archiveLoans.dueOn), asc(archiveLoans.id))
    .limit(WORKBENCH_LIMIT);
  return withLastReminders(db, 'archive.remind', rows);
}

/** A seal out of the office past its return deadline. `lastRemindedAt`: the latest 催还 recorded. */
export interface OverdueSeal extends WorkbenchSealRequest {
  lastRemindedAt: Date | null;
}

export async function overdueSeals(db: Database, filter: OverdueFilter): Promise<OverdueSeal[]> {
  const whose = scopeOrOwn(
    filter,
    underScopePrefix(sealRequests, filter.prefix ?? ''),
    eq(sealRequests.requestedBy, filter.userId),
  );
  const rows = await sealRequestRows(db)
    .where(and(eq(sealRequests.state, 'out'), lt(sealRequests.returnBy, filter.now), whose))
    .orderBy(asc(sealRequests.returnBy), asc(sealRequests.id))
    .limit(WORKBENCH_LIMIT);
  return withLastReminders(db, 'seal.remind', rows);
}

/** Each row with the latest reminder (`action`) recorded about it in the audit log, null for none. */
async function withLastReminders<Row extends { id: string }>(
  db: Database,
  action: 'archive.remind' | 'seal.remind',
  rows: readonly Row[],
): Promise<(Row & { lastRemindedAt: Date | null })[]> {
  if (rows.length === 0) return [];
  const reminders = await db
    .select({ entityId: auditLog.entityId, at: max(auditLog.at) })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        inArray(
          auditLog.entityId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .groupBy(auditLog.entityId);
  const latest = new Map(reminders.flatMap((row) => (row.at ? [[row.entityId, row.at] as const] : [])));
  return rows.map((row) => ({ ...row, lastRemindedAt: latest.get(row.id) ?? null }));
}

/** Open handovers in which this person is a party whose own confirmation is still missing. */
export function handoversAwaitingConfirmation(db: Database, userId: string, prefix: string) {
  const leaver = alias(users, 'leaver');
  const successor = alias(users, 'successor');
  return db
    .select({
      id: handovers.id,
      communityCode: handovers.communityCode,
      communityName: communities.name,
      leaverName: leaver.displayName,
      successorName: successor.displayName,
      createdAt: handovers.createdAt,
      leaverId: handovers.leaverId,
      successorId: handovers.successorId,
      supervisorId: handovers.supervisorId,
    })
    .from(handovers)
    .leftJoin(leaver, eq(leaver.id, handovers.leaverId))
    .leftJoin(successor, eq(successor.id, handovers.successorId))
    .leftJoin(communities, eq(communities.code, handovers.communityCode))
    .where(
      and(
        eq(handovers.state, 'open'),
        underScopePrefix(handovers, prefix),
        or(
          and(eq(handovers.leaverId, userId), isNull(handovers.leaverConfirmedOn)),
          and(eq(handovers.successorId, userId), isNull(handovers.successorConfirmedOn)),
          and(eq(handovers.supervisorId, userId), isNull(handovers.supervisorConfirmedOn)),
        ),
      ),
    )
    .orderBy(desc(handovers.createdAt))
    .limit(WORKBENCH_LIMIT)
    .then((rows) =>
      rows.map(({ leaverId, successorId, supervisorId, ...row }) => ({
        ...row,
        /** The part this person confirms as. */
        role: (leaverId === userId ? 'leaver' : successorId === userId ? 'successor' : 'supervisor') as
          | 'leaver'
          | 'successor'
          | 'supervisor',
      })),
    );
}

/** What a 催还 is about: an open loan, or a seal out under a removal. */
export type ReminderSubject = { kind: 'loan'; loanId: string } | { kind: 'seal'; requestId: string };

/** The community of a reminder's subject, for the caller's access check; undefined when there is none. */
export async function reminderSubjectCommunity(
  db: Database,
  subject: ReminderSubject,
): Promise<string | undefined> {
  const [row] =
    subject.kind === 'loan'
      ? await db
          .select({ communityCode: archiveLoans.communityCode })
          .from(archiveLoans)
          .where(eq(archiveLoans.id, subject.loanId))
      : await db
          .select({ communityCode: sealRequests.communityCode })
          .from(sealRequests)
          .where(eq(sealRequests.id, subject.requestId));
  return row?.communityCode;
}

export type ReminderOutcome =
  | { recorded: true; at: Date }
  | { recorded: false; reason: 'notFound' | 'notOverdue' };

/**
 * Records a 催还 (a reminder to bring back an overdue loan or seal) as an audit record. The custody
 * log has no action for reminders (a reminder changes no custody), so the audit log alone keeps it.
 * Only a loan still open past its due date, or a seal still out past its deadline, can be reminded.
 */
export async function recordReminder(
  db: Database,
  acting: SignedInActor,
  subject: ReminderSubject,
): Promise<ReminderOutcome> {
  if (subject.kind === 'loan') {
    const [loan] = await db
      .select({
        id: archiveLoans.id,
        itemId: archiveLoans.itemId,
        communityCode: archiveLoans.communityCode,
        borrower: archiveLoans.borrower,
        dueOn: archiveLoans.dueOn,
        returnedOn: archiveLoans.returnedOn,
        title: archiveItems.title,
      })
      .from(archiveLoans)
      .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
      .where(eq(archiveLoans.id, subject.loanId));
    if (!loan) return { recorded: false, reason: 'notFound' };
    if (loan.returnedOn !== null || loan.dueOn >= chinaDate(acting.at)) {
      return { recorded: false, reason: 'notOverdue' };
    }
    return auditReminder(db, acting, {
      action: 'archive.remind',
      entityType: 'archiveLoan',
      entityId: loan.id,
      jurisdictionCode: loan.communityCode,
      after: { item: loan.itemId, title: loan.title, borrower: loan.borrower, dueOn: loan.dueOn },
    });
  }
  const [request] = await sealRequestRows(db).where(eq(sealRequests.id, subject.requestId));
  if (!request) return { recorded: false, reason: 'notFound' };
  if (request.state !== 'out' || request.returnBy === null || request.returnBy >= acting.at) {
    return { recorded: false, reason: 'notOverdue' };
  }
  return auditReminder(db, acting, {
    action: 'seal.remind',
    entityType: 'sealRequest',
    entityId: request.id,
    jurisdictionCode: request.communityCode,
    after: {
      seal: request.sealName,
      borrower: request.requesterName,
      returnBy: request.returnBy.toISOString(),
    },
  });
}

/** A reminder's audit record: it changes nothing, so it has no `before`. */
async function auditReminder(
  db: Database,
  acting: SignedInActor,
  record: {
    action: 'archive.remind' | 'seal.remind';
    entityType: 'archiveLoan' | 'sealRequest';
    entityId: string;
    jurisdictionCode: string;
    after: Record<string, unknown>;
  },
): Promise<ReminderOutcome> {
  await writeAudit(db, { ...record, ...acting, before: null });
  return { recorded: true, at: acting.at };
}
