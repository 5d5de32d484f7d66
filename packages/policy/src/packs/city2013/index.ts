/**
 * 社区建设和治理条例 (`sources/city2013.txt`): a city's local regulation, in force from 2013-12-01 (第四十七条).
 * The text names no city, so the pack ships under the placeholder code `000013` (docs/interfaces.md
 * §1) and applies only when chosen explicitly. REQUIREMENTS.md lists what the regulation asks
 * and what a snapshot cannot show.
 *
 * The regulation's 社区 is the area one 社区服务管理机构 serves and may hold several residents'
 * committees (第二十条). A snapshot describes one committee; the pack reads it as the 社区, the
 * common one-committee case.
 */
import { NATIONAL_CODE, UNIDENTIFIED_2013_CITY } from '@shequ/domain';
import {
  check,
  citeFrom,
  definePack,
  flagCheck,
  fmt,
  later,
  minimumCheck,
  parameter,
  quantity,
  value,
} from '../../engine/index.js';

export const CITY2013_DOCUMENT = '社区建设和治理条例';
export const CITY2013_IN_FORCE = '2013-12-01';
const cite = citeFrom(CITY2013_DOCUMENT);

const buildingQuote =
  '县级以上人民政府应当将社区服务管理用房纳入城市建设规划按照利于服务、便于管理和综合利用的原则配套建设。每个社区的服务管理用房不低于 800 平方米。';

/**
 * "服务管理用房" could be the whole community service facility or only the rooms of the service
 * administration. The regulation makes the 社区服务管理机构 provide the community's services
 * (第十条、第十一条、第二十七条), so its rooms are the facility: the total floor area counts.
 */
const buildingScope = {
  id: 'city2013.service-building-scope',
  name: '“服务管理用房”是社区服务设施的全部还是仅服务管理机构的办公服务用房',
  chosen: '社区服务设施总建筑面积（facility.totalArea）',
  alternative: '总面积减去居民服务和活动空间（facility.residentSpaceArea）',
} as const;

const quotes = {
  deliberationBody: '社区应当成立社区议事协商组织',
  deliberationRules: '社区议事协商组织应当制定议事规则',
  serviceWindow: '社区服务管理机构应当根据社区服务管理的需要设立集中办事服务窗口',
  gridPay: '其报酬标准由各区市、县人民政府参照上一年度社会平均工资确定由社区服务管理机构按照标准统一支付',
  fundsGrowth: '将社区服务管理机构人员经费、办公经费和公益事业经费纳入年度财政预算并且形成逐年正常增长机制',
  disclosure: '社区服务管理机构应当建立健全社区服务管理信息公开和挂牌联系等制度',
  complaints: '受理投诉的部门或者机构应当及时处理并且将处理结果告知投诉人',
} as const;

/** "逐年正常增长": growth each year, or only no decrease. */
const fundsGrowth = {
  id: 'city2013.funds-growth',
  name: '第三十六条“形成逐年正常增长机制”：本年度经费须高于上年度，还是不低于即可',
  chosen: '“增长”须高于上年度：持平即未增长，为不符合。',
  alternative: '“正常增长”是机制，不要求每年都高于上年度：不低于上年度即可。',
} as const;

export const city2013Pack = definePack({
  code: UNIDENTIFIED_2013_CITY,
  name: '社区建设和治理条例（2013）',
  parent: NATIONAL_CODE, // docs/interfaces.md §1: every chain begins with the national pack
  documents: [{ title: CITY2013_DOCUMENT, inForceFrom: CITY2013_IN_FORCE }],
  parameters: [
    parameter({
      name: 'minServiceBuildingArea',
      label: '每个社区服务管理用房最低面积',
      unit: '平方米',
      values: [value(CITY2013_IN_FORCE, 800, cite('第三十七条', buildingQuote))],
    }),
    parameter({
      name: 'gridWorkerPayStandard',
      label: '网格工作人员报酬标准',
      unit: '元/年',
      // Each district sets it from last year's average wage (第三十条); the text gives no figure.
      values: [],
      source:
        '各区市、县人民政府参照上一年度社会平均工资确定的网格工作人员报酬标准；用 params.gridWorkerPayStandard 提供',
    }),
  ],
  rules: [
    quantity({
      id: 'city2013.min-facility-area',
      name: 'minFacilityArea',
      title: '每个社区的服务管理用房不低于800平方米',
      citation: cite('第三十七条', buildingQuote),
      params: ['minServiceBuildingArea'],
      compute: ({ params }) => params.minServiceBuildingArea,
    }),
    check({
      id: 'city2013.service-building-area',
      title: '每个社区的服务管理用房不低于800平方米',
      citation: cite('第三十七条', buildingQuote),
      binding: 'binding',
      facts: { totalArea: 'facility.totalArea' },
      optionalFacts: { residentSpaceArea: 'facility.residentSpaceArea' },
      quantities: ['minFacilityArea'],
      interpretations: [buildingScope],
      evaluate: ({ facts, optional, quantities, alternative }) => {
        const expected = later(() => `不低于${quantities.minFacilityArea}平方米`);
        if (!alternative(buildingScope.id)) {
          return {
            holds: facts.totalArea >= quantities.minFacilityArea,
            expected,
            actual: later(() => `${facts.totalArea}平方米`),
          };
        }
        if (optional.residentSpaceArea === undefined) {
          return {
            unknown:
              '按仅计服务管理机构用房的解释，需知道居民服务和活动空间面积（facility.residentSpaceArea）',
          };
        }
        const serviceRooms = facts.totalArea - optional.residentSpaceArea;
        return {
          holds: serviceRooms >= quantities.minFacilityArea,
          expected,
          actual: later(
            () =>
              `总面积${facts.totalArea}平方米减去居民服务和活动空间${optional.residentSpaceArea}平方米，为${serviceRooms}平方米`,
          ),
        };
      },
    }),
    flagCheck({
      id: 'city2013.deliberation-body',
      title: '社区应当成立社区议事协商组织',
      citation: cite('第十七条', quotes.deliberationBody),
      binding: 'binding',
      fact: 'deliberation.body',
      expected: '已成立社区议事协商组织',
      missing: '未成立',
    }),
    flagCheck({
      id: 'city2013.deliberation-rules',
      title: '社区议事协商组织应当制定议事规则',
      citation: cite('第十八条', quotes.deliberationRules),
      binding: 'binding',
      fact: 'deliberation.rules',
      expected: '已制定议事规则',
      missing: '未制定',
    }),
    flagCheck({
      id: 'city2013.service-window',
      title: '社区服务管理机构应当设立集中办事服务窗口',
      citation: cite('第二十七条', quotes.serviceWindow),
      binding: 'binding',
      fact: 'facility.serviceWindow',
      expected: '设有集中办事服务窗口',
      missing: '未设立',
    }),
    minimumCheck({
      id: 'city2013.grid-worker-pay',
      title: '网格工作人员报酬按区市、县人民政府确定的标准支付',
      citation: cite('第三十条', quotes.gridPay),
      binding: 'binding',
      fact: 'grid.workerAnnualPay',
      minimum: { param: 'gridWorkerPayStandard' },
      wording: '不低于标准',
      format: (yuan) => `${fmt.yuan(yuan)}/年`,
    }),
    check({
      id: 'city2013.funds-growth',
      title: '社区服务管理经费纳入年度财政预算并逐年正常增长',
      citation: cite('第三十六条', quotes.fundsGrowth),
      binding: 'binding',
      facts: { budget: 'funds.serviceBudget', previous: 'funds.serviceBudgetPreviousYear' },
      interpretations: [fundsGrowth],
      evaluate: ({ facts, alternative }) => {
        const noDecrease = alternative(fundsGrowth.id);
        return {
          holds: noDecrease ? facts.budget >= facts.previous : facts.budget > facts.previous,
          expected: later(() => `${noDecrease ? '不低于' : '高于'}上年度的${fmt.yuan(facts.previous)}`),
          actual: later(() => fmt.yuan(facts.budget)),
        };
      },
    }),
    flagCheck({
      id: 'city2013.disclosure-and-contact',
      title: '社区服务管理机构应当建立健全信息公开和挂牌联系制度',
      citation: cite('第四十三条', quotes.disclosure),
      binding: 'binding',
      fact: 'facility.contactBoard',
      expected: '公开服务管理信息并挂牌联系',
      missing: '未建立',
    }),
    check({
      id: 'city2013.complaint-outcome',
      title: '受理投诉的机构应当将处理结果告知投诉人',
      citation: cite('第四十四条', quotes.complaints),
      binding: 'binding',
      facts: { handled: 'complaints.handled', told: 'complaints.outcomeTold' },
      evaluate: ({ facts }) => {
        if (facts.handled === 0) return { notApplicable: '本年度没有处理完毕的投诉' };
        return {
          holds: facts.told >= facts.handled,
          expected: later(() => `${facts.handled}件投诉的处理结果均告知投诉人`),
          actual: later(() => `已告知${facts.told}件`),
        };
      },
    }),
  ],
});
