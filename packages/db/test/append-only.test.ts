/**
 * The custody log and the checkpoints only grow (triggers, on PGlite and PostgreSQL alike); on
 * PostgreSQL the application's role cannot change them even with the triggers off.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH } from '@shequ/archives';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPEND_ONLY_TABLES,
  appendCustodyEntry,
  checkpoints,
  type DatabaseHandle,
  grantAppRole,
  isAppendOnlyRefusal,
  issueCheckpoint,
  loadSigningKey,
  readCustodyLog,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity } from '../src/testing.js';

const COMMUNITY = '370305111007';
const event = (n: number) => ({
  at: `2026-03-0${n}T08:00:00.000Z`,
  actor: 'xs-liguilan',
  action: 'archive.file',
  payload: { n },
});

/** The error a statement raised, or undefined if it succeeded. */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

function messageOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    parts.push(String((e as Error).message));
  return parts.join(' | ');
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await insertTestCommunity(database, { code: COMMUNITY, name: '象山社区居委会' });
  await database.db.transaction(async (tx) => {
    for (const n of [1, 2, 3]) await appendCustodyEntry(tx, COMMUNITY, event(n));
  });
  await issueCheckpoint(database.db, COMMUNITY, {
    key: loadSigningKey(join(tmpdir(), `shequ-append-only-${randomBytes(4).toString('hex')}.pem`)),
    at: '2026-03-04T00:00:00.000Z',
    issuedBy: 'test',
  });
});
afterAll(() => database?.close());

describe('the custody log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of the log, naming the table, and keeps every entry', async () => {
    const before = await readCustodyLog(database.db, COMMUNITY);
    for (const statement of [
      sql`update custody_log set payload = '{"n": 9}' where community_code = ${COMMUNITY} and seq = 2`,
      sql`delete from custody_log where community_code = ${COMMUNITY} and seq = 3`,
      sql`truncate custody_log`,
    ]) {
      const error = await refusal(() => database.db.execute(statement));
      expect(isAppendOnlyRefusal(error)).toBe(true);
      expect(messageOf(error)).toContain('custody_log 只能追加');
    }
    expect(await readCustodyLog(database.db, COMMUNITY)).toEqual(before);
  });

  it('refuses changing or removing an issued checkpoint', async () => {
    for (const statement of [
      sql`update checkpoints set root = ${'f'.repeat(64)}`,
      sql`delete from checkpoints`,
      sql`truncate checkpoints cascade`,
    ]) {
      expect(isAppendOnlyRefusal(await refusal(() => database.db.execute(statement)))).toBe(true);
    }
    expect(await database.db.$count(checkpoints)).toBe(1);
  });

  it('refuses an entry that does not follow the last one: a gap, a repeated seq or a forged prevHash', async () => {
    const [last] = await readCustodyLog(database.db, COMMUNITY, { afterSeq: 2 });
    if (!last) throw new Error('seq 3 missing');
    const insert = (seq: number, prevHash: string) =>
      database.db.execute(
        sql`insert into custody_log (community_code, seq, at, actor, action, payload, prev_hash, hash)
            values (${COMMUNITY}, ${seq}, '2026-03-05T00:00:00.000Z', 'x', 'archive.file', '{}', ${prevHash}, ${'a'.repeat(64)})`,
      );
    expect(isAppendOnlyRefusal(await refusal(() => insert(5, last.hash)))).toBe(true);
    expect(isAppendOnlyRefusal(await refusal(() => insert(4, GENESIS_HASH)))).toBe(true);
    expect(await readCustodyLog(database.db, COMMUNITY)).toHaveLength(3);
    // The application's own append still works.
    await database.db.transaction((tx) => appendCustodyEntry(tx, COMMUNITY, event(5)));
    expect(await readCustodyLog(database.db, COMMUNITY)).toHaveLength(4);
  });

  it('can be bypassed only by the owner or a superuser who disables the triggers first (what witnesses are for)', async () => {
    // The tests connect as a superuser, which no database can stop: this is the insider the
    // street's co-signed checkpoints catch.
    await database.db.execute(sql`alter table custody_log disable trigger custody_log_append_only`);
    await database.db.execute(
      sql`update custody_log set actor = 'insider' where community_code = ${COMMUNITY} and seq = 1`,
    );
    await database.db.execute(sql`alter table custody_log enable trigger custody_log_append_only`);
    const [first] = await readCustodyLog(database.db, COMMUNITY);
    expect(first?.actor).toBe('insider');
  });
});

describe.runIf(process.env.DATABASE_URL)("PostgreSQL: the application's role cannot alter the log", () => {
  const role = `shequ_app_${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    await database.db.execute(sql.raw(`create role ${role} nologin`));
    await grantAppRole(database.db, role);
  });
  afterAll(async () => {
    await database.db.execute(sql.raw(`drop owned by ${role}`));
    await database.db.execute(sql.raw(`drop role ${role}`));
  });

  /** Runs `statement` as the application's role, in a transaction that is rolled back either way. */
  async function asApp(statement: ReturnType<typeof sql>): Promise<unknown> {
    return refusal(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${role}`));
        await tx.execute(statement);
        tx.rollback();
      }),
    ).then((error) => (messageOf(error).includes('Rollback') ? undefined : error));
  }

  it('has no UPDATE, DELETE or TRUNCATE on the append-only tables even with the triggers disabled', async () => {
    await database.db.execute(sql`alter table custody_log disable trigger user`);
    try {
      for (const statement of [
        sql`update custody_log set actor = 'app' where community_code = ${COMMUNITY}`,
        sql`delete from custody_log where community_code = ${COMMUNITY}`,
        sql`truncate custody_log`,
      ]) {
        const error = await asApp(statement);
        expect(messageOf(error)).toMatch(/permission denied/);
      }
    } finally {
      await database.db.execute(sql`alter table custody_log enable trigger user`);
    }
    for (const table of APPEND_ONLY_TABLES) {
      expect(messageOf(await asApp(sql.raw(`delete from ${table}`)))).toMatch(/permission denied/);
    }
  });

  it('cannot disable the triggers, drop them, or switch them off for its session', async () => {
    for (const statement of [
      sql`alter table custody_log disable trigger custody_log_append_only`,
      sql`drop trigger custody_log_append_only on custody_log`,
      sql`set session_replication_role = replica`,
    ]) {
      expect(messageOf(await asApp(statement))).toMatch(/must be owner|permission denied/);
    }
  });

  it('still reads the log, appends to it and updates other tables', async () => {
    expect(await asApp(sql`select count(*) from custody_log`)).toBeUndefined();
    expect(
      await asApp(sql`update custody_heads set seq = seq where community_code = ${COMMUNITY}`),
    ).toBeUndefined();
    const appended = await refusal(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${role}`));
        await appendCustodyEntry(tx, COMMUNITY, event(6));
      }),
    );
    expect(appended).toBeUndefined();
    expect(await readCustodyLog(database.db, COMMUNITY)).toHaveLength(5);
  });
});
