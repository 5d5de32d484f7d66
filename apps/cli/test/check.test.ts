/**
 * `shequ check` as a user runs it (docs/interfaces.md §3): one community of each shipped
 * jurisdiction, read from a file or standard input, checked against the packs its code falls under.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

interface Report {
  jurisdictions: { code: string; name: string }[];
  asOf: string;
  community: { code: string; name: string };
  results: {
    rule: string;
    jurisdiction: string;
    citation: { document: string; article: string };
    status: string;
    expected: string;
    actual: string;
    message: string;
  }[];
  quantities: Record<string, number | { min: number; max: number }>;
  summary: { pass: number; fail: number; warn: number; notApplicable: number; unknown: number };
}

const dir = mkdtempSync(join(tmpdir(), 'shequ-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function reportOf(result: { stdout: string }): Report {
  return JSON.parse(result.stdout) as Report;
}

function statusOf(report: Report, rule: string): string | undefined {
  return report.results.find((r) => r.rule === rule)?.status;
}

/** An Ezhou community of 11,000 residents: quota 5 + 2 steps of 3,000 = 7 two-committee members. */
const ezhou = {
  format: 'shequ.community-snapshot/v1',
  code: '420702001001',
  name: '测试社区居委会',
  asOf: '2024-06-30',
  households: 3500,
  residents: 11000,
  facility: { totalArea: 1800, mainBuildingFloors: 4 },
  staff: { twoCommittees: 8, specialists: 4 },
};

describe('shequ check', () => {
  it('checks an Ezhou snapshot from a file: computes the quotas and fails what exceeds them', () => {
    const result = shequ(['check', file('ezhou.json', ezhou)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = reportOf(result);
    expect(report.jurisdictions).toEqual([
      { code: '000000', name: '全国' },
      { code: '420700', name: '鄂州市' },
    ]);
    expect(report.asOf).toBe('2024-06-30');
    expect(report.community).toEqual({ code: '420702001001', name: '测试社区居委会' });
    expect(report.quantities.twoCommitteesQuota).toBe(7);
    expect(report.quantities.specialistQuota).toBe(4);
    expect(report.quantities.minFacilityArea).toBe(1750);
    expect(statusOf(report, 'ezhou.two-committees-staffing')).toBe('fail');
    expect(statusOf(report, 'ezhou.facility-floors')).toBe('warn'); // 一般不超过3层: guiding
    expect(statusOf(report, 'ezhou.facility-area')).toBe('pass');
    // Facts the snapshot leaves out are unknown, never pass.
    expect(statusOf(report, 'ezhou.emergency-shelter')).toBe('unknown');
    const staffing = report.results.find((r) => r.rule === 'ezhou.two-committees-staffing');
    expect(staffing?.citation).toMatchObject({
      document: '鄂州市城市社区工作规则（试行）',
      article: '第十七条',
    });
    expect(staffing?.jurisdiction).toBe('420700');
    expect(report.summary.fail).toBe(report.results.filter((r) => r.status === 'fail').length);
  });

  it('lets --params override a pack parameter for a what-if', () => {
    const params = file('params.json', { twoCommitteesStepResidents: 2000 });
    const report = reportOf(shequ(['check', '--params', params, file('ezhou-what-if.json', ezhou)]));
    expect(report.quantities.twoCommitteesQuota).toBe(8);
    expect(statusOf(report, 'ezhou.two-committees-staffing')).toBe('pass');
  });

  it('reads the snapshot from standard input with -, and finds Weihai for a Huancui community', () => {
    const weihai = {
      code: '371002001001',
      name: '测试社区居委会',
      asOf: '2024-06-30',
      households: 2000,
      staff: { fullTime: 4 },
    };
    const result = shequ(['check', '-'], { input: JSON.stringify(weihai) });
    expect(result.status).toBe(1);
    const report = reportOf(result);
    expect(report.jurisdictions.map((j) => j.code)).toEqual(['000000', '371000']);
    expect(report.quantities.fullTimeStaff).toEqual({ min: 5, max: 6 });
    expect(statusOf(report, 'weihai.full-time-staff-minimum')).toBe('fail');
    const minimum = report.results.find((r) => r.rule === 'weihai.full-time-staff-minimum');
    expect(minimum?.citation.article).toBe('二（四）');
  });

  it('checks 象山社区 of Jinshan town against the town pack and exits 0 when nothing fails', () => {
    const xiangshan = {
      code: '370305111007',
      name: '象山社区居委会',
      asOf: '2024-06-30',
      households: 2400,
      staff: { fullTime: 7 },
    };
    const result = shequ(['check', file('xiangshan.json', xiangshan)]);
    expect(result.status).toBe(0);
    const report = reportOf(result);
    expect(report.jurisdictions.map((j) => j.code)).toEqual(['000000', '370305111']);
    expect(report.quantities.fullTimeStaff).toEqual({ min: 6, max: 8 });
    expect(statusOf(report, 'jinshan.staff-minimum')).toBe('pass');
    expect(statusOf(report, 'jinshan.staff-ratio')).toBe('pass');
    expect(report.summary.fail).toBe(0);
  });

  it('checks a Nanjing community against the Jiangsu pack, area per hundred households', () => {
    const nanjing = {
      code: '320102001001',
      name: '测试社区居委会',
      asOf: '2024-06-30',
      households: 2500,
      facility: { totalArea: 700 },
      committee: { members: 7, viceChairs: 1 },
      // A supervision committee member elected by order of votes with exactly half of the votes cast.
      supervisionCommittee: { chairVotes: 600, lowestElectedVotes: 500, votesCast: 1000 },
    };
    const report = reportOf(shequ(['check', file('nanjing.json', nanjing)]));
    expect(report.jurisdictions.map((j) => j.code)).toEqual(['000000', '320000']);
    // Jiangsu 7 replaces the national committee size: one result on it, Jiangsu's.
    expect(statusOf(report, 'national.committee-size')).toBeUndefined();
    expect(report.quantities.minFacilityArea).toBe(750);
    expect(statusOf(report, 'jiangsu.facility-area')).toMatch(/^(fail|warn)$/);
    expect(statusOf(report, 'jiangsu.committee-size')).toBe('pass');
    expect(report.results.find((r) => r.rule === 'jiangsu.committee-size')?.citation.article).toMatch(
      /^\d+$/,
    );
    // Jiangsu 17（4）: as the text reads it the half binds the chair only; --alternative, every member.
    const majority = 'jiangsu.supervision-chair-majority';
    expect(statusOf(report, majority)).toBe('pass');
    const everyMember = reportOf(
      shequ(['check', '--alternative', 'jiangsu.supervision-majority', file('nanjing.json', nanjing)]),
    );
    expect(statusOf(everyMember, majority)).toBe('fail');
  });

  it('applies the 2013 regulation, below the national law, only when chosen with --jurisdiction 000013', () => {
    const beijing = {
      code: '110101001001',
      name: '测试社区居委会',
      asOf: '2024-06-30',
      facility: { totalArea: 900 },
    };
    const path = file('beijing.json', beijing);
    const chosen = shequ(['check', '--jurisdiction', '000013', path]);
    expect(chosen.status).toBe(0);
    const report = reportOf(chosen);
    expect(report.jurisdictions).toEqual([
      { code: '000000', name: '全国' },
      { code: '000013', name: '社区建设和治理条例（2013）' },
    ]);
    expect(report.quantities.minFacilityArea).toBe(800);
    expect(statusOf(report, 'city2013.service-building-area')).toBe('pass');

    const unchosen = reportOf(shequ(['check', path]));
    expect(unchosen.jurisdictions.map((j) => j.code)).toEqual(['000000']);
    expect(statusOf(unchosen, 'city2013.service-building-area')).toBeUndefined();
  });

  it('checks a community of a province without a pack (Nanshan, Shenzhen) against the national law', () => {
    const nanshan = {
      code: '440305001001',
      name: '测试社区居委会',
      asOf: '2025-06-30',
      households: 2400,
      committee: { members: 11 },
    };
    const result = shequ(['check', file('nanshan.json', nanshan)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1); // 11 members: outside 5—9, which binds
    const report = reportOf(result);
    expect(report.jurisdictions).toEqual([{ code: '000000', name: '全国' }]);
    expect(statusOf(report, 'national.committee-size')).toBe('fail');
    expect(statusOf(report, 'national.committee-scale')).toBe('warn');
    const size = report.results.find((r) => r.rule === 'national.committee-size');
    expect(size?.citation).toMatchObject({
      document: '中华人民共和国城市居民委员会组织法（2018年修正）',
      article: '第七条',
    });
    // From 2026-01-01 the revision applies: its 第三条 sets 1000—3000 households.
    const revised = reportOf(shequ(['check', '--as-of', '2026-12-04', file('nanshan.json', nanshan)]));
    expect(statusOf(revised, 'national.committee-scale-2025')).toBe('pass');
    expect(statusOf(revised, 'national.committee-scale')).toBe('not-applicable');
  });

  it('applies no rule before its document is in force (--as-of)', () => {
    const result = shequ(['check', '--as-of', '2019-01-01', file('ezhou-early.json', ezhou)]);
    expect(result.status).toBe(0);
    const report = reportOf(result);
    expect(report.asOf).toBe('2019-01-01');
    const local = report.results.filter((r) => r.jurisdiction === '420700');
    expect(local.length).toBeGreaterThan(0);
    expect(local.every((r) => r.status === 'not-applicable')).toBe(true);
    expect(report.quantities).toEqual({});
  });
});
