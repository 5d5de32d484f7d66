import { auditLog, type DatabaseHandle, serviceCases, storedSnapshot } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { fictionalIdNumber } from '@shequ/people';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, seedFixture, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import {
  type Clock,
  clientFor,
  insertUser,
  makeApp,
  monthsLongStory,
  rejection,
  signedIn,
  type TestClient,
} from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let clock: Clock;
let clerk: TestClient;
let colleague: TestClient;
let colleagueId: string;
let neighbour: TestClient;
let street: TestClient;
let auditor: TestClient;

const idNumber = fictionalIdNumber('370305', '1948-05-06', 31);
const draft = (overrides: Record<string, unknown> = {}) => ({
  communityCode: XIANGSHAN,
  channel: 'window' as const,
  category: 'assistance-welfare' as const,
  subject: '申请高龄津贴',
  resident: { name: '刘奶奶', idNumber, phone: '13912345678', conditions: ['elderly' as const] },
  ...overrides,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'clerk', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  colleagueId = await insertUser(database, {
    username: 'colleague',
    role: 'communityWorker',
    jurisdictionCode: XIANGSHAN,
  });
  await insertUser(database, {
    username: 'neighbour',
    role: 'communityWorker',
    jurisdictionCode: SHIHUAJIAN,
  });
  await insertUser(database, { username: 'street', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  await insertUser(database, { username: 'auditor', role: 'auditor', jurisdictionCode: JINSHAN });
  const story = monthsLongStory();
  clock = story.clock;
  app = await makeApp(database, story.options);
  clerk = await signedIn(app, 'clerk');
  colleague = await signedIn(app, 'colleague');
  neighbour = await signedIn(app, 'neighbour');
  street = await signedIn(app, 'street');
  auditor = await signedIn(app, 'auditor');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('service cases', () => {
  it('receives a case with the clerk as first responder, masked, audited; a priority resident first', async () => {
    const ordinary = await clerk.services.open.mutate({
      case: draft({ subject: '开具居住证明', category: 'other', resident: { name: '张先生' } }),
    });
    const created = await clerk.services.open.mutate({ case: draft() });
    expect(created.firstResponder.name).toBe('clerk');
    expect(created.resident.idNumber).toBe(`3703**********${idNumber.slice(-4)}`);
    expect(created.resident.phone).toBe('139****5678');
    expect(created.promisedOn).toBe('2026-03-04');
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'services.case.open'), eq(auditLog.entityId, created.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.after)).not.toContain(idNumber);
    const shown = await clerk.audit.list.query({ entityType: 'services.case', entityId: created.id });
    expect(shown.items.map((r) => r.entityName)).toEqual([created.subject]);
    const list = await clerk.services.cases.query({});
    expect(list.items.map((c) => c.id)).toEqual([created.id, ordinary.id]);
    expect(list.open).toBe(2);
    // A list row is what the lists show: the resident by name only, none of their numbers, no steps.
    expect(list.items[0]).toEqual({
      id: created.id,
      communityCode: XIANGSHAN,
      subject: '申请高龄津贴',
      category: 'assistance-welfare',
      channel: 'window',
      priority: true,
      promisedOn: '2026-03-04',
      status: 'open',
      closedOn: null,
      resident: { name: '刘奶奶' },
      firstResponder: created.firstResponder,
      handler: created.firstResponder,
      overdue: false,
    });
    for (const number of [idNumber, '3703**', '13912345678', '139****'])
      expect(JSON.stringify(list)).not.toContain(number);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = await database.db.select().from(serviceCases);
    const error = await rejection(
      clerk.services.open.mutate({
        case: draft({
          resident: {
            name: '刘奶奶',
            idNumber: `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`,
          },
        }),
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data?.fieldErrors ?? {})).toEqual(['case.resident.idNumber']);
    const hotline = await rejection(clerk.services.open.mutate({ case: draft({ channel: 'hotline' }) }));
    expect(Object.keys(hotline.data?.fieldErrors ?? {})).toEqual(['case.hotlineTicket']);
    expect(await database.db.select().from(serviceCases)).toHaveLength(before.length);
  });

  it('keeps cases inside their jurisdiction and the auditor read-only', async () => {
    const [one] = (await clerk.services.cases.query({})).items;
    expect((await rejection(neighbour.services.case.query({ id: one?.id ?? '' }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(neighbour.services.cases.query({ under: XIANGSHAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(auditor.services.open.mutate({ case: draft() }))).data?.code).toBe('FORBIDDEN');
    const full = await rejection(auditor.services.case.query({ id: one?.id ?? '', full: true }));
    expect(full.data?.code).toBe('FORBIDDEN');
  });

  it('shows the full numbers only on request, and audits the view', async () => {
    const [first] = (await clerk.services.cases.query({})).items;
    const page = await clerk.services.case.query({ id: first?.id ?? '', full: true });
    expect(page.case.resident.idNumber).toBe(idNumber);
    const views = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'services.case.viewFull'), eq(auditLog.entityId, first?.id ?? '')));
    expect(views).toHaveLength(1);
  });

  it('transfers with a reason: the colleague works on it, the clerk stays responsible; both see it as their own', async () => {
    const [first] = (await clerk.services.cases.query({})).items;
    const id = first?.id ?? '';
    const noReason = await rejection(
      clerk.services.step.mutate({ id, step: { kind: 'transfer', toUserId: colleagueId, reason: '' } }),
    );
    expect(Object.keys(noReason.data?.fieldErrors ?? {})).toEqual(['step.reason']);
    await clerk.services.step.mutate({
      id,
      step: { kind: 'transfer', toUserId: colleagueId, reason: '属民政专干职责' },
    });
    const page = await clerk.services.case.query({ id });
    expect(page.handler.userId).toBe(colleagueId);
    expect(page.case.firstResponder.name).toBe('clerk');
    expect(page.case.steps.map((s) => s.kind)).toEqual(['intake', 'transfer']);
    expect((await colleague.services.cases.query({ mine: true })).items.map((c) => c.id)).toEqual([id]);
    expect((await clerk.services.cases.query({ mine: true })).items.map((c) => c.id)).toContain(id);
  });

  it('counts overdue cases for the community and the street', async () => {
    clock.advance(3 * 86_400_000);
    const list = await street.services.cases.query({ under: JINSHAN });
    expect(list.open).toBe(2);
    expect(list.overdue).toBe(1);
    expect(list.items.find((c) => c.overdue)?.subject).toBe('申请高龄津贴');
    expect(list.communities.find((c) => c.code === XIANGSHAN)).toMatchObject({ open: 2, overdue: 1 });
    expect(list.communities.find((c) => c.code === SHIHUAJIAN)).toMatchObject({ open: 0, overdue: 0 });
    expect((await clerk.services.cases.query({ overdueOnly: true })).items).toHaveLength(1);
  });

  it('closes a complaint only with the result and the resident told; the snapshot counts it; the feedback link works once', async () => {
    const complaint = await clerk.services.open.mutate({
      case: draft({ category: 'complaint', subject: '投诉楼道照明长期未修', resident: { name: '赵先生' } }),
    });
    const untold = await rejection(
      clerk.services.step.mutate({
        id: complaint.id,
        step: { kind: 'close', result: '已维修', toldOn: '', toldHow: 'phone' } as never,
      }),
    );
    expect(Object.keys(untold.data?.fieldErrors ?? {})).toContain('step.toldOn');
    const early = await rejection(
      clerk.services.step.mutate({
        id: complaint.id,
        step: { kind: 'close', result: '已维修', toldOn: '2026-03-01', toldHow: 'phone' },
      }),
    );
    expect(early.data?.fieldErrors).toEqual({ 'step.toldOn': ['告知日期应在受理日与今天之间'] });
    const closed = await clerk.services.step.mutate({
      id: complaint.id,
      step: { kind: 'close', result: '已维修', toldOn: '2026-03-05', toldHow: 'phone' },
    });
    expect(closed.status).toBe('closed');
    const token = closed.feedbackToken ?? '';
    expect(token).toHaveLength(43);
    const after = await rejection(
      clerk.services.step.mutate({ id: complaint.id, step: { kind: 'note', text: '补记' } }),
    );
    expect(after.data?.code).toBe('BAD_REQUEST');

    const stored = await storedSnapshot(database.db, XIANGSHAN, '2026-03-31');
    expect(stored?.snapshot.complaints).toEqual({ handled: 1, outcomeTold: 1 });
    expect(stored?.fromRegister).toEqual(
      expect.arrayContaining(['complaints.handled', 'complaints.outcomeTold']),
    );

    const resident = clientFor(app);
    const form = await resident.services.feedbackForm.query({ token });
    expect(form).toEqual({
      subject: '投诉楼道照明长期未修',
      communityName: '象山社区居委会',
      answered: false,
    });
    const badScore = await rejection(resident.services.giveFeedback.mutate({ token, score: 6 }));
    expect(Object.keys(badScore.data?.fieldErrors ?? {})).toEqual(['score']);
    await resident.services.giveFeedback.mutate({ token, score: 4, comment: '修得及时' });
    const again = await rejection(resident.services.giveFeedback.mutate({ token, score: 1 }));
    expect(again.data?.code).toBe('CONFLICT');
    const wrong = await rejection(resident.services.feedbackForm.query({ token: 'x'.repeat(43) }));
    expect(wrong.data?.code).toBe('NOT_FOUND');
    const trend = await street.services.satisfaction.query({ under: JINSHAN });
    expect(trend.months.at(-1)).toEqual({ month: '2026-03', responses: 1, scoreSum: 4, satisfied: 1 });
  });
});

describe('visits', () => {
  it('registers a lonely elderly resident and a family dispute, logs a visit, and shows who is due and not visited', async () => {
    const today = clock.now();
    const on = (daysAgo: number) =>
      new Date(today.getTime() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const elderly = await clerk.services.addVisitTarget.mutate({
      target: { communityCode: XIANGSHAN, kind: 'lonely-elderly', name: '孙奶奶', since: on(40) },
    });
    const dispute = await clerk.services.addVisitTarget.mutate({
      target: { communityCode: XIANGSHAN, kind: 'family-dispute', name: '7号楼家庭纠纷', since: on(3) },
    });
    let coverage = await clerk.services.visits.query({ code: XIANGSHAN });
    expect(coverage.overdue).toBe(2);
    expect(coverage.items.map((i) => i.target.id).sort()).toEqual([elderly.id, dispute.id].sort());

    const future = await rejection(
      clerk.services.logVisit.mutate({ targetId: elderly.id, on: on(-1), summary: '上门' }),
    );
    expect(Object.keys(future.data?.fieldErrors ?? {})).toEqual(['on']);
    const empty = await rejection(
      clerk.services.logVisit.mutate({ targetId: elderly.id, on: on(0), summary: '' }),
    );
    expect(Object.keys(empty.data?.fieldErrors ?? {})).toEqual(['summary']);
    await clerk.services.logVisit.mutate({ targetId: elderly.id, on: on(0), summary: '上门看望，身体尚好' });
    coverage = await clerk.services.visits.query({ code: XIANGSHAN });
    expect(coverage.overdue).toBe(1);
    expect(coverage.items[0]?.target.id).toBe(dispute.id);
    expect(coverage.items.find((i) => i.target.id === elderly.id)?.status).toBe('due');

    const bad = await rejection(
      clerk.services.addVisitTarget.mutate({
        target: { communityCode: XIANGSHAN, kind: 'poor-family', name: '王家', since: on(5), until: on(9) },
      }),
    );
    expect(Object.keys(bad.data?.fieldErrors ?? {})).toEqual(['target.until']);
    expect((await rejection(neighbour.services.visits.query({ code: XIANGSHAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await rejection(
          neighbour.services.logVisit.mutate({ targetId: dispute.id, on: on(0), summary: '越权' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
  });

  it('counts each community of the street on the register, visited and not visited, in the street only', async () => {
    const { communities } = await street.services.visitCoverage.query({ under: JINSHAN });
    expect(communities.every((c) => c.code.startsWith(JINSHAN))).toBe(true);
    expect(communities.map((c) => c.code)).not.toContain(WEIHAI_COMMUNITY);
    expect(communities.find((c) => c.code === XIANGSHAN)).toMatchObject({
      onRegister: 2,
      visited: 1,
      overdue: 1,
    });
    expect(communities.find((c) => c.code === SHIHUAJIAN)).toMatchObject({
      onRegister: 0,
      visited: 0,
      overdue: 0,
    });
    const own = await neighbour.services.visitCoverage.query({});
    expect(own.communities.map((c) => c.code)).toEqual([SHIHUAJIAN]);
    for (const asked of [
      neighbour.services.visitCoverage.query({ under: JINSHAN }),
      neighbour.services.visitCoverage.query({ under: XIANGSHAN }),
      street.services.visitCoverage.query({ under: WEIHAI_COMMUNITY }),
    ]) {
      expect((await rejection(asked)).data?.code).toBe('FORBIDDEN');
    }
  });

  it("puts the community's households and events due and not visited on its workers' workbench only", async () => {
    const mine = await clerk.workbench.mine.query();
    expect(mine.visits?.total).toBe(1);
    expect(mine.visits?.items.map((v) => [v.name, v.kindLabel])).toEqual([['7号楼家庭纠纷', '家庭纠纷']]);
    expect((await colleague.workbench.mine.query()).visits?.items.map((v) => v.name)).toEqual([
      '7号楼家庭纠纷',
    ]);
    expect((await neighbour.workbench.mine.query()).visits).toEqual({ total: 0, items: [] });
    expect((await street.workbench.mine.query()).visits).toBeNull();
  });
});

describe('volunteers and points', () => {
  it('registers a volunteer with Ezhou 第三十二条’s fields, earns and redeems points, and refuses going below zero', async () => {
    const missing = await rejection(
      clerk.services.addVolunteer.mutate({
        volunteer: {
          communityCode: XIANGSHAN,
          name: '周阿姨',
          sex: 'female',
          birthDate: '1962-04-05',
        } as never,
      }),
    );
    expect(Object.keys(missing.data?.fieldErrors ?? {}).sort()).toEqual([
      'volunteer.availableTime',
      'volunteer.health',
      'volunteer.wishes',
    ]);
    const { id } = await clerk.services.addVolunteer.mutate({
      volunteer: {
        communityCode: XIANGSHAN,
        name: '周阿姨',
        sex: 'female',
        birthDate: '1962-04-05',
        wishes: '助老陪伴',
        availableTime: '周末上午',
        skills: ['理发'],
        health: 'good',
      },
    });
    const earned = await clerk.services.points.mutate({
      volunteerId: id,
      entry: { kind: 'earn', points: 20, minutes: 120, reason: '助老理发', on: '2026-03-02' },
    });
    expect(earned.balance).toBe(20);
    const tooMuch = await rejection(
      clerk.services.points.mutate({
        volunteerId: id,
        entry: { kind: 'redeem', points: 25, reason: '兑换米面', on: '2026-03-02' },
      }),
    );
    expect(tooMuch.data?.fieldErrors).toEqual({ 'entry.points': ['积分不足：现有 20 分，兑换 25 分'] });
    const [volunteer] = await clerk.services.volunteers.query({ code: XIANGSHAN });
    expect(volunteer).toMatchObject({ name: '周阿姨', points: 20, bankedMinutes: 120, wishes: '助老陪伴' });
    expect(
      (
        await rejection(
          neighbour.services.points.mutate({
            volunteerId: id,
            entry: { kind: 'redeem', points: 1, reason: '越权', on: '2026-03-02' },
          }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
  });

  it('sums volunteer hours per community of the street, this year, and a worker sees only their own', async () => {
    const { communities } = await street.services.volunteerHours.query({ under: JINSHAN });
    expect(communities.every((c) => c.code.startsWith(JINSHAN))).toBe(true);
    expect(communities.find((c) => c.code === XIANGSHAN)).toMatchObject({
      volunteers: 1,
      bankedMinutes: 120,
    });
    expect(communities.find((c) => c.code === SHIHUAJIAN)).toMatchObject({ volunteers: 0, bankedMinutes: 0 });
    const own = await neighbour.services.volunteerHours.query({});
    expect(own.communities).toEqual([expect.objectContaining({ code: SHIHUAJIAN, bankedMinutes: 0 })]);
    expect((await clerk.services.volunteerHours.query({})).communities).toEqual([
      expect.objectContaining({ code: XIANGSHAN, volunteers: 1, bankedMinutes: 120 }),
    ]);
    for (const asked of [
      neighbour.services.volunteerHours.query({ under: JINSHAN }),
      neighbour.services.volunteerHours.query({ under: XIANGSHAN }),
      street.services.volunteerHours.query({ under: WEIHAI_COMMUNITY }),
    ]) {
      expect((await rejection(asked)).data?.code).toBe('FORBIDDEN');
    }
  });
});
