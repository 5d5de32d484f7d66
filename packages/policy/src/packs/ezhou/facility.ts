/** Ezhou's community service facility: its floors and area (第十一条), functions (第十二条) and shelter (第十四条). */
import type { FacilityFunction } from '@shequ/domain';
import { check, fmt, maximumCheck, parameter, value } from '../../engine/index.js';
import { householdsFloorRules } from '../households-floor.js';
import { cite, EZHOU_IN_FORCE as IN_FORCE } from './document.js';
import { ezhouInterpretations } from './interpretations.js';

const quotes = {
  floors: '社区综合服务设施主体建筑应为结构合理、功能协调的整体建筑，一般不超过三层。',
  area: '按照每百户居民拥有面积不低于 50 平方米且总面积不少于 1000 平方米的标准建设。',
  functions:
    '社区综合服务设施应具备“1+9”服务管理功能，即：1 个便民服务大厅和党员活动、综治警务、教育培训、文体活动、老幼残服务、家庭与妇女服务、卫生健康服务、环境物业服务、社会组织活动等 9 项服务功能。',
  shelter:
    '室外活动场地（含应急避难场所）平时可满足辖区内居民开展室外健身、娱乐、休闲需要，应急时可作为应急避难场所使用，配备必要室外活动器材，设置应急避难标志。',
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

export const facilityParameters = [
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
];

export const facilityRules = [
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
];
