/**
 * One notice per loan that becomes overdue, to the custodian of the item lent (who chases it: 催还 on
 * the workbench). Run by the server's daily sweep; a loan already noticed is skipped, and a unique
 * index on the notices makes a second, concurrent sweep fail rather than notify twice.
 */
import { chinaDate } from '@shequ/domain';
import { and, eq, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { notify } from './notices-store.js';
import { archiveItems, archiveLoans } from './schema-archives.js';
import { notices } from './schema-notices.js';

/** Notifies the custodians of loans overdue at `now` that were not noticed before; returns how many. */
export async function noticeOverdueLoans(db: Database, now: Date): Promise<number> {
  const today = chinaDate(now);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: archiveLoans.id,
        communityCode: archiveLoans.communityCode,
        borrower: archiveLoans.borrower,
        dueOn: archiveLoans.dueOn,
        title: archiveItems.title,
        custodianId: archiveItems.custodianId,
      })
      .from(archiveLoans)
      .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
      .where(
        and(
          isNull(archiveLoans.returnedOn),
          lt(archiveLoans.dueOn, today),
          notExists(
            tx
              .select({ id: notices.id })
              .from(notices)
              .where(
                and(eq(notices.kind, 'loan.overdue'), eq(notices.entityId, sql`${archiveLoans.id}::text`)),
              ),
          ),
        ),
      );
    await notify(
      tx,
      now,
      null,
      rows.map((loan) => ({
        recipientId: loan.custodianId,
        kind: 'loan.overdue' as const,
        title: `借出的档案逾期未还：${loan.title}（借阅人 ${loan.borrower}，应于 ${loan.dueOn} 归还）`,
        link: '/archives/overdue',
        jurisdictionCode: loan.communityCode,
        entityType: 'archiveLoan',
        entityId: loan.id,
      })),
    );
    return rows.length;
  });
}
