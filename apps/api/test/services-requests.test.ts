/**
 * The remaining service pieces end to end through the API: windows configured per jurisdiction and
 * cases routed by them, volunteer activities with hours credited, a resident's data exported and
 * erased on request, and the public feedback link's rate limit.
 */
import { auditLog } from '@shequ/db';
import { fictionalIdNumber } from '@shequ/people';
import { EZHOU_WINDOWS } from '@shequ/services';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clerkOfXiangshan, JINSHAN, neighbourOfShihuajian, XIANGSHAN } from './fixture.js';
import { clientFor, monthsLongStory, rejection, useSuiteApp } from './harness.js';

const story = monthsLongStory();
const clock = story.clock;
const suite = useSuiteApp(
  {
    clerk: clerkOfXiangshan,
    neighbour: neighbourOfShihuajian,
    street: { username: 'street', role: 'streetAdmin', jurisdictionCode: JINSHAN },
  },
  { appOptions: { ...story.options, feedbackRateLimit: { max: 3, windowMs: 60_000 } } },
);

const idNumber = fictionalIdNumber('370305', '1950-02-03', 12);

describe('service windows per jurisdiction', () => {
  it('a street configures its windows; its communities route cases by category to them', async () => {
    const before = await suite.street.services.windowSetup.query({ code: JINSHAN });
    expect(before).toMatchObject({ from: null, own: false, mayConfigure: true });
    expect(before.windows.map((w) => w.name)).toEqual(['集中办事服务窗口']);

    const denied = await rejection(
      suite.clerk.services.setWindows.mutate({ code: XIANGSHAN, windows: [...EZHOU_WINDOWS] }),
    );
    expect(denied.data?.httpStatus).toBe(403);
    const unrouted = await rejection(
      suite.street.services.setWindows.mutate({ code: JINSHAN, windows: EZHOU_WINDOWS.slice(0, 3) }),
    );
    expect(unrouted.data?.httpStatus).toBe(400);
    expect(unrouted.data?.fieldErrors?.windows?.[0]).toContain(
      '以下类别没有窗口受理：行政事务代办、投诉、其他',
    );

    await suite.street.services.setWindows.mutate({ code: JINSHAN, windows: [...EZHOU_WINDOWS] });
    const inherited = await suite.clerk.services.windowSetup.query({ code: XIANGSHAN });
    expect(inherited).toMatchObject({ from: JINSHAN, own: false, mayConfigure: false });
    expect(inherited.windows.map((w) => w.name)).toEqual([
      '党建与综治',
      '民生与保障',
      '事务与民俗',
      '代办与其他',
    ]);

    const routed = await suite.clerk.services.open.mutate({
      case: {
        communityCode: XIANGSHAN,
        channel: 'window',
        category: 'marriage-funeral',
        subject: '办理丧葬补贴',
        resident: { name: '王大爷', idNumber },
      },
    });
    expect(routed.window).toBe('affairs-customs');
    const [audit] = await suite.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'services.windows.set'));
    expect(audit?.jurisdictionCode).toBe(JINSHAN);

    await suite.street.services.setWindows.mutate({ code: JINSHAN, windows: null });
    expect((await suite.clerk.services.windowSetup.query({ code: XIANGSHAN })).from).toBeNull();
  });
});

describe('volunteer activities', () => {
  it('signs volunteers up to capacity and credits the hours once, as points and banked time', async () => {
    const a = await suite.clerk.services.addVolunteer.mutate({
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
    const b = await suite.clerk.services.addVolunteer.mutate({
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
      suite.clerk.services.addActivity.mutate({
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

    const activity = await suite.clerk.services.addActivity.mutate({
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
      suite.clerk.services.recordHours.mutate({
        activityId: activity.id,
        volunteerId: a.id,
        hours: { minutes: 90 },
      }),
    );
    expect(early.data?.fieldErrors).toEqual({ 'hours.volunteerId': ['该志愿者没有报名此活动'] });
    await suite.clerk.services.signUp.mutate({ activityId: activity.id, volunteerId: a.id });
    const full = await rejection(
      suite.clerk.services.signUp.mutate({ activityId: activity.id, volunteerId: b.id }),
    );
    expect(full.data?.fieldErrors).toEqual({ 'signUp.volunteerId': ['报名已满（1 人）'] });
    const elsewhere = await rejection(
      suite.neighbour.services.signUp.mutate({ activityId: activity.id, volunteerId: a.id }),
    );
    expect(elsewhere.data?.httpStatus).toBe(403);

    const credited = await suite.clerk.services.recordHours.mutate({
      activityId: activity.id,
      volunteerId: a.id,
      hours: { minutes: 90 },
    });
    expect(credited).toEqual({ minutes: 90, points: 15, balance: 15 });
    const twice = await rejection(
      suite.clerk.services.recordHours.mutate({
        activityId: activity.id,
        volunteerId: a.id,
        hours: { minutes: 30 },
      }),
    );
    expect(twice.data?.fieldErrors).toEqual({ 'hours.minutes': ['该志愿者的服务时长已登记'] });

    const volunteers = await suite.clerk.services.volunteers.query({ code: XIANGSHAN });
    expect(volunteers.find((v) => v.id === a.id)).toMatchObject({ points: 15, bankedMinutes: 90 });
    const [listed] = await suite.clerk.services.activities.query({ code: XIANGSHAN });
    expect(listed?.signUps).toEqual([expect.objectContaining({ name: '周志愿', minutes: 90, points: 15 })]);

    const hours = await suite.street.services.volunteerHours.query({ under: JINSHAN });
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
    const open = await suite.clerk.services.open.mutate({
      case: {
        communityCode: XIANGSHAN,
        channel: 'window',
        category: 'other',
        subject: '开具居住证明',
        resident: { name: '王大爷', idNumber, phone: '13800001111', address: '象山小区3号楼' },
      },
    });
    const exported = await suite.clerk.services.exportResident.mutate({ lookup: { idNumber } });
    expect(exported.cases.map((c) => c.subject).sort()).toEqual(['办理丧葬补贴', '开具居住证明']);
    expect(exported.cases.find((c) => c.id === open.id)?.resident.phone).toBe('13800001111');
    const elsewhere = await suite.neighbour.services.exportResident.mutate({ lookup: { idNumber } });
    expect(elsewhere.cases).toEqual([]);

    const workerErase = await rejection(suite.clerk.services.eraseResident.mutate({ lookup: { idNumber } }));
    expect(workerErase.data?.httpStatus).toBe(403);
    const stillOpen = await rejection(suite.street.services.eraseResident.mutate({ lookup: { idNumber } }));
    expect(stillOpen.data?.httpStatus).toBe(400);
    expect(stillOpen.message).toContain('未办结');
    const noLookup = await rejection(suite.street.services.eraseResident.mutate({ lookup: {} }));
    expect(Object.keys(noLookup.data?.fieldErrors ?? {})).toEqual(['lookup.idNumber']);

    for (const c of exported.cases) {
      await suite.clerk.services.step.mutate({
        id: c.id,
        step: { kind: 'close', result: '已办理', toldOn: '2026-03-02', toldHow: 'phone' },
      });
    }
    expect(await suite.street.services.eraseResident.mutate({ lookup: { idNumber } })).toEqual({
      cases: 2,
      volunteers: 0,
    });
    const kept = await suite.clerk.services.case.query({ id: open.id, full: true });
    expect(kept.case.resident).toEqual({ name: '（已删除）', conditions: [] });
    expect(kept.status).toBe('closed');
    expect((await suite.clerk.services.exportResident.mutate({ lookup: { idNumber } })).cases).toEqual([]);
    const audits = await suite.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'services.resident.erase'));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.after)).not.toContain(idNumber);
  });
});

describe('the public feedback link', () => {
  it('answers 429 in Chinese past the configured limit per address, and again after the window', async () => {
    const resident = clientFor(suite.app, { ip: '198.51.100.7' });
    const token = 'y'.repeat(43);
    for (let i = 0; i < 3; i++) {
      const miss = await rejection(resident.services.feedbackForm.query({ token }));
      expect(miss.data?.httpStatus).toBe(404);
    }
    const limited = await rejection(resident.services.giveFeedback.mutate({ token, score: 5 }));
    expect(limited.data?.httpStatus).toBe(429);
    expect(limited.message).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
    const other = clientFor(suite.app, { ip: '198.51.100.8' });
    expect((await rejection(other.services.feedbackForm.query({ token }))).data?.httpStatus).toBe(404);
    clock.advance(60_000);
    expect((await rejection(resident.services.feedbackForm.query({ token }))).data?.httpStatus).toBe(404);
  });
});
