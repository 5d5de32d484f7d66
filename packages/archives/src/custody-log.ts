/**
 * The custody log: an append-only, per-community record of every archive and seal event that
 * anyone holding an export and a checkpoint can check with no database (docs/interfaces.md §4).
 *
 * - Each entry's `hash` is SHA-256(0x00 ‖ RFC 8785 canonical JSON of the entry without `hash`): the
 *   RFC 6962 leaf hash of that content. It covers `prevHash` and any field added later; `prevHash`
 *   chains it to the entry before (`GENESIS_HASH` for the first).
 * - An RFC 6962 Merkle tree is built over the entries (leaf data = the canonical content), so the
 *   entry hashes are its leaf hashes and the chain and the tree share one hash per entry.
 * - A checkpoint `{size, root, at, publicKey, signature}` is signed with Ed25519 over the canonical
 *   JSON of the checkpoint without `signature`.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle.js';

export const GENESIS_HASH = '0'.repeat(64);
export const CHECKPOINT_FORMAT = 'shequ.custody-checkpoint/v1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: '应为 64 位小写十六进制 SHA-256 值' });
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '应为 Base64 编码' });

/**
 * The actions the applications record, with their Chinese labels for display. The log accepts
 * other dotted names too, so a new kind of event needs no format change.
 */
export const custodyActionLabels = {
  'archive.file': '档案归档',
  'archive.lend': '档案借出',
  'archive.return': '档案归还',
  'archive.transfer': '档案移交',
  'archive.destroy': '档案销毁',
  'archive.changeCustodian': '档案保管人变更',
  'archive.fixityCheck': '附件完整性核验',
  'archive.update': '档案著录修改',
  'archive.appraise': '档案鉴定',
  'archive.retain': '档案鉴定延长保管期限',
  'archive.attach': '档案附件归档',
  'seal.register': '印章登记',
  'seal.setApprovers': '印章审批人变更',
  'seal.takeOut': '印章外带',
  'seal.bringBack': '印章归还',
  'seal.handOverCustody': '印章保管交接',
  'seal.retire': '印章停用',
  'seal.destroy': '印章销毁',
  'seal.end.propose': '提出印章停用、销毁',
  'seal.end.decline': '不同意印章停用、销毁',
  'seal.end.withdraw': '撤回印章停用、销毁申请',
  'seal.use.request': '用印申请',
  'seal.use.approve': '用印批准',
  'seal.use.refuse': '用印不予批准',
  'seal.use.withdraw': '用印申请撤回',
  'seal.use.stamp': '用印登记',
  'seal.removal.request': '印章外带申请',
  'seal.removal.approve': '印章外带批准',
  'seal.removal.refuse': '印章外带不予批准',
  'seal.removal.withdraw': '印章外带申请撤回',
  'seal.removal.return': '印章外带归还',
  'handover.open': '离任移交清单建立',
  'handover.confirm': '离任移交确认',
  'handover.recordProblem': '离任移交事项情况登记',
} as const;
export type CustodyAction = keyof typeof custodyActionLabels;

/** The fields an application supplies for a new entry; `seq`, `prevHash` and `hash` are derived. */
const instant = z.iso.datetime({ offset: true, error: 'at 应为带时区的 ISO 8601 时间' });

export const custodyEventInput = z.strictObject({
  at: instant,
  actor: z.string().min(1, { error: 'actor 不能为空' }),
  action: z
    .string()
    .regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/, { error: 'action 应形如 seal.use.approve' }),
  payload: z.record(z.string(), z.json()),
});
export type CustodyEventInput = z.infer<typeof custodyEventInput>;

/** One line of `log.jsonl`. Extra fields are kept, and covered by `hash`, so the format can grow. */
export const custodyLogEntry = z.looseObject({
  seq: z.int().min(1, { error: 'seq 应为从 1 开始的整数' }),
  ...custodyEventInput.shape,
  prevHash: sha256Hex,
  hash: sha256Hex,
});
export type CustodyLogEntry = z.infer<typeof custodyLogEntry>;

export const custodyCheckpoint = z.looseObject({
  format: z.literal(CHECKPOINT_FORMAT).optional(),
  /** The community whose log this is, as its 12-digit code. */
  community: z.string().optional(),
  size: z.int().min(0, { error: '应为非负整数' }),
  root: sha256Hex,
  at: z.iso.datetime({ offset: true, error: '应为带时区的 ISO 8601 时间' }),
  /** The raw 32-byte Ed25519 public key, Base64. */
  publicKey: base64,
  /** The 64-byte Ed25519 signature, Base64. */
  signature: base64,
  /**
   * Co-signatures of witnesses (the street), added after the checkpoint was signed and so not
   * covered by `signature`; each signs the checkpoint's community, size and root itself
   * (`checkpoint-witness.ts`).
   */
  cosignatures: z
    .array(
      z.strictObject({
        witness: z.string().regex(/^\d{9}$/, { error: '见证人应为 9 位街道（乡镇）代码' }),
        publicKey: base64,
        at: z.iso.datetime({ offset: true, error: '应为带时区的 ISO 8601 时间' }),
        signature: base64,
      }),
    )
    .optional(),
});
export type CustodyCheckpoint = z.infer<typeof custodyCheckpoint>;

const HEX64 = /^[0-9a-f]{64}$/;
/** What `action` must look like (`custodyEventInput`), for checks that skip zod. */
export const CUSTODY_ACTION_PATTERN = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/;

/**
 * The same test as `custodyLogEntry.safeParse(value).success`, without building a parsed copy:
 * verification runs it on every line of a log that may hold millions. On failure, ask zod for
 * the message.
 */
export function isCustodyLogEntry(value: unknown): value is CustodyLogEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  const { seq, at, actor, action, payload, prevHash, hash: entryHashValue } = entry;
  return (
    typeof seq === 'number' &&
    Number.isSafeInteger(seq) &&
    seq >= 1 &&
    typeof actor === 'string' &&
    actor.length > 0 &&
    typeof action === 'string' &&
    CUSTODY_ACTION_PATTERN.test(action) &&
    typeof payload === 'object' &&
    payload !== null &&
    !Array.isArray(payload) &&
    typeof prevHash === 'string' &&
    HEX64.test(prevHash) &&
    typeof entryHashValue === 'string' &&
    HEX64.test(entryHashValue) &&
    isLogInstant(at)
  );
}

/** Whether `value` is an `at` the log accepts: an ISO 8601 instant with its offset. */
export function isLogInstant(value: unknown): boolean {
  // zod's check of an ISO datetime is this pattern; testing it directly skips building a result,
  // which verification would otherwise do a million times.
  return typeof value === 'string' && INSTANT_PATTERN.test(value);
}

const INSTANT_PATTERN: RegExp = (() => {
  const pattern = instant.def.pattern;
  if (!pattern) throw new Error('zod 的 ISO 时间校验没有给出正则：isLogInstant 须改回 safeParse');
  return pattern;
})();

/**
 * An entry's `hash`: the RFC 6962 leaf hash of its canonical content, SHA-256(0x00 ‖ canonical JSON
 * of the entry without `hash`), in hex. One digest then serves both the chain (the next entry's
 * `prevHash`) and the Merkle tree (its leaf), so a verifier hashes each entry's content once.
 */
export function entryHash(entry: Omit<CustodyLogEntry, 'hash'> | CustodyLogEntry): string {
  // U+0000 encodes as the single byte 0x00: RFC 6962's leaf prefix.
  return hash('sha256', `\u0000${entryContentJson(entry)}`, 'hex');
}

const STANDARD_KEYS = new Set(['seq', 'at', 'actor', 'action', 'payload', 'prevHash', 'hash']);

/**
 * The canonical JSON of an entry without `hash`. An entry with exactly the standard fields is
 * written out directly (members in RFC 8785 order, strings as JSON.stringify prints them, which is
 * what RFC 8785 §3.2.2.2 prescribes); only its payload goes through the general canonicalizer.
 * Anything else (extra fields, unusual values) takes the general path. The test suite checks both
 * paths agree.
 */
export function entryContentJson(entry: Omit<CustodyLogEntry, 'hash'> | CustodyLogEntry): string {
  const { seq, at, actor, action, payload, prevHash } = entry;
  let standard =
    payload !== undefined &&
    Number.isSafeInteger(seq) &&
    typeof prevHash === 'string' &&
    /^[0-9a-f]{64}$/.test(prevHash);
  if (standard) {
    for (const key of Object.keys(entry)) {
      if (!STANDARD_KEYS.has(key)) {
        standard = false;
        break;
      }
    }
  }
  if (standard && typeof at === 'string' && typeof actor === 'string' && typeof action === 'string') {
    if (!hasLoneSurrogate(at) && !hasLoneSurrogate(actor) && !hasLoneSurrogate(action)) {
      return `{"action":${JSON.stringify(action)},"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"payload":${canonicalJson(payload)},"prevHash":"${prevHash}","seq":${seq}}`;
    }
  }
  const { hash: _ignored, ...content } = entry as CustodyLogEntry;
  return canonicalJson(content);
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** The entry that follows `previous` (or starts the log when `previous` is undefined). */
export function appendEntry(
  previous: CustodyLogEntry | undefined,
  event: CustodyEventInput,
): CustodyLogEntry {
  const input = custodyEventInput.parse(event);
  // `at` is when the entry was logged (an event's own date, if earlier, belongs in the payload), so
  // it never goes backwards: a back-dated entry is refused here rather than explained later.
  if (previous && Date.parse(input.at) < Date.parse(previous.at)) {
    throw new RangeError(
      `at ${input.at} 早于上一条（seq ${previous.seq}，${previous.at}）：日志只能按时间顺序追加`,
    );
  }
  const content = {
    seq: previous ? previous.seq + 1 : 1,
    ...input,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...content, hash: entryHash(content) };
}

/** Builds a whole log from events, oldest first. */
export function buildLog(events: readonly CustodyEventInput[]): CustodyLogEntry[] {
  const log: CustodyLogEntry[] = [];
  for (const event of events) log.push(appendEntry(log[log.length - 1], event));
  return log;
}

// An entry's hash is already its RFC 6962 leaf hash (see `entryHash`).
function leavesOf(entries: readonly { hash: string }[]): Buffer[] {
  return entries.map((entry) => Buffer.from(entry.hash, 'hex'));
}

/** The RFC 6962 root (hex) over the entries, whose hashes are their leaf hashes. */
export function logRoot(entries: readonly { hash: string }[]): string {
  return merkleRoot(leavesOf(entries)).toString('hex');
}

/** The audit path (hex) proving the entry numbered `seq` is in the tree of the first `size` entries. */
export function entryInclusionProof(
  entries: readonly { hash: string }[],
  seq: number,
  size = entries.length,
): string[] {
  return inclusionProof(leavesOf(entries.slice(0, size)), seq - 1).map((node) => node.toString('hex'));
}

/** The proof (hex) that the log of `oldSize` entries is a prefix of the log of `newSize` entries. */
export function logConsistencyProof(
  entries: readonly { hash: string }[],
  oldSize: number,
  newSize = entries.length,
): string[] {
  return consistencyProof(leavesOf(entries.slice(0, newSize)), oldSize).map((node) => node.toString('hex'));
}

/** A fresh Ed25519 key pair; keeping the private key safe is the application's business. */
export function generateSigningKey(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: publicKeyBase64(publicKey) };
}

/** The private key as PKCS #8 PEM, for the application to keep in its secret store. */
export function signingKeyToPem(privateKey: KeyObject): string {
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** Reads a PKCS #8 PEM Ed25519 private key; any other kind of key is refused. */
export function signingKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('检查点签名密钥应为 Ed25519 私钥');
  return key;
}

/** The two files of an export (docs/interfaces.md §4): `log.jsonl`, one canonical entry a line, and `checkpoint.json`. */
export function formatExport(
  entries: readonly CustodyLogEntry[],
  checkpoint: CustodyCheckpoint,
): { 'log.jsonl': string; 'checkpoint.json': string } {
  return {
    'log.jsonl': entries.map((entry) => `${canonicalJson(entry)}\n`).join(''),
    'checkpoint.json': `${JSON.stringify(checkpoint, null, 2)}\n`,
  };
}

/** The raw 32-byte Ed25519 public key, Base64, of a public or private key. */
export function publicKeyBase64(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new TypeError('检查点只能用 Ed25519 密钥签名');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** The Ed25519 public key object of a raw Base64 key (32 bytes). */
export function publicKeyObject(raw: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw, 'base64').toString('base64url') },
    format: 'jwk',
  });
}

function signedBytes(checkpoint: Omit<CustodyCheckpoint, 'signature'> | CustodyCheckpoint): Buffer {
  // Co-signatures are added after signing, by other keys; each covers the checkpoint on its own.
  const { signature: _ignored, cosignatures: _added, ...content } = checkpoint as CustodyCheckpoint;
  return Buffer.from(canonicalJson(content), 'utf8');
}

/** Signs the checkpoint of the first `size` entries (all of them by default). */
export function signCheckpoint(
  entries: readonly { hash: string }[],
  options: { privateKey: KeyObject; at: string; community?: string; size?: number },
): CustodyCheckpoint {
  const size = options.size ?? entries.length;
  if (size > entries.length) throw new RangeError(`检查点大小 ${size} 超过日志条数 ${entries.length}`);
  return signTreeHead({ size, root: logRoot(entries.slice(0, size)) }, options);
}

/**
 * Signs a checkpoint over a tree head already computed (a log too large to hold as entries, whose
 * root was accumulated as it was written).
 */
export function signTreeHead(
  head: { size: number; root: string },
  options: { privateKey: KeyObject; at: string; community?: string },
): CustodyCheckpoint {
  const content = {
    format: CHECKPOINT_FORMAT,
    ...(options.community === undefined ? {} : { community: options.community }),
    size: head.size,
    root: head.root,
    at: options.at,
    publicKey: publicKeyBase64(options.privateKey),
  };
  const signature = sign(null, signedBytes(content), options.privateKey).toString('base64');
  return custodyCheckpoint.parse({ ...content, signature });
}

/** Whether the checkpoint was signed by the key it names. A malformed key is a bad signature. */
export function checkpointSignatureValid(checkpoint: CustodyCheckpoint): boolean {
  try {
    const key = Buffer.from(checkpoint.publicKey, 'base64');
    if (key.length !== 32) return false;
    return verify(
      null,
      signedBytes(checkpoint),
      publicKeyObject(checkpoint.publicKey),
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
