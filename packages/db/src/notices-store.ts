/**
 * In-app notices (`notices` table). `notify` is called by the store functions where something starts
 * waiting for a person, inside their transaction, so a notice exists exactly when the change does.
 * Decides nothing about who must act: the callers pass the people their package named.
 */
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { type NoticeKind, notices } from './schema-notices.js';
import { enqueueWebhookDeliveries } from './webhooks-store.js';

export interface NewNotice {
  recipientId: string;
  kind: NoticeKind;
  title: string;
  link: string;
  jurisdictionCode: string;
  entityType: string;
  entityId: string;
}

export type StoredNotice = typeof notices.$inferSelect;

/**
 * Records notices (none for the person who acted: nothing waits for them because of their own act), and queues
 * each for the outbound webhook of its jurisdiction, if one is set, in the same transaction.
 */
export async function notify(
  tx: Transaction,
  at: Date,
  actorId: string | null,
  entries: readonly NewNotice[],
): Promise<void> {
  const seen = new Set<string>();
  const rows = entries.filter((n) => {
    const key = `${n.recipientId}|${n.kind}|${n.entityId}`;
    if (n.recipientId === actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return;
  const inserted = await tx
    .insert(notices)
    .values(rows.map((n) => ({ ...n, createdAt: at })))
    .returning();
  await enqueueWebhookDeliveries(tx, inserted);
}

/** A page of the person's notices, newest first; `before` is the last id of the previous page. */
export async function noticesOf(
  db: Database | Transaction,
  recipientId: string,
  page: { limit: number; before?: number | undefined; unreadOnly?: boolean | undefined },
): Promise<StoredNotice[]> {
  return db
    .select()
    .from(notices)
    .where(
      and(
        eq(notices.recipientId, recipientId),
        page.before === undefined ? undefined : lt(notices.id, page.before),
        page.unreadOnly ? isNull(notices.readAt) : undefined,
      ),
    )
    .orderBy(desc(notices.id))
    .limit(page.limit);
}

export async function unreadNoticeCount(db: Database | Transaction, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notices)
    .where(and(eq(notices.recipientId, recipientId), isNull(notices.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks the person's own notices read (the given ids, or all); returns how many changed. A change is
 * audited (`notice.read`, the ids marked) in its transaction; marking nothing writes nothing.
 */
export async function markNoticesRead(
  db: Database,
  acting: SignedInActor & { actor: { jurisdictionCode: string } },
  ids?: readonly number[],
): Promise<number> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(notices)
      .set({ readAt: acting.at })
      .where(
        and(
          eq(notices.recipientId, acting.actor.id),
          isNull(notices.readAt),
          ids === undefined ? undefined : inArray(notices.id, [...ids]),
        ),
      )
      .returning({ id: notices.id });
    if (changed.length === 0) return 0;
    const marked = changed.map((n) => n.id).sort((a, b) => a - b);
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'notice.read',
      entityType: 'notice',
      entityId: acting.actor.id,
      jurisdictionCode: acting.actor.jurisdictionCode,
      before: null,
      after: { noticeIds: marked, all: ids === undefined },
      ip: acting.ip,
      at: acting.at,
    });
    return marked.length;
  });
}
