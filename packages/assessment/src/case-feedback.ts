/**
 * Residents' feedback on closed service cases (服务事项回访, `@shequ/services`) as a source of the
 * residents' score, beside the satisfaction survey (`survey.ts`).
 *
 * 社区建设和治理条例 第四十一条 makes 「群众满意度为主要标准」 of the assessment and asks that it 「听取社区居民
 * 意见」; 第四十二条 puts 「群众满意度」 among the indicators. The resident of each closed case is asked once,
 * by a one-time link, how satisfied they are (1 很不满意 … 5 很满意): that answer is the residents' view of
 * the service they actually received.
 *
 * Interpretation (本系统规则 R-ASM-3, docs/project-rules.md):
 * - A feedback answer counts in the period its case was closed in (China date of closure): in the
 *   routine period containing that day and in the annual part of the same year, for every indicator
 *   residents score there. An answer given after the period ended still counts for that period.
 * - Its five scores are placed on the indicator's range exactly like the survey's five levels
 *   (1 at the minimum, 5 at the maximum, evenly between), so both sources are on one scale.
 * - Combining with a survey of the same community, period and indicator is the scheme's choice
 *   (`residentScoreCombination`): `pooled` (default) — every answer counts once, the score is the mean
 *   of the survey's and the feedback's answers together, because the regulation asks for the residents'
 *   satisfaction and names no channel as better; `surveyFirst` — the survey alone where one was
 *   answered (it asks residents chosen by the community, one code each, while feedback comes only from
 *   residents who had a case), the feedback where none was; `surveyOnly` — feedback is not used.
 * - Either source replaces a residents' score entered by hand (`withSurveyScores`).
 */
import { ANNUAL_PERIOD, type ScoreCellInput } from './cells.js';
import type { CompiledScheme, ResidentScoreCombination } from './scheme.js';
import { meanOnRange, type SurveyScore, surveyIndicators, surveySteps } from './survey.js';

export const caseFeedbackCitation = {
  document: '社区建设和治理条例',
  article: '第四十一条、第四十二条',
  inForceFrom: '2013-12-01',
  quote: '制定以群众满意度为主要标准的考核办法和指标体系',
} as const;

/** The project's rule on counting case feedback in the residents' score (docs/project-rules.md). */
export const caseFeedbackRule = {
  id: 'R-ASM-3',
  title: '服务事项回访计入居民评分',
  text: '服务事项办结后的居民回访（1 至 5 分）按事项办结日期计入所在平时考核周期和当年年度考核中由居民评分的指标，与满意度调查的五个等级一样均匀折算到指标的分值范围。同一社区、周期和指标既有满意度调查又有回访时，默认按份数合并计算（每份答卷、每份回访各计一次）；方案可改为「有调查时以调查为准，无调查时用回访」或「只用调查」。',
} as const;

export const feedbackScores = [1, 2, 3, 4, 5] as const;
export type FeedbackScore = (typeof feedbackScores)[number];

/** One answered feedback: the community and China date its case was closed on, and the score 1–5. */
export interface ClosedCaseFeedback {
  communityCode: string;
  closedOn: string;
  score: number;
}

/** How one community's residents' score for one indicator and period came from case feedback. */
export interface CaseFeedbackScore extends ScoreCellInput {
  responses: number;
  /** How many answers gave each score, `1` (很不满意) to `5` (很满意). */
  counts: Record<FeedbackScore, number>;
}

const isFeedbackScore = (score: number): score is FeedbackScore =>
  (feedbackScores as readonly number[]).includes(score);

/** The routine period and the annual part of the scheme a day (`YYYY-MM-DD`) falls in; none outside its year. */
export function periodsOfDay(compiled: CompiledScheme, day: string): string[] {
  if (day.slice(0, 4) !== String(compiled.scheme.year)) return [];
  const month = Number(day.slice(5, 7));
  const routine =
    compiled.scheme.routine.periodicity === 'month'
      ? day.slice(0, 7)
      : `${compiled.scheme.year}-Q${Math.ceil(month / 3)}`;
  return compiled.periods.includes(routine) ? [routine, ANNUAL_PERIOD] : [ANNUAL_PERIOD];
}

/** The steps above 很不满意 that feedback answers add up to (score 1 is step 0, score 5 step 4). */
function feedbackSteps(counts: Readonly<Record<FeedbackScore, number>>): number {
  return feedbackScores.reduce((s, score) => s + counts[score] * (score - 1), 0);
}

/**
 * The residents' scores that case feedback gives: per community, period and resident-scored indicator,
 * the mean of the answers of cases closed in the period, on the indicator's range. A score outside 1–5
 * is not counted; a community without answers gets no score.
 */
export function caseFeedbackScores(
  compiled: CompiledScheme,
  feedback: readonly ClosedCaseFeedback[],
): CaseFeedbackScore[] {
  const groups = new Map<string, CaseFeedbackScore>();
  const leaves = new Map<string, { minScore: number; maxScore: number }>();
  for (const answer of feedback) {
    if (!isFeedbackScore(answer.score)) continue;
    for (const period of periodsOfDay(compiled, answer.closedOn))
      for (const leaf of surveyIndicators(compiled, period)) {
        leaves.set(leaf.id, leaf);
        const key = `${answer.communityCode}/${period}/${leaf.id}`;
        let group = groups.get(key);
        if (!group) {
          group = {
            communityCode: answer.communityCode,
            period,
            indicatorId: leaf.id,
            score: 0,
            responses: 0,
            counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
          };
          groups.set(key, group);
        }
        group.responses += 1;
        group.counts[answer.score] += 1;
      }
  }
  return [...groups.values()].map((group) => {
    const leaf = leaves.get(group.indicatorId) as { minScore: number; maxScore: number };
    return { ...group, score: meanOnRange(leaf, feedbackSteps(group.counts), group.responses) };
  });
}

/** A residents' score and the sources it was worked out from (only those actually used). */
export interface ResidentScoreSource extends ScoreCellInput {
  survey?: SurveyScore;
  caseFeedback?: CaseFeedbackScore;
}

/**
 * The residents' scores from surveys and case feedback together, combined as `combination` says (by
 * default the scheme's `residentScoreCombination`, else `pooled`; see R-ASM-3 above). Put them in place of
 * hand-entered scores with `withSurveyScores`.
 */
export function combineResidentScores(
  compiled: CompiledScheme,
  fromSurveys: readonly SurveyScore[],
  fromCaseFeedback: readonly CaseFeedbackScore[],
  combination: ResidentScoreCombination = compiled.scheme.residentScoreCombination ?? 'pooled',
): ResidentScoreSource[] {
  const key = (c: ScoreCellInput) => `${c.communityCode}/${c.period}/${c.indicatorId}`;
  const out = new Map<string, ResidentScoreSource>(
    fromSurveys.map((survey) => [
      key(survey),
      {
        communityCode: survey.communityCode,
        period: survey.period,
        indicatorId: survey.indicatorId,
        score: survey.score,
        survey,
      },
    ]),
  );
  if (combination === 'surveyOnly') return [...out.values()];
  const leaves = new Map(
    [...compiled.routine.leaves, ...compiled.annual.leaves].map((leaf) => [leaf.id, leaf] as const),
  );
  for (const caseFeedback of fromCaseFeedback) {
    const existing = out.get(key(caseFeedback));
    const { communityCode, period, indicatorId } = caseFeedback;
    if (!existing?.survey) {
      out.set(key(caseFeedback), {
        communityCode,
        period,
        indicatorId,
        score: caseFeedback.score,
        caseFeedback,
      });
      continue;
    }
    if (combination === 'surveyFirst') continue;
    const leaf = leaves.get(indicatorId);
    if (!leaf) continue;
    const survey = existing.survey;
    const score = meanOnRange(
      leaf,
      surveySteps(survey.counts) + feedbackSteps(caseFeedback.counts),
      survey.responses + caseFeedback.responses,
    );
    out.set(key(caseFeedback), { communityCode, period, indicatorId, score, survey, caseFeedback });
  }
  return [...out.values()];
}
