/**
 * The articles this package implements, quoted from the regulations (packages/policy/sources), with
 * each document's date of entry into force, so every warning and refusal can say which rule it applies.
 */
import { type Citation, citeDocument, citing, PROJECT_RULES } from '@shequ/domain';

export type { Citation } from '@shequ/domain';
/** Which documents govern a community: one concept, kept in @shequ/domain and re-exported here. */
export { applicable, applies, type Governs, governedBy, PROJECT_RULES } from '@shequ/domain';

const PROJECT = PROJECT_RULES;
const citeProject = citing(PROJECT, '2026-12-05');

export const citations = {
  /** Ten days' public notice of a residents' meeting. */
  jiangsuMeetingNotice: citeDocument.jiangsu(
    '11（1）',
    '居民会议由社区居民委员会召集和主持。一般应提前十日发布公告告知全体居民。',
  ),
  /**
   * Quorum and majority of a residents' meeting. The copy of the 2025 revision in sources/ holds only its
   * table of contents, so the 2018 wording is the one quoted and applied.
   */
  nationalQuorum: citeDocument.national2018(
    '第九条',
    '居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行。会议的决定，由出席人的过半数通过。',
  ),
  /** Consultation: notice in advance; contested topics to the residents' meeting. */
  jiangsuConsultation: citeDocument.jiangsu(
    '12（4）',
    '通过书面及其他方式,向参与协商的各类主体提前通报协商内容和相关信息……通过协商无法解决或存在较大争议的问题或事项,应提交居民会议决定。',
  ),
  /** Consultation outcomes are carried out and their implementation disclosed. */
  jiangsuConsultationOutcomes: citeDocument.jiangsu(
    '12（5）',
    '需要社区落实的事项,居民委员会应当及时组织实施,落实情况要在居务公开栏等渠道公开,接受群众监督。',
  ),
  /** Charters and covenants filed within ten days of adoption and published. */
  jiangsuCharterFiling: citeDocument.jiangsu(
    '15（5）',
    '社区党组织、居民委员会应于居民会议表决通过后十日内,将居民自治章程、居民公约报街道办事处(乡镇人民政府)备案,同时向社区居民公布。',
  ),
  /** Disclosure cadence. */
  jiangsuDisclosureCadence: citeDocument.jiangsu(
    '16（3）',
    '常规性事项一般每季度公开一次,重要事项一般每月公开一次。',
  ),
  /** Accounts disclosed regularly. */
  jinshanAccounts: citeDocument.jinshan(
    '第九条（三）',
    '经社区居民会议或居民代表会议讨论同意，筹集本社区公益事业资金，定期公开收支账目。',
  ),
  /** Meetings imposed on communities by higher levels. */
  weihaiMeetingBurden: citeDocument.weihai(
    '二（八）',
    '原则上，各区市、开发区组织的社区参加的会议每年不得超过2次，街道（镇）每周只召开1次由社区主要负责人参加的工作例会，其他会议每月不得超过1次。',
  ),
  /** The supervision committee's chair by more than half of the votes cast; members by order of votes. */
  jiangsuSupervisionVote: citeDocument.jiangsu(
    '17（4）',
    '主任候选人获参加投票居民过半数的赞成票,始得当选。委员候选人按得票多少顺序产生。',
  ),
  /** Resident group leaders elected by the group, for the committee's term. */
  ezhouResidentGroupLeader: citeDocument.ezhou(
    '第七条（二）',
    '居民小组长由社区居民小组有选举权的居民推选产生，实行义务制，任期与社区居民委员会相同，可以连选连任。',
  ),
  jiangsuResidentGroupLeader: citeDocument.jiangsu(
    '8（1）',
    '由本小组居民推选产生,任期与社区居民委员会的任期相同,可以连选连任。',
  ),
  /** The deliberation body and who sits on it. */
  city2013DeliberationBody: citeDocument.city2013(
    '第十七条',
    '社区应当成立社区议事协商组织其成员由社区居民、驻社区单位、其他组织的代表和居村民委员会主要负责人组成通过公开报名和民主推荐相结合的方式产生。',
  ),
  /** Its rules of deliberation. */
  city2013DeliberationRules: citeDocument.city2013(
    '第十八条',
    '社区议事协商组织应当制定议事规则建立灵活多样的协商议事制度畅通社区居民诉求表达、利益协调和权益保障渠道。',
  ),
  /**
   * 本系统规则 R-DEM-2: warn of a committee's or supervision committee's term end ahead of it, so the
   * 换届 can be prepared (no text names a lead time).
   */
  termEndWarning: citeProject(
    'R-DEM-2',
    '居民委员会、居务监督委员会任期届满前九十日起，在工作台提示准备换届选举；提前天数可另行设定。',
  ),
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof citations;

/** `《江苏省城市社区居民委员会规范化建设工作指引》11（1）` — how a citation reads inside a sentence. */
export function citeInline(citation: Citation): string {
  return `《${citation.document}》${citation.article}`;
}
