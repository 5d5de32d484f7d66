import { auditLog, democracyRecords, seedDemocracyRegisters } from '@shequ/db';
import { demoDemocracyRegisters, demoPublicContacts } from '@shequ/democracy';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, XIANGSHAN } from './fixture.js';
import { fakeClock, rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    clerk: { username: 'clerk', role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    neighbour: {
      username: 'neighbour',
      role: 'communityWorker',
      jurisdictionCode: SHIHUAJIAN,
    },
    auditor: { username: 'auditor', role: 'auditor', jurisdictionCode: JINSHAN },
  },
  {
    seed: (database) =>
      seedDemocracyRegisters(database, demoDemocracyRegisters(), undefined, demoPublicContacts()),
    // Today is 2026-12-01 in China.
    appOptions: { now: fakeClock(new Date('2026-12-01T02:00:00Z')).now },
  },
);

const meeting = {
  communityCode: XIANGSHAN,
  kind: 'residents-meeting' as const,
  title: '年终居民会议',
  noticeOn: '2026-12-10',
  heldOn: '2026-12-15',
  agenda: ['述职述廉述法'],
  decisions: [],
};

const recordsOf = async (kind: 'meeting' | 'disclosure' | 'charter') =>
  (
    await server.database.db
      .select()
      .from(democracyRecords)
      .where(and(eq(democracyRecords.communityCode, XIANGSHAN), eq(democracyRecords.kind, kind)))
  ).length;

describe('democracy overview', () => {
  it('lists a community’s records with what is due and the warnings', async () => {
    const view = await server.clerk.democracy.community.query({ code: XIANGSHAN });
    expect(view.asOf).toBe('2026-12-01');
    expect(view.meetings.length).toBe(18);
    expect(view.deadlines.map((d) => [d.kind, d.dueOn, d.overdue])).toContainEqual([
      'meeting-notice',
      '2026-12-08',
      false,
    ]);
    expect(view.deadlines.find((d) => d.kind === 'outcome-disclosure')?.overdue).toBe(true);
    expect(view.burden).toMatchObject({ districtMeetingsPerYear: 2, streetOtherMeetingsMaxPerMonth: 2 });
    const january = view.meetings.find((m) => m.heldOn === '2026-01-20');
    expect(january?.quorum).toEqual({ quorate: true, passed: [true] });
  });

  it('is refused outside the jurisdiction', async () => {
    const error = await rejection(server.neighbour.democracy.community.query({ code: XIANGSHAN }));
    expect(error.data?.code).toBe('FORBIDDEN');
  });
});

describe('democracy writes', () => {
  it('schedules a meeting with a short notice, warning and auditing it', async () => {
    const result = await server.clerk.democracy.createMeeting.mutate({
      record: { ...meeting, id: 'ignored' },
    });
    expect(result?.warnings).toEqual(['居民会议仅提前5日公告，一般应提前10日（最迟2026-12-05）']);
    expect(result?.saved.id).not.toBe('ignored');
    const audit = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, result?.saved.id ?? ''));
    expect(audit.map((a) => a.action)).toEqual(['democracy.meeting.create']);
  });

  it('refuses a notice after the meeting and votes that do not add up, naming the field, writing nothing', async () => {
    const before = await recordsOf('meeting');
    const late = await rejection(
      server.clerk.democracy.createMeeting.mutate({ record: { ...meeting, id: '', noticeOn: '2026-12-16' } }),
    );
    expect(late.data?.httpStatus).toBe(400);
    expect(late.data?.fieldErrors?.['record.noticeOn']).toEqual(['公告日期不能晚于会议日期']);
    const votes = await rejection(
      server.clerk.democracy.createMeeting.mutate({
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
      server.clerk.democracy.createDisclosure.mutate({
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
      server.clerk.democracy.createCharter.mutate({
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

  it('refuses a supervision member elected without more than half of the votes cast', async () => {
    const refused = await rejection(
      server.clerk.democracy.createElection.mutate({
        record: {
          id: '',
          communityCode: XIANGSHAN,
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
    expect(refused.data?.fieldErrors?.['record.candidates.0.elected']).toEqual([
      '得票未超过参加投票居民的半数，不能当选',
    ]);
  });

  it('updates with the version read, refusing a stale one and another community', async () => {
    const view = await server.clerk.democracy.community.query({ code: XIANGSHAN });
    const d = view.disclosures[0];
    if (!d) throw new Error('demo disclosure missing');
    const { version, ...record } = d;
    const saved = await server.clerk.democracy.updateDisclosure.mutate({
      record: { ...record, title: `${record.title}（更正）` },
      expectedVersion: version,
    });
    expect(saved?.saved.version).toBe(version + 1);
    const stale = await rejection(
      server.clerk.democracy.updateDisclosure.mutate({ record, expectedVersion: version }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    const moved = await rejection(
      server.clerk.democracy.updateDisclosure.mutate({
        record: { ...record, communityCode: SHIHUAJIAN },
        expectedVersion: version + 1,
      }),
    );
    expect(moved.data?.fieldErrors?.['record.communityCode']).toEqual(['不能把记录改到其他社区']);
  });

  it('lets an auditor read but not write, and a neighbour write nothing here', async () => {
    expect(
      (await server.auditor.democracy.community.query({ code: XIANGSHAN })).meetings.length,
    ).toBeGreaterThan(0);
    const denied = await rejection(
      server.auditor.democracy.createMeeting.mutate({ record: { ...meeting, id: '' } }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
    const outside = await rejection(
      server.neighbour.democracy.createMeeting.mutate({ record: { ...meeting, id: '' } }),
    );
    expect(outside.data?.code).toBe('FORBIDDEN');
  });
});

describe('GET /public/communities/{code}', () => {
  it('shows the current disclosures and the office contact without sign-in, masking anything personal', async () => {
    await server.clerk.democracy.createDisclosure.mutate({
      record: {
        id: '',
        communityCode: XIANGSHAN,
        category: 'important',
        title: '临时救助公示',
        body: '申请人 370305198001011234，联系电话 13912345678',
        on: '2026-11-20',
      },
    });
    const response = await server.app.inject({ method: 'GET', url: `/public/communities/${XIANGSHAN}` });
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
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
    }
  });

  it('takes an office landline as the contact, refusing a mobile number', async () => {
    const view = await server.clerk.democracy.community.query({ code: XIANGSHAN });
    const contact = view.contact;
    if (!contact) throw new Error('demo contact missing');
    const { version, ...record } = contact;
    const refused = await rejection(
      server.clerk.democracy.savePublicContact.mutate({
        record: { ...record, officePhone: '13912345678' },
        expectedVersion: version,
      }),
    );
    expect(refused.data?.fieldErrors?.['record.officePhone']?.[0]).toContain('不能填写个人手机号码');
    const saved = await server.clerk.democracy.savePublicContact.mutate({
      record: { ...record, hours: '周一至周五 9:00—17:00' },
      expectedVersion: version,
    });
    expect(saved?.version).toBe(version + 1);
  });
});

describe('workbench', () => {
  it('shows a community’s own people its democracy deadlines, overdue or due within 30 days', async () => {
    const mine = await server.clerk.workbench.mine.query();
    const kinds = mine.democracy.map((d) => [d.kind, d.dueOn, d.overdue]);
    expect(kinds).toContainEqual(['meeting-notice', '2026-12-08', false]);
    expect(kinds).toContainEqual(['outcome-disclosure', '2026-11-18', true]);
    // Nothing due more than 30 days ahead: the open task due on 31 December is the furthest.
    expect(mine.democracy.every((d) => d.overdue || d.dueOn <= '2026-12-31')).toBe(true);
    expect((await server.auditor.workbench.mine.query()).democracy).toEqual([]);
  });
});
