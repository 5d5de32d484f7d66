import { describe, expect, it } from 'vitest';
import { checkScoreCells, communityScoresFromCells, parseScoreTable } from './cells.js';
import { sampleScheme } from './fixtures.test-helpers.js';
import { compileScheme } from './scheme.js';

const compiled = compileScheme(sampleScheme());
const everyone = { scorers: ['department', 'street', 'residents'] as const, communityAllowed: () => true };

describe('checkScoreCells', () => {
  it('names the cell of each problem: period, indicator, range, scorer, community, a cell twice', () => {
    const problems = checkScoreCells(
      compiled,
      [
        { communityCode: '420703001001', period: '2024-Q1', indicatorId: 'party', score: 10 },
        { communityCode: '420703001001', period: '2024-13', indicatorId: 'party', score: 1 },
        { communityCode: '420703001001', period: 'annual', indicatorId: 'party', score: 1 },
        { communityCode: '420703001001', period: '2024-Q1', indicatorId: 'service', score: 101 },
        { communityCode: '4207', period: '2024-Q1', indicatorId: 'satisfaction', score: 1 },
        { communityCode: '420703001001', period: '2024-Q1', indicatorId: 'party', score: 9 },
      ],
      { ...everyone, scorers: ['department', 'residents'] },
    );
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'period'],
      [2, 'indicatorId'],
      [3, 'indicatorId'],
      [3, 'score'],
      [4, 'communityCode'],
      [5, 'score'],
    ]);
  });
});

describe('parseScoreTable', () => {
  it('reads the four Chinese columns in any order, skipping blank rows', () => {
    const result = parseScoreTable([
      ['分数', '社区代码', '考核周期', '指标编号'],
      [8, '420703001001', '2024-Q1', 'party'],
      [null, null, null, null],
      ['7.5', '420703001001', '2024-Q1', 'service'],
    ]);
    expect(result).toEqual({
      ok: true,
      cells: [
        { communityCode: '420703001001', period: '2024-Q1', indicatorId: 'party', score: 8 },
        { communityCode: '420703001001', period: '2024-Q1', indicatorId: 'service', score: 7.5 },
      ],
      rows: [2, 4],
    });
  });

  it('names a missing column and a score that is not a number', () => {
    expect(parseScoreTable([['社区代码', '考核周期', '分数']])).toEqual({
      ok: false,
      problems: [{ row: 1, column: '指标编号', message: '缺少列「指标编号」' }],
    });
    expect(
      parseScoreTable([
        ['社区代码', '考核周期', '指标编号', '分数'],
        ['420703001001', '2024-Q1', 'party', ''],
      ]),
    ).toEqual({
      ok: false,
      problems: [{ row: 2, column: '分数', message: '应为数字' }],
    });
  });
});

describe('communityScoresFromCells', () => {
  it('scores a community once its annual part and one routine period are complete', () => {
    const cell = (communityCode: string, period: string, indicatorId: string, score = 50) => ({
      communityCode,
      period,
      indicatorId,
      score,
    });
    const { complete, incomplete } = communityScoresFromCells(compiled, [
      cell('420703001001', '2024-Q1', 'party', 5),
      cell('420703001001', '2024-Q1', 'service'),
      cell('420703001001', '2024-Q1', 'satisfaction'),
      cell('420703001001', '2024-Q2', 'party', 5),
      cell('420703001001', 'annual', 'review'),
      cell('420703001001', 'annual', 'annualSatisfaction'),
      cell('420703001002', 'annual', 'review'),
    ]);
    expect(complete.map((c) => [c.code, Object.keys(c.routine)])).toEqual([['420703001001', ['2024-Q1']]]);
    expect(incomplete).toEqual([{ code: '420703001002', missingCells: 4 }]);
  });
});
