import { communitySnapshot, UNIDENTIFIED_2013_CITY } from '@shequ/domain';
import { checkCommunity, documentsGoverning, jurisdictionsList } from '@shequ/policy';
import { describe, expect, it } from 'vitest';
import { citations, governedBy, PROJECT_RULES } from './citations.js';
import { DAXINGGONG, demoDemocracyRegisters, XIANGSHAN } from './demo.js';
import {
  consultation,
  deliberationBody,
  election,
  electionRecord,
  emptyDemocracyRegisters,
  meeting,
  publicContact,
  supervisionVoteProblems,
} from './records.js';
import {
  charterFilingDeadlines,
  committeeFromElection,
  consultationWarning,
  contestedUnsubmitted,
  DEADLINE_HORIZON_DAYS,
  democracyDeadlines,
  disclosureStandings,
  groupLeaderChangeFromElection,
  meetingBurden,
  noticeDeadlines,
  noticeWarning,
  outcomeDeadlines,
  redactPersonal,
  residentGroupTermProblem,
  residentsMeetingQuorum,
  termEndDeadlines,
} from './rules.js';
import { deriveDemocracyFacts } from './snapshot.js';
import { daxinggong, problems, residentsMeeting, xiangshan } from './test-fixtures.js';

describe('rules on the records', () => {
  it('warns when a residents meeting is scheduled with less than ten days of notice (Jiangsu 11（1）)', () => {
    expect(
      noticeWarning({ kind: 'residents-meeting', noticeOn: '2026-05-01', heldOn: '2026-05-11' }),
    ).toBeUndefined();
    expect(noticeWarning({ kind: 'residents-meeting', noticeOn: '2026-05-02', heldOn: '2026-05-11' })).toBe(
      '居民会议仅提前9日公告，一般应提前10日（最迟2026-05-01）',
    );
    expect(noticeWarning({ kind: 'residents-meeting', heldOn: '2026-05-11' })).toContain(
      '最迟2026-05-01发布公告',
    );
    // Representatives' meetings only under the alternative reading.
    const reps = { kind: 'representatives-meeting' as const, noticeOn: '2026-05-05', heldOn: '2026-05-11' };
    expect(noticeWarning(reps)).toBeUndefined();
    expect(noticeWarning(reps, { representativesCount: true })).toContain('仅提前6日');
  });

  it('masks identity and mobile numbers typed into a public text, and keeps landlines', () => {
    expect(redactPersonal('王某 320102198001011234 电话 13912345678，办公室 025-84123456')).toBe(
      '王某 3201**********1234 电话 139****5678，办公室 025-84123456',
    );
  });

  it('takes an office landline as public contact, never a mobile number', () => {
    const contact = { communityCode: DAXINGGONG, address: '南京市玄武区', hours: '工作日 8:30-17:30' };
    expect(publicContact.safeParse({ ...contact, officePhone: '025-84123456' }).success).toBe(true);
    expect(problems(publicContact, { ...contact, officePhone: '13912345678' })).toEqual([
      { path: 'officePhone', message: '办公电话应为座机号码（如 025-84123456），不能填写个人手机号码' },
    ]);
  });

  it('counts a quorum and a decision by more than half, exactly half failing', () => {
    const parsed = meeting.parse(residentsMeeting);
    expect(residentsMeetingQuorum(parsed)).toEqual({ quorate: true, passed: [true] });
    const half = meeting.parse({
      ...residentsMeeting,
      attendance: { basis: 'households', eligible: 100, present: 50 },
      decisions: [{ text: '决定', votes: { cast: 50, for: 25, against: 25, abstain: 0 } }],
    });
    expect(residentsMeetingQuorum(half)).toEqual({ quorate: false, passed: [false] });
  });

  it('lists the demo deadlines: notice of the December meeting, an undisclosed outcome, an open task', () => {
    expect(noticeDeadlines(daxinggong.meetings, '2026-12-01')).toEqual([
      expect.objectContaining({
        recordId: `${DAXINGGONG}-m-residents-2026-12`,
        dueOn: '2026-12-08',
        overdue: false,
      }),
    ]);
    const outcomes = outcomeDeadlines(daxinggong.consultations, '2026-12-01');
    expect(outcomes.map((o) => [o.kind, o.overdue])).toEqual([
      ['outcome-disclosure', true],
      ['outcome-task', false],
    ]);
    expect(charterFilingDeadlines(daxinggong.charters, '2026-12-01')).toEqual([]);
  });

  it('says which disclosure category is overdue and when the next is due', () => {
    const standings = disclosureStandings(daxinggong.disclosures, '2026-12-01');
    expect(standings.map((s) => [s.category, s.overdue, s.dueOn])).toEqual([
      ['routine', false, '2026-12-31'],
      ['important', false, '2026-12-31'],
      ['finance', false, '2026-12-31'],
    ]);
    // The demo year ends with November: by January the fourth quarter and December were missed.
    const january = disclosureStandings(daxinggong.disclosures, '2027-01-05');
    expect(january.map((s) => [s.category, s.overdue, s.dueOn])).toEqual([
      ['routine', true, '2027-03-31'],
      ['important', true, '2027-01-31'],
      ['finance', true, '2027-03-31'],
    ]);
    expect(january[0]?.message).toBe('常规性事项2026-10-01至2026-12-31未公开（一般每季度公开一次）');
  });

  it('counts the meetings higher levels imposed the way Weihai 二（八） limits them', () => {
    expect(meetingBurden(xiangshan.imposedMeetings, '2026-12-01')).toMatchObject({
      districtMeetingsPerYear: 2,
      streetWorkMeetingsMaxPerWeek: 1,
      streetOtherMeetingsMaxPerMonth: 2,
    });
    expect(meetingBurden(xiangshan.imposedMeetings, '2026-02-01')).toMatchObject({
      districtMeetingsPerYear: 0,
      streetOtherMeetingsMaxPerMonth: 0,
    });
  });
});

describe('the snapshot facts derived from the registers', () => {
  it('derives nothing from empty registers, so typed facts remain', () => {
    expect(deriveDemocracyFacts(emptyDemocracyRegisters(), '2026-12-01')).toEqual({ facts: {}, fields: [] });
    expect(deriveDemocracyFacts(daxinggong, '2018-01-01')).toEqual({ facts: {}, fields: [] });
  });

  it('lists meetings, charters, disclosures, contested topics and the burden as of the date', () => {
    const { facts, fields } = deriveDemocracyFacts(daxinggong, '2026-06-30');
    expect(fields).toEqual([
      'burden.districtMeetingsPerYear',
      'burden.streetOtherMeetingsMaxPerMonth',
      'burden.streetWorkMeetingsMaxPerWeek',
      'charters',
      'committee.competitiveElection',
      'committee.secretBallot',
      'consultation.contestedUnsubmitted',
      'deliberation.body',
      'deliberation.rules',
      'disclosures',
      'meetings',
      'supervisionCommittee.chairVotes',
      'supervisionCommittee.lowestElectedVotes',
      'supervisionCommittee.votesCast',
    ]);
    // The 2026 supervision vote: 郑主任 1055, 王委员 1008, 冯委员 942 of 1302 cast.
    expect(facts.supervisionCommittee).toEqual({
      chairVotes: 1055,
      lowestElectedVotes: 942,
      votesCast: 1302,
    });
    // The July residents' meeting and its late notice are not yet in a June snapshot.
    expect(facts.meetings?.filter((m) => m.kind === 'residents-meeting')).toEqual([
      { kind: 'residents-meeting', noticeOn: '2025-01-06', heldOn: '2025-01-18', annualReport: true },
      { kind: 'residents-meeting', noticeOn: '2026-01-08', heldOn: '2026-01-20', annualReport: true },
    ]);
    expect(facts.charters).toEqual([
      { kind: 'autonomy-charter', adoptedOn: '2021-04-10', filedOn: '2021-04-16' },
      { kind: 'autonomy-charter', adoptedOn: '2026-04-18', filedOn: '2026-04-24' },
      { kind: 'residents-covenant', adoptedOn: '2026-04-18', filedOn: '2026-04-27' },
    ]);
    // The elevator topic was contested and went to the July meeting.
    expect(facts.consultation).toEqual({ contestedUnsubmitted: 0 });
    expect(
      communitySnapshot.safeParse({
        code: DAXINGGONG,
        name: '大行宫社区居委会',
        asOf: '2026-06-30',
        ...facts,
      }).success,
    ).toBe(true);
  });

  it('keeps the accounts a disclosure kind of their own, for the packs to read', () => {
    const kinds = (deriveDemocracyFacts(daxinggong, '2026-12-01').facts.disclosures ?? []).map((d) => d.kind);
    expect(kinds.filter((k) => k === 'routine')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'finance')).toHaveLength(4);
  });
});

describe('the demo year answers every Jiangsu rule on meetings, consultation, charters and disclosure', () => {
  const rules = [
    'jiangsu.residents-meeting-notice',
    'jiangsu.consultation-notice',
    'jiangsu.contested-to-residents-meeting',
    'jiangsu.charter-filing',
    'jiangsu.routine-disclosure',
    'jiangsu.important-disclosure',
    'jiangsu.monthly-work-meeting',
    'jiangsu.annual-report',
    'jiangsu.election-manner',
    'jiangsu.supervision-chair-majority',
  ];
  it('as pass, warn or fail on 2026-12-01, never unknown', () => {
    const { facts } = deriveDemocracyFacts(daxinggong, '2026-12-01');
    const snapshot = communitySnapshot.parse({
      code: DAXINGGONG,
      name: '大行宫社区居委会',
      asOf: '2026-12-01',
      ...facts,
    });
    const results = checkCommunity(snapshot).results;
    const statuses = Object.fromEntries(rules.map((id) => [id, results.find((r) => r.rule === id)?.status]));
    expect(statuses).toEqual({
      'jiangsu.residents-meeting-notice': 'warn',
      'jiangsu.consultation-notice': 'pass',
      'jiangsu.contested-to-residents-meeting': 'pass',
      'jiangsu.charter-filing': 'pass',
      'jiangsu.routine-disclosure': 'pass',
      'jiangsu.important-disclosure': 'pass',
      'jiangsu.monthly-work-meeting': 'pass',
      'jiangsu.annual-report': 'pass',
      'jiangsu.election-manner': 'pass',
      'jiangsu.supervision-chair-majority': 'pass',
    });
  });

  it('also on the demo date of the compliance page, 2026-06-30', () => {
    const { facts } = deriveDemocracyFacts(daxinggong, '2026-06-30');
    const snapshot = communitySnapshot.parse({
      code: DAXINGGONG,
      name: '大行宫社区居委会',
      asOf: '2026-06-30',
      ...facts,
    });
    const results = checkCommunity(snapshot).results.filter((r) => rules.includes(r.rule));
    expect(results).toHaveLength(rules.length);
    for (const r of results) expect(['pass', 'warn', 'fail'], r.rule).toContain(r.status);
  });
});

describe('terms, resident groups and the committee register', () => {
  const registers = demoDemocracyRegisters().get(DAXINGGONG);
  if (!registers) throw new Error('demo');
  const elections2021 = registers.elections.filter((e) => e.heldOn < '2022-01-01');

  it('warns ninety days ahead of a term end and flags a term ended without an election (R-DEM-2)', () => {
    expect(termEndDeadlines(elections2021, '2026-03-01')).toEqual([]);
    const warned = termEndDeadlines(elections2021, '2026-03-03');
    expect(warned.map((d) => [d.kind, d.dueOn, d.overdue])).toEqual([
      ['term-end', '2026-05-31', false],
      ['term-end', '2026-05-31', false],
    ]);
    expect(warned[0]?.message).toBe('居民委员会任期将于2026-05-31届满（还有89日），请准备换届选举');
    expect(warned[0]?.citation.article).toBe('R-DEM-2');
    // The lead time can be set otherwise.
    expect(termEndDeadlines(elections2021, '2026-04-30', { leadDays: 30 })).toEqual([]);
    expect(termEndDeadlines(elections2021, '2026-06-01')[1]?.message).toBe(
      '居务监督委员会任期已于2026-05-31届满，尚未登记换届选举',
    );
    // Renewed in May 2026: nothing to warn of until 2031.
    expect(termEndDeadlines(registers.elections, '2026-06-01')).toEqual([]);
  });

  it('shows a term-end warning on the workbench list beyond its thirty-day horizon', () => {
    const list = democracyDeadlines(
      { ...registers, elections: elections2021 },
      '2026-03-10',
      DEADLINE_HORIZON_DAYS,
    );
    expect(list.filter((d) => d.kind === 'term-end')).toHaveLength(2);
  });

  it('gives a resident group leader the committee term (Ezhou 第七条（二）)', () => {
    const group = {
      id: 'g',
      communityCode: DAXINGGONG,
      kind: 'resident-group',
      residentGroupName: '第二居民小组',
      heldOn: '2026-06-21',
      termEndsOn: '2029-05-31',
      seats: 1,
      votesCast: 120,
      secretBallot: false,
      candidates: [{ name: '韩组长', post: 'group-leader', votes: 100, elected: true }],
    };
    expect(residentGroupTermProblem(election.parse(group), registers.elections)).toEqual({
      path: 'termEndsOn',
      message: '居民小组长任期与居民委员会相同，应于2031-05-31届满',
    });
    expect(
      residentGroupTermProblem(election.parse({ ...group, termEndsOn: '2031-05-31' }), registers.elections),
    ).toBe(undefined);
    expect(problems(election, { ...group, residentGroupName: undefined }).map((p) => p.path)).toEqual([
      'residentGroupName',
    ]);
    expect(
      problems(election, { ...group, candidates: [{ ...group.candidates[0], post: 'member' }] }),
    ).toEqual([{ path: 'candidates.0.post', message: '居民小组长推选的职务应为居民小组长' }]);
  });

  it('refuses votes that do not add up across the candidates', () => {
    const e = {
      ...registers.elections[0],
      seats: 1,
      votesCast: 100,
      candidates: [
        { name: '甲', post: 'chair', votes: 60, elected: true },
        { name: '乙', post: 'chair', votes: 50, elected: false },
      ],
    };
    expect(problems(election, e)).toEqual([
      { path: 'votesCast', message: '候选人得票合计110票，超过参加投票人数乘以应选人数（100票），票数不符' },
    ]);
  });

  it('seats the elected candidates as the committee of the register for the new term', () => {
    const supervision = registers.elections.find(
      (e) => e.kind === 'supervision' && e.heldOn === '2026-05-24',
    );
    if (!supervision) throw new Error('demo');
    expect(committeeFromElection(supervision)).toEqual({
      communityCode: DAXINGGONG,
      kind: 'supervision',
      termFrom: '2026-05-24',
      termTo: '2031-05-31',
      members: [
        { name: '郑主任', role: 'chair', from: '2026-05-24' },
        { name: '王委员', role: 'member', from: '2026-05-24' },
        { name: '冯委员', role: 'member', from: '2026-05-24' },
      ],
    });
    const group = registers.elections.find((e) => e.kind === 'resident-group');
    expect(group && committeeFromElection(group)).toBe(undefined);
  });

  it('makes the elected group leader the named resident group’s leader for the term, once (Ezhou 第七条（二）)', () => {
    const e = registers.elections.find((x) => x.kind === 'resident-group');
    if (!e) throw new Error('demo');
    const first = { id: 'g1', name: '第一居民小组', households: 420, leaderName: '组长甲' };
    const second = { id: 'g2', name: '第二居民小组', households: 380 };
    const changed = groupLeaderChangeFromElection(e, [second, first]);
    expect(changed).toEqual({
      group: { ...first, leaderName: '何玉兰', leaderTermFrom: '2026-06-20', leaderTermTo: '2031-05-31' },
      citation: expect.objectContaining({ article: '第七条（二）' }),
    });
    // Entered once: the group already has this leader from this election.
    if (!('group' in changed)) throw new Error('not changed');
    expect(groupLeaderChangeFromElection(e, [changed.group])).toMatchObject({ refused: 'already' });
    // Re-elected (连选连任) in a later election: entered again, with the new term.
    const later = { ...e, heldOn: '2031-05-20', termEndsOn: '2036-05-31' };
    expect(groupLeaderChangeFromElection(later, [changed.group])).toMatchObject({
      group: { leaderName: '何玉兰', leaderTermFrom: '2031-05-20', leaderTermTo: '2036-05-31' },
    });
    // An earlier election does not displace the leader a later one gave.
    const earlier = { ...e, heldOn: '2021-05-20', candidates: [{ ...e.candidates[0], name: '旧组长' }] };
    expect(groupLeaderChangeFromElection(earlier as typeof e, [changed.group])).toMatchObject({
      refused: 'superseded',
      message: expect.stringContaining('本系统规则 R-DEM-3'),
    });
  });

  it('refuses a group leader result on the field when the group or the leader cannot be told', () => {
    const e = registers.elections.find((x) => x.kind === 'resident-group');
    if (!e) throw new Error('demo');
    const group = { id: 'g1', name: '第一居民小组', households: 420 };
    expect(groupLeaderChangeFromElection(e, [{ ...group, name: '第二居民小组' }])).toEqual({
      refused: 'invalid',
      path: 'residentGroupName',
      message: '本社区的居民小组中没有「第一居民小组」，请先登记该居民小组或更正选举记录的居民小组名称',
    });
    expect(groupLeaderChangeFromElection(e, [group, { ...group, id: 'g2' }])).toMatchObject({
      refused: 'invalid',
      path: 'residentGroupName',
    });
    const noneElected = { ...e, candidates: e.candidates.map((c) => ({ ...c, elected: false })) };
    expect(groupLeaderChangeFromElection(noneElected, [group])).toMatchObject({
      refused: 'invalid',
      path: 'candidates',
      message: '本次推选没有当选的居民小组长',
    });
    const committee = registers.elections.find((x) => x.kind === 'committee');
    if (!committee) throw new Error('demo');
    expect(groupLeaderChangeFromElection(committee, [group])).toMatchObject({ path: 'kind' });
  });
});

describe('the deliberation body (2013 city regulation 第十七、十八条)', () => {
  const body = {
    id: 'b',
    communityCode: XIANGSHAN,
    name: '议事协商委员会',
    establishedOn: '2020-01-01',
    members: [{ name: '孙居民', sector: 'resident', selection: 'application' }],
  };
  it('refuses rules adopted before the body was set up, or a date without the rules', () => {
    expect(problems(deliberationBody, body)).toEqual([]);
    expect(problems(deliberationBody, { ...body, rulesAdoptedOn: '2019-12-31', rules: '规则' })).toEqual([
      { path: 'rulesAdoptedOn', message: '议事规则制定日期不能早于成立日期' },
    ]);
    expect(problems(deliberationBody, { ...body, rulesAdoptedOn: '2020-02-01' }).map((p) => p.path)).toEqual([
      'rules',
    ]);
  });

  it('answers the pack rules pass and fail from the records, not unknown', () => {
    const status = (code: string, asOf: string) => {
      const registers = demoDemocracyRegisters().get(code);
      if (!registers) throw new Error('demo');
      const snapshot = communitySnapshot.parse({
        code,
        name: '社区',
        asOf,
        ...deriveDemocracyFacts(registers, asOf).facts,
      });
      const results = checkCommunity(snapshot, { jurisdiction: UNIDENTIFIED_2013_CITY }).results;
      return ['city2013.deliberation-body', 'city2013.deliberation-rules'].map(
        (id) => results.find((r) => r.rule === id)?.status,
      );
    };
    expect(status(DAXINGGONG, '2026-06-30')).toEqual(['pass', 'pass']);
    expect(status(XIANGSHAN, '2026-06-30')).toEqual(['pass', 'fail']);
  });
});

describe('a community’s deadlines and warnings cite only the documents that govern it', () => {
  const governs = (code: string) => governedBy(documentsGoverning(code));
  /** A community of Guangdong: no regional pack, only the national law and the project's rules. */
  const SHENZHEN = '440305001001';
  const byCitation = (code: string, registers: Parameters<typeof democracyDeadlines>[0], asOf: string) =>
    democracyDeadlines(registers, asOf, undefined, { governs: governs(code) }).map(
      (d) => `${d.kind} ${d.citation.document} ${d.citation.article}`,
    );
  const jiangsu = citations.jiangsuMeetingNotice.document;
  /** The demo registers before the 2026 elections: the terms end on 31 May 2026. */
  const beforeElections = (r: typeof xiangshan) => ({
    ...r,
    elections: r.elections.filter((e) => e.heldOn < '2022-01-01'),
  });
  const unnoticed = { kind: 'residents-meeting' as const, heldOn: '2026-12-18' };
  const contested = { contested: true, submittedToMeetingId: undefined };

  it('names each regional document exactly as a shipped pack does, or the filter would drop it', () => {
    const packDocuments = new Set(jurisdictionsList().flatMap((j) => j.documents.map((d) => d.title)));
    for (const [key, c] of Object.entries(citations))
      if (c.document !== PROJECT_RULES) expect([key, packDocuments.has(c.document)]).toEqual([key, true]);
  });

  it('keeps the Jiangsu deadlines of a Nanjing community', () => {
    expect(byCitation(DAXINGGONG, daxinggong, '2026-12-01')).toEqual([
      `outcome-disclosure ${jiangsu} 12（5）`,
      `meeting-notice ${jiangsu} 11（1）`,
      `disclosure ${jiangsu} 16（3）`,
      `disclosure ${jiangsu} 16（3）`,
      // Accounts too, on Jiangsu's routine cadence: the Jinshan measures govern no Nanjing community.
      `disclosure ${jiangsu} 16（3）`,
      `outcome-task ${jiangsu} 12（5）`,
    ]);
    expect(noticeWarning(unnoticed, { governs: governs(DAXINGGONG) })).toBe(
      '居民会议一般应提前10日公告，最迟2026-12-08发布公告',
    );
    expect(consultationWarning(contested, { governs: governs(DAXINGGONG) })).toBe(
      '存在较大争议的事项应提交居民会议决定',
    );
  });

  it('gives a community of 金山镇 Jinshan’s accounts disclosure and R-DEM-2, never a Jiangsu deadline', () => {
    const jinshan = citations.jinshanAccounts.document;
    expect(byCitation(XIANGSHAN, beforeElections(xiangshan), '2026-03-10')).toEqual([
      `disclosure ${jinshan} 第九条（三）`,
      `term-end ${PROJECT_RULES} R-DEM-2`,
      `term-end ${PROJECT_RULES} R-DEM-2`,
    ]);
    // The same registers read without the community's documents would add Jiangsu's.
    expect(
      democracyDeadlines(beforeElections(xiangshan), '2026-03-10').some(
        (d) => d.citation.document === jiangsu,
      ),
    ).toBe(true);
    expect(
      disclosureStandings(xiangshan.disclosures, '2026-12-01', { governs: governs(XIANGSHAN) }).map(
        (s) => s.category,
      ),
    ).toEqual(['finance']);
    expect(noticeWarning(unnoticed, { governs: governs(XIANGSHAN) })).toBeUndefined();
    expect(consultationWarning(contested, { governs: governs(XIANGSHAN) })).toBeUndefined();
  });

  it('gives a community under no regional pack only what the national law and the project’s rules give', () => {
    expect(byCitation(SHENZHEN, beforeElections(daxinggong), '2026-03-10')).toEqual([
      `term-end ${PROJECT_RULES} R-DEM-2`,
      `term-end ${PROJECT_RULES} R-DEM-2`,
    ]);
    expect(byCitation(SHENZHEN, daxinggong, '2026-12-01')).toEqual([]);
    expect(noticeWarning(unnoticed, { governs: governs(SHENZHEN) })).toBeUndefined();
  });

  /** A community of 环翠区 in Weihai, which Weihai's opinions govern. */
  const WEIHAI_COMMUNITY = '371002001001';

  it('counts imposed meetings against Weihai 二（八） only where it governs', () => {
    const weihai = meetingBurden(xiangshan.imposedMeetings, '2026-12-01', {
      governs: governs(WEIHAI_COMMUNITY),
    });
    expect(weihai).toMatchObject({ districtMeetingsPerYear: 2, citation: citations.weihaiMeetingBurden });
    expect(
      meetingBurden(xiangshan.imposedMeetings, '2026-12-01', { governs: governs(XIANGSHAN) }),
    ).toBeUndefined();
    expect(
      meetingBurden(xiangshan.imposedMeetings, '2026-12-01', { governs: governs(DAXINGGONG) }),
    ).toBeUndefined();
    // Without `governs` the count is the rule's arithmetic alone, as the snapshot facts use it.
    expect(meetingBurden(xiangshan.imposedMeetings, '2026-12-01')).toMatchObject({
      districtMeetingsPerYear: 2,
    });
  });

  it('reports contested topics not submitted to a residents’ meeting only where Jiangsu 12（4） governs', () => {
    const held = consultation.parse({
      id: 'c',
      communityCode: DAXINGGONG,
      topic: '加装电梯',
      parties: ['居民'],
      heldOn: '2026-11-01',
      outcomes: [],
      contested: true,
    });
    expect(contestedUnsubmitted([held], '2026-12-01', { governs: governs(DAXINGGONG) })).toEqual([held]);
    expect(contestedUnsubmitted([held], '2026-12-01', { governs: governs(XIANGSHAN) })).toEqual([]);
    expect(contestedUnsubmitted([held], '2026-12-01')).toEqual([held]);
  });

  it('refuses a resident group leader’s term and a supervision vote only where Ezhou or Jiangsu governs', () => {
    const registers = daxinggong;
    const group = election.parse({
      id: 'g',
      communityCode: DAXINGGONG,
      kind: 'resident-group',
      residentGroupName: '第二居民小组',
      heldOn: '2026-06-21',
      termEndsOn: '2029-05-31',
      seats: 1,
      votesCast: 120,
      secretBallot: false,
      candidates: [{ name: '韩组长', post: 'group-leader', votes: 100, elected: true }],
    });
    const term = (code: string) =>
      residentGroupTermProblem(group, registers.elections, { governs: governs(code) });
    expect(term(DAXINGGONG)?.path).toBe('termEndsOn');
    expect(term('420704001001')?.path).toBe('termEndsOn');
    expect(term(XIANGSHAN)).toBeUndefined();
    expect(term(WEIHAI_COMMUNITY)).toBeUndefined();

    const onHalf = {
      id: 's',
      communityCode: XIANGSHAN,
      kind: 'supervision' as const,
      heldOn: '2026-06-21',
      termEndsOn: '2031-05-31',
      seats: 1,
      votesCast: 200,
      secretBallot: true,
      candidates: [{ name: '候选人甲', post: 'chair' as const, votes: 100, elected: true }],
    };
    const refusal = [
      { path: ['candidates', 0, 'elected'], message: '主任候选人得票未超过参加投票居民的半数，不能当选' },
    ];
    expect(supervisionVoteProblems(onHalf, { governs: governs(DAXINGGONG) })).toEqual(refusal);
    expect(supervisionVoteProblems(onHalf, { governs: governs(XIANGSHAN) })).toEqual([]);
    // The record itself holds for any community; `election` reads Jiangsu 17（4） everywhere, as before.
    expect(electionRecord.safeParse(onHalf).success).toBe(true);
    expect(problems(election, onHalf)).toEqual([
      { path: 'candidates.0.elected', message: '主任候选人得票未超过参加投票居民的半数，不能当选' },
    ]);
  });
});
