import { communitySnapshot } from '@shequ/domain';
import { checkCommunity } from '@shequ/policy';
import { describe, expect, it } from 'vitest';
import { DAXINGGONG } from './demo.js';
import {
  charter,
  consultation,
  disclosure,
  election,
  emptyDemocracyRegisters,
  futureDisclosureProblem,
  meeting,
} from './records.js';
import { deriveDemocracyFacts } from './snapshot.js';
import { problems, residentsMeeting } from './test-fixtures.js';

describe('records refuse what contradicts itself, naming the field', () => {
  it('a notice dated after the meeting', () => {
    expect(problems(meeting, { ...residentsMeeting, noticeOn: '2026-05-12' })).toEqual([
      { path: 'noticeOn', message: '公告日期不能晚于会议日期' },
    ]);
    expect(problems(meeting, residentsMeeting)).toEqual([]);
  });

  it('vote counts that do not add up, or more votes than people present', () => {
    const votes = (v: object) => ({ ...residentsMeeting, decisions: [{ text: '决定', votes: v }] });
    expect(problems(meeting, votes({ cast: 51, for: 26, against: 20, abstain: 4 }))).toEqual([
      { path: 'decisions.0.votes.cast', message: '赞成、反对、弃权票数之和应等于投票人数' },
    ]);
    expect(problems(meeting, votes({ cast: 52, for: 26, against: 21, abstain: 5 }))).toEqual([
      { path: 'decisions.0.votes.cast', message: '投票人数不能多于实到人数' },
    ]);
    expect(
      problems(meeting, {
        ...residentsMeeting,
        attendance: { basis: 'residents', eligible: 10, present: 11 },
      }),
    ).toContainEqual({ path: 'attendance.present', message: '实到人数不能多于应到人数' });
  });

  it('a filing or publication before the adoption, and a step out of order', () => {
    const base = {
      id: 'c1',
      communityCode: DAXINGGONG,
      kind: 'residents-covenant',
      title: '居民公约',
      versions: [
        { version: 1, text: '公约', draftedOn: '2026-01-01', adoptedOn: '2026-02-01', filedOn: '2026-01-31' },
      ],
    };
    expect(problems(charter, base)).toEqual([
      { path: 'versions.0.filedOn', message: '备案日期不能早于表决通过日期' },
    ]);
    const unadopted = {
      ...base,
      versions: [{ version: 1, text: '公约', draftedOn: '2026-01-01', filedOn: '2026-01-31' }],
    };
    expect(problems(charter, unadopted)).toEqual([
      { path: 'versions.0.filedOn', message: '尚未表决通过，不能填写备案日期' },
    ]);
    const outOfOrder = {
      ...base,
      versions: [{ version: 1, text: '公约', draftedOn: '2026-01-10', reviewedOn: '2026-01-05' }],
    };
    expect(problems(charter, outOfOrder)).toEqual([
      { path: 'versions.0.reviewedOn', message: '街道审核日期不能早于起草日期' },
    ]);
  });

  it('a disclosure dated after today', () => {
    expect(futureDisclosureProblem({ on: '2026-06-02' }, '2026-06-01')).toEqual({
      path: 'on',
      message: '公开日期不能晚于今天（2026-06-01）',
    });
    expect(futureDisclosureProblem({ on: '2026-06-01' }, '2026-06-01')).toBeUndefined();
    expect(
      problems(disclosure, {
        id: 'd',
        communityCode: DAXINGGONG,
        category: 'routine',
        title: '公开',
        body: '',
        on: '2026-06-01',
        until: '2026-05-01',
      }),
    ).toEqual([{ path: 'until', message: '撤下日期不能早于公开日期' }]);
  });

  it('an outcome due before the consultation, or a contested flag it does not have', () => {
    const base = {
      id: 'k',
      communityCode: DAXINGGONG,
      topic: '停车',
      parties: ['居民'],
      heldOn: '2026-03-01',
      outcomes: [{ text: '划线', owner: '物业', dueOn: '2026-02-01' }],
      contested: false,
      submittedToMeetingId: 'm1',
    };
    expect(problems(consultation, base).map((p) => p.path)).toEqual([
      'submittedToMeetingId',
      'outcomes.0.dueOn',
    ]);
  });
});

describe('elections', () => {
  const base = {
    id: 'e',
    communityCode: DAXINGGONG,
    kind: 'supervision',
    heldOn: '2026-05-24',
    termEndsOn: '2031-05-31',
    seats: 1,
    votesCast: 100,
    secretBallot: true,
    candidates: [{ name: '郑主任', post: 'chair', votes: 51, elected: true }],
  };
  it('elects a supervision committee member only with more than half of the votes cast (Jiangsu 17（4）)', () => {
    expect(problems(election, base)).toEqual([]);
    const half = { ...base, candidates: [{ name: '郑主任', post: 'chair', votes: 50, elected: true }] };
    expect(problems(election, half)).toEqual([
      { path: 'candidates.0.elected', message: '主任候选人得票未超过参加投票居民的半数，不能当选' },
    ]);
    // Members other than the chair are elected by their order of votes, not by the half.
    const members = {
      ...base,
      seats: 2,
      candidates: [
        { name: '郑主任', post: 'chair', votes: 60, elected: true },
        { name: '王委员', post: 'member', votes: 40, elected: true },
        { name: '冯委员', post: 'member', votes: 30, elected: false },
      ],
    };
    expect(problems(election, members)).toEqual([]);
    const outOfOrder = {
      ...members,
      candidates: [
        members.candidates[0],
        { ...members.candidates[1], elected: false },
        { ...members.candidates[2], elected: true },
      ],
    };
    expect(problems(election, outOfOrder)).toEqual([
      { path: 'candidates.2.elected', message: '委员候选人应按得票多少顺序当选，得票更多的候选人未当选' },
    ]);
    // A committee is elected by the most votes; the half does not bind it here.
    expect(problems(election, { ...half, kind: 'committee' })).toEqual([]);
    const tooMany = { ...base, candidates: [{ name: '郑主任', post: 'chair', votes: 101, elected: true }] };
    expect(problems(election, tooMany)).toEqual([
      { path: 'candidates.0.votes', message: '得票数不能多于参加投票人数' },
    ]);
  });

  it('derives the manner of the election in force, competitive when candidates outnumber seats', () => {
    const registers = {
      ...emptyDemocracyRegisters(),
      elections: [election.parse({ ...base, kind: 'committee' })],
    };
    expect(deriveDemocracyFacts(registers, '2026-06-30').facts.committee).toEqual({
      competitiveElection: false,
      secretBallot: true,
    });
    expect(deriveDemocracyFacts(registers, '2031-06-01').facts.committee).toBeUndefined();
  });

  it('derives the fewest votes of an elected supervision member, on which the other reading of 17（4） turns', () => {
    // 王委员 is elected by order of votes with exactly half of the 100 votes cast.
    const onHalf = election.parse({
      ...base,
      seats: 2,
      candidates: [
        { name: '郑主任', post: 'chair', votes: 60, elected: true },
        { name: '王委员', post: 'member', votes: 50, elected: true },
        { name: '冯委员', post: 'member', votes: 30, elected: false },
      ],
    });
    const { facts } = deriveDemocracyFacts(
      { ...emptyDemocracyRegisters(), elections: [onHalf] },
      '2026-06-30',
    );
    expect(facts.supervisionCommittee).toEqual({ chairVotes: 60, lowestElectedVotes: 50, votesCast: 100 });
    const snapshot = communitySnapshot.parse({
      code: DAXINGGONG,
      name: '大行宫社区居委会',
      asOf: '2026-06-30',
      ...facts,
    });
    const majority = (readings = {}) =>
      checkCommunity(snapshot, { readings }).results.find(
        (r) => r.rule === 'jiangsu.supervision-chair-majority',
      )?.status;
    expect(majority()).toBe('pass');
    expect(majority({ 'jiangsu.supervision-majority': 'alternative' })).toBe('fail');
  });
});
