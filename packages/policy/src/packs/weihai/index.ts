/**
 * 中共威海市委 威海市人民政府关于加强和完善城乡社区治理的实施意见（威发〔2018〕39号） (`sources/weihai.txt`),
 * dated 2018-12-22. Sections are cited as the document numbers them: `二（四）`.
 * It covers urban and rural communities; most figures are for urban ones (城市社区).
 */
import { NATIONAL_CODE } from '@shequ/domain';
import {
  check,
  citeFrom,
  definePack,
  fmt,
  later,
  minimumCheck,
  parameter,
  parametersFrom,
  perHouseholds,
  quantity,
  staffingRangeOutcome,
  value,
  workersForHouseholds,
} from '../../engine/index.js';
import { householdsFloorRules } from '../households-floor.js';
import { unreportedNewArea, withoutReportedOccupancy } from '../new-area.js';
import {
  WEIHAI_DOCUMENT,
  weihaiObligationInterpretations,
  weihaiObligationParameters,
  weihaiObligationRules,
} from './obligations.js';

export { WEIHAI_DOCUMENT };

const cite = citeFrom(WEIHAI_DOCUMENT);
const IN_FORCE = '2018-12-22';
const weihaiParameter = parametersFrom(cite, IN_FORCE);
/** 二（六）: "到 2020 年年底实现城乡社区综合服务设施全覆盖". */
const FACILITY_DEADLINE = '2021-01-01';

const yuanPerYear = (n: number) => `${fmt.yuan(n)}/年`;

const quotes = {
  size: '合理调整和设置城市社区居民委员会辖区,一般以3000户左右为宜,城市规模较小的可根据实际情况缩小设置规模',
  newArea:
    '新建住宅区居民入住率达到50%的,应及时成立社区居民委员会,暂不具备条件的,可先由相邻的社区居民委员会代管。',
  charters: '每个居（村）都要按照合法、民主、求实、管用的原则，制定完善居民公约、村规民约、自治章程',
  staffRatio:
    '对行政或事业编制之外符合法定劳动年龄的城市社区专职工作者（以下简称城市社区专职工作者）实行总量管理，以区市、开发区为单位，按照每 300—400 户居民配备 1 人的标准核定总量',
  staffMinimum: '城市社区专职工作者名额在区市、开发区范围内统筹使用，每个城市社区的专职工作者不少于 5 人',
  workFunds: '城市社区工作经费按照每千户每年不少于 3.6 万元，总额不低于 6 万元标准核拨',
  partyFunds: '城市社区党组织服务群众专项经费每个社区每年不少于 20 万元',
  salary: '工作薪酬标准比照当地事业单位同类人员工资水平确定',
  facility:
    '按照已建成城市社区不低于 500 平方米、新建城市社区不低于 1000 平方米、农村社区不低于 500 平方米，且每百户居民不低于 30 平方米的标准，以新建、改扩建、购买、租赁等方式，到 2020 年年底实现城乡社区综合服务设施全覆盖。',
} as const;

export const weihaiInterpretations = {
  sizeAround: {
    id: 'weihai.community-size-around',
    name: '二（三）“一般以3000户左右为宜”：“左右”的幅度',
    chosen: '“左右”按上下20%理解，2400—3600户为宜，超出即提示（城市规模较小的可缩小，故仅为提示）。',
    alternative: '城市规模较小的可缩小设置规模，故只提示超过3600户的社区。',
  },
  newAreaDeferral: {
    id: 'weihai.new-area-deferral',
    name: '二（三）“应及时成立…，暂不具备条件的，可先由相邻的社区居民委员会代管”：入住率达到50%仍未成立是否违反',
    chosen:
      '“应”为约束性用语（与江苏指引第1项相同用语同样处理）：入住率达到50%仍未成立即为不符合，代管只是过渡安排。',
    alternative: '“暂不具备条件的，可先…代管”允许推迟：入住率达到50%仍由相邻居委会代管的仅提示。',
  },
  staffRounding: {
    id: 'weihai.full-time-staff-rounding',
    name: '二（四）“每300—400户居民配备1人”：人数取整',
    chosen: '每人服务不超过400户、不少于300户：下限⌈户数/400⌉，上限⌊户数/300⌋（不低于下限）。',
    alternative: '宽松取整：下限⌊户数/400⌋，上限⌈户数/300⌉。',
  },
  staffRatioScope: {
    id: 'weihai.full-time-staff-ratio-scope',
    name: '二（四）“按照每300—400户居民配备1人的标准核定总量”：是否逐社区适用',
    chosen:
      '该比例核定的是区市、开发区的总量，名额在区市、开发区范围内统筹使用，不逐社区核定；逐社区只适用“不少于5人”。',
    alternative: '逐社区参照该比例配备：人数不在比例区间（且不少于5人）时提示。',
  },
  workFundsPerThousand: {
    id: 'weihai.work-funds-per-thousand',
    name: '二（五）“每千户每年不少于3.6万元”：按比例还是按整千户',
    chosen: '按比例计算：每户每年36元（2500户不少于9万元）。',
    alternative: '不足千户的部分按一千户计（2500户按3个千户计，不少于10.8万元）。',
  },
  facilityPerHundred: {
    id: 'weihai.facility-area-per-hundred',
    name: '二（六）“每百户居民不低于30平方米”：按比例还是按整百户',
    chosen: '按比例计算：每户0.3平方米。',
    alternative: '不足百户的部分按一百户计。',
  },
  facilityDeadline: {
    id: 'weihai.facility-deadline',
    name: '二（六）“到2020年年底实现…全覆盖”：达标期限前未达标是否为违反',
    chosen: '2020年年底为达标期限：2021年1月1日前未达标仅提示，此后未达标为不符合。',
    alternative: '标准自文件施行之日起即有约束力，未达标即为不符合。',
  },
  ...weihaiObligationInterpretations,
} as const;

export const weihaiPack = definePack({
  code: '371000',
  name: '威海市',
  parent: NATIONAL_CODE, // docs/interfaces.md §1: every chain begins with the national pack
  documents: [{ title: WEIHAI_DOCUMENT, inForceFrom: IN_FORCE }],
  settings: ['urban', 'rural'],
  parameters: [
    weihaiParameter(
      'communityHouseholdsTarget',
      '城市社区适宜规模（户）',
      '户',
      3000,
      '二（三）',
      quotes.size,
    ),
    parameter({
      name: 'communityHouseholdsTolerance',
      label: '“左右”的幅度',
      unit: '比例',
      // Not a figure of the text: the reading of 左右 (interpretation weihai.community-size-around).
      values: [value(IN_FORCE, 0.2, cite('二（三）', quotes.size))],
    }),
    weihaiParameter(
      'newAreaOccupancyThreshold',
      '新建住宅区应成立居委会的入住率',
      '比例',
      0.5,
      '二（三）',
      quotes.newArea,
    ),
    weihaiParameter(
      'householdsPerWorkerLow',
      '每名专职工作者服务户数（下限）',
      '户',
      300,
      '二（四）',
      quotes.staffRatio,
    ),
    weihaiParameter(
      'householdsPerWorkerHigh',
      '每名专职工作者服务户数（上限）',
      '户',
      400,
      '二（四）',
      quotes.staffRatio,
    ),
    weihaiParameter(
      'minFullTimeStaff',
      '每个城市社区专职工作者下限',
      '人',
      5,
      '二（四）',
      quotes.staffMinimum,
    ),
    weihaiParameter(
      'workFundsPerThousandHouseholds',
      '城市社区工作经费（每千户每年）',
      '元/年',
      36000,
      '二（五）',
      quotes.workFunds,
    ),
    weihaiParameter(
      'minWorkFundsTotal',
      '城市社区工作经费总额下限',
      '元/年',
      60000,
      '二（五）',
      quotes.workFunds,
    ),
    weihaiParameter(
      'partyServiceFundsPerCommunity',
      '党组织服务群众专项经费（每个社区每年）',
      '元/年',
      200000,
      '二（五）',
      quotes.partyFunds,
    ),
    parameter({
      name: 'comparableInstitutionPay',
      label: '当地事业单位同类人员工资水平',
      unit: '元/年',
      values: [],
      source:
        '当地人力资源社会保障部门核定的事业单位同类人员工资水平；用 params.comparableInstitutionPay 提供',
    }),
    weihaiParameter(
      'minFacilityAreaEstablishedUrban',
      '已建成城市社区综合服务设施面积下限',
      '平方米',
      500,
      '二（六）',
      quotes.facility,
    ),
    weihaiParameter(
      'minFacilityAreaNewUrban',
      '新建城市社区综合服务设施面积下限',
      '平方米',
      1000,
      '二（六）',
      quotes.facility,
    ),
    weihaiParameter(
      'minFacilityAreaRural',
      '农村社区综合服务设施面积下限',
      '平方米',
      500,
      '二（六）',
      quotes.facility,
    ),
    weihaiParameter(
      'facilityAreaPerHundredHouseholds',
      '每百户综合服务设施面积',
      '平方米',
      30,
      '二（六）',
      quotes.facility,
    ),
    ...weihaiObligationParameters,
  ],
  rules: [
    check({
      id: 'weihai.community-size',
      title: '城市社区一般以3000户左右为宜',
      citation: cite('二（三）', quotes.size),
      binding: 'guiding',
      settings: ['urban'],
      facts: { households: 'households' },
      params: ['communityHouseholdsTarget', 'communityHouseholdsTolerance'],
      interpretations: [weihaiInterpretations.sizeAround],
      evaluate: ({ facts, params, alternative }) => {
        const low = Math.round(params.communityHouseholdsTarget * (1 - params.communityHouseholdsTolerance));
        const high = Math.round(params.communityHouseholdsTarget * (1 + params.communityHouseholdsTolerance));
        const upperOnly = alternative(weihaiInterpretations.sizeAround.id);
        return {
          holds: facts.households <= high && (upperOnly || facts.households >= low),
          expected: later(() => (upperOnly ? `不超过${fmt.households(high)}` : `${low}—${high}户`)),
          actual: later(() => fmt.households(facts.households)),
        };
      },
    }),
    check({
      id: 'weihai.new-area-committee',
      title: '新建住宅区居民入住率达到50%的，应及时成立社区居民委员会',
      citation: cite('二（三）', quotes.newArea),
      // 应 binds, as the same words do in Jiangsu item 1; reading "暂不具备条件的，可先…代管" as an
      // allowed delay makes a miss warn instead.
      binding: 'binding',
      settings: ['urban'],
      optionalFacts: { occupancy: 'occupancyRate' },
      params: ['newAreaOccupancyThreshold'],
      // Without an occupancy no new area is reported: the principle shared with Jiangsu item 1 (`../new-area.ts`).
      interpretations: [weihaiInterpretations.newAreaDeferral, unreportedNewArea],
      evaluate: ({ optional, params, alternative }) => {
        const occupancy = optional.occupancy;
        if (occupancy === undefined) return withoutReportedOccupancy(alternative);
        const threshold = params.newAreaOccupancyThreshold;
        const deferrable = alternative(weihaiInterpretations.newAreaDeferral.id);
        return {
          ...(deferrable ? { binding: 'guiding' as const } : {}),
          holds: occupancy < threshold,
          expected: later(() => `入住率达到${fmt.percent(threshold)}前由相邻居委会代管，达到后成立居委会`),
          actual: later(() => `代管的新建住宅区入住率${fmt.percent(occupancy)}`),
          message:
            occupancy < threshold
              ? undefined
              : () =>
                  `${deferrable ? '未达到指导性要求' : '不符合'}：新建住宅区入住率已达${fmt.percent(occupancy)}，应及时成立社区居民委员会（暂不具备条件的可先由相邻居委会代管）。`,
        };
      },
    }),
    check({
      id: 'weihai.charters',
      title: '每个居（村）都要制定居民公约（村规民约）和自治章程',
      citation: cite('二（三）', quotes.charters),
      binding: 'binding',
      facts: { charters: 'charters' },
      evaluate: ({ facts }) => {
        let covenant = false;
        let charter = false;
        for (const c of facts.charters) {
          if (c.kind === 'residents-covenant') covenant = true;
          else if (c.kind === 'autonomy-charter') charter = true;
        }
        return {
          holds: covenant && charter,
          expected: '已制定居民公约（村规民约）和自治章程',
          actual:
            covenant && charter
              ? '均已制定'
              : `缺少：${[covenant ? '' : '居民公约（村规民约）', charter ? '' : '自治章程'].filter(Boolean).join('、')}`,
        };
      },
    }),
    quantity({
      id: 'weihai.full-time-staff',
      name: 'fullTimeStaff',
      title: '城市社区专职工作者按每300—400户居民配备1人',
      citation: cite('二（四）', quotes.staffRatio),
      settings: ['urban'],
      facts: { households: 'households' },
      params: ['householdsPerWorkerLow', 'householdsPerWorkerHigh', 'minFullTimeStaff'],
      interpretations: [weihaiInterpretations.staffRounding],
      // The range the ratio gives, raised to 二（四）'s floor of 5 per community (docs/interfaces.md §3).
      compute: ({ facts, params, alternative }) =>
        workersForHouseholds(
          facts.households,
          params.householdsPerWorkerLow,
          params.householdsPerWorkerHigh,
          alternative(weihaiInterpretations.staffRounding.id),
          params.minFullTimeStaff,
        ),
    }),
    minimumCheck({
      id: 'weihai.full-time-staff-minimum',
      title: '每个城市社区的专职工作者不少于5人',
      citation: cite('二（四）', quotes.staffMinimum),
      binding: 'binding',
      settings: ['urban'],
      fact: 'staff.fullTime',
      minimum: { param: 'minFullTimeStaff' },
      format: fmt.people,
    }),
    check({
      id: 'weihai.full-time-staff-ratio',
      title: '城市社区专职工作者按每300—400户居民配备1人（区市、开发区核定总量）',
      citation: cite('二（四）', quotes.staffRatio),
      binding: 'guiding',
      settings: ['urban'],
      facts: { fullTime: 'staff.fullTime' },
      params: ['minFullTimeStaff'],
      quantities: ['fullTimeStaff'],
      interpretations: [weihaiInterpretations.staffRatioScope],
      evaluate: ({ facts, params, quantities, alternative }) => {
        if (!alternative(weihaiInterpretations.staffRatioScope.id)) {
          return { notApplicable: '比例用于核定区市、开发区的总量并在其范围内统筹使用，不逐社区核定' };
        }
        return staffingRangeOutcome(facts.fullTime, params.minFullTimeStaff, quantities.fullTimeStaff);
      },
    }),
    ...householdsFloorRules({
      quantity: {
        id: 'weihai.min-work-funds',
        name: 'minWorkFunds',
        title: '城市社区工作经费每千户每年不少于3.6万元，总额不低于6万元',
      },
      check: {
        id: 'weihai.work-funds',
        title: '城市社区工作经费每千户每年不少于3.6万元，总额不低于6万元',
        fact: 'funds.work',
        format: yuanPerYear,
      },
      citation: cite('二（五）', quotes.workFunds),
      settings: ['urban'],
      block: 1000,
      rate: 'workFundsPerThousandHouseholds',
      floor: 'minWorkFundsTotal',
      startedBlock: weihaiInterpretations.workFundsPerThousand,
    }),
    quantity({
      id: 'weihai.min-party-service-funds',
      name: 'minPartyServiceFunds',
      title: '城市社区党组织服务群众专项经费每个社区每年不少于20万元',
      citation: cite('二（五）', quotes.partyFunds),
      settings: ['urban'],
      params: ['partyServiceFundsPerCommunity'],
      compute: ({ params }) => params.partyServiceFundsPerCommunity,
    }),
    minimumCheck({
      id: 'weihai.party-service-funds',
      title: '城市社区党组织服务群众专项经费每个社区每年不少于20万元',
      citation: cite('二（五）', quotes.partyFunds),
      binding: 'binding',
      settings: ['urban'],
      fact: 'funds.partyService',
      minimum: { quantity: 'minPartyServiceFunds' },
      format: yuanPerYear,
    }),
    minimumCheck({
      id: 'weihai.salary',
      title: '城市社区专职工作者薪酬标准比照当地事业单位同类人员工资水平确定',
      citation: cite('二（五）', quotes.salary),
      // 比照 sets a reference, not a floor stated with 不低于: a shortfall warns.
      binding: 'guiding',
      settings: ['urban'],
      fact: 'salary.annualAverage',
      minimum: { param: 'comparableInstitutionPay' },
      wording: '比照事业单位同类人员',
      format: yuanPerYear,
    }),
    quantity({
      id: 'weihai.min-facility-area',
      name: 'minFacilityArea',
      title:
        '综合服务设施面积：已建成城市社区500平方米、新建城市社区1000平方米、农村社区500平方米，且每百户不低于30平方米',
      citation: cite('二（六）', quotes.facility),
      facts: { households: 'households', setting: 'setting' },
      optionalFacts: { newlyBuilt: 'newlyBuilt' },
      params: [
        'minFacilityAreaEstablishedUrban',
        'minFacilityAreaNewUrban',
        'minFacilityAreaRural',
        'facilityAreaPerHundredHouseholds',
      ],
      interpretations: [weihaiInterpretations.facilityPerHundred],
      compute: ({ facts, optional, params, alternative }) => {
        const byHouseholds = perHouseholds(
          facts.households,
          100,
          params.facilityAreaPerHundredHouseholds,
          alternative(weihaiInterpretations.facilityPerHundred.id),
        );
        if (facts.setting === 'rural') return Math.max(params.minFacilityAreaRural, byHouseholds);
        const established = Math.max(params.minFacilityAreaEstablishedUrban, byHouseholds);
        const newlyBuilt = Math.max(params.minFacilityAreaNewUrban, byHouseholds);
        if (optional.newlyBuilt === undefined) {
          return established === newlyBuilt ? established : { unknown: '需知道是否新建社区（newlyBuilt）' };
        }
        return optional.newlyBuilt ? newlyBuilt : established;
      },
    }),
    minimumCheck({
      id: 'weihai.facility-area',
      title: '综合服务设施面积达到标准（到2020年年底全覆盖）',
      citation: cite('二（六）', quotes.facility),
      binding: 'binding',
      fact: 'facility.totalArea',
      minimum: { quantity: 'minFacilityArea' },
      wording: '不低于',
      format: fmt.area,
      interpretations: [weihaiInterpretations.facilityDeadline],
      // Before the deadline a shortfall is a target not yet due, unless the standard is read as binding at once.
      guidingWhen: ({ asOf, alternative }) =>
        asOf < FACILITY_DEADLINE && !alternative(weihaiInterpretations.facilityDeadline.id),
    }),
    ...weihaiObligationRules,
  ],
});
