/**
 * In-app notices: one row per person and thing that started waiting for them (a seal request to
 * approve, an approved request to stamp, a handover to confirm, a lent item overdue). Written by the
 * store functions that change those states (or the overdue-loan sweep), in the same transaction; read
 * and marked read by the recipient only.
 */
import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

export const noticeKinds = ['seal.approve', 'seal.stamp', 'handover.confirm', 'loan.overdue'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const notices = pgTable(
  'notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recipientId: uuid('recipient_id').notNull(),
    kind: text('kind', { enum: noticeKinds }).notNull(),
    /** zh-CN, one line: what waits and where. */
    title: text('title').notNull(),
    /** The console path that shows it (`/archives/requests`). */
    link: text('link').notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('notices_kind_check', t.kind, noticeKinds),
    index('notices_recipient_idx').on(t.recipientId, t.id),
    index('notices_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
    // A loan becomes overdue once: one notice of it, whichever sweep runs.
    uniqueIndex('notices_loan_overdue_once_idx').on(t.entityId).where(sql`${t.kind} = 'loan.overdue'`),
  ],
);
