import { describe, expect, it } from 'vitest';
import { type Attachment, type AttachmentStore, checkFixity, sha256Hex } from './attachments.js';

/** An in-memory store, as the tests of an application's disk or S3 store would use. */
function memoryStore(): AttachmentStore & { blobs: Map<string, Uint8Array> } {
  const blobs = new Map<string, Uint8Array>();
  return {
    blobs,
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      blobs.set(sha256, Uint8Array.from(bytes));
      return { sha256, size: bytes.length };
    },
    async get(sha256) {
      return blobs.get(sha256);
    },
  };
}

describe('attachment fixity', () => {
  it('finds intact, corrupted and missing attachments', async () => {
    const store = memoryStore();
    const scan = Buffer.from('会议记录扫描件 第1页');
    const photo = Buffer.from('奖牌照片');
    const recorded: Attachment[] = [];
    for (const [bytes, kind] of [
      [scan, 'scan'],
      [photo, 'photo'],
    ] as const) {
      const { sha256, size } = await store.put(bytes);
      recorded.push({ sha256, size, kind, mediaType: kind === 'scan' ? 'application/pdf' : 'image/jpeg' });
    }
    const lost: Attachment = {
      sha256: sha256Hex(Buffer.from('丢失的录音')),
      size: 15,
      kind: 'audio',
      mediaType: 'audio/mpeg',
    };
    const photoHash = recorded[1]?.sha256 as string;
    const stored = store.blobs.get(photoHash) as Uint8Array;
    stored[0] = (stored[0] as number) ^ 0xff;

    const results = await checkFixity(store, [...recorded, lost], '2024-08-01T09:00:00+08:00');
    expect(results.map((result) => result.status)).toEqual(['intact', 'corrupted', 'missing']);
    expect(results[1]).toMatchObject({ sha256: photoHash, actualSha256: sha256Hex(stored) });
  });
});
