import { burdenCounts, decideAdmission, listsInForce, nextVersionProblem } from '@shequ/services';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  decideStoredAdmission,
  endBurden,
  findAdmission,
  insertAdmission,
  insertBurden,
  listAdmissions,
  listBurdens,
  ServicesError,
  saveWorkListVersion,
  seedWorkloadDemo,
  storedSnapshot,
  workAdmissions,
  workListVersionsOf,
  XIANGSHAN,
} from '../src/index.js';
import { insertTestCommunity } from '../src/testing.js';
import { testDatabaseForTheseTests } from './test-database.js';

const who = { actor: null, ip: null, at: new Date('2026-11-30T02:00:00Z') };
const district = {
  role: 'districtAdmin' as const,
  jurisdictionCode: '370305',
  userId: 'd',
  name: '区民政局',
};

describe('work-item lists, admissions and burdens in the database', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await insertTestCommunity(database, {
      code: XIANGSHAN,
      name: '象山社区居委会',
      setting: 'urban',
      asOf: '2026-11-30',
    });
  });

  it('seeds the demo once: lists in force, an approved and a pending request, and burdens counted', async () => {
    // 象山's four burdens and 大行宫's three.
    expect(await seedWorkloadDemo(database)).toBe(7);
    expect(await seedWorkloadDemo(database)).toBe(0);
    const nanjing = await listAdmissions(database.db, '320102002');
    expect(nanjing.map((r) => r.decision?.filedWith.cityCode ?? 'pending').sort()).toEqual([
      '320100',
      'pending',
    ]);
    expect(burdenCounts(await listBurdens(database.db, '320102'), '2026-11-30')).toMatchObject({
      active: 3,
      evaluationsOverYearly: 1,
    });
    const versions = await workListVersionsOf(database.db, ['370305111', '370305', '370300', '370000']);
    expect(Object.keys(listsInForce(versions, XIANGSHAN, '2026-11-30'))).toHaveLength(4);
    const requests = await listAdmissions(database.db, '370305');
    expect(requests.map((r) => r.decision?.outcome ?? 'pending').sort()).toEqual(['approved', 'pending']);
    const burdens = await listBurdens(database.db, '370305111');
    expect(burdenCounts(burdens, '2026-11-30')).toMatchObject({ active: 3, evaluationsOverYearly: 1 });
    // The signboard taken down in August: none hanging now, and the register decides the snapshot's value.
    const snapshot = await storedSnapshot(database.db, XIANGSHAN, '2026-11-30');
    expect(snapshot?.snapshot.facility?.otherSignboards).toBe(0);
    expect(snapshot?.fromRegister).toContain('facility.otherSignboards');
  });

  it('numbers versions, keeps them all, and refuses one out of order without writing', async () => {
    const draft = {
      jurisdictionCode: '370305',
      kind: 'party' as const,
      effectiveFrom: '2027-01-01',
      items: [{ title: '三会一课' }],
    };
    const saved = await saveWorkListVersion(database.db, draft, who, (kept) =>
      nextVersionProblem(draft, kept),
    );
    expect(saved.version).toBe(2);
    const again = saveWorkListVersion(database.db, draft, who, (kept) => nextVersionProblem(draft, kept));
    await expect(again).rejects.toBeInstanceOf(ServicesError);
    const party = (await workListVersionsOf(database.db, ['370305'])).filter((v) => v.kind === 'party');
    expect(party.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses approval without funding, writes nothing; approves with it and files with the city', async () => {
    await insertAdmission(
      database.db,
      {
        id: 'r-1',
        streetCode: '370305111',
        communityCodes: [XIANGSHAN],
        kind: 'assist-government',
        title: '老旧小区加装电梯意愿摸排',
        requestedBy: '区住建局',
        reason: '摸排意愿',
        startsOn: '2026-12-01',
        appliedBy: { userId: 's', name: '金山镇' },
        appliedOn: '2026-11-30',
      },
      who,
    );
    const audits = async () =>
      (await database.db.select().from(auditLog).where(eq(auditLog.entityId, 'r-1'))).length;
    expect(await audits()).toBe(1);
    await expect(
      decideStoredAdmission(
        database.db,
        'r-1',
        (r) =>
          decideAdmission(r, { outcome: 'approved', approvingBody: 'civil-affairs' }, district, '2026-11-30'),
        who,
      ),
    ).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'funding.amountFen' }] });
    expect((await findAdmission(database.db, 'r-1'))?.decision).toBeUndefined();
    expect(await audits()).toBe(1);
    const decided = await decideStoredAdmission(
      database.db,
      'r-1',
      (r) =>
        decideAdmission(
          r,
          {
            outcome: 'approved',
            approvingBody: 'civil-affairs',
            funding: { amountFen: 2_000_000, source: '区财政' },
          },
          district,
          '2026-11-30',
        ),
      who,
    );
    expect(decided.decision?.filedWith).toEqual({ cityCode: '370300', body: 'civil-affairs' });
    const [row] = await database.db.select().from(workAdmissions).where(eq(workAdmissions.id, 'r-1'));
    expect(row?.fundingFen).toBe(2_000_000);
    // The table itself refuses an approval without funding, whatever writes it.
    await expect(
      database.db.execute(sql`update work_admissions set funding_fen = null where id = 'r-1'`),
    ).rejects.toThrow();
  });

  it('records a burden and its end, refusing an end before it was imposed', async () => {
    await insertBurden(
      database.db,
      {
        id: 'b-1',
        communityCode: XIANGSHAN,
        kind: 'signboard',
        title: '消防安全示范点',
        imposedBy: '区消防救援大队',
        imposedOn: '2026-11-01',
        recordedBy: { userId: 'w', name: '孙立' },
      },
      who,
    );
    expect(
      (await storedSnapshot(database.db, XIANGSHAN, '2026-11-30'))?.snapshot.facility?.otherSignboards,
    ).toBe(1);
    await expect(
      endBurden(database.db, 'b-1', '2026-10-01', who, (b) =>
        '2026-10-01' < b.imposedOn ? { path: 'endedOn', message: '结束日期不能早于下派日期' } : undefined,
      ),
    ).rejects.toBeInstanceOf(ServicesError);
    const ended = await endBurden(database.db, 'b-1', '2026-11-20', who, () => undefined);
    expect(ended.endedOn).toBe('2026-11-20');
    expect(
      (await storedSnapshot(database.db, XIANGSHAN, '2026-11-30'))?.snapshot.facility?.otherSignboards,
    ).toBe(0);
  });
});
