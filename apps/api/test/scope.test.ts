import { auditLog, users } from '@shequ/db';
import { describe, expect, it } from 'vitest';
import { accountManagementProblem, isInScope } from '../src/auth/scope.js';
import { JINSHAN, SHIHUAJIAN, WEIHAI, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp({
  streetAdmin: { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN },
  worker: { username: 'xiangshan', role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  auditor: { username: 'inspector', role: 'auditor', jurisdictionCode: JINSHAN },
  cityAdmin: { username: 'weihai', role: 'cityAdmin', jurisdictionCode: WEIHAI },
  system: { username: 'root', role: 'systemAdmin', jurisdictionCode: '000000' },
});

describe('scope rules (pure)', () => {
  it('a node contains itself and what lies below it, nothing beside it', () => {
    expect(isInScope({ jurisdictionCode: JINSHAN }, JINSHAN)).toBe(true);
    expect(isInScope({ jurisdictionCode: JINSHAN }, XIANGSHAN)).toBe(true);
    expect(isInScope({ jurisdictionCode: JINSHAN }, '370305112001')).toBe(false);
    expect(isInScope({ jurisdictionCode: JINSHAN }, '370305')).toBe(false);
    expect(isInScope({ jurisdictionCode: '370000' }, WEIHAI_COMMUNITY)).toBe(true);
    expect(isInScope({ jurisdictionCode: '000000' }, WEIHAI_COMMUNITY)).toBe(true);
    expect(isInScope({ jurisdictionCode: JINSHAN }, '000000')).toBe(false);
  });

  it('admins manage accounts at or below their level, inside their node', () => {
    const city = { role: 'cityAdmin' as const, jurisdictionCode: WEIHAI };
    expect(accountManagementProblem(city, { role: 'cityAdmin', jurisdictionCode: WEIHAI })).toBeUndefined();
    expect(
      accountManagementProblem(city, { role: 'streetAdmin', jurisdictionCode: '371002001' }),
    ).toBeUndefined();
    expect(accountManagementProblem(city, { role: 'provinceAdmin', jurisdictionCode: WEIHAI })).toBeDefined();
    expect(accountManagementProblem(city, { role: 'streetAdmin', jurisdictionCode: JINSHAN })).toBeDefined();
    expect(
      accountManagementProblem(
        { role: 'auditor', jurisdictionCode: '000000' },
        { role: 'auditor', jurisdictionCode: WEIHAI },
      ),
    ).toBeDefined();
  });
});

describe('reading is limited to the jurisdiction', () => {
  it('a Jinshan street admin or worker gets FORBIDDEN for a Weihai community', async () => {
    for (const client of [server.streetAdmin, server.worker, server.auditor]) {
      const error = await rejection(client.communities.get.query({ code: WEIHAI_COMMUNITY }));
      expect(error.data?.code).toBe('FORBIDDEN');
      expect(
        (await rejection(client.communities.snapshot.query({ code: WEIHAI_COMMUNITY }))).data?.code,
      ).toBe('FORBIDDEN');
    }
    const own = await server.streetAdmin.communities.get.query({ code: XIANGSHAN });
    expect(own.path.map((p) => p.code)).toEqual([JINSHAN]);
    // A worker is bound to one community: a neighbour in the same town is out of scope.
    expect((await rejection(server.worker.communities.get.query({ code: SHIHUAJIAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('finds communities by any part of the name: one character, two, or a longer run in order', async () => {
    const codes = async (search: string) =>
      (await server.streetAdmin.communities.list.query({ search })).items.map((c) => c.code).sort();
    expect(await codes('象')).toEqual([XIANGSHAN]);
    expect(await codes('象山')).toEqual([XIANGSHAN]);
    expect(await codes('社区居委')).toEqual([SHIHUAJIAN, XIANGSHAN]);
    // The characters are in the names, but not in this order.
    expect(await codes('区社')).toEqual([]);
    expect(await codes('社区社')).toEqual([]);
    expect(await codes('%')).toEqual([]);
  });

  it('lists and searches never return rows outside the jurisdiction', async () => {
    const all = await server.streetAdmin.communities.list.query({ pageSize: 100 });
    expect(all.total).toBe(2);
    expect(all.items.every((c) => c.code.startsWith(JINSHAN))).toBe(true);
    const byName = await server.streetAdmin.communities.list.query({ search: '居委会' });
    expect(byName.items.map((c) => c.code).sort()).toEqual([SHIHUAJIAN, XIANGSHAN]);
    const byCode = await server.streetAdmin.communities.list.query({ search: '3710' });
    expect(byCode.total).toBe(0);
    expect((await rejection(server.streetAdmin.communities.list.query({ under: WEIHAI }))).data?.code).toBe(
      'FORBIDDEN',
    );
    const found = await server.streetAdmin.jurisdictions.search.query({ query: '居委会' });
    expect(found.map((n) => n.code).sort()).toEqual([SHIHUAJIAN, XIANGSHAN]);
    expect(await server.streetAdmin.jurisdictions.search.query({ query: '威海' })).toEqual([]);
    expect(
      (await rejection(server.streetAdmin.jurisdictions.children.query({ parentCode: '370305' }))).data?.code,
    ).toBe('FORBIDDEN');
    expect((await server.streetAdmin.jurisdictions.roots.query()).map((n) => n.code)).toEqual([JINSHAN]);
    const workerView = await server.worker.communities.list.query({});
    expect(workerView.items.map((c) => c.code)).toEqual([XIANGSHAN]);
  });

  it('the whole country sees both towns; a city admin sees only its city', async () => {
    expect((await server.system.communities.list.query({})).total).toBe(4);
    const weihai = await server.cityAdmin.communities.list.query({
      sortField: 'households',
      sortOrder: 'descend',
    });
    expect(weihai.items.map((c) => c.code)).toEqual(['371002001003', WEIHAI_COMMUNITY]);
    expect(weihai.items[0]).toMatchObject({ streetName: '环翠楼街道', districtName: '环翠区' });
    const roots = await server.system.jurisdictions.roots.query();
    expect(roots.map((n) => n.code)).toEqual(['370000']);
    expect(roots[0]?.hasChildren).toBe(true);
    const towns = await server.system.jurisdictions.children.query({ parentCode: '370305' });
    expect(towns.map((n) => [n.code, n.hasChildren])).toEqual([[JINSHAN, true]]);
    const communitiesOfJinshan = await server.system.jurisdictions.children.query({ parentCode: JINSHAN });
    expect(communitiesOfJinshan.every((n) => !n.hasChildren)).toBe(true);
    const search = await server.system.jurisdictions.search.query({ query: '象山' });
    expect(search[0]?.path.map((p) => p.code)).toEqual(['370000', '370300', '370305', JINSHAN]);
  });

  it('the audit log shows only records about the jurisdiction', async () => {
    await server.cityAdmin.communities.updateFacts.mutate({
      code: WEIHAI_COMMUNITY,
      expectedVersion: 1,
      asOf: '2026-09-30',
      facts: { households: 1200 },
    });
    const mine = await server.streetAdmin.audit.list.query({});
    expect(mine.items.some((r) => r.entityId === WEIHAI_COMMUNITY)).toBe(false);
    const theirs = await server.cityAdmin.audit.list.query({ entityType: 'community' });
    expect(theirs.items.map((r) => r.entityId)).toContain(WEIHAI_COMMUNITY);
  });

  it('the audit log lists newest first by the time of the change, ties by record, on every page', async () => {
    // Written out of order on purpose: a record entered later may describe an earlier change.
    const times = [
      '2026-10-02T08:00:00Z',
      '2026-10-05T08:00:00Z',
      '2026-10-01T08:00:00Z',
      '2026-10-05T08:00:00Z',
    ];
    const written = await server.database.db
      .insert(auditLog)
      .values(
        times.map((at) => ({
          at: new Date(at),
          action: 'facts.update',
          entityType: 'community',
          entityId: 'order-probe',
          jurisdictionCode: XIANGSHAN,
        })),
      )
      .returning({ id: auditLog.id });
    const ids = written.map((w) => String(w.id));
    const page = async (n: number) =>
      (await server.streetAdmin.audit.list.query({ entityId: 'order-probe', pageSize: 2, page: n })).items;
    const listed = [...(await page(1)), ...(await page(2))];
    expect(listed.map((r) => r.id)).toEqual([ids[3], ids[1], ids[0], ids[2]]);
    expect(listed.map((r) => r.at)).toEqual([3, 1, 0, 2].map((i) => new Date(times[i] ?? '').toISOString()));
  });
});

describe('writing', () => {
  it('an auditor cannot change facts or accounts', async () => {
    const facts = await rejection(
      server.auditor.communities.updateFacts.mutate({
        code: XIANGSHAN,
        expectedVersion: 1,
        asOf: '2026-09-30',
        facts: {},
      }),
    );
    expect(facts.data?.code).toBe('FORBIDDEN');
    const account = await rejection(
      server.auditor.users.create.mutate({
        username: 'sneaky',
        displayName: '某',
        role: 'auditor',
        jurisdictionCode: JINSHAN,
      }),
    );
    expect(account.data?.code).toBe('FORBIDDEN');
  });

  it('a worker cannot change a neighbouring community', async () => {
    const error = await rejection(
      server.worker.communities.updateFacts.mutate({
        code: SHIHUAJIAN,
        expectedVersion: 1,
        asOf: '2026-09-30',
        facts: {},
      }),
    );
    expect(error.data?.code).toBe('FORBIDDEN');
  });

  it('admins cannot create accounts above their level or outside their node', async () => {
    const above = await rejection(
      server.streetAdmin.users.create.mutate({
        username: 'boss',
        displayName: '某',
        role: 'districtAdmin',
        jurisdictionCode: '370305',
      }),
    );
    expect(above.data?.code).toBe('FORBIDDEN');
    const outside = await rejection(
      server.streetAdmin.users.create.mutate({
        username: 'spy',
        displayName: '某',
        role: 'communityWorker',
        jurisdictionCode: WEIHAI_COMMUNITY,
      }),
    );
    expect(outside.data?.code).toBe('FORBIDDEN');
    const wrongLevel = await rejection(
      server.streetAdmin.users.create.mutate({
        username: 'odd',
        displayName: '某',
        role: 'communityWorker',
        jurisdictionCode: JINSHAN,
      }),
    );
    expect(wrongLevel.data?.fieldErrors).toEqual({ jurisdictionCode: ['该角色须绑定到社区级节点'] });
    expect(await server.database.db.$count(users)).toBe(5);

    const { user, oneTimePassword } = await server.streetAdmin.users.create.mutate({
      username: 'Shihuajian',
      displayName: '十化建社工',
      role: 'communityWorker',
      jurisdictionCode: SHIHUAJIAN,
    });
    expect(user).toMatchObject({ username: 'shihuajian', mustChangePassword: true });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const duplicate = await rejection(
      server.streetAdmin.users.create.mutate({
        username: 'shihuajian',
        displayName: '重名',
        role: 'communityWorker',
        jurisdictionCode: SHIHUAJIAN,
      }),
    );
    expect(duplicate.data?.code).toBe('CONFLICT');
    expect(duplicate.data?.fieldErrors).toEqual({ username: ['该用户名已被使用'] });

    // The Weihai city admin can neither see nor reset the Jinshan account.
    const listed = await server.cityAdmin.users.list.query({});
    expect(listed.items.some((u) => u.username === 'shihuajian')).toBe(false);
    expect((await rejection(server.cityAdmin.users.resetPassword.mutate({ id: user.id }))).data?.code).toBe(
      'FORBIDDEN',
    );
    const { oneTimePassword: reset } = await server.streetAdmin.users.resetPassword.mutate({ id: user.id });
    expect(reset).not.toBe(oneTimePassword);
  });
});
