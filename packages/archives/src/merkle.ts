/**
 * RFC 6962 §2.1 Merkle hash trees over SHA-256 (the tree of Certificate Transparency, restated in
 * RFC 9162 §2.1): leaves are hashed as SHA-256(0x00 ‖ data), interior nodes as
 * SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of two below n,
 * so an odd node is carried up, never duplicated (which would let two logs share a root).
 */
import { hash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

// One-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as createHash for short inputs,
// and a log verification is mostly short inputs.
export function sha256(...parts: Uint8Array[]): Buffer {
  return hash('sha256', parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts), 'buffer');
}

// Scratch buffers for the common 32-byte inputs save an allocation per hash; crypto.hash copies
// its input, so reusing them is safe.
const leafScratch = Buffer.alloc(33);
const nodeScratch = Buffer.alloc(65);
nodeScratch[0] = 0x01;

export function leafHash(data: Uint8Array): Buffer {
  if (data.length !== 32) return sha256(LEAF_PREFIX, data);
  leafScratch.set(data, 1);
  return sha256(leafScratch);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) return sha256(NODE_PREFIX, left, right);
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 33);
  return sha256(nodeScratch);
}

/** The root of an empty tree: SHA-256 of the empty string (RFC 6962 §2.1). */
export const EMPTY_ROOT: Buffer = sha256();

/** The largest power of two strictly below `n` (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A SHA-256 digest as a binary string: 32 characters, each one byte (Latin-1). Node returns a
 * digest as a string several times faster than as a Buffer (a Buffer is a new ArrayBuffer for the
 * collector to track), and a verification makes two digests per entry, so the tree keeps these.
 */
export type DigestString = string;

export function digestString(digest: Uint8Array): DigestString {
  if (digest.length !== 32) throw new RangeError(`哈希应为 32 字节，实际为 ${digest.length} 字节`);
  return Buffer.from(digest.buffer, digest.byteOffset, 32).toString('latin1');
}

const nodeInput = Buffer.alloc(65);
nodeInput[0] = 0x01;

/** `nodeHash` of two digest strings, as a digest string. */
export function nodeDigest(left: DigestString, right: DigestString): DigestString {
  for (let i = 0; i < 32; i += 1) {
    nodeInput[1 + i] = left.charCodeAt(i);
    nodeInput[33 + i] = right.charCodeAt(i);
  }
  return hash('sha256', nodeInput, 'binary');
}

/**
 * The RFC 6962 root of leaves appended one at a time, in O(log n) memory: the stack holds the
 * perfect subtrees so far, largest first, which is exactly RFC 6962's left-heavy split. A million
 * entries are verified without an array of leaves or of interior nodes.
 */
export class MerkleAccumulator {
  private readonly digests: DigestString[] = [];
  private readonly sizes: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends a leaf hash (already `leafHash`ed). */
  append(leaf: Uint8Array): void {
    this.appendDigest(digestString(leaf));
  }

  /** Appends a leaf hash given as a digest string. */
  appendDigest(leaf: DigestString): void {
    if (leaf.length !== 32) throw new RangeError(`叶子哈希应为 32 字节，实际为 ${leaf.length} 个字符`);
    let node = leaf;
    let size = 1;
    const digests = this.digests;
    const sizes = this.sizes;
    while (sizes.length > 0 && sizes[sizes.length - 1] === size) {
      sizes.pop();
      node = nodeDigest(digests.pop() as DigestString, node);
      size *= 2;
    }
    digests.push(node);
    sizes.push(size);
    this.count += 1;
  }

  /**
   * Appends the root of a perfect subtree of `size` leaves (a power of two), already hashed: the
   * tree's leaf count must be a multiple of `size`, so the subtree is a node of the whole tree.
   * Lets parts of a log be verified apart (worker threads) and their roots joined.
   */
  appendSubtree(root: DigestString, size: number): void {
    if (!isPowerOfTwo(size) || this.count % size !== 0)
      throw new RangeError(`子树大小 ${size} 不能接在 ${this.count} 个叶子之后`);
    let node = root;
    let nodeSize = size;
    const digests = this.digests;
    const sizes = this.sizes;
    while (sizes.length > 0 && sizes[sizes.length - 1] === nodeSize) {
      sizes.pop();
      node = nodeDigest(digests.pop() as DigestString, node);
      nodeSize *= 2;
    }
    digests.push(node);
    sizes.push(nodeSize);
    this.count += size;
  }

  rootDigest(): DigestString {
    if (this.digests.length === 0) return EMPTY_ROOT.toString('latin1');
    let root = this.digests[this.digests.length - 1] as DigestString;
    for (let i = this.digests.length - 2; i >= 0; i -= 1)
      root = nodeDigest(this.digests[i] as DigestString, root);
    return root;
  }

  root(): Buffer {
    return Buffer.from(this.rootDigest(), 'latin1');
  }
}

/** MTH(D[n]) over leaf hashes. */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Buffer {
  return rootOfRange(leafHashes, 0, leafHashes.length);
}

function rootOfRange(leaves: readonly Uint8Array[], start: number, end: number): Buffer {
  const accumulator = new MerkleAccumulator();
  for (let i = start; i < end; i += 1) accumulator.append(leaves[i] as Uint8Array);
  return accumulator.root();
}

/** RFC 6962 §2.1.1 PATH(m, D[n]): the audit path of leaf `index`, from the leaf up. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number): Buffer[] {
  const size = leafHashes.length;
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`叶子序号 ${index} 超出树的大小 ${size}`);
  }
  const path: Buffer[] = [];
  const collect = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      collect(m, start, start + k);
      path.push(rootOfRange(leafHashes, start + k, end));
    } else {
      collect(m - k, start + k, end);
      path.push(rootOfRange(leafHashes, start, start + k));
    }
  };
  collect(index, 0, size);
  return path;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): proves the tree of the first `oldSize` leaves is a prefix. */
export function consistencyProof(leafHashes: readonly Uint8Array[], oldSize: number): Buffer[] {
  const size = leafHashes.length;
  if (!Number.isInteger(oldSize) || oldSize < 0 || oldSize > size) {
    throw new RangeError(`旧树大小 ${oldSize} 不在 0–${size} 之间`);
  }
  if (oldSize === 0 || oldSize === size) return [];
  const proof: Buffer[] = [];
  const subproof = (m: number, start: number, end: number, wholeOldTree: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!wholeOldTree) proof.push(rootOfRange(leafHashes, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, wholeOldTree);
      proof.push(rootOfRange(leafHashes, start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(rootOfRange(leafHashes, start, start + k));
    }
  };
  subproof(oldSize, 0, size, true);
  return proof;
}

/** RFC 9162 §2.1.3.2: does `proof` place `leaf` at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree (`oldSize`, `oldRoot`) is a prefix of (`newSize`, `newRoot`)? */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): boolean {
  if (!Number.isInteger(oldSize) || !Number.isInteger(newSize) || oldSize < 0 || oldSize > newSize) {
    return false;
  }
  if (oldSize === newSize) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path: Uint8Array[] = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/**
 * `MerkleAccumulator` over custody-log entries, fed their `hash`es, which are already RFC 6962 leaf
 * hashes of the entries' content (custody-log.ts `entryHash`). Hashing stays with Node's crypto: a
 * hand-written SHA-256 was measured ~10% faster on these short inputs, which is not worth owning a
 * cryptographic primitive.
 */
export class EntryHashTree {
  private readonly accumulator = new MerkleAccumulator();

  get size(): number {
    return this.accumulator.size;
  }

  /** Appends an entry's hash, as bytes or as a digest string. */
  appendEntryHash(digest: Uint8Array | DigestString): void {
    this.accumulator.appendDigest(typeof digest === 'string' ? digest : digestString(digest));
  }

  root(): Buffer {
    return this.accumulator.root();
  }
}
