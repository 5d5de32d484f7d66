import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { communityBreakdown, scoreCommunities } from './compute.js';
import { fullScores, sampleScheme } from './fixtures.test-helpers.js';
import { assessmentSchemeDefinition, compileScheme, routinePeriods } from './scheme.js';

function problems(result: { success: boolean; error?: ZodError }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('assessmentSchemeDefinition', () => {
  it('accepts the sample scheme', () => {
    expect(problems(assessmentSchemeDefinition.safeParse(sampleScheme()))).toEqual({});
  });

  it('sums sibling weights exactly: 0.7 + 0.2 + 0.1 is whole, though not in binary floating point', () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    const scheme = sampleScheme();
    scheme.annual.indicators = [
      { id: 'a', name: '甲', weight: 0.7, scorer: 'department' },
      { id: 'b', name: '乙', weight: 0.2, scorer: 'department' },
      { id: 'c', name: '丙', weight: 0.1, scorer: 'residents' },
    ];
    expect(problems(assessmentSchemeDefinition.safeParse(scheme))).toEqual({});
  });

  it('names the sibling group whose weights do not add up, with the sum it found', () => {
    const scheme = sampleScheme();
    const work = scheme.routine.indicators[0] as { children: { weight: number }[] };
    (work.children[1] as { weight: number }).weight = 0.45;
    expect(problems(assessmentSchemeDefinition.safeParse(scheme))).toEqual({
      'routine.indicators.0.children.1.weight': '同级指标权重之和应恰为100%（现为95%）',
    });
  });

  it('refuses a weight outside 0–1 on its field', () => {
    const scheme = sampleScheme();
    (scheme.annual.indicators[0] as { weight: number }).weight = 1.6;
    expect(problems(assessmentSchemeDefinition.safeParse(scheme))['annual.indicators.0.weight']).toBe(
      '权重应在0到1之间',
    );
  });

  it('refuses routine and annual weights that do not make 100%', () => {
    const scheme = sampleScheme();
    scheme.annual.weight = 0.5;
    expect(problems(assessmentSchemeDefinition.safeParse(scheme))).toEqual({
      'annual.weight': '平时考核与年度考核的占比之和应恰为100%（现为110%）',
    });
  });

  it('requires a scorer on each leaf and unique ids', () => {
    const scheme = sampleScheme();
    scheme.annual.indicators = [
      { id: 'review', name: '年度述职', weight: 0.5 } as never,
      { id: 'review', name: '重复', weight: 0.5, scorer: 'department' },
    ];
    expect(problems(assessmentSchemeDefinition.safeParse(scheme))).toEqual({
      'annual.indicators.0.scorer': '末级指标须指定评分主体',
      'annual.indicators.1.id': '指标编号 review 重复',
    });
  });

  it('lists the periods of a year', () => {
    expect(routinePeriods(2024, 'quarter')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(routinePeriods(2024, 'month')).toHaveLength(12);
    expect(routinePeriods(2024, 'month')[11]).toBe('2024-12');
  });
});

describe('compileScheme', () => {
  it('carries each leaf’s share of its part and each scorer’s share exactly', () => {
    const compiled = compileScheme(sampleScheme());
    expect(compiled.routine.leaves.map((l) => [l.id, l.path.join('/')])).toEqual([
      ['party', 'work/party'],
      ['service', 'work/service'],
      ['satisfaction', 'satisfaction'],
    ]);
    expect(compiled.routine.scorerShares).toEqual({
      department: 350_000,
      street: 350_000,
      residents: 300_000,
    });
    // 0.6 × 30% + 0.4 × 40% = 34%
    expect(compiled.totalScorerShares.residents).toBe(340_000);
  });
});

describe('scoreCommunities', () => {
  const compiled = compileScheme(sampleScheme());

  it('normalises each score on its range, weights it down the tree and combines the parts', () => {
    // routine: party 8/10 → 80 × 0.35 + service 90 × 0.35 + satisfaction 70 × 0.3 = 28 + 31.5 + 21 = 80.5
    // annual: 70 × 0.6 + 90 × 0.4 = 78; total 0.6 × 80.5 + 0.4 × 78 = 79.5
    const [result] = scoreCommunities(compiled, [
      fullScores('420703001001', {
        party: 8,
        service: 90,
        satisfaction: 70,
        review: 70,
        annualSatisfaction: 90,
      }),
    ]);
    expect(result).toMatchObject({ routine: 80.5, annual: 78, total: 79.5, grade: '合格', rank: 1 });
    expect(result?.periodsScored).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
  });

  it('averages only the periods scored so far', () => {
    const scores = fullScores('420703001001', {
      party: 10,
      service: 100,
      satisfaction: 100,
      review: 100,
      annualSatisfaction: 100,
    });
    scores.routine = {
      '2024-Q1': { party: 10, service: 100, satisfaction: 100 },
      '2024-Q2': { party: 0, service: 0, satisfaction: 0 },
    } as never;
    expect(scoreCommunities(compiled, [scores])[0]?.routine).toBe(50);
  });

  it('ranks within street, district and city; equal totals share a rank and the next is skipped', () => {
    const s = (code: string, v: number) =>
      fullScores(code, { party: v / 10, service: v, satisfaction: v, review: v, annualSatisfaction: v });
    const results = scoreCommunities(compiled, [
      s('420703001001', 80),
      s('420703001002', 90),
      s('420703002001', 90),
      s('420704001001', 70),
      s('420703001003', 60),
    ]);
    const byCode = Object.fromEntries(results.map((r) => [r.code, r]));
    expect(results.map((r) => [r.code, r.rank])).toEqual([
      ['420703001002', 1],
      ['420703002001', 1],
      ['420703001001', 3],
      ['420704001001', 4],
      ['420703001003', 5],
    ]);
    expect(byCode['420703001001']).toMatchObject({ streetRank: 2, districtRank: 3, cityRank: 3 });
    expect(byCode['420703001003']).toMatchObject({ streetRank: 3, districtRank: 4, cityRank: 5 });
    expect(byCode['420704001001']).toMatchObject({ streetRank: 1, districtRank: 1, cityRank: 4 });
    expect(byCode['420703002001']).toMatchObject({ streetRank: 1, districtRank: 1, cityRank: 1 });
  });

  it('refuses a period that does not exist, a score outside its range, a missing score and an empty list', () => {
    const bad = fullScores('420703001001', {
      party: 11,
      service: 90,
      satisfaction: 70,
      review: 70,
      annualSatisfaction: 90,
    });
    (bad.routine as Record<string, unknown>)['2024-Q5'] = { party: 1, service: 1, satisfaction: 1 };
    delete (bad.annual as Record<string, unknown>).review;
    const result = (() => {
      try {
        scoreCommunities(compiled, [bad]);
      } catch (error) {
        return problems({ success: false, error: error as ZodError });
      }
      return {};
    })();
    expect(result).toMatchObject({
      '0.routine.2024-Q1.party': '「党建引领」的分数应在0到10之间（现为11）',
      '0.routine.2024-Q5': '没有这个考核周期（2024年的周期为 2024-Q1 至 2024-Q4）',
      '0.annual.review': '缺少「年度述职」的分数',
    });
    expect(() => scoreCommunities(compiled, [])).toThrow('至少需要一个社区的分数');
    expect(() => scoreCommunities(compiled, [{ ...bad, routine: {} }])).toThrow('至少需要一次平时考核');
  });
});

describe('communityBreakdown', () => {
  it('traces the total to every raw score, its normalised value, weight and points', () => {
    const compiled = compileScheme(sampleScheme());
    const breakdown = communityBreakdown(
      compiled,
      fullScores('420703001001', {
        party: 8,
        service: 90,
        satisfaction: 70,
        review: 70,
        annualSatisfaction: 90,
      }),
    );
    expect(breakdown.routineRounds).toHaveLength(4);
    expect(breakdown.routineRounds[0]?.leaves[0]).toMatchObject({
      id: 'party',
      raw: 8,
      normalised: 80,
      contribution: 28,
      path: ['work', 'party'],
      scorer: 'department',
    });
    expect(breakdown.annual.score).toBe(78);
    expect(breakdown.formula).toBe('80.5 × 0.6 + 78 × 0.4 = 79.5');
  });
});
