/**
 * Resident satisfaction surveys (居民满意度调查): residents of a community answer, without an account,
 * for the indicators of a scheme that residents score in one period, and their answers become that
 * community's residents' scores for the period.
 *
 * 社区建设和治理条例 第四十一条: 「考核评价社区工作应当动员、组织社区居民参与，听取社区居民意见」.
 *
 * Interpretation (本系统规则 R-ASM-1, docs/project-rules.md): "one response per resident per period" is
 * enforced with one-time answer codes (答卷码). The community hands one code to each resident it asks;
 * a code answers one survey once and is then spent. Answers are not linked to the code that submitted
 * them, so a community cannot tell who answered what. How many codes a community issues — one per
 * resident or one per household — is the community's choice; every code counts as one resident.
 *
 * Each answer is one of five satisfaction levels, spread evenly over the indicator's range (非常满意 at
 * its maximum, 非常不满意 at its minimum); a community's residents' score for an indicator is the mean of
 * its answers, worked out in whole numbers and rounded half up to two decimals.
 */
import { z } from 'zod';
import { ANNUAL_PERIOD, type ScoreCellInput } from './cells.js';
import type { SatisfactionLevel } from './labels.js';

import { satisfactionLevels } from './labels.js';
import type { CompiledLeaf, CompiledScheme } from './scheme.js';

export type { SatisfactionLevel } from './labels.js';
export { satisfactionLevelLabels, satisfactionLevels } from './labels.js';

/** Steps above the bottom of the range, out of `TOP_STEP`. */
const stepOfLevel: Record<SatisfactionLevel, number> = {
  verySatisfied: 4,
  satisfied: 3,
  fair: 2,
  dissatisfied: 1,
  veryDissatisfied: 0,
};
const TOP_STEP = 4;

export const surveyCitation = {
  document: '社区建设和治理条例',
  article: '第四十一条',
  inForceFrom: '2013-12-01',
  quote: '考核评价社区工作应当动员、组织社区居民参与，听取社区居民意见',
} as const;

/** The project's rule on one response per resident (docs/project-rules.md). */
export const surveyCodeRule = {
  id: 'R-ASM-1',
  title: '居民满意度调查一人一码',
  text: '每份答卷须使用社区发放的一次性答卷码；一个答卷码只能提交一次答卷，答卷不与答卷码关联。',
} as const;

/**
 * Why an answer with a code in this state is refused (zh-CN, on the code field), or undefined when it
 * is taken: a spent code means the resident has answered already (R-ASM-1), an unknown one was never
 * issued to this community's survey.
 */
export function surveyCodeProblem(state: 'unspent' | 'spent' | 'unknown'): string | undefined {
  if (state === 'spent')
    return `该答卷码已经提交过答卷：每位居民只能提交一次（依据本系统规则 ${surveyCodeRule.id}）`;
  if (state === 'unknown') return '答卷码不正确：请核对社区发放给您的答卷码';
  return undefined;
}

/** Code letters without 0/O, 1/I/L, so a code read aloud or copied from paper is not mistaken. */
export const SURVEY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SURVEY_CODE_LENGTH = 10;

/** A typed code as stored: capitals, without the spaces and dashes a printed code is grouped with. */
export function normaliseSurveyCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** A code as printed: two groups of five (`ABCDE-FGHJK`). */
export function formatSurveyCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

const surveyCodeSchema = z
  .string({ error: '请填写答卷码' })
  .transform(normaliseSurveyCode)
  .refine(
    (code) => code.length === SURVEY_CODE_LENGTH && [...code].every((c) => SURVEY_CODE_ALPHABET.includes(c)),
    {
      error: `答卷码应为社区发放的${SURVEY_CODE_LENGTH}位字母数字`,
    },
  );

/** The indicators a survey asks about: the leaves residents score in the period's part of the scheme. */
export function surveyIndicators(compiled: CompiledScheme, period: string): CompiledLeaf[] {
  const part = period === ANNUAL_PERIOD ? compiled.annual : compiled.routine;
  return part.leaves.filter((leaf) => leaf.scorer === 'residents');
}

const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** Opening a survey: a period of the scheme with resident-scored indicators, and the dates it takes answers. */
export function surveyOpeningSchema(compiled: CompiledScheme) {
  const periods = [...compiled.periods, ANNUAL_PERIOD];
  return z
    .strictObject({ period: z.string({ error: '请选择考核周期' }), opensOn: isoDate, closesOn: isoDate })
    .superRefine((survey, ctx) => {
      if (!periods.includes(survey.period))
        ctx.addIssue({
          code: 'custom',
          path: ['period'],
          message: `没有这个考核周期：${survey.period}（应为 ${compiled.periods[0]} 至 ${compiled.periods.at(-1)}，或 annual 表示年度考核）`,
        });
      else if (surveyIndicators(compiled, survey.period).length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['period'],
          message: `该周期没有由居民评分的指标，无需调查`,
        });
      if (survey.closesOn < survey.opensOn)
        ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '截止日期不能早于开始日期' });
    });
}

export type SurveyWindowState = 'notYetOpen' | 'open' | 'closed';

/** Whether a survey takes answers on `today` (ISO date, China time): from `opensOn` through `closesOn`. */
export function surveyWindowState(
  survey: { opensOn: string; closesOn: string },
  today: string,
): SurveyWindowState {
  if (today < survey.opensOn) return 'notYetOpen';
  return today > survey.closesOn ? 'closed' : 'open';
}

export const surveyWindowMessages: Record<Exclude<SurveyWindowState, 'open'>, string> = {
  notYetOpen: '本次调查尚未开始',
  closed: '本次调查已经结束',
};

/** One resident's answers: a level for every indicator the survey asks about, and the answer code. */
export function surveyResponseSchema(indicators: readonly Pick<CompiledLeaf, 'id' | 'name'>[]) {
  return z.strictObject({
    code: surveyCodeSchema,
    answers: z.record(z.string(), z.unknown()).transform((answers, ctx) => {
      const out: Record<string, SatisfactionLevel> = {};
      for (const leaf of indicators) {
        const level = answers[leaf.id];
        if (typeof level === 'string' && (satisfactionLevels as readonly string[]).includes(level))
          out[leaf.id] = level as SatisfactionLevel;
        else ctx.addIssue({ code: 'custom', path: [leaf.id], message: `请为「${leaf.name}」选择满意程度` });
      }
      for (const id of Object.keys(answers))
        if (!indicators.some((leaf) => leaf.id === id))
          ctx.addIssue({ code: 'custom', path: [id], message: `本次调查没有指标 ${id}` });
      return out;
    }),
  });
}
export type SurveyResponse = z.output<ReturnType<typeof surveyResponseSchema>>;

/** An answer as stored; a level this package does not know is not counted. */
export interface StoredSurveyResponse {
  communityCode: string;
  period: string;
  answers: Readonly<Record<string, string>>;
}

const isLevel = (value: string | undefined): value is SatisfactionLevel =>
  value !== undefined && (satisfactionLevels as readonly string[]).includes(value);

/** How one community's residents' score for one indicator in one period came from its survey answers. */
export interface SurveyScore extends ScoreCellInput {
  responses: number;
  counts: Record<SatisfactionLevel, number>;
}

/** `value` with at most two decimals, in whole hundredths. */
const hundredths = (value: number) => Math.round(value * 100);

/**
 * The residents' scores that survey answers give: per community, period and asked indicator, the mean
 * of the answers placed on the indicator's range. A community without answers gets no score.
 */
export function surveyScores(
  compiled: CompiledScheme,
  responses: readonly StoredSurveyResponse[],
): SurveyScore[] {
  const groups = new Map<string, SurveyScore>();
  for (const response of responses)
    for (const leaf of surveyIndicators(compiled, response.period)) {
      const level = response.answers[leaf.id];
      if (!isLevel(level)) continue;
      const key = `${response.communityCode}/${response.period}/${leaf.id}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          communityCode: response.communityCode,
          period: response.period,
          indicatorId: leaf.id,
          score: 0,
          responses: 0,
          counts: { verySatisfied: 0, satisfied: 0, fair: 0, dissatisfied: 0, veryDissatisfied: 0 },
        };
        groups.set(key, group);
      }
      group.responses += 1;
      group.counts[level] += 1;
    }
  const leaves = new Map(
    [...compiled.routine.leaves, ...compiled.annual.leaves].map((leaf) => [leaf.id, leaf] as const),
  );
  return [...groups.values()].map((group) => {
    const leaf = leaves.get(group.indicatorId) as CompiledLeaf;
    return { ...group, score: meanOnRange(leaf, surveySteps(group.counts), group.responses) };
  });
}

/** The steps above 非常不满意 that a survey's answers add up to (each answer 0 to 4). */
export function surveySteps(counts: Readonly<Record<SatisfactionLevel, number>>): number {
  return satisfactionLevels.reduce((s, level) => s + counts[level] * stepOfLevel[level], 0);
}

/**
 * The mean of `answers` five-level answers whose steps (0 for the lowest level to 4 for the highest)
 * add up to `steps`, placed on the indicator's range: min + (max − min) × steps / (4 × answers), worked
 * out in whole hundredths and rounded half up to two decimals. Surveys and case feedback share it.
 */
export function meanOnRange(
  leaf: Pick<CompiledLeaf, 'minScore' | 'maxScore'>,
  steps: number,
  answers: number,
): number {
  const min = hundredths(leaf.minScore);
  const span = hundredths(leaf.maxScore) - min;
  const numerator = span * steps;
  const denominator = TOP_STEP * answers;
  const rounded = min + Math.floor((2 * numerator + denominator) / (2 * denominator));
  return rounded / 100;
}

/**
 * Entered scores with the survey's in place: where a community's survey (or, through
 * `combineResidentScores`, its case feedback) gave a residents' score for an indicator and period, it
 * replaces a score entered by hand (the residents' own answers are the better record of their
 * satisfaction than a figure typed on their behalf).
 */
export function withSurveyScores(
  entered: readonly ScoreCellInput[],
  fromSurveys: readonly ScoreCellInput[],
): ScoreCellInput[] {
  const key = (c: ScoreCellInput) => `${c.communityCode}/${c.period}/${c.indicatorId}`;
  const replaced = new Set(fromSurveys.map(key));
  return [
    ...entered.filter((c) => !replaced.has(key(c))),
    ...fromSurveys.map(({ communityCode, period, indicatorId, score }) => ({
      communityCode,
      period,
      indicatorId,
      score,
    })),
  ];
}
