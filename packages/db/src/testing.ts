/**
 * Isolated databases for tests. Without `DATABASE_URL`: an in-memory PGlite, cloned from a migrated
 * template so each test file pays for the migrations once. With `DATABASE_URL`: a fresh database on that
 * server, dropped again on close, so the same tests prove the same behaviour on real PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openPglite, openPostgres } from './client.js';
import { migrateDatabase } from './migrate.js';
import { communities } from './schema.js';

let template: Promise<Blob> | undefined;

async function migratedTemplate(): Promise<Blob> {
  const handle = await openPglite(null);
  await migrateDatabase(handle);
  const { PGlite } = await import('@electric-sql/pglite');
  // drizzle keeps the client it was given; reach it through the session to dump the data folder.
  const client = (handle.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const dump = await client.dumpDataDir('none');
  await handle.close();
  return dump;
}

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresTestDatabase(url);
  template ??= migratedTemplate();
  return openPglite(null, await template);
}

async function createPostgresTestDatabase(url: string): Promise<DatabaseHandle> {
  const name = `shequ_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(url);
  await admin.db.execute(`create database ${name}` as unknown as Parameters<typeof admin.db.execute>[0]);
  await admin.close();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString());
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = await openPostgres(url);
      await cleanup.db.execute(
        `drop database if exists ${name} with (force)` as unknown as Parameters<typeof cleanup.db.execute>[0],
      );
      await cleanup.close();
    },
  };
}

/**
 * One community row as the division import writes it, its ancestors' codes taken from its own, for
 * tests that need a community and nothing else of the tree.
 */
export async function insertTestCommunity(
  handle: DatabaseHandle,
  community: { code: string; name: string; asOf?: string },
): Promise<void> {
  const { code, name } = community;
  await handle.db.insert(communities).values({
    code,
    name,
    provinceCode: `${code.slice(0, 2)}0000`,
    cityCode: `${code.slice(0, 4)}00`,
    districtCode: code.slice(0, 6),
    streetCode: code.slice(0, 9),
    asOf: community.asOf ?? '2026-06-30',
  });
}

/**
 * Runs `statement` the way an insider with superuser access would rewrite history: with the
 * append-only triggers of `table` switched off for the moment (`append-only.ts`). Tests use it to
 * show that verification still catches what the database itself no longer refuses.
 */
export async function tamperAsSuperuser(
  handle: DatabaseHandle,
  table: string,
  statement: Parameters<DatabaseHandle['db']['execute']>[0],
): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new RangeError(`table ${table}`);
  const toggle = (on: boolean) =>
    handle.db.execute(sql.raw(`alter table ${table} ${on ? 'enable' : 'disable'} trigger user`));
  await toggle(false);
  try {
    await handle.db.execute(statement);
  } finally {
    await toggle(true);
  }
}
