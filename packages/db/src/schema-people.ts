/**
 * The registers of organisation and people (`@shequ/people`): the worker roster, committees with
 * their terms and members, and the units of a community (grids, buildings, resident groups,
 * representatives, property-service areas).
 *
 * Each row keeps the whole validated record in `record` (jsonb) and copies out the columns the
 * queries need: a community's roster by post and date, everyone holding one identity number (the
 * duplicate and two-communities checks), a community's committees by term. `street_code` lets a
 * street list its communities' rosters with an index lookup.
 */

import { committeeKinds, peopleUnitKinds, workerPosts } from '@shequ/people';
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { oneOf } from './schema-checks.js';

const recordId = () => text('id').primaryKey().default(sql`gen_random_uuid()::text`);
const communityCode = () => varchar('community_code', { length: 12 }).notNull();
const streetCode = () => varchar('street_code', { length: 9 }).notNull();

/** 社区工作者花名册: one row per stay on a community's roster (someone who comes back gets a new row). */
export const peopleWorkers = pgTable(
  'people_workers',
  {
    id: recordId(),
    communityCode: communityCode(),
    streetCode: streetCode(),
    name: text('name').notNull(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    post: text('post', { enum: workerPosts }).notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    /** The `@shequ/people` worker record without `id` and `communityCode`. */
    record: jsonb('record').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('people_workers_post_check', t.post, workerPosts),
    index('people_workers_community_idx').on(t.communityCode, t.post),
    index('people_workers_street_idx').on(t.streetCode),
    index('people_workers_id_number_idx').on(t.idNumber),
  ],
);

/** Committees (residents', supervision, sub-committees, party) with one term each and their members. */
export const peopleCommittees = pgTable(
  'people_committees',
  {
    id: recordId(),
    communityCode: communityCode(),
    kind: text('kind', { enum: committeeKinds }).notNull(),
    termFrom: date('term_from', { mode: 'string' }).notNull(),
    termTo: date('term_to', { mode: 'string' }).notNull(),
    record: jsonb('record').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('people_committees_kind_check', t.kind, committeeKinds),
    index('people_committees_community_idx').on(t.communityCode, t.termTo),
  ],
);

export { peopleUnitKinds };

/** Grids, buildings, resident groups, resident representatives (居民代表) and property-service areas of a community. */
export const peopleUnits = pgTable(
  'people_units',
  {
    id: recordId(),
    communityCode: communityCode(),
    kind: text('kind', { enum: peopleUnitKinds }).notNull(),
    name: text('name').notNull(),
    record: jsonb('record').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('people_units_kind_check', t.kind, peopleUnitKinds),
    index('people_units_community_idx').on(t.communityCode, t.kind),
  ],
);
