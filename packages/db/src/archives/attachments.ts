/**
 * 附件: files attached to an archive item, stored by content hash, and their fixity checks (完整性核验).
 */
import { createHash } from 'node:crypto';
import { attachableArchiveItem, orThrow } from '@shequ/archives';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { archiveItems, attachments, fixityChecks } from '../schema-archives.js';
import { aboutItem, loadItem } from './items.js';
import { type ActingAs, ArchiveError, inserted, invalid, record } from './record.js';

/** Bytes arriving in pieces: a request body, a file on disk, an object in S3. */
export type ByteSource = AsyncIterable<Uint8Array>;

/**
 * Where attachment bytes live: local disk by default; an S3-compatible store implements the same two
 * methods (stage to a temporary object, then copy or rename it under its key).
 */
export interface BlobStore {
  /**
   * Streams `source` somewhere no key points at yet. If `source` throws, nothing is left behind and
   * the error is rethrown; otherwise `keep` moves the bytes under their key and `discard` drops them.
   */
  stage(source: ByteSource): Promise<StagedBlob>;
  /** The bytes as a stream, or null when the blob is gone. */
  open(key: string): Promise<ByteSource | null>;
}

export interface StagedBlob {
  keep(key: string): Promise<void>;
  discard(): Promise<void>;
}

/** A file streamed into a store, hashed and counted on the way, not yet under a key. */
export interface HashedBlob {
  sha256: string;
  size: number;
  staged: StagedBlob;
}

/** Thrown by `stageBlob` when the bytes pass `maxBytes`; nothing has been kept. */
export class BlobTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLarge';
  }
}

/**
 * Streams `source` into `store`, hashing and counting as the bytes pass, so a file of any size is
 * never held in memory. Past `maxBytes` the upload stops (`BlobTooLarge`) and the store drops what it
 * had written.
 */
export async function stageBlob(
  store: BlobStore,
  source: ByteSource | Iterable<Uint8Array>,
  options: { maxBytes?: number } = {},
): Promise<HashedBlob> {
  const hash = createHash('sha256');
  let size = 0;
  async function* measured(): ByteSource {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw new BlobTooLarge(options.maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  const staged = await store.stage(measured());
  return { sha256: hash.digest('hex'), size, staged };
}

/** The SHA-256 of a stream, read piece by piece. */
export async function sha256Of(source: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk);
  return hash.digest('hex');
}

export interface AttachInput {
  itemId: string;
  fileName: string;
  mediaType: string;
  /** From `stageBlob`: attachFile keeps it under its content key or discards it. */
  blob: HashedBlob;
}

/**
 * Keeps the staged file under a key derived from its SHA-256, then records it. A failure between the
 * two leaves an unreferenced blob, never a record without its file; a refusal before it (no such item,
 * an empty file) discards the staged bytes.
 */
export async function attachFile(db: Database, acting: ActingAs, input: AttachInput) {
  const { sha256, size, staged } = input.blob;
  const [item] = await db
    .select({ communityCode: archiveItems.communityCode })
    .from(archiveItems)
    .where(eq(archiveItems.id, input.itemId));
  if (!item || size === 0) {
    await staged.discard();
    if (!item) throw new ArchiveError('notFound', '没有这份档案');
    throw invalid('file', '文件是空的，请选择有内容的文件');
  }
  const storageKey = `${item.communityCode}/${sha256.slice(0, 2)}/${sha256}`;
  await staged.keep(storageKey);
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    orThrow(attachableArchiveItem(item));
    const attachment = inserted(
      await tx
        .insert(attachments)
        .values({
          communityCode: row.communityCode,
          itemId: row.id,
          fileName: input.fileName,
          mediaType: input.mediaType,
          size,
          sha256,
          storageKey,
          uploadedAt: acting.at,
          uploadedBy: acting.actor.id,
        })
        .returning(),
    );
    const subject = { ...aboutItem(row), entityType: 'attachment', entityId: attachment.id };
    await record(tx, acting, subject, 'archive.attach', {
      before: null,
      after: attachment,
      payload: {
        attachment: attachment.id,
        fileName: input.fileName,
        size,
        sha256,
      },
    });
    return attachment;
  });
}

/** 完整性核验: re-hashes the stored bytes and records what it found. */
export async function checkFixity(
  db: Database,
  acting: ActingAs,
  store: BlobStore,
  input: { attachmentId: string },
) {
  const [attachment] = await db.select().from(attachments).where(eq(attachments.id, input.attachmentId));
  if (!attachment) throw new ArchiveError('notFound', '没有这个附件');
  const bytes = await store.open(attachment.storageKey);
  const actual = bytes ? await sha256Of(bytes) : null;
  const ok = actual === attachment.sha256;
  return db.transaction(async (tx) => {
    const check = inserted(
      await tx
        .insert(fixityChecks)
        .values({
          communityCode: attachment.communityCode,
          attachmentId: attachment.id,
          checkedAt: acting.at,
          checkedBy: acting.actor.id,
          expectedSha256: attachment.sha256,
          actualSha256: actual,
          ok,
        })
        .returning(),
    );
    await tx
      .update(attachments)
      .set({ lastCheckedAt: acting.at, lastCheckOk: ok })
      .where(eq(attachments.id, attachment.id));
    const subject = {
      communityCode: attachment.communityCode,
      entityType: 'attachment',
      entityId: attachment.id,
    };
    await record(tx, acting, subject, 'archive.fixityCheck', {
      before: null,
      after: check,
      payload: {
        attachment: attachment.id,
        expected: attachment.sha256,
        actual,
        ok,
      },
    });
    return { ok, expected: attachment.sha256, actual, missing: bytes === null, checkedAt: acting.at };
  });
}

/** An attachment's fixity checks, newest first. */
export function fixityHistory(db: Database, attachmentId: string) {
  return db
    .select()
    .from(fixityChecks)
    .where(eq(fixityChecks.attachmentId, attachmentId))
    .orderBy(desc(fixityChecks.checkedAt));
}
