/**
 * Witnessed checkpoints: the street (街道/乡镇) co-signs a community's checkpoint only after checking
 * that it extends the last one the street witnessed (an RFC 6962 consistency proof), and never signs
 * two roots for one size. An insider who rewrites a community's log and recomputes the chain can
 * have the installation sign a fresh checkpoint, but cannot get the street to co-sign it, and every
 * copy of an earlier witnessed checkpoint exposes the rewrite (本系统规则 R-LOG-2).
 *
 * A co-signature is Ed25519 over the canonical JSON of
 * `{format: COSIGNATURE_FORMAT, community, size, root, witness, at}`, made with the street's own key
 * (never the installation's), and travels in the checkpoint's `cosignatures` array.
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import {
  type CustodyCheckpoint,
  checkpointSignatureValid,
  publicKeyBase64,
  publicKeyObject,
} from './custody-log.js';
import { verifyConsistency } from './merkle.js';
import { projectRuleBasis, projectRules } from './project-rules.js';

export const COSIGNATURE_FORMAT = 'shequ.custody-cosignature/v1';

export type CustodyCosignature = NonNullable<CustodyCheckpoint['cosignatures']>[number];

/** What a witness remembers of a community: the size and root it last co-signed. */
export interface CheckpointHead {
  size: number;
  root: string;
}

/** The witness of a community's log: its street (街道/乡镇), the first nine digits of its code. */
export function witnessOf(communityCode: string): string {
  return communityCode.slice(0, 9);
}

function cosignedBytes(checkpoint: CustodyCheckpoint, witness: string, at: string): Buffer {
  return Buffer.from(
    canonicalJson({
      format: COSIGNATURE_FORMAT,
      community: checkpoint.community ?? null,
      size: checkpoint.size,
      root: checkpoint.root,
      witness,
      at,
    }),
    'utf8',
  );
}

/** The witness's co-signature of the checkpoint. Decide first (`witnessDecision`); this only signs. */
export function cosignCheckpoint(
  checkpoint: CustodyCheckpoint,
  options: { privateKey: KeyObject; witness: string; at: string },
): CustodyCosignature {
  const signature = sign(null, cosignedBytes(checkpoint, options.witness, options.at), options.privateKey);
  return {
    witness: options.witness,
    publicKey: publicKeyBase64(options.privateKey),
    at: options.at,
    signature: signature.toString('base64'),
  };
}

/** Whether the co-signature was made over this checkpoint's community, size and root by the key it names. */
export function cosignatureValid(checkpoint: CustodyCheckpoint, cosignature: CustodyCosignature): boolean {
  try {
    if (Buffer.from(cosignature.publicKey, 'base64').length !== 32) return false;
    return verify(
      null,
      cosignedBytes(checkpoint, cosignature.witness, cosignature.at),
      publicKeyObject(cosignature.publicKey),
      Buffer.from(cosignature.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export type CosignatureProblem = {
  kind: 'bad-cosignature' | 'unknown-witness-key' | 'wrong-witness';
  witness: string;
  message: string;
};

/**
 * The problems of a checkpoint's co-signatures: a signature that does not verify, a witness that is
 * not the community's street, or — when the caller pins keys (`witnessKeys`, by street) — a key
 * not on record for that street. No co-signatures is no problem here; whether one is required is
 * the caller's question (`isWitnessed`).
 */
export function cosignatureProblems(
  checkpoint: CustodyCheckpoint,
  witnessKeys?: ReadonlyMap<string, readonly string[]>,
): CosignatureProblem[] {
  const problems: CosignatureProblem[] = [];
  for (const cosignature of checkpoint.cosignatures ?? []) {
    const { witness, publicKey } = cosignature;
    if (checkpoint.community !== undefined && witness !== witnessOf(checkpoint.community)) {
      problems.push({
        kind: 'wrong-witness',
        witness,
        message: `见证人 ${witness} 不是社区 ${checkpoint.community} 所在的街道（乡镇）`,
      });
    } else if (!cosignatureValid(checkpoint, cosignature)) {
      problems.push({
        kind: 'bad-cosignature',
        witness,
        message: `街道（乡镇）${witness} 的见证签名无效：检查点在见证后被改动，或签名不是用所列公钥做的`,
      });
    } else if (witnessKeys && !(witnessKeys.get(witness) ?? []).includes(publicKey)) {
      problems.push({
        kind: 'unknown-witness-key',
        witness,
        message: `见证公钥 ${publicKey} 不在街道（乡镇）${witness} 的登记记录中`,
      });
    }
  }
  return problems;
}

/** Whether the checkpoint carries at least one valid co-signature of its community's street. */
export function isWitnessed(
  checkpoint: CustodyCheckpoint,
  witnessKeys?: ReadonlyMap<string, readonly string[]>,
): boolean {
  const cosignatures = checkpoint.cosignatures ?? [];
  return cosignatures.length > 0 && cosignatureProblems(checkpoint, witnessKeys).length === 0;
}

export type ConsistencyProblemKind =
  | 'other-community'
  | 'newer-than-current'
  | 'malformed-proof'
  | 'inconsistent';

export type ConsistencyCheck = { ok: true } | { ok: false; kind: ConsistencyProblemKind; message: string };

/** More nodes than any RFC 6962 consistency proof between trees of up to 2^32 leaves can have. */
const MAX_PROOF_NODES = 2 * 32 + 1;
const NODE_HEX = /^[0-9a-f]{64}$/;

/**
 * Does `proof` (hex nodes, as `logConsistencyProof` gives) show that `current` extends `older`:
 * the same community, no smaller, and the first `older.size` entries unchanged? Pure; about
 * 2·log2(size) hashes, so a ten-million-entry log is checked in microseconds.
 */
export function checkpointExtends(
  older: Pick<CustodyCheckpoint, 'community' | 'size' | 'root'>,
  current: Pick<CustodyCheckpoint, 'community' | 'size' | 'root'>,
  proof: readonly string[],
): ConsistencyCheck {
  if (
    older.community !== undefined &&
    current.community !== undefined &&
    older.community !== current.community
  ) {
    return {
      ok: false,
      kind: 'other-community',
      message: `旧检查点属于社区 ${older.community}，不是 ${current.community}`,
    };
  }
  if (older.size > current.size) {
    return {
      ok: false,
      kind: 'newer-than-current',
      message: `旧检查点记录了 ${older.size} 条，比当前的 ${current.size} 条还多：日志被截短，或检查点不属于这份日志`,
    };
  }
  if (proof.length > MAX_PROOF_NODES || proof.some((node) => !NODE_HEX.test(node))) {
    return {
      ok: false,
      kind: 'malformed-proof',
      message: '一致性证明格式不对：每个节点应为 64 位小写十六进制 SHA-256 值',
    };
  }
  const consistent = verifyConsistency(
    older.size,
    current.size,
    proof.map((node) => Buffer.from(node, 'hex')),
    Buffer.from(older.root, 'hex'),
    Buffer.from(current.root, 'hex'),
  );
  if (!consistent) {
    return {
      ok: false,
      kind: 'inconsistent',
      message: `一致性证明不成立：当前日志的前 ${older.size} 条与 ${older.size} 条时的检查点不同，历史被改写（或证明被伪造、截断）`,
    };
  }
  return { ok: true };
}

export type WitnessRefusalKind =
  | ConsistencyProblemKind
  | 'bad-signature'
  | 'untrusted-key'
  | 'equivocation'
  | 'rollback';

export type WitnessDecision =
  | {
      ok: true /** The witness already co-signed this size and root: nothing new to sign. */;
      already: boolean;
    }
  | { ok: false; kind: WitnessRefusalKind; message: string };

/**
 * May the street co-sign `checkpoint` of `community`? Only when it is the community's, signed by a
 * log key on record, and either the same size and root as already witnessed (`already`) or larger
 * and proven by `proof` to extend what the witness last co-signed (`last`). A different root for a
 * size the witness has co-signed before (`cosignedRootAtSize`) is equivocation, refused and to be
 * recorded by the caller; a smaller size than `last` is a rollback.
 */
export function witnessDecision(input: {
  community: string;
  checkpoint: CustodyCheckpoint;
  /** The installation's public keys on record; any other signer is refused. */
  logKeys: readonly string[];
  last: CheckpointHead | undefined;
  cosignedRootAtSize: string | undefined;
  /** The consistency proof from `last.size` to `checkpoint.size` (empty when there is no `last`). */
  proof: readonly string[];
}): WitnessDecision {
  const { community, checkpoint, last } = input;
  const basis = projectRuleBasis(projectRules.witnessConsistency);
  if (checkpoint.community !== community) {
    return {
      ok: false,
      kind: 'other-community',
      message: `检查点属于社区 ${checkpoint.community ?? '（未注明）'}，不是 ${community}`,
    };
  }
  if (!checkpointSignatureValid(checkpoint)) {
    return { ok: false, kind: 'bad-signature', message: '检查点的签名无效，不予见证' };
  }
  if (!input.logKeys.includes(checkpoint.publicKey)) {
    return {
      ok: false,
      kind: 'untrusted-key',
      message: `检查点由未登记的公钥 ${checkpoint.publicKey} 签名，不予见证`,
    };
  }
  const sameSizeRoot = input.cosignedRootAtSize ?? (last?.size === checkpoint.size ? last.root : undefined);
  if (sameSizeRoot !== undefined) {
    if (sameSizeRoot === checkpoint.root) return { ok: true, already: true };
    return {
      ok: false,
      kind: 'equivocation',
      message: `街道已为 ${checkpoint.size} 条的日志见证过根 ${sameSizeRoot}，拒绝为同一条数见证另一个根 ${checkpoint.root}（依据${basis}）`,
    };
  }
  if (!last) return { ok: true, already: false };
  if (checkpoint.size < last.size) {
    return {
      ok: false,
      kind: 'rollback',
      message: `街道上次见证时日志已有 ${last.size} 条，这个检查点只有 ${checkpoint.size} 条：日志不能变短（依据${basis}）`,
    };
  }
  const extension = checkpointExtends(
    { community, size: last.size, root: last.root },
    checkpoint,
    input.proof,
  );
  if (!extension.ok) return { ...extension, message: `${extension.message}（依据${basis}）` };
  return { ok: true, already: false };
}

/** How long a community's new entries may wait for a witnessed checkpoint (本系统规则 R-LOG-1). */
export const CHECKPOINT_GRACE_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Is the community's witnessed checkpoint overdue at `now`? Interpretation of R-LOG-1's "超过 2 日":
 * counted from the oldest entry no witnessed checkpoint covers yet (`firstUncoveredAt`), not from
 * the last checkpoint, so a log that has not grown is never overdue however old its checkpoint.
 */
export function checkpointOverdue(input: {
  logSize: number;
  witnessedSize: number;
  firstUncoveredAt: string | undefined;
  now: Date;
}): boolean {
  if (input.logSize <= input.witnessedSize || input.firstUncoveredAt === undefined) return false;
  return input.now.getTime() - Date.parse(input.firstUncoveredAt) > CHECKPOINT_GRACE_MS;
}

/**
 * Does a handover in `state` call for a checkpoint now (R-LOG-1)? A completed handover moves custody
 * of archives and seals to the successor, so the log as both sides confirmed it is fixed at once,
 * not at the next daily run.
 */
export function handoverCallsForCheckpoint(state: string): boolean {
  return state === 'completed';
}

/** Is a new checkpoint due for a log of `logSize` entries whose last issued one covered `issuedSize`? */
export function checkpointDue(logSize: number, issuedSize: number | undefined): boolean {
  return logSize > (issuedSize ?? 0);
}
