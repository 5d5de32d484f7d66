/**
 * Attachment bytes on local disk, under the data folder. `BlobStore` (from @shequ/db) is the whole
 * interface the archive code uses, so an S3-compatible store is a class with the same two methods.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { type BlobStore, defaultDataDir } from '@shequ/db';

/** `SHEQU_ATTACHMENTS_DIR`, else `.data/attachments` beside the embedded database's folder. */
export function attachmentsDir(): string {
  return process.env.SHEQU_ATTACHMENTS_DIR ?? resolve(dirname(defaultDataDir), 'attachments');
}

export class LocalDiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    // Keys are built from codes and hashes, but a key must never reach outside the store.
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`invalid blob key ${key}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a crash mid-write never leaves a truncated file under the real key.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, path);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

export function blobStore(): BlobStore {
  return new LocalDiskBlobStore(attachmentsDir());
}
