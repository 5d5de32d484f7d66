/**
 * Items 1, 7—10 and 17: the community's size and the bodies of resident self-government — the
 * residents' committee, resident groups, representatives, sub-committees, supervision committee.
 */
import { check, fmt, later, rangeCheck, replaceRule } from '../../engine/index.js';
import { unreportedNewArea, withoutReportedOccupancy } from '../new-area.js';
import { cite, jiangsuParameter, percent } from './document.js';

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

/** `households / groups` as a reader checks it: whole when it is, else 约 and one decimal. */
function averageText(households: number, groups: number): string {
  return households % groups === 0 ? String(households / groups) : `约${(households / groups).toFixed(1)}`;
}

const range = (min: number, max: number, unit: string) => `${min}—${max}${unit}`;
/**
 * `range` for one place in a rule, keeping the last pair's text: the bounds are parameters, the same
 * for every community of a run, so each place words its range once rather than once per result.
 */
function rangeIn(unit: string): (min: number, max: number) => string {
  let lastMin: number | undefined;
  let lastMax: number | undefined;
  let lastText = '';
  return (min, max) => {
    if (min !== lastMin || max !== lastMax) {
      lastText = range(min, max, unit);
      lastMin = min;
      lastMax = max;
    }
    return lastText;
  };
}
const averageGroupRange = rangeIn('户');
const groupRange = rangeIn('户');
const representativesRange = rangeIn('人');
const householdsPerRepresentativeRange = rangeIn('户');
const representativesPerGroupRange = rangeIn('名');
const subCommitteeRange = rangeIn('人');
/** Figures as the item writes them, unformatted: `2500户`, `7人` (`rangeCheck` gives `2000—3000户`). */
const householdCount = unformatted('户');
const headcount = unformatted('人');
/** `${n}${unit}`, the texts of small whole figures kept: every community's result words several. */
function unformatted(unit: string): (n: number) => string {
  const texts: string[] = [];
  return (n) => {
    if (!Number.isInteger(n) || n < 0 || n >= 4096) return `${n}${unit}`;
    let text = texts[n];
    if (text === undefined) {
      text = `${n}${unit}`;
      texts[n] = text;
    }
    return text;
  };
}
const inRange = (n: number, min: number, max: number) => n >= min && n <= max;

/** zh-CN names of the sub-committee kinds the snapshot uses (docs/glossary.md); other kinds show as given. */
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
const hasKind = (subCommittees: readonly { kind: string }[], kind: string) => {
  for (let i = 0; i < subCommittees.length; i++) if (subCommittees[i]!.kind === kind) return true;
  return false;
};
const expectedSubCommitteesText = `设${expectedSubCommittees.map(subCommitteeLabel).join('、')}委员会`;
/** `未设…委员会` for each set of missing expected sub-committees (bit k: `expectedSubCommittees[k]`). */
const missingSubCommitteesTexts = new Array<string | undefined>(1 << expectedSubCommittees.length).fill(
  undefined,
);
function missingSubCommitteesText(missing: number): string {
  let text = missingSubCommitteesTexts[missing];
  if (text === undefined) {
    text = `未设${expectedSubCommittees
      .filter((_, k) => (missing & (1 << k)) !== 0)
      .map(subCommitteeLabel)
      .join('、')}委员会`;
    missingSubCommitteesTexts[missing] = text;
  }
  return text;
}

/**
 * Item 7 restates the Organic Law's committee size (5—9, 第七条) as guidance ("一般为5—9人"): for
 * Jiangsu's communities it replaces the national rule `national.committee-size` with its own citation,
 * so one result, not two, speaks of the committee's size (README.md, "The national pack").
 */
export const committeeSizeRule = rangeCheck({
  id: 'jiangsu.committee-size',
  title: '居民委员会成员一般为5—9人',
  citation: cite('7', committeeQuote),
  binding: 'guiding',
  fact: 'committee.members',
  minimum: { param: 'minCommitteeMembers' },
  maximum: { param: 'maxCommitteeMembers' },
  format: headcount,
});

export const organisationOverrides = [
  replaceRule('national.committee-size', committeeSizeRule, cite('7', committeeQuote)),
];

export const organisationRules = [
  rangeCheck({
    id: 'jiangsu.community-size',
    title: '社区人口规模一般为2000—3000户常住居民',
    citation: cite('1', sizeQuote),
    binding: 'guiding',
    fact: 'households',
    minimum: { param: 'minCommunityHouseholds' },
    maximum: { param: 'maxCommunityHouseholds' },
    format: householdCount,
  }),
  // `occupancyRate` describes a new residential area not yet with its own committee (docs/interfaces.md
  // §2), so when the rule's condition is met the committee it asks for is missing: a fail. Without it
  // no such area is reported, read as for Weihai's same words (`../new-area.ts`) unless the new area's
  // households are given: then the area is reported and only its occupancy is missing.
  // "50%以上" includes 50% (民法典第一千二百五十九条). The size that must be reached is the new
  // area's own (`newAreaHouseholds`), not the community's that looks after it meanwhile.
  check({
    id: 'jiangsu.new-area-committee',
    title: '新设住宅区入住率达到50%以上且人口规模达到要求的，应及时成立社区居民委员会',
    citation: cite('1', newAreaQuote),
    binding: 'binding',
    optionalFacts: { occupancyRate: 'occupancyRate', households: 'newAreaHouseholds' },
    params: ['newAreaOccupancyRate', 'minCommunityHouseholds'],
    interpretations: [newAreaSize, unreportedNewArea],
    evaluate: ({ optional, params, alternative }) => {
      const occupancyRate = optional.occupancyRate;
      const households = optional.households;
      if (occupancyRate === undefined) {
        return households === undefined
          ? withoutReportedOccupancy(alternative)
          : { unknown: '已报告新建住宅区常住户数，但缺少其入住率（occupancyRate）' };
      }
      const occupancy = later(() => `入住率${percent(occupancyRate)}`);
      if (occupancyRate < params.newAreaOccupancyRate) {
        return {
          notApplicable: later(() => `${occupancy()}，未达到${percent(params.newAreaOccupancyRate)}`),
        };
      }
      // Once the condition is met the committee it asks for is missing: the same fail either way.
      const noCommittee = (condition: () => string) => ({
        holds: false,
        expected: '已成立社区居民委员会',
        actual: later(() => `${condition()}，尚未成立居民委员会`),
      });
      if (alternative(newAreaSize.id)) return noCommittee(occupancy);
      if (households === undefined) {
        return {
          unknown: later(
            () =>
              `${occupancy()}，需知道新建住宅区的常住户数（newAreaHouseholds）才能判断人口规模是否达到要求`,
          ),
        };
      }
      if (households < params.minCommunityHouseholds) {
        return {
          notApplicable: later(
            () => `${occupancy()}，但新建住宅区常住${households}户，未达到${params.minCommunityHouseholds}户`,
          ),
        };
      }
      return noCommittee(() => `${occupancy()}、新建住宅区常住${households}户`);
    },
  }),
  // The sentence's "一般" governs its "其中" clause too, so a vice-chair count outside 1—2 warns.
  rangeCheck({
    id: 'jiangsu.vice-chairs',
    title: '居民委员会一般设副主任1—2人',
    citation: cite('7', committeeQuote),
    binding: 'guiding',
    fact: 'committee.viceChairs',
    minimum: { param: 'minViceChairs' },
    maximum: { param: 'maxViceChairs' },
    format: headcount,
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
      actual: later(() => `${facts.members}人`),
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
      const min = params.minGroupHouseholds;
      const max = params.maxGroupHouseholds;
      if (alternative(groupSize.id)) {
        const households = optional.households;
        if (households === undefined) return { unknown: '按平均户数衡量需知道社区常住户数（households）' };
        const n = groups.length;
        // The average within min—max, compared without dividing: whole households against whole bounds.
        return {
          holds: households >= min * n && households <= max * n,
          expected: later(() => `平均${averageGroupRange(min, max)}一个居民小组`),
          // Shown to one decimal where not whole, so that 299 households in 3 groups does not read 平均100户.
          actual: later(() => `${households}户、${n}个居民小组，平均${averageText(households, n)}户`),
        };
      }
      let outside = 0;
      for (let i = 0; i < groups.length; i++) if (!inRange(groups[i]!.households, min, max)) outside++;
      return {
        holds: outside === 0,
        expected: later(() => `每个居民小组${groupRange(min, max)}`),
        actual: later(() =>
          outside === 0
            ? `${groups.length}个居民小组均在范围内`
            : `${groups.length}个居民小组中${outside}个不在范围内（${fmt.listed(
                groups,
                (g) => !inRange(g.households, min, max),
                (g) => `${g.households}户`,
              )}）`,
        ),
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
      const representatives = facts.representatives;
      const min = params.minRepresentatives;
      const max = params.maxRepresentatives;
      const holds = inRange(representatives, min, max);
      const expected = later(() => representativesRange(min, max));
      const actual = later(() => `${representatives}人`);
      if (holds || alternative(largeCommunity.id)) return { holds, expected, actual };
      const households = optional.households;
      if (households === undefined) {
        return {
          unknown: later(
            () => `居民代表${actual()}，需知道常住户数（households）才能判断是否属于规模较大的社区`,
          ),
        };
      }
      const largest = params.maxCommunityHouseholds;
      if (households > largest) {
        return {
          notApplicable: later(
            () => `常住${households}户，超过${largest}户，属规模较大的社区，代表人数由居民会议商定`,
          ),
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
      const households = optional.households;
      const groupCount = optional.residentGroups?.length;
      // Each basis is known when its fact is given (a community without groups has no group basis).
      const groups = groupCount !== undefined && groupCount > 0 ? groupCount : undefined;
      const householdsHold =
        households !== undefined &&
        households >= n * params.minHouseholdsPerRepresentative &&
        households <= n * params.maxHouseholdsPerRepresentative;
      const groupsHold =
        groups !== undefined &&
        inRange(n, groups * params.minRepresentativesPerGroup, groups * params.maxRepresentativesPerGroup);
      const expected = later(
        () =>
          `按${householdsPerRepresentativeRange(params.minHouseholdsPerRepresentative, params.maxHouseholdsPerRepresentative)}一名，或每个居民小组${representativesPerGroupRange(params.minRepresentativesPerGroup, params.maxRepresentativesPerGroup)}`,
      );
      const actual = later(() => {
        const byHouseholds = households === undefined ? undefined : `${households}户${n}名代表`;
        const byGroups = groups === undefined ? undefined : `${groups}个居民小组${n}名代表`;
        return byHouseholds === undefined
          ? (byGroups ?? '')
          : byGroups === undefined
            ? byHouseholds
            : `${byHouseholds}；${byGroups}`;
      });
      if (householdsHold || groupsHold) return { holds: true, expected, actual };
      const known = (households === undefined ? 0 : 1) + (groups === undefined ? 0 : 1);
      if (known < 2) {
        return {
          unknown: later(
            () =>
              `需知道常住户数（households）和居民小组（residentGroups）才能判断${known ? `（${actual()}不符合按户推选）` : ''}`,
          ),
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
      // Which of the four are missing, a bit each: the text for each combination is built once.
      const subCommittees = facts.subCommittees;
      let missing = 0;
      for (let k = 0; k < expectedSubCommittees.length; k++)
        if (!hasKind(subCommittees, expectedSubCommittees[k]!)) missing |= 1 << k;
      return {
        holds: missing === 0,
        expected: expectedSubCommitteesText,
        actual: missing === 0 ? '均已设立' : missingSubCommitteesText(missing),
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
      const subCommittees = facts.subCommittees;
      if (subCommittees.length === 0) return { notApplicable: '未设下属委员会' };
      const min = params.minSubCommitteeMembers;
      const max = params.maxSubCommitteeMembers;
      const expected = later(() => `每个下属委员会${subCommitteeRange(min, max)}`);
      let outside = false;
      let unknown = false;
      for (let i = 0; i < subCommittees.length; i++) {
        const members = subCommittees[i]!.members;
        if (members === undefined) unknown = true;
        else if (!inRange(members, min, max)) outside = true;
      }
      if (outside) {
        return {
          holds: false,
          expected,
          actual: later(() =>
            subCommittees
              .filter((s) => s.members !== undefined && !inRange(s.members, min, max))
              .map((s) => `${subCommitteeLabel(s.kind)}委员会${s.members}人`)
              .join('、'),
          ),
        };
      }
      if (unknown) {
        return {
          unknown: later(
            () =>
              `${subCommittees
                .filter((s) => s.members === undefined)
                .map((s) => `${subCommitteeLabel(s.kind)}委员会`)
                .join('、')}未提供人数（members）`,
          ),
        };
      }
      return { holds: true, expected, actual: later(() => `${subCommittees.length}个下属委员会均在范围内`) };
    },
  }),
  rangeCheck({
    id: 'jiangsu.supervision-committee-size',
    title: '居务监督委员会一般由3—5人组成',
    citation: cite('17（1）', supervisionQuote),
    binding: 'guiding',
    fact: 'supervisionCommittee.members',
    minimum: { param: 'minSupervisionMembers' },
    maximum: { param: 'maxSupervisionMembers' },
    format: headcount,
  }),
];
