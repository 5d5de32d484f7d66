/**
 * Items 1, 7—10 and 17: the community's size and the bodies of resident self-government — the
 * residents' committee, resident groups, representatives, sub-committees, supervision committee.
 */
import { check, parameter, value } from '../../engine/index.js';
import { cite, JIANGSU_IN_FORCE, percent } from './document.js';

const sizeQuote = '社区人口规模一般为2000—3000户常住居民。';
const newAreaQuote =
  '筹建和新设住宅区居民入住率达到50%以上的,且人口规模达到要求的,应及时成立社区居民委员会。';
const committeeQuote =
  '居民委员会由主任、副主任和委员组成,一般为5—9人,其中主任1人、副主任1—2人,委员若干人,总人数以单数为宜。';
const groupQuote =
  '社区居民委员会可按照居住状况以楼栋为单位分设若干居民小组,一般建议以每100户至150户设立一个居民小组。';
const representativesQuote =
  '社区居民代表通常由居民按30—50户推选一人或以居民小组为单位推选3—5人产生,一般社区居民代表人数控制在50—100人左右。规模较大的社区,具体人数可由社区居民会议讨论商定。';
const subCommitteesQuote =
  '居民委员会一般设人民调解、治安保卫、公共卫生、妇女和儿童等委员会,可根据需要设立文体教育、环境物业、慈善救助、志愿互助等下属委员会。';
const subCommitteeSizeQuote = '下属委员会一般由3—5人组成,设主任1人,委员若干人。';
const supervisionQuote = '居务监督委员会一般由主任、副主任、委员共3—5人组成。';

const jiangsuParameter = (
  name: string,
  label: string,
  unit: string,
  amount: number,
  article: string,
  quote: string,
) => parameter({ name, label, unit, values: [value(JIANGSU_IN_FORCE, amount, cite(article, quote))] });

export const organisationParameters = [
  jiangsuParameter('minCommunityHouseholds', '社区规模下限', '户', 2000, '1', sizeQuote),
  jiangsuParameter('maxCommunityHouseholds', '社区规模上限', '户', 3000, '1', sizeQuote),
  jiangsuParameter('newAreaOccupancyRate', '新建住宅区应成立居委会的入住率', '比例', 0.5, '1', newAreaQuote),
  jiangsuParameter('minCommitteeMembers', '居民委员会成员人数下限', '人', 5, '7', committeeQuote),
  jiangsuParameter('maxCommitteeMembers', '居民委员会成员人数上限', '人', 9, '7', committeeQuote),
  jiangsuParameter('minViceChairs', '居民委员会副主任人数下限', '人', 1, '7', committeeQuote),
  jiangsuParameter('maxViceChairs', '居民委员会副主任人数上限', '人', 2, '7', committeeQuote),
  jiangsuParameter('minGroupHouseholds', '居民小组户数下限', '户', 100, '8', groupQuote),
  jiangsuParameter('maxGroupHouseholds', '居民小组户数上限', '户', 150, '8', groupQuote),
  jiangsuParameter('minRepresentatives', '居民代表人数下限', '人', 50, '9（1）', representativesQuote),
  jiangsuParameter('maxRepresentatives', '居民代表人数上限', '人', 100, '9（1）', representativesQuote),
  jiangsuParameter(
    'minHouseholdsPerRepresentative',
    '每名居民代表联系户数下限',
    '户',
    30,
    '9（1）',
    representativesQuote,
  ),
  jiangsuParameter(
    'maxHouseholdsPerRepresentative',
    '每名居民代表联系户数上限',
    '户',
    50,
    '9（1）',
    representativesQuote,
  ),
  jiangsuParameter(
    'minRepresentativesPerGroup',
    '每个居民小组推选代表下限',
    '人',
    3,
    '9（1）',
    representativesQuote,
  ),
  jiangsuParameter(
    'maxRepresentativesPerGroup',
    '每个居民小组推选代表上限',
    '人',
    5,
    '9（1）',
    representativesQuote,
  ),
  jiangsuParameter('minSubCommitteeMembers', '下属委员会人数下限', '人', 3, '10（1）', subCommitteeSizeQuote),
  jiangsuParameter('maxSubCommitteeMembers', '下属委员会人数上限', '人', 5, '10（1）', subCommitteeSizeQuote),
  jiangsuParameter('minSupervisionMembers', '居务监督委员会人数下限', '人', 3, '17（1）', supervisionQuote),
  jiangsuParameter('maxSupervisionMembers', '居务监督委员会人数上限', '人', 5, '17（1）', supervisionQuote),
];

/** "人口规模达到要求": item 1 sets no other size than its 2000—3000 households. */
const newAreaSize = {
  id: 'jiangsu.new-area-size',
  name: '新设住宅区“人口规模达到要求”指什么',
  chosen: '常住户数达到第1项社区规模下限（2000户）',
  alternative: '不另设规模条件，入住率达到50%即应成立',
} as const;

/** Item 8 gives a size per group; whether it binds each group or only the count of groups is open. */
const groupSize = {
  id: 'jiangsu.resident-group-size',
  name: '每100户至150户设立一个居民小组：逐个小组衡量还是按小组总数衡量',
  chosen: '每个居民小组各自为100—150户',
  alternative: '按社区户数 ÷ 小组数的平均户数衡量，为100—150户即可',
} as const;

/** "规模较大的社区,具体人数可由社区居民会议讨论商定": item 1's ceiling is the only size the document gives. */
const largeCommunity = {
  id: 'jiangsu.large-community-representatives',
  name: '居民代表50—100人：“规模较大的社区”指什么',
  chosen: '超过第1项社区规模上限（3000户）的社区由居民会议商定人数，不适用50—100人',
  alternative: '50—100人适用于所有社区',
} as const;

const range = (min: number, max: number, unit: string) => `${min}—${max}${unit}`;
const inRange = (n: number, min: number, max: number) => n >= min && n <= max;

/** zh-CN names of the sub-committee kinds the snapshot uses (GLOSSARY.md); other kinds show as given. */
const subCommitteeLabels: Readonly<Record<string, string>> = {
  mediation: '人民调解',
  security: '治安保卫',
  health: '公共卫生',
  womenChildren: '妇女和儿童',
  culture: '群众文化',
  environment: '环境保护',
  property: '物业管理',
};
const subCommitteeLabel = (kind: string) => subCommitteeLabels[kind] ?? kind;

/** The sub-committees item 10 says a committee "一般设". */
const expectedSubCommittees = ['mediation', 'security', 'health', 'womenChildren'] as const;

export const organisationRules = [
  check({
    id: 'jiangsu.community-size',
    title: '社区人口规模一般为2000—3000户常住居民',
    citation: cite('1', sizeQuote),
    binding: 'guiding',
    facts: { households: 'households' },
    params: ['minCommunityHouseholds', 'maxCommunityHouseholds'],
    evaluate: ({ facts, params }) => ({
      holds: inRange(facts.households, params.minCommunityHouseholds, params.maxCommunityHouseholds),
      expected: range(params.minCommunityHouseholds, params.maxCommunityHouseholds, '户'),
      actual: `${facts.households}户`,
    }),
  }),
  // `occupancyRate` describes a new residential area not yet with its own committee (CONTRACTS.md
  // §2), so when the rule's condition is met the committee it asks for is missing: a fail.
  // "50%以上" includes 50% (民法典第一千二百五十九条). Households are read as the area's own.
  check({
    id: 'jiangsu.new-area-committee',
    title: '新设住宅区入住率达到50%以上且人口规模达到要求的，应及时成立社区居民委员会',
    citation: cite('1', newAreaQuote),
    binding: 'binding',
    facts: { occupancyRate: 'occupancyRate' },
    optionalFacts: { households: 'households' },
    params: ['newAreaOccupancyRate', 'minCommunityHouseholds'],
    interpretations: [newAreaSize],
    evaluate: ({ facts, optional, params, alternative }) => {
      const occupancy = `入住率${percent(facts.occupancyRate)}`;
      if (facts.occupancyRate < params.newAreaOccupancyRate) {
        return { notApplicable: `${occupancy}，未达到${percent(params.newAreaOccupancyRate)}` };
      }
      if (alternative(newAreaSize.id)) {
        return { holds: false, expected: '已成立社区居民委员会', actual: `${occupancy}，尚未成立居民委员会` };
      }
      if (optional.households === undefined) {
        return { unknown: `${occupancy}，需知道常住户数（households）才能判断人口规模是否达到要求` };
      }
      if (optional.households < params.minCommunityHouseholds) {
        return {
          notApplicable: `${occupancy}，但常住${optional.households}户，未达到${params.minCommunityHouseholds}户`,
        };
      }
      return {
        holds: false,
        expected: '已成立社区居民委员会',
        actual: `${occupancy}、常住${optional.households}户，尚未成立居民委员会`,
      };
    },
  }),
  check({
    id: 'jiangsu.committee-size',
    title: '居民委员会成员一般为5—9人',
    citation: cite('7', committeeQuote),
    binding: 'guiding',
    facts: { members: 'committee.members' },
    params: ['minCommitteeMembers', 'maxCommitteeMembers'],
    evaluate: ({ facts, params }) => ({
      holds: inRange(facts.members, params.minCommitteeMembers, params.maxCommitteeMembers),
      expected: range(params.minCommitteeMembers, params.maxCommitteeMembers, '人'),
      actual: `${facts.members}人`,
    }),
  }),
  // The sentence's "一般" governs its "其中" clause too, so a vice-chair count outside 1—2 warns.
  check({
    id: 'jiangsu.vice-chairs',
    title: '居民委员会一般设副主任1—2人',
    citation: cite('7', committeeQuote),
    binding: 'guiding',
    facts: { viceChairs: 'committee.viceChairs' },
    params: ['minViceChairs', 'maxViceChairs'],
    evaluate: ({ facts, params }) => ({
      holds: inRange(facts.viceChairs, params.minViceChairs, params.maxViceChairs),
      expected: range(params.minViceChairs, params.maxViceChairs, '人'),
      actual: `${facts.viceChairs}人`,
    }),
  }),
  check({
    id: 'jiangsu.committee-odd',
    title: '居民委员会总人数以单数为宜',
    citation: cite('7', committeeQuote),
    binding: 'guiding',
    facts: { members: 'committee.members' },
    evaluate: ({ facts }) => ({
      holds: facts.members % 2 === 1,
      expected: '单数',
      actual: `${facts.members}人`,
    }),
  }),
  // "可…分设若干居民小组": groups are optional, so a community without any is not measured.
  check({
    id: 'jiangsu.resident-group-size',
    title: '一般以每100户至150户设立一个居民小组',
    citation: cite('8', groupQuote),
    binding: 'guiding',
    facts: { residentGroups: 'residentGroups' },
    optionalFacts: { households: 'households' },
    params: ['minGroupHouseholds', 'maxGroupHouseholds'],
    interpretations: [groupSize],
    evaluate: ({ facts, optional, params, alternative }) => {
      const groups = facts.residentGroups;
      if (groups.length === 0) return { notApplicable: '未分设居民小组（第8项为“可”分设）' };
      const expected = `每个居民小组${range(params.minGroupHouseholds, params.maxGroupHouseholds, '户')}`;
      if (alternative(groupSize.id)) {
        if (optional.households === undefined)
          return { unknown: '按平均户数衡量需知道社区常住户数（households）' };
        const average = optional.households / groups.length;
        return {
          holds: average >= params.minGroupHouseholds && average <= params.maxGroupHouseholds,
          expected: `平均${range(params.minGroupHouseholds, params.maxGroupHouseholds, '户')}一个居民小组`,
          actual: `${optional.households}户、${groups.length}个居民小组，平均${Math.round(average)}户`,
        };
      }
      const outside = groups.filter(
        (g) => !inRange(g.households, params.minGroupHouseholds, params.maxGroupHouseholds),
      );
      return {
        holds: outside.length === 0,
        expected,
        actual:
          outside.length === 0
            ? `${groups.length}个居民小组均在范围内`
            : `${groups.length}个居民小组中${outside.length}个不在范围内（${outside.map((g) => `${g.households}户`).join('、')}）`,
      };
    },
  }),
  // "左右" softens the bounds into guidance; it gives no tolerance, so the figures are the bounds.
  check({
    id: 'jiangsu.representatives-count',
    title: '社区居民代表人数一般控制在50—100人左右',
    citation: cite('9（1）', representativesQuote),
    binding: 'guiding',
    facts: { representatives: 'representatives' },
    optionalFacts: { households: 'households' },
    params: ['minRepresentatives', 'maxRepresentatives', 'maxCommunityHouseholds'],
    interpretations: [largeCommunity],
    evaluate: ({ facts, optional, params, alternative }) => {
      const holds = inRange(facts.representatives, params.minRepresentatives, params.maxRepresentatives);
      const expected = range(params.minRepresentatives, params.maxRepresentatives, '人');
      const actual = `${facts.representatives}人`;
      if (holds || alternative(largeCommunity.id)) return { holds, expected, actual };
      if (optional.households === undefined) {
        return { unknown: `居民代表${actual}，需知道常住户数（households）才能判断是否属于规模较大的社区` };
      }
      if (optional.households > params.maxCommunityHouseholds) {
        return {
          notApplicable: `常住${optional.households}户，超过${params.maxCommunityHouseholds}户，属规模较大的社区，代表人数由居民会议商定`,
        };
      }
      return { holds, expected, actual };
    },
  }),
  // "按30—50户推选一人或以居民小组为单位推选3—5人": either basis satisfies the item; a count that
  // fits neither known basis warns, and one that fails a basis while the other is unknown is unknown.
  check({
    id: 'jiangsu.representatives-ratio',
    title: '居民代表通常按30—50户推选一人或每个居民小组推选3—5人',
    citation: cite('9（1）', representativesQuote),
    binding: 'guiding',
    facts: { representatives: 'representatives' },
    optionalFacts: { households: 'households', residentGroups: 'residentGroups' },
    params: [
      'minHouseholdsPerRepresentative',
      'maxHouseholdsPerRepresentative',
      'minRepresentativesPerGroup',
      'maxRepresentativesPerGroup',
    ],
    evaluate: ({ facts, optional, params }) => {
      const n = facts.representatives;
      const bases: { holds: boolean; actual: string }[] = [];
      if (optional.households !== undefined) {
        bases.push({
          holds:
            optional.households >= n * params.minHouseholdsPerRepresentative &&
            optional.households <= n * params.maxHouseholdsPerRepresentative,
          actual: `${optional.households}户${n}名代表`,
        });
      }
      const groups = optional.residentGroups?.length;
      if (groups !== undefined && groups > 0) {
        bases.push({
          holds: inRange(
            n,
            groups * params.minRepresentativesPerGroup,
            groups * params.maxRepresentativesPerGroup,
          ),
          actual: `${groups}个居民小组${n}名代表`,
        });
      }
      const expected = `按${range(params.minHouseholdsPerRepresentative, params.maxHouseholdsPerRepresentative, '户')}一名，或每个居民小组${range(params.minRepresentativesPerGroup, params.maxRepresentativesPerGroup, '名')}`;
      const actual = bases.map((b) => b.actual).join('；');
      if (bases.some((b) => b.holds)) return { holds: true, expected, actual };
      if (bases.length < 2) {
        return {
          unknown: `需知道常住户数（households）和居民小组（residentGroups）才能判断${bases.length ? `（${actual}不符合按户推选）` : ''}`,
        };
      }
      return { holds: false, expected, actual };
    },
  }),
  check({
    id: 'jiangsu.sub-committees',
    title: '居民委员会一般设人民调解、治安保卫、公共卫生、妇女和儿童等委员会',
    citation: cite('10', subCommitteesQuote),
    binding: 'guiding',
    facts: { subCommittees: 'subCommittees' },
    evaluate: ({ facts }) => {
      const kinds = new Set(facts.subCommittees.map((s) => s.kind));
      const missing = expectedSubCommittees.filter((kind) => !kinds.has(kind));
      return {
        holds: missing.length === 0,
        expected: `设${expectedSubCommittees.map(subCommitteeLabel).join('、')}委员会`,
        actual: missing.length === 0 ? '均已设立' : `未设${missing.map(subCommitteeLabel).join('、')}委员会`,
      };
    },
  }),
  check({
    id: 'jiangsu.sub-committee-size',
    title: '下属委员会一般由3—5人组成',
    citation: cite('10（1）', subCommitteeSizeQuote),
    binding: 'guiding',
    facts: { subCommittees: 'subCommittees' },
    params: ['minSubCommitteeMembers', 'maxSubCommitteeMembers'],
    evaluate: ({ facts, params }) => {
      if (facts.subCommittees.length === 0) return { notApplicable: '未设下属委员会' };
      const expected = `每个下属委员会${range(params.minSubCommitteeMembers, params.maxSubCommitteeMembers, '人')}`;
      const outside = facts.subCommittees.filter(
        (s) =>
          s.members !== undefined &&
          !inRange(s.members, params.minSubCommitteeMembers, params.maxSubCommitteeMembers),
      );
      if (outside.length > 0) {
        return {
          holds: false,
          expected,
          actual: outside.map((s) => `${subCommitteeLabel(s.kind)}委员会${s.members}人`).join('、'),
        };
      }
      const unknown = facts.subCommittees.filter((s) => s.members === undefined);
      if (unknown.length > 0) {
        return {
          unknown: `${unknown.map((s) => `${subCommitteeLabel(s.kind)}委员会`).join('、')}未提供人数（members）`,
        };
      }
      return { holds: true, expected, actual: `${facts.subCommittees.length}个下属委员会均在范围内` };
    },
  }),
  check({
    id: 'jiangsu.supervision-committee-size',
    title: '居务监督委员会一般由3—5人组成',
    citation: cite('17（1）', supervisionQuote),
    binding: 'guiding',
    facts: { members: 'supervisionCommittee.members' },
    params: ['minSupervisionMembers', 'maxSupervisionMembers'],
    evaluate: ({ facts, params }) => ({
      holds: inRange(facts.members, params.minSupervisionMembers, params.maxSupervisionMembers),
      expected: range(params.minSupervisionMembers, params.maxSupervisionMembers, '人'),
      actual: `${facts.members}人`,
    }),
  }),
];
