/**
 * Checkpoints issued, kept and witnessed by the street; an insider who rewrites the log and
 * recomputes the chain gets no co-signature, and the attempt is recorded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLog, cosignatureProblems, isWitnessed, verifyLog, witnessOf } from '@shequ/archives';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendCustodyEntry,
  checkpoints,
  communitiesDueForCheckpoint,
  custodyLogStatusOf,
  custodyLogsNeedingAttention,
  type DatabaseHandle,
  issueCheckpointRecord,
  issueDueCheckpoints,
  issueWitnessedCheckpoint,
  latestWitnessedCheckpoint,
  loadSigningKey,
  loadWitnessKey,
  readCustodyLog,
  type SigningKey,
  type WitnessKey,
  witnessCheckpoint,
  witnessKeysOnRecord,
  witnessRefusalsOf,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity, tamperAsSuperuser } from '../src/testing.js';

const COMMUNITY = '370305111007';
const NEIGHBOUR = '370305111008';
const event = (n: number) => ({
  at: `2026-03-01T08:${String(n).padStart(2, '0')}:00.000Z`,
  actor: 'xs-liguilan',
  action: 'seal.use.stamp',
  payload: { copies: n },
});

let database: DatabaseHandle;
let dir: string;
let key: SigningKey;
let witness: WitnessKey;
const append = (community: string, from: number, to: number) =>
  database.db.transaction(async (tx) => {
    for (let n = from; n <= to; n += 1) await appendCustodyEntry(tx, community, event(n));
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-witness-'));
  key = loadSigningKey(join(dir, 'signing-key.pem'));
  witness = loadWitnessKey(witnessOf(COMMUNITY), join(dir, 'witness-keys'));
  database = await createTestDatabase();
  await insertTestCommunity(database, { code: COMMUNITY, name: '象山社区居委会' });
  await insertTestCommunity(database, { code: NEIGHBOUR, name: '邻社区居委会' });
  await append(COMMUNITY, 1, 5);
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('witnessed checkpoints', () => {
  it("are co-signed by the street's own key, which is put on record", async () => {
    expect(witness.publicKey).not.toBe(key.publicKey);
    const outcome = await issueWitnessedCheckpoint(database.db, COMMUNITY, {
      key,
      witnessKey: witness,
      at: '2026-03-02T00:00:00.000Z',
      issuedBy: 'test',
      occasion: 'manual',
    });
    expect(outcome).toMatchObject({
      ok: true,
      already: false,
      checkpoint: { size: 5, community: COMMUNITY },
    });
    const onRecord = await witnessKeysOnRecord(database.db);
    expect(onRecord.get('370305111')).toEqual([witness.publicKey]);
    expect(isWitnessed(outcome.checkpoint, onRecord)).toBe(true);
    expect(await latestWitnessedCheckpoint(database.db, COMMUNITY)).toEqual(outcome.checkpoint);
  });

  it('are issued by the daily run for every community whose log grew, and only for those', async () => {
    await append(COMMUNITY, 6, 9);
    await append(NEIGHBOUR, 1, 2);
    expect(await communitiesDueForCheckpoint(database.db)).toEqual([COMMUNITY, NEIGHBOUR]);
    const run = await issueDueCheckpoints(database.db, {
      key,
      at: '2026-03-03T00:00:00.000Z',
      witnessKeyDir: join(dir, 'witness-keys'),
    });
    expect(run.map(({ community, outcome }) => [community, outcome.ok, outcome.checkpoint.size])).toEqual([
      [COMMUNITY, true, 9],
      [NEIGHBOUR, true, 2],
    ]);
    expect(await communitiesDueForCheckpoint(database.db)).toEqual([]);
    const [kept] = await database.db
      .select({ occasion: checkpoints.occasion, createdBy: checkpoints.createdBy })
      .from(checkpoints)
      .where(sql`${checkpoints.communityCode} = ${NEIGHBOUR}`);
    expect(kept).toEqual({ occasion: 'schedule', createdBy: 'schedule' });
  });

  it('refuses to co-sign a log rewritten with its chain recomputed, records it, and the kept checkpoint catches the rewrite', async () => {
    const witnessed = await latestWitnessedCheckpoint(database.db, COMMUNITY);
    if (!witnessed) throw new Error('no witnessed checkpoint');
    // An insider with superuser access turns "3 copies" into 30 and recomputes every hash after it,
    // and deletes the co-signature rows so the database no longer shows what was witnessed.
    const original = await readCustodyLog(database.db, COMMUNITY);
    const forged = buildLog(
      original.map(({ at, actor, action, payload }, i) => ({
        at,
        actor,
        action,
        payload: i === 2 ? { copies: 30 } : payload,
      })),
    );
    for (const entry of forged) {
      await tamperAsSuperuser(
        database,
        'custody_log',
        sql`update custody_log set payload = ${JSON.stringify(entry.payload)}::jsonb, prev_hash = ${entry.prevHash}, hash = ${entry.hash}
            where community_code = ${COMMUNITY} and seq = ${entry.seq}`,
      );
    }
    await database.db.execute(
      sql`update custody_heads set hash = ${forged.at(-1)?.hash ?? ''} where community_code = ${COMMUNITY}`,
    );
    await tamperAsSuperuser(
      database,
      'checkpoint_cosignatures',
      sql`delete from checkpoint_cosignatures where community_code = ${COMMUNITY}`,
    );
    await append(COMMUNITY, 10, 10);

    const attempt = await issueWitnessedCheckpoint(database.db, COMMUNITY, {
      key,
      witnessKey: witness,
      at: '2026-03-04T00:00:00.000Z',
      issuedBy: 'insider',
      occasion: 'manual',
    });
    expect(attempt).toMatchObject({ ok: false, kind: 'inconsistent' });
    expect(attempt.checkpoint.cosignatures).toBeUndefined();

    // A second root for the size the street witnessed is equivocation, refused and recorded too.
    const sameSize = await issueCheckpointRecord(database.db, COMMUNITY, {
      key,
      at: '2026-03-04T00:01:00.000Z',
      issuedBy: 'insider',
      size: witnessed.size,
    });
    const equivocation = await witnessCheckpoint(database.db, sameSize.id, {
      witnessKey: witness,
      logKeys: [key.publicKey],
      at: '2026-03-04T00:02:00.000Z',
    });
    expect(equivocation).toMatchObject({ ok: false, kind: 'equivocation' });
    expect((await witnessRefusalsOf(database.db, COMMUNITY)).map((r) => r.kind)).toEqual([
      'equivocation',
      'inconsistent',
    ]);
    // The checkpoint kept from before names the rewrite; the fresh one the insider signed does not.
    const current = await readCustodyLog(database.db, COMMUNITY);
    expect(verifyLog(current, witnessed)).toMatchObject({ ok: false, problem: { kind: 'root-mismatch' } });
    expect(verifyLog(current, attempt.checkpoint).ok).toBe(true);
    // The log page and the street's dashboard say so without anyone pasting a checkpoint.
    const now = new Date('2026-03-04T01:00:00.000Z');
    const keys = { witnessKeyDir: join(dir, 'witness-keys') };
    expect(await custodyLogStatusOf(database.db, COMMUNITY, now, keys)).toMatchObject({
      state: 'failed',
      witnessed: { size: 9 },
      problem: { from: 1, to: 9 },
    });
    expect(await custodyLogStatusOf(database.db, NEIGHBOUR, now, keys)).toMatchObject({ state: 'verified' });
    const attention = await custodyLogsNeedingAttention(database.db, '370305111', now, keys);
    expect(attention.map((row) => [row.community, row.status.state])).toEqual([[COMMUNITY, 'failed']]);
  });

  it("refuses a checkpoint of another community for this street's key and a witness key not on record", async () => {
    const elsewhere = loadWitnessKey('370305112', join(dir, 'witness-keys'));
    const [row] = await database.db.select({ id: checkpoints.id }).from(checkpoints).limit(1);
    await expect(
      witnessCheckpoint(database.db, row?.id ?? 0, {
        witnessKey: elsewhere,
        logKeys: [key.publicKey],
        at: '2026-03-05T00:00:00.000Z',
      }),
    ).rejects.toThrow(/不是社区/);
    const witnessed = await latestWitnessedCheckpoint(database.db, NEIGHBOUR);
    if (!witnessed) throw new Error('no witnessed checkpoint');
    const onRecordElsewhere = new Map([['370305111', [elsewhere.publicKey]]]);
    expect(cosignatureProblems(witnessed, onRecordElsewhere)).toMatchObject([
      { kind: 'unknown-witness-key' },
    ]);
  });
});
