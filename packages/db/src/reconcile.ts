/**
 * What the registers of one community hold, read for `reconcileRegisters` (`@shequ/archives`),
 * which compares them with the custody log; `shequ log reconcile` prints what it finds.
 */
import {
  type ArchiveStatus,
  type CommunityRegisters,
  custodyActionLabels,
  type RegisterMismatch,
  reconcileRegisters,
} from '@shequ/archives';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from './client.js';
import { readCustodyLog } from './custody.js';
import { auditLog } from './schema.js';
import { archiveItems, archiveLoans, handovers, sealRequests } from './schema-archives.js';

export async function communityRegisters(db: Database, communityCode: string): Promise<CommunityRegisters> {
  const [stamped, loans, items, handoverRows, audits] = await Promise.all([
    db
      .select({ id: sealRequests.id, sealId: sealRequests.sealId, copiesStamped: sealRequests.copiesStamped })
      .from(sealRequests)
      .where(
        and(
          eq(sealRequests.communityCode, communityCode),
          eq(sealRequests.kind, 'use'),
          isNotNull(sealRequests.copiesStamped),
        ),
      ),
    db
      .select({ id: archiveLoans.id })
      .from(archiveLoans)
      .where(and(eq(archiveLoans.communityCode, communityCode), isNull(archiveLoans.returnedOn))),
    db
      .select({ id: archiveItems.id, referenceCode: archiveItems.referenceCode, status: archiveItems.status })
      .from(archiveItems)
      .where(eq(archiveItems.communityCode, communityCode)),
    db
      .select({ id: handovers.id, state: handovers.state })
      .from(handovers)
      .where(eq(handovers.communityCode, communityCode)),
    db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.jurisdictionCode, communityCode),
          inArray(auditLog.action, Object.keys(custodyActionLabels)),
        ),
      )
      .orderBy(asc(auditLog.id)),
  ]);
  return {
    stampedRequests: stamped.map((row) => ({ ...row, copiesStamped: row.copiesStamped ?? 0 })),
    openLoans: loans.map((row) => row.id),
    items: items.map((row) => ({ ...row, status: row.status as ArchiveStatus })),
    handovers: handoverRows,
    auditRecords: audits.map((row) => ({ ...row, at: row.at.toISOString() })),
  };
}

/** The community's registers against its custody log: every mismatch, none when they agree. */
export async function reconcileCommunity(db: Database, communityCode: string): Promise<RegisterMismatch[]> {
  const [entries, registers] = await Promise.all([
    readCustodyLog(db, communityCode),
    communityRegisters(db, communityCode),
  ]);
  return reconcileRegisters(entries, registers);
}
