/**
 * Every change to archives, seals and handovers, as the API and the demo seed make them. One place,
 * so the demo's history is written exactly as a user's would be.
 *
 * Each function runs one transaction holding the row change, its audit record and its custody-log
 * entry: all three are committed or none. `@shequ/archives` decides whether a change is legal (its
 * refusals are thrown as `TransitionRefused`); the UPDATEs here repeat the state they read in their
 * WHERE clause, so of two people acting on one row at once exactly one changes it and the other gets
 * `ArchiveError('conflict')` instead of silently overwriting.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type ArchiveEvent,
  type ArchiveItem,
  type ArchiveStatus,
  applyArchiveEvent,
  applySealEndEvent,
  applySealEvent,
  applySealRemovalEvent,
  applySealUseEvent,
  archiveItem,
  bringSealBack,
  confirmHandover as confirmHandoverList,
  type DepartureHandover,
  departureHandover,
  documentDateProblem,
  type HandoverRole,
  handoverConsequences,
  handoverOpeningProblems,
  nextReferenceCode,
  orThrow,
  parseReferenceCode,
  proposeSealEnd as proposeSealEndRecord,
  type RetentionPeriod,
  registerSeal as registerSealRecord,
  retentionExpiry,
  retentionExtensionProblem,
  type Seal,
  type SealEndEvent,
  type SealEndProposal,
  type SealEndType,
  type SealRemoval,
  type SealUseRequest,
  sealEndTypeLabels,
  sealRemoval,
  takeSealOut,
} from '@shequ/archives';
import { fieldErrorRecord, fieldErrors } from '@shequ/domain';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type AuditEntry, writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { appendCustodyEntry } from './custody.js';
import { users } from './schema.js';
import {
  archiveDestructions,
  archiveItems,
  archiveLoans,
  attachments,
  fixityChecks,
  handoverItems,
  handovers,
  sealApprovers,
  sealEndProposals,
  sealRequests,
  seals,
} from './schema-archives.js';

// ── Who acts, when, and where the audit record goes ─────────────────────────

export interface ArchiveActor {
  id: string;
  username: string;
}

/** Kept as the archives' own names for the shared audit entry. */
export type AuditRecord = AuditEntry;

export interface ActingAs {
  actor: ArchiveActor;
  now: Date;
  ip?: string | null;
}

export type ArchiveErrorKind = 'notFound' | 'conflict' | 'invalid';

/** A problem that is not a refused transition: a missing row, a lost race, bad input. */
export class ArchiveError extends Error {
  constructor(
    readonly kind: ArchiveErrorKind,
    message: string,
    /** Per-field zh-CN messages, keyed by dotted path, for `invalid`. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

function invalid(field: string, message: string): ArchiveError {
  return new ArchiveError('invalid', message, { [field]: [message] });
}

function lostRace(what: string): ArchiveError {
  return new ArchiveError('conflict', `${what}已被他人同时处理，请刷新后查看`);
}

/**
 * The first problem a package schema found, on the field the caller's input names it by (`fieldOf`),
 * or on `fallback` when the problem is the input as a whole.
 */
function firstProblem(
  error: Parameters<typeof fieldErrors>[0],
  fallback: { field: string; message: string },
  fieldOf: (path: string) => string = (path) => path,
): ArchiveError {
  const [issue] = fieldErrors(error);
  if (!issue) return invalid(fallback.field, fallback.message);
  return invalid(fieldOf(issue.path) || fallback.field, issue.message);
}

/** The row an INSERT … RETURNING wrote; none is a driver fault, not something a user did. */
function inserted<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('insert failed');
  return row;
}

/**
 * The row a conditional UPDATE changed. Its WHERE repeats what was read, so no row means someone
 * else changed it first: this caller is told so instead of overwriting their change.
 */
function won<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw lostRace(what);
  return row;
}

/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What a change is about: where its audit record is filed and whose custody log it joins. */
interface Subject {
  communityCode: string;
  entityType: string;
  entityId: string;
  /** What every log payload about this item, seal or handover starts with, so a reader finds it first. */
  names?: Record<string, unknown>;
}

function about(
  entityType: string,
  row: { id: string; communityCode: string },
  names: Record<string, unknown>,
): Subject {
  return { communityCode: row.communityCode, entityType, entityId: row.id, names };
}

interface Recorded {
  before: unknown;
  after: unknown;
  payload: Record<string, unknown>;
}

/** The audit record and the custody-log entry of one change, in its transaction. */
async function record(tx: Transaction, acting: ActingAs, subject: Subject, action: string, change: Recorded) {
  await writeAudit(tx, {
    actor: acting.actor,
    action,
    entityType: subject.entityType,
    entityId: subject.entityId,
    jurisdictionCode: subject.communityCode,
    before: change.before,
    after: change.after,
    ip: acting.ip ?? null,
    at: acting.now,
  });
  await appendCustodyEntry(tx, subject.communityCode, {
    at: acting.now.toISOString(),
    actor: acting.actor.username,
    action,
    payload: { ...subject.names, ...change.payload },
  });
}

/** Unique violations, whichever driver raised them (drizzle may wrap the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * The people a change names must work in the community (a supervisor: in its town). Checked in the
 * database so a console cannot name an account from elsewhere.
 */
async function requirePeople(
  tx: Transaction,
  people: Record<string, string | undefined>,
  boundTo: (code: string) => boolean,
  where: string,
): Promise<Map<string, { username: string; displayName: string }>> {
  const ids = [...new Set(Object.values(people).filter((id): id is string => Boolean(id)))];
  const found = new Map<string, { username: string; displayName: string; jurisdictionCode: string }>();
  const validIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (validIds.length > 0) {
    const rows = await tx
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        jurisdictionCode: users.jurisdictionCode,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(inArray(users.id, validIds));
    for (const row of rows) if (!row.disabledAt) found.set(row.id, row);
  }
  for (const [field, id] of Object.entries(people)) {
    if (!id) continue;
    const person = found.get(id);
    if (!person || !boundTo(person.jurisdictionCode))
      throw invalid(field, `${field}: 不是${where}的在职账号`);
  }
  return found;
}

function inCommunity(communityCode: string) {
  return (code: string) => code === communityCode;
}

/** The people a list field names (`approvedBy.0`, `approvedBy.1`, …), each of the community. */
function requireListedPeople(tx: Transaction, communityCode: string, field: string, ids: readonly string[]) {
  return requirePeople(
    tx,
    Object.fromEntries(ids.map((id, i) => [`${field}.${i}`, id])),
    inCommunity(communityCode),
    '本社区',
  );
}

function streetOf(communityCode: string): string {
  return communityCode.slice(0, 9);
}

// ── Archives ────────────────────────────────────────────────────────────────

type ArchiveRow = typeof archiveItems.$inferSelect;

const aboutItem = (row: ArchiveRow) =>
  about('archiveItem', row, { item: row.id, referenceCode: row.referenceCode });

async function loadItem(tx: Transaction, id: string): Promise<{ row: ArchiveRow; item: ArchiveItem }> {
  const [row] = await tx.select().from(archiveItems).where(eq(archiveItems.id, id)).limit(1);
  if (!row) throw new ArchiveError('notFound', '没有这份档案');
  let loan: ArchiveItem['loan'];
  if (row.status === 'onLoan') {
    const [open] = await tx
      .select()
      .from(archiveLoans)
      .where(and(eq(archiveLoans.itemId, id), isNull(archiveLoans.returnedOn)))
      .limit(1);
    if (open) loan = { borrower: open.borrower, lentOn: open.lentOn, dueOn: open.dueOn };
  }
  return { row, item: archiveItemOf(row, loan) };
}

export function archiveItemOf(row: ArchiveRow, loan?: ArchiveItem['loan']): ArchiveItem {
  return {
    id: row.id,
    community: row.communityCode,
    referenceCode: row.referenceCode,
    ...(row.documentNumber ? { documentNumber: row.documentNumber } : {}),
    issuer: row.issuer,
    title: row.title,
    date: row.date,
    classification: row.classification as ArchiveItem['classification'],
    ...(row.pages ? { pages: row.pages } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
    medium: row.medium as ArchiveItem['medium'],
    contentGroup: row.contentGroup,
    retention: row.retention as ArchiveItem['retention'],
    custodian: row.custodianId,
    ...(row.locationRoom
      ? {
          location: {
            room: row.locationRoom,
            ...(row.locationCabinet ? { cabinet: row.locationCabinet } : {}),
            ...(row.locationShelf ? { shelf: row.locationShelf } : {}),
          },
        }
      : {}),
    status: row.status as ArchiveStatus,
    ...(loan ? { loan } : {}),
  };
}

export interface NewArchiveItem {
  communityCode: string;
  /** 全宗号 */
  fonds: string;
  /** 门类代码, e.g. WS 文书 */
  category: string;
  /** 机构（问题）代码, optional */
  organisation?: string | undefined;
  documentNumber?: string | undefined;
  issuer: string;
  title: string;
  date: string;
  classification?: ArchiveItem['classification'] | undefined;
  pages?: number | undefined;
  notes?: string | undefined;
  medium: ArchiveItem['medium'];
  contentGroup: string;
  retention: ArchiveItem['retention'];
  custodianId: string;
  location?: { room: string; cabinet?: string | undefined; shelf?: string | undefined } | undefined;
}

/** 归档: files a new item under the next reference code of its series. */
export async function createArchiveItem(
  db: Database,
  acting: ActingAs,
  input: NewArchiveItem,
): Promise<ArchiveRow> {
  // Filings into one series queue on the series lock in `insertArchiveItem`; the retry is a last guard
  // should a number still be taken meanwhile (an item written outside this function).
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction((tx) => insertArchiveItem(tx, acting, input));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

async function insertArchiveItem(tx: Transaction, acting: ActingAs, input: NewArchiveItem) {
  const future = documentDateProblem(input.date, chinaDate(acting.now));
  if (future) throw invalid('date', future);
  await requirePeople(tx, { custodianId: input.custodianId }, inCommunity(input.communityCode), '本社区');
  const year = Number(input.date.slice(0, 4));
  // One filing per series at a time: the next number is read and taken under a transaction-scoped lock
  // on the series, so concurrent filings queue instead of colliding on the unique index (50 at once
  // used to exhaust the retries). No table is needed; the lock ends with the transaction.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`archive-series ${input.communityCode} ${input.fonds} ${input.category} ${year}`}, 0))`,
  );
  const series = await tx
    .select({ code: archiveItems.referenceCode })
    .from(archiveItems)
    .where(
      and(
        eq(archiveItems.communityCode, input.communityCode),
        eq(archiveItems.fonds, input.fonds),
        eq(archiveItems.category, input.category),
        eq(archiveItems.year, year),
      ),
    );
  let referenceCode: string;
  try {
    referenceCode = nextReferenceCode(
      series.map((s) => s.code),
      {
        fonds: input.fonds,
        category: input.category,
        year,
        retention: input.retention,
        ...(input.organisation ? { organisation: input.organisation } : {}),
      },
    );
  } catch (error) {
    throw invalid('fonds', error instanceof Error ? error.message : String(error));
  }
  const parsed = archiveItem.safeParse({
    id: randomUUID(),
    community: input.communityCode,
    referenceCode,
    ...(input.documentNumber ? { documentNumber: input.documentNumber } : {}),
    issuer: input.issuer,
    title: input.title,
    date: input.date,
    classification: input.classification ?? 'none',
    ...(input.pages ? { pages: input.pages } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    medium: input.medium,
    contentGroup: input.contentGroup,
    retention: input.retention,
    custodian: input.custodianId,
    ...(input.location ? { location: stripUndefined(input.location) } : {}),
    status: 'shelved',
  });
  if (!parsed.success) {
    const problems = fieldErrorRecord(parsed.error);
    throw new ArchiveError('invalid', `档案信息有误：${Object.keys(problems).join('、')}`, problems);
  }
  const item = parsed.data;
  const parts = parseReferenceCode(referenceCode);
  if (!parts.ok) throw invalid('referenceCode', parts.problems.join('；'));
  const row = inserted(
    await tx
      .insert(archiveItems)
      .values({
        id: item.id,
        communityCode: input.communityCode,
        streetCode: streetOf(input.communityCode),
        referenceCode,
        fonds: parts.parts.fonds,
        category: parts.parts.category,
        year: parts.parts.year,
        organisation: parts.parts.organisation ?? null,
        itemNumber: parts.parts.item,
        documentNumber: item.documentNumber ?? null,
        issuer: item.issuer,
        title: item.title,
        date: item.date,
        classification: item.classification,
        pages: item.pages ?? null,
        notes: item.notes ?? null,
        medium: item.medium,
        contentGroup: item.contentGroup,
        retention: item.retention,
        expiresOn: retentionExpiry(year, item.retention),
        custodianId: item.custodian,
        locationRoom: item.location?.room ?? null,
        locationCabinet: item.location?.cabinet ?? null,
        locationShelf: item.location?.shelf ?? null,
        status: 'shelved',
        createdAt: acting.now,
        createdBy: acting.actor.id,
        updatedAt: acting.now,
      })
      .returning(),
  );
  await record(tx, acting, aboutItem(row), 'archive.file', {
    before: null,
    after: row,
    payload: {
      title: row.title,
      medium: row.medium,
      contentGroup: row.contentGroup,
      retention: row.retention,
      custodian: row.custodianId,
    },
  });
  return row;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface ArchiveItemEdit {
  id: string;
  expectedVersion: number;
  documentNumber?: string | null | undefined;
  issuer?: string | undefined;
  title?: string | undefined;
  classification?: ArchiveItem['classification'] | undefined;
  pages?: number | null | undefined;
  notes?: string | null | undefined;
  contentGroup?: string | undefined;
  location?: { room: string; cabinet?: string | undefined; shelf?: string | undefined } | undefined;
}

/**
 * Corrects catalogue fields. The reference code, date, retention and medium define the item's place
 * in the fonds and are not edited; custody changes go through a handover.
 */
export async function updateArchiveItem(
  db: Database,
  acting: ActingAs,
  edit: ArchiveItemEdit,
): Promise<ArchiveRow> {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, edit.id);
    if (row.status === 'destroyed' || row.status === 'transferred') {
      throw new ArchiveError(
        'conflict',
        `档案 ${row.referenceCode} 已${row.status === 'destroyed' ? '销毁' : '移交'}，不能再修改`,
      );
    }
    const changes = stripUndefined({
      documentNumber: edit.documentNumber,
      issuer: edit.issuer,
      title: edit.title,
      classification: edit.classification,
      pages: edit.pages,
      notes: edit.notes,
      contentGroup: edit.contentGroup,
      locationRoom: edit.location?.room,
      locationCabinet: edit.location ? (edit.location.cabinet ?? null) : undefined,
      locationShelf: edit.location ? (edit.location.shelf ?? null) : undefined,
    });
    const next = archiveItem.safeParse({
      ...item,
      ...stripUndefined({
        documentNumber: edit.documentNumber ?? undefined,
        issuer: edit.issuer,
        title: edit.title,
        classification: edit.classification,
        pages: edit.pages ?? undefined,
        notes: edit.notes ?? undefined,
        contentGroup: edit.contentGroup,
        location: edit.location ? stripUndefined(edit.location) : undefined,
      }),
    });
    if (!next.success) throw firstProblem(next.error, { field: '(root)', message: '档案信息有误' });
    const [updated] = await tx
      .update(archiveItems)
      .set({ ...changes, version: row.version + 1, updatedAt: acting.now })
      .where(and(eq(archiveItems.id, row.id), eq(archiveItems.version, edit.expectedVersion)))
      .returning();
    if (!updated) throw new ArchiveError('conflict', '该档案已被他人修改，请刷新后重新编辑');
    await record(tx, acting, aboutItem(row), 'archive.update', {
      before: row,
      after: updated,
      payload: { changed: Object.keys(changes).sort() },
    });
    return updated;
  });
}

/**
 * One step of an item's life (借出, 归还, 销毁, 保管人变更) as the package allows it for the item as
 * read, written only if the item is still at the version it was read at, so the check and the write
 * are one step.
 */
async function stepItem(
  tx: Transaction,
  acting: ActingAs,
  { row, item }: { row: ArchiveRow; item: ArchiveItem },
  event: ArchiveEvent,
  set: (next: ArchiveItem) => Partial<typeof archiveItems.$inferInsert>,
): Promise<{ next: ArchiveItem; updated: ArchiveRow }> {
  const next = orThrow(applyArchiveEvent(item, event));
  const updated = won(
    await tx
      .update(archiveItems)
      .set({ ...set(next), version: row.version + 1, updatedAt: acting.now })
      .where(and(eq(archiveItems.id, row.id), eq(archiveItems.version, row.version)))
      .returning(),
    `档案 ${row.referenceCode} `,
  );
  return { next, updated };
}

const statusOf = (next: ArchiveItem) => ({ status: next.status });

export interface LendInput {
  itemId: string;
  borrower: string;
  borrowerId?: string | undefined;
  purpose?: string | undefined;
  dueOn: string;
  /** Defaults to today in China. */
  lentOn?: string | undefined;
}

/** 借出, by the custodian. */
export async function lendArchiveItem(db: Database, acting: ActingAs, input: LendInput) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    if (input.borrowerId) {
      await requirePeople(tx, { borrowerId: input.borrowerId }, inCommunity(row.communityCode), '本社区');
    }
    const lentOn = input.lentOn ?? chinaDate(acting.now);
    const { updated } = await stepItem(
      tx,
      acting,
      { row, item },
      { type: 'lend', by: acting.actor.id, borrower: input.borrower, on: lentOn, dueOn: input.dueOn },
      statusOf,
    );
    const loan = inserted(
      await tx
        .insert(archiveLoans)
        .values({
          communityCode: row.communityCode,
          streetCode: row.streetCode,
          itemId: row.id,
          borrower: input.borrower,
          borrowerId: input.borrowerId ?? null,
          purpose: input.purpose ?? null,
          lentOn,
          dueOn: input.dueOn,
          lentBy: acting.actor.id,
        })
        .returning(),
    );
    await record(tx, acting, aboutItem(row), 'archive.lend', {
      before: { status: row.status },
      after: { status: updated.status, loan },
      payload: {
        loan: loan.id,
        borrower: input.borrower,
        lentOn,
        dueOn: input.dueOn,
      },
    });
    return { item: updated, loan };
  });
}

/** 归还, received by the custodian. */
export async function returnArchiveItem(
  db: Database,
  acting: ActingAs,
  input: { itemId: string; returnedOn?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    const returnedOn = input.returnedOn ?? chinaDate(acting.now);
    const event = { type: 'return', by: acting.actor.id, on: returnedOn } as const;
    const { updated } = await stepItem(tx, acting, { row, item }, event, statusOf);
    const loan = won(
      await tx
        .update(archiveLoans)
        .set({ returnedOn, receivedBy: acting.actor.id })
        .where(and(eq(archiveLoans.itemId, row.id), isNull(archiveLoans.returnedOn)))
        .returning(),
      `档案 ${row.referenceCode} 的借阅`,
    );
    await record(tx, acting, aboutItem(row), 'archive.return', {
      before: { status: row.status },
      after: { status: updated.status, loan },
      payload: { loan: loan.id, returnedOn },
    });
    return { item: updated, loan };
  });
}

export interface AppraisalInput {
  itemId: string;
  decisionNumber: string;
  decidedOn: string;
  opinion: string;
  /** The people besides the custodian who approved the appraisal (user ids of the community). */
  approvedBy: string[];
}

/**
 * 鉴定 decides an expired item's fate: `destroy` (the decision the custodian later carries out, kept
 * for good in the destruction list) or `retain` (延长保管期限: the item is kept for a longer period and
 * its expiry recomputed, so it leaves the list of items due for appraisal until the new period runs out).
 */
export type AppraisalDecision =
  | ({ decision: 'destroy' } & AppraisalInput)
  | ({ decision: 'retain'; retention: RetentionPeriod } & AppraisalInput);

export async function appraiseArchiveItem(db: Database, acting: ActingAs, input: AppraisalDecision) {
  if (input.decision === 'destroy') {
    const { decision: _destroy, ...rest } = input;
    return { decision: 'destroy' as const, appraisal: await appraiseForDestruction(db, acting, rest) };
  }
  return { decision: 'retain' as const, ...(await appraiseForRetention(db, acting, input)) };
}

/**
 * The decision claims the item: its version moves on, so of two people deciding about one item at
 * once (destroy and keep, or keep twice) exactly one is recorded and the other is told of the race.
 */
async function claimForAppraisal(tx: Transaction, acting: ActingAs, row: ArchiveRow) {
  won(
    await tx
      .update(archiveItems)
      .set({ version: row.version + 1, updatedAt: acting.now })
      .where(and(eq(archiveItems.id, row.id), eq(archiveItems.version, row.version)))
      .returning({ id: archiveItems.id }),
    `档案 ${row.referenceCode} 的鉴定`,
  );
}

/**
 * 鉴定 (destroy): records the appraisal decision that allows destruction. Refused now, with the
 * package's reason, if the destruction it prepares would be refused (permanent, not yet expired, no
 * approver besides the custodian).
 */
export async function appraiseForDestruction(db: Database, acting: ActingAs, input: AppraisalInput) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    await requireListedPeople(tx, row.communityCode, 'approvedBy', input.approvedBy);
    // The destruction this decision allows, tried now on the custodian's behalf.
    orThrow(
      applyArchiveEvent(item, {
        type: 'destroy',
        by: item.custodian,
        on: input.decidedOn,
        appraisal: {
          decisionId: input.decisionNumber,
          decidedOn: input.decidedOn,
          approvedBy: input.approvedBy,
        },
      }),
    );
    await claimForAppraisal(tx, acting, row);
    const [appraisal] = await tx
      .insert(archiveDestructions)
      .values({
        communityCode: row.communityCode,
        itemId: row.id,
        referenceCode: row.referenceCode,
        title: row.title,
        retention: row.retention,
        expiresOn: row.expiresOn as string,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        opinion: input.opinion,
        approvedBy: input.approvedBy,
        state: 'appraised',
        appraisedBy: acting.actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!appraisal) throw new ArchiveError('conflict', `档案 ${row.referenceCode} 已有鉴定结论`);
    await record(tx, acting, aboutItem(row), 'archive.appraise', {
      before: null,
      after: appraisal,
      payload: {
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        approvedBy: input.approvedBy,
      },
    });
    return appraisal;
  });
}

/**
 * 鉴定 (retain): the item is kept for `retention` from now on. The decision lives in the audit record
 * and the custody log (decision number, date, opinion, approvers, old and new period) and in the
 * item's retention and expiry; `archive_destructions` stays the list of destruction decisions, one per
 * item, since a retained item is appraised again when its new period runs out.
 */
async function appraiseForRetention(
  db: Database,
  acting: ActingAs,
  input: AppraisalInput & { retention: RetentionPeriod },
) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    await requireListedPeople(tx, row.communityCode, 'approvedBy', input.approvedBy);
    // Said on the field the console shows it on, before the package gives the same reason as a refusal.
    const tooShort = retentionExtensionProblem(item.retention, input.retention);
    if (tooShort) throw invalid('retention', tooShort);
    const [pending] = await tx
      .select({ id: archiveDestructions.id })
      .from(archiveDestructions)
      .where(eq(archiveDestructions.itemId, row.id))
      .limit(1);
    if (pending) throw new ArchiveError('conflict', `档案 ${row.referenceCode} 已有鉴定销毁结论`);
    const event = {
      type: 'retain',
      by: acting.actor.id,
      on: input.decidedOn,
      retention: input.retention,
      appraisal: {
        decisionId: input.decisionNumber,
        decidedOn: input.decidedOn,
        approvedBy: input.approvedBy,
      },
    } as const;
    const year = Number(item.date.slice(0, 4));
    const { updated } = await stepItem(tx, acting, { row, item }, event, (next) => ({
      retention: next.retention,
      expiresOn: retentionExpiry(year, next.retention),
    }));
    const decision = {
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
      opinion: input.opinion,
      approvedBy: input.approvedBy,
    };
    await record(tx, acting, aboutItem(row), 'archive.retain', {
      before: { retention: row.retention, expiresOn: row.expiresOn },
      after: { retention: updated.retention, expiresOn: updated.expiresOn, ...decision },
      payload: {
        ...decision,
        previousRetention: row.retention,
        retention: updated.retention,
        expiresOn: updated.expiresOn,
      },
    });
    return { item: updated, ...decision };
  });
}

/** 销毁, by the custodian, under the recorded appraisal; the destruction list keeps the row for good. */
export async function destroyArchiveItem(
  db: Database,
  acting: ActingAs,
  input: { itemId: string; destroyedOn?: string | undefined; method: string },
) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    const [appraisal] = await tx
      .select()
      .from(archiveDestructions)
      .where(eq(archiveDestructions.itemId, row.id))
      .limit(1);
    if (appraisal?.state !== 'appraised') {
      throw new ArchiveError('conflict', `档案 ${row.referenceCode} 没有待执行的鉴定销毁结论`);
    }
    // An item being handed over is checked against the list by three people: it is destroyed after.
    const [onOpenList] = await tx
      .select({ id: handovers.id })
      .from(handovers)
      .innerJoin(handoverItems, eq(handoverItems.handoverId, handovers.id))
      .where(
        and(
          eq(handovers.communityCode, row.communityCode),
          eq(handovers.state, 'open'),
          eq(handoverItems.refId, row.id),
        ),
      )
      .limit(1);
    if (onOpenList) {
      throw new ArchiveError(
        'conflict',
        `档案 ${row.referenceCode} 在未完成的离任移交清单上：移交完成后再由接任的保管人销毁（金山镇 第十八条）`,
      );
    }
    const destroyedOn = input.destroyedOn ?? chinaDate(acting.now);
    const decision = {
      decisionId: appraisal.decisionNumber,
      decidedOn: appraisal.decidedOn,
      approvedBy: appraisal.approvedBy,
    };
    const event = { type: 'destroy', by: acting.actor.id, on: destroyedOn, appraisal: decision } as const;
    const { updated } = await stepItem(tx, acting, { row, item }, event, statusOf);
    const destroyed = won(
      await tx
        .update(archiveDestructions)
        .set({ state: 'destroyed', destroyedOn, destroyedBy: acting.actor.id, method: input.method })
        .where(and(eq(archiveDestructions.id, appraisal.id), eq(archiveDestructions.state, 'appraised')))
        .returning(),
      `档案 ${row.referenceCode} 的销毁`,
    );
    await record(tx, acting, aboutItem(row), 'archive.destroy', {
      before: { status: row.status },
      after: { status: updated.status, destruction: destroyed },
      payload: {
        decisionNumber: appraisal.decisionNumber,
        destroyedOn,
        method: input.method,
      },
    });
    return { item: updated, destruction: destroyed };
  });
}

// ── Attachments ─────────────────────────────────────────────────────────────

/** Bytes arriving in pieces: a request body, a file on disk, an object in S3. */
export type ByteSource = AsyncIterable<Uint8Array>;

/**
 * Where attachment bytes live: local disk by default; an S3-compatible store implements the same two
 * methods (stage to a temporary object, then copy or rename it under its key).
 */
export interface BlobStore {
  /**
   * Streams `source` somewhere no key points at yet. If `source` throws, nothing is left behind and
   * the error is rethrown; otherwise `keep` moves the bytes under their key and `discard` drops them.
   */
  stage(source: ByteSource): Promise<StagedBlob>;
  /** The bytes as a stream, or null when the blob is gone. */
  open(key: string): Promise<ByteSource | null>;
}

export interface StagedBlob {
  keep(key: string): Promise<void>;
  discard(): Promise<void>;
}

/** A file streamed into a store, hashed and counted on the way, not yet under a key. */
export interface HashedBlob {
  sha256: string;
  size: number;
  staged: StagedBlob;
}

/** Thrown by `stageBlob` when the bytes pass `maxBytes`; nothing has been kept. */
export class BlobTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLarge';
  }
}

/**
 * Streams `source` into `store`, hashing and counting as the bytes pass, so a file of any size is
 * never held in memory. Past `maxBytes` the upload stops (`BlobTooLarge`) and the store drops what it
 * had written.
 */
export async function stageBlob(
  store: BlobStore,
  source: ByteSource | Iterable<Uint8Array>,
  options: { maxBytes?: number } = {},
): Promise<HashedBlob> {
  const hash = createHash('sha256');
  let size = 0;
  async function* measured(): ByteSource {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw new BlobTooLarge(options.maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  const staged = await store.stage(measured());
  return { sha256: hash.digest('hex'), size, staged };
}

/** The SHA-256 of a stream, read piece by piece. */
async function sha256Of(source: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk);
  return hash.digest('hex');
}

export interface AttachInput {
  itemId: string;
  fileName: string;
  mediaType: string;
  /** From `stageBlob`: attachFile keeps it under its content key or discards it. */
  blob: HashedBlob;
}

/**
 * Keeps the staged file under a key derived from its SHA-256, then records it. A failure between the
 * two leaves an unreferenced blob, never a record without its file; a refusal before it (no such item,
 * an empty file) discards the staged bytes.
 */
export async function attachFile(db: Database, acting: ActingAs, input: AttachInput) {
  const { sha256, size, staged } = input.blob;
  const [item] = await db
    .select({ communityCode: archiveItems.communityCode })
    .from(archiveItems)
    .where(eq(archiveItems.id, input.itemId));
  if (!item || size === 0) {
    await staged.discard();
    if (!item) throw new ArchiveError('notFound', '没有这份档案');
    throw invalid('file', '文件是空的，请选择有内容的文件');
  }
  const storageKey = `${item.communityCode}/${sha256.slice(0, 2)}/${sha256}`;
  await staged.keep(storageKey);
  return db.transaction(async (tx) => {
    const { row } = await loadItem(tx, input.itemId);
    if (row.status === 'destroyed') throw new ArchiveError('conflict', `档案 ${row.referenceCode} 已销毁`);
    const attachment = inserted(
      await tx
        .insert(attachments)
        .values({
          communityCode: row.communityCode,
          itemId: row.id,
          fileName: input.fileName,
          mediaType: input.mediaType,
          size,
          sha256,
          storageKey,
          uploadedAt: acting.now,
          uploadedBy: acting.actor.id,
        })
        .returning(),
    );
    const subject = { ...aboutItem(row), entityType: 'attachment', entityId: attachment.id };
    await record(tx, acting, subject, 'archive.attach', {
      before: null,
      after: attachment,
      payload: {
        attachment: attachment.id,
        fileName: input.fileName,
        size,
        sha256,
      },
    });
    return attachment;
  });
}

/** 完整性核验: re-hashes the stored bytes and records what it found. */
export async function checkFixity(
  db: Database,
  acting: ActingAs,
  store: BlobStore,
  input: { attachmentId: string },
) {
  const [attachment] = await db.select().from(attachments).where(eq(attachments.id, input.attachmentId));
  if (!attachment) throw new ArchiveError('notFound', '没有这个附件');
  const bytes = await store.open(attachment.storageKey);
  const actual = bytes ? await sha256Of(bytes) : null;
  const ok = actual === attachment.sha256;
  return db.transaction(async (tx) => {
    const check = inserted(
      await tx
        .insert(fixityChecks)
        .values({
          communityCode: attachment.communityCode,
          attachmentId: attachment.id,
          checkedAt: acting.now,
          checkedBy: acting.actor.id,
          expectedSha256: attachment.sha256,
          actualSha256: actual,
          ok,
        })
        .returning(),
    );
    await tx
      .update(attachments)
      .set({ lastCheckedAt: acting.now, lastCheckOk: ok })
      .where(eq(attachments.id, attachment.id));
    const subject = {
      communityCode: attachment.communityCode,
      entityType: 'attachment',
      entityId: attachment.id,
    };
    await record(tx, acting, subject, 'archive.fixityCheck', {
      before: null,
      after: check,
      payload: {
        attachment: attachment.id,
        expected: attachment.sha256,
        actual,
        ok,
      },
    });
    return { ok, expected: attachment.sha256, actual, missing: bytes === null, checkedAt: acting.now };
  });
}

// ── Seals ───────────────────────────────────────────────────────────────────

type SealRow = typeof seals.$inferSelect;
type SealRequestRow = typeof sealRequests.$inferSelect;

async function loadSeal(tx: Transaction, id: string): Promise<{ row: SealRow; seal: Seal }> {
  const [row] = await tx.select().from(seals).where(eq(seals.id, id)).limit(1);
  if (!row) throw new ArchiveError('notFound', '没有这枚印章');
  const approvers = await tx
    .select({ userId: sealApprovers.userId })
    .from(sealApprovers)
    .where(eq(sealApprovers.sealId, id));
  return { row, seal: sealOf(row, approvers.map((a) => a.userId).sort()) };
}

function sealOf(row: SealRow, approvers: string[]): Seal {
  return {
    id: row.id,
    community: row.communityCode,
    name: row.name,
    owner: { kind: row.ownerKind as Seal['owner']['kind'], name: row.ownerName },
    ...(row.impressionSha256 ? { impressionSha256: row.impressionSha256 } : {}),
    custodian: row.custodianId,
    storagePlace: row.storagePlace,
    approvers,
    state: row.state as Seal['state'],
  };
}

type RequestKind = 'use' | 'takeOut';

const requestLabels: Record<RequestKind, string> = { use: '用印', takeOut: '外带' };

/** A request of the kind the caller acts on, and its seal as it is now. */
async function loadRequest(
  tx: Transaction,
  id: string,
  kind: RequestKind,
): Promise<{ row: SealRequestRow; sealRow: SealRow; seal: Seal }> {
  const [row] = await tx.select().from(sealRequests).where(eq(sealRequests.id, id)).limit(1);
  if (!row || row.kind !== kind) throw new ArchiveError('notFound', `没有这份${requestLabels[kind]}申请`);
  const { row: sealRow, seal } = await loadSeal(tx, row.sealId);
  return { row, sealRow, seal };
}

const iso = (at: Date | null) => (at ? at.toISOString() : undefined);

function useRequestOf(row: SealRequestRow): SealUseRequest {
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

function removalOf(row: SealRequestRow): SealRemoval {
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
async function moveRequest(
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

/**
 * Moves a seal from the state and version it was read at. Every write to a seal raises its version,
 * so a custody change in between (same state) also makes this write lose.
 */
async function moveSeal(tx: Transaction, row: SealRow, set: Partial<typeof seals.$inferInsert>) {
  return won(
    await tx
      .update(seals)
      .set({ ...set, version: row.version + 1 })
      .where(and(eq(seals.id, row.id), eq(seals.state, row.state), eq(seals.version, row.version)))
      .returning(),
    `印章「${row.name}」`,
  );
}

const aboutSeal = (row: SealRow) => about('seal', row, { seal: row.id, sealName: row.name });

/** 用印 / 外带申请: filed only against a seal still in service. */
async function openRequest(
  tx: Transaction,
  acting: ActingAs,
  sealRow: SealRow,
  request: Pick<
    typeof sealRequests.$inferInsert,
    'kind' | 'purpose' | 'document' | 'copies' | 'destination' | 'returnBy'
  >,
  audit: { action: string; payload: Record<string, unknown> },
): Promise<SealRequestRow> {
  if (sealRow.state === 'retired' || sealRow.state === 'destroyed') {
    throw new ArchiveError(
      'conflict',
      `印章「${sealRow.name}」已停用，不能申请${requestLabels[request.kind]}`,
    );
  }
  const row = inserted(
    await tx
      .insert(sealRequests)
      .values({
        communityCode: sealRow.communityCode,
        streetCode: sealRow.streetCode,
        sealId: sealRow.id,
        state: 'requested',
        requestedBy: acting.actor.id,
        requestedAt: acting.now,
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
  return row;
}

/** 审批 or 用印登记, as the package decided it: the request moves and is recorded; its seal stays put. */
async function settleRequest(
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
  return updated;
}

/**
 * 带离 / 归还 under a removal request: the seal and the request move together, each from the state
 * it was read in, and the change is recorded against the seal.
 */
async function moveSealOnRemoval(
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
      step.move(seal, removalOf(row), { by: acting.actor.id, at: acting.now.toISOString() }),
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

export interface NewSeal {
  communityCode: string;
  name: string;
  owner: Seal['owner'];
  custodianId: string;
  storagePlace: string;
  approverIds: string[];
  impressionSha256?: string | undefined;
}

/** 印章登记 */
export async function registerSeal(db: Database, acting: ActingAs, input: NewSeal): Promise<SealRow> {
  return db.transaction(async (tx) => {
    await requirePeople(
      tx,
      {
        custodianId: input.custodianId,
        ...Object.fromEntries(input.approverIds.map((id, i) => [`approverIds.${i}`, id])),
      },
      inCommunity(input.communityCode),
      '本社区',
    );
    const id = randomUUID();
    let seal: Seal;
    try {
      seal = registerSealRecord({
        id,
        community: input.communityCode,
        name: input.name,
        owner: input.owner,
        ...(input.impressionSha256 ? { impressionSha256: input.impressionSha256 } : {}),
        custodian: input.custodianId,
        storagePlace: input.storagePlace,
        approvers: [...new Set(input.approverIds)],
      });
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
      const issue = issues[0];
      const field = issue
        ? issue.path
            .map(String)
            .join('.')
            .replace(/^approvers/, 'approverIds')
        : 'name';
      throw invalid(field || 'name', issue?.message ?? String(error));
    }
    const [row] = await tx
      .insert(seals)
      .values({
        id,
        communityCode: input.communityCode,
        streetCode: streetOf(input.communityCode),
        name: seal.name,
        ownerKind: seal.owner.kind,
        ownerName: seal.owner.name,
        impressionSha256: seal.impressionSha256 ?? null,
        custodianId: seal.custodian,
        storagePlace: seal.storagePlace,
        state: seal.state,
        createdAt: acting.now,
        createdBy: acting.actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw invalid('name', `本社区已登记名为「${input.name}」的印章`);
    await tx
      .insert(sealApprovers)
      .values(seal.approvers.map((userId) => ({ sealId: id, userId, communityCode: input.communityCode })));
    // This payload calls the seal's name `name`, not `sealName` as the others do; logs already
    // written say so, and one action keeps one payload shape.
    const subject = { communityCode: input.communityCode, entityType: 'seal', entityId: id };
    await record(tx, acting, subject, 'seal.register', {
      before: null,
      after: { ...row, approvers: seal.approvers },
      payload: {
        seal: id,
        name: seal.name,
        owner: seal.owner,
        custodian: seal.custodian,
        storagePlace: seal.storagePlace,
        approvers: seal.approvers,
      },
    });
    return row;
  });
}

/**
 * 变更印章审批人 (鄂州 第四十条 「应建立印章使用制度」): who approves the seal's use from now on, as the
 * community now names them — people of the community, never the custodian alone. Requests already
 * decided keep their decider; pending ones wait for the new approvers. The seal's version is raised
 * first, so of two administrators changing the approvers at once one wins and the other is told.
 */
export async function setSealApprovers(
  db: Database,
  acting: ActingAs,
  input: { sealId: string; approverIds: readonly string[]; reason: string },
): Promise<SealRow> {
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', '须写明变更理由');
  return db.transaction(async (tx) => {
    const { row, seal } = await loadSeal(tx, input.sealId);
    await requireListedPeople(tx, row.communityCode, 'approverIds', input.approverIds);
    const outcome = applySealEvent(seal, {
      type: 'setApprovers',
      by: acting.actor.id,
      at: acting.now.toISOString(),
      approvers: input.approverIds,
    });
    // Whom the form names is its field's problem; a seal no longer in use refuses the whole change.
    if (!outcome.ok && (seal.state === 'inUse' || seal.state === 'takenOut')) {
      throw invalid('approverIds', outcome.reason);
    }
    const next = orThrow(outcome);
    const moved = await moveSeal(tx, row, {});
    await tx.delete(sealApprovers).where(eq(sealApprovers.sealId, row.id));
    await tx
      .insert(sealApprovers)
      .values(next.approvers.map((userId) => ({ sealId: row.id, userId, communityCode: row.communityCode })));
    await record(tx, acting, aboutSeal(row), 'seal.setApprovers', {
      before: { approvers: seal.approvers },
      after: { approvers: next.approvers, reason },
      payload: { approvers: next.approvers, reason },
    });
    return moved;
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
    const { row: sealRow } = await loadSeal(tx, input.sealId);
    const { purpose, document, copies } = input;
    return openRequest(
      tx,
      acting,
      sealRow,
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
    const event = { type: 'withdraw', by: acting.actor.id, at: acting.now.toISOString() } as const;
    const status =
      input.kind === 'use'
        ? orThrow(applySealUseEvent(useRequestOf(loaded.row), loaded.seal, event)).status
        : orThrow(applySealRemovalEvent(removalOf(loaded.row), loaded.seal, event)).status;
    return settleRequest(
      tx,
      acting,
      loaded,
      { state: status, decidedAt: acting.now },
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
    const at = acting.now.toISOString();
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
      { state: next.status, decidedBy: acting.actor.id, decidedAt: acting.now, refusalReason },
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
        at: acting.now.toISOString(),
        copies,
      }),
    );
    return settleRequest(
      tx,
      acting,
      { row, seal },
      { state: next.status, stampedBy: acting.actor.id, stampedAt: acting.now, copiesStamped: copies },
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
    const { row: sealRow } = await loadSeal(tx, input.sealId);
    const check = sealRemoval.safeParse({
      id: 'new',
      sealId: sealRow.id,
      requestedBy: acting.actor.id,
      requestedAt: acting.now.toISOString(),
      reason: input.reason,
      ...(input.destination ? { destination: input.destination } : {}),
      returnBy: input.returnBy.toISOString(),
    });
    if (!check.success) throw firstProblem(check.error, { field: 'reason', message: '外带申请有误' });
    return openRequest(
      tx,
      acting,
      sealRow,
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
    const at = acting.now.toISOString();
    const event = { type: input.decision, by: acting.actor.id, at };
    const next = orThrow(applySealRemovalEvent(removalOf(row), seal, event));
    return settleRequest(
      tx,
      acting,
      { row, seal },
      {
        state: next.status,
        decidedBy: acting.actor.id,
        decidedAt: acting.now,
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
      stamp: { takenOutAt: acting.now },
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
    stamp: { returnedAt: acting.now },
    action: 'seal.bringBack',
    payload: (row) => ({ late: row.returnBy !== null && row.returnBy.getTime() < acting.now.getTime() }),
  });
}

type SealEndRow = typeof sealEndProposals.$inferSelect;

export interface SealEndProposalInput {
  sealId: string;
  type: SealEndType;
  /** The approver of the seal (other than the proposer) who must confirm. */
  approvedBy: string;
  /** Why: recorded in the audit record and the custody log. */
  reason: string;
}

async function loadEndProposal(tx: Transaction, id: string): Promise<SealEndRow> {
  const [row] = await tx.select().from(sealEndProposals).where(eq(sealEndProposals.id, id)).limit(1);
  if (!row) throw new ArchiveError('notFound', '没有这份停用或销毁申请');
  return row;
}

function endProposalOf(row: SealEndRow): SealEndProposal {
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
async function decideEndProposal(tx: Transaction, acting: ActingAs, proposalId: string, event: SealEndEvent) {
  const row = await loadEndProposal(tx, proposalId);
  const { row: sealRow, seal } = await loadSeal(tx, row.sealId);
  const next = orThrow(applySealEndEvent(endProposalOf(row), seal, event));
  const proposal = won(
    await tx
      .update(sealEndProposals)
      .set({
        state: next.proposal.status,
        decidedAt: acting.now,
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
  const label = sealEndTypeLabels[input.type];
  if (!input.reason.trim()) throw invalid('reason', `须写明${label}理由`);
  try {
    return await db.transaction(async (tx) => {
      const { row: sealRow, seal } = await loadSeal(tx, input.sealId);
      const id = randomUUID();
      const proposal = orThrow(
        proposeSealEndRecord(seal, {
          id,
          type: input.type,
          by: acting.actor.id,
          at: acting.now.toISOString(),
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
            proposedAt: acting.now,
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
    const event = { type: 'confirm', by: acting.actor.id, at: acting.now.toISOString() } as const;
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
async function closeSealEnd(
  db: Database,
  acting: ActingAs,
  input: { proposalId: string; event: 'decline' | 'withdraw'; reason?: string | undefined },
): Promise<SealEndRow> {
  return db.transaction(async (tx) => {
    const at = acting.now.toISOString();
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
  if (!input.reason.trim()) throw invalid('reason', '不同意须说明理由');
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

// ── Departure handover ──────────────────────────────────────────────────────

type HandoverRow = typeof handovers.$inferSelect;
type HandoverItemRow = typeof handoverItems.$inferSelect;

export interface NewHandover {
  communityCode: string;
  leaverId: string;
  successorId: string;
  supervisorId: string;
  supervisorBody: DepartureHandover['supervisor']['body'];
  dueOn: string;
  /** Finance records live outside Shequ; the leaver lists them by name. */
  financeRecords: { ref: string; description: string }[];
}

function handoverOf(row: HandoverRow, items: HandoverItemRow[]): DepartureHandover {
  return {
    id: row.id,
    community: row.communityCode,
    leaver: row.leaverId,
    successor: row.successorId,
    supervisor: {
      person: row.supervisorId,
      body: row.supervisorBody as DepartureHandover['supervisor']['body'],
    },
    dueOn: row.dueOn,
    items: items.map((item) => ({
      kind: item.kind,
      ref: item.ref,
      description: item.description,
      condition: item.condition as DepartureHandover['items'][number]['condition'],
      ...(item.note ? { note: item.note } : {}),
    })),
    confirmations: stripUndefined({
      leaver: row.leaverConfirmedOn ?? undefined,
      successor: row.successorConfirmedOn ?? undefined,
      supervisor: row.supervisorConfirmedOn ?? undefined,
    }),
    serious: row.serious,
  };
}

const aboutHandover = (row: HandoverRow) => about('handover', row, { handover: row.id });

/**
 * A handover and its items. `lock`: inside a transaction that will change it — the row is locked as it
 * is read, so a confirmation and a problem recorded at the same moment run one after the other, each
 * deciding on what the other left (a confirmation never completes a list changed since it was read).
 */
export async function loadHandover(db: Database | Transaction, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(handovers).where(eq(handovers.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new ArchiveError('notFound', '没有这份移交清单');
  const items = await db
    .select()
    .from(handoverItems)
    .where(eq(handoverItems.handoverId, id))
    .orderBy(handoverItems.position);
  return { row, items, handover: handoverOf(row, items) };
}

/** 离任移交清单: gathers every archive item and seal in the leaver's custody, plus the finance records named. */
export async function createHandover(db: Database, acting: ActingAs, input: NewHandover) {
  return db.transaction(async (tx) => {
    await requirePeople(
      tx,
      { leaverId: input.leaverId, successorId: input.successorId },
      inCommunity(input.communityCode),
      '本社区',
    );
    const street = streetOf(input.communityCode);
    await requirePeople(tx, { supervisorId: input.supervisorId }, (code) => code === street, '本镇（街道）');
    const items = await tx
      .select()
      .from(archiveItems)
      .where(
        and(
          eq(archiveItems.communityCode, input.communityCode),
          eq(archiveItems.custodianId, input.leaverId),
          inArray(archiveItems.status, ['shelved', 'onLoan']),
        ),
      )
      .orderBy(archiveItems.referenceCode);
    const sealRows = await tx
      .select()
      .from(seals)
      .where(
        and(
          eq(seals.communityCode, input.communityCode),
          eq(seals.custodianId, input.leaverId),
          inArray(seals.state, ['inUse', 'takenOut', 'retired']),
        ),
      )
      .orderBy(seals.name);
    // Checked here, in the transaction that reads the seals: a seal taken out a moment ago still counts.
    const problems = handoverOpeningProblems({
      leaver: input.leaverId,
      openedOn: chinaDate(acting.now),
      dueOn: input.dueOn,
      seals: sealRows.map((s) => ({ name: s.name, state: s.state, custodian: s.custodianId })),
    });
    const [firstOpeningProblem] = problems;
    if (firstOpeningProblem) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) fieldErrors[p.field] = [...(fieldErrors[p.field] ?? []), p.message];
      throw new ArchiveError('invalid', firstOpeningProblem.message, fieldErrors);
    }
    const list = [
      ...input.financeRecords.map((f) => ({ kind: 'finance' as const, refId: null, ...f })),
      ...items.map((item) => ({
        kind: 'archive' as const,
        refId: item.id,
        ref: item.referenceCode,
        description: `${item.title}${item.status === 'onLoan' ? '（借出中）' : ''}`,
      })),
      ...sealRows.map((s) => ({
        kind: 'seal' as const,
        refId: s.id,
        ref: s.name,
        description: `${s.ownerName}，存放于${s.storagePlace}${s.state === 'takenOut' ? '（外带中）' : ''}`,
      })),
    ];
    const id = randomUUID();
    const check = departureHandover.safeParse({
      id,
      community: input.communityCode,
      leaver: input.leaverId,
      successor: input.successorId,
      supervisor: { person: input.supervisorId, body: input.supervisorBody },
      dueOn: input.dueOn,
      items: list.map(({ kind, ref, description }) => ({ kind, ref, description, condition: 'intact' })),
    });
    if (!check.success) {
      throw firstProblem(
        check.error,
        { field: 'leaverId', message: '移交清单有误' },
        (path) => handoverFields.get(path) ?? path,
      );
    }
    let row: HandoverRow | undefined;
    try {
      [row] = await tx
        .insert(handovers)
        .values({
          id,
          communityCode: input.communityCode,
          streetCode: street,
          leaverId: input.leaverId,
          successorId: input.successorId,
          supervisorId: input.supervisorId,
          supervisorBody: input.supervisorBody,
          dueOn: input.dueOn,
          state: 'open',
          createdAt: acting.now,
          createdBy: acting.actor.id,
        })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid('leaverId', '该离任人已有未完成的移交清单');
      throw error;
    }
    if (!row) throw new Error('insert failed');
    await tx.insert(handoverItems).values(
      list.map((item, position) => ({
        handoverId: id,
        communityCode: input.communityCode,
        kind: item.kind,
        refId: item.refId,
        ref: item.ref,
        description: item.description,
        // Nobody has looked yet: each item's condition is recorded by a person before anyone confirms.
        condition: 'unchecked',
        position,
      })),
    );
    await record(tx, acting, aboutHandover(row), 'handover.open', {
      before: null,
      after: { ...row, items: list },
      payload: {
        leaver: input.leaverId,
        successor: input.successorId,
        supervisor: input.supervisorId,
        supervisorBody: input.supervisorBody,
        dueOn: input.dueOn,
        items: list.map((item) => ({ kind: item.kind, ref: item.ref })),
      },
    });
    return loadHandover(tx, id);
  });
}

/** The package's handover fields, by the names `NewHandover` gives them. */
const handoverFields = new Map([
  ['supervisor.person', 'supervisorId'],
  ['successor', 'successorId'],
  ['items', 'financeRecords'],
]);

const confirmationColumn = {
  leaver: 'leaverConfirmedOn',
  successor: 'successorConfirmedOn',
  supervisor: 'supervisorConfirmedOn',
} as const;

/**
 * One of the three confirms the list. When the supervisor confirms (last, by the package's rule),
 * custody of every archive item and seal on the list passes to the successor, in the same transaction.
 */
export async function confirmHandover(
  db: Database,
  acting: ActingAs,
  input: { handoverId: string; role: HandoverRole },
) {
  return db.transaction(async (tx) => {
    const { row, items, handover } = await loadHandover(tx, input.handoverId, { lock: true });
    if (row.state !== 'open') throw new ArchiveError('conflict', '该移交已完成');
    const on = chinaDate(acting.now);
    const next = orThrow(confirmHandoverList(handover, input.role, acting.actor.id, on));
    const column = confirmationColumn[input.role];
    const complete = input.role === 'supervisor';
    const conditions: SQL[] = [eq(handovers.id, row.id), isNull(handovers[column])];
    const updated = won(
      await tx
        .update(handovers)
        .set({
          [column]: on,
          ...(complete
            ? {
                state: 'completed' as const,
                consequences: handoverConsequences(next, on) as unknown as Record<string, unknown>,
              }
            : {}),
        })
        .where(and(...conditions))
        .returning(),
      '该移交确认',
    );
    await record(tx, acting, aboutHandover(row), 'handover.confirm', {
      before: { [column]: null },
      after: { [column]: on, state: updated.state },
      payload: { role: input.role, on },
    });
    if (complete) await passCustody(tx, acting, row, items);
    return loadHandover(tx, row.id);
  });
}

async function passCustody(
  tx: Transaction,
  acting: ActingAs,
  handover: HandoverRow,
  items: HandoverItemRow[],
): Promise<void> {
  const on = chinaDate(acting.now);
  for (const entry of items) {
    if (!entry.refId) continue;
    // Written only when the leaver still holds the item or seal, and both machines give it to `to`,
    // so the handover alone says who held it before and after.
    const passed = {
      before: { custodianId: handover.leaverId },
      after: { custodianId: handover.successorId },
      payload: {
        from: handover.leaverId,
        to: handover.successorId,
        handover: handover.id,
        condition: entry.condition,
      },
    };
    const departure = { by: handover.leaverId, to: handover.successorId, departure: true };
    if (entry.kind === 'archive') {
      const { row, item } = await loadItem(tx, entry.refId);
      // Destroyed meanwhile (a destruction that raced the opening of the list): nothing left to pass on.
      if (item.custodian !== handover.leaverId || item.status === 'destroyed') continue;
      const event = {
        type: 'changeCustodian',
        on,
        supervisedBy: handover.supervisorId,
        ...departure,
      } as const;
      await stepItem(tx, acting, { row, item }, event, (next) => ({ custodianId: next.custodian }));
      await record(tx, acting, aboutItem(row), 'archive.changeCustodian', passed);
    } else if (entry.kind === 'seal') {
      const { row, seal } = await loadSeal(tx, entry.refId);
      if (seal.custodian !== handover.leaverId) continue;
      const next = orThrow(
        applySealEvent(seal, {
          type: 'handOverCustody',
          at: acting.now.toISOString(),
          supervisedBy: handover.supervisorId,
          ...departure,
        }),
      );
      await moveSeal(tx, row, { custodianId: next.custodian });
      await record(tx, acting, aboutSeal(row), 'seal.handOverCustody', passed);
    }
  }
}

export interface HandoverProblem {
  handoverId: string;
  itemId: string;
  condition: 'missing' | 'altered' | 'damaged' | 'intact';
  note?: string | undefined;
  /** 情节严重: only the supervisor records it. */
  serious?: boolean | undefined;
}

/**
 * Records an item found missing, altered or damaged (or back to intact), and the consequences
 * 金山镇 第十八条 attaches. The list the leaver and successor confirmed has changed, so their
 * confirmations are cleared and they confirm the corrected list again.
 */
export async function recordHandoverProblem(db: Database, acting: ActingAs, input: HandoverProblem) {
  return db.transaction(async (tx) => {
    const { row, items } = await loadHandover(tx, input.handoverId, { lock: true });
    if (row.state !== 'open') throw new ArchiveError('conflict', '该移交已完成，不能再修改清单');
    const parties = [row.leaverId, row.successorId, row.supervisorId];
    if (!parties.includes(acting.actor.id)) {
      throw new ArchiveError('invalid', '只有离任人、接任人和监督人可以登记移交问题', {
        handoverId: ['只有离任人、接任人和监督人可以登记移交问题'],
      });
    }
    if (input.serious !== undefined && acting.actor.id !== row.supervisorId) {
      throw invalid('serious', '情节是否严重由监督人认定（金山镇 第十八条）');
    }
    const entry = items.find((item) => item.id === input.itemId);
    if (!entry) throw invalid('itemId', '该项目不在这份移交清单上');
    const refreshedItems = items.map((item) =>
      item.id === entry.id ? { ...item, condition: input.condition, note: input.note ?? null } : item,
    );
    const serious = input.serious ?? row.serious;
    const handover = handoverOf(
      { ...row, serious, leaverConfirmedOn: null, successorConfirmedOn: null },
      refreshedItems,
    );
    const consequences = handoverConsequences(handover, chinaDate(acting.now));
    // Only while still open: the supervisor's final confirmation at the same moment wins or loses whole.
    won(
      await tx
        .update(handovers)
        .set({
          serious,
          leaverConfirmedOn: null,
          successorConfirmedOn: null,
          consequences: consequences as unknown as Record<string, unknown>,
        })
        .where(and(eq(handovers.id, row.id), eq(handovers.state, 'open')))
        .returning({ id: handovers.id }),
      '移交清单',
    );
    await tx
      .update(handoverItems)
      .set({ condition: input.condition, note: input.note ?? null })
      .where(eq(handoverItems.id, entry.id));
    await record(tx, acting, aboutHandover(row), 'handover.recordProblem', {
      before: { item: entry.id, condition: entry.condition, note: entry.note },
      after: { item: entry.id, condition: input.condition, note: input.note ?? null, serious },
      payload: {
        kind: entry.kind,
        ref: entry.ref,
        condition: input.condition,
        note: input.note,
        serious,
        // What the list as a whole now carries, beside the problem that brought it; an item found
        // intact brings none, so its entry does not read as a sanction.
        ...(input.condition === 'intact'
          ? {}
          : { consequences: consequences.consequences.map((c) => c.kind) }),
      },
    });
    return loadHandover(tx, row.id);
  });
}
