/**
 * Democratic appraisal of residents' committee members (民主评议).
 *
 * 江苏省城市社区居民委员会规范化建设工作指引 19（7）报告评议制度：
 * 「居民委员会成员连续两次被评议为不称职的，其职务终止。」
 */
import { applies, type GoverningOptions } from '@shequ/domain';
import { z } from 'zod';

import { appraisalGrades } from './labels.js';

export { appraisalGradeLabels, appraisalGrades, memberKeyOf } from './labels.js';

export const appraisalRecord = z.strictObject({
  year: z.number().int().min(1949).max(2200),
  grade: z.enum(appraisalGrades),
});
export type AppraisalRecord = z.infer<typeof appraisalRecord>;

export const appraisalCitation = {
  document: '江苏省城市社区居民委员会规范化建设工作指引',
  article: '19（7）',
  inForceFrom: '2023-08-24',
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

/**
 * Whether two consecutive 不称职 end the office. Only Jiangsu 19（7） says so: where it does not govern the
 * community (`governs`) an office never ends by appraisal — no other document and no 本系统规则 ends it.
 */
export function appraisalOutcome(
  history: readonly AppraisalRecord[],
  options: { consecutive?: 'appraisals' | 'calendarYears' } & GoverningOptions = {},
): AppraisalOutcome {
  const reading = options.consecutive ?? 'appraisals';
  if (!applies(appraisalCitation, options.governs)) return { terminated: false, reading };
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

/** One year's rating as entered, with zh-CN field messages. */
export const appraisalEntry = z.strictObject({
  year: z
    .number({ error: '评议年度应为整数' })
    .int({ error: '评议年度应为整数' })
    .min(1949, { error: '评议年度应在1949到2200之间' })
    .max(2200, { error: '评议年度应在1949到2200之间' }),
  grade: z.enum(appraisalGrades, { error: '评议结果应为 称职、基本称职 或 不称职' }),
});

/**
 * Why a member cannot be rated for `year`, or undefined: the appraisal is of the year's service
 * (每年…接受对其履职情况的民主评议), so the member must have served on the residents' committee — in
 * any of its terms (`services`: each time they sat on it) — some day of that year.
 */
export function appraisalYearProblem(
  services: readonly { from: string; to?: string | undefined }[],
  year: number,
): string | undefined {
  const served = services.some(
    (s) => s.from <= `${year}-12-31` && (s.to === undefined || s.to >= `${year}-01-01`),
  );
  return served ? undefined : `该成员${year}年不在居民委员会任职，不能评议该年度`;
}

/**
 * The plain sentence the console shows when an office has ended; none where Jiangsu 19（7） does not
 * govern the community (`governs`), whose office does not end by appraisal.
 */
export function officeEndedText(
  outcome: AppraisalOutcome,
  options: GoverningOptions = {},
): string | undefined {
  if (!outcome.terminated || !outcome.becauseOf || !applies(appraisalCitation, options.governs))
    return undefined;
  const [first, second] = outcome.becauseOf;
  return `${first}年、${second}年连续两次被评议为不称职，职务终止（${appraisalCitation.document}${appraisalCitation.article}）`;
}

/**
 * The rule said in a sentence where Jiangsu 19（7） governs the community (`governs`), for the console to
 * show beside the rating form; none where it does not govern, since there an office never ends by appraisal.
 */
export function officeEndsByAppraisalText(options: GoverningOptions = {}): string | undefined {
  if (!applies(appraisalCitation, options.governs)) return undefined;
  return `${appraisalCitation.quote.replace(/。$/, '')}（${appraisalCitation.document}${appraisalCitation.article}）。`;
}

/** Whether recording `entry` (replacing any rating of its year) is what ends the office: before it the history did not, after it does. */
export function endsOffice(
  history: readonly AppraisalRecord[],
  entry: AppraisalRecord,
  options: GoverningOptions = {},
): boolean {
  const others = history.filter((r) => r.year !== entry.year);
  return (
    !appraisalOutcome(history, options).terminated && appraisalOutcome([...others, entry], options).terminated
  );
}
