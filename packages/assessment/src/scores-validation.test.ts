import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { assessmentScheme, comprehensiveScore, gradeOf, streetRating } from './scores.js';

const scheme = { routineWeight: 0.6, annualWeight: 0.4, residentShareRoutine: 0.4, residentShareAnnual: 0.4 };
const round = { departmentScore: 80, residentScore: 80 };

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ZodError)
      return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw error;
  }
  throw new Error('expected a ZodError');
}

describe('comprehensiveScore refuses what it cannot score', () => {
  it('an empty routine list is refused by name instead of giving NaN', () => {
    expect(issuesOf(() => comprehensiveScore({ routine: [], annual: round }, scheme))).toEqual([
      { path: 'routine', message: '至少需要一次平时考核' },
    ]);
  });

  it('weights 2 and 0 are refused instead of scoring 180', () => {
    const issues = issuesOf(() =>
      comprehensiveScore(
        { routine: [round], annual: round },
        { ...scheme, routineWeight: 2, annualWeight: 0 },
      ),
    );
    expect(issues).toContainEqual({ path: 'routineWeight', message: '权重应在0到1之间' });
  });

  it('a score of 150 is refused on its field', () => {
    const issues = issuesOf(() =>
      comprehensiveScore({ routine: [{ departmentScore: 150, residentScore: 80 }], annual: round }, scheme),
    );
    expect(issues).toEqual([{ path: 'routine.0.departmentScore', message: '分数应在0到100之间' }]);
  });

  it('weights are summed exactly, with no tolerance either way', () => {
    expect(assessmentScheme.safeParse({ ...scheme, routineWeight: 0.7, annualWeight: 0.3 }).success).toBe(
      true,
    );
    expect(
      assessmentScheme.safeParse({ ...scheme, routineWeight: 0.6, annualWeight: 0.400001 }).success,
    ).toBe(false);
    const tooFine = assessmentScheme.safeParse({ ...scheme, routineWeight: 0.6000000001, annualWeight: 0.4 });
    expect(tooFine.error?.issues[0]?.message).toBe('权重最多保留六位小数');
  });
});

describe('streetRating validates its input', () => {
  it('refuses a residents share above 1', () => {
    expect(() => streetRating({ communityScores: [80], residentScores: [90], residentShare: 1.5 })).toThrow(
      '权重应在0到1之间',
    );
  });
});

describe('gradeOf', () => {
  const bands = [
    { name: '优秀', min: 90 },
    { name: '合格', min: 60 },
    { name: '不合格', min: 0 },
  ];
  it('takes the band with the highest minimum not above the total', () => {
    expect(gradeOf(90, bands)).toBe('优秀');
    expect(gradeOf(89.99, bands)).toBe('合格');
    expect(gradeOf(0, bands)).toBe('不合格');
  });
});
