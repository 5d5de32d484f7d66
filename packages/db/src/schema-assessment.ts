/**
 * Assessment: schemes (draft → published, versioned per jurisdiction and year), the raw scores
 * entered for them, and communities' ratings of their street. The scheme's definition is the
 * `@shequ/assessment` scheme as JSON; the package validates and scores it, this table only keeps it.
 */
import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** `draft` while edited; `published` once checked and released; `superseded` when a later version of the year is published. */
export const assessmentSchemeStatuses = ['draft', 'published', 'superseded'] as const;
export type AssessmentSchemeStatus = (typeof assessmentSchemeStatuses)[number];

export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district, city or street (6 or 9 digits) the scheme is made for. */
    jurisdictionCode: varchar('jurisdiction_code', { length: 9 }).notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: assessmentSchemeStatuses }).notNull().default('draft'),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assessment_schemes_version_idx').on(t.jurisdictionCode, t.year, t.version),
    // At most one published scheme per jurisdiction and year: a second publication supersedes the first.
    uniqueIndex('assessment_schemes_published_idx')
      .on(t.jurisdictionCode, t.year)
      .where(sql`${t.status} = 'published'`),
  ],
);

/** One raw score: a community, a period (`2024-03`, `2024-Q1`, or `annual`) and a leaf indicator. */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id, { onDelete: 'cascade' }),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    period: varchar('period', { length: 10 }).notNull(),
    indicatorId: varchar('indicator_id', { length: 40 }).notNull(),
    score: doublePrecision('score').notNull(),
    enteredBy: uuid('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schemeId, t.communityCode, t.period, t.indicatorId] }),
    index('assessment_scores_community_idx').on(t.schemeId, t.communityCode),
  ],
);

/** 社区考评街道: one community's rating of its street under a scheme, with its residents' mean score. */
export const assessmentStreetRatings = pgTable(
  'assessment_street_ratings',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id, { onDelete: 'cascade' }),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    communityScore: doublePrecision('community_score').notNull(),
    /** The residents' scores of the street gathered by this community, one per respondent. */
    residentScores: jsonb('resident_scores').$type<number[]>().notNull(),
    enteredBy: uuid('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schemeId, t.communityCode] }),
    index('assessment_street_ratings_street_idx').on(t.schemeId, t.streetCode),
  ],
);
