/**
 * Audit records. `writeAudit` takes the transaction the change runs in, so a change and its record are
 * committed together or not at all.
 */
import { auditLog, type Database } from '@shequ/db';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface AuditEntry {
  actor: { id: string; username: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  jurisdictionCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  at: Date;
}

export async function writeAudit(tx: Transaction | Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
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
  });
}
