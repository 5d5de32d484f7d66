import { fieldErrors, layDerivedFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { gridLeaderProblem } from './committee-import.js';
import { rosterConflicts } from './conflicts.js';
import { DAXINGGONG, demoRegisters, fictionalIdNumber, XIANGSHAN } from './demo.js';
import { maskIdNumber, maskPhone } from './masking.js';
import { committee, type WorkerInput, worker } from './registers.js';
import {
  chairsTrainedThisYear,
  ezhouTwoCommitteesQuota,
  gridLeadersOnCommittee,
  householdsBand,
  payNotBelowReference,
  staffingAgainstQuota,
  subCommitteesLedByMember,
  termsEnding,
  trainingMissing,
} from './rules.js';
import { deriveSnapshotFacts } from './snapshot.js';

const idNumber = fictionalIdNumber('420100', '1985-05-06', 123);
const base: WorkerInput = {
  id: 'w1',
  communityCode: '420702001001',
  name: '测试',
  sex: 'male',
  birthDate: '1985-05-06',
  idNumber,
  post: 'specialist',
  line: 'labour',
  joinedOn: '2024-01-01',
};

function problems(input: unknown) {
  const parsed = worker.safeParse(input);
  return parsed.success ? [] : fieldErrors(parsed.error);
}

const [xiangshan, daxinggong] = demoRegisters();
if (!xiangshan || !daxinggong) throw new Error('demo registers missing');

describe('worker record', () => {
  it('accepts a complete record', () => {
    expect(problems(base)).toEqual([]);
  });

  it('refuses an identity number whose check digit is wrong, naming the field', () => {
    const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    expect(problems({ ...base, idNumber: wrong })).toEqual([
      { path: 'idNumber', message: '身份证号码校验位不正确，请核对' },
    ]);
  });

  it('refuses a birth date or sex that disagrees with the identity number', () => {
    expect(problems({ ...base, birthDate: '1985-05-07', sex: 'female' }).map((p) => p.path)).toEqual([
      'birthDate',
      'sex',
    ]);
  });

  it('refuses leaving before joining and a line for a non-specialist', () => {
    expect(problems({ ...base, post: 'grid-worker', leftOn: '2023-12-31' })).toEqual([
      { path: 'leftOn', message: '离职日期不能早于入职日期' },
      { path: 'line', message: '只有社区专干才有分工条线' },
    ]);
  });

  it('keeps pay to the fen', () => {
    expect(problems({ ...base, annualPay: 60000.5 })).toEqual([]);
    expect(problems({ ...base, annualPay: 60000.005 }).map((p) => p.path)).toEqual(['annualPay']);
  });
});

describe('masking', () => {
  it('shows the first four and last four digits of an identity number', () => {
    expect(maskIdNumber('420102198505061234')).toBe('4201**********1234');
  });
  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});

describe('roster conflicts', () => {
  const entry = { id: 'w1', communityCode: '420702001001', name: '测试', idNumber, joinedOn: '2024-01-01' };

  it('refuses the same identity number twice on one roster', () => {
    const issues = rosterConflicts({ ...entry, id: 'w2' }, [entry]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('idNumber');
    expect(issues[0]?.message).toContain('不能重复登记');
    expect(issues[0]?.message).not.toContain(idNumber);
  });

  it('refuses a worker in two communities at once', () => {
    const issues = rosterConflicts(
      { ...entry, id: 'w2', communityCode: '420702001002', joinedOn: '2025-01-01' },
      [entry],
    );
    expect(issues).toEqual([
      { path: 'joinedOn', message: expect.stringContaining('不能同时在两个社区任职') },
    ]);
  });

  it('allows moving to another community after leaving, and editing the same entry', () => {
    const left = { ...entry, leftOn: '2025-01-01' };
    expect(
      rosterConflicts({ ...entry, id: 'w2', communityCode: '420702001002', joinedOn: '2025-01-01' }, [left]),
    ).toEqual([]);
    expect(rosterConflicts(entry, [entry])).toEqual([]);
  });
});

describe('committees and terms', () => {
  const term = { id: 'c1', communityCode: XIANGSHAN, kind: 'residents', termFrom: '2026-06-01' };

  it('refuses a term that ends before it starts', () => {
    const parsed = committee.safeParse({ ...term, termTo: '2026-05-01' });
    expect(parsed.success ? [] : fieldErrors(parsed.error)).toEqual([
      { path: 'termTo', message: '任期届满日期应晚于任期开始日期' },
    ]);
  });

  it('keeps training with a member only when the roster does not, and each kind of knowledge once', () => {
    const parsed = committee.safeParse({
      ...term,
      kind: 'supervision',
      termTo: '2031-05-31',
      members: [
        {
          workerId: `${XIANGSHAN}-w1`,
          name: '王书记',
          role: 'chair',
          from: '2026-06-01',
          trainings: [{ on: '2026-07-01', title: '培训', level: 'county-or-above' }],
        },
        { name: '周委员', role: 'member', from: '2026-06-01', knowledge: ['finance', 'finance'] },
        { name: '吴委员', role: 'member', from: '2026-06-01', knowledge: ['accounting'] },
      ],
    });
    expect(parsed.success ? [] : fieldErrors(parsed.error)).toEqual([
      {
        path: 'members.0.trainings',
        message: '花名册上的成员，培训记录在花名册中登记；这里只登记不在花名册上的成员的培训',
      },
      { path: 'members.1.knowledge', message: '财会、管理知识不能重复填写' },
      { path: 'members.2.knowledge.0', message: '应为以下之一：财会、管理' },
    ]);
  });

  it('warns of terms ending within the window, soonest first', () => {
    const warnings = termsEnding(daxinggong, '2026-12-01', 90);
    expect(warnings.map((w) => [w.kind, w.endsOn, w.daysLeft])).toEqual([
      ['residents', '2027-01-31', 61],
      ['supervision', '2027-01-31', 61],
      ['sub', '2027-01-31', 61],
    ]);
    expect(termsEnding(daxinggong, '2026-06-01', 90)).toEqual([]);
  });
});

describe('rules on the registers', () => {
  it('flags a 网格长 who is not a residents committee member (Ezhou 第七条（一）)', () => {
    const finding = gridLeadersOnCommittee(xiangshan, '2026-12-01');
    expect(finding.status).toBe('fail');
    expect(finding.subjects).toEqual(['第二网格']);
    expect(finding.citations[0]?.article).toBe('第七条（一）');
    expect(gridLeadersOnCommittee(daxinggong, '2026-12-01').status).toBe('pass');
  });

  it('refuses a new 网格长 who is not on the residents committee, or not on the roster (Ezhou 第七条（一）)', () => {
    const member = xiangshan.workers.find((w) => w.name === '张委员');
    const notMember = xiangshan.workers.find((w) => w.name === '孙网格员');
    if (!member || !notMember) throw new Error('demo roster changed');
    expect(gridLeaderProblem(xiangshan, member.id, '2026-12-01')).toBeUndefined();
    expect(gridLeaderProblem(xiangshan, notMember.id, '2026-12-01')).toBe(
      '网格长应由本届居民委员会成员兼任（2026-12-01），孙网格员不是居委会成员',
    );
    expect(gridLeaderProblem(xiangshan, 'nobody', '2026-12-01')).toBe('网格长应为本社区花名册上在岗的工作者');
    // Before any residents' committee is registered the rule cannot tell, so nothing is refused.
    expect(gridLeaderProblem({ ...xiangshan, committees: [] }, notMember.id, '2026-12-01')).toBeUndefined();
  });

  it('checks that sub-committees are chaired by a committee member', () => {
    expect(subCommitteesLedByMember(xiangshan, '2026-12-01').status).toBe('pass');
    const changed = structuredClone(xiangshan);
    const sub = changed.committees.find((c) => c.kind === 'sub');
    if (sub?.members[0]) sub.members[0].workerId = undefined;
    expect(subCommitteesLedByMember(changed, '2026-12-01')).toMatchObject({
      status: 'fail',
      subjects: ['mediation'],
    });
  });

  it('needs the chairs trained at county level every year (Jiangsu 19（8）)', () => {
    // 大行宫's supervision chair is a resident, not on the roster: her training is kept with the membership.
    expect(chairsTrainedThisYear(daxinggong, '2026-12-01').status).toBe('pass');
    // The next year has no training yet: a warning until 31 December.
    expect(chairsTrainedThisYear(daxinggong, '2027-01-15')).toMatchObject({
      status: 'warn',
      subjects: ['钱书记', '许监委主任'],
    });
    const blank = structuredClone(daxinggong);
    const blankChair = blank.committees.find((c) => c.kind === 'supervision')?.members[0];
    if (blankChair) delete blankChair.trainings;
    // Neither on the roster nor with a training entered: nobody can say she missed it.
    expect(chairsTrainedThisYear(blank, '2026-12-01').status).toBe('unknown');
    const linked = structuredClone(blank);
    const sc = linked.committees.find((c) => c.kind === 'supervision');
    if (sc?.members[0]) sc.members[0].workerId = `${DAXINGGONG}-w2`;
    expect(chairsTrainedThisYear(linked, '2026-12-01')).toMatchObject({
      status: 'warn',
      subjects: ['许监委主任'],
    });
    expect(chairsTrainedThisYear(linked, '2026-12-31').status).toBe('fail');
    expect(trainingMissing(linked.workers[0] ?? { trainings: [] }, '2026-12-01')).toBe(false);
    expect(trainingMissing(linked.workers[1] ?? { trainings: [] }, '2026-12-01')).toBe(true);
  });

  it('compares pay with the reference exactly (Ezhou 第二十一条)', () => {
    expect(payNotBelowReference(xiangshan, '2026-12-01', undefined).status).toBe('unknown');
    expect(payNotBelowReference(xiangshan, '2026-12-01', 52000).status).toBe('pass');
    expect(payNotBelowReference(xiangshan, '2026-12-01', 52000.01)).toMatchObject({
      status: 'fail',
      subjects: ['孙网格员'],
    });
  });

  it('computes Ezhou quota per full 3000 residents, at most 9', () => {
    expect([5000, 7999, 8000, 30000].map(ezhouTwoCommitteesQuota)).toEqual([5, 5, 6, 9]);
  });

  it('counts people on the roster against the floor of five (Jinshan 第十条)', () => {
    const [floor, band] = staffingAgainstQuota(xiangshan, '2026-12-01', 'jinshan', { households: 800 });
    expect(floor).toMatchObject({ status: 'pass', actual: 5 });
    expect(band).toMatchObject({ status: 'pass', expected: { min: 5, max: 5 } });
    const fewer = structuredClone(xiangshan);
    if (fewer.workers[4]) fewer.workers[4].leftOn = '2026-11-01';
    expect(staffingAgainstQuota(fewer, '2026-12-01', 'jinshan', {})[0]).toMatchObject({
      status: 'fail',
      actual: 4,
    });
    expect(householdsBand(1000)).toEqual({ min: 3, max: 3 });
  });
});

describe('snapshot derived from the registers', () => {
  it('counts people, committees and units as of the date', () => {
    const { facts, fields } = deriveSnapshotFacts(xiangshan, '2026-12-01');
    expect(facts).toEqual({
      staff: { twoCommittees: 3, specialists: 1, fullTime: 5 },
      salary: { annualAverage: 61600 },
      committee: { members: 3, viceChairs: 1, chairTrainings: 1 },
      supervisionCommittee: { members: 3 },
      subCommittees: [{ kind: 'mediation', members: 3, chairIsCommitteeMember: true }],
      residentGroups: [{ households: 420 }, { households: 380 }],
      buildings: [
        { households: 48, leader: true },
        { households: 60, leader: true },
        { households: 36, leader: false },
      ],
      // Each grid's households from its buildings, the households of the groups in it and its buildings'
      // positions; 象山花园 holds 2号楼 and 3号楼 (Ezhou 第七条（二）).
      grids: [
        { households: 108, groups: [420], buildings: [0, 1] },
        { households: 36, groups: [380], buildings: [2] },
      ],
      propertyAreas: [{ buildings: [1, 2] }],
      grid: { leaders: 2, leadersOnCommittee: 1 },
    });
    expect(fields).toContain('staff.fullTime');
    expect(fields).toContain('grids');
    expect(fields).toContain('buildings');
    expect(fields).toContain('propertyAreas');
  });

  it('counts the supervision committee members who know finance or management (Jiangsu 17（5）) and its chair’s training', () => {
    expect(deriveSnapshotFacts(daxinggong, '2026-12-01').facts.supervisionCommittee).toEqual({
      members: 3,
      financeOrManagementMembers: 2,
      chairTrainings: 1,
    });
    const unentered = structuredClone(daxinggong);
    const member = unentered.committees.find((c) => c.kind === 'supervision')?.members[2];
    if (member) delete member.knowledge;
    // One member's knowledge not entered: the count is not derived, so a typed value can stand.
    expect(deriveSnapshotFacts(unentered, '2026-12-01').facts.supervisionCommittee).toEqual({
      members: 3,
      chairTrainings: 1,
    });
  });

  it('follows people leaving and terms changing', () => {
    const changed = structuredClone(xiangshan);
    if (changed.workers[0]) changed.workers[0].leftOn = '2026-10-01';
    expect(deriveSnapshotFacts(changed, '2026-12-01').facts.staff).toEqual({
      twoCommittees: 2,
      specialists: 1,
      fullTime: 4,
    });
    // Before the supervision committee's first term there is nothing to derive for it.
    expect(deriveSnapshotFacts(xiangshan, '2026-01-01').facts.supervisionCommittee).toBeUndefined();
  });

  it('rounds the average pay to the fen and leaves it out when a pay is missing', () => {
    const changed = structuredClone(daxinggong);
    if (changed.workers[5]) changed.workers[5].annualPay = 70000.01;
    expect(deriveSnapshotFacts(changed, '2026-12-01').facts.salary).toEqual({ annualAverage: 83666.67 });
    if (changed.workers[5]) changed.workers[5].annualPay = undefined;
    expect(deriveSnapshotFacts(changed, '2026-12-01').facts.salary).toBeUndefined();
  });

  it('lays derived fields over typed ones and keeps typed fields without a register', () => {
    const derived = deriveSnapshotFacts(daxinggong, '2026-12-01');
    const merged = layDerivedFacts(
      { households: 650, staff: { fullTime: 10 }, salary: { citySubsidy: 1000 }, representatives: 30 },
      [derived],
    );
    expect(merged.facts.staff).toEqual({ twoCommittees: 3, specialists: 0, fullTime: 6 });
    expect(merged.facts.salary).toEqual({ citySubsidy: 1000, annualAverage: 83666.67 });
    expect(merged.facts.households).toBe(650);
    expect(merged.facts.representatives).toBe(30);
  });
});
