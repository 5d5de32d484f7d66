import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communities,
  type DatabaseHandle,
  insertVolunteer,
  recordPoints,
  ServicesError,
  servicePointsLedger,
  serviceVolunteers,
} from '../src/index.js';
import { createTestDatabase } from '../src/testing.js';

const XIANGSHAN = '370305111007';
const who = { actor: null, ip: null, at: new Date('2026-03-02T09:00:00+08:00') };

describe('welfare points under concurrent redemptions', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(communities).values({
      code: XIANGSHAN,
      name: '象山社区居委会',
      provinceCode: '370000',
      cityCode: '370300',
      districtCode: '370305',
      streetCode: '370305111',
      asOf: '2026-06-30',
    });
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
  }, 120_000);
  afterAll(() => database.close());

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
});
