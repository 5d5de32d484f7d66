import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import type { EvaluateOptions } from '../../engine/index.js';
import { alternative, packRunner } from '../pack-runner.js';
import { weihaiInterpretations as readings, weihaiPack } from './index.js';

const asOf = '2024-06-30';
const { run, result, status } = packRunner([weihaiPack], asOf);

describe('the pack as published', () => {
  it('applies from 2018-12-22 and cites sections as 二（四）', () => {
    const facts = { staff: { fullTime: 5 } };
    expect(status(facts, 'weihai.full-time-staff-minimum', { asOf: '2018-12-21' })).toBe('not-applicable');
    const r = result(facts, 'weihai.full-time-staff-minimum', { asOf: '2018-12-22' });
    expect(r.status).toBe('pass');
    expect(r.citation.article).toBe('二（四）');
    expect(r.jurisdiction).toBe('371000');
  });
  it('never passes an empty snapshot', () => {
    expect(run({}).summary.pass).toBe(0);
  });
});

describe('二（三） community size, 3000 households 左右 (guiding)', () => {
  const rule = 'weihai.community-size';
  it('warns outside 2400–3600 households', () => {
    expect(status({ households: 2399 }, rule)).toBe('warn');
    expect(status({ households: 2400 }, rule)).toBe('pass');
    expect(status({ households: 3600 }, rule)).toBe('pass');
    expect(status({ households: 3601 }, rule)).toBe('warn');
  });
  it('alternative reading: only the upper side warns', () => {
    const options = alternative(readings.sizeAround.id);
    expect(status({ households: 1000 }, rule, options)).toBe('pass');
    expect(status({ households: 3600 }, rule, options)).toBe('pass');
    expect(status({ households: 3601 }, rule, options)).toBe('warn');
  });
  it('applies to urban communities only', () => {
    expect(status({ households: 5000, setting: 'rural' }, rule)).toBe('not-applicable');
  });
});

describe('二（三） new residential areas and charters', () => {
  it('二（三） 应及时成立 binds as Jiangsu’s same words do: fails at 50% occupancy; warns if 代管 is read as an allowed delay', () => {
    const rule = 'weihai.new-area-committee';
    const deferral = alternative(readings.newAreaDeferral.id);
    expect(status({ occupancyRate: 0.5 }, rule)).toBe('fail');
    expect(status({ occupancyRate: 0.49 }, rule)).toBe('pass');
    expect(status({ occupancyRate: 0.5 }, rule, deferral)).toBe('warn');
  });
  it('warns once a managed new area reaches 50% occupancy (read as an allowed delay)', () => {
    const rule = 'weihai.new-area-committee';
    expect(status({ occupancyRate: 0.49 }, rule)).toBe('pass');
    expect(status({ occupancyRate: 0.5 }, rule, alternative(readings.newAreaDeferral.id))).toBe('warn');
    expect(status({ occupancyRate: 0.51 }, rule, alternative(readings.newAreaDeferral.id))).toBe('warn');
    expect(status({}, rule)).toBe('not-applicable');
  });
  it('without an occupancy no new area is reported, as in Jiangsu: not applicable, or unknown when read as unrecorded', () => {
    const rule = 'weihai.new-area-committee';
    const unrecorded = alternative('new-area-unreported');
    expect(status({ households: 3000 }, rule)).toBe('not-applicable');
    expect(status({ households: 3000 }, rule, unrecorded)).toBe('unknown');
    expect(status({ occupancyRate: 0.5 }, rule, unrecorded)).toBe('fail');
  });
  it('fails without both a covenant and an autonomy charter', () => {
    const rule = 'weihai.charters';
    const covenant = { kind: 'residents-covenant', adoptedOn: '2020-01-01' } as const;
    const charter = { kind: 'autonomy-charter', adoptedOn: '2020-01-01' } as const;
    expect(status({ charters: [covenant, charter] }, rule)).toBe('pass');
    expect(status({ charters: [covenant] }, rule)).toBe('fail');
    expect(status({ charters: [] }, rule)).toBe('fail');
    expect(status({}, rule)).toBe('unknown');
    expect(status({ setting: 'rural', charters: [covenant, charter] }, rule)).toBe('pass');
  });
});

describe('二（四） full-time staff', () => {
  const staff = (households: number, options: Partial<EvaluateOptions> = {}) =>
    run({ households }, options).quantities.fullTimeStaff;
  it('fullTimeStaff: one worker per 300–400 households, never below the floor of 5', () => {
    expect(staff(3000)).toEqual({ min: 8, max: 10 });
    expect(staff(2400)).toEqual({ min: 6, max: 8 });
    expect(staff(2401)).toEqual({ min: 7, max: 8 });
    expect(staff(2399)).toEqual({ min: 6, max: 7 });
    expect(staff(1200)).toEqual({ min: 5, max: 5 });
    expect(staff(590)).toEqual({ min: 5, max: 5 });
    expect(staff(3000, alternative(readings.staffRounding.id))).toEqual({ min: 7, max: 10 });
    expect(staff(3001, alternative(readings.staffRounding.id))).toEqual({ min: 7, max: 11 });
  });
  it('fails an urban community with fewer than 5 full-time workers', () => {
    const rule = 'weihai.full-time-staff-minimum';
    expect(status({ staff: { fullTime: 4 } }, rule)).toBe('fail');
    expect(status({ staff: { fullTime: 5 } }, rule)).toBe('pass');
    expect(status({ staff: { fullTime: 6 } }, rule)).toBe('pass');
    expect(status({ setting: 'rural', staff: { fullTime: 1 } }, rule)).toBe('not-applicable');
  });
  it('the ratio sets a district total: not checked per community unless the alternative reading is asked for', () => {
    const rule = 'weihai.full-time-staff-ratio';
    expect(status({ households: 3000, staff: { fullTime: 7 } }, rule)).toBe('not-applicable');
    const options = alternative(readings.staffRatioScope.id);
    expect(status({ households: 3000, staff: { fullTime: 7 } }, rule, options)).toBe('warn');
    expect(status({ households: 3000, staff: { fullTime: 8 } }, rule, options)).toBe('pass');
    expect(status({ households: 3000, staff: { fullTime: 10 } }, rule, options)).toBe('pass');
    expect(status({ households: 3000, staff: { fullTime: 11 } }, rule, options)).toBe('warn');
    expect(status({ households: 900, staff: { fullTime: 5 } }, rule, options)).toBe('pass');
  });
});

describe('二（五） funds and pay', () => {
  it('minWorkFunds: 36,000 per thousand households, at least 60,000', () => {
    expect(run({ households: 1000 }).quantities.minWorkFunds).toBe(60000);
    expect(run({ households: 1666 }).quantities.minWorkFunds).toBe(60000);
    expect(run({ households: 2500 }).quantities.minWorkFunds).toBe(90000);
    expect(
      run({ households: 2500 }, alternative(readings.workFundsPerThousand.id)).quantities.minWorkFunds,
    ).toBe(108000);
  });
  it('fails work funds below the minimum, passes at and above', () => {
    const rule = 'weihai.work-funds';
    expect(status({ households: 2500, funds: { work: 89999 } }, rule)).toBe('fail');
    expect(status({ households: 2500, funds: { work: 90000 } }, rule)).toBe('pass');
    expect(status({ households: 2500, funds: { work: 90001 } }, rule)).toBe('pass');
    expect(status({ funds: { work: 90000 } }, rule)).toBe('unknown');
  });
  it('party service funds: at least 200,000 a year', () => {
    const rule = 'weihai.party-service-funds';
    expect(run({}).quantities.minPartyServiceFunds).toBe(200000);
    expect(status({ funds: { partyService: 199999 } }, rule)).toBe('fail');
    expect(status({ funds: { partyService: 200000 } }, rule)).toBe('pass');
    expect(status({ funds: { partyService: 200001 } }, rule)).toBe('pass');
  });
  it('salary against comparable institution pay: unknown until supplied, warns below', () => {
    const rule = 'weihai.salary';
    expect(status({ salary: { annualAverage: 60000 } }, rule)).toBe('unknown');
    const params = { comparableInstitutionPay: 60000 };
    expect(status({ salary: { annualAverage: 59999 } }, rule, { params })).toBe('warn');
    expect(status({ salary: { annualAverage: 60000 } }, rule, { params })).toBe('pass');
  });
});

describe('二（六） facility area', () => {
  const min = (facts: CommunityFacts, options: Partial<EvaluateOptions> = {}) =>
    run(facts, options).quantities.minFacilityArea;
  it('minFacilityArea by setting and age, and 30 m² per hundred households', () => {
    expect(min({ households: 1000, newlyBuilt: false })).toBe(500);
    expect(min({ households: 1000, newlyBuilt: true })).toBe(1000);
    expect(min({ households: 1000, setting: 'rural' })).toBe(500);
    expect(min({ households: 2000, newlyBuilt: false })).toBe(600);
    expect(min({ households: 4000, newlyBuilt: true })).toBe(1200);
    expect(min({ households: 4000 })).toBe(1200);
    expect(min({ households: 1000 })).toBeUndefined();
    expect(min({ households: 2050, newlyBuilt: false }, alternative(readings.facilityPerHundred.id))).toBe(
      630,
    );
  });
  it('fails below the minimum after 2020, warns before the end-2020 deadline', () => {
    const rule = 'weihai.facility-area';
    const small = { households: 2000, newlyBuilt: false, facility: { totalArea: 599 } };
    expect(status(small, rule, { asOf: '2021-01-01' })).toBe('fail');
    expect(status(small, rule, { asOf: '2020-12-31' })).toBe('warn');
    expect(status(small, rule, { asOf: '2020-12-31', ...alternative(readings.facilityDeadline.id) })).toBe(
      'fail',
    );
    expect(status({ ...small, facility: { totalArea: 600 } }, rule)).toBe('pass');
    expect(status({ ...small, facility: { totalArea: 601 } }, rule)).toBe('pass');
    const unknown = result({ households: 1000, facility: { totalArea: 700 } }, rule);
    expect(unknown.status).toBe('unknown');
    expect(unknown.message).toContain('newlyBuilt');
  });
});
