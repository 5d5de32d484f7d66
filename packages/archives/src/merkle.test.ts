import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// The Certificate Transparency reference vectors for RFC 6962 (certificate-transparency-go,
// merkle tree tests): eight leaves and the tree heads of every prefix.
const leaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => leafHash(Buffer.from(hex, 'hex')));
const roots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (s: string): Buffer => Buffer.from(s, 'hex');

// Leaf numbers here are 1-based, as in the reference tables.
const inclusionVectors: [number, number, string[]][] = [
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [3, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    2,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
const consistencyVectors: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

describe('RFC 6962 Merkle tree', () => {
  it('gives the reference tree head for every size from 0 to 8', () => {
    expect(hex(EMPTY_ROOT)).toBe(roots[0]);
    for (let n = 0; n <= leaves.length; n += 1)
      expect(hex(merkleRoot(leaves.slice(0, n))), `size ${n}`).toBe(roots[n]);
  });

  it.each(inclusionVectors)(
    'builds and verifies the reference inclusion proof of leaf %i in a tree of %i',
    (leaf, size, expected) => {
      const tree = leaves.slice(0, size);
      const proof = inclusionProof(tree, leaf - 1);
      expect(proof.map(hex)).toEqual(expected);
      expect(
        verifyInclusion(tree[leaf - 1] as Buffer, leaf - 1, size, proof, unhex(roots[size] as string)),
      ).toBe(true);
      expect(
        verifyInclusion(tree[leaf - 1] as Buffer, leaf - 1, size, proof, unhex(roots[size - 1] as string)),
      ).toBe(false);
    },
  );

  it.each(consistencyVectors)(
    'builds and verifies the reference consistency proof from %i to %i',
    (oldSize, newSize, expected) => {
      const proof = consistencyProof(leaves.slice(0, newSize), oldSize);
      expect(proof.map(hex)).toEqual(expected);
      const oldRoot = unhex(roots[oldSize] as string);
      const newRoot = unhex(roots[newSize] as string);
      expect(verifyConsistency(oldSize, newSize, proof, oldRoot, newRoot)).toBe(true);
      if (oldSize !== newSize)
        expect(verifyConsistency(oldSize, newSize, proof, newRoot, newRoot)).toBe(false);
    },
  );

  it('proves every leaf and every prefix of ragged trees, and refuses a swapped leaf', () => {
    const many = Array.from({ length: 37 }, (_, i) => leafHash(Buffer.from([i, i * 7])));
    for (let size = 1; size <= many.length; size += 1) {
      const tree = many.slice(0, size);
      const root = merkleRoot(tree);
      for (let i = 0; i < size; i += 1) {
        const proof = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i] as Buffer, i, size, proof, root)).toBe(true);
        const other = tree[(i + 1) % size] as Buffer;
        if (size > 1) expect(verifyInclusion(other, i, size, proof, root)).toBe(false);
      }
      for (let old = 1; old <= size; old += 1) {
        const proof = consistencyProof(tree, old);
        expect(
          verifyConsistency(old, size, proof, merkleRoot(tree.slice(0, old)), root),
          `${old}→${size}`,
        ).toBe(true);
      }
    }
  });

  it('refuses a consistency proof against a rewritten history', () => {
    const original = Array.from({ length: 9 }, (_, i) => leafHash(Buffer.from([i])));
    const rewritten = original.map((leaf, i) => (i === 2 ? leafHash(Buffer.from([99])) : leaf));
    const proof = consistencyProof(rewritten, 5);
    expect(verifyConsistency(5, 9, proof, merkleRoot(original.slice(0, 5)), merkleRoot(rewritten))).toBe(
      false,
    );
  });
});
