/**
 * Isolated databases for tests. Without `DATABASE_URL`: an in-memory PGlite, cloned from a migrated
 * template. The template is kept on disk under the system's temporary folder, named by a digest of the
 * migrations and the PGlite version, so the test files of a run (each in its own process) migrate once
 * between them instead of once each. With `DATABASE_URL`: a fresh database on that
 * server, dropped again on close, so the same tests prove the same behaviour on real PostgreSQL.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from './client.js';
import { migrateDatabase, migrationsFolder } from './migrate.js';
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

/** The installed PGlite's version: a dump is read back only by the PGlite that wrote it. */
function pgliteVersion(): string {
  // The package exports no `./package.json`; its manifest is found above its resolved entry point.
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * The migrated template from disk, or built and written there. Written under a temporary name and
 * renamed, so a process that reads it never sees half a file; two processes that build it at once
 * write the same thing.
 */
async function cachedTemplate(): Promise<Blob> {
  const folder = join(tmpdir(), 'shequ-test-templates');
  const file = join(folder, `pglite-${pgliteVersion()}-${migrationsDigest()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const dump = await migratedTemplate();
    await mkdir(folder, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  }
}

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresTestDatabase(url);
  template ??= cachedTemplate();
  return openPglite(null, await template);
}

/**
 * Migrating a new PostgreSQL database costs seconds per test file; copying a migrated one costs a
 * fraction of that. The template's name carries a digest of the shipped migrations, so a changed or
 * added migration gets a new template instead of a stale one.
 */
let postgresTemplate: Promise<string> | undefined;

function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  hash.update(readFileSync(join(migrationsFolder, 'meta/_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

/** One plain connection, so that a session-level advisory lock is released by the session that took it. */
async function withServerConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const { default: pgModule } = await import('pg');
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = `shequ_template_${migrationsDigest()}`;
  await withServerConnection(url, async (client) => {
    // Test processes start together; one builds the template while the others wait for it.
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return;
      // Built under another name and renamed when complete: a process killed halfway never leaves a
      // half-migrated template behind to be copied.
      const building = `${name}_building`;
      await client.query(`drop database if exists ${building} with (force)`);
      await client.query(`create database ${building}`);
      const target = new URL(url);
      target.pathname = `/${building}`;
      const handle = await openPostgres(target.toString());
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
      await client.query(`alter database ${building} rename to ${name}`);
      // Templates of older migration sets are of no further use.
      const stale = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like 'shequ\\_template\\_%' and datname <> $1",
        [name],
      );
      for (const { datname } of stale.rows)
        await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return name;
}

/**
 * A fresh PostgreSQL test database (see `createTestDatabase`) with its connection string, for a test
 * that hands the database to another process — the CLI as a user runs it.
 */
export async function createPostgresTestDatabase(url: string): Promise<DatabaseHandle & { url: string }> {
  postgresTemplate ??= ensurePostgresTemplate(url);
  const template = await postgresTemplate;
  const name = `shequ_test_${randomBytes(6).toString('hex')}`;
  await withServerConnection(url, (client) => client.query(`create database ${name} template ${template}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString());
  // Applies nothing on a copy of the current template; kept so a database is never handed out unmigrated.
  await migrateDatabase(handle);
  return {
    ...handle,
    url: target.toString(),
    close: async () => {
      await handle.close();
      await withServerConnection(url, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

/** A community's ancestors' codes as the division import writes them, taken from its own code. */
export function communityAncestors(code: string) {
  return {
    provinceCode: `${code.slice(0, 2)}0000`,
    cityCode: `${code.slice(0, 4)}00`,
    districtCode: code.slice(0, 6),
    streetCode: code.slice(0, 9),
  };
}

/**
 * One community row as the division import writes it, its ancestors' codes taken from its own, for
 * tests that need a community and nothing else of the tree.
 */
export async function insertTestCommunity(
  handle: DatabaseHandle,
  community: { code: string; name: string; asOf?: string; setting?: 'urban' | 'rural' },
): Promise<void> {
  const { code, name, setting } = community;
  await handle.db.insert(communities).values({
    code,
    name,
    ...communityAncestors(code),
    ...(setting === undefined ? {} : { setting }),
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
