/**
 * Weihai's obligations on the city and its districts, checked from what the community records:
 * the city's pay subsidy (二（五）), the meetings imposed on communities and the signboards they
 * hang (二（八）).
 */
import {
  check,
  citeFrom,
  compareProducts,
  fmt,
  later,
  maximumCheck,
  multiplyDivide,
  parameter,
  parametersFrom,
} from '../../engine/index.js';

export const WEIHAI_DOCUMENT =
  '中共威海市委 威海市人民政府关于加强和完善城乡社区治理的实施意见（威发〔2018〕39号）';
const cite = citeFrom(WEIHAI_DOCUMENT);
const IN_FORCE = '2018-12-22';
const weihaiParameter = parametersFrom(cite, IN_FORCE);
/** 二（五）: "自 2019 年起，市财政…给予补助". */
const SUBSIDY_FROM = '2019-01-01';

const quotes = {
  subsidy:
    '自 2019 年起，市财政对各区市、开发区（荣成市除外）的城市社区专职工作者工作薪酬给予补助，补助额按照上年度全市事业单位新入职人员平均工资的 50%核定，每个社区补助 5 人',
  meetings:
    '原则上，各区市、开发区组织的社区参加的会议每年不得超过2次，街道（镇）每周只召开1次由社区主要负责人参加的工作例会，其他会议每月不得超过1次。',
  signboards:
    '社区办公服务场所对外只悬挂社区党组织、基层群众性自治组织、社区党群服务中心牌子以及“中国社区”标识。',
} as const;

export const weihaiObligationInterpretations = {
  meetingsHedge: {
    id: 'weihai.meetings-hedge',
    name: '二（八）“原则上，…每年不得超过2次，…每月不得超过1次”：“原则上”是否管“不得超过”',
    chosen: '“原则上，”独立置于句首，管全句所列各项：超过次数仅提示。',
    alternative: '“不得”为约束性用语：超过次数即为不符合。',
  },
} as const;

export const weihaiObligationParameters = [
  parameter({
    name: 'cityNewRecruitAverageWage',
    label: '上年度全市事业单位新入职人员平均工资',
    unit: '元/年',
    values: [],
    source:
      '威海市人力资源社会保障部门公布的上年度全市事业单位新入职人员平均工资；用 params.cityNewRecruitAverageWage 提供',
  }),
  weihaiParameter(
    'citySubsidyShareOfWage',
    '市财政薪酬补助占新入职人员平均工资的比例',
    '比例',
    0.5,
    '二（五）',
    quotes.subsidy,
  ),
  weihaiParameter(
    'citySubsidisedWorkersPerCommunity',
    '市财政每个社区补助人数',
    '人',
    5,
    '二（五）',
    quotes.subsidy,
  ),
  weihaiParameter(
    'maxDistrictMeetingsPerYear',
    '区市、开发区组织社区参加的会议每年上限',
    '次/年',
    2,
    '二（八）',
    quotes.meetings,
  ),
  weihaiParameter(
    'maxStreetWorkMeetingsPerWeek',
    '街道（镇）社区主要负责人工作例会每周上限',
    '次/周',
    1,
    '二（八）',
    quotes.meetings,
  ),
  weihaiParameter(
    'maxStreetOtherMeetingsPerMonth',
    '街道（镇）其他会议每月上限',
    '次/月',
    1,
    '二（八）',
    quotes.meetings,
  ),
  weihaiParameter(
    'maxOtherSignboards',
    '规定以外对外悬挂的牌子数上限',
    '块',
    0,
    '二（八）',
    quotes.signboards,
  ),
];

const meetingsHedged = ({ alternative }: { alternative(id: string): boolean }) =>
  !alternative(weihaiObligationInterpretations.meetingsHedge.id);

export const weihaiObligationRules = [
  check({
    id: 'weihai.city-salary-subsidy',
    title: '市财政按上年度全市事业单位新入职人员平均工资的50%、每个社区5人补助专职工作者薪酬',
    citation: cite('二（五）', quotes.subsidy),
    // No modal word, but the sentence fixes the amount ("按照…核定"): binding. Rongcheng is excluded by
    // the text; a snapshot does not say which city it is in, so its communities record no subsidy fact.
    binding: 'binding',
    settings: ['urban'],
    facts: { subsidy: 'salary.citySubsidy' },
    params: ['cityNewRecruitAverageWage', 'citySubsidyShareOfWage', 'citySubsidisedWorkersPerCommunity'],
    evaluate: ({ facts, params, asOf }) => {
      if (asOf < SUBSIDY_FROM) return { notApplicable: '市财政补助自2019年起实行' };
      const wage = params.cityNewRecruitAverageWage;
      const share = params.citySubsidyShareOfWage;
      const workers = params.citySubsidisedWorkersPerCommunity;
      return {
        holds: compareProducts([facts.subsidy], [wage, share, workers]) >= 0,
        expected: later(() => `不少于${fmt.yuan(multiplyDivide(wage * workers, share, 1))}/年`),
        actual: later(() => `${fmt.yuan(facts.subsidy)}/年`),
      };
    },
  }),
  maximumCheck({
    id: 'weihai.district-meetings',
    title: '各区市、开发区组织的社区参加的会议原则上每年不得超过2次',
    citation: cite('二（八）', quotes.meetings),
    binding: 'binding',
    guidingWhen: meetingsHedged,
    interpretations: [weihaiObligationInterpretations.meetingsHedge],
    fact: 'burden.districtMeetingsPerYear',
    maximum: { param: 'maxDistrictMeetingsPerYear' },
    wording: '每年不超过',
    format: (n) => `${n}次`,
  }),
  maximumCheck({
    id: 'weihai.street-work-meetings',
    title: '街道（镇）原则上每周只召开1次由社区主要负责人参加的工作例会',
    citation: cite('二（八）', quotes.meetings),
    binding: 'binding',
    guidingWhen: meetingsHedged,
    interpretations: [weihaiObligationInterpretations.meetingsHedge],
    fact: 'burden.streetWorkMeetingsMaxPerWeek',
    maximum: { param: 'maxStreetWorkMeetingsPerWeek' },
    wording: '每周不超过',
    format: (n) => `${n}次`,
  }),
  maximumCheck({
    id: 'weihai.street-other-meetings',
    title: '街道（镇）其他会议原则上每月不得超过1次',
    citation: cite('二（八）', quotes.meetings),
    binding: 'binding',
    guidingWhen: meetingsHedged,
    interpretations: [weihaiObligationInterpretations.meetingsHedge],
    fact: 'burden.streetOtherMeetingsMaxPerMonth',
    maximum: { param: 'maxStreetOtherMeetingsPerMonth' },
    wording: '每月不超过',
    format: (n) => `${n}次`,
  }),
  maximumCheck({
    id: 'weihai.signboards',
    title: '社区办公服务场所对外只悬挂社区党组织、基层群众性自治组织、社区党群服务中心牌子以及“中国社区”标识',
    citation: cite('二（八）', quotes.signboards),
    // "只悬挂" restricts without a hedge: binding.
    binding: 'binding',
    fact: 'facility.otherSignboards',
    maximum: { param: 'maxOtherSignboards' },
    wording: '其他牌子不超过',
    format: (n) => `${n}块`,
  }),
];
