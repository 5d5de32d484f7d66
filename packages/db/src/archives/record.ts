import { auditRecordDigest, orThrow, type StaffScope, staffOfScope, type Transition } from '@shequ/archives';
import { fieldErrors } from '@shequ/domain';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type AuditEntry, auditRow, type SignedInActor, writeAudit } from '../audit.js';
import type { Database, Transaction } from '../client.js';
import { appendCustodyEntry, type LockedCustodyHead } from '../custody.js';
import { communities, users } from '../schema.js';

export type ArchiveActor = SignedInActor['actor'];

/** Kept as the archives' own names for the shared audit entry. */
export type AuditRecord = AuditEntry;

/** Kept as the archives' own name for who changes them and when. */
export type ActingAs = SignedInActor;

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

export function invalid(field: string, message: string): ArchiveError {
  return new ArchiveError('invalid', message, { [field]: [message] });
}

export function lostRace(what: string): ArchiveError {
  return new ArchiveError('conflict', `${what}已被他人同时处理，请刷新后查看`);
}

/**
 * The first problem a package schema found, on the field the caller's input names it by (`fieldOf`),
 * or on `fallback` when the problem is the input as a whole.
 */
export function firstProblem(
  error: Parameters<typeof fieldErrors>[0],
  fallback: { field: string; message: string },
  fieldOf: (path: string) => string = (path) => path,
): ArchiveError {
  const [issue] = fieldErrors(error);
  if (!issue) return invalid(fallback.field, fallback.message);
  return invalid(fieldOf(issue.path) || fallback.field, issue.message);
}

/** The row an INSERT … RETURNING wrote; none is a driver fault, not something a user did. */
export function inserted<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('insert failed');
  return row;
}

/**
 * The row a conditional UPDATE changed. Its WHERE repeats what was read, so no row means someone
 * else changed it first: this caller is told so instead of overwriting their change.
 */
export function won<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw lostRace(what);
  return row;
}

/** What a change is about: where its audit record is filed and whose custody log it joins. */
export interface Subject {
  communityCode: string;
  entityType: string;
  entityId: string;
  /** What every log payload about this item, seal or handover starts with, so a reader finds it first. */
  names?: Record<string, unknown>;
}

export function about(
  entityType: string,
  row: { id: string; communityCode: string },
  names: Record<string, unknown>,
): Subject {
  return { communityCode: row.communityCode, entityType, entityId: row.id, names };
}

export interface Recorded {
  before: unknown;
  after: unknown;
  payload: Record<string, unknown>;
}

/** The audit record and the custody-log entry of one change, in its transaction. */
export async function record(
  tx: Transaction,
  acting: ActingAs,
  subject: Subject,
  action: string,
  change: Recorded,
  /** The chain head the transaction already locked (`lockCustodyHead`) and has not appended to since. */
  lockedHead?: LockedCustodyHead,
) {
  const audit: AuditEntry = {
    actor: acting.actor,
    action,
    entityType: subject.entityType,
    entityId: subject.entityId,
    jurisdictionCode: subject.communityCode,
    before: change.before,
    after: change.after,
    ip: acting.ip,
    at: acting.at,
  };
  // The audit record is hashed into the chain: changing or deleting it later shows in `log reconcile`.
  const row = auditRow(audit);
  const digest = auditRecordDigest({
    at: acting.at.toISOString(),
    actorId: row.actorId ?? null,
    actorName: row.actorName ?? null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    jurisdictionCode: row.jurisdictionCode ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip ?? null,
  });
  // Both statements are sent together (the pool pipelines a transaction's statements), so the audit record
  // costs no round trip of its own while the community's chain is locked.
  await Promise.all([
    writeAudit(tx, audit),
    appendCustodyEntry(
      tx,
      subject.communityCode,
      {
        at: acting.at.toISOString(),
        actor: acting.actor.username,
        action,
        payload: { ...subject.names, ...change.payload, audit: digest },
      },
      lockedHead,
    ),
  ]);
}

/** Unique violations, whichever driver raised them (drizzle may wrap the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * The people a change names must work in the community (a supervisor: in its town): their accounts are
 * read here, so a console cannot name an account from elsewhere, and `staffOfScope` decides.
 */
export async function requirePeople(
  tx: Transaction,
  people: Record<string, string | undefined>,
  scope: StaffScope,
): Promise<void> {
  const ids = [...new Set(Object.values(people).filter((id): id is string => Boolean(id)))];
  const validIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows =
    validIds.length === 0
      ? []
      : await tx
          .select({ id: users.id, jurisdictionCode: users.jurisdictionCode, disabledAt: users.disabledAt })
          .from(users)
          .where(inArray(users.id, validIds));
  const accounts = new Map(
    rows.map((row) => [row.id, { jurisdictionCode: row.jurisdictionCode, active: !row.disabledAt }]),
  );
  orThrow(staffOfScope(people, accounts, scope));
}

export function inCommunity(communityCode: string): StaffScope {
  return { level: 'community', code: communityCode };
}

/** The people a list field names (`approvedBy.0`, `approvedBy.1`, …), each of the community. */
export function requireListedPeople(
  tx: Transaction,
  communityCode: string,
  field: string,
  ids: readonly string[],
) {
  return requirePeople(
    tx,
    Object.fromEntries(ids.map((id, i) => [`${field}.${i}`, id])),
    inCommunity(communityCode),
  );
}

/** A refusal on the field the caller's input names differently from the package (`approvers` → `approverIds`). */
export function onInputField<T>(outcome: Transition<T>, names: Record<string, string>): Transition<T> {
  if (outcome.ok || !outcome.field) return outcome;
  const [head = '', ...rest] = outcome.field.split('.');
  return { ...outcome, field: [names[head] ?? head, ...rest].join('.') };
}

export function streetOf(communityCode: string): string {
  return communityCode.slice(0, 9);
}

/** The object without its undefined members, as strict schemas and `exactOptionalPropertyTypes` want it. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An instant as the ISO string the package schemas take, or undefined for none. */
export const iso = (at: Date | null) => (at ? at.toISOString() : undefined);

/**
 * The accounts a form may name: the community's active workers and its town's (handover supervisors),
 * by jurisdiction then username. `requirePeople` checks the same bounds when a change is made.
 */
export function peopleToName(db: Database, community: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      jurisdictionCode: users.jurisdictionCode,
    })
    .from(users)
    .where(
      and(
        or(eq(users.jurisdictionCode, community), eq(users.jurisdictionCode, streetOf(community))),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.jurisdictionCode), asc(users.username));
}

/**
 * The display name of the account `id` names, or null: what a list shows beside an id (保管人、借阅人、
 * 审批人…), read in the same query without a join per person.
 */
export function displayNameOf(id: PgColumn): SQL<string | null> {
  return sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${id})`;
}

/** The name of the community `code` names, or null, read in the same query as the row beside it. */
export function communityNameOf(code: PgColumn): SQL<string | null> {
  return sql<
    string | null
  >`(select ${communities.name} from ${communities} where ${communities.code} = ${code})`;
}
