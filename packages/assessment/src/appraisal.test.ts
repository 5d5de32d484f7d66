import { describe, expect, it } from 'vitest';
import { appraisalOutcome } from './appraisal.js';

describe('appraisalOutcome (江苏 19（7）: 连续两次不称职，职务终止)', () => {
  it('one incompetent appraisal does not end the office', () => {
    expect(appraisalOutcome([{ year: 2023, grade: 'incompetent' }]).terminated).toBe(false);
  });

  it('two incompetent appraisals in a row end it, whatever order they were recorded in', () => {
    const outcome = appraisalOutcome([
      { year: 2024, grade: 'incompetent' },
      { year: 2022, grade: 'competent' },
      { year: 2023, grade: 'incompetent' },
    ]);
    expect(outcome).toMatchObject({ terminated: true, becauseOf: [2023, 2024] });
  });

  it('an appraisal in between that is not 不称职 breaks the run', () => {
    const outcome = appraisalOutcome([
      { year: 2022, grade: 'incompetent' },
      { year: 2023, grade: 'basicallyCompetent' },
      { year: 2024, grade: 'incompetent' },
    ]);
    expect(outcome.terminated).toBe(false);
  });

  it('a year with no appraisal held does not break the run; the calendar-year reading says it does', () => {
    const history = [
      { year: 2022, grade: 'incompetent' as const },
      { year: 2024, grade: 'incompetent' as const },
    ];
    expect(appraisalOutcome(history).terminated).toBe(true);
    expect(appraisalOutcome(history, { consecutive: 'calendarYears' }).terminated).toBe(false);
  });
});
