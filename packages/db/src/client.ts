/**
 * Opening the database: PostgreSQL when `DATABASE_URL` is set, otherwise embedded PGlite in a local data
 * folder, so a new user needs no server. Both are driven through one drizzle schema and one set of migrations.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataFolder } from './folder-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** The data folder (PGlite) or the server address without credentials (PostgreSQL), for printing. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string; defaults to `DATABASE_URL`. */
  url?: string;
  /** PGlite's data folder; defaults to `SHEQU_DATA_DIR`, then `.data/pglite` under the working directory. */
  dataDir?: string;
}

/**
 * `.data/pglite` under the directory the user works in: the one a package script was started from
 * (`INIT_CWD`, which npm and pnpm set, so `pnpm start` at the top of the repository keeps its data
 * there even though the script runs in apps/api), else the process's working directory. Never
 * relative to this file: installed from npm it lives in node_modules, which a reinstall wipes.
 */
export function defaultDataFolder(
  workingDirectory: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return resolve(env.INIT_CWD || workingDirectory, '.data/pglite');
}
export const defaultDataDir = defaultDataFolder();

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(options.dataDir ?? process.env.SHEQU_DATA_DIR ?? defaultDataDir);
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.SHEQU_DB_POOL ?? 10),
    // Statements a transaction issues together go out together and PostgreSQL runs them in order: a filing
    // reads its series' last number in the same round trip as it takes its community's chain lock, so that
    // lock is held for fewer round trips while the others queue behind it.
    pipeline: true,
  });
  // An idle connection the server drops (restart, `drop database … with (force)`) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', (error) => {
    if (process.env.SHEQU_DB_QUIET !== '1') console.warn(`PostgreSQL 空闲连接断开：${error.message}`);
  });
  const db = drizzle(pool, { schema }) as unknown as Database;
  return { db, kind: 'postgres', location: redact(url), close: () => pool.end() };
}

/** `dataDir` null opens an in-memory database (tests). */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process must not even start recovery on it.
  const lock = dataDir ? lockDataFolder(resolve(dataDir)) : null;
  let client: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    location: dataDir ?? '（内存）',
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = parsed.username ? `${parsed.username}` : '';
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
