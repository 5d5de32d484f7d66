/** Ezhou's assessments: the weights and the residents' share of the scoring (第三十四条, 第三十五条). */
import { check, exactDifference, fmt, later, minimumCheck } from '../../engine/index.js';
import { cite, ezhouParameter } from './document.js';
import { ezhouInterpretations } from './interpretations.js';

const quotes = {
  routineWeight: '社区工作综合考核评比分平时考核和年度考核两部分，平时考核分数占比应不低于 60%',
  residentShare: '平时考核、年度考核中，居民打分应均低于 50%。',
  streetRating:
    '社区考评街道（乡镇）由区组织部门会同民政、综治、人社、卫健等部门制定标准，报市组织、民政、人社、卫健部门备案后组织实施，其中居民打分应均不低于 50%。',
} as const;

export const assessmentParameters = [
  ezhouParameter(
    'minRoutineAssessmentWeight',
    '平时考核分数占比下限',
    '比例',
    0.6,
    '第三十四条',
    quotes.routineWeight,
  ),
  ezhouParameter(
    'streetRatingMinResidentShare',
    '社区考评街道（乡镇）中居民打分占比下限',
    '比例',
    0.5,
    '第三十五条',
    quotes.streetRating,
  ),
  ezhouParameter(
    'residentScoringShareLimit',
    '居民打分占比界限',
    '比例',
    0.5,
    '第三十四条',
    quotes.residentShare,
  ),
];

export const assessmentRules = [
  check({
    id: 'ezhou.routine-assessment-weight',
    title: '平时考核分数占比应不低于60%',
    citation: cite('第三十四条', quotes.routineWeight),
    binding: 'binding',
    optionalFacts: { routine: 'assessment.routineWeight', annual: 'assessment.annualWeight' },
    params: ['minRoutineAssessmentWeight'],
    evaluate: ({ optional, params }) => {
      // The comprehensive assessment has exactly two parts, so either weight gives the other.
      const routine =
        optional.routine ?? (optional.annual === undefined ? undefined : exactDifference(1, optional.annual));
      if (routine === undefined)
        return { unknown: '缺少事实 assessment.routineWeight（或 assessment.annualWeight）' };
      return {
        holds: routine >= params.minRoutineAssessmentWeight,
        expected: later(() => `不低于${fmt.percent(params.minRoutineAssessmentWeight)}`),
        actual: later(() => fmt.percent(routine)),
      };
    },
  }),
  ...(
    [
      ['routine', 'assessment.residentShareRoutine', '平时考核'],
      ['annual', 'assessment.residentShareAnnual', '年度考核'],
    ] as const
  ).map(([part, path, label]) =>
    check({
      id: `ezhou.resident-scoring-share-${part}`,
      // The title states the requirement without choosing a reading; the message says which applied.
      title: `${label}中居民打分占比与50%的界限（原文“均低于50%”）`,
      citation: cite('第三十四条', quotes.residentShare),
      binding: 'binding',
      facts: { share: path },
      params: ['residentScoringShareLimit'],
      interpretations: [ezhouInterpretations.residentScoringShare],
      evaluate: ({ facts, params, alternative }) => {
        const limit = params.residentScoringShareLimit;
        const notBelow = alternative(ezhouInterpretations.residentScoringShare.id);
        const holds = notBelow ? facts.share >= limit : facts.share < limit;
        const requirement = later(
          () => `${label}居民打分占比${notBelow ? '不低于' : '低于'}${fmt.percent(limit)}`,
        );
        const reading = notBelow ? '按“均不低于50%”的解释' : '按原文';
        return {
          holds,
          expected: requirement,
          actual: later(() => fmt.percent(facts.share)),
          message: later(() =>
            holds
              ? `符合：${reading}，${requirement()}（实际${fmt.percent(facts.share)}）。`
              : `不符合：${reading}，${requirement()}，实际${fmt.percent(facts.share)}。`,
          ),
        };
      },
    }),
  ),
  minimumCheck({
    id: 'ezhou.street-rating-resident-share',
    title: '社区考评街道（乡镇）中居民打分应不低于50%',
    citation: cite('第三十五条', quotes.streetRating),
    binding: 'binding',
    fact: 'assessment.streetRatingResidentShare',
    minimum: { param: 'streetRatingMinResidentShare' },
    wording: '不低于',
    format: fmt.percent,
  }),
];
