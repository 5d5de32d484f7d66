import { describe, expect, it } from 'vitest';
import { bonusMonthsOf, honoursOfGrade, withHonours } from './honours.js';
import { gradeBands } from './scores.js';

const bands = gradeBands.parse([
  { name: '优秀', min: 90, honours: ['assessment-qualified', 'district-assessment-advanced'] },
  { name: '合格', min: 60, honours: ['assessment-qualified'] },
  { name: '不合格', min: 0 },
]);

describe('results feeding honours and Ezhou 第二十一条 bonus months', () => {
  it('a grade confers its band’s honours', () => {
    expect(honoursOfGrade('合格', bands)).toEqual(['assessment-qualified']);
    expect(honoursOfGrade('不合格', bands)).toEqual([]);
  });

  it('an Ezhou community earns 1 month for 合格 and 2.5 for 合格 and 先进 together; elsewhere no pack rules on it', () => {
    expect(bonusMonthsOf('420703001001', ['assessment-qualified'], '2026-12-31')).toBe(1);
    expect(
      bonusMonthsOf('420703001001', ['assessment-qualified', 'district-assessment-advanced'], '2026-12-31'),
    ).toBe(2.5);
    expect(bonusMonthsOf('420703001001', [], '2026-12-31')).toBe(0);
    expect(bonusMonthsOf('110101001001', ['assessment-qualified'], '2026-12-31')).toBeUndefined();
  });

  it('adds honours and bonus months to each result', () => {
    const results = withHonours(
      [
        { code: '420703001001', grade: '优秀' },
        { code: '420703001002', grade: '不合格' },
      ],
      { year: 2026, grades: bands },
    );
    expect(results.map((r) => [r.code, r.honours.length, r.bonusMonths])).toEqual([
      ['420703001001', 2, 2.5],
      ['420703001002', 0, 0],
    ]);
  });

  it('refuses an honour that is not an assessment honour', () => {
    const result = gradeBands.safeParse([{ name: '优秀', min: 0, honours: ['city-civilized-unit'] }]);
    expect(result.error?.issues[0]?.path).toEqual([0, 'honours', 0]);
  });
});
