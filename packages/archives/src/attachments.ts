/**
 * Attachments of archive items and seals (scans, photos, audio, video) are kept by content:
 * their SHA-256 names them, and a fixity check re-hashes the stored bytes. The package does no
 * I/O; the applications implement `AttachmentStore` (local disk by default, an S3-compatible
 * store behind the same interface) and record each `FixityResult` in the custody log
 * (`archive.fixityCheck`).
 */
import { hash } from 'node:crypto';
import { z } from 'zod';

export const attachmentKinds = ['scan', 'photo', 'audio', 'video', 'impression', 'other'] as const;

export const attachment = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'sha256 应为 64 位小写十六进制' }),
  size: z.int().min(0),
  mediaType: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: 'mediaType 应为 MIME 类型，如 image/jpeg' }),
  kind: z.enum(attachmentKinds),
  fileName: z.string().min(1).optional(),
});
export type Attachment = z.infer<typeof attachment>;

export interface AttachmentStore {
  /** Stores the bytes under their SHA-256 and returns it; storing the same bytes twice is a no-op. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The stored bytes, or undefined when nothing is stored under that hash. */
  get(sha256: string): Promise<Uint8Array | undefined>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

export type FixityResult =
  | { sha256: string; checkedAt: string; status: 'intact' }
  | { sha256: string; checkedAt: string; status: 'missing' }
  | { sha256: string; checkedAt: string; status: 'corrupted'; actualSha256: string };

/** Compares stored bytes (undefined when gone) with the hash recorded when they were filed. */
export function fixityOf(
  recorded: Attachment,
  stored: Uint8Array | undefined,
  checkedAt: string,
): FixityResult {
  if (stored === undefined) return { sha256: recorded.sha256, checkedAt, status: 'missing' };
  const actualSha256 = sha256Hex(stored);
  if (actualSha256 === recorded.sha256 && stored.length === recorded.size) {
    return { sha256: recorded.sha256, checkedAt, status: 'intact' };
  }
  return { sha256: recorded.sha256, checkedAt, status: 'corrupted', actualSha256 };
}

/** Re-hashes every attachment in the store; the caller logs the results. */
export async function checkFixity(
  store: AttachmentStore,
  attachments: readonly Attachment[],
  checkedAt: string,
): Promise<FixityResult[]> {
  const results: FixityResult[] = [];
  for (const recorded of attachments)
    results.push(fixityOf(recorded, await store.get(recorded.sha256), checkedAt));
  return results;
}
