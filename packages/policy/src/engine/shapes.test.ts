import { describe, expect, it } from 'vitest';
import { packChain, shippedPacks } from '../packs/index.js';
import { compile } from './compile.js';
import { citeFrom, definePack, parameter, quantity, value } from './define.js';
import { fmt } from './format.js';
import { maximumCheck, minimumCheck, rangeCheck } from './shapes.js';
import type { CommunityFacts, EvaluateOptions } from './types.js';

const DOC = '形状测试文件';
const cite = citeFrom(DOC);
const citation = cite('第一条', '工作人员不少于5人，一般不超过9人；设施不超过三层。');
const DEADLINE = '2021-01-01';

const pack = definePack({
  code: '110000',
  name: '测试省',
  documents: [{ title: DOC, inForceFrom: '2020-01-01' }],
  parameters: [
    parameter({ name: 'minStaff', label: '下限', unit: '人', values: [value('2020-01-01', 5, citation)] }),
    parameter({ name: 'maxStaff', label: '上限', unit: '人', values: [value('2020-01-01', 9, citation)] }),
    parameter({ name: 'maxFloors', label: '层数', unit: '层', values: [value('2020-01-01', 3, citation)] }),
    parameter({
      name: 'areaPerHousehold',
      label: '面积',
      unit: '平方米',
      values: [value('2020-01-01', 1.1, citation)],
    }),
  ],
  rules: [
    minimumCheck({
      id: 'shape.staff-minimum',
      title: '工作人员不少于5人',
      citation,
      binding: 'binding',
      fact: 'staff.fullTime',
      minimum: { param: 'minStaff' },
      format: fmt.people,
    }),
    maximumCheck({
      id: 'shape.floors',
      title: '一般不超过三层',
      citation,
      binding: 'guiding',
      fact: 'facility.mainBuildingFloors',
      maximum: { param: 'maxFloors' },
      format: (floors) => `${floors}层`,
    }),
    rangeCheck({
      id: 'shape.committee',
      title: '一般为5—9人',
      citation,
      binding: 'guiding',
      fact: 'committee.members',
      minimum: { param: 'minStaff' },
      maximum: { param: 'maxStaff' },
      format: (n) => `${n}人`,
    }),
    quantity({
      id: 'shape.min-area',
      name: 'minFacilityArea',
      title: '面积下限',
      citation,
      facts: { households: 'households' },
      params: ['areaPerHousehold'],
      compute: ({ facts, params }) => facts.households * params.areaPerHousehold,
    }),
    minimumCheck({
      id: 'shape.area',
      title: '面积达到标准（2020年年底前达标）',
      citation,
      binding: 'binding',
      fact: 'facility.totalArea',
      minimum: { quantity: 'minFacilityArea' },
      wording: '不低于',
      tolerance: 1e-9,
      format: fmt.area,
      guidingWhen: ({ asOf }) => asOf < DEADLINE,
    }),
  ],
});
const evaluate = compile([pack]);
const after = { asOf: '2021-06-30' };

const result = (facts: CommunityFacts, id: string, options: EvaluateOptions = after) =>
  evaluate(facts, options).results.find((r) => r.rule === id);

describe('minimumCheck', () => {
  it('passes at the minimum and fails below it, with the wording of a hand-written check', () => {
    expect(result({ staff: { fullTime: 5 } }, 'shape.staff-minimum')).toMatchObject({
      status: 'pass',
      expected: '不少于5人',
      actual: '5人',
      message: '符合：工作人员不少于5人（实际5人）。',
    });
    expect(result({ staff: { fullTime: 4 } }, 'shape.staff-minimum')).toMatchObject({
      status: 'fail',
      binding: 'binding',
      message: '不符合：工作人员不少于5人（应不少于5人，实际4人）。',
    });
  });
  it('reads a quantity as its bound, within the tolerance, and lists it in the explanation', () => {
    // 3 × 1.1 is 3.3000000000000003 in floating point: 3.3 must still reach it.
    const facts = { households: 3, facility: { totalArea: 3.3 } };
    const explained = evaluate(facts, { ...after, explain: true }).results.find(
      (r) => r.rule === 'shape.area',
    );
    expect(explained).toMatchObject({ status: 'pass', expected: '不低于3.3平方米', actual: '3.3平方米' });
    expect(explained?.explanation?.facts).toEqual([{ path: 'facility.totalArea', value: 3.3 }]);
    expect(explained?.explanation?.quantities).toEqual([
      { name: 'minFacilityArea', value: 3 * 1.1, rule: 'shape.min-area' },
    ]);
    expect(result({ households: 3, facility: { totalArea: 3.2 } }, 'shape.area')?.status).toBe('fail');
  });
  it('only warns while guidingWhen holds (a standard that binds after a deadline)', () => {
    const facts = { households: 1000, facility: { totalArea: 200 } };
    expect(result(facts, 'shape.area', { asOf: '2020-06-30' })).toMatchObject({
      status: 'warn',
      binding: 'guiding',
    });
    expect(result(facts, 'shape.area')).toMatchObject({ status: 'fail', binding: 'binding' });
  });
  it('is unknown, naming the fact, when the figure is missing', () => {
    expect(result({}, 'shape.staff-minimum')).toMatchObject({
      status: 'unknown',
      message: '无法判断：缺少事实 staff.fullTime。',
    });
  });
});

describe('maximumCheck and rangeCheck', () => {
  it('maximumCheck passes at the maximum and warns above it when guiding', () => {
    expect(result({ facility: { mainBuildingFloors: 3 } }, 'shape.floors')?.status).toBe('pass');
    expect(result({ facility: { mainBuildingFloors: 4 } }, 'shape.floors')).toMatchObject({
      status: 'warn',
      expected: '不超过3层',
      actual: '4层',
    });
  });
  it('rangeCheck includes both ends', () => {
    for (const members of [5, 9]) {
      expect(result({ committee: { members } }, 'shape.committee')?.status).toBe('pass');
    }
    for (const members of [4, 10]) {
      expect(result({ committee: { members } }, 'shape.committee')).toMatchObject({
        status: 'warn',
        expected: '5—9人',
        actual: `${members}人`,
      });
    }
  });
});

describe('bulk runs of checks built by the shape helpers', () => {
  // Figures on both sides of every shipped bound, and absent ones.
  const variants: CommunityFacts[] = [];
  for (const scale of [0, 0.5, 1, 2, 5]) {
    variants.push({
      setting: scale === 2 ? 'rural' : 'urban',
      households: Math.round(2500 * scale),
      residents: Math.round(8000 * scale),
      facility: {
        totalArea: Math.round(900 * scale),
        mainBuildingFloors: 1 + Math.round(scale),
        residentSpaceArea: 500,
      },
      committee: { members: Math.round(7 * scale), viceChairs: Math.round(2 * scale) },
      supervisionCommittee: { members: Math.round(4 * scale) },
      staff: { fullTime: Math.round(6 * scale), twoCommittees: 7, specialists: 4 },
      salary: { annualAverage: Math.round(60000 * scale) },
      funds: { work: Math.round(80000 * scale), partyService: Math.round(200000 * scale) },
    });
  }
  variants.push({});

  it('give every shipped pack the statuses its full results give', () => {
    const helperBuilt = Object.values(shippedPacks).flatMap((p) =>
      [...p.rules, ...p.overrides.flatMap((o) => (o.action === 'replace-rule' ? [o.rule] : []))]
        .filter((r) => r.kind === 'check' && r.holds !== undefined)
        .map((r) => r.id),
    );
    // The shapes are in use: Jinshan's and Weihai's staffing minimums among them.
    expect(helperBuilt).toEqual(
      expect.arrayContaining([
        'jinshan.staff-minimum',
        'weihai.full-time-staff-minimum',
        'jiangsu.committee-size',
        'national.committee-size',
      ]),
    );
    const params = { cityAverageWage: 70000, comparableInstitutionPay: 65000 };
    for (const p of Object.values(shippedPacks)) {
      const chain = compile(packChain(p.code));
      for (const asOf of ['2020-06-30', '2024-06-30', '2026-06-30']) {
        const options = {
          asOf,
          params: Object.fromEntries(
            Object.entries(params).filter(([n]) => chain.parameters.some((c) => c.parameter.name === n)),
          ),
        };
        for (const facts of variants) {
          const full = chain(facts, options);
          const bulk = chain(facts, { ...options, statusesOnly: true });
          expect(bulk.statuses).toEqual(full.results.map((r) => r.status));
          expect(bulk.summary).toEqual(full.summary);
          expect(chain(facts, { ...options, summaryOnly: true }).summary).toEqual(full.summary);
        }
      }
    }
  });
});

describe('texts a check keeps from one community to the next', () => {
  it('follow a bound that changes between evaluations and figures that repeat', () => {
    const staff = (fullTime: number, options: EvaluateOptions = after) =>
      result({ staff: { fullTime } }, 'shape.staff-minimum', options);
    expect(staff(4)).toMatchObject({ expected: '不少于5人', actual: '4人' });
    expect(staff(4, { ...after, params: { minStaff: 3 } })).toMatchObject({
      status: 'pass',
      expected: '不少于3人',
      actual: '4人',
    });
    expect(staff(4)).toMatchObject({ status: 'fail', expected: '不少于5人', actual: '4人' });
    const committee = (members: number, params?: Record<string, number>) =>
      result({ committee: { members } }, 'shape.committee', params ? { ...after, params } : after);
    expect(committee(7)).toMatchObject({ expected: '5—9人', actual: '7人' });
    expect(committee(7, { minStaff: 5, maxStaff: 7 })).toMatchObject({ expected: '5—7人', actual: '7人' });
    expect(committee(7, { minStaff: 3, maxStaff: 7 })).toMatchObject({ expected: '3—7人', actual: '7人' });
    expect(committee(8)).toMatchObject({ expected: '5—9人', actual: '8人' });
  });

  it('word each community’s own quantity and decimal figures', () => {
    const area = (households: number, totalArea: number) =>
      result({ households, facility: { totalArea } }, 'shape.area');
    expect(area(100, 110)).toMatchObject({ expected: '不低于110平方米', actual: '110平方米' });
    expect(area(101, 110)).toMatchObject({ expected: '不低于111.1平方米', actual: '110平方米' });
    expect(area(101, 110.25)).toMatchObject({ actual: '110.25平方米' });
    expect(area(100, 110.25)).toMatchObject({ expected: '不低于110平方米', actual: '110.25平方米' });
  });
});

describe('unit formatters', () => {
  it('give the same text for a figure the first time and every time after', () => {
    for (const n of [0, 7, 7, 4095, 4096, 12.345, 12.345, -3, 1e21]) {
      expect(fmt.people(n)).toBe(`${fmt.num(n)}人`);
      expect(fmt.households(n)).toBe(`${fmt.num(n)}户`);
      expect(fmt.area(n)).toBe(`${fmt.num(n)}平方米`);
      expect(fmt.yuan(n)).toBe(`${fmt.num(n)}元`);
    }
    expect(fmt.area(893.4)).toBe('893.4平方米');
    expect(fmt.people(5)).toBe('5人');
  });
});
