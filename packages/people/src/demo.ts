/**
 * Demo registers for 象山社区居委会 (370305111007, 金山镇) and 大行宫社区居委会 (320102002002): a
 * roster, the residents' and supervision committees of the current term, sub-committees, grids,
 * buildings and resident groups. People are fictional; identity numbers are made up with a correct
 * check digit so they pass validation.
 */
import { residentIdCheckChar } from '@shequ/domain';
import {
  type Building,
  building,
  type Committee,
  type CommitteeInput,
  type CommunityRegisters,
  committee,
  type Grid,
  grid,
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

function committees(code: string, inputs: Omit<CommitteeInput, 'communityCode'>[]): Committee[] {
  return inputs.map((c) => committee.parse({ ...c, communityCode: code }));
}

export const XIANGSHAN = '370305111007';
export const DAXINGGONG = '320102002002';

function xiangshan(): CommunityRegisters {
  const code = XIANGSHAN;
  const workers = roster(code, '370305', '金山镇社区工作服务中心', [
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
  ]);
  const id = (n: number) => `${code}-w${n}`;
  return {
    communityCode: code,
    workers,
    committees: committees(code, [
      {
        id: `${code}-rc`,
        kind: 'residents',
        termFrom: '2021-06-01',
        termTo: '2026-05-31',
        members: [
          { workerId: id(2), name: '李主任', role: 'chair', from: '2021-06-01' },
          { workerId: id(1), name: '王书记', role: 'vice-chair', from: '2021-06-01' },
          { workerId: id(3), name: '张委员', role: 'member', from: '2021-06-01' },
        ],
      },
      {
        id: `${code}-rc2`,
        kind: 'residents',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          { workerId: id(2), name: '李主任', role: 'chair', from: '2026-06-01' },
          { workerId: id(1), name: '王书记', role: 'vice-chair', from: '2026-06-01' },
          { workerId: id(3), name: '张委员', role: 'member', from: '2026-06-01' },
        ],
      },
      {
        id: `${code}-sc`,
        kind: 'supervision',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          { name: '陈监委主任', role: 'chair', from: '2026-06-01' },
          { name: '周监委委员', role: 'member', from: '2026-06-01' },
          { name: '吴监委委员', role: 'member', from: '2026-06-01' },
        ],
      },
      {
        id: `${code}-mediation`,
        kind: 'sub',
        subKind: 'mediation',
        termFrom: '2026-06-01',
        termTo: '2031-05-31',
        members: [
          { workerId: id(3), name: '张委员', role: 'chair', from: '2026-06-01' },
          { name: '居民代表甲', role: 'member', from: '2026-06-01' },
          { name: '居民代表乙', role: 'member', from: '2026-06-01' },
        ],
      },
    ]),
    grids: [
      grid.parse({
        id: `${code}-g1`,
        communityCode: code,
        name: '第一网格',
        households: 420,
        leaderWorkerId: id(3),
        workerIds: [id(5)],
      }),
      grid.parse({
        id: `${code}-g2`,
        communityCode: code,
        name: '第二网格',
        households: 380,
        leaderWorkerId: id(5),
        workerIds: [id(5)],
      }),
    ],
    buildings: [
      building.parse({
        id: `${code}-b1`,
        communityCode: code,
        name: '1号楼',
        households: 48,
        leaderName: '楼栋长甲',
        gridId: `${code}-g1`,
      }),
      building.parse({
        id: `${code}-b2`,
        communityCode: code,
        name: '2号楼',
        households: 60,
        leaderName: '楼栋长乙',
        gridId: `${code}-g1`,
      }),
      building.parse({
        id: `${code}-b3`,
        communityCode: code,
        name: '3号楼',
        households: 36,
        gridId: `${code}-g2`,
      }),
    ],
    residentGroups: [
      residentGroup.parse({
        id: `${code}-rg1`,
        communityCode: code,
        name: '第一居民小组',
        households: 420,
        leaderName: '组长甲',
        gridId: `${code}-g1`,
      }),
      residentGroup.parse({
        id: `${code}-rg2`,
        communityCode: code,
        name: '第二居民小组',
        households: 380,
        leaderName: '组长乙',
        gridId: `${code}-g2`,
      }),
    ],
  };
}

function daxinggong(): CommunityRegisters {
  const code = DAXINGGONG;
  const workers = roster(code, '320102', '玄武区梅园新村街道社区工作站', [
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
  ]);
  const id = (n: number) => `${code}-w${n}`;
  return {
    communityCode: code,
    workers,
    committees: committees(code, [
      {
        id: `${code}-rc`,
        kind: 'residents',
        termFrom: '2021-05-01',
        termTo: '2027-01-31',
        members: [
          { workerId: id(1), name: '钱书记', role: 'chair', from: '2021-05-01' },
          { workerId: id(2), name: '郑副主任', role: 'vice-chair', from: '2021-05-01' },
          { workerId: id(3), name: '冯委员', role: 'member', from: '2021-05-01' },
        ],
      },
      {
        id: `${code}-sc`,
        kind: 'supervision',
        termFrom: '2021-05-01',
        termTo: '2027-01-31',
        members: [
          { name: '许监委主任', role: 'chair', from: '2021-05-01' },
          { name: '何监委委员', role: 'member', from: '2021-05-01' },
          { name: '吕监委委员', role: 'member', from: '2021-05-01' },
        ],
      },
      {
        id: `${code}-health`,
        kind: 'sub',
        subKind: 'health',
        termFrom: '2021-05-01',
        termTo: '2027-01-31',
        members: [
          { workerId: id(3), name: '冯委员', role: 'chair', from: '2021-05-01' },
          { name: '居民代表丙', role: 'member', from: '2021-05-01' },
          { name: '居民代表丁', role: 'member', from: '2021-05-01' },
        ],
      },
    ]),
    grids: [
      grid.parse({
        id: `${code}-g1`,
        communityCode: code,
        name: '长江路网格',
        households: 650,
        leaderWorkerId: id(2),
        workerIds: [id(6)],
      }),
    ],
    buildings: [
      building.parse({
        id: `${code}-b1`,
        communityCode: code,
        name: '大行宫小区1幢',
        households: 72,
        leaderName: '楼栋长丙',
        gridId: `${code}-g1`,
      }),
    ],
    residentGroups: [
      residentGroup.parse({
        id: `${code}-rg1`,
        communityCode: code,
        name: '长江路居民小组',
        households: 650,
        leaderName: '组长丙',
        gridId: `${code}-g1`,
      }),
    ],
  };
}

/** The demo registers, freshly built (callers may change them). */
export function demoRegisters(): CommunityRegisters[] {
  return [xiangshan(), daxinggong()];
}

export type { Building, Grid, ResidentGroup };
