/**
 * Keeping unfunded work off communities (`@shequ/services` workload): the versions of the four
 * work-item lists, the admission requests for work outside them, and the burdens imposed without
 * admission. Each row keeps the validated record in `record` (jsonb) and copies out the columns the
 * lists and the checks need; the CHECKs repeat the rules a bad write must never get past.
 */

import { admissionKinds, burdenKinds, workListKinds } from '@shequ/services';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

/** Every version of every list is kept; a list in force is read by date. */
export const workListVersions = pgTable(
  'work_list_versions',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: workListKinds }).notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveUntil: date('effective_until', { mode: 'string' }),
    /** The items of the version. */
    record: jsonb('record').notNull(),
    savedByUserId: text('saved_by_user_id'),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    oneOf('work_list_versions_kind_check', t.kind, workListKinds),
    uniqueIndex('work_list_versions_number_idx').on(t.jurisdictionCode, t.kind, t.version),
    uniqueIndex('work_list_versions_effective_idx').on(t.jurisdictionCode, t.kind, t.effectiveFrom),
    check(
      'work_list_versions_dates_in_order',
      sql`${t.effectiveUntil} is null or ${t.effectiveUntil} >= ${t.effectiveFrom}`,
    ),
  ],
);

/** Admission requests: a street's application and the district's decision, filed with the city. */
/** An admission request's states: waiting for the district, approved with its funding, or refused. */
export const workAdmissionStatuses = ['pending', 'approved', 'rejected'] as const;

export const workAdmissions = pgTable(
  'work_admissions',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    kind: text('kind', { enum: admissionKinds }).notNull(),
    status: text('status', { enum: workAdmissionStatuses }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** The funding approved, in 分 (费随事转). */
    fundingFen: bigint('funding_fen', { mode: 'number' }),
    /** The `@shequ/services` request without `id`. */
    record: jsonb('record').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('work_admissions_kind_check', t.kind, admissionKinds),
    oneOf('work_admissions_status_check', t.status, workAdmissionStatuses),
    index('work_admissions_street_idx').on(t.streetCode, t.appliedOn),
    check(
      'work_admissions_approved_with_funding',
      sql`${t.status} <> 'approved' or (${t.fundingFen} is not null and ${t.fundingFen} > 0)`,
    ),
    check('work_admissions_decided_dated', sql`(${t.status} = 'pending') = (${t.decidedOn} is null)`),
  ],
);

/** Tasks, evaluations and signboards imposed on a community outside the lists without admission. */
export const workBurdens = pgTable(
  'work_burdens',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    kind: text('kind', { enum: burdenKinds }).notNull(),
    imposedOn: date('imposed_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** The `@shequ/services` burden without `id` and `communityCode`. */
    record: jsonb('record').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('work_burdens_kind_check', t.kind, burdenKinds),
    index('work_burdens_community_idx').on(t.communityCode, t.imposedOn),
    index('work_burdens_street_idx').on(t.streetCode, t.imposedOn),
    check('work_burdens_dates_in_order', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.imposedOn}`),
  ],
);
