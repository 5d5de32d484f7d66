/**
 * The one schema of Shequ's database, for PostgreSQL and embedded PGlite alike.
 * Rows that belong to a place carry their jurisdiction codes so that a scope check is an index lookup:
 * a user bound to a city reads `communities where city_code = $1`, never a recursive walk of the tree.
 */

import { type CommunityFacts, jurisdictionLevels } from '@shequ/domain';
import { appRoles } from '@shequ/domain/roles';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: jurisdictionLevels }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    cityCode: varchar('city_code', { length: 6 }),
    districtCode: varchar('district_code', { length: 6 }),
    streetCode: varchar('street_code', { length: 9 }),
    /** Residents' committees stored under this node, kept by the importer so the tree shows counts without a scan. */
    communityCount: integer('community_count').notNull().default(0),
  },
  (t) => [
    oneOf('jurisdictions_level_check', t.level, jurisdictionLevels),
    index('jurisdictions_parent_idx').on(t.parentCode, t.code),
    // Scope filters are `code like '3203%'`; only a pattern_ops index serves LIKE under a non-C collation.
    index('jurisdictions_code_prefix_idx').on(t.code.op('varchar_pattern_ops')),
    index('jurisdictions_name_idx').on(t.name),
  ],
);

export const communities = pgTable(
  'communities',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    cityCode: varchar('city_code', { length: 6 }).notNull(),
    districtCode: varchar('district_code', { length: 6 }).notNull(),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    setting: text('setting', { enum: ['urban', 'rural'] })
      .notNull()
      .default('urban'),
    /** Copied out of `facts` so the console can sort and filter by them with an index. */
    households: integer('households'),
    residents: integer('residents'),
    /** The community snapshot's facts (docs/interfaces.md §2) without code, name and asOf. */
    facts: jsonb('facts').$type<CommunityFacts>().notNull().default(sql`'{}'::jsonb`),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** Optimistic concurrency: an update names the version it read. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    /**
     * Every one- and two-character piece of the lower-cased name (`shequ_name_grams`, in the
     * migration), so that a search for part of a name — two Chinese characters are a typical one —
     * is answered from an index: a trigram index serves no pattern shorter than three characters.
     */
    nameGrams: text('name_grams').array().notNull().generatedAlwaysAs(sql`shequ_name_grams(name)`),
  },
  (t) => [
    index('communities_name_grams_idx').using('gin', t.nameGrams),
    index('communities_code_prefix_idx').on(t.code.op('varchar_pattern_ops')),
    index('communities_street_idx').on(t.streetCode, t.code),
    index('communities_district_idx').on(t.districtCode, t.code),
    index('communities_city_idx').on(t.cityCode, t.code),
    index('communities_province_idx').on(t.provinceCode, t.code),
    index('communities_households_idx').on(t.households),
    index('communities_residents_idx').on(t.residents),
    index('communities_name_idx').on(t.name),
  ],
);

/**
 * One row per statement that changed `communities`, per province it touched, written by the
 * statement triggers of migration 0017 (`shequ_note_community_changes`), so every writer — the API,
 * an import, the CLI, another server — is counted. The sum of `weight` of a province grows with every
 * committed change under it: a reader caching something computed from the communities (a list's
 * count, a dashboard's evaluation) checks that sum, one index lookup, instead of rescanning them.
 * Province `''` is a TRUNCATE, which changes every province. Rows are folded into one per province
 * (`foldCommunityChanges`) without changing a sum.
 */
export const communityChanges = pgTable(
  'community_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    weight: bigint('weight', { mode: 'number' }).notNull().default(1),
  },
  (t) => [index('community_changes_province_idx').on(t.provinceCode)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: appRoles }).notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).notNull(),
    mobile: varchar('mobile', { length: 11 }),
    idNumber: varchar('id_number', { length: 18 }),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('users_role_check', t.role, appRoles),
    uniqueIndex('users_username_idx').on(t.username),
    index('users_jurisdiction_idx').on(t.jurisdictionCode.op('varchar_pattern_ops')),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database copy holds no usable session. */
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_jurisdiction_idx').on(t.jurisdictionCode.op('varchar_pattern_ops'), t.id),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    // The log lists newest first by the time of the change (ties by id), not by id: an entry may carry a
    // time earlier or later than its insertion order (an import's, the demo's dated records). Ascending, so
    // that read backwards it is exactly `at desc, id desc` (PostgreSQL's DESC puts nulls first).
    index('audit_log_at_idx').on(t.at, t.id),
  ],
);
export * from './schema-archives.js';
export * from './schema-assessment.js';
export * from './schema-democracy.js';
export * from './schema-notices.js';
export * from './schema-parameters.js';
export * from './schema-people.js';
export * from './schema-services.js';
export * from './schema-webhooks.js';
export * from './schema-witness.js';
export * from './schema-workload.js';
