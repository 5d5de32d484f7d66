/**
 * Outbound webhooks (本系统规则 R-HOOK-1): one endpoint per jurisdiction, set by its administrators,
 * and the outbox of deliveries to it. A notice created for a person in the jurisdiction (or below it,
 * when nothing nearer is configured) adds one outbox row in the notice's own transaction; the server
 * process drains the outbox and the row doubles as the delivery log (status, attempts, last error).
 *
 * The secret is stored as it is, in its own column: the server must compute HMACs with it, so a hash
 * would be useless, and an encryption key kept beside the database on the same server would protect
 * nothing the database's own access control does not. It is returned once, when generated, and never
 * read back out by any procedure.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

export const webhooks = pgTable('webhooks', {
  jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).primaryKey(),
  url: text('url').notNull(),
  /** 32 random bytes, hex; signs every delivery (never returned after it is generated). */
  secret: text('secret').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const webhookOutbox = pgTable(
  'webhook_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The configured jurisdiction whose endpoint receives it (the nearest one to the notice's). */
    webhookCode: varchar('webhook_code', { length: 12 }).notNull(),
    noticeId: bigint('notice_id', { mode: 'number' }).notNull(),
    /** The JSON body, exactly as sent (see docs/interfaces.md, "Outbound webhooks"). */
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('webhook_outbox_status_check', t.status, webhookDeliveryStatuses),
    index('webhook_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_outbox_code_idx').on(t.webhookCode, t.id),
  ],
);
