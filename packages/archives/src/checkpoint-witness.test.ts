import { describe, expect, it } from 'vitest';
import {
  checkpointExtends,
  checkpointOverdue,
  cosignatureProblems,
  cosignatureValid,
  cosignCheckpoint,
  isWitnessed,
  witnessDecision,
  witnessOf,
} from './checkpoint-witness.js';
import {
  buildLog,
  type CustodyCheckpoint,
  type CustodyEventInput,
  checkpointSignatureValid,
  custodyCheckpoint,
  generateSigningKey,
  logConsistencyProof,
  signCheckpoint,
} from './custody-log.js';

const COMMUNITY = '370305111007';
const STREET = '370305111';
const event = (n: number): CustodyEventInput => ({
  at: `2026-03-01T08:${String(n).padStart(2, '0')}:00.000Z`,
  actor: 'xs-liguilan',
  action: 'seal.use.stamp',
  payload: { copies: n },
});
const log = buildLog(Array.from({ length: 37 }, (_, i) => event(i + 1)));
const logKey = generateSigningKey();
const streetKey = generateSigningKey();
const checkpointAt = (size: number, entries = log, key = logKey): CustodyCheckpoint =>
  signCheckpoint(entries, {
    privateKey: key.privateKey,
    at: '2026-03-02T00:00:00.000Z',
    community: COMMUNITY,
    size,
  });

/** The same log with entry `seq` rewritten and the whole chain recomputed: what an insider can produce. */
function rewritten(seq: number): typeof log {
  return buildLog(
    log.map((entry, i) => ({ ...event(i + 1), ...(entry.seq === seq ? { payload: { copies: 99 } } : {}) })),
  );
}

const flip = (node: string): string => `${node[0] === '0' ? '1' : '0'}${node.slice(1)}`;

describe('a checkpoint extends an older one (RFC 6962 consistency proof between checkpoints)', () => {
  const older = checkpointAt(10);
  const current = checkpointAt(37);
  const proof = logConsistencyProof(log, 10, 37);

  it('accepts the proof the log gives, for every older size', () => {
    expect(checkpointExtends(older, current, proof)).toEqual({ ok: true });
    for (let size = 0; size <= 37; size += 1) {
      expect(
        checkpointExtends(checkpointAt(size), current, logConsistencyProof(log, size)).ok,
        `${size}`,
      ).toBe(true);
    }
  });

  it('refuses a truncated proof, a proof with a node forged or added, and a proof of other sizes', () => {
    for (let keep = 0; keep < proof.length; keep += 1) {
      expect(checkpointExtends(older, current, proof.slice(0, keep))).toMatchObject({
        ok: false,
        kind: 'inconsistent',
      });
    }
    proof.forEach((node, i) => {
      const forged = proof.map((other, j) => (j === i ? flip(node) : other));
      expect(checkpointExtends(older, current, forged)).toMatchObject({ ok: false, kind: 'inconsistent' });
    });
    expect(checkpointExtends(older, current, [...proof, proof[0] as string])).toMatchObject({ ok: false });
    expect(checkpointExtends(older, current, logConsistencyProof(log, 11, 37))).toMatchObject({ ok: false });
  });

  it('refuses a proof from a log rewritten with its chain recomputed', () => {
    const forgedLog = rewritten(4);
    const forgedCurrent = checkpointAt(37, forgedLog);
    expect(checkpointSignatureValid(forgedCurrent)).toBe(true);
    const result = checkpointExtends(older, forgedCurrent, logConsistencyProof(forgedLog, 10));
    expect(result).toMatchObject({ ok: false, kind: 'inconsistent' });
    if (!result.ok) expect(result.message).toContain('历史被改写');
    // A rewrite after the older checkpoint's size is not history it covers: it extends it.
    expect(
      checkpointExtends(older, checkpointAt(37, rewritten(20)), logConsistencyProof(rewritten(20), 10)).ok,
    ).toBe(true);
  });

  it('refuses an older checkpoint of another community, one larger than the current, and a malformed node', () => {
    const elsewhere = { ...older, community: '370305111008' };
    expect(checkpointExtends(elsewhere, current, proof)).toMatchObject({
      ok: false,
      kind: 'other-community',
    });
    expect(checkpointExtends(current, older, proof)).toMatchObject({ ok: false, kind: 'newer-than-current' });
    expect(checkpointExtends(older, current, [proof[0]?.toUpperCase() as string])).toMatchObject({
      ok: false,
      kind: 'malformed-proof',
    });
  });
});

describe("the street's co-signature", () => {
  const checkpoint = checkpointAt(20);
  const cosignature = cosignCheckpoint(checkpoint, {
    privateKey: streetKey.privateKey,
    witness: STREET,
    at: '2026-03-02T00:01:00.000Z',
  });
  const witnessed = custodyCheckpoint.parse({ ...checkpoint, cosignatures: [cosignature] });
  const keysOnRecord = new Map([[STREET, [streetKey.publicKey]]]);

  it('is a field added to the checkpoint: the installation signature still verifies, and the co-signature too', () => {
    expect(witnessOf(COMMUNITY)).toBe(STREET);
    expect(checkpointSignatureValid(witnessed)).toBe(true);
    expect(cosignatureValid(witnessed, cosignature)).toBe(true);
    expect(isWitnessed(witnessed, keysOnRecord)).toBe(true);
    expect(isWitnessed(checkpoint)).toBe(false);
  });

  it('no longer verifies when the size or root is changed, or when another street signs', () => {
    for (const changed of [
      { ...witnessed, size: 21 },
      { ...witnessed, root: flip(witnessed.root) },
    ]) {
      expect(cosignatureProblems(changed)).toMatchObject([{ kind: 'bad-cosignature', witness: STREET }]);
    }
    const otherStreet = { ...cosignature, witness: '370305112' };
    expect(cosignatureProblems({ ...witnessed, cosignatures: [otherStreet] })).toMatchObject([
      { kind: 'wrong-witness' },
    ]);
  });

  it('is refused when made with a key not on record for the street', () => {
    const stranger = generateSigningKey();
    const foreign = cosignCheckpoint(checkpoint, {
      privateKey: stranger.privateKey,
      witness: STREET,
      at: cosignature.at,
    });
    const problems = cosignatureProblems({ ...witnessed, cosignatures: [foreign] }, keysOnRecord);
    expect(problems).toMatchObject([{ kind: 'unknown-witness-key' }]);
    expect(problems[0]?.message).toContain(stranger.publicKey);
  });
});

describe('whether the street may co-sign (本系统规则 R-LOG-2)', () => {
  const decide = (
    checkpoint: CustodyCheckpoint,
    last?: { size: number; root: string },
    cosignedRootAtSize?: string,
  ) =>
    witnessDecision({
      community: COMMUNITY,
      checkpoint,
      logKeys: [logKey.publicKey],
      last,
      cosignedRootAtSize,
      proof: last ? logConsistencyProof(log, Math.min(last.size, checkpoint.size), checkpoint.size) : [],
    });
  const at10 = checkpointAt(10);

  it('signs the first checkpoint, then one that provably extends it; a repeat is "already"', () => {
    expect(decide(at10)).toEqual({ ok: true, already: false });
    expect(decide(checkpointAt(37), at10)).toEqual({ ok: true, already: false });
    expect(decide(at10, at10)).toEqual({ ok: true, already: true });
  });

  it('refuses a second root for a size it witnessed: equivocation, naming both roots', () => {
    const forged = checkpointAt(10, rewritten(3));
    const result = decide(forged, at10);
    expect(result).toMatchObject({ ok: false, kind: 'equivocation' });
    if (!result.ok) expect(result.message).toContain(at10.root);
    expect(decide(forged, checkpointAt(37), at10.root)).toMatchObject({ ok: false, kind: 'equivocation' });
  });

  it('refuses a rewritten history, a shorter log, another community, another signer and a bad signature', () => {
    expect(decide(checkpointAt(37, rewritten(3)), at10)).toMatchObject({ ok: false, kind: 'inconsistent' });
    expect(decide(checkpointAt(9), at10)).toMatchObject({ ok: false, kind: 'rollback' });
    const other = signCheckpoint(log, {
      privateKey: logKey.privateKey,
      at: at10.at,
      community: '370305111008',
      size: 12,
    });
    expect(decide(other, at10)).toMatchObject({ ok: false, kind: 'other-community' });
    expect(decide(checkpointAt(12, log, generateSigningKey()), at10)).toMatchObject({
      ok: false,
      kind: 'untrusted-key',
    });
    expect(decide({ ...checkpointAt(12), size: 13 }, at10)).toMatchObject({
      ok: false,
      kind: 'bad-signature',
    });
  });
});

describe('an overdue witnessed checkpoint (本系统规则 R-LOG-1)', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  it('counts two days from the oldest entry no witnessed checkpoint covers', () => {
    const overdue = (firstUncoveredAt: string | undefined, logSize = 5, witnessedSize = 3) =>
      checkpointOverdue({ logSize, witnessedSize, firstUncoveredAt, now });
    expect(overdue('2026-03-08T11:59:00.000Z')).toBe(true);
    expect(overdue('2026-03-08T12:01:00.000Z')).toBe(false);
    expect(overdue('2026-01-01T00:00:00.000Z', 3, 3)).toBe(false);
    expect(overdue(undefined, 0, 0)).toBe(false);
  });
});
