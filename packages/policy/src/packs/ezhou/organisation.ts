/**
 * Ezhou's community and its organisation: the community's size (第五条), the sub-committees, resident
 * groups, grids and building leaders of 第七条.
 */
import { gridCoincidesWithGroups, propertyAreasAndGridsApart } from '@shequ/domain';
import { check, fmt, later } from '../../engine/index.js';
import { cite, ezhouParameter } from './document.js';
import { ezhouInterpretations } from './interpretations.js';

const quotes = {
  size: '社区规模原则上不小于3000户10000人（小于此规模的乡镇政府所在地可设立一个社区）。',
  subCommittees: '每个下属委员会由 1 名社区居民委员会成员牵头负责，由若干居民代表组成。',
  groups: '居民小组原则上按照 300-500 户（或物业区域）的规模设立',
  coincide:
    '一般情况下，居民小组、网格站、物业服务区域应尽可能重合，居民小组长可同时兼任网格站长和业主委员会主任。',
  buildingLeaders: '各居民小组内，原则上按照 1 个楼栋（单元）或不超过 50 户规模选配 1 名楼栋长。',
} as const;

export const organisationParameters = [
  ezhouParameter('minCommunityHouseholds', '社区规模下限（户）', '户', 3000, '第五条', quotes.size),
  ezhouParameter('minCommunityResidents', '社区规模下限（人）', '人', 10000, '第五条', quotes.size),
  ezhouParameter(
    'minResidentGroupHouseholds',
    '居民小组规模下限（户）',
    '户',
    300,
    '第七条（二）',
    quotes.groups,
  ),
  ezhouParameter(
    'maxResidentGroupHouseholds',
    '居民小组规模上限（户）',
    '户',
    500,
    '第七条（二）',
    quotes.groups,
  ),
  ezhouParameter(
    'householdsPerBuildingLeader',
    '每名楼栋长联系户数上限',
    '户',
    50,
    '第七条（三）',
    quotes.buildingLeaders,
  ),
];

export const organisationRules = [
  check({
    id: 'ezhou.community-size',
    title: '社区规模原则上不小于3000户10000人',
    citation: cite('第五条', quotes.size),
    binding: 'guiding',
    facts: { households: 'households', residents: 'residents' },
    optionalFacts: { townSeat: 'townSeat' },
    params: ['minCommunityHouseholds', 'minCommunityResidents'],
    evaluate: ({ facts, optional, params }) => {
      const holds =
        facts.households >= params.minCommunityHouseholds && facts.residents >= params.minCommunityResidents;
      const expected = later(
        () =>
          `不小于${fmt.households(params.minCommunityHouseholds)}且不小于${fmt.people(params.minCommunityResidents)}`,
      );
      const actual = later(() => `${fmt.households(facts.households)}、${fmt.people(facts.residents)}`);
      if (!holds && optional.townSeat === true) {
        return {
          notApplicable: later(() => `规模${actual()}小于标准，但小于此规模的乡镇政府所在地可设立一个社区`),
        };
      }
      if (!holds && optional.townSeat === undefined) {
        return {
          unknown: later(() => `规模${actual()}小于标准，需知道是否乡镇政府所在地（townSeat）才能判断`),
        };
      }
      return { holds, expected, actual };
    },
  }),
  check({
    id: 'ezhou.sub-committee-composition',
    title: '每个下属委员会由1名居委会成员牵头、若干居民代表组成',
    citation: cite('第七条（一）', quotes.subCommittees),
    binding: 'binding',
    facts: { subCommittees: 'subCommittees' },
    interpretations: [ezhouInterpretations.subCommitteeSize],
    evaluate: ({ facts, alternative }) => {
      const subCommittees = facts.subCommittees;
      if (subCommittees.length === 0) return { notApplicable: '未设下属委员会（本条规定“根据需要设立”）' };
      let unknown = false;
      for (let i = 0; i < subCommittees.length; i++)
        if (subCommittees[i]!.members === undefined) unknown = true;
      if (unknown) return { unknown: '有下属委员会未提供成员人数（subCommittees[].members）' };
      const minimum = alternative(ezhouInterpretations.subCommitteeSize.id) ? 3 : 2;
      let short = false;
      for (let i = 0; i < subCommittees.length; i++)
        if ((subCommittees[i]!.members ?? 0) < minimum) short = true;
      return {
        holds: !short,
        expected: later(() => `每个下属委员会不少于${fmt.people(minimum)}`),
        actual: later(() =>
          short
            ? `不足${minimum}人的：${subCommittees
                .filter((c) => (c.members ?? 0) < minimum)
                .map((c) => `${c.kind}（${fmt.people(c.members ?? 0)}）`)
                .join('、')}`
            : `${subCommittees.length}个下属委员会均达到`,
        ),
      };
    },
  }),
  check({
    id: 'ezhou.resident-group-size',
    title: '居民小组原则上按300—500户的规模设立',
    citation: cite('第七条（二）', quotes.groups),
    binding: 'guiding',
    facts: { groups: 'residentGroups' },
    params: ['minResidentGroupHouseholds', 'maxResidentGroupHouseholds'],
    evaluate: ({ facts, params }) => {
      if (facts.groups.length === 0) return { notApplicable: '未分设居民小组（本条规定“可分设”）' };
      const groups = facts.groups;
      const min = params.minResidentGroupHouseholds;
      const max = params.maxResidentGroupHouseholds;
      let outside = 0;
      for (let i = 0; i < groups.length; i++) {
        const households = groups[i]!.households;
        if (households < min || households > max) outside++;
      }
      return {
        holds: outside === 0,
        expected: later(() => `每个居民小组${min}—${max}户`),
        actual: later(() =>
          outside === 0
            ? `${groups.length}个居民小组均在范围内`
            : `超出范围的：${fmt.listed(
                groups,
                (g) => g.households < min || g.households > max,
                (g, i) => `第${i + 1}组${fmt.households(g.households)}`,
              )}`,
        ),
        message:
          outside === 0
            ? undefined
            : () =>
                `未达到指导性要求：居民小组原则上按${min}—${max}户设立，${outside}个小组超出范围（以物业区域设立的小组可不受此限）。`,
      };
    },
  }),
  check({
    id: 'ezhou.groups-and-grids-coincide',
    title: '居民小组、网格、物业服务区域一般情况下应尽可能重合',
    citation: cite('第七条（二）', quotes.coincide),
    // 一般情况下…尽可能: guidance, a miss warns.
    binding: 'guiding',
    facts: { grids: 'grids', groups: 'residentGroups' },
    // The property-service areas are weighed where the snapshot lists them and each grid's buildings.
    optionalFacts: { areas: 'propertyAreas' },
    interpretations: [ezhouInterpretations.unitsCoincide],
    evaluate: ({ facts, optional, alternative }) => {
      const { grids, groups } = facts;
      if (grids.length === 0 || groups.length === 0) return { notApplicable: '未分设网格或居民小组' };
      const reading = alternative(ezhouInterpretations.unitsCoincide.id) ? 'alternative' : 'chosen';
      const nested = reading === 'alternative';
      let apart = 0;
      let placed = 0;
      for (let i = 0; i < grids.length; i++) {
        const grid = grids[i]!;
        placed += grid.groups.length;
        if (!gridCoincidesWithGroups(grid, reading).coincides) apart++;
      }
      const outside = Math.max(0, groups.length - placed);
      const areas = optional.areas ?? [];
      const gridBuildings = grids.flatMap((g) => (g.buildings ? [g.buildings] : []));
      const areasWeighed = areas.length > 0 && gridBuildings.length === grids.length;
      const areasApart = areasWeighed
        ? propertyAreasAndGridsApart(
            areas.map((a) => a.buildings),
            gridBuildings,
            reading,
          )
        : { areas: [], grids: [] };
      const areasWithoutBuildings = areasWeighed ? areas.filter((a) => a.buildings.length === 0).length : 0;
      return {
        holds: apart === 0 && outside === 0 && areasApart.areas.length === 0 && areasApart.grids.length === 0,
        expected: later(() => {
          const forGroups = nested
            ? '每个网格由户数合计相同的整个居民小组组成，每个居民小组在一个网格内'
            : '每个网格恰与一个户数相同的居民小组重合';
          if (!areasWeighed) return forGroups;
          return nested
            ? `${forGroups}；物业服务区域与网格互不跨越（区域在一个网格内，或网格在一个区域内）`
            : `${forGroups}，并与一个楼栋相同的物业服务区域重合`;
        }),
        actual: later(() => {
          const problems: string[] = [];
          if (apart > 0) problems.push(`${apart}个网格未与居民小组重合`);
          if (outside > 0) problems.push(`${outside}个居民小组不在任何网格内`);
          if (nested) {
            const crossing = areasApart.areas.length - areasWithoutBuildings;
            if (crossing > 0) problems.push(`${crossing}个物业服务区域跨越网格边界`);
            if (areasWithoutBuildings > 0) problems.push(`${areasWithoutBuildings}个物业服务区域未列出楼栋`);
            if (areasApart.grids.length > 0)
              problems.push(`${areasApart.grids.length}个网格的边界被物业服务区域跨越`);
          } else {
            if (areasApart.areas.length > 0)
              problems.push(`${areasApart.areas.length}个物业服务区域未与网格重合`);
            if (areasApart.grids.length > 0)
              problems.push(`${areasApart.grids.length}个网格没有楼栋相同的物业服务区域`);
          }
          if (problems.length > 0) return problems.join('；');
          const all = `${grids.length}个网格、${groups.length}个居民小组`;
          if (areasWeighed) return `${all}、${areas.length}个物业服务区域均重合`;
          return areas.length > 0 ? `${all}均重合；网格未列出楼栋，物业服务区域未能比较` : `${all}均重合`;
        }),
      };
    },
  }),
  check({
    id: 'ezhou.building-leaders',
    title: '原则上每个楼栋（单元）或不超过50户选配1名楼栋长',
    citation: cite('第七条（三）', quotes.buildingLeaders),
    binding: 'guiding',
    facts: { buildings: 'buildings' },
    params: ['householdsPerBuildingLeader'],
    interpretations: [ezhouInterpretations.buildingLeaderBasis],
    evaluate: ({ facts, params, alternative }) => {
      const buildings = facts.buildings;
      if (buildings.length === 0) return { unknown: '未提供楼栋（单元）清单' };
      const perLeader = params.householdsPerBuildingLeader;
      const byHouseholds = alternative(ezhouInterpretations.buildingLeaderBasis.id);
      let withoutLeader = 0;
      let oversized = 0;
      for (let i = 0; i < buildings.length; i++) {
        const b = buildings[i]!;
        if (!b.leader) withoutLeader++;
        else if (byHouseholds && b.households > perLeader) oversized++;
      }
      return {
        holds: withoutLeader === 0 && oversized === 0,
        expected: byHouseholds
          ? () => `每个楼栋（单元）有楼栋长，且每${perLeader}户不少于1名`
          : '每个楼栋（单元）有楼栋长',
        actual: later(() => {
          const problems: string[] = [];
          if (withoutLeader > 0) problems.push(`${withoutLeader}个楼栋（单元）没有楼栋长`);
          if (oversized > 0) problems.push(`${oversized}个超过${perLeader}户的楼栋（单元）只记录1名楼栋长`);
          return problems.length === 0 ? `${buildings.length}个楼栋（单元）均有楼栋长` : problems.join('；');
        }),
      };
    },
  }),
];
