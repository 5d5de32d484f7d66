/**
 * Outbound webhooks (`webhooks`, `webhook_outbox`): a jurisdiction's endpoint, the outbox rows `notify`
 * adds in the notice's transaction, and what the delivery loop reads and records. Decides nothing: who
 * may set an endpoint, which URLs are accepted, which endpoint a notice goes to and the retry delays are
 * `@shequ/domain`'s (`webhookConfigRefusal`, `webhookUrlProblem`, `webhookCandidateCodes`,
 * `webhookRetryDelayMs`).
 */
import { randomBytes } from 'node:crypto';
import { COUNTRY_CODE, webhookCandidateCodes } from '@shequ/domain';
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { jurisdictions, users } from './schema.js';
import type { notices } from './schema-notices.js';
import { webhookOutbox, webhooks } from './schema-webhooks.js';

/** The JSON body of one delivery (docs/interfaces.md, "Outbound webhooks"). */
export interface WebhookPayload {
  id: number;
  kind: string;
  title: string;
  link: string;
  recipient: { id: string; displayName: string };
  jurisdictionCode: string;
  createdAt: string;
}

/** A jurisdiction's endpoint without its secret (what any screen may show). */
export async function webhookOf(
  db: Database | Transaction,
  jurisdictionCode: string,
): Promise<{ url: string; updatedAt: Date } | undefined> {
  const [row] = await db
    .select({ url: webhooks.url, updatedAt: webhooks.updatedAt })
    .from(webhooks)
    .where(eq(webhooks.jurisdictionCode, jurisdictionCode));
  return row;
}

/**
 * Sets the jurisdiction's endpoint. A new secret is generated when there was none or `newSecret` is
 * asked, and returned this once; otherwise the old one keeps signing and `secret` is null. Audited
 * (the URL, never the secret). `undefined` when no such jurisdiction is stored (nothing written).
 */
export async function setWebhook(
  db: Database,
  acting: SignedInActor,
  input: { jurisdictionCode: string; url: string; newSecret: boolean },
): Promise<{ url: string; secret: string | null } | undefined> {
  return db.transaction(async (tx) => {
    if (input.jurisdictionCode !== COUNTRY_CODE) {
      const [known] = await tx
        .select({ code: jurisdictions.code })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, input.jurisdictionCode));
      if (!known) return undefined;
    }
    const [before] = await tx
      .select({ url: webhooks.url })
      .from(webhooks)
      .where(eq(webhooks.jurisdictionCode, input.jurisdictionCode))
      .for('update');
    const secret = !before || input.newSecret ? randomBytes(32).toString('hex') : null;
    const changes = {
      url: input.url,
      updatedBy: acting.actor.id,
      updatedAt: acting.at,
      ...(secret ? { secret } : {}),
    };
    await tx
      .insert(webhooks)
      .values({ jurisdictionCode: input.jurisdictionCode, secret: secret ?? '', ...changes })
      .onConflictDoUpdate({ target: webhooks.jurisdictionCode, set: changes });
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'webhook.set',
      entityType: 'webhook',
      entityId: input.jurisdictionCode,
      jurisdictionCode: input.jurisdictionCode,
      before: before ?? null,
      after: { url: input.url, newSecret: secret !== null },
      ip: acting.ip,
      at: acting.at,
    });
    return { url: input.url, secret };
  });
}

/** Removes the endpoint; its pending deliveries are dropped from the queue (marked failed). Audited. */
export async function removeWebhook(
  db: Database,
  acting: SignedInActor,
  jurisdictionCode: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(webhooks)
      .where(eq(webhooks.jurisdictionCode, jurisdictionCode))
      .returning({ url: webhooks.url });
    if (removed.length === 0) return false;
    await tx
      .update(webhookOutbox)
      .set({ status: 'failed', lastError: '推送地址已删除' })
      .where(and(eq(webhookOutbox.webhookCode, jurisdictionCode), eq(webhookOutbox.status, 'pending')));
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'webhook.remove',
      entityType: 'webhook',
      entityId: jurisdictionCode,
      jurisdictionCode,
      before: removed[0],
      after: null,
      ip: acting.ip,
      at: acting.at,
    });
    return true;
  });
}

/**
 * Queues one delivery per notice to the endpoint nearest its jurisdiction, if any (called by `notify`
 * in the notice's transaction, so the delivery exists exactly when the notice does).
 */
export async function enqueueWebhookDeliveries(
  tx: Transaction,
  rows: readonly (typeof notices.$inferSelect)[],
): Promise<void> {
  if (rows.length === 0) return;
  const candidates = new Map(
    rows.map((n) => [n.jurisdictionCode, webhookCandidateCodes(n.jurisdictionCode)]),
  );
  const allCodes = [...new Set([...candidates.values()].flat())];
  const configured = new Set(
    (
      await tx
        .select({ code: webhooks.jurisdictionCode })
        .from(webhooks)
        .where(inArray(webhooks.jurisdictionCode, allCodes))
    ).map((r) => r.code),
  );
  if (configured.size === 0) return;
  const recipientIds = [...new Set(rows.map((n) => n.recipientId))];
  const names = new Map(
    (
      await tx
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, recipientIds))
    ).map((u) => [u.id, u.displayName]),
  );
  const outbox = rows.flatMap((n) => {
    const webhookCode = candidates.get(n.jurisdictionCode)?.find((code) => configured.has(code));
    if (!webhookCode) return [];
    const payload: WebhookPayload = {
      id: n.id,
      kind: n.kind,
      title: n.title,
      link: n.link,
      recipient: { id: n.recipientId, displayName: names.get(n.recipientId) ?? '' },
      jurisdictionCode: n.jurisdictionCode,
      createdAt: n.createdAt.toISOString(),
    };
    return [{ webhookCode, noticeId: n.id, payload, nextAttemptAt: n.createdAt, createdAt: n.createdAt }];
  });
  if (outbox.length > 0) await tx.insert(webhookOutbox).values(outbox);
}

export interface DueDelivery {
  id: number;
  attempts: number;
  payload: WebhookPayload;
  url: string;
  secret: string;
}

/**
 * Claims the pending deliveries whose next attempt is due, oldest first, with their endpoint and its
 * secret: each claimed row's next attempt moves `leaseMs` on, so another server process on the same
 * database (or a run after a crash mid-send) does not send it again meanwhile.
 */
export async function dueWebhookDeliveries(
  db: Database,
  now: Date,
  limit: number,
  leaseMs = 60_000,
): Promise<DueDelivery[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: webhookOutbox.id,
        attempts: webhookOutbox.attempts,
        payload: webhookOutbox.payload,
        url: webhooks.url,
        secret: webhooks.secret,
      })
      .from(webhookOutbox)
      .innerJoin(webhooks, eq(webhooks.jurisdictionCode, webhookOutbox.webhookCode))
      .where(and(eq(webhookOutbox.status, 'pending'), lte(webhookOutbox.nextAttemptAt, now)))
      .orderBy(asc(webhookOutbox.nextAttemptAt), asc(webhookOutbox.id))
      .limit(limit)
      .for('update', { of: webhookOutbox, skipLocked: true });
    if (rows.length > 0) {
      await tx
        .update(webhookOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where(
          inArray(
            webhookOutbox.id,
            rows.map((r) => r.id),
          ),
        );
    }
    return rows.map((r) => ({ ...r, payload: r.payload as WebhookPayload }));
  });
}

/** Records one attempt: delivered, tried again at `retryAt`, or given up (`retryAt` null). */
export async function recordWebhookAttempt(
  db: Database,
  id: number,
  attempt: { at: Date; ok: boolean; statusCode: number | null; error: string | null; retryAt: Date | null },
): Promise<void> {
  const status = attempt.ok ? 'delivered' : attempt.retryAt ? 'pending' : 'failed';
  await db
    .update(webhookOutbox)
    .set({
      status,
      attempts: sql`${webhookOutbox.attempts} + 1`,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.ok ? null : (attempt.error ?? '').slice(0, 500),
      ...(attempt.ok ? { deliveredAt: attempt.at } : {}),
      ...(attempt.retryAt ? { nextAttemptAt: attempt.retryAt } : {}),
    })
    .where(and(eq(webhookOutbox.id, id), eq(webhookOutbox.status, 'pending')));
}

/** The jurisdiction's most recent deliveries (the delivery log), newest first. */
export async function recentWebhookDeliveries(
  db: Database | Transaction,
  jurisdictionCode: string,
  limit: number,
) {
  return db
    .select({
      id: webhookOutbox.id,
      noticeId: webhookOutbox.noticeId,
      payload: webhookOutbox.payload,
      status: webhookOutbox.status,
      attempts: webhookOutbox.attempts,
      lastError: webhookOutbox.lastError,
      lastStatusCode: webhookOutbox.lastStatusCode,
      createdAt: webhookOutbox.createdAt,
      deliveredAt: webhookOutbox.deliveredAt,
      nextAttemptAt: webhookOutbox.nextAttemptAt,
    })
    .from(webhookOutbox)
    .where(eq(webhookOutbox.webhookCode, jurisdictionCode))
    .orderBy(desc(webhookOutbox.id))
    .limit(limit);
}

/**
 * Deletes settled deliveries (delivered or given up) created before `before`; pending ones stay
 * whatever their age. Returns how many went. The retention is `@shequ/domain`'s (R-HOOK-3).
 */
export async function deleteSettledWebhookDeliveries(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(webhookOutbox)
    .where(and(inArray(webhookOutbox.status, ['delivered', 'failed']), lt(webhookOutbox.createdAt, before)))
    .returning({ id: webhookOutbox.id });
  return deleted.length;
}
