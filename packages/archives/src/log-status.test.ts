import { describe, expect, it } from 'vitest';
import { cosignCheckpoint } from './checkpoint-witness.js';
import { buildLog, type CustodyCheckpoint, generateSigningKey, signCheckpoint } from './custody-log.js';
import { custodyLogStatus } from './log-status.js';

const COMMUNITY = '370305111007';
const STREET = '370305111';
const logKey = generateSigningKey();
const streetKey = generateSigningKey();
const events = Array.from({ length: 30 }, (_, i) => ({
  at: `2026-03-01T08:${String(i).padStart(2, '0')}:00.000Z`,
  actor: 'xs-liguilan',
  action: 'seal.use.stamp',
  payload: { copies: i + 1 },
}));
const log = buildLog(events);
const witnessedAt = (size: number, key = streetKey): CustodyCheckpoint => {
  const checkpoint = signCheckpoint(log, {
    privateKey: logKey.privateKey,
    at: '2026-03-02T00:00:00.000Z',
    community: COMMUNITY,
    size,
  });
  return {
    ...checkpoint,
    cosignatures: [
      cosignCheckpoint(checkpoint, { privateKey: key.privateKey, witness: STREET, at: checkpoint.at }),
    ],
  };
};
const witnessed = [witnessedAt(10), witnessedAt(20), witnessedAt(30)];
const witnessKeys = new Map([[STREET, [streetKey.publicKey]]]);
const now = new Date('2026-03-02T01:00:00.000Z');

describe("a community log's status against its witnessed checkpoints", () => {
  it('is verified when the log extends the newest witnessed checkpoint', () => {
    const grown = buildLog([
      ...events,
      { ...events[0], at: '2026-03-02T00:30:00.000Z' } as (typeof events)[0],
    ]);
    expect(custodyLogStatus({ entries: grown, witnessed, witnessKeys, now })).toMatchObject({
      state: 'verified',
      size: 31,
      witnessed: { size: 30, witnesses: [STREET] },
      problem: null,
      overdue: false,
    });
  });

  it('names the seq of an entry edited in place', () => {
    const edited = log.map((entry) => (entry.seq === 14 ? { ...entry, payload: { copies: 99 } } : entry));
    expect(custodyLogStatus({ entries: edited, witnessed, witnessKeys, now })).toMatchObject({
      state: 'failed',
      problem: { seq: 14, from: 14, to: 14 },
    });
  });

  it('places a rewrite with the chain recomputed between the witnessed checkpoints that hold and the first that does not', () => {
    const rewritten = buildLog(
      events.map((event, i) => (i === 14 ? { ...event, payload: { copies: 99 } } : event)),
    );
    const status = custodyLogStatus({ entries: rewritten, witnessed, witnessKeys, now });
    expect(status).toMatchObject({ state: 'failed', problem: { seq: null, from: 11, to: 20 } });
    expect(status.problem?.message).toContain('seq 11–20');
    // With a witnessed checkpoint at every size the exact seq is named.
    const everySize = Array.from({ length: 30 }, (_, i) => witnessedAt(i + 1));
    expect(
      custodyLogStatus({ entries: rewritten, witnessed: everySize, witnessKeys, now }).problem,
    ).toMatchObject({
      seq: 15,
    });
  });

  it('is unwitnessed when no co-signature is by a key on record, and overdue two days after the first uncovered entry', () => {
    const stranger = generateSigningKey();
    const status = custodyLogStatus({
      entries: log,
      witnessed: [witnessedAt(30, stranger)],
      witnessKeys,
      now,
    });
    expect(status).toMatchObject({ state: 'unwitnessed', witnessed: null, overdue: false });
    const later = new Date('2026-03-04T00:00:01.000Z');
    expect(custodyLogStatus({ entries: log, witnessed: [], witnessKeys, now: later }).overdue).toBe(true);
    expect(custodyLogStatus({ entries: log, witnessed, witnessKeys, now: later }).overdue).toBe(false);
  });
});
