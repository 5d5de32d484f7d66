/**
 * What a community's log page and the street's dashboard show about a log, decided from the log
 * itself and the checkpoints its street co-signed — never from a checkpoint the installation
 * signed alone, which an insider with the database can have signed over a rewritten history.
 */
import {
  type CosignatureProblem,
  checkpointOverdue,
  cosignatureProblems,
  isWitnessed,
} from './checkpoint-witness.js';
import type { CustodyCheckpoint, CustodyLogEntry } from './custody-log.js';
import { verifyLog } from './log-verify.js';
import { MerkleAccumulator } from './merkle.js';

export type CustodyLogState = 'verified' | 'failed' | 'unwitnessed';

export interface CustodyLogStatus {
  state: CustodyLogState;
  /** Entries in the log now. */
  size: number;
  /** The newest witnessed checkpoint the log was checked against. */
  witnessed: { size: number; root: string; at: string; witnesses: string[] } | null;
  /**
   * When `failed`: the first bad `seq` when one can be named (`seq`), else the range it lies in
   * (`from`–`to`, between the largest witnessed checkpoint that still holds and the smallest that
   * does not), and one zh-CN sentence.
   */
  problem: { seq: number | null; from: number; to: number; message: string } | null;
  /** New entries have waited longer than R-LOG-1 allows for a witnessed checkpoint. */
  overdue: boolean;
}

/**
 * Checks `entries` against every checkpoint in `witnessed` that carries a valid co-signature of a key
 * on record (`witnessKeys`): the newest with the full verification, which names an edited entry by
 * its `seq`; a rewrite with the chain recomputed is then placed between the witnessed checkpoints
 * that still hold and those that no longer do.
 */
export function custodyLogStatus(input: {
  entries: readonly CustodyLogEntry[];
  witnessed: readonly CustodyCheckpoint[];
  witnessKeys: ReadonlyMap<string, readonly string[]>;
  now: Date;
}): CustodyLogStatus {
  const { entries, now } = input;
  const rejected: CosignatureProblem[] = [];
  const valid = input.witnessed
    .filter((checkpoint) => {
      const problems = cosignatureProblems(checkpoint, input.witnessKeys);
      rejected.push(...problems);
      return problems.length === 0 && isWitnessed(checkpoint);
    })
    .sort((a, b) => a.size - b.size);
  const latest = valid.at(-1);
  const overdue = checkpointOverdue({
    logSize: entries.length,
    witnessedSize: latest?.size ?? 0,
    firstUncoveredAt: entries[latest?.size ?? 0]?.at,
    now,
  });
  if (!latest) {
    return { state: 'unwitnessed', size: entries.length, witnessed: null, problem: null, overdue };
  }
  const witnessed = {
    size: latest.size,
    root: latest.root,
    at: latest.at,
    witnesses: (latest.cosignatures ?? []).map((c) => c.witness),
  };
  const result = verifyLog(entries, latest);
  if (result.ok) return { state: 'verified', size: entries.length, witnessed, problem: null, overdue };
  const { seq, message } = result.problem;
  if (seq !== null) {
    return {
      state: 'failed',
      size: entries.length,
      witnessed,
      problem: { seq, from: seq, to: seq, message },
      overdue,
    };
  }
  const [from, to] = rewrittenRange(entries, valid);
  const exact = from === to;
  return {
    state: 'failed',
    size: entries.length,
    witnessed,
    problem: {
      seq: exact ? from : null,
      from,
      to,
      message: exact
        ? `seq ${from} 被改写并重算了其后的哈希链：seq ${from - 1} 时的见证检查点仍然成立，seq ${to} 时的不再成立`
        : `seq ${from}–${to} 之间有条目被改写并重算了哈希链：seq ${from - 1} 时的见证检查点仍然成立，seq ${to} 时的不再成立`,
    },
    overdue,
  };
}

/** The seqs between the largest witnessed size whose root still holds and the smallest that does not. */
function rewrittenRange(
  entries: readonly CustodyLogEntry[],
  witnessed: readonly CustodyCheckpoint[],
): [number, number] {
  const tree = new MerkleAccumulator();
  let holds = 0;
  let index = 0;
  for (const checkpoint of witnessed) {
    if (checkpoint.size > entries.length) return [holds + 1, checkpoint.size];
    while (index < checkpoint.size) {
      tree.append(Buffer.from((entries[index] as CustodyLogEntry).hash, 'hex'));
      index += 1;
    }
    if (tree.root().toString('hex') !== checkpoint.root) return [holds + 1, checkpoint.size];
    holds = checkpoint.size;
  }
  return [holds + 1, entries.length];
}
