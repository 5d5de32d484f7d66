import {
  auditLog,
  type DatabaseHandle,
  democracyRecords,
  loadCommunityRegisters,
  seedDemocracyRegisters,
} from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { DAXINGGONG, demoDemocracyRegisters, demoPublicContacts } from '@shequ/democracy';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlabelledAudit } from './audit-labels.js';
import { JINSHAN, nanjing, SHIHUAJIAN, seedFixture, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { fakeClock, insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let clerk: TestClient;
/** A clerk of 大行宫 (Nanjing), whose community the Jiangsu guideline governs. */
let nanjingClerk: TestClient;
let neighbour: TestClient;
let auditor: TestClient;
/** A clerk of 东北村 (Weihai), whose community Weihai's opinions govern. */
let weihaiClerk: TestClient;

const meeting = {
  communityCode: XIANGSHAN,
  kind: 'residents-meeting' as const,
  title: '年终居民会议',
  noticeOn: '2026-12-10',
  heldOn: '2026-12-15',
  agenda: ['述职述廉述法'],
  decisions: [],
};

const recordsOf = async (kind: 'meeting' | 'disclosure' | 'charter' | 'election', code = XIANGSHAN) =>
  (
    await database.db
      .select()
      .from(democracyRecords)
      .where(and(eq(democracyRecords.communityCode, code), eq(democracyRecords.kind, kind)))
  ).length;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database, nanjing);
  await seedDemocracyRegisters(database, demoDemocracyRegisters(), undefined, demoPublicContacts());
  await insertUser(database, { username: 'clerk', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  await insertUser(database, { username: 'nanjing', role: 'communityWorker', jurisdictionCode: DAXINGGONG });
  await insertUser(database, {
    username: 'neighbour',
    role: 'communityWorker',
    jurisdictionCode: SHIHUAJIAN,
  });
  await insertUser(database, { username: 'auditor', role: 'auditor', jurisdictionCode: JINSHAN });
  await insertUser(database, {
    username: 'weihai',
    role: 'communityWorker',
    jurisdictionCode: WEIHAI_COMMUNITY,
  });
  // Today is 2026-12-01 in China.
  app = await makeApp(database, { now: fakeClock(new Date('2026-12-01T02:00:00Z')).now });
  clerk = await signedIn(app, 'clerk');
  nanjingClerk = await signedIn(app, 'nanjing');
  neighbour = await signedIn(app, 'neighbour');
  auditor = await signedIn(app, 'auditor');
  weihaiClerk = await signedIn(app, 'weihai');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('democracy overview', () => {
  it('lists a Nanjing community’s records with what is due under the Jiangsu guideline', async () => {
    const view = await nanjingClerk.democracy.community.query({ code: DAXINGGONG });
    expect(view.asOf).toBe('2026-12-01');
    expect(view.deadlines.map((d) => [d.kind, d.dueOn, d.overdue, d.citation.article])).toContainEqual([
      'meeting-notice',
      '2026-12-08',
      false,
      '11（1）',
    ]);
    expect(view.deadlines.find((d) => d.kind === 'outcome-disclosure')?.overdue).toBe(true);
    expect(view.meetings.find((m) => m.heldOn === '2026-12-18')?.noticeWarning).toBe(
      '居民会议一般应提前10日公告，最迟2026-12-08发布公告',
    );
    expect(view.disclosureStandings.map((s) => s.category)).toEqual(['routine', 'important', 'finance']);
  });

  it('lists a 金山镇 community’s records with only what its own documents make due', async () => {
    const view = await clerk.democracy.community.query({ code: XIANGSHAN });
    expect(view.asOf).toBe('2026-12-01');
    expect(view.meetings.length).toBe(18);
    // The same registers as 大行宫's, but the Jiangsu guideline does not govern a Shandong community.
    expect(view.deadlines.map((d) => [d.kind, d.dueOn, d.citation.document, d.citation.article])).toEqual([
      ['disclosure', '2026-12-31', '金山镇城市社区工作管理办法（试行）', '第九条（三）'],
    ]);
    expect(view.meetings.filter((m) => m.noticeWarning !== undefined)).toEqual([]);
    expect(view.disclosureStandings.map((s) => s.category)).toEqual(['finance']);
    // Weihai 二（八） limits imposed meetings of Weihai's communities only: no count, no card here.
    expect(view.burden).toBeNull();
    // A contested topic is shown as contested, without Jiangsu 12（4）'s 未提交居民会议.
    expect(view.consultations.filter((c) => c.contested).map((c) => c.unsubmitted)).not.toContain(true);
    expect(view.consultations.every((c) => c.unsubmitted === null)).toBe(true);
    const january = view.meetings.find((m) => m.heldOn === '2026-01-20');
    expect(january?.quorum).toEqual({ quorate: true, passed: [true] });
  });

  it('counts the meetings higher levels imposed against Weihai 二（八） for a Weihai community only', async () => {
    await weihaiClerk.democracy.createImposedMeeting.mutate({
      record: {
        id: '',
        communityCode: WEIHAI_COMMUNITY,
        level: 'district',
        organiser: '环翠区民政局',
        title: '区社区工作会议',
        heldOn: '2026-03-10',
      },
    });
    const weihai = await weihaiClerk.democracy.community.query({ code: WEIHAI_COMMUNITY });
    expect(weihai.burden).toMatchObject({
      districtMeetingsPerYear: 1,
      citation: { article: '二（八）' },
    });
    const nanjing = await nanjingClerk.democracy.community.query({ code: DAXINGGONG });
    expect(nanjing.burden).toBeNull();
    // Jiangsu 12（4） governs 大行宫: its contested topics say whether they went to a residents' meeting.
    expect(nanjing.consultations.every((c) => typeof c.unsubmitted === 'boolean')).toBe(true);
  });

  it('is refused outside the jurisdiction', async () => {
    const error = await rejection(neighbour.democracy.community.query({ code: XIANGSHAN }));
    expect(error.data?.code).toBe('FORBIDDEN');
  });
});

describe('democracy writes', () => {
  it('schedules a meeting with a short notice, warning where the Jiangsu guideline governs, auditing it', async () => {
    const nanjing = await nanjingClerk.democracy.createMeeting.mutate({
      record: { ...meeting, communityCode: DAXINGGONG, id: '' },
    });
    expect(nanjing?.warnings).toEqual(['居民会议仅提前5日公告，一般应提前10日（最迟2026-12-05）']);
    const result = await clerk.democracy.createMeeting.mutate({ record: { ...meeting, id: 'ignored' } });
    expect(result?.warnings).toEqual([]);
    expect(result?.saved.id).not.toBe('ignored');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, result?.saved.id ?? ''));
    expect(audit.map((a) => a.action)).toEqual(['democracy.meeting.create']);
  });

  it('refuses a notice after the meeting and votes that do not add up, naming the field, writing nothing', async () => {
    const before = await recordsOf('meeting');
    const late = await rejection(
      clerk.democracy.createMeeting.mutate({ record: { ...meeting, id: '', noticeOn: '2026-12-16' } }),
    );
    expect(late.data?.httpStatus).toBe(400);
    expect(late.data?.fieldErrors?.['record.noticeOn']).toEqual(['公告日期不能晚于会议日期']);
    const votes = await rejection(
      clerk.democracy.createMeeting.mutate({
        record: {
          ...meeting,
          id: '',
          decisions: [{ text: '通过', votes: { cast: 10, for: 5, against: 3, abstain: 1 } }],
        },
      }),
    );
    expect(votes.data?.fieldErrors?.['record.decisions.0.votes.cast']).toEqual([
      '赞成、反对、弃权票数之和应等于投票人数',
    ]);
    expect(await recordsOf('meeting')).toBe(before);
  });

  it('refuses a disclosure dated after today and a filing before the adoption', async () => {
    const before = [await recordsOf('disclosure'), await recordsOf('charter')];
    const future = await rejection(
      clerk.democracy.createDisclosure.mutate({
        record: {
          id: '',
          communityCode: XIANGSHAN,
          category: 'important',
          title: '公开',
          body: '',
          on: '2026-12-02',
        },
      }),
    );
    expect(future.data?.fieldErrors?.['record.on']).toEqual(['公开日期不能晚于今天（2026-12-01）']);
    const filing = await rejection(
      clerk.democracy.createCharter.mutate({
        record: {
          id: '',
          communityCode: XIANGSHAN,
          kind: 'residents-covenant',
          title: '公约',
          versions: [
            {
              version: 1,
              text: '公约',
              draftedOn: '2026-10-01',
              adoptedOn: '2026-11-01',
              filedOn: '2026-10-30',
            },
          ],
        },
      }),
    );
    expect(filing.data?.fieldErrors?.['record.versions.0.filedOn']).toEqual(['备案日期不能早于表决通过日期']);
    expect([await recordsOf('disclosure'), await recordsOf('charter')]).toEqual(before);
  });

  it('refuses a supervision chair elected without more than half of the votes cast where Jiangsu 17（4） governs', async () => {
    const before = await recordsOf('election', DAXINGGONG);
    const refused = await rejection(
      nanjingClerk.democracy.createElection.mutate({
        record: {
          id: '',
          communityCode: DAXINGGONG,
          kind: 'supervision',
          heldOn: '2026-11-20',
          termEndsOn: '2031-05-31',
          seats: 1,
          votesCast: 200,
          secretBallot: true,
          candidates: [{ name: '候选人甲', post: 'chair', votes: 100, elected: true }],
        },
      }),
    );
    expect(refused.data?.httpStatus).toBe(400);
    expect(refused.data?.fieldErrors?.['record.candidates.0.elected']).toEqual([
      '主任候选人得票未超过参加投票居民的半数，不能当选',
    ]);
    expect(await recordsOf('election', DAXINGGONG)).toBe(before);
  });

  it('refuses a resident group leader whose term is not the committee’s where Jiangsu 8（1） governs, writing nothing', async () => {
    const before = await recordsOf('election', DAXINGGONG);
    const group = {
      id: '',
      communityCode: XIANGSHAN,
      kind: 'resident-group' as const,
      residentGroupName: '第二居民小组',
      heldOn: '2026-07-01',
      termEndsOn: '2029-05-31',
      seats: 1,
      votesCast: 80,
      secretBallot: false,
      candidates: [{ name: '韩组长', post: 'group-leader' as const, votes: 70, elected: true }],
    };
    const refused = await rejection(
      nanjingClerk.democracy.createElection.mutate({ record: { ...group, communityCode: DAXINGGONG } }),
    );
    expect(refused.data?.httpStatus).toBe(400);
    expect(refused.data?.fieldErrors?.['record.termEndsOn']).toEqual([
      '居民小组长任期与居民委员会相同，应于2031-05-31届满',
    ]);
    expect(await recordsOf('election', DAXINGGONG)).toBe(before);
    const saved = await clerk.democracy.createElection.mutate({
      record: { ...group, termEndsOn: '2031-05-31' },
    });
    expect(saved?.saved.residentGroupName).toBe('第二居民小组');
  });

  it('enters an election result in the committee register once, ending the previous term', async () => {
    const view = await clerk.democracy.community.query({ code: XIANGSHAN });
    const of = (kind: string, heldOn: string) => {
      const found = view.elections.find((e) => e.kind === kind && e.heldOn === heldOn);
      if (!found) throw new Error('demo election missing');
      return found.id;
    };
    await clerk.democracy.applyElection.mutate({ id: of('committee', '2021-05-16') });
    const seated = await clerk.democracy.applyElection.mutate({ id: of('committee', '2026-05-24') });
    expect(seated?.kind === 'committee' && seated.committee.members.map((m) => [m.name, m.role])).toEqual([
      ['陈主任', 'chair'],
      ['刘副主任', 'vice-chair'],
      ['张委员', 'member'],
      ['李委员', 'member'],
      ['周委员', 'member'],
    ]);
    const people = await loadCommunityRegisters(database.db, XIANGSHAN);
    const residents = people.committees.filter((c) => c.kind === 'residents' && c.termFrom >= '2021-05-16');
    expect(residents.map((c) => [c.termFrom, c.termTo])).toEqual([
      ['2021-05-16', '2026-05-23'],
      ['2026-05-24', '2031-05-31'],
    ]);
    expect(residents[0]?.members.every((m) => m.to === '2026-05-23')).toBe(true);
    const again = await rejection(
      clerk.democracy.applyElection.mutate({ id: of('committee', '2026-05-24') }),
    );
    expect(again.data?.code).toBe('CONFLICT');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'democracy.election.apply'));
    expect(audit).toHaveLength(2);
  });

  it('makes a resident-group election’s leader the group’s leader in the people register once', async () => {
    const view = await clerk.democracy.community.query({ code: XIANGSHAN });
    const demoGroupElection = view.elections.find((e) => e.residentGroupName === '第一居民小组');
    if (!demoGroupElection) throw new Error('demo election missing');
    await clerk.people.createUnit.mutate({
      kind: 'resident-group',
      unit: { communityCode: XIANGSHAN, name: '第一居民小组', households: 420, leaderName: '组长甲' },
    });
    const leaderOfFirstGroup = async () =>
      (await loadCommunityRegisters(database.db, XIANGSHAN)).residentGroups.find(
        (g) => g.name === '第一居民小组',
      );
    const entries = async () =>
      (await database.db.select().from(auditLog).where(eq(auditLog.entityType, 'people.resident-group')))
        .length;
    const before = await entries();

    // Another community's account may not enter it: refused, nothing written.
    const outside = await rejection(neighbour.democracy.applyElection.mutate({ id: demoGroupElection.id }));
    expect(outside.data?.code).toBe('FORBIDDEN');
    expect((await leaderOfFirstGroup())?.leaderName).toBe('组长甲');
    expect(await entries()).toBe(before);

    const applied = await clerk.democracy.applyElection.mutate({ id: demoGroupElection.id });
    expect(applied?.kind === 'resident-group' && applied.group.leaderName).toBe('何玉兰');
    expect(await leaderOfFirstGroup()).toMatchObject({
      leaderName: '何玉兰',
      leaderTermFrom: '2026-06-20',
      leaderTermTo: '2031-05-31',
    });
    expect(await entries()).toBe(before + 1);

    const again = await rejection(clerk.democracy.applyElection.mutate({ id: demoGroupElection.id }));
    expect(again.data?.code).toBe('CONFLICT');
    expect(await entries()).toBe(before + 1);

    const { version: _version, ...record } = demoGroupElection;
    const unknownGroup = await clerk.democracy.createElection.mutate({
      record: { ...record, id: '', residentGroupName: '第九居民小组', heldOn: '2026-07-05' },
    });
    const unknown = await rejection(
      clerk.democracy.applyElection.mutate({ id: unknownGroup?.saved.id ?? '' }),
    );
    expect(unknown.data?.httpStatus).toBe(400);
    expect(unknown.data?.fieldErrors?.residentGroupName).toEqual([
      '本社区的居民小组中没有「第九居民小组」，请先登记该居民小组或更正选举记录的居民小组名称',
    ]);
    expect(await entries()).toBe(before + 1);
    expect(await unlabelledAudit(database, ['people.resident-group', 'democracy.election'])).toEqual([]);
  });

  it('keeps the deliberation body and its rules, refusing rules older than the body', async () => {
    const body = {
      id: '',
      communityCode: XIANGSHAN,
      name: '象山社区议事协商委员会（第二届）',
      establishedOn: '2026-10-01',
      members: [{ name: '孙居民', sector: 'resident' as const, selection: 'application' as const }],
      rulesAdoptedOn: '2026-09-01',
      rules: '议事规则',
    };
    const refused = await rejection(clerk.democracy.createDeliberationBody.mutate({ record: body }));
    expect(refused.data?.fieldErrors?.['record.rulesAdoptedOn']).toEqual([
      '议事规则制定日期不能早于成立日期',
    ]);
    const saved = await clerk.democracy.createDeliberationBody.mutate({
      record: { ...body, rulesAdoptedOn: '2026-10-15' },
    });
    const view = await clerk.democracy.community.query({ code: XIANGSHAN });
    expect(view.deliberationBodyInForce).toBe(saved?.saved.id);
  });

  it('updates with the version read, refusing a stale one and another community', async () => {
    const view = await clerk.democracy.community.query({ code: XIANGSHAN });
    const d = view.disclosures[0];
    if (!d) throw new Error('demo disclosure missing');
    const { version, ...record } = d;
    const saved = await clerk.democracy.updateDisclosure.mutate({
      record: { ...record, title: `${record.title}（更正）` },
      expectedVersion: version,
    });
    expect(saved?.saved.version).toBe(version + 1);
    const stale = await rejection(
      clerk.democracy.updateDisclosure.mutate({ record, expectedVersion: version }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    const moved = await rejection(
      clerk.democracy.updateDisclosure.mutate({
        record: { ...record, communityCode: SHIHUAJIAN },
        expectedVersion: version + 1,
      }),
    );
    expect(moved.data?.fieldErrors?.['record.communityCode']).toEqual(['不能把记录改到其他社区']);
  });

  it('lets an auditor read but not write, and a neighbour write nothing here', async () => {
    expect((await auditor.democracy.community.query({ code: XIANGSHAN })).meetings.length).toBeGreaterThan(0);
    const denied = await rejection(
      auditor.democracy.createMeeting.mutate({ record: { ...meeting, id: '' } }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
    const outside = await rejection(
      neighbour.democracy.createMeeting.mutate({ record: { ...meeting, id: '' } }),
    );
    expect(outside.data?.code).toBe('FORBIDDEN');
  });
});

describe('GET /public/communities/{code}', () => {
  it('shows the current disclosures and the office contact without sign-in, masking anything personal', async () => {
    await clerk.democracy.createDisclosure.mutate({
      record: {
        id: '',
        communityCode: XIANGSHAN,
        category: 'important',
        title: '临时救助公示',
        body: '申请人 370305198001011234，联系电话 13912345678',
        on: '2026-11-20',
      },
    });
    const response = await app.inject({ method: 'GET', url: `/public/communities/${XIANGSHAN}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const html = response.body;
    expect(html).toContain('象山社区');
    expect(html).toContain('0533-7281234');
    expect(html).toContain('2026年11月重要事项公开');
    expect(html).toContain('3703**********1234');
    expect(html).toContain('139****5678');
    expect(html).not.toContain('370305198001011234');
    expect(html).not.toContain('13912345678');
    expect(html).not.toContain('<script');
  });

  it('answers 404 for a code it does not know or that is not a code', async () => {
    for (const url of ['/public/communities/370305111099', '/public/communities/abc']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
    }
  });

  it('takes an office landline as the contact, refusing a mobile number', async () => {
    const view = await clerk.democracy.community.query({ code: XIANGSHAN });
    const contact = view.contact;
    if (!contact) throw new Error('demo contact missing');
    const { version, ...record } = contact;
    const refused = await rejection(
      clerk.democracy.savePublicContact.mutate({
        record: { ...record, officePhone: '13912345678' },
        expectedVersion: version,
      }),
    );
    expect(refused.data?.fieldErrors?.['record.officePhone']?.[0]).toContain('不能填写个人手机号码');
    const saved = await clerk.democracy.savePublicContact.mutate({
      record: { ...record, hours: '周一至周五 9:00—17:00' },
      expectedVersion: version,
    });
    expect(saved?.version).toBe(version + 1);
  });
});

describe('workbench', () => {
  it('shows a community’s own people its democracy deadlines, overdue or due within 30 days', async () => {
    const mine = await nanjingClerk.workbench.mine.query();
    const kinds = mine.democracy.map((d) => [d.kind, d.dueOn, d.overdue]);
    expect(kinds).toContainEqual(['meeting-notice', '2026-12-08', false]);
    // The meeting's title and its date are told apart, not run together.
    const notice = mine.democracy.find((d) => d.kind === 'meeting-notice');
    expect(notice?.message).toMatch(/^\S+（\d{4}-\d{2}-\d{2}召开）：最迟2026-12-08发布公告$/);
    expect(kinds).toContainEqual(['outcome-disclosure', '2026-11-18', true]);
    // Nothing due more than 30 days ahead: the open task due on 31 December is the furthest.
    expect(mine.democracy.every((d) => d.overdue || d.dueOn <= '2026-12-31')).toBe(true);
    expect((await auditor.workbench.mine.query()).democracy).toEqual([]);
  });

  it('shows a 金山镇 community none of the Jiangsu deadlines, only its own documents’ and the project’s', async () => {
    const mine = await clerk.workbench.mine.query();
    expect(mine.democracy.map((d) => [d.kind, d.dueOn, d.citation.article])).toEqual([
      ['disclosure', '2026-12-31', '第九条（三）'],
    ]);
  });
});
