/**
 * Items 7（2）, 10（1）, 12（4）, 17（4）（5） and 19（8）: how the committee is elected, who chairs
 * sub-committees, where contested topics go, how the supervision committee's chair is elected and who
 * sits on it, and the chairs' yearly training. Facts come from the election and training records;
 * until recorded they are `unknown`.
 */
import { check, later, maximumCheck, minimumCheck } from '../../engine/index.js';
import { cite, jiangsuParameter } from './document.js';

const quotes = {
  election: '居民委员会主任、副主任和委员,由本社区居民、户代表或居民代表采取差额和无记名投票方式选举产生。',
  subCommitteeChair: '主任由居民委员会成员兼任',
  contested: '通过协商无法解决或存在较大争议的问题或事项,应提交居民会议决定。',
  supervisionChair: '主任候选人获参加投票居民过半数的赞成票,始得当选。',
  supervisionMembers: '其中应有具备财会、管理知识的人员。',
  training: '居民委员会主任、居务监督委员会主任每年至少参加1次县级以上集中培训。',
} as const;

/**
 * 17（4） sets a majority for the chair and an order of votes for the members ("委员候选人按得票多少顺序
 * 产生"). A reader may take the majority to bind every elected member; that reading is selectable.
 */
const supervisionMajority = {
  id: 'jiangsu.supervision-majority',
  name: '居务监督委员会推选：过半数只约束主任，还是每名当选成员',
  chosen: '只有主任须获参加投票居民过半数的赞成票，委员按得票多少顺序产生',
  alternative: '每名当选成员（含主任）均须获参加投票居民过半数的赞成票',
} as const;

export const obligationParameters = [
  jiangsuParameter(
    'maxContestedUnsubmitted',
    '存在较大争议而未提交居民会议决定的事项数上限',
    '项',
    0,
    '12（4）',
    quotes.contested,
  ),
  jiangsuParameter(
    'minFinanceOrManagementMembers',
    '居务监督委员会中具备财会、管理知识的成员下限',
    '人',
    1,
    '17（5）',
    quotes.supervisionMembers,
  ),
  jiangsuParameter(
    'minChairTrainingsPerYear',
    '主任每年参加县级以上集中培训次数下限',
    '次',
    1,
    '19（8）',
    quotes.training,
  ),
];

export const obligationRules = [
  check({
    id: 'jiangsu.election-manner',
    title: '居民委员会成员采取差额和无记名投票方式选举产生',
    citation: cite('7（2）', quotes.election),
    // The manner is stated as the rule, without a hedge: binding.
    binding: 'binding',
    facts: { competitive: 'committee.competitiveElection', secret: 'committee.secretBallot' },
    evaluate: ({ facts }) => ({
      holds: facts.competitive && facts.secret,
      expected: '差额选举、无记名投票',
      actual:
        facts.competitive && facts.secret
          ? '差额选举、无记名投票'
          : `未采取：${[facts.competitive ? '' : '差额选举', facts.secret ? '' : '无记名投票'].filter(Boolean).join('、')}`,
    }),
  }),
  check({
    id: 'jiangsu.sub-committee-chairs',
    title: '下属委员会主任由居民委员会成员兼任',
    citation: cite('10（1）', quotes.subCommitteeChair),
    // "一般" governs the size in the sentence before; this sentence has no hedge: binding.
    binding: 'binding',
    facts: { subCommittees: 'subCommittees' },
    evaluate: ({ facts }) => {
      const subCommittees = facts.subCommittees;
      if (subCommittees.length === 0) return { notApplicable: '未设下属委员会' };
      let unrecorded = 0;
      let others = 0;
      for (const c of subCommittees) {
        if (c.chairIsCommitteeMember === undefined) unrecorded++;
        else if (!c.chairIsCommitteeMember) others++;
      }
      if (others === 0 && unrecorded > 0) {
        return {
          unknown: '有下属委员会未记录主任是否由居委会成员兼任（subCommittees[].chairIsCommitteeMember）',
        };
      }
      return {
        holds: others === 0,
        expected: '每个下属委员会的主任由居委会成员兼任',
        actual: later(() =>
          others === 0
            ? `${subCommittees.length}个下属委员会均是`
            : `${others}个下属委员会的主任不是居委会成员`,
        ),
      };
    },
  }),
  maximumCheck({
    id: 'jiangsu.contested-to-residents-meeting',
    title: '协商无法解决或存在较大争议的问题或事项应提交居民会议决定',
    citation: cite('12（4）', quotes.contested),
    binding: 'binding',
    fact: 'consultation.contestedUnsubmitted',
    maximum: { param: 'maxContestedUnsubmitted' },
    wording: '未提交居民会议的争议事项不超过',
    format: (n) => `${n}项`,
  }),
  // "过半数" is more than half: exactly half is not enough. Counted in whole votes, exactly.
  check({
    id: 'jiangsu.supervision-chair-majority',
    title: '居务监督委员会主任候选人获参加投票居民过半数的赞成票始得当选',
    citation: cite('17（4）', quotes.supervisionChair),
    binding: 'binding',
    facts: { cast: 'supervisionCommittee.votesCast' },
    // Each reading needs only its own count: the chair's votes, or the fewest of any elected member.
    optionalFacts: {
      chairVotes: 'supervisionCommittee.chairVotes',
      lowestElected: 'supervisionCommittee.lowestElectedVotes',
    },
    interpretations: [supervisionMajority],
    evaluate: ({ facts, optional, alternative }) => {
      const cast = facts.cast;
      if (cast === 0) return { unknown: '参加投票的居民数为0' };
      const expectedOverHalf = later(() => `超过参加投票的${cast}人的半数`);
      if (alternative(supervisionMajority.id)) {
        const lowest = optional.lowestElected;
        if (lowest === undefined) {
          return {
            unknown:
              '按每名当选成员均须过半数衡量，需知道当选成员（含主任）中的最少得票数（supervisionCommittee.lowestElectedVotes）',
          };
        }
        return {
          holds: lowest * 2 > cast,
          expected: later(() => `每名当选成员的得票均${expectedOverHalf()}`),
          actual: later(() => `当选成员最少得${lowest}票`),
        };
      }
      const votes = optional.chairVotes;
      // Worded as the engine words a missing fact, which this is under the text's own reading.
      if (votes === undefined) return { unknown: '缺少事实 supervisionCommittee.chairVotes' };
      return {
        holds: votes * 2 > cast,
        expected: expectedOverHalf,
        actual: later(() => `赞成${votes}票`),
      };
    },
  }),
  minimumCheck({
    id: 'jiangsu.supervision-finance-member',
    title: '居务监督委员会中应有具备财会、管理知识的人员',
    citation: cite('17（5）', quotes.supervisionMembers),
    binding: 'binding',
    fact: 'supervisionCommittee.financeOrManagementMembers',
    minimum: { param: 'minFinanceOrManagementMembers' },
    format: (n) => `${n}人`,
  }),
  minimumCheck({
    id: 'jiangsu.committee-chair-training',
    title: '居民委员会主任每年至少参加1次县级以上集中培训',
    citation: cite('19（8）', quotes.training),
    // A working rule of item 19, unhedged: binding.
    binding: 'binding',
    fact: 'committee.chairTrainings',
    minimum: { param: 'minChairTrainingsPerYear' },
    format: (n) => `${n}次`,
  }),
  minimumCheck({
    id: 'jiangsu.supervision-chair-training',
    title: '居务监督委员会主任每年至少参加1次县级以上集中培训',
    citation: cite('19（8）', quotes.training),
    binding: 'binding',
    fact: 'supervisionCommittee.chairTrainings',
    minimum: { param: 'minChairTrainingsPerYear' },
    format: (n) => `${n}次`,
  }),
];
