/**
 * Verifying an exported custody log against a signed checkpoint, with the package alone.
 *
 * The checks run in the order that names the earliest culprit: the checkpoint's signature (and,
 * when the verifier pins keys, whose key it is); then each entry in file order — well-formed, its
 * own hash, its place in the numbering, its link to the entry before; then the number of entries
 * and the Merkle root of the first `size` entries against the checkpoint.
 *
 * Interpretation of a broken link: when entry k+1's `prevHash` is not entry k's `hash` and both
 * entries' own hashes are intact, either entry k was rewritten with a recomputed hash, or entry
 * k+1's `prevHash` was. Rewriting content is the likelier attack, so entry k is named; the message
 * states both possibilities.
 *
 * A log whose whole chain was recomputed after a change is internally consistent; only the
 * checkpoint's root catches it, and a root cannot tell which entry differs, so that problem names
 * the range `1..size` instead of one entry (`seq: null`).
 */
import { hash as cryptoHash } from 'node:crypto';
import { canonicalJson, canonicalJsonEnd, plainStringEnd } from './canonical-json.js';
import {
  CUSTODY_ACTION_PATTERN,
  type CustodyCheckpoint,
  checkpointSignatureValid,
  custodyLogEntry,
  entryContentJson,
  GENESIS_HASH,
  isCustodyLogEntry,
  isLogInstant,
} from './custody-log.js';
import { EntryHashTree } from './merkle.js';

export type LogProblemKind =
  | 'bad-signature'
  | 'untrusted-key'
  | 'malformed-entry'
  | 'altered'
  | 'dropped'
  | 'inserted'
  | 'reordered'
  | 'broken-chain'
  | 'root-mismatch';

export interface LogProblem {
  kind: LogProblemKind;
  /** The `seq` of the first entry that does not verify; null when no single entry can be named. */
  seq: number | null;
  /** The 1-based line of the export where the problem shows, when it shows at a line. */
  line: number | null;
  /** One sentence in Chinese. */
  message: string;
}

export type LogVerification =
  | {
      ok: true;
      /** Entries covered by the checkpoint. */
      size: number;
      root: string;
      at: string;
      publicKey: string;
      /** Entries in the export, `size` of them covered and the rest appended since (chain-checked only). */
      entries: number;
    }
  | { ok: false; problem: LogProblem };

export interface VerifyLogOptions {
  /**
   * Public keys (Base64) the verifier trusts. Without them a checkpoint only proves it was signed
   * by the key it names, so anyone could re-sign a rewritten log: pin the community's key.
   */
  trustedPublicKeys?: readonly string[];
}

/** A line of an export that is not JSON at all. */
export class UnparsableLine {
  constructor(readonly reason: string) {}
}

/**
 * Splits a `log.jsonl` export into parsed lines; a final newline is allowed, blank lines inside
 * are not (they are reported as malformed), and a file of nothing but whitespace is an empty log.
 */
export function parseLogLines(text: string): unknown[] {
  return splitLogLines(text).map(parseLogLine);
}

function splitLogLines(text: string): string[] {
  if (text.trim() === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function parseLogLine(line: string): unknown {
  try {
    return JSON.parse(line.endsWith('\r') ? line.slice(0, -1) : line) as unknown;
  } catch (error) {
    return new UnparsableLine(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Verifies an export as text. Same result as `verifyLog(parseLogLines(text))`, faster: a line that
 * is exactly what `log export` writes is checked straight from its bytes (see `verifiedCanonicalLine`);
 * any other line, and any line whose checks fail, goes through `verifyLog`'s per-entry checks, so
 * problems are found and worded as before. Lines are parsed one at a time, not held as objects.
 */
export function verifyLogText(
  text: string,
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification {
  const lines = splitLogLines(text);
  return verifyEntries(
    lines.length,
    (index) => parseLogLine(lines[index] as string),
    (index, expectedSeq, previousHash) =>
      verifiedCanonicalLine(lines[index] as string, expectedSeq, previousHash),
    () => lines.map(parseLogLine),
    checkpoint,
    options,
  );
}

export function verifyLog(
  lines: readonly unknown[],
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification {
  return verifyEntries(
    lines.length,
    (index) => lines[index],
    undefined,
    () => lines,
    checkpoint,
    options,
  );
}

/**
 * The fast path: takes a line as `log export` writes it for an entry with only the standard
 * fields — `{"action":…,"actor":…,"at":…,"hash":…,"payload":…,"prevHash":…,"seq":…}` in RFC 8785
 * order, strings without escapes, a payload `canonicalJsonEnd` vouches for — and returns its hash
 * when every check `verifyLog` makes of that line passes: the fields have the shapes
 * `isCustodyLogEntry` demands, `seq` is the one expected, `prevHash` is the previous entry's hash,
 * and `hash` is SHA-256 of the content. Otherwise undefined, and the general path decides.
 *
 * Such a line is the canonical JSON of the entry it parses to, so the entry's canonical content
 * (what `entryHash` hashes) is the line with its `hash` member cut out: those bytes are hashed as
 * they stand, with no JSON.parse and no re-serialising. Checking that the line is canonical — not
 * merely that the cut-out bytes hash to `hash` — is what keeps results exact: a hand-edited,
 * non-canonical line whose `hash` was recomputed over its own bytes is still reported as altered,
 * as `verifyLog` reports it. Comparing `hash` and `prevHash` with known lower-case hex (the digest,
 * the previous hash) also proves their shape, so they are not scanned separately.
 */
function verifiedCanonicalLine(line: string, expectedSeq: number, previousHash: string): string | undefined {
  if (!line.startsWith('{"action":"')) return undefined;
  const actionEnd = plainStringEnd(line, 11);
  if (actionEnd < 0 || !CUSTODY_ACTION_PATTERN.test(line.slice(11, actionEnd))) return undefined;
  if (!line.startsWith('","actor":"', actionEnd)) return undefined;
  const actorEnd = plainStringEnd(line, actionEnd + 11);
  if (actorEnd <= actionEnd + 11) return undefined; // absent or empty
  if (!line.startsWith('","at":"', actorEnd)) return undefined;
  const atStart = actorEnd + 8;
  const atEnd = plainStringEnd(line, atStart);
  // `,"hash":"` + 64 characters + `"`: the member cut out to get the hashed content.
  const hashMember = atEnd + 1;
  if (atEnd < 0 || !line.startsWith(',"hash":"', hashMember)) return undefined;
  const hashStart = hashMember + 9;
  const hashMemberEnd = hashStart + 65;
  if (line.charCodeAt(hashMemberEnd - 1) !== 0x22 || !line.startsWith(',"payload":{', hashMemberEnd)) {
    return undefined;
  }
  const payloadEnd = canonicalJsonEnd(line, hashMemberEnd + 11);
  if (payloadEnd < 0 || !line.startsWith(',"prevHash":"', payloadEnd)) return undefined;
  const prevHashStart = payloadEnd + 13;
  if (!line.startsWith(previousHash, prevHashStart) || !line.startsWith('","seq":', prevHashStart + 64)) {
    return undefined;
  }
  // `seq` exactly as the expected number prints, then the closing brace and nothing more.
  const seqStart = prevHashStart + 72;
  const seqText = String(expectedSeq);
  if (line.length !== seqStart + seqText.length + 1 || !line.startsWith(seqText, seqStart)) return undefined;
  if (line.charCodeAt(line.length - 1) !== 0x7d || !isLogInstant(line.slice(atStart, atEnd)))
    return undefined;
  const contentHash = sha256Hex(line.slice(0, hashMember) + line.slice(hashMemberEnd));
  return line.startsWith(contentHash, hashStart) ? contentHash : undefined;
}

function sha256Hex(text: string): string {
  return cryptoHash('sha256', text, 'hex');
}

function verifyEntries(
  count: number,
  valueAt: (index: number) => unknown,
  verifiedAt: ((index: number, expectedSeq: number, previousHash: string) => string | undefined) | undefined,
  allValues: () => readonly unknown[],
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions,
): LogVerification {
  const fail = (
    kind: LogProblemKind,
    seq: number | null,
    line: number | null,
    message: string,
  ): LogVerification => ({
    ok: false,
    problem: { kind, seq, line, message },
  });

  if (!checkpointSignatureValid(checkpoint)) {
    return fail(
      'bad-signature',
      null,
      null,
      '检查点的签名无效：检查点在签名后被改动，或不是用其所列公钥签的',
    );
  }
  const signer = Buffer.from(checkpoint.publicKey, 'base64');
  if (
    options.trustedPublicKeys &&
    !options.trustedPublicKeys.some((key) => Buffer.from(key, 'base64').equals(signer))
  ) {
    return fail('untrusted-key', null, null, `检查点由不受信任的公钥 ${checkpoint.publicKey} 签名`);
  }

  const tree = new EntryHashTree();
  let verified = 0;
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < count; index += 1) {
    const line = index + 1;
    const expected = line;
    const fastHash = verifiedAt?.(index, expected, previousHash);
    if (fastHash !== undefined) {
      previousHash = fastHash;
      if (verified < checkpoint.size) tree.appendEntryHashHex(fastHash);
      verified += 1;
      continue;
    }
    const value = valueAt(index);
    if (value instanceof UnparsableLine) {
      return fail(
        'malformed-entry',
        expected,
        line,
        `第 ${line} 行不是有效的 JSON（应为 seq ${expected}）：${value.reason}`,
      );
    }
    if (!isCustodyLogEntry(value)) {
      const issue = custodyLogEntry.safeParse(value).error?.issues[0];
      const field = issue?.path.join('.') || '条目';
      return fail(
        'malformed-entry',
        seqOf(value) ?? expected,
        line,
        `第 ${line} 行的条目格式不对：${field}: ${issue?.message ?? '无效'}`,
      );
    }
    const entry = value;
    if (sha256Hex(entryContentJson(entry)) !== entry.hash) {
      return fail(
        'altered',
        entry.seq,
        line,
        `seq ${entry.seq}（第 ${line} 行）的内容与其 hash 不符：该条目被改动`,
      );
    }
    if (entry.seq !== expected) {
      // Only a log already known to be wrong pays for indexing every seq.
      const seqLines = linesBySeq(allValues());
      const linesOfSeq = seqLines.get(entry.seq) ?? [];
      if (entry.seq < expected) {
        return fail(
          'inserted',
          entry.seq,
          line,
          `seq ${entry.seq} 出现在第 ${linesOfSeq.join('、')} 行：有条目被插入或重复`,
        );
      }
      if (!seqLines.has(expected)) {
        return fail(
          'dropped',
          expected,
          line,
          `缺少 seq ${expected}（第 ${line} 行是 seq ${entry.seq}）：有条目被删除`,
        );
      }
      if (linesOfSeq.length > 1 || entry.seq > seqLines.size) {
        return fail(
          'inserted',
          entry.seq,
          line,
          `第 ${line} 行的 seq ${entry.seq} 不属于原日志：有条目被插入`,
        );
      }
      return fail(
        'reordered',
        entry.seq,
        line,
        `第 ${line} 行是 seq ${entry.seq}，应为 seq ${expected}（在第 ${(seqLines.get(expected) ?? []).join('、')} 行）：条目顺序被调换`,
      );
    }
    if (entry.prevHash !== previousHash) {
      if (index === 0) {
        return fail('broken-chain', entry.seq, line, 'seq 1 的 prevHash 不是起始值：日志开头被截去或改写');
      }
      return fail(
        'altered',
        entry.seq - 1,
        line - 1,
        `seq ${entry.seq - 1} 的 hash 与 seq ${entry.seq} 记录的 prevHash 不符：seq ${entry.seq - 1} 在其后条目写入后被改写并重算了 hash（或 seq ${entry.seq} 的 prevHash 被改写）`,
      );
    }
    previousHash = entry.hash;
    if (verified < checkpoint.size) tree.appendEntryHashHex(entry.hash);
    verified += 1;
  }

  if (verified < checkpoint.size) {
    return fail(
      'dropped',
      verified + 1,
      null,
      `检查点记录了 ${checkpoint.size} 条，日志只有 ${verified} 条：从 seq ${verified + 1} 起的条目被删除`,
    );
  }
  const root = tree.root().toString('hex');
  if (root !== checkpoint.root) {
    return fail(
      'root-mismatch',
      null,
      null,
      `seq 1–${checkpoint.size} 的 Merkle 根与检查点不符：其中有条目被改动、删除、插入或调换，且其后的哈希链被整体重算`,
    );
  }
  return {
    ok: true,
    size: checkpoint.size,
    root,
    at: checkpoint.at,
    publicKey: checkpoint.publicKey,
    entries: verified,
  };
}

function linesBySeq(lines: readonly unknown[]): Map<number, number[]> {
  const bySeq = new Map<number, number[]>();
  lines.forEach((value, index) => {
    const seq = seqOf(value);
    if (seq === undefined) return;
    const at = bySeq.get(seq);
    if (at) at.push(index + 1);
    else bySeq.set(seq, [index + 1]);
  });
  return bySeq;
}

function seqOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('seq' in value)) return undefined;
  const seq = (value as { seq: unknown }).seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
}

/** One line of the log with the canonical member order, as `log export` writes it. */
export function formatLogLine(entry: object): string {
  return canonicalJson(entry);
}
