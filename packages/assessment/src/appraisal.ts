/**
 * Democratic appraisal of residents' committee members (民主评议).
 *
 * 江苏省城市社区居民委员会规范化建设工作指引 19（7）报告评议制度：
 * 「居民委员会成员连续两次被评议为不称职的，其职务终止。」
 */
import { z } from 'zod';

export const appraisalGrades = ['competent', 'basicallyCompetent', 'incompetent'] as const;
export const appraisalGradeLabels: Record<(typeof appraisalGrades)[number], string> = {
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
};

export const appraisalRecord = z.strictObject({
  year: z.number().int().min(1949).max(2200),
  grade: z.enum(appraisalGrades),
});
export type AppraisalRecord = z.infer<typeof appraisalRecord>;

export const appraisalCitation = {
  document: '江苏省城市社区居民委员会规范化建设工作指引',
  article: '19（7）',
  quote: '居民委员会成员连续两次被评议为不称职的，其职务终止。',
} as const;

export interface AppraisalOutcome {
  terminated: boolean;
  /** The years of the two consecutive 不称职 appraisals that end the office, when `terminated`. */
  becauseOf?: [number, number];
  /**
   * Interpretation: "连续两次" means two appraisals in a row with no appraisal between them. Appraisals are
   * annual (每年…接受民主评议), so a missing year breaks the run only if an appraisal was held in it; a year
   * with no appraisal on record is not counted as a pass. The alternative reading — two calendar years in a
   * row — is `consecutive: 'calendarYears'`.
   */
  reading: 'appraisals' | 'calendarYears';
}

export function appraisalOutcome(
  history: readonly AppraisalRecord[],
  options: { consecutive?: 'appraisals' | 'calendarYears' } = {},
): AppraisalOutcome {
  const reading = options.consecutive ?? 'appraisals';
  const ordered = [...history].sort((a, b) => a.year - b.year);
  for (let i = 1; i < ordered.length; i += 1) {
    const previous = ordered[i - 1]!;
    const current = ordered[i]!;
    if (previous.grade !== 'incompetent' || current.grade !== 'incompetent') continue;
    if (reading === 'calendarYears' && current.year - previous.year !== 1) continue;
    return { terminated: true, becauseOf: [previous.year, current.year], reading };
  }
  return { terminated: false, reading };
}
