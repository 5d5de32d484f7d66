/**
 * A temporary folder for the log commands' suites: an embedded database holding the demo history of
 * 象山社区居委会, and the environment that points the CLI at it and at its own keys.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openPglite, seedArchivesDemo, XIANGSHAN } from '@shequ/db';
import { insertTestCommunity } from '@shequ/db/testing';
import { afterAll, beforeAll } from 'vitest';

export interface ArchivesDemoFolder {
  dir: string;
  env: NodeJS.ProcessEnv;
}

/** Registers the suite's setup and teardown; the fields are there once the suite's `beforeAll` has run. */
export function useArchivesDemoFolder(prefix: string): ArchivesDemoFolder {
  const folder: ArchivesDemoFolder = { dir: '', env: {} };
  beforeAll(async () => {
    folder.dir = await mkdtemp(join(tmpdir(), prefix));
    // The embedded database even when the suite runs against PostgreSQL: this tests the CLI, not the server.
    folder.env = {
      DATABASE_URL: '',
      SHEQU_DATA_DIR: join(folder.dir, 'pglite'),
      SHEQU_SIGNING_KEY_FILE: join(folder.dir, 'signing-key.pem'),
      SHEQU_WITNESS_KEY_DIR: join(folder.dir, 'witness-keys'),
    };
    const database = await openPglite(join(folder.dir, 'pglite'));
    try {
      await migrateDatabase(database);
      await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
      await seedArchivesDemo(database);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(async () => {
    await rm(folder.dir, { recursive: true, force: true });
  });
  return folder;
}
