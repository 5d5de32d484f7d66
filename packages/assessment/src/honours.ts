/**
 * Results feeding honours, and honours feeding bonus pay. A scheme's grade band may confer the
 * assessment honours of 鄂州 第二十一条（一）— 综合考核合格单位 (`assessment-qualified`) and 区级以上年度
 * 综合考核先进单位 (`district-assessment-advanced`) —; the months of bonus pay they earn are the
 * jurisdiction's pack's `bonusMonths` quantity, so the cap (三个半月) and the reading chosen for
 * "合格 and 先进 together" stay the policy package's.
 */
import { evaluatorFor, packsFor } from '@shequ/policy';
import { z } from 'zod';
import type { AssessmentHonour } from './labels.js';
import { assessmentHonours } from './labels.js';

export type { AssessmentHonour } from './labels.js';
export { assessmentHonourLabels, assessmentHonours } from './labels.js';

export const bandHonours = z
  .array(
    z.enum(assessmentHonours, { error: '荣誉应为 assessment-qualified 或 district-assessment-advanced' }),
  )
  .max(2)
  .optional();

/** The honours a grade confers under the scheme's bands (none for a grade without any). */
export function honoursOfGrade(
  grade: string | undefined,
  bands: readonly { name: string; honours?: readonly AssessmentHonour[] | undefined }[],
): AssessmentHonour[] {
  return [...(bands.find((b) => b.name === grade)?.honours ?? [])];
}

/**
 * Months of bonus pay the honours earn a community's workers, from the packs its code comes under,
 * as of `asOf`; undefined where no pack rules on bonus pay.
 */
export function bonusMonthsOf(
  code: string,
  honours: readonly AssessmentHonour[],
  asOf: string,
): number | undefined {
  const packs = packsFor(code);
  if (packs.length === 0) return undefined;
  const { quantities } = evaluatorFor(packs)({ honours: [...honours] }, { asOf });
  const months = quantities.bonusMonths;
  return typeof months === 'number' ? months : undefined;
}

/**
 * Each result with the honours its grade confers and the bonus months they earn (as of the last day
 * of the scheme's year). Pack chains depend on the street at most, so each street and set of honours
 * is evaluated once.
 */
export function withHonours<R extends { code: string; grade: string | undefined }>(
  results: readonly R[],
  scheme: {
    year: number;
    grades: readonly { name: string; honours?: readonly AssessmentHonour[] | undefined }[];
  },
): (R & { honours: AssessmentHonour[]; bonusMonths: number | undefined })[] {
  const asOf = `${scheme.year}-12-31`;
  const memo = new Map<string, number | undefined>();
  return results.map((result) => {
    const honours = honoursOfGrade(result.grade, scheme.grades);
    const key = `${result.code.slice(0, 9)}|${honours.join(',')}`;
    if (!memo.has(key)) memo.set(key, bonusMonthsOf(result.code, honours, asOf));
    return { ...result, honours, bonusMonths: memo.get(key) };
  });
}
