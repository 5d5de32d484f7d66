/**
 * Comprehensive assessment of a community (综合考核) and a community's rating of its street
 * (社区考评街道) in the simple form of docs/interfaces.md §6: one departments' score and one
 * residents' score per round. Scores are on a 0–100 scale. Whether a scheme is lawful is a policy
 * question (`schemeFindings`, `simpleSchemeFindings`), not answered here.
 *
 * Every function here validates its input and throws a ZodError with zh-CN field messages: an empty
 * routine list, weights that do not add up to exactly 1, a score outside 0–100 are refused.
 */
import { z } from 'zod';
import { toMillionths, WEIGHT_SCALE } from './decimal.js';
import { bandHonours } from './honours.js';

const score = z
  .number({ error: '应为0到100之间的分数' })
  .min(0, { error: '分数应在0到100之间' })
  .max(100, { error: '分数应在0到100之间' });

/** A weight or share, 0–1, with at most six decimals so sums are exact. */
export const weight = z
  .number({ error: '应为0到1之间的数' })
  .min(0, { error: '权重应在0到1之间' })
  .max(1, { error: '权重应在0到1之间' })
  .refine((v) => toMillionths(v) !== undefined, { error: '权重最多保留六位小数' });

/** One assessment round (a routine round, or the annual one): the departments' score and the residents' score. */
export const assessmentRound = z.strictObject({
  label: z.string().min(1).optional(),
  departmentScore: score,
  residentScore: score,
});
export type AssessmentRound = z.infer<typeof assessmentRound>;

const schemeShape = {
  routineWeight: weight,
  annualWeight: weight,
  residentShareRoutine: weight,
  residentShareAnnual: weight,
};

function weightsAddUp(s: { routineWeight: number; annualWeight: number }): boolean {
  const routine = toMillionths(s.routineWeight);
  const annual = toMillionths(s.annualWeight);
  // Malformed weights are reported on their own fields; the sum is only judged for well-formed ones.
  return routine === undefined || annual === undefined || routine + annual === WEIGHT_SCALE;
}
const weightsMessage = {
  error: '平时考核与年度考核的占比之和应恰为100%',
  path: ['annualWeight'],
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};

export const assessmentScheme = z.strictObject(schemeShape).refine(weightsAddUp, weightsMessage);
export type AssessmentScheme = z.infer<typeof assessmentScheme>;

/** A grade band: a total at or above `min` (and below the next band) earns `name`. */
export const gradeBand = z.strictObject({
  name: z.string().trim().min(1, { error: '等次名称不能为空' }),
  min: score,
  /** Honours this grade confers (鄂州 第二十一条（一）), which earn bonus months: see `honours.ts`. */
  honours: bandHonours,
});
export type GradeBand = z.infer<typeof gradeBand>;

export const gradeBands = z
  .array(gradeBand)
  .min(1, { error: '至少需要一个等次' })
  .superRefine((bands, ctx) => {
    if (!bands.some((b) => b.min === 0))
      ctx.addIssue({ code: 'custom', message: '应有一个最低分为0的等次，使每个总分都有等次' });
    const seen = new Set<number>();
    bands.forEach((b, i) => {
      if (seen.has(b.min))
        ctx.addIssue({ code: 'custom', path: [i, 'min'], message: '与另一等次的最低分相同' });
      seen.add(b.min);
    });
  });

/** The grade a (rounded) total earns: the band with the highest `min` not above it. */
export function gradeOf(total: number, bands: readonly GradeBand[]): string | undefined {
  let best: GradeBand | undefined;
  for (const band of bands) if (band.min <= total && (!best || band.min > best.min)) best = band;
  return best?.name;
}

export const comprehensiveAssessmentInput = z.strictObject({
  routine: z.array(assessmentRound).min(1, { error: '至少需要一次平时考核' }),
  annual: assessmentRound,
});
export type ComprehensiveAssessmentInput = z.infer<typeof comprehensiveAssessmentInput>;

export interface ComprehensiveScore {
  /** Mean of the routine rounds, each blended by the routine residents' share. */
  routine: number;
  annual: number;
  total: number;
  /** How much of `total` came from residents' scoring, 0–1 (for disclosure: 结果应面向社会公开公示). */
  residentInfluence: number;
}

function blend(round: AssessmentRound, residentShare: number): number {
  return residentShare * round.residentScore + (1 - residentShare) * round.departmentScore;
}

/** Rounds half up to two decimals the way a published score table shows it, without binary drift (79.995 → 80). */
export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/**
 * Unrounded comprehensive score of input that has already been validated (the CLI and the bulk paths
 * validate once and call this per community).
 */
export function comprehensiveScoreOfValid(
  input: ComprehensiveAssessmentInput,
  scheme: AssessmentScheme,
): { routine: number; annual: number; total: number } {
  let sum = 0;
  for (const round of input.routine) sum += blend(round, scheme.residentShareRoutine);
  const routine = sum / input.routine.length;
  const annual = blend(input.annual, scheme.residentShareAnnual);
  return { routine, annual, total: scheme.routineWeight * routine + scheme.annualWeight * annual };
}

/** Validates both arguments (ZodError with zh-CN field messages) and scores the community. */
export function comprehensiveScore(
  input: ComprehensiveAssessmentInput,
  scheme: AssessmentScheme,
): ComprehensiveScore {
  const validInput = comprehensiveAssessmentInput.parse(input);
  const validScheme = assessmentScheme.parse(scheme);
  const { routine, annual, total } = comprehensiveScoreOfValid(validInput, validScheme);
  const residentInfluence =
    validScheme.routineWeight * validScheme.residentShareRoutine +
    validScheme.annualWeight * validScheme.residentShareAnnual;
  return {
    routine: roundScore(routine),
    annual: roundScore(annual),
    total: roundScore(total),
    residentInfluence: roundScore(residentInfluence),
  };
}

export const streetRatingInput = z.strictObject({
  /** The communities' own scores of their street, one per community. */
  communityScores: z.array(score).min(1, { error: '至少需要一个社区的评分' }),
  /** Residents' scores of the street, one per respondent. */
  residentScores: z.array(score).min(1, { error: '至少需要一份居民评分' }),
  residentShare: weight,
});
export type StreetRatingInput = z.infer<typeof streetRatingInput>;

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * 社区考评街道: the street's score from its communities and residents. Whether the residents' share
 * is lawful (Ezhou 第三十五条: at least 50%) is checked by `streetRatingFindings`.
 */
export function streetRating(input: StreetRatingInput): {
  community: number;
  resident: number;
  total: number;
} {
  const valid = streetRatingInput.parse(input);
  const community = mean(valid.communityScores);
  const resident = mean(valid.residentScores);
  return {
    community: roundScore(community),
    resident: roundScore(resident),
    total: roundScore(valid.residentShare * resident + (1 - valid.residentShare) * community),
  };
}
