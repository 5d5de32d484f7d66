/**
 * A transaction whose last writes go out together with its COMMIT.
 *
 * A transaction that holds a lock others queue on (a community's custody chain) holds it until PostgreSQL
 * runs its COMMIT. Awaiting the last writes before sending the COMMIT costs a round trip, and on a busy
 * server a round trip is mostly the wait for the event loop to come back to this transaction (measured at
 * about 5 ms under the load bench), during which every other filing of the community waits too. Here the
 * last writes are sent and the COMMIT follows them at once (the PostgreSQL pool pipelines; PGlite runs a
 * transaction's statements in the order they are issued).
 *
 * Whether the writes took is read afterwards: if one failed, PostgreSQL had already aborted the transaction
 * and its COMMIT rolled it back, so that write's own error is thrown and nothing of the transaction stays.
 */
import type { Database, Transaction } from './client.js';

export interface EndingWrites<T> {
  /** What the transaction returns once it is committed. */
  result: T;
  /** The transaction's last statements, sent and not awaited. */
  lastWrites: Promise<unknown>;
}

export async function transactionCommittingWithLastWrites<T>(
  db: Database,
  work: (tx: Transaction) => Promise<EndingWrites<T>>,
): Promise<T> {
  let lastWrites: Promise<unknown> | undefined;
  let result: T;
  try {
    result = await db.transaction(async (tx) => {
      const ending = await work(tx);
      lastWrites = ending.lastWrites;
      // Observed below, after the COMMIT; until then a failure must not count as unhandled.
      lastWrites.catch(() => undefined);
      return ending.result;
    });
  } catch (error) {
    // PGlite reports a COMMIT that rolled back as an error of its own: the failed write's says more.
    await lastWrites;
    throw error;
  }
  await lastWrites;
  return result;
}
