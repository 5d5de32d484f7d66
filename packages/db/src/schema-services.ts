/**
 * Service cases (`@shequ/services`) and residents' feedback on them.
 *
 * Each case keeps the whole validated record, steps included, in `record` (jsonb) and copies out the
 * columns the lists need. A community's open cases, a street's, and a worker's own (as first responder
 * or current handler) are read through partial indexes on the open cases ordered by promised date, so
 * the lists stay fast however many closed cases pile up (bench: one million cases).
 */

import { type CaseStatus, visitTargetKinds } from '@shequ/services';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

/** `@shequ/services` `CaseStatus`, as a list the CHECK constraint reads. */
export const serviceCaseStatuses = [
  'open',
  'awaiting-agency',
  'closed',
] as const satisfies readonly CaseStatus[];

export const serviceCases = pgTable(
  'service_cases',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    category: text('category').notNull(),
    status: text('status', { enum: serviceCaseStatuses }).notNull(),
    priority: boolean('priority').notNull().default(false),
    firstResponderId: text('first_responder_id').notNull(),
    handlerId: text('handler_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    promisedOn: date('promised_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    /** The `@shequ/services` case without `id` and `communityCode`. */
    record: jsonb('record').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('service_cases_status_check', t.status, serviceCaseStatuses),
    // In the lists' working order (priority first, then promised date), so a page is read off the index.
    index('service_cases_community_open_idx')
      .on(t.communityCode, t.priority.desc(), t.promisedOn, t.id)
      .where(sql`${t.closedOn} is null`),
    index('service_cases_street_open_idx')
      .on(t.streetCode, t.priority.desc(), t.promisedOn, t.id)
      .where(sql`${t.closedOn} is null`),
    index('service_cases_responder_open_idx')
      .on(t.firstResponderId, t.priority.desc(), t.promisedOn, t.id)
      .where(sql`${t.closedOn} is null`),
    index('service_cases_handler_open_idx')
      .on(t.handlerId, t.priority.desc(), t.promisedOn, t.id)
      .where(sql`${t.closedOn} is null`),
    // A resident's data on request (export, erasure): found by identity or mobile number.
    index('service_cases_resident_id_idx').on(sql`(${t.record}->'resident'->>'idNumber')`),
    index('service_cases_resident_phone_idx').on(sql`(${t.record}->'resident'->>'phone')`),
    index('service_cases_community_received_idx').on(t.communityCode, t.receivedAt),
    index('service_cases_community_category_closed_idx').on(t.communityCode, t.category, t.closedOn),
  ],
);

/** One feedback link per closed case; only the token's SHA-256 is kept, the link is shown once. */
export const serviceFeedback = pgTable(
  'service_feedback',
  {
    caseId: text('case_id')
      .primaryKey()
      .references(() => serviceCases.id),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOn: date('answered_on', { mode: 'string' }),
    score: smallint('score'),
    comment: text('comment'),
  },
  (t) => [
    index('service_feedback_community_answered_idx').on(t.communityCode, t.answeredOn),
    check('service_feedback_score_range', sql`${t.score} is null or ${t.score} between 1 and 5`),
  ],
);

/** 三必到、五必访: the households to visit and the events to attend, per community. */
export const serviceVisitTargets = pgTable(
  'service_visit_targets',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: visitTargetKinds }).notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    /** The `@shequ/services` target without `id` and `communityCode`. */
    record: jsonb('record').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('service_visit_targets_kind_check', t.kind, visitTargetKinds),
    index('service_visit_targets_community_idx').on(t.communityCode, t.until),
  ],
);

/** The visits made, each to one target. */
export const serviceVisits = pgTable(
  'service_visits',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    targetId: text('target_id')
      .notNull()
      .references(() => serviceVisitTargets.id),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    byUserId: text('by_user_id').notNull(),
    byName: text('by_name').notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_visits_community_on_idx').on(t.communityCode, t.on),
    index('service_visits_target_on_idx').on(t.targetId, t.on),
  ],
);

/** 志愿者信息库 with each volunteer's points balance and time-bank minutes, never below zero. */
export const serviceVolunteers = pgTable(
  'service_volunteers',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    name: text('name').notNull(),
    /** The `@shequ/services` volunteer without `communityCode` and `name`. */
    record: jsonb('record').notNull(),
    points: integer('points').notNull().default(0),
    bankedMinutes: integer('banked_minutes').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_volunteers_community_idx').on(t.communityCode),
    check('service_volunteers_points_not_negative', sql`${t.points} >= 0`),
  ],
);

/** The points ledger: every entry with the balance it left. */
export const servicePointsLedger = pgTable(
  'service_points_ledger',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    volunteerId: text('volunteer_id')
      .notNull()
      .references(() => serviceVolunteers.id),
    kind: text('kind', { enum: ['earn', 'redeem'] }).notNull(),
    points: integer('points').notNull(),
    minutes: integer('minutes').notNull().default(0),
    balance: integer('balance').notNull(),
    reason: text('reason').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    oneOf('service_points_ledger_kind_check', t.kind, ['earn', 'redeem']),
    index('service_points_ledger_volunteer_idx').on(t.volunteerId, t.at),
  ],
);

/** A jurisdiction's service windows (its administrators' configuration); communities under it inherit them. */
export const serviceWindowSetups = pgTable('service_window_setups', {
  jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).primaryKey(),
  /** The `@shequ/services` windows, each category routed to exactly one. */
  windows: jsonb('windows').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by'),
});

/** Volunteer activities of a community (Ezhou 第三十二条). */
export const serviceActivities = pgTable(
  'service_activities',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** The `@shequ/services` activity without `id` and `communityCode`. */
    record: jsonb('record').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('service_activities_community_on_idx').on(t.communityCode, t.on)],
);

/** Who signed up for an activity and, once recorded, the minutes they served. */
export const serviceActivitySignUps = pgTable(
  'service_activity_sign_ups',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => serviceActivities.id),
    volunteerId: text('volunteer_id')
      .notNull()
      .references(() => serviceVolunteers.id),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes'),
    points: integer('points'),
    hoursAt: timestamp('hours_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.volunteerId] }),
    index('service_activity_sign_ups_volunteer_idx').on(t.volunteerId),
    check('service_activity_sign_ups_minutes_positive', sql`${t.minutes} is null or ${t.minutes} > 0`),
  ],
);
