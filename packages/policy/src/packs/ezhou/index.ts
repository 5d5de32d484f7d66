/**
 * 鄂州市城市社区工作规则（试行） (`sources/ezhou.txt`): 中共鄂州市委、鄂州市人民政府, in force from 2019-12-02
 * (第四十四条: 自印发之日起实施). The rule covers urban communities only (第二条).
 */
import type { FacilityFunction, HonourKind } from '@shequ/domain';
import {
  ezhouUnitsCoincide,
  gridCoincidesWithGroups,
  NATIONAL_CODE,
  propertyAreasAndGridsApart,
} from '@shequ/domain';
import {
  check,
  citeFrom,
  definePack,
  exactDifference,
  fmt,
  later,
  maximumCheck,
  minimumCheck,
  parameter,
  quantity,
  value,
} from '../../engine/index.js';
import { householdsFloorRules } from '../households-floor.js';
import { EZHOU_DOCUMENT, ezhouObligationParameters, ezhouObligationRules } from './obligations.js';

export { EZHOU_DOCUMENT };

const cite = citeFrom(EZHOU_DOCUMENT);
const IN_FORCE = '2019-12-02';

const quotes = {
  size: '社区规模原则上不小于3000户10000人（小于此规模的乡镇政府所在地可设立一个社区）。',
  subCommittees: '每个下属委员会由 1 名社区居民委员会成员牵头负责，由若干居民代表组成。',
  groups: '居民小组原则上按照 300-500 户（或物业区域）的规模设立',
  coincide:
    '一般情况下，居民小组、网格站、物业服务区域应尽可能重合，居民小组长可同时兼任网格站长和业主委员会主任。',
  buildingLeaders: '各居民小组内，原则上按照 1 个楼栋（单元）或不超过 50 户规模选配 1 名楼栋长。',
  floors: '社区综合服务设施主体建筑应为结构合理、功能协调的整体建筑，一般不超过三层。',
  area: '按照每百户居民拥有面积不低于 50 平方米且总面积不少于 1000 平方米的标准建设。',
  functions:
    '社区综合服务设施应具备“1+9”服务管理功能，即：1 个便民服务大厅和党员活动、综治警务、教育培训、文体活动、老幼残服务、家庭与妇女服务、卫生健康服务、环境物业服务、社会组织活动等 9 项服务功能。',
  shelter:
    '室外活动场地（含应急避难场所）平时可满足辖区内居民开展室外健身、娱乐、休闲需要，应急时可作为应急避难场所使用，配备必要室外活动器材，设置应急避难标志。',
  twoCommittees:
    '“两委”成员按照 5000 名居民及以下配备 5 人、每增加 3000 名居民增配 1 人，最多不超过 9 人的标准核定',
  specialists: '社区配备 4 名专干，主要承担党建、民政、劳动、卫健等协助党和政府工作事项。',
  salary: '社区工作者薪酬应不低于本市城市在岗职工平均工资。',
  bonus:
    '社区工作者所在社区获得市级以上先进基层党组织、和谐社区建设示范单位、市级以上文明单位称号和综合考核合格单位的，可分别增发一个月奖励性薪酬；获得区级以上年度综合考核先进单位的，可增发一个半月奖励性薪酬。社区工作者年度奖励性薪酬累计不得超过三个半月。',
  routineWeight: '社区工作综合考核评比分平时考核和年度考核两部分，平时考核分数占比应不低于 60%',
  residentShare: '平时考核、年度考核中，居民打分应均低于 50%。',
  streetRating:
    '社区考评街道（乡镇）由区组织部门会同民政、综治、人社、卫健等部门制定标准，报市组织、民政、人社、卫健部门备案后组织实施，其中居民打分应均不低于 50%。',
} as const;

/** The "1+9" functions of 第十二条 with the names the article uses. */
const requiredFunctions: Record<FacilityFunction, string> = {
  'convenience-hall': '便民服务大厅',
  'party-activities': '党员活动',
  policing: '综治警务',
  education: '教育培训',
  'culture-sports': '文体活动',
  'elderly-child-disabled': '老幼残服务',
  'family-women': '家庭与妇女服务',
  health: '卫生健康服务',
  'environment-property': '环境物业服务',
  'social-organizations': '社会组织活动',
};

const functionOrder = Object.keys(requiredFunctions) as FacilityFunction[];

/** Months of bonus pay per honour, 第二十一条（一）. */
const bonusMonthsByHonour: Record<HonourKind, number> = {
  'city-advanced-party-organization': 1,
  'harmonious-community-model': 1,
  'city-civilized-unit': 1,
  'assessment-qualified': 1,
  'district-assessment-advanced': 1.5,
};

export const ezhouInterpretations = {
  subCommitteeSize: {
    id: 'ezhou.sub-committee-size',
    name: '第七条（一）“由若干居民代表组成”：下属委员会至少几人',
    chosen: '“若干”至少为1名，下属委员会至少2人（1名居委会成员牵头，加至少1名居民代表）。',
    alternative: '“若干”意为不止一名，下属委员会至少3人（1名牵头成员加至少2名居民代表）。',
  },
  /**
   * 第七条（二）"重合": the same boundaries, or nesting without crossing. Written in `@shequ/domain` (the
   * reasons are there), since the register rules of `@shequ/people` read the same id and texts.
   */
  unitsCoincide: ezhouUnitsCoincide,
  buildingLeaderBasis: {
    id: 'ezhou.building-leader-basis',
    name: '第七条（三）“1个楼栋（单元）或不超过50户”：超过50户的楼栋是否须多于1名楼栋长',
    chosen: '两种标准择一即可：每个楼栋（单元）有楼栋长即符合，不论户数。',
    alternative:
      '超过50户的楼栋（单元）须按每50户1名配备，仅有1名楼栋长的记为未达标（快照只记录是否有楼栋长，故提示核实）。',
  },
  facilityAreaPerHundred: {
    id: 'ezhou.facility-area-per-hundred',
    name: '第十一条“每百户居民拥有面积不低于50平方米”：按比例还是按整百户',
    chosen: '按比例计算：每户0.5平方米（3050户需1525平方米）。',
    alternative: '不足百户的部分按一百户计（3050户按31个百户计，需1550平方米）。',
  },
  twoCommitteesStep: {
    id: 'ezhou.two-committees-step',
    name: '第十七条“每增加3000名居民增配1人”：满3000人才增配，还是开始增加即增配',
    chosen: '满3000名才增配1人（8000名居民6人，7999名居民5人）。',
    alternative: '超过5000名后每开始一个3000名即增配1人（5001名居民即6人）。',
  },
  twoCommitteesShortfall: {
    id: 'ezhou.two-committees-shortfall',
    name: '第十七条“按照…标准核定”：“两委”成员少于核定人数是否违反',
    chosen: '核定人数是应配备的人数（与“社区配备4名专干”同一原则）：少于或多于核定人数均为不符合。',
    alternative:
      '核定人数是上限（“最多不超过9人”）：多于核定人数为不符合，少于核定人数是待补的空缺，仅提示。',
  },
  specialistCount: {
    id: 'ezhou.specialist-count',
    name: '第十七条“社区配备4名专干”：恰为4名还是至少4名',
    chosen: '恰为4名：专干是按职能（党建、民政、劳动、卫健）核定的编制，多配或少配都不符合。',
    alternative: '至少4名：4名是下限，多配不违反本条。',
  },
  bonusQualifiedAndAdvanced: {
    id: 'ezhou.bonus-qualified-and-advanced',
    name: '第二十一条（一）同时获得“综合考核合格单位”与“区级以上年度综合考核先进单位”：是否分别计发',
    chosen: '“分别增发”：各项荣誉分别计发（合格1个月加先进1.5个月），合计不超过3.5个月。',
    alternative: '先进单位已包含合格：同时获得时只按先进计1.5个月，不另计合格的1个月。',
  },
  residentScoringShare: {
    id: 'ezhou.resident-scoring-share',
    name: '第三十四条“居民打分应均低于50%”：是否为“均不低于50%”之误',
    chosen: '按原文：平时考核、年度考核中居民打分占比均应低于50%。',
    alternative:
      '原文脱漏“不”字，应为“均不低于50%”（与第三十五条“居民打分应均不低于50%”及第二十五条（五）以居民满意度为重要指标的精神一致）。',
  },
} as const;

export const ezhouPack = definePack({
  code: '420700',
  name: '鄂州市',
  parent: NATIONAL_CODE, // docs/interfaces.md §1: every chain begins with the national pack
  documents: [{ title: EZHOU_DOCUMENT, inForceFrom: IN_FORCE }],
  settings: ['urban'],
  parameters: [
    parameter({
      name: 'minCommunityHouseholds',
      label: '社区规模下限（户）',
      unit: '户',
      values: [value(IN_FORCE, 3000, cite('第五条', quotes.size))],
    }),
    parameter({
      name: 'minCommunityResidents',
      label: '社区规模下限（人）',
      unit: '人',
      values: [value(IN_FORCE, 10000, cite('第五条', quotes.size))],
    }),
    parameter({
      name: 'minResidentGroupHouseholds',
      label: '居民小组规模下限（户）',
      unit: '户',
      values: [value(IN_FORCE, 300, cite('第七条（二）', quotes.groups))],
    }),
    parameter({
      name: 'maxResidentGroupHouseholds',
      label: '居民小组规模上限（户）',
      unit: '户',
      values: [value(IN_FORCE, 500, cite('第七条（二）', quotes.groups))],
    }),
    parameter({
      name: 'householdsPerBuildingLeader',
      label: '每名楼栋长联系户数上限',
      unit: '户',
      values: [value(IN_FORCE, 50, cite('第七条（三）', quotes.buildingLeaders))],
    }),
    parameter({
      name: 'maxMainBuildingFloors',
      label: '综合服务设施主体建筑层数上限',
      unit: '层',
      values: [value(IN_FORCE, 3, cite('第十一条', quotes.floors))],
    }),
    parameter({
      name: 'facilityAreaPerHundredHouseholds',
      label: '每百户综合服务设施面积',
      unit: '平方米',
      values: [value(IN_FORCE, 50, cite('第十一条', quotes.area))],
    }),
    parameter({
      name: 'minFacilityTotalArea',
      label: '综合服务设施总面积下限',
      unit: '平方米',
      values: [value(IN_FORCE, 1000, cite('第十一条', quotes.area))],
    }),
    parameter({
      name: 'twoCommitteesBase',
      label: '“两委”成员基数',
      unit: '人',
      values: [value(IN_FORCE, 5, cite('第十七条', quotes.twoCommittees))],
    }),
    parameter({
      name: 'twoCommitteesBaseResidents',
      label: '“两委”成员基数对应居民数',
      unit: '人',
      values: [value(IN_FORCE, 5000, cite('第十七条', quotes.twoCommittees))],
    }),
    parameter({
      name: 'twoCommitteesStepResidents',
      label: '每增配1名“两委”成员的居民数',
      unit: '人',
      values: [value(IN_FORCE, 3000, cite('第十七条', quotes.twoCommittees))],
    }),
    parameter({
      name: 'twoCommitteesMax',
      label: '“两委”成员上限',
      unit: '人',
      values: [value(IN_FORCE, 9, cite('第十七条', quotes.twoCommittees))],
    }),
    parameter({
      name: 'specialistsPerCommunity',
      label: '每个社区专干人数',
      unit: '人',
      values: [value(IN_FORCE, 4, cite('第十七条', quotes.specialists))],
    }),
    parameter({
      name: 'cityAverageWage',
      label: '鄂州市城市在岗职工平均工资',
      unit: '元/年',
      // The rule fixes the benchmark, not its figure; the figure is published yearly and is not in the document.
      values: [],
      source: '鄂州市统计部门每年公布的城市在岗职工平均工资；用 params.cityAverageWage 提供',
    }),
    parameter({
      name: 'maxBonusMonths',
      label: '年度奖励性薪酬上限（月）',
      unit: '月',
      values: [value(IN_FORCE, 3.5, cite('第二十一条（一）', quotes.bonus))],
    }),
    parameter({
      name: 'minRoutineAssessmentWeight',
      label: '平时考核分数占比下限',
      unit: '比例',
      values: [value(IN_FORCE, 0.6, cite('第三十四条', quotes.routineWeight))],
    }),
    ...ezhouObligationParameters,
    parameter({
      name: 'streetRatingMinResidentShare',
      label: '社区考评街道（乡镇）中居民打分占比下限',
      unit: '比例',
      values: [value(IN_FORCE, 0.5, cite('第三十五条', quotes.streetRating))],
    }),
    parameter({
      name: 'residentScoringShareLimit',
      label: '居民打分占比界限',
      unit: '比例',
      values: [value(IN_FORCE, 0.5, cite('第三十四条', quotes.residentShare))],
    }),
  ],
  rules: [
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
          facts.households >= params.minCommunityHouseholds &&
          facts.residents >= params.minCommunityResidents;
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
          holds:
            apart === 0 && outside === 0 && areasApart.areas.length === 0 && areasApart.grids.length === 0,
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
              if (areasWithoutBuildings > 0)
                problems.push(`${areasWithoutBuildings}个物业服务区域未列出楼栋`);
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
            return problems.length === 0
              ? `${buildings.length}个楼栋（单元）均有楼栋长`
              : problems.join('；');
          }),
        };
      },
    }),
    maximumCheck({
      id: 'ezhou.facility-floors',
      title: '综合服务设施主体建筑一般不超过三层',
      citation: cite('第十一条', quotes.floors),
      binding: 'guiding',
      fact: 'facility.mainBuildingFloors',
      maximum: { param: 'maxMainBuildingFloors' },
      format: (floors) => `${floors}层`,
    }),
    ...householdsFloorRules({
      quantity: {
        id: 'ezhou.min-facility-area',
        name: 'minFacilityArea',
        title: '综合服务设施面积下限：每百户不低于50平方米且总面积不少于1000平方米',
      },
      check: {
        id: 'ezhou.facility-area',
        title: '综合服务设施面积每百户不低于50平方米且总面积不少于1000平方米',
        fact: 'facility.totalArea',
        format: fmt.area,
      },
      citation: cite('第十一条', quotes.area),
      block: 100,
      rate: 'facilityAreaPerHundredHouseholds',
      floor: 'minFacilityTotalArea',
      startedBlock: ezhouInterpretations.facilityAreaPerHundred,
    }),
    check({
      id: 'ezhou.facility-functions',
      title: '综合服务设施应具备“1+9”服务管理功能',
      citation: cite('第十二条', quotes.functions),
      binding: 'binding',
      facts: { functions: 'facility.functions' },
      evaluate: ({ facts }) => {
        const functions = facts.functions;
        let complete = true;
        for (let i = 0; i < functionOrder.length && complete; i++)
          complete = functions.includes(functionOrder[i]!);
        return {
          holds: complete,
          expected: '便民服务大厅及9项服务功能齐全',
          actual: complete
            ? '10项功能齐全'
            : () =>
                `缺少：${functionOrder
                  .filter((f) => !functions.includes(f))
                  .map((f) => requiredFunctions[f])
                  .join('、')}`,
        };
      },
    }),
    check({
      id: 'ezhou.emergency-shelter',
      title: '室外活动场地应急时可作为应急避难场所，设置应急避难标志',
      citation: cite('第十四条', quotes.shelter),
      // No 应/不得 in the sentence: it describes the venue to be provided, so a miss warns.
      binding: 'guiding',
      facts: { shelter: 'facility.emergencyShelter' },
      evaluate: ({ facts }) => ({
        holds: facts.shelter,
        expected: '有可作应急避难场所并设标志的室外活动场地',
        actual: facts.shelter ? '有' : '无',
      }),
    }),
    quantity({
      id: 'ezhou.two-committees-quota',
      name: 'twoCommitteesQuota',
      title: '“两委”成员核定人数：5000名居民及以下5人，每增加3000名增配1人，最多9人',
      citation: cite('第十七条', quotes.twoCommittees),
      facts: { residents: 'residents' },
      params: [
        'twoCommitteesBase',
        'twoCommitteesBaseResidents',
        'twoCommitteesStepResidents',
        'twoCommitteesMax',
      ],
      interpretations: [ezhouInterpretations.twoCommitteesStep],
      compute: ({ facts, params, alternative }) => {
        const above = Math.max(0, facts.residents - params.twoCommitteesBaseResidents);
        const steps = above / params.twoCommitteesStepResidents;
        const added = alternative(ezhouInterpretations.twoCommitteesStep.id)
          ? Math.ceil(steps)
          : Math.floor(steps);
        return Math.min(params.twoCommitteesMax, params.twoCommitteesBase + added);
      },
    }),
    check({
      id: 'ezhou.two-committees-staffing',
      title: '“两委”成员按核定人数配备，最多不超过9人',
      citation: cite('第十七条', quotes.twoCommittees),
      binding: 'binding',
      facts: { twoCommittees: 'staff.twoCommittees' },
      quantities: ['twoCommitteesQuota'],
      interpretations: [ezhouInterpretations.twoCommitteesShortfall],
      evaluate: ({ facts, quantities, alternative }) => {
        const quota = quantities.twoCommitteesQuota;
        const members = facts.twoCommittees;
        const actual = later(() => fmt.people(members));
        if (members > quota) {
          return { holds: false, expected: later(() => `不超过核定的${fmt.people(quota)}`), actual };
        }
        // A figure the article sets without a hedge binds both ways (as the specialists' 4 does);
        // read as a ceiling only, fewer than the quota is a vacancy to fill and warns.
        const outcome = {
          holds: members === quota,
          expected: later(() => `按核定配备${fmt.people(quota)}`),
          actual,
        };
        return alternative(ezhouInterpretations.twoCommitteesShortfall.id)
          ? { ...outcome, binding: 'guiding' }
          : outcome;
      },
    }),
    quantity({
      id: 'ezhou.specialist-quota',
      name: 'specialistQuota',
      title: '社区配备4名专干',
      citation: cite('第十七条', quotes.specialists),
      params: ['specialistsPerCommunity'],
      compute: ({ params }) => params.specialistsPerCommunity,
    }),
    check({
      id: 'ezhou.specialists',
      title: '社区配备4名专干',
      citation: cite('第十七条', quotes.specialists),
      binding: 'binding',
      facts: { specialists: 'staff.specialists' },
      quantities: ['specialistQuota'],
      interpretations: [ezhouInterpretations.specialistCount],
      evaluate: ({ facts, quantities, alternative }) => {
        const quota = quantities.specialistQuota;
        const atLeast = alternative(ezhouInterpretations.specialistCount.id);
        return {
          holds: atLeast ? facts.specialists >= quota : facts.specialists === quota,
          expected: later(() => (atLeast ? `不少于${fmt.people(quota)}` : fmt.people(quota))),
          actual: later(() => fmt.people(facts.specialists)),
        };
      },
    }),
    minimumCheck({
      id: 'ezhou.salary',
      title: '社区工作者薪酬应不低于本市城市在岗职工平均工资',
      citation: cite('第二十一条', quotes.salary),
      binding: 'binding',
      fact: 'salary.annualAverage',
      minimum: { param: 'cityAverageWage' },
      wording: '不低于',
      format: (yuan) => `${fmt.yuan(yuan)}/年`,
    }),
    quantity({
      id: 'ezhou.bonus-months',
      name: 'bonusMonths',
      title: '奖励性薪酬月数：各项荣誉分别增发，累计不超过三个半月',
      citation: cite('第二十一条（一）', quotes.bonus),
      facts: { honours: 'honours' },
      params: ['maxBonusMonths'],
      interpretations: [ezhouInterpretations.bonusQualifiedAndAdvanced],
      compute: ({ facts, params, alternative }) => {
        const honours = facts.honours;
        const dropQualified =
          alternative(ezhouInterpretations.bonusQualifiedAndAdvanced.id) &&
          honours.includes('district-assessment-advanced');
        let months = 0;
        for (let i = 0; i < honours.length; i++) {
          const honour = honours[i]!;
          // Each honour counts once however often it is listed, in the order first listed.
          if (honours.indexOf(honour) !== i || (dropQualified && honour === 'assessment-qualified')) continue;
          months += bonusMonthsByHonour[honour];
        }
        return Math.min(params.maxBonusMonths, months);
      },
    }),
    check({
      id: 'ezhou.routine-assessment-weight',
      title: '平时考核分数占比应不低于60%',
      citation: cite('第三十四条', quotes.routineWeight),
      binding: 'binding',
      optionalFacts: { routine: 'assessment.routineWeight', annual: 'assessment.annualWeight' },
      params: ['minRoutineAssessmentWeight'],
      evaluate: ({ optional, params }) => {
        // The comprehensive assessment has exactly two parts, so either weight gives the other.
        const routine =
          optional.routine ??
          (optional.annual === undefined ? undefined : exactDifference(1, optional.annual));
        if (routine === undefined)
          return { unknown: '缺少事实 assessment.routineWeight（或 assessment.annualWeight）' };
        return {
          holds: routine >= params.minRoutineAssessmentWeight,
          expected: later(() => `不低于${fmt.percent(params.minRoutineAssessmentWeight)}`),
          actual: later(() => fmt.percent(routine)),
        };
      },
    }),
    ...(
      [
        ['routine', 'assessment.residentShareRoutine', '平时考核'],
        ['annual', 'assessment.residentShareAnnual', '年度考核'],
      ] as const
    ).map(([part, path, label]) =>
      check({
        id: `ezhou.resident-scoring-share-${part}`,
        // The title states the requirement without choosing a reading; the message says which applied.
        title: `${label}中居民打分占比与50%的界限（原文“均低于50%”）`,
        citation: cite('第三十四条', quotes.residentShare),
        binding: 'binding',
        facts: { share: path },
        params: ['residentScoringShareLimit'],
        interpretations: [ezhouInterpretations.residentScoringShare],
        evaluate: ({ facts, params, alternative }) => {
          const limit = params.residentScoringShareLimit;
          const notBelow = alternative(ezhouInterpretations.residentScoringShare.id);
          const holds = notBelow ? facts.share >= limit : facts.share < limit;
          const requirement = later(
            () => `${label}居民打分占比${notBelow ? '不低于' : '低于'}${fmt.percent(limit)}`,
          );
          const reading = notBelow ? '按“均不低于50%”的解释' : '按原文';
          return {
            holds,
            expected: requirement,
            actual: later(() => fmt.percent(facts.share)),
            message: later(() =>
              holds
                ? `符合：${reading}，${requirement()}（实际${fmt.percent(facts.share)}）。`
                : `不符合：${reading}，${requirement()}，实际${fmt.percent(facts.share)}。`,
            ),
          };
        },
      }),
    ),
    minimumCheck({
      id: 'ezhou.street-rating-resident-share',
      title: '社区考评街道（乡镇）中居民打分应不低于50%',
      citation: cite('第三十五条', quotes.streetRating),
      binding: 'binding',
      fact: 'assessment.streetRatingResidentShare',
      minimum: { param: 'streetRatingMinResidentShare' },
      wording: '不低于',
      format: fmt.percent,
    }),
    ...ezhouObligationRules,
  ],
});
