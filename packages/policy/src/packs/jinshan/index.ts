/**
 * 金山镇城市社区工作管理办法（试行）（金政发〔2020〕5号） (`sources/jinshan.txt`): 中共金山镇委员会 (Jinshan town,
 * Linzi district, Zibo, Shandong), issued 2020-01-06 and in force on issue (第三十二条). It covers
 * the town's purely urban communities (第二条). No shipped pack lies above Jinshan (Weihai, 3710,
 * is another city), so it composes with the national pack alone.
 */
import { NATIONAL_CODE } from '@shequ/domain';
import {
  check,
  citeFrom,
  definePack,
  flagCheck,
  fmt,
  minimumCheck,
  parametersFrom,
  quantity,
  staffingRangeOutcome,
  workersForHouseholds,
} from '../../engine/index.js';

export const JINSHAN_DOCUMENT = '金山镇城市社区工作管理办法（试行）';
const cite = citeFrom(JINSHAN_DOCUMENT);
const IN_FORCE = '2020-01-06';
const jinshanParameter = parametersFrom(cite, IN_FORCE);

const partyQuote = '每年组织两次党员党性体检';
const accountsQuote = '定期公开收支账目';
const expensesQuote = '日常公用经费支出必须经社区居委会集体讨论决定。';

const staffQuote =
  '在综合考虑社区人口规模、管理幅度、居民构成及特定人群服务对象等因素的基础上，原则上按照每300—400户居民配备1人的标准核定工作人员数量，每个社区的工作人员不少于5人。';

export const jinshanInterpretations = {
  staffRounding: {
    id: 'jinshan.staff-rounding',
    name: '第十条“每300—400户居民配备1人”：人数取整',
    chosen: '每人服务不超过400户、不少于300户：下限⌈户数/400⌉，上限⌊户数/300⌋（不低于下限）。',
    alternative: '宽松取整：下限⌊户数/400⌋，上限⌈户数/300⌉。',
  },
  hedgeScope: {
    id: 'jinshan.hedge-scope',
    name: '第十条“原则上按照…核定工作人员数量，每个社区的工作人员不少于5人”：“原则上”是否也管“不少于5人”',
    chosen:
      '“原则上”只管它所在的分句（按比例核定）；“每个社区的工作人员不少于5人”是另有主语的分句，“不少于”为约束性用语：少于5人为不符合。',
    alternative: '“原则上”管整句：少于5人仅提示。',
  },
} as const;

export const jinshanPack = definePack({
  code: '370305111',
  name: '金山镇',
  parent: NATIONAL_CODE, // docs/interfaces.md §1: every chain begins with the national pack
  documents: [{ title: JINSHAN_DOCUMENT, inForceFrom: IN_FORCE }],
  settings: ['urban'],
  parameters: [
    jinshanParameter(
      'householdsPerWorkerLow',
      '每名工作人员服务户数（下限）',
      '户',
      300,
      '第十条',
      staffQuote,
    ),
    jinshanParameter(
      'householdsPerWorkerHigh',
      '每名工作人员服务户数（上限）',
      '户',
      400,
      '第十条',
      staffQuote,
    ),
    jinshanParameter('minFullTimeStaff', '每个社区工作人员下限', '人', 5, '第十条', staffQuote),
    jinshanParameter(
      'partyHealthChecksPerYear',
      '每年组织党员党性体检次数',
      '次',
      2,
      '第八条（六）',
      partyQuote,
    ),
  ],
  rules: [
    quantity({
      id: 'jinshan.full-time-staff',
      name: 'fullTimeStaff',
      title: '社区工作人员原则上按每300—400户居民配备1人核定',
      citation: cite('第十条', staffQuote),
      facts: { households: 'households' },
      params: ['householdsPerWorkerLow', 'householdsPerWorkerHigh', 'minFullTimeStaff'],
      interpretations: [jinshanInterpretations.staffRounding],
      // The range the ratio gives, raised to the article's floor of 5 per community (docs/interfaces.md §3).
      compute: ({ facts, params, alternative }) =>
        workersForHouseholds(
          facts.households,
          params.householdsPerWorkerLow,
          params.householdsPerWorkerHigh,
          alternative(jinshanInterpretations.staffRounding.id),
          params.minFullTimeStaff,
        ),
    }),
    minimumCheck({
      id: 'jinshan.staff-minimum',
      title: '每个社区的工作人员不少于5人',
      citation: cite('第十条', staffQuote),
      binding: 'binding',
      fact: 'staff.fullTime',
      minimum: { param: 'minFullTimeStaff' },
      format: fmt.people,
      interpretations: [jinshanInterpretations.hedgeScope],
      guidingWhen: ({ alternative }) => alternative(jinshanInterpretations.hedgeScope.id),
    }),
    check({
      id: 'jinshan.staff-ratio',
      title: '社区工作人员原则上按每300—400户居民配备1人',
      citation: cite('第十条', staffQuote),
      binding: 'guiding',
      facts: { fullTime: 'staff.fullTime' },
      params: ['minFullTimeStaff'],
      quantities: ['fullTimeStaff'],
      evaluate: ({ facts, params, quantities }) =>
        staffingRangeOutcome(facts.fullTime, params.minFullTimeStaff, quantities.fullTimeStaff),
    }),
    minimumCheck({
      id: 'jinshan.party-health-checks',
      title: '社区党组织每年组织两次党员党性体检',
      citation: cite('第八条（六）', partyQuote),
      // A duty in the list of the party organisation's responsibilities, unhedged: binding.
      binding: 'binding',
      fact: 'party.healthChecks',
      minimum: { param: 'partyHealthChecksPerYear' },
      format: (n) => `${n}次`,
    }),
    flagCheck({
      id: 'jinshan.accounts-disclosed',
      title: '社区居委会定期公开收支账目',
      citation: cite('第九条（三）', accountsQuote),
      binding: 'binding',
      fact: 'finance.accountsDisclosed',
      expected: '定期公开收支账目',
      missing: '未定期公开收支账目',
    }),
    flagCheck({
      id: 'jinshan.expenses-decided-collectively',
      title: '日常公用经费支出必须经社区居委会集体讨论决定',
      citation: cite('第十四条', expensesQuote),
      binding: 'binding',
      fact: 'finance.expensesDecidedCollectively',
      expected: '经居委会集体讨论决定',
      missing: '未经集体讨论决定',
    }),
  ],
});
