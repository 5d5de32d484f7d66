/**
 * A consistency proof between checkpoints of a 10,000,000-entry log, verified as the street's
 * witness and `checkpointExtends` verify it. Goal: under 10 ms.
 *
 * The proof is made over a tree whose leaves are all one hash, so the root of any run of leaves
 * depends only on its length and the proof takes microseconds to build instead of hashing ten
 * million entries; verifying it costs exactly what it costs for any other leaves (the same number
 * of node hashes, about 2·log₂ n), which is what is measured. A truncated proof is checked to fail.
 */
import { hash } from 'node:crypto';
import { checkpointExtends } from '@shequ/archives';

function nodeHex(left: string, right: string): string {
  return hash(
    'sha256',
    Buffer.concat([Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex')]),
    'hex',
  );
}

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function consistencyBench(): string {
  const newSize = Number(process.env.SHEQU_BENCH_CONSISTENCY_ENTRIES ?? 10_000_000);
  const oldSize = Math.floor(newSize * 0.6) + 1;
  const leaf = hash('sha256', Buffer.from([0, 42]), 'hex');
  const roots = new Map<number, string>([[1, leaf]]);
  const rootOf = (n: number): string => {
    const known = roots.get(n);
    if (known) return known;
    const k = splitPoint(n);
    const root = nodeHex(rootOf(k), rootOf(n - k));
    roots.set(n, root);
    return root;
  };
  // RFC 6962 §2.1.2 SUBPROOF over lengths only.
  const proof: string[] = [];
  const subproof = (m: number, n: number, whole: boolean): void => {
    if (m === n) {
      if (!whole) proof.push(rootOf(n));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, k, whole);
      proof.push(rootOf(n - k));
    } else {
      subproof(m - k, n - k, false);
      proof.push(rootOf(k));
    }
  };
  subproof(oldSize, newSize, true);
  const older = { size: oldSize, root: rootOf(oldSize) };
  const current = { size: newSize, root: rootOf(newSize) };
  if (!checkpointExtends(older, current, proof).ok) throw new Error('基准一致性证明未通过验证');
  if (checkpointExtends(older, current, proof.slice(0, -1)).ok) throw new Error('截短的一致性证明竟然通过');
  const repeats = 2000;
  const before = performance.now();
  for (let i = 0; i < repeats; i++) checkpointExtends(older, current, proof);
  const ms = (performance.now() - before) / repeats;
  return (
    `一致性证明：${newSize.toLocaleString('en')} 条的日志与 ${oldSize.toLocaleString('en')} 条时的检查点，证明 ${proof.length} 个节点，` +
    `验证每次 ${ms.toFixed(3)} ms（目标 < 10 ms）${ms < 10 ? '，达标' : '，未达标'}；截短的证明被拒绝\n`
  );
}
