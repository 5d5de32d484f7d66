/**
 * Residents' feedback on a closed case: a satisfaction score of 1 to 5 and an optional comment, given
 * once through a link without signing in; and the monthly satisfaction trend. Scores are kept as
 * integers; the trend carries each month's sum and count so a share is compared exactly.
 */
import { safeText } from '@shequ/domain';
import { z } from 'zod';

export { satisfactionLabels, satisfactionScores } from './labels.js';

export const feedbackInput = z.strictObject({
  score: z.int({ error: '请选择满意度（1 到 5）' }).min(1, { error: '请选择满意度（1 到 5）' }).max(5, {
    error: '请选择满意度（1 到 5）',
  }),
  comment: safeText('意见', 500).optional(),
});
export type FeedbackInput = z.infer<typeof feedbackInput>;

/** A score of 4 or 5 counts as satisfied (满意、很满意). */
export function isSatisfied(score: number): boolean {
  return score >= 4;
}

export interface TrendMonth {
  /** `YYYY-MM`. */
  month: string;
  responses: number;
  scoreSum: number;
  satisfied: number;
}

/** Per month (China time of the answer), oldest first, for the months given. */
export function satisfactionTrend(
  answers: readonly { answeredOn: string; score: number }[],
  months: readonly string[],
): TrendMonth[] {
  const out = new Map(months.map((m) => [m, { month: m, responses: 0, scoreSum: 0, satisfied: 0 }]));
  for (const a of answers) {
    const row = out.get(a.answeredOn.slice(0, 7));
    if (!row) continue;
    row.responses++;
    row.scoreSum += a.score;
    if (isSatisfied(a.score)) row.satisfied++;
  }
  return [...out.values()];
}

/** The `count` months ending with the month of `asOf`, oldest first. */
export function monthsEnding(asOf: string, count: number): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = year * 12 + month - (count - 1 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}
