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
import { isUtf8 } from 'node:buffer';
import { canonicalJson } from './canonical-json.js';
import {
  type CustodyCheckpoint,
  checkpointSignatureValid,
  custodyLogEntry,
  entryHash,
  GENESIS_HASH,
  isCustodyLogEntry,
} from './custody-log.js';
import {
  CanonicalLineScanner,
  digestToHex,
  digitsAt,
  GENESIS_DIGEST,
  hexToDigest,
} from './log-line-scanner.js';
import { type DigestString, EntryHashTree, MerkleAccumulator, nodeDigest } from './merkle.js';

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
 * Verifies an export as text: `verifyLogBytes` of its UTF-8 encoding (a file read as UTF-8 holds
 * no lone surrogates; any in a string passed here would become U+FFFD, as in the file).
 */
export function verifyLogText(
  text: string,
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification {
  return verifyLogBytes(Buffer.from(text, 'utf8'), checkpoint, options);
}

/**
 * Verifies an export as the bytes of the file. Same result as `verifyLog(parseLogLines(text))`,
 * faster: a line that is exactly what `log export` writes is checked straight from its bytes (see
 * `verifiedCanonicalLine`); any other line, any line whose checks fail, and every line of a file
 * that is not well-formed UTF-8 goes through `verifyLog`'s per-entry checks, so problems are found
 * and worded as before. Lines are parsed one at a time, not held as objects.
 */
export function verifyLogBytes(
  bytes: Uint8Array,
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification {
  const file = asBuffer(bytes);
  // Line ranges are only indexed when a line leaves the fast path; a good log never needs them.
  let ranges: { starts: number[]; ends: number[] } | undefined;
  const lines = () => {
    ranges ??= lineRanges(file);
    return ranges;
  };
  const lineText = (index: number) => file.toString('utf8', lines().starts[index], lines().ends[index]);
  const scanner = isUtf8(file) ? new CanonicalLineScanner(file) : undefined;
  return verifyEntries(
    () => lines().starts.length,
    (index) => parseLogLine(lineText(index)),
    scanner &&
      ((index, expectedSeq, previousDigest) =>
        scanner.verify(
          lines().starts[index] as number,
          lines().ends[index] as number,
          expectedSeq,
          previousDigest,
        )),
    () => lines().starts.map((_, index) => parseLogLine(lineText(index))),
    checkpoint,
    options,
    scanner && ((tree, treeSize) => leadingFastRun(file, scanner, tree, treeSize)),
  );
}

/** The lines at the start of a file that a run of the fast path verified, and where it stopped. */
interface FastRun {
  lines: number;
  previousDigest: DigestString;
  /** Whether the run reached the end of the file. */
  complete: boolean;
}

/**
 * Verifies lines from the start of the file with the fast path, one after another, for as long as
 * they pass, adding each hash below `treeSize` to `tree`; the lines are split as `lineRanges`
 * splits them. The general path takes over at the first line that does not pass.
 */
function leadingFastRun(
  file: Buffer,
  scanner: CanonicalLineScanner,
  tree: EntryHashTree,
  treeSize: number,
): FastRun {
  let previousDigest = GENESIS_DIGEST;
  let verified = 0;
  let start = 0;
  const length = file.length;
  while (start < length) {
    const newline = file.indexOf(0x0a, start);
    const end = newline < 0 ? length : newline;
    const digest = scanner.verify(start, end, verified + 1, previousDigest);
    if (digest === undefined) return { lines: verified, previousDigest, complete: false };
    if (verified < treeSize) tree.appendEntryHash(digest);
    previousDigest = digest;
    verified += 1;
    start = end + 1;
  }
  return { lines: verified, previousDigest, complete: true };
}

export function verifyLog(
  lines: readonly unknown[],
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification {
  return verifyEntries(
    () => lines.length,
    (index) => lines[index],
    undefined,
    () => lines,
    checkpoint,
    options,
  );
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where each line of a file starts and ends (without its `\n`), as `splitLogLines` splits text. */
function lineRanges(file: Buffer): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  if (isBlank(file)) return { starts, ends };
  let start = 0;
  while (start < file.length) {
    const newline = file.indexOf(0x0a, start);
    const end = newline < 0 ? file.length : newline;
    starts.push(start);
    ends.push(end);
    // A final newline ends the last line rather than starting an empty one.
    start = end + 1;
  }
  return { starts, ends };
}

/** Whether the file is nothing but whitespace, as `text.trim() === ''` decides for text. */
function isBlank(file: Buffer): boolean {
  for (const byte of file) {
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    // Beyond ASCII, whitespace is whatever String.prototype.trim says; only decode for that.
    return byte >= 0x80 ? file.toString('utf8').trim() === '' : false;
  }
  return true;
}

/**
 * The checks of the checkpoint itself that come before any entry: its signature, and, when the
 * verifier pins keys, whose key it is. Undefined when both pass.
 */
export function checkpointTrustProblem(
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification | undefined {
  if (!checkpointSignatureValid(checkpoint)) {
    return {
      ok: false,
      problem: {
        kind: 'bad-signature',
        seq: null,
        line: null,
        message: '检查点的签名无效：检查点在签名后被改动，或不是用其所列公钥签的',
      },
    };
  }
  const signer = Buffer.from(checkpoint.publicKey, 'base64');
  if (
    options.trustedPublicKeys &&
    !options.trustedPublicKeys.some((key) => Buffer.from(key, 'base64').equals(signer))
  ) {
    return {
      ok: false,
      problem: {
        kind: 'untrusted-key',
        seq: null,
        line: null,
        message: `检查点由不受信任的公钥 ${checkpoint.publicKey} 签名`,
      },
    };
  }
  return undefined;
}

/** A part of a log verified apart from the rest (`LogSegmentVerifier`), to be joined in file order. */
export interface VerifiedLogSegment {
  /** The `seq` of its first and last entries; 0 and 0 for a part without entries. */
  firstSeq: number;
  lastSeq: number;
  /** Its first entry's `prevHash` and its last entry's `hash`, in hex: the links to its neighbours. */
  firstPrevHash: string;
  lastHash: string;
  /** The roots of the aligned perfect subtrees its entries below the tree size make, in order. */
  subtrees: { size: number; root: string }[];
}

/**
 * Verifies a run of whole lines of an export without the lines before it, for verification split
 * over worker threads: each line must pass the fast path of `verifyLogBytes` (canonical, its own
 * hash, `seq` one more than the line before, `prevHash` the hash of the line before); the part's
 * first `seq` and first `prevHash` are taken as they stand and joined by `joinLogSegments`. Feed
 * blocks that end at a line's end (`push`), then `finish`. Any line off the fast path makes the
 * part fail (`push` returns false) and the caller verifies the whole file with `verifyLogBytes`,
 * which names the problem: the parts only ever confirm a good log quickly.
 */
export class LogSegmentVerifier {
  private firstSeq = 0;
  private nextSeq = 0;
  private firstPrevHash = '';
  private previousDigest: DigestString | undefined;
  private failed = false;
  private readonly digests: DigestString[] = [];
  private readonly starts: number[] = [];
  private readonly sizes: number[] = [];

  /** `treeSize`: the checkpoint's size; entries from that `seq` on are chain-checked only. */
  constructor(private readonly treeSize: number) {}

  /** Verifies a block of whole lines (each ending in `\n`, the last one's newline optional). */
  push(block: Uint8Array): boolean {
    if (this.failed) return false;
    const file = asBuffer(block);
    if (!isUtf8(file)) return this.fail();
    const scanner = new CanonicalLineScanner(file);
    let start = 0;
    while (start < file.length) {
      const newline = file.indexOf(0x0a, start);
      const end = newline < 0 ? file.length : newline;
      if (this.previousDigest === undefined) {
        const seq = trailingSeq(file, start, end);
        if (seq === undefined) return this.fail();
        this.firstSeq = seq;
        this.nextSeq = seq;
      }
      const digest = scanner.verify(start, end, this.nextSeq, this.previousDigest);
      if (digest === undefined) return this.fail();
      if (this.previousDigest === undefined) {
        this.firstPrevHash = file.toString('latin1', scanner.prevHashStart, scanner.prevHashStart + 64);
      }
      if (this.nextSeq <= this.treeSize) this.appendLeaf(digest, this.nextSeq - 1);
      this.previousDigest = digest;
      this.nextSeq += 1;
      start = end + 1;
    }
    return true;
  }

  /** The part's links and subtrees; undefined when a line was off the fast path. */
  finish(): VerifiedLogSegment | undefined {
    if (this.failed) return undefined;
    return {
      firstSeq: this.firstSeq,
      lastSeq: this.previousDigest === undefined ? 0 : this.nextSeq - 1,
      firstPrevHash: this.firstPrevHash,
      lastHash: this.previousDigest === undefined ? '' : digestToHex(this.previousDigest),
      subtrees: this.digests.map((digest, i) => ({
        size: this.sizes[i] as number,
        root: digestToHex(digest),
      })),
    };
  }

  private fail(): false {
    this.failed = true;
    return false;
  }

  /** Joins equal neighbours only when they make an aligned node of the whole tree. */
  private appendLeaf(digest: DigestString, index: number): void {
    const { digests, starts, sizes } = this;
    let node = digest;
    let start = index;
    let size = 1;
    while (
      sizes.length > 0 &&
      sizes[sizes.length - 1] === size &&
      (starts[starts.length - 1] as number) % (2 * size) === 0
    ) {
      node = nodeDigest(digests.pop() as DigestString, node);
      start = starts.pop() as number;
      sizes.pop();
      size *= 2;
    }
    digests.push(node);
    starts.push(start);
    sizes.push(size);
  }
}

/** The `seq` a fast-path line ends with (`…,"seq":N}`), or undefined. */
function trailingSeq(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (bytes[end - 1] !== 0x7d) return undefined;
  let at = end - 1;
  while (at > start && (bytes[at - 1] as number) >= 0x30 && (bytes[at - 1] as number) <= 0x39) at -= 1;
  const digits = end - 1 - at;
  if (digits === 0 || digits > 15 || bytes[at] === 0x30) return undefined;
  return digitsAt(bytes, at, digits);
}

/**
 * Joins parts verified by `LogSegmentVerifier`, in file order, into the verification of the whole
 * export against `checkpoint`; undefined when they do not join into a passing log (a broken link,
 * a part off the fast path, too few entries, another root), and the caller then runs
 * `verifyLogBytes` over the file to name the problem exactly.
 */
export function joinLogSegments(
  segments: readonly (VerifiedLogSegment | undefined)[],
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions = {},
): LogVerification | undefined {
  const untrusted = checkpointTrustProblem(checkpoint, options);
  if (untrusted) return untrusted;
  const tree = new MerkleAccumulator();
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  for (const segment of segments) {
    if (segment === undefined || segment.lastSeq === 0) return undefined;
    if (segment.firstSeq !== lastSeq + 1 || segment.firstPrevHash !== lastHash) return undefined;
    for (const subtree of segment.subtrees) {
      if (tree.size % subtree.size !== 0) return undefined;
      tree.appendSubtree(hexToDigest(subtree.root), subtree.size);
    }
    lastSeq = segment.lastSeq;
    lastHash = segment.lastHash;
  }
  if (lastSeq < checkpoint.size || tree.size !== checkpoint.size) return undefined;
  const root = tree.root().toString('hex');
  if (root !== checkpoint.root) return undefined;
  return {
    ok: true,
    size: checkpoint.size,
    root,
    at: checkpoint.at,
    publicKey: checkpoint.publicKey,
    entries: lastSeq,
  };
}

function verifyEntries(
  lineCount: () => number,
  valueAt: (index: number) => unknown,
  verifiedAt:
    | ((index: number, expectedSeq: number, previousDigest: DigestString) => DigestString | undefined)
    | undefined,
  allValues: () => readonly unknown[],
  checkpoint: CustodyCheckpoint,
  options: VerifyLogOptions,
  fastRun?: (tree: EntryHashTree, treeSize: number) => FastRun,
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

  const untrusted = checkpointTrustProblem(checkpoint, options);
  if (untrusted) return untrusted;

  const tree = new EntryHashTree();
  const run = fastRun?.(tree, checkpoint.size);
  const count = run?.complete ? run.lines : lineCount();
  let verified = run?.lines ?? 0;
  let previousDigest = run?.previousDigest ?? GENESIS_DIGEST;
  for (let index = verified; index < count; index += 1) {
    const line = index + 1;
    const expected = line;
    const fastDigest = verifiedAt?.(index, expected, previousDigest);
    if (fastDigest !== undefined) {
      previousDigest = fastDigest;
      if (verified < checkpoint.size) tree.appendEntryHash(fastDigest);
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
    if (entryHash(entry) !== entry.hash) {
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
    if (entry.prevHash !== digestToHex(previousDigest)) {
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
    previousDigest = hexToDigest(entry.hash);
    if (verified < checkpoint.size) tree.appendEntryHash(previousDigest);
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
