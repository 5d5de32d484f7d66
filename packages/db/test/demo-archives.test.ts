import { custodyActionLabels, generateSigningKey, signCheckpoint, verifyLog } from '@shequ/archives';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveDestructions,
  archiveItems,
  archiveLoans,
  auditLog,
  type DatabaseHandle,
  demoArchivesPeople,
  handovers,
  readCustodyLog,
  seals,
  seedArchivesDemo,
  unlockArchivesDemoAccounts,
  users,
  XIANGSHAN,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity, tamperAsSuperuser } from '../src/testing.js';

describe('the demo history of 象山社区居委会', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
    expect(await seedArchivesDemo(database)).toEqual({ created: true });
  }, 60_000);
  afterAll(() => database.close());

  const userId = async (username: string) => {
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return row?.id;
  };

  it('writes a log that verifies against a checkpoint, in the order things happened', async () => {
    const log = await readCustodyLog(database.db, XIANGSHAN);
    const { privateKey, publicKey } = generateSigningKey();
    const checkpoint = signCheckpoint(log, { privateKey, at: '2026-07-01T00:00:00Z', community: XIANGSHAN });
    expect(verifyLog(log, checkpoint, { trustedPublicKeys: [publicKey] })).toMatchObject({ ok: true });
    const actions = log.map((entry) => entry.action);
    // A log whose times run backwards looks tampered with to whoever reads it.
    const times = log.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(actions.slice(0, 6)).toEqual(Array(6).fill('archive.file'));
    for (const action of [
      'archive.destroy',
      'archive.lend',
      'archive.return',
      'seal.use.stamp',
      'seal.use.refuse',
      'seal.takeOut',
      'seal.bringBack',
      'handover.confirm',
      'archive.changeCustodian',
      'seal.handOverCustody',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.indexOf('seal.takeOut')).toBeLessThan(actions.indexOf('seal.bringBack'));
    expect(log.at(-1)?.action).toBe('seal.handOverCustody');
    expect(actions.filter((action) => !(action in custodyActionLabels))).toEqual([]);
  });

  it('leaves the items and seals with the successor after the supervised handover', async () => {
    const successor = await userId(demoArchivesPeople.zhao.username);
    const leaver = await userId(demoArchivesPeople.li.username);
    const items = await database.db
      .select({ custodian: archiveItems.custodianId, status: archiveItems.status })
      .from(archiveItems)
      .where(eq(archiveItems.communityCode, XIANGSHAN));
    const live = items.filter((item) => item.status !== 'destroyed');
    expect(live.length).toBe(5);
    expect(live.every((item) => item.custodian === successor)).toBe(true);
    const sealRows = await database.db.select().from(seals).where(eq(seals.communityCode, XIANGSHAN));
    expect(sealRows.map((s) => [s.custodianId, s.state])).toEqual([
      [successor, 'inUse'],
      [successor, 'inUse'],
    ]);
    const [handover] = await database.db
      .select()
      .from(handovers)
      .where(eq(handovers.leaverId, leaver ?? ''));
    expect(handover?.state).toBe('completed');
    expect(handover?.supervisorConfirmedOn).toBe('2026-06-22');
  });

  it('keeps a destruction list and one loan still out', async () => {
    const list = await database.db.select().from(archiveDestructions);
    expect(list).toMatchObject([{ state: 'destroyed', title: '2014年社区环境整治工作简报' }]);
    const open = await database.db.select().from(archiveLoans).where(isNull(archiveLoans.returnedOn));
    expect(open).toMatchObject([{ dueOn: '2026-06-03' }]);
  });

  it('changes nothing when run again', async () => {
    const before = (await readCustodyLog(database.db, XIANGSHAN)).length;
    expect(await seedArchivesDemo(database)).toEqual({ created: false });
    expect((await readCustodyLog(database.db, XIANGSHAN)).length).toBe(before);
  });

  it('is caught by verification when a stored entry is edited afterwards', async () => {
    const log = await readCustodyLog(database.db, XIANGSHAN);
    const { privateKey } = generateSigningKey();
    const checkpoint = signCheckpoint(log, { privateKey, at: '2026-07-01T00:00:00Z' });
    const stamp = log.find((entry) => entry.action === 'seal.use.stamp' && entry.payload.copies === 2);
    expect(stamp).toBeDefined();
    // Someone with database access turns "2 copies stamped" into 9.
    await tamperAsSuperuser(
      database,
      'custody_log',
      sql`update custody_log set payload = jsonb_set(payload, '{copies}', '9') where community_code = ${XIANGSHAN} and seq = ${stamp?.seq ?? 0}`,
    );
    const result = verifyLog(await readCustodyLog(database.db, XIANGSHAN), checkpoint);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'altered', seq: stamp?.seq } });
  });

  it('keeps the demo accounts locked unless a test server gives a demo password, then unlocks each once', async () => {
    const usernames = Object.values(demoArchivesPeople).map((p) => p.username);
    const accounts = () =>
      database.db
        .select({ username: users.username, hash: users.passwordHash, mustChange: users.mustChangePassword })
        .from(users)
        .where(inArray(users.username, usernames));
    for (const account of await accounts()) {
      expect(account.hash.startsWith('!')).toBe(true);
      expect(account.mustChange).toBe(true);
    }
    // An administrator has already set one account's password: the demo password leaves it alone.
    await database.db
      .update(users)
      .set({ passwordHash: '$argon2id$set-by-an-admin' })
      .where(eq(users.username, 'xs-sunli'));
    const unlocked = await unlockArchivesDemoAccounts(database, '$argon2id$demo-hash');
    expect(unlocked.sort()).toEqual(usernames.filter((u) => u !== 'xs-sunli').sort());
    const after = await accounts();
    expect(after.find((a) => a.username === 'xs-sunli')?.hash).toBe('$argon2id$set-by-an-admin');
    expect(after.filter((a) => a.hash === '$argon2id$demo-hash' && !a.mustChange)).toHaveLength(5);
    const audited = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.resetPassword'), isNull(auditLog.actorId)));
    expect(audited).toHaveLength(5);
    expect(await unlockArchivesDemoAccounts(database, '$argon2id$demo-hash')).toEqual([]);
  });
});

describe('the demo seeded for a test server', () => {
  it('gives the demo accounts the demo password hash, with no forced change', async () => {
    const database = await createTestDatabase();
    try {
      await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
      await seedArchivesDemo(database, { demoPasswordHash: '$argon2id$demo-hash' });
      const rows = await database.db
        .select({ hash: users.passwordHash, mustChange: users.mustChangePassword })
        .from(users)
        .where(eq(users.username, demoArchivesPeople.li.username));
      expect(rows).toEqual([{ hash: '$argon2id$demo-hash', mustChange: false }]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
