/**
 * Storing resident satisfaction surveys, their one-time answer codes and the answers. Decides nothing:
 * `@shequ/assessment` validates the survey and each answer, the API checks who may do what. A code is
 * spent and its answer stored in one transaction, so a code answers once even when two residents send
 * it at the same moment; the answer is stored without the code.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, like } from 'drizzle-orm';
import { AssessmentStoreError } from './assessment-store.js';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database } from './client.js';
import {
  assessmentSchemes,
  assessmentSurveyCodes,
  assessmentSurveyResponses,
  assessmentSurveys,
} from './schema-assessment.js';

export type StoredSurvey = typeof assessmentSurveys.$inferSelect;

/** A survey with the scheme it belongs to (its jurisdiction, year, name and definition). */
export interface SurveyWithScheme extends StoredSurvey {
  schemeName: string;
  schemeJurisdictionCode: string;
  schemeDefinition: unknown;
}

export async function openSurvey(
  db: Database,
  acting: SignedInActor,
  input: { schemeId: string; jurisdictionCode: string; period: string; opensOn: string; closesOn: string },
): Promise<StoredSurvey> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: assessmentSurveys.id })
      .from(assessmentSurveys)
      .where(and(eq(assessmentSurveys.schemeId, input.schemeId), eq(assessmentSurveys.period, input.period)));
    if (existing) throw new AssessmentStoreError('conflict', '该周期已经有一次满意度调查');
    const [row] = await tx
      .insert(assessmentSurveys)
      .values({
        schemeId: input.schemeId,
        period: input.period,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        createdBy: acting.actor.id,
        createdAt: acting.at,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'assessment.survey.open',
      entityType: 'assessmentSurvey',
      entityId: row.id,
      jurisdictionCode: input.jurisdictionCode,
      before: null,
      after: row,
      ip: acting.ip,
      at: acting.at,
    });
    return row;
  });
}

export async function getSurvey(db: Database, id: string): Promise<SurveyWithScheme | undefined> {
  const [row] = await db
    .select({
      survey: assessmentSurveys,
      schemeName: assessmentSchemes.name,
      schemeJurisdictionCode: assessmentSchemes.jurisdictionCode,
      schemeDefinition: assessmentSchemes.definition,
    })
    .from(assessmentSurveys)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentSurveys.schemeId))
    .where(eq(assessmentSurveys.id, id))
    .limit(1);
  return row
    ? {
        ...row.survey,
        schemeName: row.schemeName,
        schemeJurisdictionCode: row.schemeJurisdictionCode,
        schemeDefinition: row.schemeDefinition,
      }
    : undefined;
}

export async function surveysOfScheme(db: Database, schemeId: string): Promise<StoredSurvey[]> {
  return db
    .select()
    .from(assessmentSurveys)
    .where(eq(assessmentSurveys.schemeId, schemeId))
    .orderBy(asc(assessmentSurveys.period));
}

/** Surveys of published schemes that close within `[from, to]`, for the workbench. */
export async function surveysClosingBetween(
  db: Database,
  from: string,
  to: string,
): Promise<(StoredSurvey & { schemeName: string; schemeJurisdictionCode: string })[]> {
  const rows = await db
    .select({
      survey: assessmentSurveys,
      schemeName: assessmentSchemes.name,
      schemeJurisdictionCode: assessmentSchemes.jurisdictionCode,
      status: assessmentSchemes.status,
    })
    .from(assessmentSurveys)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentSurveys.schemeId))
    .where(eq(assessmentSchemes.status, 'published'))
    .orderBy(asc(assessmentSurveys.closesOn));
  return rows
    .filter((r) => r.survey.closesOn >= from && r.survey.closesOn <= to)
    .map((r) => ({
      ...r.survey,
      schemeName: r.schemeName,
      schemeJurisdictionCode: r.schemeJurisdictionCode,
    }));
}

/** Stores the hashes of newly issued codes for one community, with one audit record (the count, never a code). */
export async function issueSurveyCodes(
  db: Database,
  acting: SignedInActor,
  input: { surveyId: string; communityCode: string; codeHashes: readonly string[] },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.insert(assessmentSurveyCodes).values(
      input.codeHashes.map((codeHash) => ({
        surveyId: input.surveyId,
        communityCode: input.communityCode,
        codeHash,
        issuedBy: acting.actor.id,
        issuedAt: acting.at,
      })),
    );
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'assessment.survey.issueCodes',
      entityType: 'assessmentSurvey',
      entityId: `${input.surveyId}/${input.communityCode}`,
      jurisdictionCode: input.communityCode,
      before: null,
      after: { issued: input.codeHashes.length },
      ip: acting.ip,
      at: acting.at,
    });
    return input.codeHashes.length;
  });
}

export type SubmitOutcome = 'saved' | 'unknownCode' | 'usedCode';

/**
 * Spends the code and stores the answers, or neither. The audit record names no actor (the resident
 * has no account) and carries neither the code nor the answers, so it cannot tie a resident to an answer.
 */
export async function submitSurveyResponse(
  db: Database,
  input: {
    surveyId: string;
    communityCode: string;
    codeHash: string;
    answers: Record<string, string>;
    now: Date;
    ip: string | null;
  },
): Promise<SubmitOutcome> {
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(assessmentSurveyCodes)
      .set({ usedAt: input.now })
      .where(
        and(
          eq(assessmentSurveyCodes.surveyId, input.surveyId),
          eq(assessmentSurveyCodes.communityCode, input.communityCode),
          eq(assessmentSurveyCodes.codeHash, input.codeHash),
          isNull(assessmentSurveyCodes.usedAt),
        ),
      )
      .returning({ codeHash: assessmentSurveyCodes.codeHash });
    if (spent.length === 0) {
      const [known] = await tx
        .select({ usedAt: assessmentSurveyCodes.usedAt })
        .from(assessmentSurveyCodes)
        .where(
          and(
            eq(assessmentSurveyCodes.surveyId, input.surveyId),
            eq(assessmentSurveyCodes.communityCode, input.communityCode),
            eq(assessmentSurveyCodes.codeHash, input.codeHash),
          ),
        );
      return known ? 'usedCode' : 'unknownCode';
    }
    const [row] = await tx
      .insert(assessmentSurveyResponses)
      .values({
        surveyId: input.surveyId,
        communityCode: input.communityCode,
        answers: input.answers,
        submittedAt: input.now,
      })
      .returning({ id: assessmentSurveyResponses.id });
    await writeAudit(tx, {
      actor: null,
      action: 'assessment.survey.respond',
      entityType: 'assessmentSurveyResponse',
      entityId: row?.id ?? '',
      jurisdictionCode: input.communityCode,
      before: null,
      after: { surveyId: input.surveyId, communityCode: input.communityCode },
      ip: input.ip,
      at: input.now,
    });
    return 'saved';
  });
}

/** Every answer to the given surveys, with the survey's period, of communities under `communityPrefix`. */
export async function surveyResponsesOf(
  db: Database,
  surveys: readonly Pick<StoredSurvey, 'id' | 'period'>[],
  communityPrefix = '',
): Promise<{ communityCode: string; period: string; answers: Record<string, string> }[]> {
  if (surveys.length === 0) return [];
  const periodOf = new Map(surveys.map((s) => [s.id, s.period]));
  const rows = await db
    .select({
      surveyId: assessmentSurveyResponses.surveyId,
      communityCode: assessmentSurveyResponses.communityCode,
      answers: assessmentSurveyResponses.answers,
    })
    .from(assessmentSurveyResponses)
    .where(
      and(
        inArray(
          assessmentSurveyResponses.surveyId,
          surveys.map((s) => s.id),
        ),
        like(assessmentSurveyResponses.communityCode, `${communityPrefix}%`),
      ),
    );
  return rows.map((r) => ({
    communityCode: r.communityCode,
    period: periodOf.get(r.surveyId) ?? '',
    answers: r.answers,
  }));
}

/** Per community of a survey: codes issued, codes spent. */
export async function surveyCodeCounts(
  db: Database,
  surveyId: string,
  communityPrefix = '',
): Promise<Map<string, { issued: number; used: number }>> {
  const where = and(
    eq(assessmentSurveyCodes.surveyId, surveyId),
    like(assessmentSurveyCodes.communityCode, `${communityPrefix}%`),
  );
  const [issued, used] = await Promise.all([
    db
      .select({ communityCode: assessmentSurveyCodes.communityCode, n: count() })
      .from(assessmentSurveyCodes)
      .where(where)
      .groupBy(assessmentSurveyCodes.communityCode),
    db
      .select({ communityCode: assessmentSurveyCodes.communityCode, n: count() })
      .from(assessmentSurveyCodes)
      .where(and(where, isNotNull(assessmentSurveyCodes.usedAt)))
      .groupBy(assessmentSurveyCodes.communityCode),
  ]);
  const out = new Map<string, { issued: number; used: number }>();
  for (const r of issued) out.set(r.communityCode, { issued: r.n, used: 0 });
  for (const r of used) {
    const entry = out.get(r.communityCode);
    if (entry) entry.used = r.n;
  }
  return out;
}
