/**
 * Audit records: who changed what, when, before and after. Every write path (the API, the importers, the
 * archives store) records through here, inside the transaction of the change, so a change and its record
 * are committed together or not at all.
 */
import type { Database, Transaction } from './client.js';
import { auditLog } from './schema.js';

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
