import { auditLog, communities, users } from '@shequ/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { JINSHAN, XIANGSHAN } from './fixture.js';
import { clientFor, rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp({
  worker: { username: 'xiangshan', role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  admin: { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN },
});

async function stored() {
  const [row] = await server.database.db.select().from(communities).where(eq(communities.code, XIANGSHAN));
  return row;
}
const auditCount = () => server.database.db.$count(auditLog);

describe('communities.updateFacts', () => {
  it('persists a valid change with an audit record of before and after', async () => {
    const current = await server.worker.communities.get.query({ code: XIANGSHAN });
    const auditsBefore = await auditCount();
    const updated = await server.worker.communities.updateFacts.mutate({
      code: XIANGSHAN,
      expectedVersion: current.version,
      asOf: '2026-09-30',
      facts: { households: 2400, residents: 6100, facility: { totalArea: 650, functions: ['health'] } },
    });
    expect(updated.version).toBe(current.version + 1);
    expect(updated.facts).toEqual({
      households: 2400,
      residents: 6100,
      facility: { totalArea: 650, functions: ['health'] },
    });
    expect(updated.updatedBy).toBe('xiangshan');

    const row = await stored();
    expect(row).toMatchObject({ households: 2400, residents: 6100, version: current.version + 1 });
    expect(String(row?.asOf)).toBe('2026-09-30');
    expect(await auditCount()).toBe(auditsBefore + 1);
    const [record] = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'community.updateFacts'));
    expect(record).toMatchObject({
      actorName: 'xiangshan',
      entityType: 'community',
      entityId: XIANGSHAN,
      jurisdictionCode: XIANGSHAN,
    });
    expect(record?.before).toMatchObject({ facts: current.facts, version: current.version });
    expect(record?.after).toMatchObject({
      asOf: '2026-09-30',
      facts: { households: 2400 },
      version: current.version + 1,
    });

    // The list sorts and filters on the hot columns copied from the facts.
    const list = await server.admin.communities.list.query({ minHouseholds: 2400, maxHouseholds: 2400 });
    expect(list.items.map((c) => c.code)).toEqual([XIANGSHAN]);
    expect((await server.admin.communities.list.query({ minHouseholds: 2401 })).total).toBe(0);
  });

  it.each([
    ['negative households', { households: -1 }, 'facts.households'],
    ['a fraction of a resident', { residents: 10.5 }, 'facts.residents'],
    ['an unknown field', { householdz: 5 }, 'facts.householdz'],
    ['an unknown nested field', { facility: { area: 5 } }, 'facts.facility.area'],
    ['an unknown facility function', { facility: { functions: ['casino'] } }, 'facts.facility.functions.0'],
  ])('refuses %s, names the field in Chinese, and writes nothing', async (_what, facts, field) => {
    const before = await stored();
    const auditsBefore = await auditCount();
    const error = await rejection(
      server.worker.communities.updateFacts.mutate({
        code: XIANGSHAN,
        expectedVersion: before?.version ?? 0,
        asOf: '2026-10-31',
        facts: facts as never,
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    const fieldErrors = error.data?.fieldErrors ?? {};
    expect(Object.keys(fieldErrors)).toEqual([field]);
    expect(fieldErrors[field]?.[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(await stored()).toEqual(before);
    expect(await auditCount()).toBe(auditsBefore);
  });

  it('refuses a malformed community code and a bad date, each by name', async () => {
    const error = await rejection(
      server.admin.communities.updateFacts.mutate({
        code: '37030511100',
        expectedVersion: 1,
        asOf: '2026-02-30',
        facts: {},
      }),
    );
    expect(error.data?.fieldErrors).toMatchObject({
      code: ['社区代码应为12位数字'],
      asOf: [expect.stringMatching(/日期/)],
    });
  });

  it('answers CONFLICT when someone else saved first, and keeps their change', async () => {
    const current = await server.admin.communities.get.query({ code: XIANGSHAN });
    await server.admin.communities.updateFacts.mutate({
      code: XIANGSHAN,
      expectedVersion: current.version,
      asOf: '2026-10-01',
      facts: { ...current.facts, households: 2500 },
    });
    const auditsBefore = await auditCount();
    const late = await rejection(
      server.worker.communities.updateFacts.mutate({
        code: XIANGSHAN,
        expectedVersion: current.version,
        asOf: '2026-10-02',
        facts: { households: 1 },
      }),
    );
    expect(late.data?.code).toBe('CONFLICT');
    expect((await stored())?.households).toBe(2500);
    expect(await auditCount()).toBe(auditsBefore);
  });
});

describe('users.create with an ID number', () => {
  it('refuses a wrong check digit by field, writes nothing; accepts a valid one', async () => {
    const usersBefore = await server.database.db.$count(users);
    const auditsBefore = await auditCount();
    const error = await rejection(
      server.admin.users.create.mutate({
        username: 'worker2',
        displayName: '张三',
        role: 'communityWorker',
        jurisdictionCode: XIANGSHAN,
        idNumber: '11010519491231002X'.replace(/X$/, '1'),
        mobile: '2345',
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors).toMatchObject({
      idNumber: [expect.stringMatching(/校验/)],
      mobile: [expect.stringMatching(/手机/)],
    });
    expect(await server.database.db.$count(users)).toBe(usersBefore);
    expect(await auditCount()).toBe(auditsBefore);

    const { user } = await server.admin.users.create.mutate({
      username: 'worker2',
      displayName: '张三',
      role: 'communityWorker',
      jurisdictionCode: XIANGSHAN,
      idNumber: '11010519491231002X',
    });
    expect(user.username).toBe('worker2');
    expect(JSON.stringify(user)).not.toContain('11010519491231002X');
    expect(await auditCount()).toBe(auditsBefore + 1);
  });

  it('the new account signs in only with its one-time password and must change it', async () => {
    const { oneTimePassword } = await server.admin.users.create.mutate({
      username: 'worker3',
      displayName: '李四',
      role: 'communityWorker',
      jurisdictionCode: XIANGSHAN,
    });
    const client = clientFor(server.app);
    const { user } = await client.auth.login.mutate({ username: 'worker3', password: oneTimePassword });
    expect(user.mustChangePassword).toBe(true);
  });
});
