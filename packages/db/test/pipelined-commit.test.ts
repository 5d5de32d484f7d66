/**
 * A transaction whose last writes go out with its COMMIT keeps the promise of a transaction: all of it or
 * nothing, and a failed write is reported with its own error. On PGlite, and on PostgreSQL with
 * DATABASE_URL, where the pool pipelines the writes and the COMMIT.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../src/archives/record.js';
import { custodyHeads } from '../src/index.js';
import { transactionCommittingWithLastWrites } from '../src/pipelined-commit.js';
import { testDatabaseForTheseTests } from './test-database.js';

const database = testDatabaseForTheseTests();

const headRow = (communityCode: string, seq: number) =>
  sql`insert into custody_heads (community_code, seq, hash) values (${communityCode}, ${seq}, ${'0'.repeat(64)})`;

const headsOf = (communityCode: string) =>
  database.db.select().from(custodyHeads).where(eq(custodyHeads.communityCode, communityCode));

describe('a transaction committed with its last writes', () => {
  it('stores what was written before and with the COMMIT, and returns its result', async () => {
    const result = await transactionCommittingWithLastWrites(database.db, async (tx) => {
      await tx.execute(headRow('000000000001', 1));
      return {
        result: 'filed',
        lastWrites: Promise.all([
          tx.execute(headRow('000000000002', 2)),
          tx.execute(headRow('000000000003', 3)),
        ]),
      };
    });
    expect(result).toBe('filed');
    for (const [code, seq] of [
      ['000000000001', 1],
      ['000000000002', 2],
      ['000000000003', 3],
    ] as const) {
      expect((await headsOf(code)).map((row) => row.seq)).toEqual([seq]);
    }
  });

  it('a last write that fails rolls everything back and is reported with its own error', async () => {
    const attempt = transactionCommittingWithLastWrites(database.db, async (tx) => {
      await tx.execute(headRow('000000000011', 1));
      return {
        result: 'filed',
        // The second row repeats the first's key.
        lastWrites: Promise.all([
          tx.execute(headRow('000000000012', 1)),
          tx.execute(headRow('000000000011', 2)),
        ]),
      };
    });
    const error = await attempt.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(await headsOf('000000000011')).toEqual([]);
    expect(await headsOf('000000000012')).toEqual([]);
  });

  it('a failure before the last writes rolls back as any transaction does', async () => {
    const attempt = transactionCommittingWithLastWrites(database.db, async (tx) => {
      await tx.execute(headRow('000000000021', 1));
      throw new Error('refused');
    });
    await expect(attempt).rejects.toThrow('refused');
    expect(await headsOf('000000000021')).toEqual([]);
  });
});
