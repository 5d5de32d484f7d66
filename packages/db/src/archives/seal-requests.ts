/**
 * 用印申请 and 印章外带申请: filed against a seal in service, decided by its approvers, carried out by its
 * custodian (用印登记, 带离 and 归还), and the request lists (inbox, mine, seals out) people read.
 */
import {
  applySealRemovalEvent,
  applySealUseEvent,
  bringSealBack,
  orThrow,
  type Seal,
  type SealRemoval,
  type SealUseRequest,
  sealAcceptsRequests,
  sealRemoval,
  takeSealOut,
} from '@shequ/archives';
import { and, desc, eq, ne, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { notify } from '../notices-store.js';
import { sealApprovers, sealRequests, seals } from '../schema-archives.js';
import { keysetPage, type ListPage } from './paging.js';
import {
  type ActingAs,
  ArchiveError,
  about,
  communityNameOf,
  displayNameOf,
  firstProblem,
  inserted,
  iso,
  isUniqueViolation,
  record,
  stripUndefined,
  won,
} from './record.js';
import { aboutSeal, loadSeal, moveSeal, type SealRow } from './seals.js';

export type SealRequestRow = typeof sealRequests.$inferSelect;

export type RequestKind = 'use' | 'takeOut';

export const requestLabels: Record<RequestKind, string> = { use: '用印', takeOut: '外带' };

/** A request of the kind the caller acts on, and its seal as it is now. */
export async function loadRequest(
  tx: Transaction,
  id: string,
  kind: RequestKind,
): Promise<{ row: SealRequestRow; sealRow: SealRow; seal: Seal }> {
  const [row] = await tx.select().from(sealRequests).where(eq(sealRequests.id, id)).limit(1);
  if (!row || row.kind !== kind) throw new ArchiveError('notFound', `没有这份${requestLabels[kind]}申请`);
  const { row: sealRow, seal } = await loadSeal(tx, row.sealId);
  return { row, sealRow, seal };
}

export function useRequestOf(row: SealRequestRow): SealUseRequest {
  return stripUndefined({
    id: row.id,
    sealId: row.sealId,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    purpose: row.purpose,
    document: row.document ?? '',
    copies: row.copies ?? 1,
    status: row.state as SealUseRequest['status'],
    decidedBy: row.decidedBy ?? undefined,
    decidedAt: iso(row.decidedAt),
    refusalReason: row.refusalReason ?? undefined,
    stampedBy: row.stampedBy ?? undefined,
    stampedAt: iso(row.stampedAt),
    copiesStamped: row.copiesStamped ?? undefined,
  });
}

export function removalOf(row: SealRequestRow): SealRemoval {
  return stripUndefined({
    id: row.id,
    sealId: row.sealId,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    reason: row.purpose,
    destination: row.destination ?? undefined,
    returnBy: (row.returnBy ?? row.requestedAt).toISOString(),
    status: row.state as SealRemoval['status'],
    decidedBy: row.decidedBy ?? undefined,
    decidedAt: iso(row.decidedAt),
    takenOutAt: iso(row.takenOutAt),
    returnedAt: iso(row.returnedAt),
  });
}

/** Moves a request from the state it was read in; exactly one of two simultaneous callers wins. */
export async function moveRequest(
  tx: Transaction,
  row: SealRequestRow,
  set: Partial<typeof sealRequests.$inferInsert>,
): Promise<SealRequestRow> {
  return won(
    await tx
      .update(sealRequests)
      .set(set)
      .where(and(eq(sealRequests.id, row.id), eq(sealRequests.state, row.state)))
      .returning(),
    `该${requestLabels[row.kind]}申请`,
  );
}

/** 用印 / 外带申请: filed only against a seal still in service. */
export async function openRequest(
  tx: Transaction,
  acting: ActingAs,
  { row: sealRow, seal }: { row: SealRow; seal: Seal },
  request: Pick<
    typeof sealRequests.$inferInsert,
    'kind' | 'purpose' | 'document' | 'copies' | 'destination' | 'returnBy'
  >,
  audit: { action: string; payload: Record<string, unknown> },
): Promise<SealRequestRow> {
  orThrow(sealAcceptsRequests(seal, request.kind));
  const row = inserted(
    await tx
      .insert(sealRequests)
      .values({
        communityCode: sealRow.communityCode,
        streetCode: sealRow.streetCode,
        sealId: sealRow.id,
        state: 'requested',
        requestedBy: acting.actor.id,
        requestedAt: acting.at,
        ...request,
      })
      .returning(),
  );
  const subject = { ...aboutSeal(sealRow), entityType: 'sealRequest', entityId: row.id };
  await record(tx, acting, subject, audit.action, {
    before: null,
    after: row,
    payload: { request: row.id, ...audit.payload },
  });
  // Now it waits for the seal's approvers.
  const approvers = await tx
    .select({ userId: sealApprovers.userId })
    .from(sealApprovers)
    .where(eq(sealApprovers.sealId, sealRow.id));
  await notify(
    tx,
    acting.at,
    acting.actor.id,
    approvers.map(({ userId }) => ({
      recipientId: userId,
      kind: 'seal.approve',
      title: `${requestLabels[row.kind as RequestKind]}申请待您审批：${sealRow.name}`,
      link: '/workbench',
      jurisdictionCode: sealRow.communityCode,
      entityType: 'sealRequest',
      entityId: row.id,
    })),
  );
  return row;
}

/** 审批 or 用印登记, as the package decided it: the request moves and is recorded; its seal stays put. */
export async function settleRequest(
  tx: Transaction,
  acting: ActingAs,
  { row, seal }: { row: SealRequestRow; seal: Seal },
  set: Partial<typeof sealRequests.$inferInsert>,
  audit: { action: string; after: Record<string, unknown>; payload: Record<string, unknown> },
): Promise<SealRequestRow> {
  const updated = await moveRequest(tx, row, set);
  const subject = about('sealRequest', row, { seal: seal.id, request: row.id });
  await record(tx, acting, subject, audit.action, {
    before: { state: row.state },
    after: { state: updated.state, ...audit.after },
    payload: audit.payload,
  });
  // An approved request now waits for the custodian to stamp (用印) or hand the seal out (外带).
  if (updated.state === 'approved') {
    await notify(tx, acting.at, acting.actor.id, [
      {
        recipientId: seal.custodian,
        kind: 'seal.stamp',
        title: `${requestLabels[row.kind as RequestKind]}申请已批准，待您${row.kind === 'use' ? '登记用印' : '交付外带'}：${seal.name}`,
        link: '/workbench',
        jurisdictionCode: row.communityCode,
        entityType: 'sealRequest',
        entityId: row.id,
      },
    ]);
  }
  return updated;
}

/**
 * 带离 / 归还 under a removal request: the seal and the request move together, each from the state
 * it was read in, and the change is recorded against the seal.
 */
export async function moveSealOnRemoval(
  db: Database,
  acting: ActingAs,
  step: {
    requestId: string;
    move: typeof takeSealOut | typeof bringSealBack;
    /** When the request records it happened (`takenOutAt` / `returnedAt`). */
    stamp: Pick<typeof sealRequests.$inferInsert, 'takenOutAt' | 'returnedAt'>;
    action: string;
    payload: (request: SealRequestRow) => Record<string, unknown>;
  },
) {
  return db.transaction(async (tx) => {
    const { row, sealRow, seal } = await loadRequest(tx, step.requestId, 'takeOut');
    const next = orThrow(
      step.move(seal, removalOf(row), { by: acting.actor.id, at: acting.at.toISOString() }),
    );
    const movedSeal = await moveSeal(tx, sealRow, { state: next.seal.state });
    const updated = await moveRequest(tx, row, { state: next.removal.status, ...step.stamp });
    await record(tx, acting, aboutSeal(sealRow), step.action, {
      before: { state: sealRow.state },
      after: { state: movedSeal.state, request: updated.id },
      payload: { request: row.id, ...step.payload(row) },
    });
    return { seal: movedSeal, request: updated };
  });
}

export interface SealUseInput {
  sealId: string;
  purpose: string;
  document: string;
  copies: number;
}

/** 用印申请 */
export async function requestSealUse(db: Database, acting: ActingAs, input: SealUseInput) {
  return db.transaction(async (tx) => {
    const loaded = await loadSeal(tx, input.sealId);
    const { purpose, document, copies } = input;
    return openRequest(
      tx,
      acting,
      loaded,
      { kind: 'use', purpose, document, copies },
      { action: 'seal.use.request', payload: { purpose, document, copies } },
    );
  });
}

export interface SealRequestDecision {
  requestId: string;
  decision: 'approve' | 'refuse';
  reason?: string | undefined;
}

/** 用印审批: approve or refuse, by an approver the seal lists, never the applicant. */
/** 撤回: the requester withdraws a use or take-out request still waiting for approval. */
export async function withdrawSealRequest(
  db: Database,
  acting: ActingAs,
  input: { requestId: string; kind: 'use' | 'takeOut' },
) {
  return db.transaction(async (tx) => {
    const loaded = await loadRequest(tx, input.requestId, input.kind);
    const event = { type: 'withdraw', by: acting.actor.id, at: acting.at.toISOString() } as const;
    const status =
      input.kind === 'use'
        ? orThrow(applySealUseEvent(useRequestOf(loaded.row), loaded.seal, event)).status
        : orThrow(applySealRemovalEvent(removalOf(loaded.row), loaded.seal, event)).status;
    return settleRequest(
      tx,
      acting,
      loaded,
      { state: status, decidedAt: acting.at },
      {
        action: input.kind === 'use' ? 'seal.use.withdraw' : 'seal.removal.withdraw',
        after: {},
        payload: {},
      },
    );
  });
}

export async function decideSealUse(db: Database, acting: ActingAs, input: SealRequestDecision) {
  return db.transaction(async (tx) => {
    const { row, seal } = await loadRequest(tx, input.requestId, 'use');
    const at = acting.at.toISOString();
    const next = orThrow(
      applySealUseEvent(
        useRequestOf(row),
        seal,
        input.decision === 'approve'
          ? { type: 'approve', by: acting.actor.id, at }
          : { type: 'refuse', by: acting.actor.id, at, reason: input.reason ?? '' },
      ),
    );
    const refusalReason = next.refusalReason ?? null;
    return settleRequest(
      tx,
      acting,
      { row, seal },
      { state: next.status, decidedBy: acting.actor.id, decidedAt: acting.at, refusalReason },
      {
        action: input.decision === 'approve' ? 'seal.use.approve' : 'seal.use.refuse',
        after: { refusalReason },
        payload: next.refusalReason ? { reason: next.refusalReason } : {},
      },
    );
  });
}

/** 用印登记, by the custodian. */
export async function stampSeal(
  db: Database,
  acting: ActingAs,
  input: { requestId: string; copies?: number | undefined },
) {
  return db.transaction(async (tx) => {
    const { row, seal } = await loadRequest(tx, input.requestId, 'use');
    const copies = input.copies ?? row.copies ?? 1;
    const next = orThrow(
      applySealUseEvent(useRequestOf(row), seal, {
        type: 'stamp',
        by: acting.actor.id,
        at: acting.at.toISOString(),
        copies,
      }),
    );
    return settleRequest(
      tx,
      acting,
      { row, seal },
      { state: next.status, stampedBy: acting.actor.id, stampedAt: acting.at, copiesStamped: copies },
      {
        action: 'seal.use.stamp',
        after: { copiesStamped: copies },
        payload: { document: row.document, copies },
      },
    );
  });
}

export interface TakeOutRequestInput {
  sealId: string;
  reason: string;
  destination?: string | undefined;
  returnBy: Date;
}

/** 印章外带申请 */
export async function requestTakeOut(db: Database, acting: ActingAs, input: TakeOutRequestInput) {
  return db.transaction(async (tx) => {
    const loaded = await loadSeal(tx, input.sealId);
    const sealRow = loaded.row;
    const check = sealRemoval.safeParse({
      id: 'new',
      sealId: sealRow.id,
      requestedBy: acting.actor.id,
      requestedAt: acting.at.toISOString(),
      reason: input.reason,
      ...(input.destination ? { destination: input.destination } : {}),
      returnBy: input.returnBy.toISOString(),
    });
    if (!check.success) throw firstProblem(check.error, { field: 'reason', message: '外带申请有误' });
    return openRequest(
      tx,
      acting,
      loaded,
      {
        kind: 'takeOut',
        purpose: input.reason,
        destination: input.destination ?? null,
        returnBy: input.returnBy,
      },
      {
        action: 'seal.removal.request',
        payload: {
          reason: input.reason,
          destination: input.destination,
          returnBy: input.returnBy.toISOString(),
        },
      },
    );
  });
}

/** 外带审批 */
export async function decideTakeOut(db: Database, acting: ActingAs, input: SealRequestDecision) {
  return db.transaction(async (tx) => {
    const { row, seal } = await loadRequest(tx, input.requestId, 'takeOut');
    const at = acting.at.toISOString();
    const event = { type: input.decision, by: acting.actor.id, at };
    const next = orThrow(applySealRemovalEvent(removalOf(row), seal, event));
    return settleRequest(
      tx,
      acting,
      { row, seal },
      {
        state: next.status,
        decidedBy: acting.actor.id,
        decidedAt: acting.at,
        refusalReason: input.decision === 'refuse' ? (input.reason ?? null) : null,
      },
      {
        action: input.decision === 'approve' ? 'seal.removal.approve' : 'seal.removal.refuse',
        after: {},
        payload: input.reason ? { reason: input.reason } : {},
      },
    );
  });
}

/**
 * 印章外带: the custodian hands the seal out under an approved removal. Two updates guard it: the
 * seal moves from in use only if it still is, and the partial unique index on `state = 'out'`
 * refuses a second removal of the same seal even if both passed the first check.
 */
export async function takeOut(db: Database, acting: ActingAs, input: { requestId: string }) {
  try {
    return await moveSealOnRemoval(db, acting, {
      requestId: input.requestId,
      move: takeSealOut,
      stamp: { takenOutAt: acting.at },
      action: 'seal.takeOut',
      payload: (row) => ({ returnBy: row.returnBy?.toISOString() }),
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ArchiveError('conflict', '该印章已带离办公室，归还前不得再次带离');
    throw error;
  }
}

/** 印章归还 */
export async function returnSeal(db: Database, acting: ActingAs, input: { requestId: string }) {
  return moveSealOnRemoval(db, acting, {
    requestId: input.requestId,
    move: bringSealBack,
    stamp: { returnedAt: acting.at },
    action: 'seal.bringBack',
    payload: (row) => ({ late: row.returnBy !== null && row.returnBy.getTime() < acting.at.getTime() }),
  });
}

// ── What people read ────────────────────────────────────────────────────────

/**
 * Seal requests with their community, seal, custodian, requester and decider named: the start of
 * every request list (`get`, `inbox`, `mine`, `out`, `overdue` and their exports), which add a WHERE,
 * an order and a limit (and, for the inbox, a join).
 */
export function requestsWithNames(db: Database) {
  return db
    .select({
      id: sealRequests.id,
      communityCode: sealRequests.communityCode,
      communityName: communityNameOf(sealRequests.communityCode),
      sealId: sealRequests.sealId,
      sealName: seals.name,
      custodianId: seals.custodianId,
      custodianName: displayNameOf(seals.custodianId),
      kind: sealRequests.kind,
      state: sealRequests.state,
      requestedBy: sealRequests.requestedBy,
      requesterName: displayNameOf(sealRequests.requestedBy),
      requestedAt: sealRequests.requestedAt,
      purpose: sealRequests.purpose,
      document: sealRequests.document,
      copies: sealRequests.copies,
      destination: sealRequests.destination,
      returnBy: sealRequests.returnBy,
      decidedBy: sealRequests.decidedBy,
      deciderName: displayNameOf(sealRequests.decidedBy),
      decidedAt: sealRequests.decidedAt,
      refusalReason: sealRequests.refusalReason,
      stampedBy: sealRequests.stampedBy,
      stamperName: displayNameOf(sealRequests.stampedBy),
      stampedAt: sealRequests.stampedAt,
      copiesStamped: sealRequests.copiesStamped,
      takenOutAt: sealRequests.takenOutAt,
      returnedAt: sealRequests.returnedAt,
    })
    .from(sealRequests)
    .innerJoin(seals, eq(seals.id, sealRequests.sealId))
    .$dynamic();
}

/**
 * Requests waiting for `approverId`'s decision (`seals.inbox`): seals that list them as approver,
 * requested by someone else, oldest first. Shared with the list's Excel export.
 */
export function sealInboxRows(db: Database, approverId: string, page: ListPage) {
  return keysetPage(
    requestsWithNames(db).innerJoin(
      sealApprovers,
      and(eq(sealApprovers.sealId, sealRequests.sealId), eq(sealApprovers.userId, approverId)),
    ),
    and(eq(sealRequests.state, 'requested'), ne(sealRequests.requestedBy, approverId)),
    'asc',
    { at: sealRequests.requestedAt, id: sealRequests.id },
    page,
  );
}

/** `requesterId`'s own requests (`seals.mine`), newest first. Shared with the list's Excel export. */
export function mySealRequestRows(db: Database, requesterId: string, page: ListPage) {
  const columns = { at: sealRequests.requestedAt, id: sealRequests.id };
  return keysetPage(requestsWithNames(db), eq(sealRequests.requestedBy, requesterId), 'desc', columns, page);
}

/**
 * Seals out of the office among the requests matching `where`, due back soonest first, with the
 * custodian named: the rows of `out`, `overdue` and their Excel exports.
 */
export function sealsOutRows(db: Database, where: SQL | undefined, window: ListPage) {
  const columns = { at: sealRequests.returnBy, id: sealRequests.id };
  return keysetPage(requestsWithNames(db), and(where, eq(sealRequests.state, 'out')), 'asc', columns, window);
}

/** One seal's requests, newest first (the last 200), as `seals.get` shows them. */
export function requestsOfSeal(db: Database, sealId: string) {
  return requestsWithNames(db)
    .where(eq(sealRequests.sealId, sealId))
    .orderBy(desc(sealRequests.requestedAt))
    .limit(200);
}

/** Whose request it is and where: what the access checks on a request need, or undefined. */
export async function sealRequestRef(db: Database, requestId: string) {
  const [row] = await db
    .select({
      communityCode: sealRequests.communityCode,
      sealId: sealRequests.sealId,
      kind: sealRequests.kind,
      requestedBy: sealRequests.requestedBy,
    })
    .from(sealRequests)
    .where(eq(sealRequests.id, requestId))
    .limit(1);
  return row;
}
