/**
 * The registers of community democracy (`@shequ/democracy`): meetings, meetings imposed by higher
 * levels, consultations, charters and covenants, and public disclosure items.
 *
 * Each row keeps the whole validated record in `record` (jsonb) and copies out what the queries need:
 * the community, the kind of record and the date that orders it (the meeting or consultation day, the
 * day of posting, the latest version's drafting day), so a community's year of one kind is one index
 * range, and the public page reads the current disclosures without scanning the rest.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

export const democracyRecordKinds = [
  'meeting',
  'imposed-meeting',
  'consultation',
  'charter',
  'disclosure',
  'election',
  'deliberation-body',
] as const;
export type DemocracyRecordKind = (typeof democracyRecordKinds)[number];

export const democracyRecords = pgTable(
  'democracy_records',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: democracyRecordKinds }).notNull(),
    /** The date that orders the record within its kind. */
    on: date('on', { mode: 'string' }).notNull(),
    /** The `@shequ/democracy` record without `id` and `communityCode`. */
    record: jsonb('record').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('democracy_records_kind_check', t.kind, democracyRecordKinds),
    index('democracy_records_community_idx').on(t.communityCode, t.kind, t.on),
  ],
);

/** What the public page of a community shows to reach it: the office, not a person. */
export const communityContacts = pgTable('community_contacts', {
  communityCode: varchar('community_code', { length: 12 }).primaryKey(),
  /** The `@shequ/democracy` public contact record without `communityCode`. */
  record: jsonb('record').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
