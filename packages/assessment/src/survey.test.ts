import { describe, expect, it } from 'vitest';
import { communityScoresFromCells } from './cells.js';
import { communityBreakdown, scoreCommunities } from './compute.js';
import { sampleScheme } from './fixtures.test-helpers.js';
import { compileScheme } from './scheme.js';
import {
  formatSurveyCode,
  normaliseSurveyCode,
  surveyCodeProblem,
  surveyIndicators,
  surveyOpeningSchema,
  surveyResponseSchema,
  surveyScores,
  surveyWindowState,
  withSurveyScores,
} from './survey.js';

const compiled = compileScheme(sampleScheme());
const CODE = '420703001001';

describe('resident satisfaction surveys', () => {
  it('asks about the indicators residents score in the period’s part of the scheme', () => {
    expect(surveyIndicators(compiled, '2024-Q2').map((l) => l.id)).toEqual(['satisfaction']);
    expect(surveyIndicators(compiled, 'annual').map((l) => l.id)).toEqual(['annualSatisfaction']);
  });

  it('opens only for a period of the scheme that has resident-scored indicators, and dates in order', () => {
    const schema = surveyOpeningSchema(compiled);
    expect(
      schema.safeParse({ period: '2024-Q2', opensOn: '2024-06-01', closesOn: '2024-06-30' }).success,
    ).toBe(true);
    const bad = schema.safeParse({ period: '2024-Q5', opensOn: '2024-06-30', closesOn: '2024-06-01' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['period', '没有这个考核周期：2024-Q5（应为 2024-Q1 至 2024-Q4，或 annual 表示年度考核）'],
      ['closesOn', '截止日期不能早于开始日期'],
    ]);
    const noResidents = compileScheme(
      sampleScheme({
        annual: {
          weight: 0.4,
          indicators: [{ id: 'review', name: '年度述职', weight: 1, scorer: 'department' }],
        },
      }),
    );
    const refused = surveyOpeningSchema(noResidents).safeParse({
      period: 'annual',
      opensOn: '2024-12-01',
      closesOn: '2024-12-31',
    });
    expect(refused.error?.issues[0]?.message).toBe('该周期没有由居民评分的指标，无需调查');
  });

  it('takes answers from the opening day through the closing day', () => {
    const window = { opensOn: '2024-06-01', closesOn: '2024-06-30' };
    expect(surveyWindowState(window, '2024-05-31')).toBe('notYetOpen');
    expect(surveyWindowState(window, '2024-06-01')).toBe('open');
    expect(surveyWindowState(window, '2024-06-30')).toBe('open');
    expect(surveyWindowState(window, '2024-07-01')).toBe('closed');
  });

  it('reads a code as printed or typed loosely, and names every missing answer', () => {
    expect(formatSurveyCode('ABCDE23456')).toBe('ABCDE-23456');
    expect(normaliseSurveyCode(' abcde-23456 ')).toBe('ABCDE23456');
    const schema = surveyResponseSchema(surveyIndicators(compiled, '2024-Q2'));
    expect(schema.parse({ code: 'abcde 23456', answers: { satisfaction: 'satisfied' } })).toEqual({
      code: 'ABCDE23456',
      answers: { satisfaction: 'satisfied' },
    });
    const bad = schema.safeParse({ code: 'O0I1', answers: { other: 'satisfied' } });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['code', '答卷码应为社区发放的10位字母数字'],
      ['answers.satisfaction', '请为「居民满意度」选择满意程度'],
      ['answers.other', '本次调查没有指标 other'],
    ]);
  });

  it('averages the answers on the indicator’s range, exactly, rounded half up to two decimals', () => {
    const responses = [
      { communityCode: CODE, period: '2024-Q1', answers: { satisfaction: 'verySatisfied' as const } },
      { communityCode: CODE, period: '2024-Q1', answers: { satisfaction: 'satisfied' as const } },
      { communityCode: CODE, period: '2024-Q1', answers: { satisfaction: 'satisfied' as const } },
    ];
    // (4 + 3 + 3) / 12 of 100 = 83.333… → 83.33
    expect(surveyScores(compiled, responses)).toEqual([
      {
        communityCode: CODE,
        period: '2024-Q1',
        indicatorId: 'satisfaction',
        score: 83.33,
        responses: 3,
        counts: { verySatisfied: 1, satisfied: 2, fair: 0, dissatisfied: 0, veryDissatisfied: 0 },
      },
    ]);
    // 0–10 range, one 基本满意 and one 不满意: (2 + 1) / 8 × 10 = 3.75; 1/8 × 10 = 1.25 is exact as well.
    const narrow = compileScheme(
      sampleScheme({
        annual: {
          weight: 0.4,
          indicators: [
            { id: 'review', name: '年度述职', weight: 0.6, scorer: 'department' },
            {
              id: 'annualSatisfaction',
              name: '年度满意度测评',
              weight: 0.4,
              scorer: 'residents',
              maxScore: 10,
            },
          ],
        },
      }),
    );
    const annual = surveyScores(narrow, [
      { communityCode: CODE, period: 'annual', answers: { annualSatisfaction: 'fair' } },
      { communityCode: CODE, period: 'annual', answers: { annualSatisfaction: 'dissatisfied' } },
    ]);
    expect(annual.map((s) => s.score)).toEqual([3.75]);
  });

  it('survey scores replace hand-entered residents’ scores in the community’s total, traceably', () => {
    const entered = [
      ...['2024-Q1'].flatMap((period) => [
        { communityCode: CODE, period, indicatorId: 'party', score: 10 },
        { communityCode: CODE, period, indicatorId: 'service', score: 100 },
        { communityCode: CODE, period, indicatorId: 'satisfaction', score: 100 },
      ]),
      { communityCode: CODE, period: 'annual', indicatorId: 'review', score: 100 },
      { communityCode: CODE, period: 'annual', indicatorId: 'annualSatisfaction', score: 100 },
    ];
    const fromSurvey = surveyScores(compiled, [
      { communityCode: CODE, period: '2024-Q1', answers: { satisfaction: 'fair' } },
    ]);
    const cells = withSurveyScores(entered, fromSurvey);
    expect(cells.filter((c) => c.indicatorId === 'satisfaction')).toEqual([
      { communityCode: CODE, period: '2024-Q1', indicatorId: 'satisfaction', score: 50 },
    ]);
    const { complete } = communityScoresFromCells(compiled, cells);
    // routine: 100 × 0.7 + 50 × 0.3 = 85; annual 100; total 85 × 0.6 + 100 × 0.4 = 91
    expect(scoreCommunities(compiled, complete)[0]?.total).toBe(91);
    const breakdown = communityBreakdown(compiled, complete[0]);
    expect(breakdown.routineRounds[0]?.leaves.find((l) => l.id === 'satisfaction')).toMatchObject({
      raw: 50,
      contribution: 15,
    });
  });
});

describe('one answer per resident (R-ASM-1)', () => {
  it('refuses a spent code as a second answer and an unknown code, on the code field', () => {
    expect(surveyCodeProblem('unspent')).toBeUndefined();
    expect(surveyCodeProblem('spent')).toBe(
      '该答卷码已经提交过答卷：每位居民只能提交一次（依据本系统规则 R-ASM-1）',
    );
    expect(surveyCodeProblem('unknown')).toBe('答卷码不正确：请核对社区发放给您的答卷码');
  });
});
