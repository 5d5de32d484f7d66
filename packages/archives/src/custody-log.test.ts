import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import {
  appendEntry,
  buildLog,
  type CustodyEventInput,
  type CustodyLogEntry,
  checkpointSignatureValid,
  custodyActionLabels,
  custodyCheckpoint,
  custodyLogEntry,
  entryContentJson,
  entryHash,
  entryInclusionProof,
  formatExport,
  GENESIS_HASH,
  generateSigningKey,
  isCustodyLogEntry,
  logConsistencyProof,
  logRoot,
  signCheckpoint,
  signingKeyFromPem,
  signingKeyToPem,
} from './custody-log.js';
import { formatLogLine, parseLogLines, verifyLog, verifyLogBytes, verifyLogText } from './log-verify.js';
import { verifyConsistency, verifyInclusion } from './merkle.js';

const events: CustodyEventInput[] = [
  {
    at: '2024-03-01T09:00:00+08:00',
    actor: 'w-li',
    action: 'archive.file',
    payload: { referenceCode: 'X007-WS·2023-Y-BGS-0001' },
  },
  {
    at: '2024-03-02T10:00:00+08:00',
    actor: 'w-li',
    action: 'archive.lend',
    payload: { borrower: 'w-wang', dueOn: '2024-03-09' },
  },
  {
    at: '2024-03-05T15:30:00+08:00',
    actor: 'w-li',
    action: 'archive.return',
    payload: { borrower: 'w-wang' },
  },
  {
    at: '2024-03-06T08:45:00+08:00',
    actor: 'w-zhao',
    action: 'seal.use.request',
    payload: { seal: 'S-1', copies: 2 },
  },
  { at: '2024-03-06T09:10:00+08:00', actor: 'w-sun', action: 'seal.use.approve', payload: { seal: 'S-1' } },
  {
    at: '2024-03-06T09:20:00+08:00',
    actor: 'w-li',
    action: 'seal.use.stamp',
    payload: { seal: 'S-1', copies: 2 },
  },
  {
    at: '2024-03-08T11:00:00+08:00',
    actor: 'w-li',
    action: 'seal.takeOut',
    payload: { seal: 'S-1', returnBy: '2024-03-08T17:00:00+08:00' },
  },
];

const signer = generateSigningKey();
const log = buildLog(events);
const checkpoint = signCheckpoint(log, {
  privateKey: signer.privateKey,
  at: '2024-03-08T12:00:00+08:00',
  community: '370305111007',
});
const trusted = { trustedPublicKeys: [signer.publicKey] };

const copy = (entries: readonly CustodyLogEntry[]): CustodyLogEntry[] =>
  entries.map((entry) => structuredClone(entry));
const rehash = (entry: CustodyLogEntry): CustodyLogEntry => ({ ...entry, hash: entryHash(entry) });
/** What a careful forger does after changing entry `from`: recompute every later link. */
const rechain = (entries: CustodyLogEntry[], from: number): CustodyLogEntry[] => {
  for (let i = from; i < entries.length; i += 1) {
    const entry = entries[i] as CustodyLogEntry;
    const previous = entries[i - 1];
    entries[i] = rehash({ ...entry, prevHash: previous ? previous.hash : GENESIS_HASH });
  }
  return entries;
};
const problemOf = (entries: readonly unknown[], cp = checkpoint) => {
  const result = verifyLog(entries, cp, trusted);
  // The same log as `log export` writes it, checked from its bytes as `shequ log verify` checks a file.
  const exported = Buffer.from(`${entries.map((entry) => formatLogLine(entry as object)).join('\n')}\n`);
  expect(verifyLogBytes(exported, cp, trusted)).toEqual(result);
  if (result.ok) throw new Error('tampering went unnoticed');
  return result.problem;
};

describe('the custody log', () => {
  it('chains each entry to the one before and numbers them from 1', () => {
    expect(log.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(log[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < log.length; i += 1) expect(log[i]?.prevHash).toBe(log[i - 1]?.hash);
  });

  it('hashes the canonical form, so the member order of an exported line does not matter', () => {
    const entry = log[1] as CustodyLogEntry;
    const reversed = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(entry).reverse())),
    ) as CustodyLogEntry;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(entry));
    const shuffled = reversed;
    expect(entryHash(shuffled)).toBe(entry.hash);
  });

  it('refuses an event with an empty actor or a malformed time, naming the field', () => {
    expect(() => appendEntry(undefined, { ...events[0], actor: '' } as CustodyEventInput)).toThrow(/actor/);
    expect(() => appendEntry(undefined, { ...events[0], at: '2024-03-01' } as CustodyEventInput)).toThrow(
      /at/,
    );
  });

  it('verifies an untouched log and reports how many entries the checkpoint covers', () => {
    expect(verifyLog(log, checkpoint, trusted)).toMatchObject({
      ok: true,
      size: 7,
      entries: 7,
      root: checkpoint.root,
    });
  });

  it('accepts entries appended after the checkpoint, and says they are not covered by it', () => {
    const grown = [
      ...log,
      appendEntry(log[6], {
        at: '2024-03-08T16:40:00+08:00',
        actor: 'w-li',
        action: 'seal.bringBack',
        payload: { seal: 'S-1' },
      }),
    ];
    expect(verifyLog(grown, checkpoint, trusted)).toMatchObject({ ok: true, size: 7, entries: 8 });
  });

  it('names an entry altered without recomputing its hash', () => {
    const tampered = copy(log);
    (tampered[2] as CustodyLogEntry).actor = 'w-zhang';
    expect(problemOf(tampered)).toMatchObject({ kind: 'altered', seq: 3, line: 3 });
  });

  it('names an entry altered with its own hash recomputed, through the next entry’s link', () => {
    const tampered = copy(log);
    tampered[2] = rehash({ ...(tampered[2] as CustodyLogEntry), payload: { borrower: 'w-zhang' } });
    expect(problemOf(tampered)).toMatchObject({ kind: 'altered', seq: 3 });
  });

  it('catches a rewrite whose whole chain was recomputed by the root of the checkpoint', () => {
    const tampered = copy(log);
    (tampered[2] as CustodyLogEntry).payload = { borrower: 'w-zhang' };
    const problem = problemOf(rechain(tampered, 2));
    expect(problem.kind).toBe('root-mismatch');
    expect(problem.message).toContain('seq 1–7');
  });

  it('names a dropped entry in the middle', () => {
    const tampered = log.filter((entry) => entry.seq !== 3);
    expect(problemOf(tampered)).toMatchObject({ kind: 'dropped', seq: 3, line: 3 });
  });

  it('names the first of the entries dropped from the end', () => {
    expect(problemOf(log.slice(0, 5))).toMatchObject({ kind: 'dropped', seq: 6 });
  });

  it('names an entry inserted with a seq that duplicates an existing one', () => {
    const forged = appendEntry(log[2], {
      at: '2024-03-05T16:00:00+08:00',
      actor: 'w-li',
      action: 'archive.lend',
      payload: { borrower: 'w-zhang' },
    });
    const tampered = [...log.slice(0, 3), forged, ...log.slice(3)];
    expect(problemOf(tampered)).toMatchObject({ kind: 'inserted', seq: 4, line: 5 });
  });

  it('names an entry inserted with a seq of its own', () => {
    const forged = rehash({ ...(log[3] as CustodyLogEntry), seq: 99, actor: 'w-zhang' });
    const tampered = [...log.slice(0, 3), forged, ...log.slice(3)];
    expect(problemOf(tampered)).toMatchObject({ kind: 'inserted', seq: 99, line: 4 });
  });

  it('names entries that swapped places', () => {
    const tampered = [...log.slice(0, 2), log[3], log[2], ...log.slice(4)] as CustodyLogEntry[];
    expect(problemOf(tampered)).toMatchObject({ kind: 'reordered', seq: 4, line: 3 });
  });

  it('refuses a checkpoint changed after signing', () => {
    const moved = { ...checkpoint, size: 5, root: logRoot(log.slice(0, 5)) };
    expect(checkpointSignatureValid(moved)).toBe(false);
    expect(problemOf(log, moved)).toMatchObject({ kind: 'bad-signature', seq: null });
  });

  it('refuses a signature made with another key than the one the checkpoint names', () => {
    const other = generateSigningKey();
    const signedByOther = signCheckpoint(log, { privateKey: other.privateKey, at: checkpoint.at });
    const spoofed = { ...signedByOther, publicKey: signer.publicKey };
    expect(problemOf(log, spoofed)).toMatchObject({ kind: 'bad-signature' });
  });

  it('refuses a rewritten log re-signed with a key the verifier does not trust', () => {
    const tampered = rechain(copy(log), 0);
    (tampered[0] as CustodyLogEntry).actor = 'w-zhang';
    const rewritten = rechain(tampered, 0);
    const forger = generateSigningKey();
    const forged = signCheckpoint(rewritten, { privateKey: forger.privateKey, at: checkpoint.at });
    expect(verifyLog(rewritten, forged).ok).toBe(true); // signed by the key it names, nothing more
    expect(problemOf(rewritten, forged)).toMatchObject({ kind: 'untrusted-key' });
  });

  it('names a line that is not JSON or lacks a field', () => {
    const lines = log.map((entry) => formatLogLine(entry));
    lines[4] = '{"seq": 5, "at": ';
    expect(verifyLogText(lines.join('\n'), checkpoint, trusted)).toMatchObject({
      ok: false,
      problem: { kind: 'malformed-entry', seq: 5, line: 5 },
    });
    const withoutHash = copy(log).map((entry) => entry as Partial<CustodyLogEntry>);
    delete withoutHash[1]?.hash;
    expect(problemOf(withoutHash)).toMatchObject({ kind: 'malformed-entry', seq: 2, line: 2 });
    expect(problemOf(withoutHash).message).toContain('hash');
  });

  it('round-trips through the JSON Lines export', () => {
    const text = `${log.map((entry) => formatLogLine(entry)).join('\n')}\n`;
    expect(parseLogLines(text)).toHaveLength(7);
    expect(
      verifyLogText(text, custodyCheckpoint.parse(JSON.parse(JSON.stringify(checkpoint))), trusted).ok,
    ).toBe(true);
  });

  it('proves one entry belongs to a checkpoint, and that a later checkpoint extends an earlier one', () => {
    const root = Buffer.from(checkpoint.root, 'hex');
    const entry = log[3] as CustodyLogEntry;
    const proof = entryInclusionProof(log, 4).map((node) => Buffer.from(node, 'hex'));
    expect(verifyInclusion(Buffer.from(entry.hash, 'hex'), 3, 7, proof, root)).toBe(true);

    const earlier = signCheckpoint(log, {
      privateKey: signer.privateKey,
      at: '2024-03-05T18:00:00+08:00',
      size: 3,
    });
    const consistency = logConsistencyProof(log, 3).map((node) => Buffer.from(node, 'hex'));
    expect(verifyConsistency(3, 7, consistency, Buffer.from(earlier.root, 'hex'), root)).toBe(true);
  });

  it('writes the content of standard entries exactly as the general canonicalizer does', () => {
    const unusual = appendEntry(undefined, {
      at: '2024-03-01T09:00:00.123+08:00',
      actor: '李 "老师"\\ \u0007 😀',
      action: 'archive.file',
      payload: { z: [1.5, 1e21, -0, null], a: { é: '\u2028', '1': true } },
    });
    for (const entry of [...log, unusual]) {
      const { hash: _hash, ...content } = entry;
      expect(entryContentJson(entry)).toBe(canonicalJson(content));
    }
    const extended = { ...(log[0] as CustodyLogEntry), community: '370305111007' };
    const { hash: _hash, ...content } = extended;
    expect(entryContentJson(extended)).toBe(canonicalJson(content));
  });

  it('judges well-formed entries exactly as the schema does', () => {
    const entry = log[0] as CustodyLogEntry;
    const candidates: unknown[] = [
      entry,
      { ...entry, community: 'x' },
      { ...entry, seq: 0 },
      { ...entry, seq: 1.5 },
      { ...entry, seq: '1' },
      { ...entry, at: '2024-03-01' },
      { ...entry, at: '2024-13-01T09:00:00+08:00' },
      // `at` is judged by zod's ISO pattern directly (isLogInstant): the same verdicts as its schema.
      { ...entry, at: '2024-02-29T09:00:00.123456Z' },
      { ...entry, at: '2023-02-29T09:00:00Z' },
      { ...entry, at: '2000-02-29T23:59:59-05:30' },
      { ...entry, at: '1900-02-29T00:00:00Z' },
      { ...entry, at: '2024-04-31T09:00:00Z' },
      { ...entry, at: '2024-03-01T24:00:00Z' },
      { ...entry, at: '2024-03-01T09:00:00' },
      { ...entry, at: '2024-03-01T09:00:00+0800' },
      { ...entry, at: '2024-03-01 09:00:00Z' },
      { ...entry, at: ' 2024-03-01T09:00:00Z' },
      { ...entry, at: 1709283600000 },
      { ...entry, actor: '' },
      { ...entry, action: 'Lend' },
      { ...entry, payload: [] },
      { ...entry, payload: null },
      { ...entry, prevHash: entry.prevHash.toUpperCase().replace(/0/g, 'A') },
      { ...entry, hash: 'abc' },
      null,
      [entry],
      'entry',
    ];
    for (const candidate of candidates) {
      expect(isCustodyLogEntry(candidate), JSON.stringify(candidate)).toBe(
        custodyLogEntry.safeParse(candidate).success,
      );
    }
  });

  it('accepts every action the applications record', () => {
    for (const action of Object.keys(custodyActionLabels)) {
      expect(
        () => appendEntry(undefined, { ...(events[0] as CustodyEventInput), action }),
        action,
      ).not.toThrow();
    }
  });

  it('refuses an entry dated before the one it follows', () => {
    const last = log[log.length - 1] as CustodyLogEntry;
    expect(() => appendEntry(last, { ...(events[0] as CustodyEventInput) })).toThrow(/早于上一条（seq 7/);
  });

  it('keeps the signing key through PEM, and the export verifies as written', () => {
    const restored = signingKeyFromPem(signingKeyToPem(signer.privateKey));
    const again = signCheckpoint(log, { privateKey: restored, at: checkpoint.at, community: '370305111007' });
    expect(again.publicKey).toBe(signer.publicKey);
    const files = formatExport(log, again);
    const parsedCheckpoint = custodyCheckpoint.parse(JSON.parse(files['checkpoint.json']));
    expect(verifyLogText(files['log.jsonl'], parsedCheckpoint, trusted).ok).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => signingKeyFromPem(rsa.toString())).toThrow(/Ed25519/);
  });
});
