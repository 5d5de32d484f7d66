/**
 * The organisations of one community and the people who hold posts in them (docs/glossary.md,
 * "Organisations" and "People"): the party organisation, the residents' committee, the
 * supervision committee, sub-committees, resident groups, grids and buildings, community workers
 * and residents with posts, approved staffing quotas, the service facility and funds received.
 *
 * One concept lives in one place: a person's posts in the community's governing bodies are their
 * `roles`; a unit that has its own facts (a resident group, a grid, a building, a sub-committee)
 * names its leader or members by person id. The snapshot's counts (committee members, staff,
 * group households…) are derived from this record by `organisationFacts`, never typed twice.
 */
import * as z from 'zod';
import { isoDate } from './common.js';
import { communityCode } from './division.js';
import { mobileNumber, residentIdNumber, unifiedSocialCreditCode } from './identifiers.js';
import {
  type CommunityFacts,
  facilityFacts,
  facilityFunction,
  nonNegativeInteger,
  squareMetres,
  subCommitteeKind,
  yuan,
} from './snapshot.js';

const text = (what: string, max = 100) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? '必填' : `${what}应为文本`) })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}不能超过${max}个字` });

/** A person's id inside one community's record (a database key or any stable string). */
export const personId = text('人员编号', 64);
export type PersonId = z.infer<typeof personId>;

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/**
 * Posts in the community's governing bodies. The first six make a person a two-committee member
 * ("两委"成员: the party organisation's committee and the residents' committee).
 */
export const communityRoles = [
  'party-secretary',
  'party-deputy-secretary',
  'party-committee-member',
  'chair',
  'vice-chair',
  'committee-member',
  'supervision-chair',
  'supervision-member',
  'specialist',
  'grid-worker',
  'full-time-worker',
  'representative',
] as const;
export const communityRole = z.enum(communityRoles, {
  error: `应为以下之一：${communityRoles.join('、')}`,
});
export type CommunityRole = z.infer<typeof communityRole>;

export const communityRoleNames: Record<CommunityRole, string> = {
  'party-secretary': '党组织书记',
  'party-deputy-secretary': '党组织副书记',
  'party-committee-member': '党组织委员',
  chair: '居委会主任',
  'vice-chair': '居委会副主任',
  'committee-member': '居委会委员',
  'supervision-chair': '居务监督委员会主任',
  'supervision-member': '居务监督委员会委员',
  specialist: '社区专干',
  'grid-worker': '网格员',
  'full-time-worker': '社区专职工作者',
  representative: '居民代表',
};

export const twoCommitteesRoles: readonly CommunityRole[] = [
  'party-secretary',
  'party-deputy-secretary',
  'party-committee-member',
  'chair',
  'vice-chair',
  'committee-member',
];
const residentsCommitteeRoles: readonly CommunityRole[] = ['chair', 'vice-chair', 'committee-member'];
const supervisionRoles: readonly CommunityRole[] = ['supervision-chair', 'supervision-member'];
/** Posts one person at most may hold in a community. */
const singleHolderRoles: readonly CommunityRole[] = ['party-secretary', 'chair', 'supervision-chair'];

/** Ezhou 第十七条: four specialists, for party building, civil affairs, labour and health; other areas pass as text. */
export const knownSpecialistAreas = ['party-building', 'civil-affairs', 'labour', 'health'] as const;

/** Paid community work (社区工作者): present for workers, absent for residents who serve unpaid. */
export const employment = z.strictObject({
  fullTime: z.boolean({ error: '应为 true 或 false' }),
  startedOn: isoDate.optional(),
  endedOn: isoDate.optional(),
  specialistArea: text('专干分工', 30).optional(),
});

export const person = z
  .strictObject({
    id: personId,
    name: text('姓名', 50),
    idNumber: residentIdNumber.optional(),
    mobile: mobileNumber.optional(),
    roles: z.array(communityRole).default([]),
    employment: employment.optional(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.roles.forEach((role, i) => {
      if (seen.has(role)) ctx.addIssue({ code: 'custom', path: ['roles', i], message: `职务重复：${role}` });
      seen.add(role);
    });
    if (p.employment?.specialistArea !== undefined && !p.roles.includes('specialist')) {
      ctx.addIssue({
        code: 'custom',
        path: ['employment', 'specialistArea'],
        message: '只有社区专干（specialist）才有专干分工',
      });
    }
    const { startedOn, endedOn } = p.employment ?? {};
    if (startedOn && endedOn && endedOn < startedOn) {
      ctx.addIssue({ code: 'custom', path: ['employment', 'endedOn'], message: '离任日期不能早于到任日期' });
    }
  });
export type Person = z.infer<typeof person>;

/** Whether the person sits on the party organisation's committee or the residents' committee. */
export function isTwoCommitteesMember(p: Pick<Person, 'roles'>): boolean {
  return p.roles.some((r) => twoCommitteesRoles.includes(r));
}

/** A community worker (社区工作者): anyone in paid community work, two-committee members included. */
export function isCommunityWorker(p: Pick<Person, 'employment'>): boolean {
  return p.employment !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

/** 党委 / 党总支 / 党支部: the form depends on the number of party members. */
export const partyOrganizationForms = ['committee', 'general-branch', 'branch'] as const;

export const partyOrganization = z.strictObject({
  name: text('党组织名称'),
  form: z.enum(partyOrganizationForms, { error: `应为以下之一：${partyOrganizationForms.join('、')}` }),
  partyMembers: nonNegativeInteger.optional(),
});

export const residentsCommittee = z
  .strictObject({
    name: text('居委会名称'),
    /** Civil-affairs code of a special legal person; see identifiers.ts on its `55` prefix. */
    creditCode: unifiedSocialCreditCode.optional(),
    termStartedOn: isoDate.optional(),
    termEndsOn: isoDate.optional(),
  })
  .refine((c) => !c.termStartedOn || !c.termEndsOn || c.termStartedOn < c.termEndsOn, {
    path: ['termEndsOn'],
    message: '届满日期应晚于本届开始日期',
  });

export const subCommittee = z.strictObject({
  kind: subCommitteeKind,
  headId: personId.optional(),
  memberIds: z.array(personId).default([]),
});

export const residentGroup = z.strictObject({
  name: text('居民小组名称'),
  households: nonNegativeInteger.optional(),
  leaderId: personId.optional(),
});

export const grid = z.strictObject({
  name: text('网格名称'),
  households: nonNegativeInteger.optional(),
  /** 网格长; Jiangsu's guideline has a residents' committee member serve as one. */
  leaderId: personId.optional(),
  workerIds: z.array(personId).default([]),
});

export const building = z.strictObject({
  name: text('楼栋名称'),
  households: nonNegativeInteger.optional(),
  /** 楼栋长, usually a resident volunteer. */
  leaderId: personId.optional(),
});

/** Approved quotas (核定职数) the street or district set for the community, to compare with the people on post. */
export const staffingQuotas = z.strictObject({
  twoCommittees: nonNegativeInteger.optional(),
  specialists: nonNegativeInteger.optional(),
  fullTime: nonNegativeInteger.optional(),
  approvedOn: isoDate.optional(),
});

const room = z.strictObject({
  name: text('房间名称'),
  area: squareMetres,
  functions: z.array(facilityFunction).default([]),
});

/** The service facility: the snapshot's facility facts plus its rooms. */
export const communityFacility = facilityFacts
  .extend({
    address: text('地址', 200).optional(),
    rooms: z.array(room).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.totalArea === undefined || !f.rooms) return;
    const roomsArea = f.rooms.reduce((sum, r) => sum + r.area, 0);
    if (roomsArea > f.totalArea) {
      ctx.addIssue({
        code: 'custom',
        path: ['rooms'],
        message: `各房间面积之和（${roomsArea}平方米）超过总面积（${f.totalArea}平方米）`,
      });
    }
  });

const yearMessage = '应为年份，如 2024';
const calendarYear = z
  .number({ error: (iss) => (iss.input === undefined ? '必填' : yearMessage) })
  .int({ error: yearMessage })
  .min(1949, { error: yearMessage })
  .max(2200, { error: yearMessage });

export const fundKinds = ['work', 'party-service'] as const;

/** Money received for a year: yearly work funds (社区工作经费) or party service funds (党组织服务群众专项经费). */
export const fundAllocation = z.strictObject({
  kind: z.enum(fundKinds, { error: `应为以下之一：${fundKinds.join('、')}` }),
  year: calendarYear,
  amount: yuan,
  source: text('经费来源', 100).optional(),
  receivedOn: isoDate.optional(),
});

/** Everything above for one community. */
export const communityOrganisation = z
  .strictObject({
    code: communityCode,
    name: text('社区名称'),
    partyOrganization: partyOrganization.optional(),
    residentsCommittee: residentsCommittee.optional(),
    supervisionCommittee: z.strictObject({ established: z.boolean() }).optional(),
    subCommittees: z.array(subCommittee).default([]),
    residentGroups: z.array(residentGroup).default([]),
    grids: z.array(grid).default([]),
    buildings: z.array(building).default([]),
    people: z.array(person).default([]),
    staffing: staffingQuotas.optional(),
    facility: communityFacility.optional(),
    funds: z.array(fundAllocation).default([]),
  })
  .superRefine((org, ctx) => {
    const ids = new Set<string>();
    org.people.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: `人员编号重复：${p.id}` });
      ids.add(p.id);
    });
    const references: [string | undefined, (string | number)[]][] = [
      ...org.subCommittees.flatMap((s, i) => [
        [s.headId, ['subCommittees', i, 'headId']] as const,
        ...s.memberIds.map((id, j) => [id, ['subCommittees', i, 'memberIds', j]] as const),
      ]),
      ...org.residentGroups.map((g, i) => [g.leaderId, ['residentGroups', i, 'leaderId']] as const),
      ...org.grids.flatMap((g, i) => [
        [g.leaderId, ['grids', i, 'leaderId']] as const,
        ...g.workerIds.map((id, j) => [id, ['grids', i, 'workerIds', j]] as const),
      ]),
      ...org.buildings.map((b, i) => [b.leaderId, ['buildings', i, 'leaderId']] as const),
    ].map(([id, path]) => [id, [...path]]);
    for (const [id, path] of references) {
      if (id !== undefined && !ids.has(id))
        ctx.addIssue({ code: 'custom', path, message: `未找到人员：${id}` });
    }
    for (const role of singleHolderRoles) {
      const holders = org.people.flatMap((p, i) => (p.roles.includes(role) ? [i] : []));
      for (const i of holders.slice(1)) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'roles'],
          message: `${communityRoleNames[role]}只能有一人，已由 ${org.people[holders[0] ?? 0]?.name} 担任`,
        });
      }
    }
  });
export type CommunityOrganisation = z.output<typeof communityOrganisation>;
export type CommunityOrganisationInput = z.input<typeof communityOrganisation>;

// ---------------------------------------------------------------------------------------------
// Derived figures
// ---------------------------------------------------------------------------------------------

/** "一肩挑": one person is both the party organisation's secretary and the residents' committee chair. */
export function isSecretaryAsChair(org: Pick<CommunityOrganisation, 'people'>): boolean {
  return org.people.some((p) => p.roles.includes('party-secretary') && p.roles.includes('chair'));
}

export interface StaffingLine {
  quota: number | undefined;
  actual: number;
  /** quota − actual: positive for vacancies, negative for people above the quota; undefined without a quota. */
  vacancies: number | undefined;
}

/** People on post against the approved quotas, counting only workers who have not left by `asOf`. */
export function staffing(
  org: Pick<CommunityOrganisation, 'people' | 'staffing'>,
  asOf?: string,
): Record<'twoCommittees' | 'specialists' | 'fullTime', StaffingLine> {
  const onPost = org.people.filter((p) => !asOf || !p.employment?.endedOn || p.employment.endedOn > asOf);
  const actual = {
    twoCommittees: onPost.filter(isTwoCommitteesMember).length,
    specialists: onPost.filter((p) => p.roles.includes('specialist')).length,
    // docs/interfaces.md §2: all full-time workers, two-committee members who serve full time included.
    fullTime: onPost.filter((p) => p.employment?.fullTime === true).length,
  };
  const line = (key: keyof typeof actual): StaffingLine => {
    const quota = org.staffing?.[key];
    return { quota, actual: actual[key], vacancies: quota === undefined ? undefined : quota - actual[key] };
  };
  return {
    twoCommittees: line('twoCommittees'),
    specialists: line('specialists'),
    fullTime: line('fullTime'),
  };
}

/**
 * The snapshot facts this record determines, for the day `asOf` (ISO date): counts of committee
 * members, staff and units, the facility, and the funds received for `asOf`'s year. A list whose
 * entries miss a figure the snapshot requires (a resident group without households) is left out,
 * so the rule that needs it reports `unknown` rather than judging an incomplete list.
 */
export function organisationFacts(org: CommunityOrganisation, asOf: string): CommunityFacts {
  const onPost = org.people.filter((p) => !p.employment?.endedOn || p.employment.endedOn > asOf);
  const withRole = (roles: readonly CommunityRole[]) =>
    onPost.filter((p) => p.roles.some((r) => roles.includes(r)));
  const facts: CommunityFacts = {};

  if (org.residentsCommittee || withRole(residentsCommitteeRoles).length > 0) {
    facts.committee = {
      members: withRole(residentsCommitteeRoles).length,
      viceChairs: withRole(['vice-chair']).length,
    };
  }
  if (org.supervisionCommittee?.established) {
    facts.supervisionCommittee = { members: withRole(supervisionRoles).length };
  }
  if (org.subCommittees.length > 0) {
    facts.subCommittees = org.subCommittees.map((s) => ({ kind: s.kind, members: s.memberIds.length }));
  }
  const groupHouseholds = org.residentGroups.map((g) => g.households);
  if (groupHouseholds.length > 0 && groupHouseholds.every((h) => h !== undefined)) {
    facts.residentGroups = groupHouseholds.map((households) => ({ households }));
  }
  if (org.buildings.length > 0 && org.buildings.every((b) => b.households !== undefined)) {
    facts.buildings = org.buildings.map((b) => ({
      households: b.households ?? 0,
      leader: b.leaderId !== undefined,
    }));
  }
  const representatives = withRole(['representative']).length;
  if (representatives > 0) facts.representatives = representatives;

  if (onPost.length > 0) {
    const s = staffing({ people: onPost });
    facts.staff = {
      twoCommittees: s.twoCommittees.actual,
      specialists: s.specialists.actual,
      fullTime: s.fullTime.actual,
    };
  }

  if (org.facility) {
    const { address: _address, rooms, ...facility } = org.facility;
    const roomFunctions = [...new Set((rooms ?? []).flatMap((r) => r.functions))];
    facts.facility = {
      ...facility,
      ...(facility.functions === undefined && roomFunctions.length > 0 ? { functions: roomFunctions } : {}),
    };
  }

  const year = Number(asOf.slice(0, 4));
  const received = (kind: (typeof fundKinds)[number]) => {
    const entries = org.funds.filter((f) => f.kind === kind && f.year === year);
    return entries.length === 0 ? undefined : entries.reduce((sum, f) => sum + f.amount, 0);
  };
  const work = received('work');
  const partyService = received('party-service');
  if (work !== undefined || partyService !== undefined) {
    facts.funds = {
      ...(work === undefined ? {} : { work }),
      ...(partyService === undefined ? {} : { partyService }),
    };
  }
  return facts;
}
