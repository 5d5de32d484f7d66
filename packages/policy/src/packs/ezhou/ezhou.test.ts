import { type CommunityFacts, facilityFunctions } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import {
  citeFrom,
  compile,
  definePack,
  disableRule,
  type EvaluateOptions,
  parameter,
  replaceParameter,
  value,
} from '../../engine/index.js';
import { alternative, packRunner } from '../pack-runner.js';
import { ezhouPack, ezhouInterpretations as readings } from './index.js';

const asOf = '2024-06-30';
const { run, result, status } = packRunner([ezhouPack], asOf);

describe('the pack as published', () => {
  it('applies from 2019-12-02 and only to urban communities', () => {
    const facts = { households: 3000, residents: 10000 };
    expect(status(facts, 'ezhou.community-size', { asOf: '2019-12-01' })).toBe('not-applicable');
    expect(status(facts, 'ezhou.community-size', { asOf: '2019-12-02' })).toBe('pass');
    expect(status({ ...facts, setting: 'rural' }, 'ezhou.community-size')).toBe('not-applicable');
  });
  it('reports unknown, never pass, for an empty snapshot', () => {
    const { summary, results } = run({});
    expect(summary.pass).toBe(0);
    expect(results.every((r) => r.status === 'unknown' || r.status === 'not-applicable')).toBe(true);
  });
  it('cites each result with the document title and article', () => {
    const r = result({ households: 3000, residents: 10000 }, 'ezhou.community-size');
    expect(r.jurisdiction).toBe('420700');
    expect(r.citation).toMatchObject({ document: '鄂州市城市社区工作规则（试行）', article: '第五条' });
  });
});

describe('第五条 community size (guiding)', () => {
  const rule = 'ezhou.community-size';
  it('warns below 3000 households or 10000 residents, passes at and above', () => {
    expect(status({ households: 2999, residents: 10000, townSeat: false }, rule)).toBe('warn');
    expect(status({ households: 3000, residents: 9999, townSeat: false }, rule)).toBe('warn');
    expect(status({ households: 3000, residents: 10000 }, rule)).toBe('pass');
    expect(status({ households: 3001, residents: 10001 }, rule)).toBe('pass');
  });
  it('exempts a small town seat; unknown when it is not known whether the community is one', () => {
    expect(status({ households: 2000, residents: 5000, townSeat: true }, rule)).toBe('not-applicable');
    expect(status({ households: 2000, residents: 5000 }, rule)).toBe('unknown');
    expect(status({ residents: 12000 }, rule)).toBe('unknown');
  });
});

describe('第七条（一） sub-committees', () => {
  const rule = 'ezhou.sub-committee-composition';
  const with_ = (members: number) => ({
    subCommittees: [
      { kind: 'mediation', members: 5 },
      { kind: 'security', members },
    ],
  });
  it('fails a sub-committee with only its lead member, passes at 2 and above', () => {
    expect(status(with_(1), rule)).toBe('fail');
    expect(status(with_(2), rule)).toBe('pass');
    expect(status(with_(3), rule)).toBe('pass');
  });
  it('under the alternative reading of 若干 needs 3', () => {
    const options = alternative(readings.subCommitteeSize.id);
    expect(status(with_(2), rule, options)).toBe('fail');
    expect(status(with_(3), rule, options)).toBe('pass');
  });
  it('is not applicable with no sub-committees, unknown when a size is missing', () => {
    expect(status({ subCommittees: [] }, rule)).toBe('not-applicable');
    expect(status({ subCommittees: [{ kind: 'mediation' }] }, rule)).toBe('unknown');
  });
});

describe('第七条（二） resident groups of 300–500 households (guiding)', () => {
  const rule = 'ezhou.resident-group-size';
  const groups = (households: number) => ({ residentGroups: [{ households: 400 }, { households }] });
  it('warns outside 300–500, passes at both bounds', () => {
    expect(status(groups(299), rule)).toBe('warn');
    expect(status(groups(300), rule)).toBe('pass');
    expect(status(groups(301), rule)).toBe('pass');
    expect(status(groups(499), rule)).toBe('pass');
    expect(status(groups(500), rule)).toBe('pass');
    expect(status(groups(501), rule)).toBe('warn');
  });
  it('names the groups out of range', () => {
    expect(result(groups(620), rule).actual).toContain('第2组620户');
  });
  it('is not applicable when no groups are set up', () => {
    expect(status({ residentGroups: [] }, rule)).toBe('not-applicable');
  });
});

describe('第七条（二） groups and grids coincide (guiding), read both ways', () => {
  const rule = 'ezhou.groups-and-grids-coincide';
  const nested = alternative(readings.unitsCoincide.id);
  // Two grids of 420 and 380 households; the first holds two groups making up its households.
  const facts: CommunityFacts = {
    residentGroups: [{ households: 200 }, { households: 220 }, { households: 380 }],
    grids: [
      { households: 420, groups: [200, 220] },
      { households: 380, groups: [380] },
    ],
  };
  it('by the chosen reading (the same boundaries) a grid of two groups warns', () => {
    const r = result(facts, rule);
    expect(r.status).toBe('warn');
    expect(r.actual).toBe('1个网格未与居民小组重合');
    expect(r.citation).toMatchObject({ document: '鄂州市城市社区工作规则（试行）', article: '第七条（二）' });
  });
  it('by the alternative (nesting) the same grids pass, and each reading is named in the explanation', () => {
    expect(status(facts, rule, nested)).toBe('pass');
    const explained = result(facts, rule, { ...nested, explain: true }).explanation;
    expect(explained?.interpretations).toEqual([{ ...readings.unitsCoincide, reading: 'alternative' }]);
  });
  it('one group to a grid with the same households passes both ways', () => {
    const one: CommunityFacts = {
      residentGroups: [{ households: 420 }, { households: 380 }],
      grids: [
        { households: 420, groups: [420] },
        { households: 380, groups: [380] },
      ],
    };
    expect(status(one, rule)).toBe('pass');
    expect(status(one, rule, nested)).toBe('pass');
  });
  it('households that do not add up, or a group in no grid, warn both ways', () => {
    const short: CommunityFacts = {
      ...facts,
      grids: [{ households: 421, groups: [200, 220] }, facts.grids![1]!],
    };
    expect(status(short, rule, nested)).toBe('warn');
    const outside: CommunityFacts = {
      ...facts,
      residentGroups: [...facts.residentGroups!, { households: 50 }],
    };
    expect(result(outside, rule, nested).actual).toBe('1个居民小组不在任何网格内');
  });
  it('is unknown without the grids, not applicable without grids or groups', () => {
    expect(status({ residentGroups: facts.residentGroups }, rule)).toBe('unknown');
    expect(status({ residentGroups: [], grids: [] }, rule)).toBe('not-applicable');
  });
});

describe('第七条（二） property-service areas and grids coincide (guiding), read both ways', () => {
  const rule = 'ezhou.groups-and-grids-coincide';
  const nested = alternative(readings.unitsCoincide.id);
  const building = { households: 60, leader: true };
  // Two grids of one group each; the first grid holds buildings 0–2, the second 3–4.
  const base: CommunityFacts = {
    residentGroups: [{ households: 180 }, { households: 120 }],
    buildings: [building, building, building, building, building],
    grids: [
      { households: 180, groups: [180], buildings: [0, 1, 2] },
      { households: 120, groups: [120], buildings: [3, 4] },
    ],
  };
  const withAreas = (...areas: number[][]): CommunityFacts => ({
    ...base,
    propertyAreas: areas.map((buildings) => ({ buildings })),
  });
  it('areas with the same buildings as the grids pass both ways', () => {
    const same = withAreas([3, 4], [0, 1, 2]);
    expect(result(same, rule).actual).toBe('2个网格、2个居民小组、2个物业服务区域均重合');
    expect(status(same, rule, nested)).toBe('pass');
  });
  it('an area inside a grid warns by the same boundaries and passes by nesting', () => {
    const inside = withAreas([0, 1], [3, 4]);
    const r = result(inside, rule);
    expect(r.status).toBe('warn');
    expect(r.actual).toBe('1个物业服务区域未与网格重合；1个网格没有楼栋相同的物业服务区域');
    expect(r.expected).toContain('楼栋相同的物业服务区域');
    expect(status(inside, rule, nested)).toBe('pass');
    // A grid inside an area is nesting too.
    expect(status(withAreas([0, 1, 2, 3, 4]), rule, nested)).toBe('pass');
    expect(status(withAreas([0, 1, 2, 3, 4]), rule)).toBe('warn');
  });
  it('an area across two grids, or with no building, warns both ways', () => {
    const across = withAreas([2, 3]);
    expect(status(across, rule)).toBe('warn');
    expect(result(across, rule, nested)).toMatchObject({
      status: 'warn',
      actual: '1个物业服务区域跨越网格边界；2个网格的边界被物业服务区域跨越',
    });
    expect(result(withAreas([0, 1, 2], []), rule, nested).actual).toBe('1个物业服务区域未列出楼栋');
  });
  it('leaves the areas out, and says so, where the grids do not list their buildings', () => {
    const unlisted: CommunityFacts = {
      ...withAreas([2, 3]),
      grids: base.grids!.map(({ buildings: _buildings, ...grid }) => grid),
    };
    expect(result(unlisted, rule)).toMatchObject({
      status: 'pass',
      actual: '2个网格、2个居民小组均重合；网格未列出楼栋，物业服务区域未能比较',
    });
  });
});

describe('第七条（三） building leaders (guiding)', () => {
  const rule = 'ezhou.building-leaders';
  it('warns when a building has no leader', () => {
    expect(
      status(
        {
          buildings: [
            { households: 40, leader: true },
            { households: 30, leader: false },
          ],
        },
        rule,
      ),
    ).toBe('warn');
    expect(status({ buildings: [{ households: 40, leader: true }] }, rule)).toBe('pass');
  });
  it('by default a leader per building suffices; the alternative reading caps a leader at 50 households', () => {
    const at = { buildings: [{ households: 50, leader: true }] };
    const above = { buildings: [{ households: 51, leader: true }] };
    expect(status(above, rule)).toBe('pass');
    const options = alternative(readings.buildingLeaderBasis.id);
    expect(status(at, rule, options)).toBe('pass');
    expect(status(above, rule, options)).toBe('warn');
  });
});

describe('第十一条 facility', () => {
  it('main building: warns above three floors', () => {
    const rule = 'ezhou.facility-floors';
    expect(status({ facility: { mainBuildingFloors: 2 } }, rule)).toBe('pass');
    expect(status({ facility: { mainBuildingFloors: 3 } }, rule)).toBe('pass');
    expect(status({ facility: { mainBuildingFloors: 4 } }, rule)).toBe('warn');
  });
  it('minFacilityArea: 1000 m² up to 2000 households, then 50 m² per hundred', () => {
    expect(run({ households: 1999 }).quantities.minFacilityArea).toBe(1000);
    expect(run({ households: 2000 }).quantities.minFacilityArea).toBe(1000);
    expect(run({ households: 3050 }).quantities.minFacilityArea).toBe(1525);
    expect(
      run({ households: 3050 }, alternative(readings.facilityAreaPerHundred.id)).quantities.minFacilityArea,
    ).toBe(1550);
    expect(run({}).quantities.minFacilityArea).toBeUndefined();
  });
  it('fails below the minimum area, passes at and above', () => {
    const rule = 'ezhou.facility-area';
    expect(status({ households: 3000, facility: { totalArea: 1499 } }, rule)).toBe('fail');
    expect(status({ households: 3000, facility: { totalArea: 1500 } }, rule)).toBe('pass');
    expect(status({ households: 3000, facility: { totalArea: 1501 } }, rule)).toBe('pass');
    expect(status({ households: 1000, facility: { totalArea: 999 } }, rule)).toBe('fail');
    expect(status({ facility: { totalArea: 5000 } }, rule)).toBe('unknown');
  });
  it('第十二条: fails unless all ten “1+9” functions are present, naming the missing ones', () => {
    const rule = 'ezhou.facility-functions';
    const all = facilityFunctions;
    expect(status({ facility: { functions: [...all] } }, rule)).toBe('pass');
    const nine = result({ facility: { functions: all.filter((f) => f !== 'health') } }, rule);
    expect(nine.status).toBe('fail');
    expect(nine.actual).toContain('卫生健康服务');
  });
  it('第十四条: warns without an emergency shelter venue', () => {
    expect(status({ facility: { emergencyShelter: false } }, 'ezhou.emergency-shelter')).toBe('warn');
    expect(status({ facility: { emergencyShelter: true } }, 'ezhou.emergency-shelter')).toBe('pass');
  });
});

describe('第十七条 worker quotas', () => {
  const quota = (residents: number, options: Partial<EvaluateOptions> = {}) =>
    run({ residents }, options).quantities.twoCommitteesQuota;
  it('twoCommitteesQuota: 5 up to 5000 residents, +1 per full 3000, at most 9', () => {
    expect(quota(4999)).toBe(5);
    expect(quota(5000)).toBe(5);
    expect(quota(5001)).toBe(5);
    expect(quota(7999)).toBe(5);
    expect(quota(8000)).toBe(6);
    expect(quota(8001)).toBe(6);
    expect(quota(17000)).toBe(9);
    expect(quota(20000)).toBe(9);
    expect(quota(100000)).toBe(9);
  });
  it('twoCommitteesQuota under the alternative reading counts a started 3000', () => {
    const options = alternative(readings.twoCommitteesStep.id);
    expect(quota(5000, options)).toBe(5);
    expect(quota(5001, options)).toBe(6);
    expect(quota(8000, options)).toBe(6);
    expect(quota(8001, options)).toBe(7);
    expect(quota(50000, options)).toBe(9);
  });
  it('第十七条 binds both ways as the specialists’ figure does; read as a ceiling, a shortfall only warns', () => {
    const rule = 'ezhou.two-committees-staffing';
    const ceiling = alternative(readings.twoCommitteesShortfall.id);
    expect(status({ residents: 8000, staff: { twoCommittees: 5 } }, rule)).toBe('fail');
    expect(status({ residents: 8000, staff: { twoCommittees: 5 } }, rule, ceiling)).toBe('warn');
    expect(status({ residents: 8000, staff: { twoCommittees: 7 } }, rule, ceiling)).toBe('fail');
    expect(status({ residents: 8000, staff: { twoCommittees: 6 } }, rule, ceiling)).toBe('pass');
  });
  it('fails above the quota, warns below it (as a ceiling), passes at it', () => {
    const rule = 'ezhou.two-committees-staffing';
    expect(status({ residents: 8000, staff: { twoCommittees: 7 } }, rule)).toBe('fail');
    expect(status({ residents: 8000, staff: { twoCommittees: 6 } }, rule)).toBe('pass');
    expect(
      status(
        { residents: 8000, staff: { twoCommittees: 5 } },
        rule,
        alternative(readings.twoCommitteesShortfall.id),
      ),
    ).toBe('warn');
    expect(status({ staff: { twoCommittees: 5 } }, rule)).toBe('unknown');
  });
  it('specialists: four exactly by default, at least four under the alternative reading', () => {
    const rule = 'ezhou.specialists';
    expect(run({}).quantities.specialistQuota).toBe(4);
    expect(status({ staff: { specialists: 3 } }, rule)).toBe('fail');
    expect(status({ staff: { specialists: 4 } }, rule)).toBe('pass');
    expect(status({ staff: { specialists: 5 } }, rule)).toBe('fail');
    const options = alternative(readings.specialistCount.id);
    expect(status({ staff: { specialists: 3 } }, rule, options)).toBe('fail');
    expect(status({ staff: { specialists: 5 } }, rule, options)).toBe('pass');
  });
});

describe('第二十一条 pay', () => {
  const rule = 'ezhou.salary';
  it('is unknown until the city average wage is supplied, then compares against it', () => {
    expect(status({ salary: { annualAverage: 80000 } }, rule)).toBe('unknown');
    const params = { cityAverageWage: 80000 };
    expect(status({ salary: { annualAverage: 79999 } }, rule, { params })).toBe('fail');
    expect(status({ salary: { annualAverage: 80000 } }, rule, { params })).toBe('pass');
    expect(status({ salary: { annualAverage: 80001 } }, rule, { params })).toBe('pass');
  });
  it('explains which value it read and that the caller supplied it', () => {
    const r = result({ salary: { annualAverage: 1 } }, rule, {
      params: { cityAverageWage: 2 },
      explain: true,
    });
    expect(r.explanation?.parameters).toEqual([
      expect.objectContaining({ name: 'cityAverageWage', value: 2, suppliedBy: 'caller' }),
    ]);
    expect(r.explanation?.facts).toEqual([{ path: 'salary.annualAverage', value: 1 }]);
  });
  it('（一） bonusMonths: one month per honour, one and a half for district advanced, capped at 3.5', () => {
    const months = (honours: CommunityFacts['honours'], options: Partial<EvaluateOptions> = {}) =>
      run({ honours }, options).quantities.bonusMonths;
    expect(months([])).toBe(0);
    expect(months(['city-civilized-unit'])).toBe(1);
    expect(months(['district-assessment-advanced'])).toBe(1.5);
    expect(months(['city-advanced-party-organization', 'harmonious-community-model'])).toBe(2);
    expect(
      months(['city-advanced-party-organization', 'harmonious-community-model', 'assessment-qualified']),
    ).toBe(3);
    expect(
      months([
        'city-advanced-party-organization',
        'harmonious-community-model',
        'district-assessment-advanced',
      ]),
    ).toBe(3.5);
    expect(
      months([
        'city-advanced-party-organization',
        'harmonious-community-model',
        'city-civilized-unit',
        'assessment-qualified',
        'district-assessment-advanced',
      ]),
    ).toBe(3.5);
    expect(run({}).quantities.bonusMonths).toBeUndefined();
  });
  it('（一） alternative reading: advanced supersedes qualified', () => {
    const options = alternative(readings.bonusQualifiedAndAdvanced.id);
    const both = ['assessment-qualified', 'district-assessment-advanced'] as const;
    expect(run({ honours: [...both] }).quantities.bonusMonths).toBe(2.5);
    expect(run({ honours: [...both] }, options).quantities.bonusMonths).toBe(1.5);
    expect(run({ honours: ['assessment-qualified'] }, options).quantities.bonusMonths).toBe(1);
  });
});

describe('第三十四条 assessment weights', () => {
  it('routine assessment must weigh at least 60%', () => {
    const rule = 'ezhou.routine-assessment-weight';
    expect(status({ assessment: { routineWeight: 0.59 } }, rule)).toBe('fail');
    expect(status({ assessment: { routineWeight: 0.6 } }, rule)).toBe('pass');
    expect(status({ assessment: { routineWeight: 0.61 } }, rule)).toBe('pass');
    expect(status({ assessment: { annualWeight: 0.4 } }, rule)).toBe('pass');
    expect(status({ assessment: { annualWeight: 0.41 } }, rule)).toBe('fail');
    expect(status({ assessment: {} }, rule)).toBe('unknown');
  });
  it('resident scoring: below 50% as written', () => {
    for (const part of ['routine', 'annual'] as const) {
      const rule = `ezhou.resident-scoring-share-${part}`;
      const key = part === 'routine' ? 'residentShareRoutine' : 'residentShareAnnual';
      expect(status({ assessment: { [key]: 0.49 } }, rule)).toBe('pass');
      expect(status({ assessment: { [key]: 0.5 } }, rule)).toBe('fail');
      expect(status({ assessment: { [key]: 0.51 } }, rule)).toBe('fail');
    }
  });
  it('resident scoring: not below 50% under the alternative reading (a lost 不)', () => {
    const options = alternative(readings.residentScoringShare.id);
    for (const part of ['routine', 'annual'] as const) {
      const rule = `ezhou.resident-scoring-share-${part}`;
      const key = part === 'routine' ? 'residentShareRoutine' : 'residentShareAnnual';
      expect(status({ assessment: { [key]: 0.49 } }, rule, options)).toBe('fail');
      expect(status({ assessment: { [key]: 0.5 } }, rule, options)).toBe('pass');
      expect(status({ assessment: { [key]: 0.51 } }, rule, options)).toBe('pass');
    }
  });
});

describe('a district pack extending Ezhou', () => {
  // A made-up 实施细则 of 鄂城区 (第四十二条 lets districts make them), to show composition on the shipped pack.
  const DOC = '鄂城区城市社区工作规则实施细则（示例）';
  const cite = citeFrom(DOC);
  const district = definePack({
    code: '420702',
    name: '鄂城区',
    parent: '420700',
    documents: [{ title: DOC, inForceFrom: '2021-01-01' }],
    overrides: [
      replaceParameter(
        'cityAverageWage',
        parameter({
          name: 'cityAverageWage',
          label: '城市在岗职工平均工资',
          unit: '元/年',
          values: [value('2021-01-01', 70000, cite('第三条', '示例：按70000元核算。'))],
        }),
        cite('第三条', '示例：按70000元核算。'),
      ),
      disableRule('ezhou.emergency-shelter', cite('第五条', '示例：室外场地另行规定。'), '示例'),
    ],
  });
  const chain = compile([ezhouPack, district]);

  it('uses the district’s parameter value, naming the district as its source', () => {
    const r = chain({ salary: { annualAverage: 69999 } }, { asOf, explain: true }).results.find(
      (x) => x.rule === 'ezhou.salary',
    );
    expect(r?.status).toBe('fail');
    expect(r?.jurisdiction).toBe('420700');
    expect(r?.explanation?.parameters[0]).toMatchObject({ value: 70000, suppliedBy: '420702' });
  });
  it('drops the rule it disables and keeps the others', () => {
    const rules = chain({}, { asOf }).results.map((x) => x.rule);
    expect(rules).not.toContain('ezhou.emergency-shelter');
    expect(rules).toContain('ezhou.facility-area');
  });
});
