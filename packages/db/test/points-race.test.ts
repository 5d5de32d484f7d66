import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  insertActivity,
  insertVolunteer,
  recordActivityHours,
  recordPoints,
  ServicesError,
  serviceActivitySignUps,
  servicePointsLedger,
  serviceVolunteers,
  signUpForActivity,
  XIANGSHAN,
} from '../src/index.js';
import { insertTestCommunity } from '../src/testing.js';
import { testDatabaseForTheseTests } from './test-database.js';

const who = { actor: null, ip: null, at: new Date('2026-03-02T09:00:00+08:00') };

describe('welfare points under concurrent redemptions', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
    await insertVolunteer(
      database.db,
      {
        id: 'v-1',
        communityCode: XIANGSHAN,
        name: '周志愿',
        sex: 'female',
        birthDate: '1962-04-05',
        wishes: '助老陪伴',
        availableTime: '周末上午',
        skills: ['理发'],
        health: 'good',
      },
      who,
    );
    await recordPoints(
      database.db,
      'v-1',
      { kind: 'earn', points: 100, minutes: 240, reason: '助老理发四小时', on: '2026-03-01' },
      who,
    );
  });

  it('lets ten redemptions of 30 race for 100 points: three pass, the balance stays at 10, never negative', async () => {
    const redeem = () =>
      recordPoints(
        database.db,
        'v-1',
        { kind: 'redeem', points: 30, minutes: 0, reason: '兑换生活用品', on: '2026-03-02' },
        who,
      );
    const results = await Promise.allSettled(Array.from({ length: 10 }, redeem));
    const passed = results.filter((r) => r.status === 'fulfilled');
    expect(passed).toHaveLength(3);
    for (const r of results)
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(ServicesError);
        expect((r.reason as ServicesError).issues[0]?.path).toBe('points');
      }
    const [volunteer] = await database.db
      .select()
      .from(serviceVolunteers)
      .where(eq(serviceVolunteers.id, 'v-1'));
    expect(volunteer?.points).toBe(10);
    expect(volunteer?.bankedMinutes).toBe(240);
    const ledger = await database.db
      .select()
      .from(servicePointsLedger)
      .where(eq(servicePointsLedger.volunteerId, 'v-1'));
    expect(ledger.filter((e) => e.kind === 'redeem')).toHaveLength(3);
    expect(Math.min(...ledger.map((e) => e.balance))).toBe(10);
  });

  it("credits an activity's hours once while redemptions race against it: the ledger never dips below zero", async () => {
    // v-1 holds 10 points; the activity's 120 minutes at 15 an hour credit 30 more.
    await insertActivity(
      database.db,
      {
        id: 'act-1',
        communityCode: XIANGSHAN,
        title: '楼道清洁',
        on: '2026-03-02',
        place: '象山小区',
        capacity: 5,
        pointsPerHour: 15,
      },
      who,
    );
    const signUps = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        signUpForActivity(database.db, { activityId: 'act-1', volunteerId: 'v-1', today: '2026-03-02' }, who),
      ),
    );
    expect(signUps.filter((r) => r.status === 'fulfilled')).toHaveLength(1);

    const credit = () =>
      recordActivityHours(
        database.db,
        { activityId: 'act-1', volunteerId: 'v-1', hours: { minutes: 120 }, today: '2026-03-02' },
        who,
      );
    const redeem = () =>
      recordPoints(
        database.db,
        'v-1',
        { kind: 'redeem', points: 15, minutes: 0, reason: '兑换理发券', on: '2026-03-02' },
        who,
      );
    const results = await Promise.allSettled([
      credit(),
      redeem(),
      credit(),
      redeem(),
      credit(),
      redeem(),
      redeem(),
    ]);
    const credits = [0, 2, 4].map((i) => results[i]);
    expect(credits.filter((r) => r?.status === 'fulfilled')).toHaveLength(1);
    const redeemed = [1, 3, 5, 6].map((i) => results[i]).filter((r) => r?.status === 'fulfilled').length;
    // 10 + 30 = 40 points at most: two redemptions of 15 always fit once the credit lands, never three.
    expect(redeemed).toBeLessThanOrEqual(2);

    const [volunteer] = await database.db
      .select()
      .from(serviceVolunteers)
      .where(eq(serviceVolunteers.id, 'v-1'));
    expect(volunteer?.points).toBe(40 - 15 * redeemed);
    expect(volunteer?.bankedMinutes).toBe(240 + 120);
    const ledger = await database.db
      .select()
      .from(servicePointsLedger)
      .where(eq(servicePointsLedger.volunteerId, 'v-1'));
    expect(ledger.every((e) => e.balance >= 0)).toBe(true);
    const sum = ledger.reduce((total, e) => total + (e.kind === 'earn' ? e.points : -e.points), 0);
    expect(sum).toBe(volunteer?.points);
    const [signUp] = await database.db.select().from(serviceActivitySignUps);
    expect(signUp).toMatchObject({ minutes: 120, points: 30 });
  });
});
