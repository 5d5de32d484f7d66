/**
 * The articles this package implements, quoted from the regulations (packages/policy/sources), with
 * each document's date of entry into force, so every finding and refusal can say which rule it applies.
 */
import { type Citation, citeDocument, citeAlso as domainCiteAlso } from '@shequ/domain';

export type { Citation } from '@shequ/domain';
/** Which documents govern a community: kept in @shequ/domain, re-exported for this package's rules. */
export { applicable, applies, type GoverningOptions, type Governs, governedBy } from '@shequ/domain';

/** @deprecated `citeAlso` of `@shequ/domain`, beside `Citation`: import it from there. */
export const citeAlso = domainCiteAlso;

export const citations = {
  /** Sub-committees each led by a committee member; grid leaders are committee members. */
  ezhouSubCommitteesAndGrids: citeDocument.ezhou(
    '第七条（一）',
    '每个下属委员会由 1 名社区居民委员会成员牵头负责，由若干居民代表组成。社区应设立若干个网格长，每个网格长由社区居民委员会成员兼任，负责若干个网格站管理工作。',
  ),
  /** Resident groups of 300–500 households; their leaders serve the committee's term. */
  ezhouResidentGroups: citeDocument.ezhou(
    '第七条（二）',
    '居民小组原则上按照 300-500 户（或物业区域）的规模设立，居民小组长由社区居民小组有选举权的居民推选产生，实行义务制，任期与社区居民委员会相同，可以连选连任。一般情况下，居民小组、网格站、物业服务区域应尽可能重合',
  ),
  /** A resident group's leader may also lead the grid station and chair the owners' committee. */
  ezhouGroupLeaderConcurrentPosts: citeDocument.ezhou(
    '第七条（二）',
    '一般情况下，居民小组、网格站、物业服务区域应尽可能重合，居民小组长可同时兼任网格站长和业主委员会主任。',
  ),
  /** Two-committee members by residents, and four specialists. */
  ezhouQuota: citeDocument.ezhou(
    '第十七条',
    '“两委”成员按照 5000 名居民及以下配备 5 人、每增加 3000 名居民增配 1 人，最多不超过 9 人的标准核定；社区配备 4 名专干，主要承担党建、民政、劳动、卫健等协助党和政府工作事项。',
  ),
  /** Pay not below the city's average wage. */
  ezhouPay: citeDocument.ezhou('第二十一条', '社区工作者薪酬应不低于本市城市在岗职工平均工资。'),
  /** One full-time worker per 300–400 households, at least five per community. */
  weihaiQuota: citeDocument.weihai(
    '二（四）',
    '按照每 300—400 户居民配备 1 人的标准核定总量……每个城市社区的专职工作者不少于 5 人，人员由街道（镇）统一管理。',
  ),
  /** One worker per 300–400 households, at least five per community. */
  jinshanQuota: citeDocument.jinshan(
    '第十条',
    '原则上按照每300—400户居民配备1人的标准核定工作人员数量，每个社区的工作人员不少于5人。',
  ),
  /** Sub-committees chaired by a committee member. */
  jiangsuSubCommittees: citeDocument.jiangsu(
    '10（1）',
    '下属委员会一般由3—5人组成，设主任1人，委员若干人。主任由居民委员会成员兼任',
  ),
  /** The chair and the supervision committee chair trained at county level or above every year. */
  jiangsuTraining: citeDocument.jiangsu(
    '19（8）',
    '居民委员会主任、居务监督委员会主任每年至少参加1次县级以上集中培训。',
  ),
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof citations;

/** `《鄂州市城市社区工作规则（试行）》第十七条` — how a citation reads inside a sentence. */
export function citeInline(citation: Citation): string {
  return `《${citation.document}》${citation.article}`;
}
