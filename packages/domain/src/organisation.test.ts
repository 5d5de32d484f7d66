import { describe, expect, it } from 'vitest';
import { parseInput } from './errors.js';
import { residentIdCheckChar } from './identifiers.js';
import {
  type CommunityOrganisationInput,
  communityOrganisation,
  isSecretaryAsChair,
  isTwoCommitteesMember,
  organisationFacts,
  staffing,
} from './organisation.js';
import { communityFacts } from './snapshot.js';

const idNumber = (first17: string) => first17 + residentIdCheckChar(first17);

/** A made-up roster for 象山社区 (370305111007); names and numbers are fictitious. */
const xiangshan: CommunityOrganisationInput = {
  code: '370305111007',
  name: '象山社区',
  partyOrganization: { name: '中共象山社区委员会', form: 'committee', partyMembers: 120 },
  residentsCommittee: { name: '象山社区居民委员会', termStartedOn: '2021-01-10', termEndsOn: '2026-01-10' },
  supervisionCommittee: { established: true },
  people: [
    {
      id: 'p1',
      name: '王芳',
      idNumber: idNumber('37030519800101002'),
      mobile: '+86 138 0013 8000',
      roles: ['party-secretary', 'chair'],
      employment: { fullTime: true, startedOn: '2021-01-10' },
    },
    {
      id: 'p2',
      name: '李强',
      roles: ['party-deputy-secretary', 'vice-chair'],
      employment: { fullTime: true },
    },
    { id: 'p3', name: '张敏', roles: ['vice-chair'], employment: { fullTime: true } },
    {
      id: 'p4',
      name: '赵磊',
      roles: ['committee-member', 'party-committee-member'],
      employment: { fullTime: false },
    },
    {
      id: 'p5',
      name: '刘洋',
      roles: ['specialist'],
      employment: { fullTime: true, specialistArea: 'civil-affairs' },
    },
    { id: 'p6', name: '陈静', roles: ['grid-worker'], employment: { fullTime: true } },
    {
      id: 'p7',
      name: '杨帆',
      roles: ['specialist'],
      employment: { fullTime: true, startedOn: '2020-03-01', endedOn: '2024-03-31' },
    },
    { id: 'r1', name: '周大爷', roles: ['supervision-chair', 'representative'] },
    { id: 'r2', name: '吴阿姨', roles: ['supervision-member', 'representative'] },
  ],
  subCommittees: [{ kind: 'mediation', headId: 'p3', memberIds: ['p3', 'r1'] }],
  residentGroups: [
    { name: '第一居民小组', households: 40, leaderId: 'r2' },
    { name: '第二居民小组', households: 35 },
  ],
  grids: [{ name: '第一网格', households: 300, leaderId: 'p4', workerIds: ['p6'] }],
  buildings: [
    { name: '1号楼', households: 24, leaderId: 'r1' },
    { name: '2号楼', households: 36 },
  ],
  staffing: { twoCommittees: 5, specialists: 4, fullTime: 8 },
  facility: {
    totalArea: 820,
    rooms: [
      { name: '便民服务大厅', area: 200, functions: ['convenience-hall'] },
      { name: '党群活动室', area: 120, functions: ['party-activities', 'culture-sports'] },
    ],
  },
  funds: [
    { kind: 'work', year: 2024, amount: 60000 },
    { kind: 'work', year: 2024, amount: 40000, source: '区财政追加' },
    { kind: 'work', year: 2023, amount: 90000 },
    { kind: 'party-service', year: 2024, amount: 50000 },
  ],
};

describe('community organisation', () => {
  it('parses a roster and normalises identifiers', () => {
    const org = communityOrganisation.parse(xiangshan);
    expect(org.people[0]?.mobile).toBe('13800138000');
    expect(isSecretaryAsChair(org)).toBe(true);
    expect(isTwoCommitteesMember(org.people[3] ?? { roles: [] })).toBe(true);
    expect(isTwoCommitteesMember(org.people[7] ?? { roles: [] })).toBe(false);
  });

  it('derives snapshot facts that the snapshot schema accepts', () => {
    const facts = organisationFacts(communityOrganisation.parse(xiangshan), '2024-06-30');
    expect(communityFacts.parse(facts)).toEqual(facts);
    expect(facts).toEqual({
      committee: { members: 4, viceChairs: 2 },
      supervisionCommittee: { members: 2 },
      subCommittees: [{ kind: 'mediation', members: 2 }],
      residentGroups: [{ households: 40 }, { households: 35 }],
      buildings: [
        { households: 24, leader: true },
        { households: 36, leader: false },
      ],
      representatives: 2,
      // p7 left on 2024-03-31, so only one specialist and five full-time workers are on post.
      staff: { twoCommittees: 4, specialists: 1, fullTime: 5 },
      facility: { totalArea: 820, functions: ['convenience-hall', 'party-activities', 'culture-sports'] },
      funds: { work: 100000, partyService: 50000 },
    });
  });

  it('counts a worker who has since left on the dates they served', () => {
    const org = communityOrganisation.parse(xiangshan);
    expect(organisationFacts(org, '2023-12-31').staff).toEqual({
      twoCommittees: 4,
      specialists: 2,
      fullTime: 6,
    });
    expect(organisationFacts(org, '2023-12-31').funds).toEqual({ work: 90000 });
  });

  it('leaves out a list whose entries miss a figure the snapshot needs', () => {
    const org = communityOrganisation.parse({
      ...xiangshan,
      residentGroups: [{ name: '第一居民小组', households: 40 }, { name: '第三居民小组' }],
    });
    expect(organisationFacts(org, '2024-06-30').residentGroups).toBeUndefined();
  });

  it('compares people on post with the approved quotas', () => {
    const lines = staffing(communityOrganisation.parse(xiangshan), '2024-06-30');
    expect(lines.twoCommittees).toEqual({ quota: 5, actual: 4, vacancies: 1 });
    expect(lines.specialists).toEqual({ quota: 4, actual: 1, vacancies: 3 });
    expect(lines.fullTime).toEqual({ quota: 8, actual: 5, vacancies: 3 });
    expect(staffing({ people: [] }).fullTime).toEqual({ quota: undefined, actual: 0, vacancies: undefined });
  });

  it('names a leader who is not on the roster by the field that refers to them', () => {
    const result = parseInput(communityOrganisation, {
      ...xiangshan,
      grids: [{ name: '第一网格', leaderId: 'p99', workerIds: ['p6', 'p98'] }],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues).toEqual([
        { path: 'grids.0.leaderId', message: '未找到人员：p99' },
        { path: 'grids.0.workerIds.1', message: '未找到人员：p98' },
      ]);
    }
  });

  it('refuses a second chair, duplicate ids and a specialist area on someone who is not a specialist', () => {
    const people = xiangshan.people ?? [];
    const result = parseInput(communityOrganisation, {
      ...xiangshan,
      people: [
        ...people,
        {
          id: 'p1',
          name: '孙丽',
          roles: ['chair'],
          employment: { fullTime: true, specialistArea: 'health' },
        },
      ],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      const i = people.length;
      expect(result.issues).toEqual(
        expect.arrayContaining([
          {
            path: `people.${i}.employment.specialistArea`,
            message: '只有社区专干（specialist）才有专干分工',
          },
          { path: `people.${i}.id`, message: '人员编号重复：p1' },
          { path: `people.${i}.roles`, message: '居委会主任只能有一人，已由 王芳 担任' },
        ]),
      );
    }
  });

  it('checks identity numbers, mobiles and the facility’s rooms', () => {
    const result = parseInput(communityOrganisation, {
      ...xiangshan,
      people: [{ id: 'x', name: '某人', idNumber: '370305198001010021', mobile: '12345', roles: [] }],
      subCommittees: [],
      residentGroups: [],
      grids: [],
      buildings: [],
      facility: {
        totalArea: 100,
        rooms: [
          { name: '大厅', area: 80 },
          { name: '活动室', area: 40 },
        ],
      },
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues.map((i) => i.path)).toEqual([
        'people.0.idNumber',
        'people.0.mobile',
        'facility.rooms',
      ]);
      expect(result.issues[2]?.message).toBe('各房间面积之和（120平方米）超过总面积（100平方米）');
    }
  });
});
