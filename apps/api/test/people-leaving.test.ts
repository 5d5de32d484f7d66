import { auditLog, type DatabaseHandle, seals, seedPeopleRegisters, users } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { demoRegisters } from '@shequ/people';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let clerk: TestClient;
const accountOf: Record<string, string> = {};

const [xiangshan] = demoRegisters();
if (!xiangshan) throw new Error('demo registers missing');
const byName = (name: string) => {
  const found = xiangshan.workers.find((w) => w.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await seedPeopleRegisters(database, demoRegisters());
  await insertUser(database, { username: 'clerk', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  // The accounts of three workers on 象山's roster, linked to them by identity number.
  for (const [username, name] of [
    ['zhang', '张委员'],
    ['sun', '孙网格员'],
    ['zhao', '赵专干'],
  ] as const) {
    const id = await insertUser(database, { username, role: 'communityWorker', jurisdictionCode: XIANGSHAN });
    await database.db
      .update(users)
      .set({ idNumber: byName(name).idNumber })
      .where(eq(users.id, id));
    accountOf[username] = id;
  }
  // 赵专干 keeps the community's seal.
  await database.db.insert(seals).values({
    communityCode: XIANGSHAN,
    streetCode: XIANGSHAN.slice(0, 9),
    name: '象山社区居民委员会印章',
    ownerKind: 'residents-committee',
    ownerName: '象山社区居民委员会',
    custodianId: accountOf.zhao ?? '',
    storagePlace: '办公室保险柜',
    createdAt: new Date('2026-01-05T09:00:00Z'),
  });
  app = await makeApp(database);
  clerk = await signedIn(app, 'clerk');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const disabledAt = async (username: string) =>
  (await database.db.select().from(users).where(eq(users.username, username)))[0]?.disabledAt ?? null;

describe('本系统规则 R-STF-2: leaving disables the account', () => {
  it('disables the leaver’s account, ends its sessions and records why', async () => {
    const zhang = await signedIn(app, 'zhang');
    await zhang.people.roster.query({});
    const left = await clerk.people.leave.mutate({
      id: byName('张委员').id,
      expectedVersion: 1,
      leftOn: '2026-11-30',
    });
    expect(left.accounts).toEqual({
      disabled: [accountOf.zhang],
      keptForHandover: [],
      custody: { archives: 0, seals: 0 },
    });
    expect(await disabledAt('zhang')).not.toBeNull();
    const signedOut = await rejection(zhang.people.roster.query({}));
    expect(signedOut.data?.code).toBe('UNAUTHORIZED');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.setDisabled'), eq(auditLog.entityId, accountOf.zhang ?? '')));
    expect(audit?.after).toMatchObject({ basis: '本系统规则 R-STF-2' });
  });

  it('keeps the account when the administrator says so', async () => {
    const left = await clerk.people.leave.mutate({
      id: byName('孙网格员').id,
      expectedVersion: 1,
      leftOn: '2026-11-30',
      keepAccount: true,
    });
    expect(left.accounts?.disabled).toEqual([]);
    expect(await disabledAt('sun')).toBeNull();
  });

  it('keeps an account holding a seal until the handover, and says what it holds', async () => {
    const left = await clerk.people.leave.mutate({
      id: byName('赵专干').id,
      expectedVersion: 1,
      leftOn: '2026-11-30',
    });
    expect(left.accounts).toEqual({
      disabled: [],
      keptForHandover: [accountOf.zhao],
      custody: { archives: 0, seals: 1 },
    });
    expect(await disabledAt('zhao')).toBeNull();
  });

  it('writes nothing when the leaving is refused', async () => {
    const before = await database.db.$count(auditLog);
    const bad = await rejection(
      clerk.people.leave.mutate({ id: byName('王书记').id, expectedVersion: 1, leftOn: '2020-01-01' }),
    );
    expect(bad.data?.fieldErrors?.leftOn?.[0]).toBe('离职日期不能早于入职日期');
    expect(await database.db.$count(auditLog)).toBe(before);
  });
});
