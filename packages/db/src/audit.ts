/**
 * Audit records: who changed what, when, before and after. Every write path (the API, the importers, the
 * archives store) records through here, inside the transaction of the change, so a change and its record
 * are committed together or not at all; the console's log and its export read them back through here too.
 */
import { COUNTRY_CODE, significantPrefix } from '@shequ/domain';
import { and, count, desc, eq, like, notInArray, type SQL } from 'drizzle-orm';
import { auditObjectKey, auditObjectNames } from './audit-names.js';
import type { Database, Transaction } from './client.js';
import { auditLog, jurisdictions, users } from './schema.js';

/**
 * Who makes a change, from where and when: what every store's write takes and every audit record keeps
 * (`actor` is null for the system's own changes, such as the demo seed).
 */
export interface AuditedActor {
  actor: { id: string; username: string } | null;
  ip: string | null;
  at: Date;
}

/** An audited actor who is a signed-in account: the archives' writes, whose custody log names them. */
export type SignedInActor = AuditedActor & { actor: NonNullable<AuditedActor['actor']> };

export interface AuditEntry extends AuditedActor {
  action: string;
  entityType: string;
  entityId: string;
  jurisdictionCode: string | null;
  before: unknown;
  after: unknown;
}

/** The row of an entry, for callers that insert many in one statement. */
export function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    at: entry.at,
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    jurisdictionCode: entry.jurisdictionCode,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip,
  };
}

export async function writeAudit(tx: Transaction | Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(entry));
}

/** Audit records of archives, seals and handovers: their before/after rows are the registers themselves. */
export const archiveAuditEntityTypes = [
  'archiveItem',
  'archiveLoan',
  'attachment',
  'seal',
  'sealRequest',
  'sealEndProposal',
  'handover',
] as const;

/** Which records the log lists; the caller has checked that the reader may see them. */
export interface AuditListFilter {
  /** The node whose records are listed (the node itself included); records without a node are the country's. */
  under: string;
  /** Leaves out the records of `archiveAuditEntityTypes`, for a reader the archive registers are closed to. */
  withoutArchives: boolean;
  entityType?: string | undefined;
  entityId?: string | undefined;
}

/** The list's WHERE: shared by a page of the log and its export, so both list the same records. */
function auditListWhere(filter: AuditListFilter): SQL | undefined {
  const prefix = significantPrefix(filter.under);
  return and(
    prefix ? like(auditLog.jurisdictionCode, `${prefix}%`) : undefined,
    filter.withoutArchives ? notInArray(auditLog.entityType, [...archiveAuditEntityTypes]) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
  );
}

/** A record as the log and its export show it: the object and the node named, the actor as their account gives them. */
export interface AuditListRow {
  id: string;
  /** ISO 8601. */
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** The person's name as their account gives it; null for the system or a removed account. */
  actorDisplayName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The record's object as people know it (auditObjectNames); null when its id names nothing found. */
  entityName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** A window of the records matching `filter`, newest first, as the log and its export show them. */
export async function auditRows(
  db: Database,
  filter: AuditListFilter,
  window: { limit: number; offset: number },
): Promise<AuditListRow[]> {
  const rows = await db
    .select({
      record: auditLog,
      actorDisplayName: users.displayName,
      jurisdictionName: jurisdictions.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, auditLog.jurisdictionCode))
    .where(auditListWhere(filter))
    // By the time of the change, not the order records were written (an import or a late entry writes
    // an earlier change after later ones); the id breaks ties so pages neither repeat nor skip a record.
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset);
  const objectNames = await auditObjectNames(
    db,
    rows.map(({ record }) => record),
  );
  return rows.map(({ record: row, actorDisplayName, jurisdictionName }) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorDisplayName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: objectNames.get(auditObjectKey(row)) ?? null,
    jurisdictionCode: row.jurisdictionCode,
    // The system administrator's 000000 is the country, which has no row among the divisions.
    jurisdictionName: jurisdictionName ?? (row.jurisdictionCode === COUNTRY_CODE ? '全国' : null),
    before: row.before,
    after: row.after,
    ip: row.ip,
  }));
}

/** One page of the log (`page` from 1) and the number of records matching `filter`. */
export async function auditPage(
  db: Database,
  filter: AuditListFilter,
  paging: { page: number; pageSize: number },
): Promise<{ items: AuditListRow[]; total: number }> {
  const [items, [counted]] = await Promise.all([
    auditRows(db, filter, { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize }),
    db.select({ total: count() }).from(auditLog).where(auditListWhere(filter)),
  ]);
  return { items, total: counted?.total ?? 0 };
}
