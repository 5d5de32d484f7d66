import { describe, expect, it } from 'vitest';
import { buildLog, generateSigningKey, signCheckpoint } from './custody-log.js';
import { formatLogLine, joinLogSegments, LogSegmentVerifier, verifyLogBytes } from './log-verify.js';

// Verification split over worker threads: any cut of the export at line ends, verified in parts and
// joined, gives what verifyLogBytes gives for the whole; anything wrong makes the join give up.
const entries = buildLog(
  Array.from({ length: 37 }, (_, i) => ({
    at: new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString(),
    actor: `w-${i % 3}`,
    action: i % 2 === 0 ? 'archive.lend' : 'seal.use.stamp',
    payload: { copies: (i % 4) + 1, referenceCode: `X007-WS·2025-D30-JWH-${String(i + 1).padStart(4, '0')}` },
  })),
);
const { privateKey, publicKey } = generateSigningKey();
const at = '2026-02-01T00:00:00.000Z';
const lines = entries.map(formatLogLine);

function parts(cuts: number[], treeSize: number, text = lines) {
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(0, -1).map((start, i) => {
    const verifier = new LogSegmentVerifier(treeSize);
    // Fed in two blocks of whole lines, as a worker reads them.
    const part = text.slice(start, bounds[i + 1]);
    const middle = Math.ceil(part.length / 2);
    verifier.push(Buffer.from(part.slice(0, middle).join('\n')));
    if (middle < part.length) verifier.push(Buffer.from(part.slice(middle).join('\n')));
    return verifier.finish();
  });
}

describe('verification in parts', () => {
  it('joins any cut into the result of verifying the whole, for every checkpoint size', () => {
    for (const size of [1, 2, 5, 16, 17, 32, 36, 37]) {
      const checkpoint = signCheckpoint(entries, { privateKey, at, size });
      const whole = verifyLogBytes(Buffer.from(`${lines.join('\n')}\n`), checkpoint, {
        trustedPublicKeys: [publicKey],
      });
      expect(whole.ok).toBe(true);
      for (const cuts of [[], [1], [3, 4, 5], [8, 16, 24], [7, 20, 33], [36]]) {
        expect(joinLogSegments(parts(cuts, size), checkpoint, { trustedPublicKeys: [publicKey] })).toEqual(
          whole,
        );
      }
    }
  });

  it('gives up on a changed entry, a missing part, a checkpoint newer than the log or another root', () => {
    const checkpoint = signCheckpoint(entries, { privateKey, at });
    const changed = [...lines];
    changed[20] = (changed[20] as string).replace('"copies":1', '"copies":9');
    expect(joinLogSegments(parts([10, 30], 37, changed), checkpoint)).toBeUndefined();
    const split = parts([10, 30], 37);
    expect(joinLogSegments([split[0], split[2]], checkpoint)).toBeUndefined();
    const newer = { ...signCheckpoint(entries, { privateKey, at }), size: 38 };
    expect(joinLogSegments(parts([10], 37), newer)).toMatchObject({
      ok: false,
      problem: { kind: 'bad-signature' },
    });
    const otherKey = generateSigningKey();
    expect(
      joinLogSegments(parts([10], 37), signCheckpoint(entries, { privateKey: otherKey.privateKey, at }), {
        trustedPublicKeys: [publicKey],
      }),
    ).toMatchObject({ ok: false, problem: { kind: 'untrusted-key' } });
    const shorter = signCheckpoint(entries.slice(0, 30), { privateKey, at });
    expect(joinLogSegments(parts([10], 30, lines.slice(0, 29)), shorter)).toBeUndefined();
  });
});
