/**
 * Attachment bytes on local disk, under the data folder. `BlobStore` (from @shequ/db) is the whole
 * interface the archive code uses, so an S3-compatible store is a class with the same two methods.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BlobStore, type ByteSource, defaultDataDir, type StagedBlob } from '@shequ/db';

/** `SHEQU_ATTACHMENTS_DIR`, else `.data/attachments` beside the embedded database's folder. */
export function attachmentsDir(): string {
  return process.env.SHEQU_ATTACHMENTS_DIR ?? resolve(dirname(defaultDataDir), 'attachments');
}

/** Staged uploads wait here, inside the root so that keeping one is a rename on the same disk. */
const STAGING = '.staging';

export class LocalDiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    // Keys are built from codes and hashes, but a key must never reach outside the store or into staging.
    if (!path.startsWith(resolve(this.root) + sep) || key.startsWith(STAGING)) {
      throw new Error(`invalid blob key ${key}`);
    }
    return path;
  }

  async stage(source: ByteSource): Promise<StagedBlob> {
    const folder = join(this.root, STAGING);
    await mkdir(folder, { recursive: true });
    const partial = join(folder, `${randomUUID()}.partial`);
    try {
      await pipeline(Readable.from(source), createWriteStream(partial, { flags: 'wx' }));
    } catch (error) {
      // A refused or broken upload leaves nothing on disk.
      await rm(partial, { force: true });
      throw error;
    }
    return {
      keep: async (key) => {
        const path = this.pathOf(key);
        await mkdir(dirname(path), { recursive: true });
        // Rename: the file appears under its key whole or not at all.
        await rename(partial, path);
      },
      discard: () => rm(partial, { force: true }),
    };
  }

  async open(key: string): Promise<ByteSource | null> {
    try {
      // Opened here, not lazily, so a missing file is reported as null rather than mid-stream.
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

export function blobStore(): BlobStore {
  return new LocalDiskBlobStore(attachmentsDir());
}
