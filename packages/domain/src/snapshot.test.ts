import { describe, expect, it } from 'vitest';
import { fieldErrors, formatIssueLines, parseInput } from './errors.js';
import { subCommitteeKindLabel } from './labels.js';
import {
  type CommunitySnapshot,
  communityFacts,
  communitySnapshot,
  communitySnapshotJsonSchema,
  knownSubCommitteeKinds,
  snapshotFieldLabels,
} from './snapshot.js';

/** Every field of docs/interfaces.md §2 filled in, for 象山社区 of Jinshan town. */
export const fullSnapshot: CommunitySnapshot = {
  format: 'shequ.community-snapshot/v1',
  code: '370305111007',
  name: '象山社区居委会',
  asOf: '2024-06-30',
  setting: 'urban',
  townSeat: true,
  newlyBuilt: false,
  households: 2400,
  residents: 6800,
  occupancyRate: 0.85,
  facility: {
    totalArea: 820,
    mainBuildingFloors: 3,
    residentSpaceArea: 600,
    functions: ['convenience-hall', 'party-activities', 'elderly-child-disabled'],
    emergencyShelter: true,
    fireSafety: true,
    publicNetwork: true,
    drinkingWater: true,
    otherSignboards: 0,
    serviceWindow: true,
    contactBoard: true,
  },
  newAreaHouseholds: 600,
  committee: { members: 7, viceChairs: 2, competitiveElection: true, secretBallot: true, chairTrainings: 1 },
  supervisionCommittee: {
    members: 3,
    chairVotes: 900,
    lowestElectedVotes: 800,
    votesCast: 1500,
    financeOrManagementMembers: 1,
    chairTrainings: 1,
  },
  grid: { leaders: 4, leadersOnCommittee: 4, workerAnnualPay: 52000 },
  party: { healthChecks: 2 },
  finance: { accountsDisclosed: true, expensesDecidedCollectively: true },
  burden: { districtMeetingsPerYear: 2, streetOtherMeetingsMaxPerMonth: 1, streetWorkMeetingsMaxPerWeek: 1 },
  consultation: { contestedUnsubmitted: 0 },
  deliberation: { body: true, rules: true },
  complaints: { handled: 5, outcomeTold: 5 },
  subCommittees: [
    { kind: 'mediation', members: 3, chairIsCommitteeMember: true },
    { kind: 'security', members: 3 },
  ],
  residentGroups: [{ households: 40 }, { households: 35 }, { households: 48 }],
  grids: [
    { households: 75, groups: [40, 35], buildings: [0] },
    { households: 48, groups: [48], buildings: [1] },
  ],
  propertyAreas: [{ buildings: [0, 1] }],
  buildings: [
    { households: 24, leader: true },
    { households: 36, leader: false },
  ],
  representatives: 45,
  staff: { twoCommittees: 7, specialists: 4, fullTime: 10 },
  salary: { annualAverage: 62000, citySubsidy: 150000 },
  funds: {
    work: 100000,
    partyService: 50000,
    salaryCity: 200000,
    salaryDistrict: 200000,
    salaryStreet: 200000,
    benefitsDistrict: 50000,
    benefitsStreet: 50000,
    serviceBudget: 300000,
    serviceBudgetPreviousYear: 280000,
  },
  honours: ['harmonious-community-model'],
  assessment: {
    routineWeight: 0.6,
    annualWeight: 0.4,
    residentShareRoutine: 0.3,
    residentShareAnnual: 0.4,
    streetRatingResidentShare: 0.5,
  },
  meetings: [{ kind: 'residents-meeting', noticeOn: '2024-03-01', heldOn: '2024-03-08' }],
  charters: [{ kind: 'autonomy-charter', adoptedOn: '2022-05-10', filedOn: '2022-05-20' }],
  disclosures: [{ kind: 'routine', on: '2024-04-01' }],
};

describe('community snapshot', () => {
  it('parses a snapshot with every field of the contract', () => {
    expect(communitySnapshot.parse(fullSnapshot)).toEqual(fullSnapshot);
  });

  it('needs only code, name and asOf', () => {
    expect(
      communitySnapshot.safeParse({ code: '370305111007', name: '象山社区', asOf: '2024-06-30' }).success,
    ).toBe(true);
    const empty = parseInput(communitySnapshot, {});
    expect(empty.success).toBe(false);
    if (!empty.success) expect(empty.issues.map((i) => i.path)).toEqual(['code', 'name', 'asOf']);
  });

  it('rejects an unknown field, naming it, at the top level and inside an object', () => {
    const result = communitySnapshot.safeParse({
      ...fullSnapshot,
      houshold: 10,
      facility: { ...fullSnapshot.facility, colour: 'red' },
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual(
        expect.arrayContaining([
          { path: 'houshold', message: '不允许的字段：houshold' },
          { path: 'facility.colour', message: '不允许的字段：colour' },
        ]),
      );
    }
  });

  it('explains bad figures in Chinese whatever error map the caller uses', () => {
    const result = communitySnapshot.safeParse({
      ...fullSnapshot,
      households: -3,
      occupancyRate: 1.2,
      residentGroups: [{ households: 40 }, { households: 35 }, { households: 4.5 }],
      facility: { totalArea: '820' },
      asOf: '2023-02-30',
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatIssueLines(result.error)).toEqual(
        expect.arrayContaining([
          'households: 应为非负整数',
          'occupancyRate: 应为0到1之间的小数',
          'residentGroups.2.households: 应为非负整数',
          'facility.totalArea: 应为非负数（平方米）',
          'asOf: 应为有效日期，格式 YYYY-MM-DD',
        ]),
      );
    }
  });

  it('keeps identity out of the stored facts', () => {
    expect(communityFacts.safeParse({ households: 10 }).success).toBe(true);
    expect(communityFacts.safeParse({ code: '370305111007' }).success).toBe(false);
  });

  it('exports a JSON Schema with the contract’s fields, required ones and no extra fields', () => {
    const schema = communitySnapshotJsonSchema() as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }>;
    };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.required).toEqual(['code', 'name', 'asOf']);
    expect(schema.additionalProperties).toBe(false);
    for (const field of Object.keys(fullSnapshot)) expect(schema.properties).toHaveProperty(field);
    expect(Object.keys(schema.properties.facility?.properties ?? {})).toEqual(
      Object.keys(fullSnapshot.facility ?? {}),
    );
    expect(schema.properties.facility?.additionalProperties).toBe(false);
    expect(schema.properties.staff?.properties).toHaveProperty('fullTime');
  });

  it('labels every field added for the regulations’ obligations in Chinese', () => {
    for (const path of Object.keys(snapshotFieldLabels)) {
      const [outer, inner] = path.split('.') as [keyof CommunitySnapshot, string | undefined];
      const value = fullSnapshot[outer];
      const present =
        inner === undefined
          ? value !== undefined
          : Array.isArray(value)
            ? value.some((item) => inner in (item as object))
            : inner in ((value ?? {}) as object);
      expect(present, path).toBe(true);
      expect(snapshotFieldLabels[path]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('checks across fields', () => {
  const base = { code: '370305111007', name: '象山社区', asOf: '2024-06-30' };
  it('refuses a grid or property area listing a building not in buildings[], or one listed twice', () => {
    const buildings = [
      { households: 24, leader: true },
      { households: 36, leader: true },
    ];
    const result = parseInput(communitySnapshot, {
      ...base,
      buildings,
      grids: [
        { households: 24, groups: [24], buildings: [0] },
        { households: 36, groups: [36], buildings: [0] },
      ],
      propertyAreas: [{ buildings: [2] }],
    });
    expect(result).toEqual({
      success: false,
      issues: [
        { path: 'grids.1.buildings.0', message: '第0项楼栋已列在另一个网格中，一个楼栋只能在一个网格内' },
        { path: 'propertyAreas.0.buildings.0', message: '楼栋清单（buildings）中没有第2项（从0起，共2项）' },
      ],
    });
    const fine = {
      ...base,
      buildings,
      grids: [{ households: 60, groups: [60], buildings: [0, 1] }],
      propertyAreas: [{ buildings: [1] }, { buildings: [0] }],
    };
    expect(communitySnapshot.safeParse(fine).success).toBe(true);
  });
  it('refuses more vice chairs than members, naming the field', () => {
    const result = parseInput(communitySnapshot, { ...base, committee: { members: 2, viceChairs: 3 } });
    expect(result).toEqual({
      success: false,
      issues: [{ path: 'committee.viceChairs', message: '副主任人数不能多于居委会成员总数' }],
    });
    expect(communitySnapshot.safeParse({ ...base, committee: { members: 3, viceChairs: 3 } }).success).toBe(
      true,
    );
  });
  it('refuses a residents’ space larger than the facility', () => {
    const facts = communityFacts.safeParse({ facility: { totalArea: 800, residentSpaceArea: 800.01 } });
    expect(facts.success).toBe(false);
    expect(facts.error?.issues[0]?.path).toEqual(['facility', 'residentSpaceArea']);
    expect(communityFacts.safeParse({ facility: { totalArea: 800, residentSpaceArea: 800 } }).success).toBe(
      true,
    );
  });
  it('refuses a lowest elected member’s votes above the chair’s or the votes cast', () => {
    const votes = (lowestElectedVotes: number) =>
      parseInput(communityFacts, {
        supervisionCommittee: { chairVotes: 600, lowestElectedVotes, votesCast: 1000 },
      });
    expect(votes(601)).toEqual({
      success: false,
      issues: [
        {
          path: 'supervisionCommittee.lowestElectedVotes',
          message: '当选成员的最少得票数不能多于主任所得赞成票数',
        },
      ],
    });
    expect(votes(600).success).toBe(true);
    const noChair = parseInput(communityFacts, {
      supervisionCommittee: { lowestElectedVotes: 1001, votesCast: 1000 },
    });
    expect(noChair.success ? [] : noChair.issues.map((i) => i.message)).toEqual([
      '当选成员的最少得票数不能多于参加投票的人数',
    ]);
  });
  it('refuses dates that do not exist', () => {
    expect(communitySnapshot.safeParse({ ...base, asOf: '2024-02-30' }).success).toBe(false);
    expect(communitySnapshot.safeParse({ ...base, asOf: '2024-02-29' }).success).toBe(true);
    expect(
      communityFacts.safeParse({ meetings: [{ kind: 'residents-meeting', heldOn: '2023-02-29' }] }).success,
    ).toBe(false);
  });
});

describe('sub-committee kinds as a person reads them', () => {
  it('names every kind the regulations name in Chinese, and shows a kind a community named itself as written', () => {
    for (const kind of knownSubCommitteeKinds)
      expect(subCommitteeKindLabel(kind)).toMatch(/^[\u4e00-\u9fff]+委员会$/);
    expect(subCommitteeKindLabel('mediation')).toBe('人民调解委员会');
    expect(subCommitteeKindLabel('老年协会')).toBe('老年协会');
    expect(subCommitteeKindLabel('toString')).toBe('toString');
  });
});
