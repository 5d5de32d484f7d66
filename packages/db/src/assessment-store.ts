/**
 * Storing assessment schemes, scores and street ratings. Decides nothing: the caller validates with
 * `@shequ/assessment` (and checks who may do what) before calling here. Every change is written with
 * its audit record in one transaction; a publication and a score batch are all-or-nothing.
 */

import { scoreAuditMember } from '@shequ/domain';
import { and, desc, eq, inArray, like, max, or, sql } from 'drizzle-orm';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { assessmentSchemes, assessmentScores, assessmentStreetRatings } from './schema-assessment.js';

export type StoredAssessmentScheme = typeof assessmentSchemes.$inferSelect;

export class AssessmentStoreError extends Error {
  constructor(
    readonly kind: 'notFound' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'AssessmentStoreError';
  }
}

async function audit(
  tx: Transaction,
  acting: SignedInActor,
  action: string,
  entityType: string,
  entityId: string,
  jurisdictionCode: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await writeAudit(tx, {
    actor: acting.actor,
    action,
    entityType,
    entityId,
    jurisdictionCode,
    before,
    after,
    ip: acting.ip,
    at: acting.at,
  });
}

/** A new draft: the next version of the jurisdiction's scheme for the year. */
export async function createAssessmentScheme(
  db: Database,
  acting: SignedInActor,
  input: { jurisdictionCode: string; year: number; name: string; definition: unknown },
): Promise<StoredAssessmentScheme> {
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(assessmentSchemes.version) })
      .from(assessmentSchemes)
      .where(
        and(
          eq(assessmentSchemes.jurisdictionCode, input.jurisdictionCode),
          eq(assessmentSchemes.year, input.year),
        ),
      );
    const version = (latest?.version ?? 0) + 1;
    const definition = { ...(input.definition as Record<string, unknown>), version };
    const [row] = await tx
      .insert(assessmentSchemes)
      .values({
        jurisdictionCode: input.jurisdictionCode,
        year: input.year,
        version,
        name: input.name,
        status: 'draft',
        definition,
        createdBy: acting.actor.id,
        createdAt: acting.at,
        updatedAt: acting.at,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(
      tx,
      acting,
      'assessment.scheme.create',
      'assessmentScheme',
      row.id,
      row.jurisdictionCode,
      null,
      row,
    );
    return row;
  });
}

export async function getAssessmentScheme(
  db: Database | Transaction,
  id: string,
): Promise<StoredAssessmentScheme | undefined> {
  const [row] = await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id)).limit(1);
  return row;
}

/**
 * Schemes a principal may see: made for a node under `scopePrefix`, or for a node above the principal
 * (`ancestorCodes`: the principal's own node and its ancestors), newest year and version first.
 */
export async function listAssessmentSchemes(
  db: Database,
  filter: { scopePrefix: string; ancestorCodes: readonly string[]; year?: number },
): Promise<StoredAssessmentScheme[]> {
  const visible = or(
    like(assessmentSchemes.jurisdictionCode, `${filter.scopePrefix}%`),
    filter.ancestorCodes.length > 0
      ? inArray(assessmentSchemes.jurisdictionCode, [...filter.ancestorCodes])
      : sql`false`,
  );
  return db
    .select()
    .from(assessmentSchemes)
    .where(filter.year === undefined ? visible : and(visible, eq(assessmentSchemes.year, filter.year)))
    .orderBy(
      desc(assessmentSchemes.year),
      assessmentSchemes.jurisdictionCode,
      desc(assessmentSchemes.version),
    )
    .limit(500);
}

/** Replaces a draft's definition; a published scheme is not edited (a new version is made instead). */
export async function updateAssessmentScheme(
  db: Database,
  acting: SignedInActor,
  input: { id: string; name: string; definition: unknown },
): Promise<StoredAssessmentScheme> {
  return db.transaction(async (tx) => {
    const before = await getAssessmentScheme(tx, input.id);
    if (!before) throw new AssessmentStoreError('notFound', '没有这个考核方案');
    const definition = { ...(input.definition as Record<string, unknown>), version: before.version };
    const [row] = await tx
      .update(assessmentSchemes)
      .set({ name: input.name, definition, updatedAt: acting.at })
      .where(and(eq(assessmentSchemes.id, input.id), eq(assessmentSchemes.status, 'draft')))
      .returning();
    if (!row) throw new AssessmentStoreError('conflict', '方案已发布，不能再修改；请新建一个版本');
    await audit(
      tx,
      acting,
      'assessment.scheme.update',
      'assessmentScheme',
      row.id,
      row.jurisdictionCode,
      before,
      row,
    );
    return row;
  });
}

/** Publishes a draft; the year's previously published version of the same jurisdiction becomes `superseded`. */
export async function publishAssessmentScheme(
  db: Database,
  acting: SignedInActor,
  id: string,
): Promise<StoredAssessmentScheme> {
  return db.transaction(async (tx) => {
    const before = await getAssessmentScheme(tx, id);
    if (!before) throw new AssessmentStoreError('notFound', '没有这个考核方案');
    if (before.status !== 'draft') throw new AssessmentStoreError('conflict', '只有草稿可以发布');
    await tx
      .update(assessmentSchemes)
      .set({ status: 'superseded', updatedAt: acting.at })
      .where(
        and(
          eq(assessmentSchemes.jurisdictionCode, before.jurisdictionCode),
          eq(assessmentSchemes.year, before.year),
          eq(assessmentSchemes.status, 'published'),
        ),
      );
    const [row] = await tx
      .update(assessmentSchemes)
      .set({ status: 'published', publishedAt: acting.at, updatedAt: acting.at })
      .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.status, 'draft')))
      .returning();
    if (!row) throw new AssessmentStoreError('conflict', '方案已被他人发布或修改，请刷新后重试');
    await audit(
      tx,
      acting,
      'assessment.scheme.publish',
      'assessmentScheme',
      row.id,
      row.jurisdictionCode,
      before,
      row,
    );
    return row;
  });
}

export interface ScoreCell {
  communityCode: string;
  /** A routine period (`2024-03`, `2024-Q1`) or `annual`. */
  period: string;
  indicatorId: string;
  score: number;
}

/**
 * Writes a batch of validated cells (insert or overwrite) with one audit record per community, all or
 * nothing. The audit record names each score by its period and indicator — by the indicator's name in
 * `indicatorNames` (the scheme's, by id) where given, so the audit log reads 「指标 党建引领」.
 */
export async function saveAssessmentScores(
  db: Database,
  acting: SignedInActor,
  schemeId: string,
  cells: readonly ScoreCell[],
  indicatorNames: Readonly<Record<string, string>> = {},
): Promise<number> {
  if (cells.length === 0) return 0;
  return db.transaction(async (tx) => {
    const communities = [...new Set(cells.map((c) => c.communityCode))];
    const before = await tx
      .select()
      .from(assessmentScores)
      .where(
        and(eq(assessmentScores.schemeId, schemeId), inArray(assessmentScores.communityCode, communities)),
      );
    for (let i = 0; i < cells.length; i += 1000) {
      await tx
        .insert(assessmentScores)
        .values(
          cells.slice(i, i + 1000).map((c) => ({
            schemeId,
            communityCode: c.communityCode,
            period: c.period,
            indicatorId: c.indicatorId,
            score: c.score,
            enteredBy: acting.actor.id,
            enteredAt: acting.at,
          })),
        )
        .onConflictDoUpdate({
          target: [
            assessmentScores.schemeId,
            assessmentScores.communityCode,
            assessmentScores.period,
            assessmentScores.indicatorId,
          ],
          set: { score: sql`excluded.score`, enteredBy: acting.actor.id, enteredAt: acting.at },
        });
    }
    for (const community of communities) {
      const key = (c: { period: string; indicatorId: string }) =>
        scoreAuditMember(c.period, indicatorNames[c.indicatorId] ?? c.indicatorId);
      const changed = cells.filter((c) => c.communityCode === community);
      const previous = new Map(
        before.filter((b) => b.communityCode === community).map((b) => [key(b), b.score] as const),
      );
      await audit(
        tx,
        acting,
        'assessment.scores.save',
        'assessmentScores',
        `${schemeId}/${community}`,
        community,
        Object.fromEntries(
          changed.filter((c) => previous.has(key(c))).map((c) => [key(c), previous.get(key(c))]),
        ),
        Object.fromEntries(changed.map((c) => [key(c), c.score])),
      );
    }
    return cells.length;
  });
}

/** Every score of a scheme, optionally only of communities whose code starts with `communityPrefix`. */
export async function assessmentScoresOf(
  db: Database,
  schemeId: string,
  communityPrefix = '',
): Promise<ScoreCell[]> {
  return db
    .select({
      communityCode: assessmentScores.communityCode,
      period: assessmentScores.period,
      indicatorId: assessmentScores.indicatorId,
      score: assessmentScores.score,
    })
    .from(assessmentScores)
    .where(
      communityPrefix
        ? and(
            eq(assessmentScores.schemeId, schemeId),
            like(assessmentScores.communityCode, `${communityPrefix}%`),
          )
        : eq(assessmentScores.schemeId, schemeId),
    );
}

export interface StreetRatingEntry {
  communityCode: string;
  streetCode: string;
  communityScore: number;
  residentScores: number[];
}

/** A community's rating of its street (replacing an earlier one), with its audit record. */
export async function saveStreetRating(
  db: Database,
  acting: SignedInActor,
  schemeId: string,
  entry: StreetRatingEntry,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(assessmentStreetRatings)
      .where(
        and(
          eq(assessmentStreetRatings.schemeId, schemeId),
          eq(assessmentStreetRatings.communityCode, entry.communityCode),
        ),
      );
    const values = { schemeId, ...entry, enteredBy: acting.actor.id, enteredAt: acting.at };
    await tx
      .insert(assessmentStreetRatings)
      .values(values)
      .onConflictDoUpdate({
        target: [assessmentStreetRatings.schemeId, assessmentStreetRatings.communityCode],
        set: {
          communityScore: entry.communityScore,
          residentScores: entry.residentScores,
          enteredBy: acting.actor.id,
          enteredAt: acting.at,
        },
      });
    await audit(
      tx,
      acting,
      'assessment.streetRating.save',
      'assessmentStreetRating',
      `${schemeId}/${entry.communityCode}`,
      entry.communityCode,
      before ?? null,
      values,
    );
  });
}

export async function streetRatingsOf(
  db: Database,
  schemeId: string,
  streetCode: string,
): Promise<StreetRatingEntry[]> {
  return db
    .select({
      communityCode: assessmentStreetRatings.communityCode,
      streetCode: assessmentStreetRatings.streetCode,
      communityScore: assessmentStreetRatings.communityScore,
      residentScores: assessmentStreetRatings.residentScores,
    })
    .from(assessmentStreetRatings)
    .where(
      and(eq(assessmentStreetRatings.schemeId, schemeId), eq(assessmentStreetRatings.streetCode, streetCode)),
    );
}
