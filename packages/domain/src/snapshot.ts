/**
 * The community snapshot, format `shequ.community-snapshot/v1` (docs/interfaces.md §2):
 * one community's facts on one date. Every field but `code`, `name` and `asOf` is optional,
 * because a rule whose facts are missing must report `unknown`, never `pass`.
 * Unknown fields are rejected (strict objects) so a typo never silently drops a fact.
 */
import * as z from 'zod';
import { isoDate } from './common.js';
import { communityCode } from './division.js';
import { facilityFunctions } from './facility-functions.js';
import { INT4_MAX, safeText } from './safety.js';

// The fields' Chinese labels live with the other labels (zod-free, for the console); here too for callers of this module.
export { snapshotFieldLabels } from './labels.js';

export const SNAPSHOT_FORMAT = 'shequ.community-snapshot/v1' as const;

/**
 * A number field whose every problem (missing, wrong type, out of range) reads as one zh-CN
 * sentence saying what the field should be, whatever error map the caller uses.
 */
const quantity = (should: string) => {
  const error = { error: (iss: { input?: unknown }) => (iss.input === undefined ? '必填' : should) };
  return z.number(error);
};
/** Messages live on the schema so the CLI, the API and the console show the same words. */
export const nonNegativeInteger = quantity('应为非负整数')
  .int({ error: '应为非负整数' })
  .nonnegative({ error: '应为非负整数' })
  // Counts are stored in integer columns (households, residents): beyond that is a typing error.
  .max(INT4_MAX, { error: `应为不超过 ${INT4_MAX} 的非负整数` });
export const squareMetres = quantity('应为非负数（平方米）').nonnegative({ error: '应为非负数（平方米）' });
export const yuan = quantity('应为非负数（元）').nonnegative({ error: '应为非负数（元）' });
export const fraction = quantity('应为0到1之间的小数')
  .min(0, { error: '应为0到1之间的小数' })
  .max(1, { error: '应为0到1之间的小数' });

export const facilityFunction = z.enum(facilityFunctions);
export type FacilityFunction = z.infer<typeof facilityFunction>;

/** Sub-committee kinds named in the regulations (docs/glossary.md); the list is open, so other kinds pass as strings. */
export const knownSubCommitteeKinds = [
  'mediation',
  'security',
  'health',
  'culture',
  'environment',
  'property',
  'womenChildren',
  'welfare',
  'disputes',
] as const;
export const subCommitteeKind = z.string().min(1);

export const honourKinds = [
  'city-advanced-party-organization',
  'harmonious-community-model',
  'city-civilized-unit',
  'assessment-qualified',
  'district-assessment-advanced',
] as const;
export const honourKind = z.enum(honourKinds);
export type HonourKind = z.infer<typeof honourKind>;

/** Honours under the names of 鄂州市城市社区工作规则 第二十一条（一）. */
export const honourLabels: Record<HonourKind, string> = {
  'city-advanced-party-organization': '市级以上先进基层党组织',
  'harmonious-community-model': '和谐社区建设示范单位',
  'city-civilized-unit': '市级以上文明单位',
  'assessment-qualified': '综合考核合格单位',
  'district-assessment-advanced': '区级以上年度综合考核先进单位',
};

export const knownMeetingKinds = [
  'residents-meeting',
  'representatives-meeting',
  'monthly-work-meeting',
  'joint-meeting',
  'consultation-meeting',
  'two-committees-meeting',
] as const;
export const meetingKind = z.string().min(1);

export const charterKinds = ['autonomy-charter', 'residents-covenant'] as const;
export const charterKind = z.enum(charterKinds);

/**
 * What a disclosure (居务公开) made public: routine matters, important matters, or the accounts (财务收支).
 * Whether the accounts also count as a routine matter is a pack's reading (`jiangsu.accounts-routine`).
 */
export const disclosureKinds = ['routine', 'important', 'finance'] as const;
export const disclosureKind = z.enum(disclosureKinds);

const flag = z.boolean({ error: (iss) => (iss.input === undefined ? '必填' : '应为 true 或 false') });
/** A count of events or people in the snapshot's year (the calendar year of `asOf`). */
const count = nonNegativeInteger;

export const facilityFacts = z.strictObject({
  totalArea: squareMetres.optional(),
  mainBuildingFloors: quantity('应为正整数')
    .int({ error: '应为正整数' })
    .positive({ error: '应为正整数' })
    .optional(),
  residentSpaceArea: squareMetres.optional(),
  functions: z.array(facilityFunction).optional(),
  emergencyShelter: z.boolean().optional(),
  fireSafety: flag.optional(),
  publicNetwork: flag.optional(),
  drinkingWater: flag.optional(),
  otherSignboards: count.optional(),
  serviceWindow: flag.optional(),
  contactBoard: flag.optional(),
});

/** The fields of the snapshot, before the checks across fields. */
const snapshotFields = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT).optional(),
  code: communityCode,
  name: safeText('社区名称', 100),
  asOf: isoDate,
  setting: z.enum(['urban', 'rural']).optional(),
  townSeat: z.boolean().optional(),
  newlyBuilt: z.boolean().optional(),
  households: nonNegativeInteger.optional(),
  residents: nonNegativeInteger.optional(),
  occupancyRate: fraction.optional(),
  newAreaHouseholds: nonNegativeInteger.optional(),
  facility: facilityFacts.optional(),
  committee: z
    .strictObject({
      members: nonNegativeInteger.optional(),
      viceChairs: nonNegativeInteger.optional(),
      competitiveElection: flag.optional(),
      secretBallot: flag.optional(),
      chairTrainings: count.optional(),
    })
    .optional(),
  supervisionCommittee: z
    .strictObject({
      members: nonNegativeInteger.optional(),
      chairVotes: count.optional(),
      /** The fewest votes any elected member received, chair included (Jiangsu 17（4））. */
      lowestElectedVotes: count.optional(),
      votesCast: count.optional(),
      financeOrManagementMembers: count.optional(),
      chairTrainings: count.optional(),
    })
    .optional(),
  subCommittees: z
    .array(
      z.strictObject({
        kind: subCommitteeKind,
        members: nonNegativeInteger.optional(),
        chairIsCommitteeMember: flag.optional(),
      }),
    )
    .optional(),
  residentGroups: z.array(z.strictObject({ households: nonNegativeInteger })).optional(),
  buildings: z.array(z.strictObject({ households: nonNegativeInteger, leader: z.boolean() })).optional(),
  /**
   * One entry for each grid: its households (counted from its buildings where any are registered, else
   * as entered) and the households of each resident group lying in it (Ezhou 第七条（二）: groups and grids
   * coincide as far as possible), and `buildings`, the positions in `buildings[]` (from 0) of the
   * buildings lying in it, against which the property-service areas are judged.
   */
  grids: z
    .array(
      z.strictObject({
        households: nonNegativeInteger.optional(),
        groups: z.array(nonNegativeInteger),
        buildings: z.array(nonNegativeInteger).optional(),
      }),
    )
    .optional(),
  /**
   * One entry for each 物业服务区域: the positions in `buildings[]` (from 0) of the buildings lying in it
   * (Ezhou 第七条（二）: property-service areas and grids coincide as far as possible).
   */
  propertyAreas: z.array(z.strictObject({ buildings: z.array(nonNegativeInteger) })).optional(),
  representatives: nonNegativeInteger.optional(),
  grid: z
    .strictObject({
      leaders: count.optional(),
      leadersOnCommittee: count.optional(),
      workerAnnualPay: yuan.optional(),
    })
    .optional(),
  staff: z
    .strictObject({
      twoCommittees: nonNegativeInteger.optional(),
      specialists: nonNegativeInteger.optional(),
      fullTime: nonNegativeInteger.optional(),
    })
    .optional(),
  salary: z.strictObject({ annualAverage: yuan.optional(), citySubsidy: yuan.optional() }).optional(),
  funds: z
    .strictObject({
      work: yuan.optional(),
      partyService: yuan.optional(),
      salaryCity: yuan.optional(),
      salaryDistrict: yuan.optional(),
      salaryStreet: yuan.optional(),
      benefitsDistrict: yuan.optional(),
      benefitsStreet: yuan.optional(),
      serviceBudget: yuan.optional(),
      serviceBudgetPreviousYear: yuan.optional(),
    })
    .optional(),
  honours: z.array(honourKind).optional(),
  assessment: z
    .strictObject({
      routineWeight: fraction.optional(),
      annualWeight: fraction.optional(),
      residentShareRoutine: fraction.optional(),
      residentShareAnnual: fraction.optional(),
      streetRatingResidentShare: fraction.optional(),
    })
    .optional(),
  party: z.strictObject({ healthChecks: count.optional() }).optional(),
  finance: z
    .strictObject({ accountsDisclosed: flag.optional(), expensesDecidedCollectively: flag.optional() })
    .optional(),
  burden: z
    .strictObject({
      districtMeetingsPerYear: count.optional(),
      streetOtherMeetingsMaxPerMonth: count.optional(),
      streetWorkMeetingsMaxPerWeek: count.optional(),
    })
    .optional(),
  consultation: z.strictObject({ contestedUnsubmitted: count.optional() }).optional(),
  deliberation: z.strictObject({ body: flag.optional(), rules: flag.optional() }).optional(),
  complaints: z.strictObject({ handled: count.optional(), outcomeTold: count.optional() }).optional(),
  meetings: z
    .array(
      z.strictObject({
        kind: meetingKind,
        noticeOn: isoDate.optional(),
        heldOn: isoDate,
        // The committee members reported (述职述廉述法) and were appraised at this meeting (Jiangsu 19（7））.
        annualReport: flag.optional(),
      }),
    )
    .optional(),
  charters: z
    .array(z.strictObject({ kind: charterKind, adoptedOn: isoDate, filedOn: isoDate.optional() }))
    .optional(),
  disclosures: z.array(z.strictObject({ kind: disclosureKind, on: isoDate })).optional(),
});

type Fields = z.infer<typeof snapshotFields>;
type Context = z.core.$RefinementCtx<Omit<Fields, 'format' | 'code' | 'name' | 'asOf'>>;

/**
 * A part never exceeds its whole: each pair is (part path, whole path, the message on the part).
 * Checked in the library so that the CLI, the API and the console refuse the same snapshots.
 */
const partsOfWholes: readonly [[string, string], [string, string], string][] = [
  [['committee', 'viceChairs'], ['committee', 'members'], '副主任人数不能多于居委会成员总数'],
  [
    ['facility', 'residentSpaceArea'],
    ['facility', 'totalArea'],
    '居民服务和活动空间不能大于综合服务设施总面积',
  ],
  [['grid', 'leadersOnCommittee'], ['grid', 'leaders'], '兼任的网格长人数不能多于网格长总数'],
  [
    ['supervisionCommittee', 'chairVotes'],
    ['supervisionCommittee', 'votesCast'],
    '赞成票数不能多于参加投票的人数',
  ],
  [
    ['supervisionCommittee', 'lowestElectedVotes'],
    ['supervisionCommittee', 'votesCast'],
    '当选成员的最少得票数不能多于参加投票的人数',
  ],
  [
    ['supervisionCommittee', 'lowestElectedVotes'],
    ['supervisionCommittee', 'chairVotes'],
    '当选成员的最少得票数不能多于主任所得赞成票数',
  ],
  [
    ['supervisionCommittee', 'financeOrManagementMembers'],
    ['supervisionCommittee', 'members'],
    '具备财会、管理知识的成员数不能多于居务监督委员会成员总数',
  ],
  [['complaints', 'outcomeTold'], ['complaints', 'handled'], '告知结果的投诉数不能多于处理完毕的投诉数'],
];

/**
 * The building positions that grids and property-service areas list must name a building of `buildings[]`,
 * and each building lies in at most one grid and one area.
 */
function buildingPositionChecks(facts: Omit<Fields, 'format' | 'code' | 'name' | 'asOf'>, ctx: Context) {
  const count = facts.buildings?.length ?? 0;
  const lists: [string, string, readonly { buildings?: readonly number[] | undefined }[] | undefined][] = [
    ['grids', '网格', facts.grids],
    ['propertyAreas', '物业服务区域', facts.propertyAreas],
  ];
  for (const [field, unit, entries] of lists) {
    const seen = new Set<number>();
    entries?.forEach((entry, i) => {
      entry.buildings?.forEach((position, j) => {
        if (position >= count)
          ctx.addIssue({
            code: 'custom',
            path: [field, i, 'buildings', j],
            message: `楼栋清单（buildings）中没有第${position}项（从0起，共${count}项）`,
            input: position,
          });
        else if (seen.has(position))
          ctx.addIssue({
            code: 'custom',
            path: [field, i, 'buildings', j],
            message: `第${position}项楼栋已列在另一个${unit}中，一个楼栋只能在一个${unit}内`,
            input: position,
          });
        seen.add(position);
      });
    });
  }
}

function crossFieldChecks(facts: Omit<Fields, 'format' | 'code' | 'name' | 'asOf'>, ctx: Context) {
  buildingPositionChecks(facts, ctx);
  const read = ([outer, inner]: [string, string]) =>
    (facts as Record<string, Record<string, unknown> | undefined>)[outer]?.[inner];
  for (const [part, whole, message] of partsOfWholes) {
    const p = read(part);
    const w = read(whole);
    if (typeof p === 'number' && typeof w === 'number' && p > w) {
      ctx.addIssue({ code: 'custom', path: part, message, input: p });
    }
  }
}

export const communitySnapshot = snapshotFields.superRefine(crossFieldChecks);

export type CommunitySnapshot = z.infer<typeof communitySnapshot>;
/** The facts of a snapshot without its identity, as stored per community and edited in the console. */
export const communityFacts = snapshotFields
  .omit({ format: true, code: true, name: true, asOf: true })
  .superRefine(crossFieldChecks);
export type CommunityFacts = z.infer<typeof communityFacts>;

/** JSON Schema (draft 2020-12) of the snapshot, for other cities' systems that do not run TypeScript. */
export function communitySnapshotJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(communitySnapshot, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
