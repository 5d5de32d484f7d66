/**
 * Every figure a pack compares, exactly at, just below and just above its boundary: a community
 * exactly at a minimum passes, a hundredth below fails. Areas, money and shares are compared on the
 * decimals as written, never with a floating-point error at the boundary.
 */
import type { CommunityFacts } from '@shequ/domain';
import { NATIONAL_CODE } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { compile, type EvaluateOptions, type Pack } from '../engine/index.js';
import { city2013Pack } from './city2013/index.js';
import { ezhouPack } from './ezhou/index.js';
import { jiangsuPack } from './jiangsu/index.js';
import { jinshanPack } from './jinshan/index.js';
import { nationalPack } from './national/index.js';
import { weihaiPack } from './weihai/index.js';

const asOf = '2024-06-30';

function runner(pack: Pack) {
  const evaluate = compile(pack.code === NATIONAL_CODE ? [pack] : [nationalPack, pack]);
  const run = (facts: CommunityFacts, options: Partial<EvaluateOptions> = {}) =>
    evaluate(facts, { asOf, ...options });
  const status = (facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) => {
    const full = run(facts, options).results.find((r) => r.rule === rule)?.status;
    // Bulk runs decide by the same comparison: they must agree at every boundary.
    const bulk = run(facts, { ...options, statusesOnly: true });
    expect(bulk.statuses?.[evaluate.checkIds.indexOf(rule)], `${rule} statusesOnly`).toBe(full);
    return full;
  };
  return { run, status };
}

const ezhou = runner(ezhouPack);
const weihai = runner(weihaiPack);
const jinshan = runner(jinshanPack);
const jiangsu = runner(jiangsuPack);
const city2013 = runner(city2013Pack);

describe('鄂州 第十一条 facility area: 50 m² per hundred households, at least 1000 m²', () => {
  const rule = 'ezhou.facility-area';
  const at = (households: number, totalArea: number) =>
    ezhou.status({ households, facility: { totalArea } }, rule);
  it('3,220 households need exactly 1,610 m²', () => {
    expect(ezhou.run({ households: 3220 }).quantities.minFacilityArea).toBe(1610);
    expect(at(3220, 1610)).toBe('pass');
    expect(at(3220, 1609.99)).toBe('fail');
    expect(at(3220, 1610.01)).toBe('pass');
  });
  it('the message names the figure as written', () => {
    const result = ezhou
      .run({ households: 3220, facility: { totalArea: 1609 } })
      .results.find((r) => r.rule === rule);
    expect(result?.expected).toBe('不少于1610平方米');
  });
  it('odd households give a decimal minimum, compared exactly (3,221 households: 1,610.5 m²)', () => {
    expect(ezhou.run({ households: 3221 }).quantities.minFacilityArea).toBe(1610.5);
    expect(at(3221, 1610.5)).toBe('pass');
    expect(at(3221, 1610.49)).toBe('fail');
  });
  it('the 1,000 m² floor, at and around it', () => {
    expect(at(1000, 1000)).toBe('pass');
    expect(at(1000, 999.99)).toBe('fail');
    expect(at(2000, 1000)).toBe('pass');
    expect(at(2001, 1000)).toBe('fail');
    expect(at(2001, 1000.5)).toBe('pass');
  });
  it('floors: at most 3 (guiding)', () => {
    expect(ezhou.status({ facility: { mainBuildingFloors: 3 } }, 'ezhou.facility-floors')).toBe('pass');
    expect(ezhou.status({ facility: { mainBuildingFloors: 4 } }, 'ezhou.facility-floors')).toBe('warn');
  });
});

describe('鄂州 第五条、第七条（二）、第十七条 counts at their boundaries', () => {
  it('第五条 3000 households and 10000 residents', () => {
    const rule = 'ezhou.community-size';
    expect(ezhou.status({ households: 3000, residents: 10000 }, rule)).toBe('pass');
    expect(ezhou.status({ households: 2999, residents: 10000, townSeat: false }, rule)).toBe('warn');
    expect(ezhou.status({ households: 3000, residents: 9999, townSeat: false }, rule)).toBe('warn');
  });
  it('第七条（二） groups of 300—500 households', () => {
    const rule = 'ezhou.resident-group-size';
    const groups = (households: number) => ezhou.status({ residentGroups: [{ households }] }, rule);
    expect([groups(299), groups(300), groups(500), groups(501)]).toEqual(['warn', 'pass', 'pass', 'warn']);
  });
  it('第十七条 quota: 5 up to 5000 residents, 6 from 8000', () => {
    const quota = (residents: number) => ezhou.run({ residents }).quantities.twoCommitteesQuota;
    expect([quota(5000), quota(7999), quota(8000), quota(17000), quota(50000)]).toEqual([5, 5, 6, 9, 9]);
  });
});

describe('鄂州 第三十四条 assessment weights and shares, exactly', () => {
  it('the routine weight is at least 60%, also when only the annual weight is given', () => {
    const rule = 'ezhou.routine-assessment-weight';
    expect(ezhou.status({ assessment: { routineWeight: 0.6 } }, rule)).toBe('pass');
    expect(ezhou.status({ assessment: { routineWeight: 0.59 } }, rule)).toBe('fail');
    expect(ezhou.status({ assessment: { annualWeight: 0.4 } }, rule)).toBe('pass');
    expect(ezhou.status({ assessment: { annualWeight: 0.41 } }, rule)).toBe('fail');
    expect(ezhou.status({ assessment: { annualWeight: 0.39 } }, rule)).toBe('pass');
    expect(ezhou.status({ assessment: { annualWeight: 0.4000001 } }, rule)).toBe('fail');
  });
  it('the residents’ share is below 50% (as written)', () => {
    const rule = 'ezhou.resident-scoring-share-routine';
    const share = (residentShareRoutine: number) =>
      ezhou.status({ assessment: { residentShareRoutine } }, rule);
    expect([share(0.49), share(0.5), share(0.51)]).toEqual(['pass', 'fail', 'fail']);
  });
});

describe('威海 二（五）（六） funds and areas, exactly', () => {
  it('二（六） 2,978 households need 893.4 m²: 893.4 passes', () => {
    const rule = 'weihai.facility-area';
    const at = (totalArea: number) =>
      weihai.status({ households: 2978, newlyBuilt: false, facility: { totalArea } }, rule);
    expect(weihai.run({ households: 2978, newlyBuilt: false }).quantities.minFacilityArea).toBe(893.4);
    expect([at(893.39), at(893.4), at(893.41)]).toEqual(['fail', 'pass', 'pass']);
  });
  it('二（六） floors of 500 and 1000 m², at and below', () => {
    const rule = 'weihai.facility-area';
    const at = (newlyBuilt: boolean, totalArea: number) =>
      weihai.status({ households: 1000, newlyBuilt, facility: { totalArea } }, rule);
    expect([at(false, 500), at(false, 499.9), at(true, 1000), at(true, 999.9)]).toEqual([
      'pass',
      'fail',
      'pass',
      'fail',
    ]);
  });
  it('二（五） 2,978 households need 107,208 yuan of work funds; the floor is 60,000', () => {
    const rule = 'weihai.work-funds';
    const at = (households: number, work: number) => weihai.status({ households, funds: { work } }, rule);
    expect(weihai.run({ households: 2978 }).quantities.minWorkFunds).toBe(107208);
    expect([at(2978, 107207.99), at(2978, 107208), at(2978, 107208.01)]).toEqual(['fail', 'pass', 'pass']);
    expect([at(1000, 59999.99), at(1000, 60000), at(1667, 60012), at(1667, 60011.99)]).toEqual([
      'fail',
      'pass',
      'pass',
      'fail',
    ]);
    expect(
      weihai.run({ households: 2978 }, { readings: { 'weihai.work-funds-per-thousand': 'alternative' } })
        .quantities.minWorkFunds,
    ).toBe(108000);
  });
  it('二（五） party service funds: 200,000 a year', () => {
    const rule = 'weihai.party-service-funds';
    const at = (partyService: number) => weihai.status({ funds: { partyService } }, rule);
    expect([at(199999.99), at(200000)]).toEqual(['fail', 'pass']);
  });
});

describe('威海 二（四）、金山 第十条 staffing: the ratio’s range raised to the floor of 5', () => {
  it('二（四） 1,000 households are staffed by 5, not 3', () => {
    expect(weihai.run({ households: 1000 }).quantities.fullTimeStaff).toEqual({ min: 5, max: 5 });
    expect(weihai.run({ households: 1800 }).quantities.fullTimeStaff).toEqual({ min: 5, max: 6 });
    expect(weihai.run({ households: 2400 }).quantities.fullTimeStaff).toEqual({ min: 6, max: 8 });
  });
  it('第十条 1,000 households are staffed by 5, not 3', () => {
    expect(jinshan.run({ households: 1000 }).quantities.fullTimeStaff).toEqual({ min: 5, max: 5 });
    expect(jinshan.run({ households: 0 }).quantities.fullTimeStaff).toEqual({ min: 5, max: 5 });
  });
  it('二（四）、第十条 the floor of 5, at and below', () => {
    expect(weihai.status({ staff: { fullTime: 5 } }, 'weihai.full-time-staff-minimum')).toBe('pass');
    expect(weihai.status({ staff: { fullTime: 4 } }, 'weihai.full-time-staff-minimum')).toBe('fail');
    expect(jinshan.status({ staff: { fullTime: 5 } }, 'jinshan.staff-minimum')).toBe('pass');
    expect(jinshan.status({ staff: { fullTime: 4 } }, 'jinshan.staff-minimum')).toBe('fail');
  });
});

describe('江苏 21 facility area and residents’ space, exactly', () => {
  it('2,978 households need 893.4 m²', () => {
    const at = (totalArea: number) =>
      jiangsu.status({ households: 2978, facility: { totalArea } }, 'jiangsu.facility-area');
    expect([at(893.39), at(893.4), at(893.41)]).toEqual(['fail', 'pass', 'pass']);
  });
  it('70% of the total: 70.7 of 101 m² reaches it, 70.69 does not', () => {
    const at = (residentSpaceArea: number, totalArea: number) =>
      jiangsu.status({ facility: { residentSpaceArea, totalArea } }, 'jiangsu.resident-space');
    expect([at(70.7, 101), at(70.69, 101), at(700, 1000), at(699.99, 1000)]).toEqual([
      'pass',
      'warn',
      'pass',
      'warn',
    ]);
  });
  it('no share of nothing, of an unknown part or whole; figures beyond the integer path; a changed share', () => {
    const rule = 'jiangsu.resident-space';
    expect(jiangsu.status({ facility: { residentSpaceArea: 0, totalArea: 0 } }, rule)).toBe('unknown');
    expect(jiangsu.status({ facility: { residentSpaceArea: 5 } }, rule)).toBe('unknown');
    expect(jiangsu.status({ facility: { totalArea: 5 } }, rule)).toBe('unknown');
    const at = (residentSpaceArea: number, totalArea: number, minResidentSpaceShare?: number) =>
      jiangsu.status(
        { facility: { residentSpaceArea, totalArea } },
        rule,
        minResidentSpaceShare === undefined ? {} : { params: { minResidentSpaceShare } },
      );
    // 0.7 × 0.1 is 0.07 exactly, though 0.7 * 0.1 in binary is 0.06999999999999999.
    expect([at(0.07, 0.1), at(0.0699999999, 0.1), at(1e-9 * 7, 1e-9 * 10)]).toEqual(['pass', 'warn', 'pass']);
    expect([at(2 ** 52, 2 ** 52), at(700, 1000, 0.7000001), at(700, 1000, 0.123456789123)]).toEqual([
      'pass',
      'warn',
      'pass',
    ]);
  });
});

describe('社区建设和治理条例 第三十七条 800 m²', () => {
  it('at and below', () => {
    const at = (totalArea: number) =>
      city2013.status({ facility: { totalArea } }, 'city2013.service-building-area');
    expect([at(799.99), at(800), at(800.01)]).toEqual(['fail', 'pass', 'pass']);
  });
});
