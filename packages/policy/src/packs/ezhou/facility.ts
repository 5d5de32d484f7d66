/** Ezhou's community service facility: its floors and area (第十一条), functions (第十二条) and shelter (第十四条). */
import { facilityFunctionLabels, facilityFunctions } from '@shequ/domain';
import { check, fmt, maximumCheck } from '../../engine/index.js';
import { householdsFloorRules } from '../households-floor.js';
import { cite, ezhouParameter } from './document.js';
import { ezhouInterpretations } from './interpretations.js';

const quotes = {
  floors: '社区综合服务设施主体建筑应为结构合理、功能协调的整体建筑，一般不超过三层。',
  area: '按照每百户居民拥有面积不低于 50 平方米且总面积不少于 1000 平方米的标准建设。',
  functions:
    '社区综合服务设施应具备“1+9”服务管理功能，即：1 个便民服务大厅和党员活动、综治警务、教育培训、文体活动、老幼残服务、家庭与妇女服务、卫生健康服务、环境物业服务、社会组织活动等 9 项服务功能。',
  shelter:
    '室外活动场地（含应急避难场所）平时可满足辖区内居民开展室外健身、娱乐、休闲需要，应急时可作为应急避难场所使用，配备必要室外活动器材，设置应急避难标志。',
} as const;

export const facilityParameters = [
  ezhouParameter('maxMainBuildingFloors', '综合服务设施主体建筑层数上限', '层', 3, '第十一条', quotes.floors),
  ezhouParameter(
    'facilityAreaPerHundredHouseholds',
    '每百户综合服务设施面积',
    '平方米',
    50,
    '第十一条',
    quotes.area,
  ),
  ezhouParameter('minFacilityTotalArea', '综合服务设施总面积下限', '平方米', 1000, '第十一条', quotes.area),
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
      for (let i = 0; i < facilityFunctions.length && complete; i++)
        complete = functions.includes(facilityFunctions[i]!);
      return {
        holds: complete,
        expected: '便民服务大厅及9项服务功能齐全',
        actual: complete
          ? '10项功能齐全'
          : () =>
              `缺少：${facilityFunctions
                .filter((f) => !functions.includes(f))
                .map((f) => facilityFunctionLabels[f])
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
