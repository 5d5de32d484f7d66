/**
 * Comprehensive assessment of a community (综合考核) and a community's rating of its street
 * (社区考评街道). Scores are on a 0–100 scale. The weights come from the jurisdiction's
 * assessment scheme; whether a scheme is lawful is a policy question answered by
 * `@shequ/policy` (Ezhou 第三十四、三十五条), not here.
 */
import { z } from 'zod';

const score = z.number().min(0).max(100);
const share = z.number().min(0).max(1);

/** One assessment round (a routine round, or the annual one): the departments' score and the residents' score. */
export const assessmentRound = z.strictObject({
  label: z.string().min(1).optional(),
  departmentScore: score,
  residentScore: score,
});
export type AssessmentRound = z.infer<typeof assessmentRound>;

export const assessmentScheme = z
  .strictObject({
    routineWeight: share,
    annualWeight: share,
    residentShareRoutine: share,
    residentShareAnnual: share,
  })
  .refine((s) => Math.abs(s.routineWeight + s.annualWeight - 1) < 1e-9, {
    message: '平时考核与年度考核的占比之和应为100%',
    path: ['annualWeight'],
  });
export type AssessmentScheme = z.infer<typeof assessmentScheme>;

export const comprehensiveAssessmentInput = z.strictObject({
  routine: z.array(assessmentRound).min(1, { message: '至少需要一次平时考核' }),
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

/** Rounds to two decimals the way a published score table shows it, without binary drift (79.995 → 80). */
export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export function comprehensiveScore(
  input: ComprehensiveAssessmentInput,
  scheme: AssessmentScheme,
): ComprehensiveScore {
  const routineScores = input.routine.map((round) => blend(round, scheme.residentShareRoutine));
  const routine = routineScores.reduce((sum, s) => sum + s, 0) / routineScores.length;
  const annual = blend(input.annual, scheme.residentShareAnnual);
  const total = scheme.routineWeight * routine + scheme.annualWeight * annual;
  const residentInfluence =
    scheme.routineWeight * scheme.residentShareRoutine + scheme.annualWeight * scheme.residentShareAnnual;
  return {
    routine: roundScore(routine),
    annual: roundScore(annual),
    total: roundScore(total),
    residentInfluence: roundScore(residentInfluence),
  };
}

export const streetRatingInput = z.strictObject({
  /** The communities' own scores of their street, one per community. */
  communityScores: z.array(score).min(1, { message: '至少需要一个社区的评分' }),
  /** Residents' scores of the street, one per respondent. */
  residentScores: z.array(score).min(1, { message: '至少需要一份居民评分' }),
  residentShare: share,
});
export type StreetRatingInput = z.infer<typeof streetRatingInput>;

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** 社区考评街道: the street's score from its communities and residents (Ezhou 第三十五条 sets the residents' share). */
export function streetRating(input: StreetRatingInput): {
  community: number;
  resident: number;
  total: number;
} {
  const community = mean(input.communityScores);
  const resident = mean(input.residentScores);
  return {
    community: roundScore(community),
    resident: roundScore(resident),
    total: roundScore(input.residentShare * resident + (1 - input.residentShare) * community),
  };
}
