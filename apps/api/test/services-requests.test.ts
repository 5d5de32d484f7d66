/**
 * The remaining service pieces end to end through the API: windows configured per jurisdiction and
 * cases routed by them, volunteer activities with hours credited, a resident's data exported and
 * erased on request, and the public feedback link's rate limit.
 */
import { auditLog, type DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { fictionalIdNumber } from '@shequ/people';
import { EZHOU_WINDOWS } from '@shequ/services';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, seedFixture, XIANGSHAN } from './fixture.js';
import {
  type Clock,
  clientFor,
  fakeClock,
  insertUser,
  makeApp,
  rejection,
  signedIn,
  type TestClient,
} from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let clock: Clock;
let clerk: TestClient;
let street: TestClient;
let neighbour: TestClient;

const idNumber = fictionalIdNumber('370305', '1950-02-03', 12);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'clerk', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  await insertUser(database, {
    username: 'neighbour',
    role: 'communityWorker',
    jurisdictionCode: SHIHUAJIAN,
  });
  await insertUser(database, { username: 'street', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  clock = fakeClock(new Date('2026-03-02T02:00:00Z'));
  app = await makeApp(database, {
    now: clock.now,
    sessionTtlMs: 365 * 86_400_000,
    sessionIdleMs: 365 * 86_400_000,
    feedbackRateLimit: { max: 3, windowMs: 60_000 },
  });
  clerk = await signedIn(app, 'clerk');
  street = await signedIn(app, 'street');
  neighbour = await signedIn(app, 'neighbour');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('service windows per jurisdiction', () => {
  it('a street configures its windows; its communities route cases by category to them', async () => {
    const before = await street.services.windowSetup.query({ code: JINSHAN });
    expect(before).toMatchObject({ from: null, own: false, mayConfigure: true });
    expect(before.windows.map((w) => w.name)).toEqual(['集中办事服务窗口']);

    const denied = await rejection(
      clerk.services.setWindows.mutate({ code: XIANGSHAN, windows: [...EZHOU_WINDOWS] }),
    );
    expect(denied.data?.httpStatus).toBe(403);
    const unrouted = await rejection(
      street.services.setWindows.mutate({ code: JINSHAN, windows: EZHOU_WINDOWS.slice(0, 3) }),
    );
    expect(unrouted.data?.httpStatus).toBe(400);
    expect(unrouted.data?.fieldErrors?.windows?.[0]).toContain(
      '以下类别没有窗口受理：行政事务代办、投诉、其他',
    );

    await street.services.setWindows.mutate({ code: JINSHAN, windows: [...EZHOU_WINDOWS] });
    const inherited = await clerk.services.windowSetup.query({ code: XIANGSHAN });
    expect(inherited).toMatchObject({ from: JINSHAN, own: false, mayConfigure: false });
    expect(inherited.windows.map((w) => w.name)).toEqual([
      '党建与综治',
      '民生与保障',
      '事务与民俗',
      '代办与其他',
    ]);

    const routed = await clerk.services.open.mutate({
      case: {
        communityCode: XIANGSHAN,
        channel: 'window',
        category: 'marriage-funeral',
        subject: '办理丧葬补贴',
        resident: { name: '王大爷', idNumber },
      },
    });
    expect(routed.window).toBe('affairs-customs');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'services.windows.set'));
    expect(audit?.jurisdictionCode).toBe(JINSHAN);

    await street.services.setWindows.mutate({ code: JINSHAN, windows: null });
    expect((await clerk.services.windowSetup.query({ code: XIANGSHAN })).from).toBeNull();
  });
});

describe('volunteer activities', () => {
  it('signs volunteers up to capacity and credits the hours once, as points and banked time', async () => {
    const a = await clerk.services.addVolunteer.mutate({
      volunteer: {
        communityCode: XIANGSHAN,
        name: '周志愿',
        sex: 'female',
        birthDate: '1962-04-05',
        wishes: '助老',
        availableTime: '周末',
        health: 'good',
      },
    });
    const b = await clerk.services.addVolunteer.mutate({
      volunteer: {
        communityCode: XIANGSHAN,
        name: '吴志愿',
        sex: 'male',
        birthDate: '1970-01-01',
        wishes: '环保',
        availableTime: '晚上',
        health: 'good',
      },
    });
    const bad = await rejection(
      clerk.services.addActivity.mutate({
        activity: {
          communityCode: XIANGSHAN,
          title: '',
          on: '2026-03-02',
          place: '活动室',
          capacity: 0,
          pointsPerHour: 10,
        },
      }),
    );
    expect(Object.keys(bad.data?.fieldErrors ?? {}).sort()).toEqual(['activity.capacity', 'activity.title']);

    const activity = await clerk.services.addActivity.mutate({
      activity: {
        communityCode: XIANGSHAN,
        title: '助老理发',
        on: '2026-03-02',
        place: '社区活动室',
        capacity: 1,
        pointsPerHour: 10,
      },
    });
    const early = await rejection(
      clerk.services.recordHours.mutate({
        activityId: activity.id,
        volunteerId: a.id,
        hours: { minutes: 90 },
      }),
    );
    expect(early.data?.fieldErrors).toEqual({ 'hours.volunteerId': ['该志愿者没有报名此活动'] });
    await clerk.services.signUp.mutate({ activityId: activity.id, volunteerId: a.id });
    const full = await rejection(
      clerk.services.signUp.mutate({ activityId: activity.id, volunteerId: b.id }),
    );
    expect(full.data?.fieldErrors).toEqual({ 'signUp.volunteerId': ['报名已满（1 人）'] });
    const elsewhere = await rejection(
      neighbour.services.signUp.mutate({ activityId: activity.id, volunteerId: a.id }),
    );
    expect(elsewhere.data?.httpStatus).toBe(403);

    const credited = await clerk.services.recordHours.mutate({
      activityId: activity.id,
      volunteerId: a.id,
      hours: { minutes: 90 },
    });
    expect(credited).toEqual({ minutes: 90, points: 15, balance: 15 });
    const twice = await rejection(
      clerk.services.recordHours.mutate({
        activityId: activity.id,
        volunteerId: a.id,
        hours: { minutes: 30 },
      }),
    );
    expect(twice.data?.fieldErrors).toEqual({ 'hours.minutes': ['该志愿者的服务时长已登记'] });

    const volunteers = await clerk.services.volunteers.query({ code: XIANGSHAN });
    expect(volunteers.find((v) => v.id === a.id)).toMatchObject({ points: 15, bankedMinutes: 90 });
    const [listed] = await clerk.services.activities.query({ code: XIANGSHAN });
    expect(listed?.signUps).toEqual([expect.objectContaining({ name: '周志愿', minutes: 90, points: 15 })]);

    const hours = await street.services.volunteerHours.query({ under: JINSHAN });
    expect(hours.communities.find((c) => c.code === XIANGSHAN)).toMatchObject({
      volunteers: 2,
      bankedMinutes: 90,
      activities: 1,
      activityMinutes: 90,
    });
  });
});

describe("a resident's personal data on request", () => {
  it('exports in full (audited) and erases only when no case is open, keeping the records anonymised', async () => {
    const open = await clerk.services.open.mutate({
      case: {
        communityCode: XIANGSHAN,
        channel: 'window',
        category: 'other',
        subject: '开具居住证明',
        resident: { name: '王大爷', idNumber, phone: '13800001111', address: '象山小区3号楼' },
      },
    });
    const exported = await clerk.services.exportResident.mutate({ lookup: { idNumber } });
    expect(exported.cases.map((c) => c.subject).sort()).toEqual(['办理丧葬补贴', '开具居住证明']);
    expect(exported.cases.find((c) => c.id === open.id)?.resident.phone).toBe('13800001111');
    const elsewhere = await neighbour.services.exportResident.mutate({ lookup: { idNumber } });
    expect(elsewhere.cases).toEqual([]);

    const workerErase = await rejection(clerk.services.eraseResident.mutate({ lookup: { idNumber } }));
    expect(workerErase.data?.httpStatus).toBe(403);
    const stillOpen = await rejection(street.services.eraseResident.mutate({ lookup: { idNumber } }));
    expect(stillOpen.data?.httpStatus).toBe(400);
    expect(stillOpen.message).toContain('未办结');
    const noLookup = await rejection(street.services.eraseResident.mutate({ lookup: {} }));
    expect(Object.keys(noLookup.data?.fieldErrors ?? {})).toEqual(['lookup.idNumber']);

    for (const c of exported.cases) {
      await clerk.services.step.mutate({
        id: c.id,
        step: { kind: 'close', result: '已办理', toldOn: '2026-03-02', toldHow: 'phone' },
      });
    }
    expect(await street.services.eraseResident.mutate({ lookup: { idNumber } })).toEqual({
      cases: 2,
      volunteers: 0,
    });
    const kept = await clerk.services.case.query({ id: open.id, full: true });
    expect(kept.case.resident).toEqual({ name: '（已删除）', conditions: [] });
    expect(kept.status).toBe('closed');
    expect((await clerk.services.exportResident.mutate({ lookup: { idNumber } })).cases).toEqual([]);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'services.resident.erase'));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.after)).not.toContain(idNumber);
  });
});

describe('the public feedback link', () => {
  it('answers 429 in Chinese past the configured limit per address, and again after the window', async () => {
    const resident = clientFor(app, { ip: '198.51.100.7' });
    const token = 'y'.repeat(43);
    for (let i = 0; i < 3; i++) {
      const miss = await rejection(resident.services.feedbackForm.query({ token }));
      expect(miss.data?.httpStatus).toBe(404);
    }
    const limited = await rejection(resident.services.giveFeedback.mutate({ token, score: 5 }));
    expect(limited.data?.httpStatus).toBe(429);
    expect(limited.message).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
    const other = clientFor(app, { ip: '198.51.100.8' });
    expect((await rejection(other.services.feedbackForm.query({ token }))).data?.httpStatus).toBe(404);
    clock.advance(60_000);
    expect((await rejection(resident.services.feedbackForm.query({ token }))).data?.httpStatus).toBe(404);
  });
});
