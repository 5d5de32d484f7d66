import { describe, expect, it } from 'vitest';
import { buildLog, entryContentJson, logRoot } from './custody-log.js';
import { EntryHashTree, leafHash, merkleRoot } from './merkle.js';

const log = buildLog(
  Array.from({ length: 70 }, (_, i) => ({
    at: new Date(Date.UTC(2025, 0, 1, 8, i)).toISOString(),
    actor: `worker-${i % 3}`,
    action: 'archive.lend',
    payload: { item: `item-${i}`, copies: i % 4 },
  })),
);

describe('the Merkle tree over custody-log entries', () => {
  it('is RFC 6962 over the entries’ canonical content: each entry hash is its leaf hash', () => {
    for (const entry of log) {
      expect(entry.hash).toBe(leafHash(Buffer.from(entryContentJson(entry), 'utf8')).toString('hex'));
    }
  });

  it('EntryHashTree fed the hashes one at a time gives the root of the whole tree, at every size up to 70', () => {
    const fromBytes = new EntryHashTree();
    const leaves = log.map((entry) => leafHash(Buffer.from(entryContentJson(entry), 'utf8')));
    expect(fromBytes.root().equals(merkleRoot([]))).toBe(true);
    log.forEach((entry, i) => {
      fromBytes.appendEntryHash(Buffer.from(entry.hash, 'hex'));
      const root = merkleRoot(leaves.slice(0, i + 1)).toString('hex');
      expect(fromBytes.root().toString('hex')).toBe(root);
      expect(logRoot(log.slice(0, i + 1))).toBe(root);
      expect(fromBytes.size).toBe(i + 1);
    });
  });

  it('gives the same root fed digest strings (as verification feeds it) as fed bytes', () => {
    const fromStrings = new EntryHashTree();
    for (const entry of log) fromStrings.appendEntryHash(Buffer.from(entry.hash, 'hex').toString('latin1'));
    expect(fromStrings.root().toString('hex')).toBe(logRoot(log));
  });

  it('refuses a digest that is not 32 bytes', () => {
    expect(() => new EntryHashTree().appendEntryHash(Buffer.alloc(31))).toThrow(/32 字节/);
    expect(() => new EntryHashTree().appendEntryHash('x'.repeat(31))).toThrow(/32 字节/);
  });
});
