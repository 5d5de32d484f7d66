import { describe, expect, it } from 'vitest';
import { assessmentScheme, comprehensiveScore, roundScore, streetRating } from './scores.js';

const ezhouLike = {
  routineWeight: 0.6,
  annualWeight: 0.4,
  residentShareRoutine: 0.4,
  residentShareAnnual: 0.4,
};

describe('comprehensiveScore', () => {
  it('blends residents into each round, averages routine rounds, then weights routine against annual', () => {
    const score = comprehensiveScore(
      {
        routine: [
          { departmentScore: 90, residentScore: 80 }, // 0.4*80 + 0.6*90 = 86
          { departmentScore: 70, residentScore: 100 }, // 0.4*100 + 0.6*70 = 82
        ],
        annual: { departmentScore: 80, residentScore: 60 }, // 0.4*60 + 0.6*80 = 72
      },
      ezhouLike,
    );
    expect(score.routine).toBe(84);
    expect(score.annual).toBe(72);
    expect(score.total).toBe(79.2); // 0.6*84 + 0.4*72
    expect(score.residentInfluence).toBe(0.4);
  });

  it('a residents-only scheme follows the residents exactly', () => {
    const score = comprehensiveScore(
      {
        routine: [{ departmentScore: 0, residentScore: 55 }],
        annual: { departmentScore: 0, residentScore: 75 },
      },
      { routineWeight: 0.5, annualWeight: 0.5, residentShareRoutine: 1, residentShareAnnual: 1 },
    );
    expect(score.total).toBe(65);
  });
});

describe('assessmentScheme', () => {
  it('refuses weights that do not add up to the whole score, naming the field', () => {
    const result = assessmentScheme.safeParse({ ...ezhouLike, annualWeight: 0.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['annualWeight']);
  });

  it('refuses a share above 100%', () => {
    expect(assessmentScheme.safeParse({ ...ezhouLike, residentShareAnnual: 1.2 }).success).toBe(false);
  });
});

describe('streetRating', () => {
  it('weights residents by the given share', () => {
    const rating = streetRating({
      communityScores: [80, 90],
      residentScores: [60, 70, 80],
      residentShare: 0.5,
    });
    expect(rating).toEqual({ community: 85, resident: 70, total: 77.5 });
  });
});

describe('roundScore', () => {
  it('rounds half up to two decimals despite binary floating point', () => {
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(79.994)).toBe(79.99);
  });
});
