import { describe, expect, it } from 'vitest';
import { caseFeedbackScores, combineResidentScores, periodsOfDay } from './case-feedback.js';
import { sampleScheme } from './fixtures.test-helpers.js';
import { assessmentSchemeDefinition, compileScheme } from './scheme.js';
import { surveyScores } from './survey.js';

const compiled = compileScheme(sampleScheme());
const CODE = '420703001001';
const OTHER = '420703001002';

const closed = (closedOn: string, score: number, communityCode = CODE) => ({
  communityCode,
  closedOn,
  score,
});

describe('case feedback as a source of the residents’ score (R-ASM-3)', () => {
  it('counts a case in the routine period and the year it was closed in, nothing outside the scheme’s year', () => {
    expect(periodsOfDay(compiled, '2024-05-31')).toEqual(['2024-Q2', 'annual']);
    expect(periodsOfDay(compiled, '2024-12-31')).toEqual(['2024-Q4', 'annual']);
    expect(periodsOfDay(compiled, '2025-01-01')).toEqual([]);
    const monthly = compileScheme(
      sampleScheme({ routine: { ...sampleScheme().routine, periodicity: 'month' } }),
    );
    expect(periodsOfDay(monthly, '2024-05-31')).toEqual(['2024-05', 'annual']);
  });

  it('places the five scores evenly on the indicator’s range and averages exactly, per community and period', () => {
    const scores = caseFeedbackScores(compiled, [
      closed('2024-04-02', 5),
      closed('2024-05-20', 4),
      closed('2024-06-30', 4),
      closed('2024-07-01', 1),
      closed('2024-04-10', 3, OTHER),
      closed('2023-12-31', 5), // closed the year before: not this scheme's
      closed('2024-04-11', 0), // not a score a resident can give
    ]);
    expect(scores.filter((s) => s.communityCode === CODE && s.period === '2024-Q2')).toEqual([
      {
        communityCode: CODE,
        period: '2024-Q2',
        indicatorId: 'satisfaction',
        // (4 + 3 + 3) / 12 of 100 = 83.333… → 83.33
        score: 83.33,
        responses: 3,
        counts: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 },
      },
    ]);
    expect(scores.find((s) => s.communityCode === CODE && s.period === '2024-Q3')?.score).toBe(0);
    // The year: (4 + 3 + 3 + 0) / 16 = 62.5
    expect(scores.find((s) => s.communityCode === CODE && s.period === 'annual')).toMatchObject({
      indicatorId: 'annualSatisfaction',
      score: 62.5,
      responses: 4,
    });
    expect(scores.find((s) => s.communityCode === OTHER && s.period === '2024-Q2')?.score).toBe(50);
    expect(scores.some((s) => s.period === '2024-Q1' || s.period === '2024-Q4')).toBe(false);
  });

  it('pooled (the default): every survey answer and every feedback counts once', () => {
    const fromSurveys = surveyScores(compiled, [
      { communityCode: CODE, period: '2024-Q2', answers: { satisfaction: 'verySatisfied' } },
      { communityCode: CODE, period: '2024-Q2', answers: { satisfaction: 'fair' } },
    ]);
    const fromFeedback = caseFeedbackScores(compiled, [
      closed('2024-04-02', 1),
      closed('2024-06-02', 2, OTHER),
    ]);
    const combined = combineResidentScores(compiled, fromSurveys, fromFeedback);
    // Survey 4 + 2 steps, feedback 0 steps: 6 / 12 of 100 = 50 (the survey alone gives 75).
    expect(combined.find((s) => s.communityCode === CODE && s.period === '2024-Q2')).toEqual({
      communityCode: CODE,
      period: '2024-Q2',
      indicatorId: 'satisfaction',
      score: 50,
      survey: fromSurveys[0],
      caseFeedback: fromFeedback.find((s) => s.communityCode === CODE && s.period === '2024-Q2'),
    });
    // Where there is no survey the feedback alone is the score: one 不满意 = 25.
    const other = combined.find((s) => s.communityCode === OTHER && s.period === '2024-Q2');
    expect(other?.score).toBe(25);
    expect(other).not.toHaveProperty('survey');
    // The year had no survey: the feedback of the year is its score.
    expect(combined.find((s) => s.communityCode === CODE && s.period === 'annual')?.score).toBe(0);
  });

  it('surveyFirst: a survey answered for the period is the score; feedback only fills where none was', () => {
    const scheme = compileScheme(sampleScheme({ residentScoreCombination: 'surveyFirst' }));
    const fromSurveys = surveyScores(scheme, [
      { communityCode: CODE, period: '2024-Q2', answers: { satisfaction: 'verySatisfied' } },
      { communityCode: CODE, period: '2024-Q2', answers: { satisfaction: 'fair' } },
    ]);
    const fromFeedback = caseFeedbackScores(scheme, [
      closed('2024-04-02', 1),
      closed('2024-06-02', 2, OTHER),
    ]);
    const combined = combineResidentScores(scheme, fromSurveys, fromFeedback);
    const q2 = combined.find((s) => s.communityCode === CODE && s.period === '2024-Q2');
    expect(q2?.score).toBe(75);
    expect(q2?.caseFeedback).toBeUndefined();
    expect(combined.find((s) => s.communityCode === OTHER && s.period === '2024-Q2')?.score).toBe(25);
    // The same answers pooled, chosen by the caller, give 50.
    expect(
      combineResidentScores(scheme, fromSurveys, fromFeedback, 'pooled').find(
        (s) => s.communityCode === CODE && s.period === '2024-Q2',
      )?.score,
    ).toBe(50);
  });

  it('surveyOnly leaves case feedback out; an unknown choice is refused naming the field', () => {
    const fromFeedback = caseFeedbackScores(compiled, [closed('2024-04-02', 5)]);
    expect(combineResidentScores(compiled, [], fromFeedback, 'surveyOnly')).toEqual([]);
    const bad = assessmentSchemeDefinition.safeParse(
      sampleScheme({ residentScoreCombination: 'feedbackFirst' }),
    );
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['residentScoreCombination']);
    expect(bad.error?.issues[0]?.message).toContain('surveyFirst（有调查时以调查为准）');
  });
});
