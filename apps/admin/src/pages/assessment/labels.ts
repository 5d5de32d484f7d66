/** The console's words for assessment states; scorer and period labels come from `@shequ/assessment`. */

export { caseFeedbackRule, feedbackScores } from '@shequ/assessment';
export {
  assessmentHonourLabels,
  periodicityLabels,
  residentScoreCombinationLabels,
  satisfactionLevelLabels,
  satisfactionLevels,
  scorerLabels,
} from '@shequ/assessment/labels';

export const schemeStatusLabels: Record<string, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被新版本取代',
};

export const schemeStatusColors: Record<string, string> = {
  draft: 'default',
  published: 'green',
  superseded: 'orange',
};

/** A share in 0–1 as a percentage, without float noise: 0.35 → "35%". */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}
