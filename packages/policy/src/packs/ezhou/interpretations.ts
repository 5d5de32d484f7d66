/** The readings the pack chose where Ezhou's wording allows more than one; each alternative is selectable. */
import { ezhouUnitsCoincide } from '@shequ/domain';

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
