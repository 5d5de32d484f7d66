/** Ezhou's staffing and pay: the “两委” quota and the specialists (第十七条), salary and bonus pay (第二十一条). */
import type { HonourKind } from '@shequ/domain';
import { check, fmt, later, minimumCheck, parameter, quantity } from '../../engine/index.js';
import { cite, ezhouParameter } from './document.js';
import { ezhouInterpretations } from './interpretations.js';

const quotes = {
  twoCommittees:
    '“两委”成员按照 5000 名居民及以下配备 5 人、每增加 3000 名居民增配 1 人，最多不超过 9 人的标准核定',
  specialists: '社区配备 4 名专干，主要承担党建、民政、劳动、卫健等协助党和政府工作事项。',
  salary: '社区工作者薪酬应不低于本市城市在岗职工平均工资。',
  bonus:
    '社区工作者所在社区获得市级以上先进基层党组织、和谐社区建设示范单位、市级以上文明单位称号和综合考核合格单位的，可分别增发一个月奖励性薪酬；获得区级以上年度综合考核先进单位的，可增发一个半月奖励性薪酬。社区工作者年度奖励性薪酬累计不得超过三个半月。',
} as const;

/** Months of bonus pay per honour, 第二十一条（一）. */
const bonusMonthsByHonour: Record<HonourKind, number> = {
  'city-advanced-party-organization': 1,
  'harmonious-community-model': 1,
  'city-civilized-unit': 1,
  'assessment-qualified': 1,
  'district-assessment-advanced': 1.5,
};

export const staffingParameters = [
  ezhouParameter('twoCommitteesBase', '“两委”成员基数', '人', 5, '第十七条', quotes.twoCommittees),
  ezhouParameter(
    'twoCommitteesBaseResidents',
    '“两委”成员基数对应居民数',
    '人',
    5000,
    '第十七条',
    quotes.twoCommittees,
  ),
  ezhouParameter(
    'twoCommitteesStepResidents',
    '每增配1名“两委”成员的居民数',
    '人',
    3000,
    '第十七条',
    quotes.twoCommittees,
  ),
  ezhouParameter('twoCommitteesMax', '“两委”成员上限', '人', 9, '第十七条', quotes.twoCommittees),
  ezhouParameter('specialistsPerCommunity', '每个社区专干人数', '人', 4, '第十七条', quotes.specialists),
  parameter({
    name: 'cityAverageWage',
    label: '鄂州市城市在岗职工平均工资',
    unit: '元/年',
    // The rule fixes the benchmark, not its figure; the figure is published yearly and is not in the document.
    values: [],
    source: '鄂州市统计部门每年公布的城市在岗职工平均工资；用 params.cityAverageWage 提供',
  }),
  ezhouParameter('maxBonusMonths', '年度奖励性薪酬上限（月）', '月', 3.5, '第二十一条（一）', quotes.bonus),
];

export const staffingRules = [
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
];
