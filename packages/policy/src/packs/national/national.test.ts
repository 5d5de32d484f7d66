import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { compile, type EvaluateOptions } from '../../engine/index.js';
import { articleText } from '../../texts/index.js';
import { checkCommunity, packsFor } from '../index.js';
import { jiangsuPack } from '../jiangsu/index.js';
import { NATIONAL_LAW_2018, NATIONAL_LAW_2025, nationalPack } from './index.js';

const national = compile([nationalPack]);
const before = '2025-12-31'; // the last day of the 2018 text
const after = '2026-01-01'; // the revision's first day

function result(facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) {
  const evaluation = national(facts, { asOf: before, ...options });
  const found = evaluation.results.find((r) => r.rule === rule);
  if (!found) throw new Error(`no result for ${rule}`);
  // Bulk runs decide by the same comparison.
  const bulk = national(facts, { asOf: before, ...options, statusesOnly: true });
  expect(bulk.statuses?.[national.checkIds.indexOf(rule)], `${rule} statusesOnly`).toBe(found.status);
  return found;
}
const status = (facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) =>
  result(facts, rule, options).status;

describe('第六条 (2018 text): a committee is set up generally for 100—700 households', () => {
  const rule = 'national.committee-scale';
  it.each([
    [99, 'warn'],
    [100, 'pass'],
    [101, 'pass'],
    [699, 'pass'],
    [700, 'pass'],
    [701, 'warn'],
  ] as const)('%i households: %s', (households, expected) => {
    expect(status({ households }, rule)).toBe(expected);
  });
  it('reads as guidance, names the households and cites the 2018 text', () => {
    const r = result({ households: 3200 }, rule);
    expect(r).toMatchObject({ binding: 'guiding', expected: '100—700户', actual: '3200户' });
    expect(r.citation).toMatchObject({ document: NATIONAL_LAW_2018, article: '第六条' });
  });
  it('is unknown without the households and not applicable once the revision is in force', () => {
    expect(status({}, rule)).toBe('unknown');
    expect(status({ households: 3200 }, rule, { asOf: after })).toBe('not-applicable');
  });
  it('covers urban residents’ committees only', () => {
    expect(status({ households: 50, setting: 'rural' }, rule)).toBe('not-applicable');
  });
});

describe('第三条 (2025 revision): generally 1000—3000 households, from 2026-01-01', () => {
  const rule = 'national.committee-scale-2025';
  it.each([
    [999, 'warn'],
    [1000, 'pass'],
    [1001, 'pass'],
    [2999, 'pass'],
    [3000, 'pass'],
    [3001, 'warn'],
  ] as const)('%i households: %s', (households, expected) => {
    expect(status({ households }, rule, { asOf: after })).toBe(expected);
  });
  it('cites the revision, and does not apply to dates before it', () => {
    const r = result({ households: 3200 }, rule, { asOf: after });
    expect(r.citation).toMatchObject({ document: NATIONAL_LAW_2025, article: '第三条' });
    expect(r.binding).toBe('guiding');
    expect(status({ households: 3200 }, rule, { asOf: before })).toBe('not-applicable');
  });
  it('takes the bounds in force on the as-of date, each value citing its own version', () => {
    expect(national.parameterValue('nationalMinCommitteeHouseholds', before)).toMatchObject({
      value: 100,
      citation: { document: NATIONAL_LAW_2018, article: '第六条' },
    });
    expect(national.parameterValue('nationalMaxCommitteeHouseholds', after)).toMatchObject({
      value: 3000,
      citation: { document: NATIONAL_LAW_2025, article: '第三条' },
    });
  });
});

describe('第七条 (2018 text): chair, vice chairs and members, 5—9 in all', () => {
  const rule = 'national.committee-size';
  it.each([
    [4, 'fail'],
    [5, 'pass'],
    [6, 'pass'],
    [8, 'pass'],
    [9, 'pass'],
    [10, 'fail'],
  ] as const)('%i members: %s', (members, expected) => {
    expect(status({ committee: { members } }, rule)).toBe(expected);
  });
  it('binds, and is unknown without the count', () => {
    expect(result({ committee: { members: 4 } }, rule)).toMatchObject({
      binding: 'binding',
      expected: '5—9人',
      actual: '4人',
    });
    expect(status({ committee: {} }, rule)).toBe('unknown');
  });
});

describe('第十三条 (2018 text): mediation, security and public-health sub-committees, as needed', () => {
  const rule = 'national.sub-committees';
  const all = [{ kind: 'mediation' }, { kind: 'security' }, { kind: 'health' }];
  it('passes with the three, and with others beside them', () => {
    expect(status({ subCommittees: all }, rule)).toBe('pass');
    expect(status({ subCommittees: [...all, { kind: 'culture' }] }, rule)).toBe('pass');
  });
  it('warns (根据需要; a small committee may set up none) and names what is missing', () => {
    const r = result({ subCommittees: all.slice(0, 2) }, rule);
    expect(r).toMatchObject({ status: 'warn', actual: '未设公共卫生委员会' });
    expect(result({ subCommittees: [] }, rule).actual).toBe(
      '未设人民调解委员会、治安保卫委员会、公共卫生委员会',
    );
  });
  it('is unknown when the sub-committees are not recorded', () => {
    expect(status({}, rule)).toBe('unknown');
  });
});

describe('第十七条: funds and allowances, set by each government', () => {
  it('is a parameter without a national figure, which a province or a caller supplies', () => {
    const reading = national.parameterValue('committeeMemberAllowance', before);
    expect(reading?.value).toBeUndefined();
    const p = nationalPack.parameters.find((x) => x.name === 'committeeMemberAllowance');
    expect(p?.source).toContain('第十七条');
  });
});

describe('composition below the national pack', () => {
  const chain = compile([nationalPack, jiangsuPack]);
  const facts: CommunityFacts = { households: 2500, committee: { members: 11 } };
  it('Jiangsu 7 replaces the national committee size with its own citation and guidance', () => {
    const evaluation = chain(facts, { asOf: '2024-06-30', explain: true });
    expect(evaluation.results.find((r) => r.rule === 'national.committee-size')).toBeUndefined();
    const size = evaluation.results.find((r) => r.rule === 'jiangsu.committee-size');
    expect(size).toMatchObject({ jurisdiction: '320000', status: 'warn', citation: { article: '7' } });
    expect(size?.explanation?.replaces).toBe('national.committee-size');
    // Alone, the national law makes the same committee fail.
    expect(status(facts, 'national.committee-size')).toBe('fail');
  });
  it('keeps the national results a province does not replace, under 000000', () => {
    const evaluation = chain(facts, { asOf: '2024-06-30' });
    expect(evaluation.results.find((r) => r.rule === 'national.committee-scale')).toMatchObject({
      jurisdiction: '000000',
      status: 'warn',
    });
  });
  it('has no national group size to replace: Jiangsu 8 and Ezhou 第七条（二） stand on their own', () => {
    // The law leaves resident groups to each committee (2018 text 第十四条); the 15—40 households
    // sometimes quoted come from the 1954 regulations, repealed in 1990.
    expect(articleText('000000', '第十四条', undefined, NATIONAL_LAW_2018)).not.toMatch(/户/);
    expect(nationalPack.rules.some((r) => r.facts && Object.values(r.facts).includes('residentGroups'))).toBe(
      false,
    );
    const report = checkCommunity(
      {
        code: '420702001001',
        name: '测试社区居委会',
        asOf: '2024-06-30',
        residentGroups: [{ households: 400 }, { households: 40 }],
      },
      {},
    );
    const groups = report.results.filter((r) => r.rule.endsWith('resident-group-size'));
    expect(groups.map((r) => [r.rule, r.jurisdiction])).toEqual([['ezhou.resident-group-size', '420700']]);
  });
  it('gives a community of a province without a pack the national results, dated', () => {
    expect(packsFor('440305001001')).toEqual([nationalPack]);
    const snapshot = { code: '440305001001', name: '南山测试社区', asOf: '2026-12-04', households: 2400 };
    const report = checkCommunity(snapshot);
    expect(report.results.find((r) => r.rule === 'national.committee-scale-2025')?.status).toBe('pass');
    expect(report.results.find((r) => r.rule === 'national.committee-scale')?.status).toBe('not-applicable');
    const earlier = checkCommunity(snapshot, { asOf: '2025-06-30' });
    expect(earlier.results.find((r) => r.rule === 'national.committee-scale')?.status).toBe('warn');
  });
});
