/**
 * Demo registers for 象山社区居委会 (370305111007, 金山镇), 大行宫社区居委会 (320102002002) and
 * 新城社区居委会 (420703101012, 鄂州 葛店镇): a
 * roster, the residents' and supervision committees of the current term, sub-committees, grids,
 * buildings, resident groups and property-service areas (象山's straddles two grids, 大行宫's coincides
 * with its grid and has the group's leader chairing its owners' committee). People are fictional; identity numbers are made up with a correct
 * check digit so they pass validation.
 */
import { residentIdCheckChar } from '@shequ/domain';
import {
  type Building,
  building,
  type CommitteeInput,
  type CommunityRegisters,
  committee,
  type Grid,
  grid,
  type PropertyArea,
  propertyArea,
  type ResidentGroup,
  residentGroup,
  type Worker,
  type WorkerInput,
  worker,
} from './registers.js';

/** A fictional identity number: region, birth date, sequence (odd for men), and its check digit. */
export function fictionalIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

interface DemoPerson {
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  post: WorkerInput['post'];
  line?: WorkerInput['line'];
  pay: number;
  trained?: string;
}

function roster(code: string, region: string, employer: string, people: DemoPerson[]): Worker[] {
  return people.map((p, i) =>
    worker.parse({
      id: `${code}-w${i + 1}`,
      communityCode: code,
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      idNumber: fictionalIdNumber(region, p.birthDate, (i + 1) * 2 + (p.sex === 'male' ? 1 : 0)),
      phone: `1390000${String(1000 + i).padStart(4, '0')}`,
      education: 'bachelor',
      qualifications: i % 2 === 0 ? ['社会工作者职业资格（助理社会工作师）'] : [],
      post: p.post,
      line: p.line,
      contract: { employer, from: '2024-01-01', to: '2026-12-31' },
      annualPay: p.pay,
      trainings: p.trained ? [{ on: p.trained, title: '社区工作者集中轮训', level: 'county-or-above' }] : [],
      joinedOn: '2021-06-01',
    } satisfies WorkerInput),
  );
}

type MemberRole = NonNullable<CommitteeInput['members']>[number]['role'];

type MemberExtras = Pick<NonNullable<CommitteeInput['members']>[number], 'knowledge' | 'trainings'>;

/**
 * A committee member: name, role, the roster number (1-based) when the member is on the roster, and
 * what is kept with the membership itself (knowledge; training of a member not on the roster).
 */
type DemoMember = readonly [name: string, role: MemberRole, rosterNumber?: number, extras?: MemberExtras];

interface DemoCommittee {
  idSuffix: string;
  kind: CommitteeInput['kind'];
  subKind?: CommitteeInput['subKind'];
  termFrom: string;
  termTo: string;
  /** Every member joins when the term starts. */
  members: DemoMember[];
}

interface DemoGrid {
  name: string;
  households: number;
  leader: number;
  workers: number[];
}

/** A building or resident group, placed in the grid with this 1-based number. */
interface DemoUnit {
  name: string;
  households: number;
  leaderName?: string;
  grid: number;
  /** A building's property-service area, by its 1-based number. */
  area?: number;
}

interface DemoArea {
  name: string;
  propertyManager: string;
  households: number;
  ownersCommitteeChairName: string;
}

interface DemoCommunity {
  code: string;
  region: string;
  employer: string;
  people: DemoPerson[];
  committees: DemoCommittee[];
  grids: DemoGrid[];
  buildings: DemoUnit[];
  residentGroups: DemoUnit[];
  propertyAreas: DemoArea[];
}

/** Ids follow one pattern per community (`<code>-w1`, `<code>-g1`, …) so the specs refer by number. */
function community(spec: DemoCommunity): CommunityRegisters {
  const { code } = spec;
  const workerId = (n: number) => `${code}-w${n}`;
  const gridId = (n: number) => `${code}-g${n}`;
  const areaId = (n: number) => `${code}-pa${n}`;
  const unit = (prefix: string, u: DemoUnit, i: number) => ({
    id: `${code}-${prefix}${i + 1}`,
    communityCode: code,
    name: u.name,
    households: u.households,
    ...(u.leaderName === undefined ? {} : { leaderName: u.leaderName }),
    gridId: gridId(u.grid),
  });
  return {
    communityCode: code,
    workers: roster(code, spec.region, spec.employer, spec.people),
    committees: spec.committees.map(({ idSuffix, members, ...c }) =>
      committee.parse({
        id: `${code}-${idSuffix}`,
        communityCode: code,
        ...c,
        members: members.map(([name, role, rosterNumber, extras]) => ({
          ...(rosterNumber === undefined ? {} : { workerId: workerId(rosterNumber) }),
          name,
          role,
          from: c.termFrom,
          ...extras,
        })),
      } satisfies CommitteeInput),
    ),
    grids: spec.grids.map((g, i) =>
      grid.parse({
        id: gridId(i + 1),
        communityCode: code,
        name: g.name,
        households: g.households,
        leaderWorkerId: workerId(g.leader),
        workerIds: g.workers.map(workerId),
      }),
    ),
    buildings: spec.buildings.map((b, i) =>
      building.parse({
        ...unit('b', b, i),
        ...(b.area === undefined ? {} : { propertyAreaId: areaId(b.area) }),
      }),
    ),
    residentGroups: spec.residentGroups.map((g, i) => residentGroup.parse(unit('rg', g, i))),
    propertyAreas: spec.propertyAreas.map((a, i) =>
      propertyArea.parse({ id: areaId(i + 1), communityCode: code, ...a }),
    ),
  };
}

export const XIANGSHAN = '370305111007';
export const DAXINGGONG = '320102002002';

function xiangshan(): CommunityRegisters {
  return community({
    code: XIANGSHAN,
    region: '370305',
    employer: '金山镇社区工作服务中心',
    people: [
      {
        name: '王书记',
        sex: 'male',
        birthDate: '1978-03-12',
        post: 'two-committees',
        pay: 72000,
        trained: '2026-04-20',
      },
      {
        name: '李主任',
        sex: 'female',
        birthDate: '1982-07-05',
        post: 'two-committees',
        pay: 68000,
        trained: '2026-05-18',
      },
      { name: '张委员', sex: 'male', birthDate: '1986-11-23', post: 'two-committees', pay: 60000 },
      {
        name: '赵专干',
        sex: 'female',
        birthDate: '1990-02-14',
        post: 'specialist',
        line: 'civil-affairs',
        pay: 56000,
      },
      { name: '孙网格员', sex: 'male', birthDate: '1993-09-30', post: 'grid-worker', pay: 52000 },
    ],
    committees: [
      {
        idSuffix: 'rc',
        kind: 'residents',
        termFrom: '2021-06-01',
        termTo: '2026-05-31',
        members: [
          ['李主任', 'chair', 2],
          ['王书记', 'vice-chair', 1],
          ['张委员', 'member', 3],
        ],
      },
      {
        idSuffix: 'rc2',
        kind: 'residents',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          ['李主任', 'chair', 2],
          ['王书记', 'vice-chair', 1],
          ['张委员', 'member', 3],
        ],
      },
      {
        idSuffix: 'sc',
        kind: 'supervision',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          ['陈监委主任', 'chair'],
          ['周监委委员', 'member'],
          ['吴监委委员', 'member'],
        ],
      },
      {
        idSuffix: 'mediation',
        kind: 'sub',
        subKind: 'mediation',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          ['张委员', 'chair', 3],
          ['居民代表甲', 'member'],
          ['居民代表乙', 'member'],
        ],
      },
    ],
    grids: [
      { name: '第一网格', households: 420, leader: 3, workers: [5] },
      { name: '第二网格', households: 380, leader: 5, workers: [5] },
    ],
    buildings: [
      { name: '1号楼', households: 48, leaderName: '王桂芳', grid: 1 },
      { name: '2号楼', households: 60, leaderName: '刘振东', grid: 1, area: 1 },
      { name: '3号楼', households: 36, grid: 2, area: 1 },
    ],
    residentGroups: [
      { name: '第一居民小组', households: 420, leaderName: '何玉兰', grid: 1 },
      { name: '第二居民小组', households: 380, leaderName: '李建华', grid: 2 },
    ],
    // One estate across both grids: it coincides with neither.
    propertyAreas: [
      {
        name: '象山花园',
        propertyManager: '象山物业服务有限公司',
        households: 96,
        ownersCommitteeChairName: '钱文华',
      },
    ],
  });
}

function daxinggong(): CommunityRegisters {
  return community({
    code: DAXINGGONG,
    region: '320102',
    employer: '玄武区梅园新村街道社区工作站',
    people: [
      {
        name: '钱书记',
        sex: 'female',
        birthDate: '1980-01-20',
        post: 'two-committees',
        pay: 98000,
        trained: '2026-03-10',
      },
      { name: '郑副主任', sex: 'male', birthDate: '1985-06-08', post: 'two-committees', pay: 90000 },
      { name: '冯委员', sex: 'female', birthDate: '1988-10-02', post: 'two-committees', pay: 86000 },
      { name: '韩专职', sex: 'male', birthDate: '1991-12-12', post: 'full-time', pay: 80000 },
      { name: '杨专职', sex: 'female', birthDate: '1994-04-04', post: 'full-time', pay: 78000 },
      { name: '朱网格员', sex: 'male', birthDate: '1996-08-18', post: 'grid-worker', pay: 70000 },
    ],
    committees: [
      {
        idSuffix: 'rc',
        kind: 'residents',
        termFrom: '2021-05-01',
        termTo: '2027-01-31',
        members: [
          ['钱书记', 'chair', 1],
          ['郑副主任', 'vice-chair', 2],
          ['冯委员', 'member', 3],
        ],
      },
      {
        idSuffix: 'sc',
        kind: 'supervision',
        termFrom: '2021-05-01',
        termTo: '2027-01-31',
        members: [
          [
            '许监委主任',
            'chair',
            undefined,
            {
              knowledge: ['management'],
              trainings: [
                { on: '2026-05-26', title: '玄武区居务监督委员会主任培训班', level: 'county-or-above' },
              ],
            },
          ],
          ['何监委委员', 'member', undefined, { knowledge: ['finance'] }],
          ['吕监委委员', 'member', undefined, { knowledge: [] }],
        ],
      },
      {
        idSuffix: 'health',
        kind: 'sub',
        subKind: 'health',
        termFrom: '2021-05-01',
        termTo: '2027-01-31',
        members: [
          ['冯委员', 'chair', 3],
          ['居民代表丙', 'member'],
          ['居民代表丁', 'member'],
        ],
      },
    ],
    grids: [{ name: '长江路网格', households: 650, leader: 2, workers: [6] }],
    buildings: [{ name: '大行宫小区1幢', households: 72, leaderName: '楼栋长丙', grid: 1, area: 1 }],
    residentGroups: [{ name: '长江路居民小组', households: 650, leaderName: '孙桂英', grid: 1 }],
    // The estate is the grid, and the group's leader chairs its owners' committee (兼任).
    propertyAreas: [
      {
        name: '大行宫小区',
        propertyManager: '长江路物业服务有限公司',
        households: 72,
        ownersCommitteeChairName: '孙桂英',
      },
    ],
  });
}

/** 新城社区居委会 (葛店镇, 华容区, 鄂州): the demo's Ezhou community with registers. */
export const XINCHENG = '420703101012';

/**
 * 新城's grids, groups and estates fit together without crossing, but are not one to one: 第一网格 is
 * made of two whole resident groups and holds 翠湖苑 and two more buildings; 第二网格 is 锦绣家园 and one
 * group. So Ezhou 第七条（二）'s 重合 warns by the chosen reading (the same boundaries) and holds by the
 * alternative (nesting) — the organisation page's 默认理解 / 另一种理解 switch shows the difference.
 */
function xincheng(): CommunityRegisters {
  return community({
    code: XINCHENG,
    region: '420703',
    employer: '华容区葛店镇社区工作服务中心',
    people: [
      {
        name: '胡书记',
        sex: 'male',
        birthDate: '1979-04-16',
        post: 'two-committees',
        pay: 86000,
        trained: '2026-04-08',
      },
      { name: '邓主任', sex: 'female', birthDate: '1983-09-21', post: 'two-committees', pay: 82000 },
      { name: '余委员', sex: 'male', birthDate: '1987-01-30', post: 'two-committees', pay: 78000 },
      {
        name: '程专干',
        sex: 'female',
        birthDate: '1992-06-11',
        post: 'specialist',
        line: 'civil-affairs',
        pay: 72000,
      },
      { name: '罗网格员', sex: 'male', birthDate: '1995-03-03', post: 'grid-worker', pay: 62000 },
    ],
    committees: [
      {
        idSuffix: 'rc',
        kind: 'residents',
        termFrom: '2021-06-01',
        termTo: '2026-05-31',
        members: [
          ['邓主任', 'chair', 2],
          ['胡书记', 'vice-chair', 1],
          ['余委员', 'member', 3],
        ],
      },
      {
        idSuffix: 'rc2',
        kind: 'residents',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          ['邓主任', 'chair', 2],
          ['胡书记', 'vice-chair', 1],
          ['余委员', 'member', 3],
        ],
      },
    ],
    grids: [
      { name: '新城第一网格', households: 620, leader: 3, workers: [5] },
      { name: '新城第二网格', households: 380, leader: 1, workers: [5] },
    ],
    buildings: [
      { name: '翠湖苑1栋', households: 168, leaderName: '彭秀英', grid: 1, area: 1 },
      { name: '翠湖苑2栋', households: 152, leaderName: '汪德明', grid: 1, area: 1 },
      { name: '新城路3栋', households: 150, leaderName: '夏春兰', grid: 1 },
      { name: '新城路4栋', households: 150, leaderName: '熊国庆', grid: 1 },
      { name: '锦绣家园5栋', households: 200, leaderName: '蔡玉梅', grid: 2, area: 2 },
      { name: '锦绣家园6栋', households: 180, leaderName: '袁志强', grid: 2, area: 2 },
    ],
    residentGroups: [
      { name: '新城第一居民小组', households: 320, leaderName: '万桂香', grid: 1 },
      { name: '新城第二居民小组', households: 300, leaderName: '雷建国', grid: 1 },
      { name: '新城第三居民小组', households: 380, leaderName: '龚丽华', grid: 2 },
    ],
    // 翠湖苑 lies inside 第一网格; 锦绣家园 is 第二网格, its group's leader chairing its owners' committee.
    propertyAreas: [
      {
        name: '翠湖苑',
        propertyManager: '葛店翠湖物业服务有限公司',
        households: 320,
        ownersCommitteeChairName: '彭秀英',
      },
      {
        name: '锦绣家园',
        propertyManager: '锦绣物业服务有限公司',
        households: 380,
        ownersCommitteeChairName: '龚丽华',
      },
    ],
  });
}

/** The demo registers, freshly built (callers may change them). */
export function demoRegisters(): CommunityRegisters[] {
  return [xiangshan(), daxinggong(), xincheng()];
}

export type { Building, Grid, PropertyArea, ResidentGroup };
