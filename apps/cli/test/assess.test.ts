/**
 * `shequ assess` as a user runs it (docs/interfaces.md §6): communities scored and ranked, the
 * scheme checked against the jurisdiction's rules, exit 1 when a binding rule fails, exit 2 with one
 * line per problem on bad input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

interface Output {
  year: number;
  scheme: {
    findings: {
      rule: string;
      jurisdiction: string;
      citation: { document: string; article: string };
      status: string;
      documentDate: string;
    }[];
  };
  results: {
    code: string;
    routine: number;
    annual: number;
    total: number;
    grade: string | null;
    rank: number;
    streetRank: number;
  }[];
}

const dir = mkdtempSync(join(tmpdir(), 'shequ-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const scheme = {
  routineWeight: 0.6,
  annualWeight: 0.4,
  residentShareRoutine: 0.4,
  residentShareAnnual: 0.4,
  grades: [
    { name: '优秀', min: 90 },
    { name: '合格', min: 60 },
    { name: '不合格', min: 0 },
  ],
};
const round = (departmentScore: number, residentScore: number) => ({ departmentScore, residentScore });
const community = (code: string, score: number) => ({
  code,
  routine: [round(score, score)],
  annual: round(score, score),
});

describe('shequ assess', () => {
  it('scores the documented example: routine 86, annual 72, total 80.4, 合格', () => {
    const input = {
      year: 2024,
      scheme,
      communities: [
        {
          code: '420703101006',
          routine: [round(90, 80)],
          annual: round(80, 60),
        },
      ],
    };
    const result = shequ(['assess', file('example.json', input)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.year).toBe(2024);
    expect(output.results).toEqual([
      { code: '420703101006', routine: 86, annual: 72, total: 80.4, grade: '合格', rank: 1, streetRank: 1 },
    ]);
    expect(output.scheme.findings.map((f) => [f.rule, f.status])).toEqual([
      ['ezhou.routine-assessment-weight', 'pass'],
      ['ezhou.resident-scoring-share-routine', 'pass'],
      ['ezhou.resident-scoring-share-annual', 'pass'],
    ]);
    expect(output.scheme.findings[0]).toMatchObject({
      jurisdiction: '420700',
      citation: { document: '鄂州市城市社区工作规则（试行）', article: '第三十四条' },
      documentDate: '2019-12-02',
    });
  });

  it('ranks from standard input: equal totals share a rank (1, 2, 2, 4), street ranks by the first 9 digits', () => {
    const input = {
      year: 2024,
      scheme,
      communities: [
        community('420703101002', 80),
        community('420703102001', 95),
        community('420703101001', 80),
        community('420703101003', 70),
      ],
    };
    const result = shequ(['assess', '-'], { input: JSON.stringify(input) });
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.results.map((r) => [r.code, r.rank, r.streetRank, r.grade])).toEqual([
      ['420703102001', 1, 1, '优秀'],
      ['420703101001', 2, 1, '合格'],
      ['420703101002', 2, 1, '合格'],
      ['420703101003', 4, 3, '合格'],
    ]);
  });

  it('exits 1 when a binding rule on the scheme fails, still printing the output', () => {
    const input = {
      year: 2024,
      scheme: { ...scheme, routineWeight: 0.5, annualWeight: 0.5 },
      communities: [community('420703101001', 80)],
    };
    const result = shequ(['assess', file('half.json', input)]);
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as Output;
    expect(output.scheme.findings.find((f) => f.rule === 'ezhou.routine-assessment-weight')?.status).toBe(
      'fail',
    );
    expect(output.results).toHaveLength(1);
  });

  it('uses --jurisdiction instead of the communities’ codes', () => {
    const input = { year: 2024, scheme, communities: [community('371002001001', 80)] };
    const weihai = JSON.parse(shequ(['assess', file('weihai.json', input)]).stdout) as Output;
    expect(weihai.scheme.findings).toEqual([]);
    const asEzhou = shequ(['assess', '--jurisdiction', '420700', file('weihai.json', input)]);
    expect(asEzhou.status).toBe(0);
    expect((JSON.parse(asEzhou.stdout) as Output).scheme.findings).toHaveLength(3);
  });

  it('exits 2 on input errors, one line per problem naming the field path, nothing on stdout', () => {
    const input = {
      year: 2024,
      scheme: { ...scheme, routineWeight: 2, annualWeight: 0 },
      communities: [
        community('420703101001', 80),
        { ...community('420703101002', 80), routine: [] },
        community('420703101003', 150),
      ],
    };
    const result = shequ(['assess', file('bad.json', input)]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'scheme.routineWeight: 权重应在0到1之间',
      'scheme.annualWeight: 平时考核与年度考核的占比之和应恰为100%',
      'communities.1.routine: 至少需要一次平时考核',
      'communities.2.routine.0.departmentScore: 分数应在0到100之间',
      'communities.2.routine.0.residentScore: 分数应在0到100之间',
      'communities.2.annual.departmentScore: 分数应在0到100之间',
      'communities.2.annual.residentScore: 分数应在0到100之间',
    ]);
  });

  it('exits 2 when the weights do not add up exactly, when the communities come under different packs, and without a file', () => {
    const sum = shequ(['assess', '-'], {
      input: JSON.stringify({
        year: 2024,
        scheme: { ...scheme, annualWeight: 0.400001 },
        communities: [community('420703101001', 80)],
      }),
    });
    expect(sum.status).toBe(2);
    expect(sum.stderr.trim()).toBe('scheme.annualWeight: 平时考核与年度考核的占比之和应恰为100%');

    const mixed = shequ(['assess', '-'], {
      input: JSON.stringify({
        year: 2024,
        scheme,
        communities: [community('420703101001', 80), community('371002001001', 80)],
      }),
    });
    expect(mixed.status).toBe(2);
    expect(mixed.stdout).toBe('');
    expect(mixed.stderr).toMatch(/^communities\.1\.code: /);

    const unknown = shequ([
      'assess',
      '--jurisdiction',
      '999999',
      file('example.json', { year: 2024, scheme, communities: [community('420703101001', 80)] }),
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^--jurisdiction: 没有代码为 999999 的政策包/);

    const noFile = shequ(['assess']);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/^FILE: /);
  });
});
