import { auditLog, type DatabaseHandle, workAdmissions, workBurdens, workListVersions } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, seedFixture, XIANGSHAN } from './fixture.js';
import { fakeClock, insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

const LINZI = '370305';
let database: DatabaseHandle;
let app: FastifyInstance;
let district: TestClient;
let otherDistrict: TestClient;
let city: TestClient;
let street: TestClient;
let clerk: TestClient;
let auditor: TestClient;

const request = (over: Record<string, unknown> = {}) => ({
  streetCode: JINSHAN,
  communityCodes: [XIANGSHAN],
  kind: 'assist-government' as const,
  title: '燃气安全入户排查',
  requestedBy: '区住建局',
  reason: '冬季燃气安全',
  startsOn: '2026-12-01',
  ...over,
});
const rows = async () => ({
  lists: (await database.db.select().from(workListVersions)).length,
  admissions: (await database.db.select().from(workAdmissions)).length,
  burdens: (await database.db.select().from(workBurdens)).length,
  audits: (await database.db.select().from(auditLog).where(like(auditLog.action, 'workload.%'))).length,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'linzi', role: 'districtAdmin', jurisdictionCode: LINZI });
  await insertUser(database, { username: 'zhangdian', role: 'districtAdmin', jurisdictionCode: '370303' });
  await insertUser(database, { username: 'zibo', role: 'cityAdmin', jurisdictionCode: '370300' });
  await insertUser(database, { username: 'street', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  await insertUser(database, { username: 'clerk', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  await insertUser(database, { username: 'auditor', role: 'auditor', jurisdictionCode: JINSHAN });
  app = await makeApp(database, { now: fakeClock(new Date('2026-11-30T02:00:00Z')).now });
  district = await signedIn(app, 'linzi');
  otherDistrict = await signedIn(app, 'zhangdian');
  city = await signedIn(app, 'zibo');
  street = await signedIn(app, 'street');
  clerk = await signedIn(app, 'clerk');
  auditor = await signedIn(app, 'auditor');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('work-item lists', () => {
  it('are kept by the jurisdiction’s own administrators, versioned, and read in force by a community', async () => {
    const list = {
      jurisdictionCode: LINZI,
      kind: 'assist-government' as const,
      effectiveFrom: '2026-01-01',
      items: [{ title: '人口普查入户登记' }],
    };
    expect((await rejection(street.workload.saveList.mutate({ list }))).data?.code).toBe('FORBIDDEN');
    await district.workload.saveList.mutate({ list });
    const before = await rows();
    const outOfOrder = await rejection(
      district.workload.saveList.mutate({ list: { ...list, effectiveFrom: '2025-12-01' } }),
    );
    expect(outOfOrder.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(outOfOrder.data?.fieldErrors ?? {})).toEqual(['list.effectiveFrom']);
    const dates = await rejection(
      district.workload.saveList.mutate({
        list: { ...list, effectiveFrom: '2026-07-01', effectiveUntil: '2026-06-01' },
      }),
    );
    expect(Object.keys(dates.data?.fieldErrors ?? {})).toEqual(['list.effectiveUntil']);
    expect(await rows()).toEqual(before);
    await district.workload.saveList.mutate({
      list: { ...list, effectiveFrom: '2026-12-01', items: [...list.items, { title: '老年人能力评估' }] },
    });
    const now = await clerk.workload.lists.query({ code: XIANGSHAN });
    expect(now.inForce['assist-government']?.version).toBe(1);
    const later = await clerk.workload.lists.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    expect(later.inForce['assist-government']?.items).toHaveLength(2);
    expect(later.versions).toHaveLength(2);
  });
});

describe('admission of work outside the lists', () => {
  let id = '';
  it('is applied for by the street only, not for work already listed, with field messages', async () => {
    expect(
      (await rejection(clerk.workload.applyForAdmission.mutate({ request: request() }))).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await rejection(district.workload.applyForAdmission.mutate({ request: request() }))).data?.code,
    ).toBe('FORBIDDEN');
    const before = await rows();
    const listed = await rejection(
      street.workload.applyForAdmission.mutate({ request: request({ title: '人口普查入户登记' }) }),
    );
    expect(listed.data?.fieldErrors).toEqual({
      'request.title': ['该事项已在居民委员会协助政府工作事项清单内，无需准入'],
    });
    const dates = await rejection(
      street.workload.applyForAdmission.mutate({ request: request({ endsOn: '2026-11-01' }) }),
    );
    expect(Object.keys(dates.data?.fieldErrors ?? {})).toEqual(['request.endsOn']);
    const money = await rejection(
      street.workload.applyForAdmission.mutate({
        request: request({ funding: { amountFen: 12.5, source: '区财政' } }),
      }),
    );
    expect(Object.keys(money.data?.fieldErrors ?? {})).toEqual(['request.funding.amountFen']);
    expect(await rows()).toEqual(before);
    id = (
      await street.workload.applyForAdmission.mutate({
        request: request({ communityCodes: [XIANGSHAN, SHIHUAJIAN] }),
      })
    ).id;
  });

  it('is decided by the street’s district in the name of the right department, only with funding; filed with the city', async () => {
    const before = await rows();
    const decision = { outcome: 'approved' as const, approvingBody: 'civil-affairs' as const };
    expect((await rejection(street.workload.decide.mutate({ id, decision }))).data?.code).toBe('FORBIDDEN');
    expect((await rejection(otherDistrict.workload.decide.mutate({ id, decision }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(auditor.workload.decide.mutate({ id, decision }))).data?.code).toBe('FORBIDDEN');
    const noFunding = await rejection(district.workload.decide.mutate({ id, decision }));
    expect(noFunding.data?.code).toBe('BAD_REQUEST');
    expect(noFunding.data?.fieldErrors).toEqual({
      'decision.funding.amountFen': ['准入须落实经费（费随事转）：请填写经费金额和来源'],
    });
    const wrongBody = await rejection(
      district.workload.decide.mutate({
        id,
        decision: {
          ...decision,
          approvingBody: 'organisation',
          funding: { amountFen: 100, source: '区财政' },
        },
      }),
    );
    expect(wrongBody.data?.fieldErrors).toEqual({
      'decision.approvingBody': ['协助政府类事项应由区民政部门审批'],
    });
    const zero = await rejection(
      district.workload.decide.mutate({
        id,
        decision: { ...decision, funding: { amountFen: 0, source: '区财政' } },
      }),
    );
    expect(Object.keys(zero.data?.fieldErrors ?? {})).toEqual(['decision.funding.amountFen']);
    expect(await rows()).toEqual(before);
    const approved = await district.workload.decide.mutate({
      id,
      decision: { ...decision, funding: { amountFen: 1_800_000, source: '区财政购买服务资金' } },
    });
    expect(approved.decision?.filedWith).toEqual({ cityCode: '370300', body: 'civil-affairs' });
    const filed = await city.workload.admissions.query({});
    expect(filed).toMatchObject({ approved: 1, pending: 0, fundingFen: 1_800_000 });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'workload.admission.decide'));
    expect(audit?.entityId).toBe(id);
    const again = await rejection(
      district.workload.decide.mutate({
        id,
        decision: { outcome: 'rejected', approvingBody: 'civil-affairs', opinion: '重复' },
      }),
    );
    expect(again.data?.code).toBe('BAD_REQUEST');
  });
});

describe('burdens', () => {
  it('are recorded per community, refused when listed, admitted or misdated, and counted for the street and the city', async () => {
    const burden = (over: Record<string, unknown>) => ({
      communityCode: XIANGSHAN,
      kind: 'evaluation' as const,
      title: '文明社区评比',
      imposedBy: '区文明办',
      imposedOn: '2026-03-01',
      ...over,
    });
    const before = await rows();
    for (const [over, field] of [
      [{ kind: 'task', title: '燃气安全入户排查' }, 'burden.title'],
      [{ kind: 'task', title: '人口普查入户登记' }, 'burden.title'],
      [{ imposedOn: '2026-12-05' }, 'burden.imposedOn'],
      [{ endedOn: '2026-02-01' }, 'burden.endedOn'],
      [{ kind: 'signboard', title: '中国社区' }, 'burden.title'],
    ] as const) {
      const refused = await rejection(clerk.workload.recordBurden.mutate({ burden: burden(over) }));
      expect(refused.data?.code).toBe('BAD_REQUEST');
      expect(Object.keys(refused.data?.fieldErrors ?? {})).toEqual([field]);
    }
    expect(
      (
        await rejection(
          clerk.workload.recordBurden.mutate({ burden: burden({ communityCode: '370305112001' }) }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(await rows()).toEqual(before);
    await clerk.workload.recordBurden.mutate({ burden: burden({}) });
    await clerk.workload.recordBurden.mutate({
      burden: burden({ title: '卫生城市复审', imposedOn: '2026-06-01' }),
    });
    const sign = await clerk.workload.recordBurden.mutate({
      burden: burden({ kind: 'signboard', title: '食品安全宣传站', imposedOn: '2026-04-01' }),
    });
    await street.workload.recordBurden.mutate({
      burden: burden({ communityCode: SHIHUAJIAN, kind: 'task', title: '创城材料报送' }),
    });
    const bad = await rejection(clerk.workload.endBurden.mutate({ id: sign.id, endedOn: '2026-01-01' }));
    expect(bad.data?.fieldErrors).toEqual({ endedOn: ['结束日期不能早于下派日期'] });
    await clerk.workload.endBurden.mutate({ id: sign.id, endedOn: '2026-10-01' });
    const streetView = await street.workload.burdens.query({});
    expect(streetView.total).toMatchObject({
      active: 3,
      evaluations: 2,
      evaluationsOverYearly: 1,
      signboards: 0,
    });
    expect(streetView.perCommunity.map((c) => [c.code, c.active])).toEqual([
      [XIANGSHAN, 2],
      [SHIHUAJIAN, 1],
    ]);
    expect((await city.workload.burdens.query({})).total.active).toBe(3);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'workload.burden.%'));
    expect(audits).toHaveLength(5);
  });
});
