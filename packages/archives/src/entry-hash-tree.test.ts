import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EntryHashTree, leafHash, MerkleAccumulator } from './merkle.js';

describe('EntryHashTree (the log verifier’s tree over entry hashes)', () => {
  it('gives the root MerkleAccumulator gives over leafHash of each digest, at every size up to 70', () => {
    const digests = Array.from({ length: 70 }, () => randomBytes(32));
    const fromBytes = new EntryHashTree();
    const fromHex = new EntryHashTree();
    const reference = new MerkleAccumulator();
    expect(fromBytes.root().equals(reference.root())).toBe(true);
    for (const digest of digests) {
      fromBytes.appendEntryHash(digest);
      fromHex.appendEntryHashHex(digest.toString('hex'));
      reference.append(leafHash(digest));
      const root = reference.root().toString('hex');
      expect(fromBytes.root().toString('hex')).toBe(root);
      expect(fromHex.root().toString('hex')).toBe(root);
      expect(fromBytes.size).toBe(reference.size);
    }
  });

  it('handles digests whose words have the top bit set (signed 32-bit arithmetic)', () => {
    const digest = Buffer.alloc(32, 0xff);
    const tree = new EntryHashTree();
    const reference = new MerkleAccumulator();
    for (let i = 0; i < 5; i += 1) {
      tree.appendEntryHash(digest);
      reference.append(leafHash(digest));
    }
    expect(tree.root().toString('hex')).toBe(reference.root().toString('hex'));
  });

  it('refuses a digest that is not 32 bytes', () => {
    expect(() => new EntryHashTree().appendEntryHash(Buffer.alloc(31))).toThrow(/32 字节/);
  });
});
