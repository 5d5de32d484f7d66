/**
 * The community snapshot, format `shequ.community-snapshot/v1` (shared/CONTRACTS.md §2):
 * one community's facts on one date. Every field but `code`, `name` and `asOf` is optional,
 * because a rule whose facts are missing must report `unknown`, never `pass`.
 * Unknown fields are rejected (strict objects) so a typo never silently drops a fact.
 */
import { z } from 'zod';
import { isoDate } from './common.js';
import { communityCode } from './division.js';
import { INT4_MAX, safeText } from './safety.js';

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

export const facilityFunctions = [
  'convenience-hall',
  'party-activities',
  'policing',
  'education',
  'culture-sports',
  'elderly-child-disabled',
  'family-women',
  'health',
  'environment-property',
  'social-organizations',
] as const;
export const facilityFunction = z.enum(facilityFunctions);
export type FacilityFunction = z.infer<typeof facilityFunction>;

/** Sub-committee kinds named in the seeds (GLOSSARY.md); the list is open, so other kinds pass as strings. */
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

export const disclosureKinds = ['routine', 'important'] as const;
export const disclosureKind = z.enum(disclosureKinds);

export const facilityFacts = z.strictObject({
  totalArea: squareMetres.optional(),
  mainBuildingFloors: quantity('应为正整数')
    .int({ error: '应为正整数' })
    .positive({ error: '应为正整数' })
    .optional(),
  residentSpaceArea: squareMetres.optional(),
  functions: z.array(facilityFunction).optional(),
  emergencyShelter: z.boolean().optional(),
});

export const communitySnapshot = z.strictObject({
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
  facility: facilityFacts.optional(),
  committee: z
    .strictObject({
      members: nonNegativeInteger.optional(),
      viceChairs: nonNegativeInteger.optional(),
    })
    .optional(),
  supervisionCommittee: z.strictObject({ members: nonNegativeInteger.optional() }).optional(),
  subCommittees: z
    .array(z.strictObject({ kind: subCommitteeKind, members: nonNegativeInteger.optional() }))
    .optional(),
  residentGroups: z.array(z.strictObject({ households: nonNegativeInteger })).optional(),
  buildings: z.array(z.strictObject({ households: nonNegativeInteger, leader: z.boolean() })).optional(),
  representatives: nonNegativeInteger.optional(),
  staff: z
    .strictObject({
      twoCommittees: nonNegativeInteger.optional(),
      specialists: nonNegativeInteger.optional(),
      fullTime: nonNegativeInteger.optional(),
    })
    .optional(),
  salary: z.strictObject({ annualAverage: yuan.optional() }).optional(),
  funds: z.strictObject({ work: yuan.optional(), partyService: yuan.optional() }).optional(),
  honours: z.array(honourKind).optional(),
  assessment: z
    .strictObject({
      routineWeight: fraction.optional(),
      annualWeight: fraction.optional(),
      residentShareRoutine: fraction.optional(),
      residentShareAnnual: fraction.optional(),
    })
    .optional(),
  meetings: z
    .array(z.strictObject({ kind: meetingKind, noticeOn: isoDate.optional(), heldOn: isoDate }))
    .optional(),
  charters: z
    .array(z.strictObject({ kind: charterKind, adoptedOn: isoDate, filedOn: isoDate.optional() }))
    .optional(),
  disclosures: z.array(z.strictObject({ kind: disclosureKind, on: isoDate })).optional(),
});

export type CommunitySnapshot = z.infer<typeof communitySnapshot>;
/** The facts of a snapshot without its identity, as stored per community and edited in the console. */
export const communityFacts = communitySnapshot.omit({ format: true, code: true, name: true, asOf: true });
export type CommunityFacts = z.infer<typeof communityFacts>;

/** JSON Schema (draft 2020-12) of the snapshot, for other cities' systems that do not run TypeScript. */
export function communitySnapshotJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(communitySnapshot, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
