/**
 * Assessment: schemes (draft → published, versioned per jurisdiction and year), the raw scores
 * entered for them, and communities' ratings of their street. The scheme's definition is the
 * `@shequ/assessment` scheme as JSON; the package validates and scores it, this table only keeps it.
 */
import { sql } from 'drizzle-orm';
import {
  date,
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
import { oneOf } from './schema-checks.js';

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
    oneOf('assessment_schemes_status_check', t.status, assessmentSchemeStatuses),
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

/**
 * 居民满意度调查: a survey of one period of a scheme, answered by residents of each community under the
 * scheme's jurisdiction from `opensOn` through `closesOn` (China time).
 */
export const assessmentSurveys = pgTable(
  'assessment_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id, { onDelete: 'cascade' }),
    /** A routine period (`2024-03`, `2024-Q1`) or `annual`. */
    period: varchar('period', { length: 10 }).notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('assessment_surveys_period_idx').on(t.schemeId, t.period)],
);

/**
 * One-time answer codes (答卷码) a community hands to its residents. Only a hash is kept: the codes are
 * shown once, when issued, for printing. `usedAt` is set by the answer that spends the code.
 */
export const assessmentSurveyCodes = pgTable(
  'assessment_survey_codes',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => assessmentSurveys.id, { onDelete: 'cascade' }),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.codeHash] }),
    index('assessment_survey_codes_community_idx').on(t.surveyId, t.communityCode),
  ],
);

/** One resident's answers, kept apart from the code that submitted them. */
export const assessmentSurveyResponses = pgTable(
  'assessment_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => assessmentSurveys.id, { onDelete: 'cascade' }),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    /** Indicator id → satisfaction level (`@shequ/assessment` `satisfactionLevels`). */
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_survey_responses_community_idx').on(t.surveyId, t.communityCode)],
);

/**
 * 民主评议: one year's rating of one member of a community's residents' committee (江苏省指引 19（7）).
 * A member is named by the roster entry they hold (`memberKey` = worker id) or, for a resident serving
 * unpaid, by `name:` and their name; `grade` is `@shequ/assessment`'s `appraisalGrades`; `committeeId`
 * is the term's committee they sat on when rated.
 */
export const committeeAppraisals = pgTable(
  'committee_appraisals',
  {
    committeeId: text('committee_id').notNull(),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    memberKey: text('member_key').notNull(),
    memberName: text('member_name').notNull(),
    workerId: text('worker_id'),
    year: integer('year').notNull(),
    grade: text('grade').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One rating a year per member of the community, whichever term's committee they sat on.
    primaryKey({ columns: [t.communityCode, t.memberKey, t.year] }),
    index('committee_appraisals_worker_idx').on(t.workerId),
  ],
);
