/**
 * Test harness: an app on an isolated database, and typed tRPC clients that go through the real HTTP stack
 * (`app.inject`, cookies included) without opening a port.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '@shequ/db';
import { users } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { createTRPCClient, httpLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { type BuildAppOptions, buildApp } from '../src/app.js';
import { hashPassword } from '../src/auth/password.js';
import type { AppRole } from '../src/auth/roles.js';
import { SESSION_COOKIE } from '../src/auth/sessions.js';
import type { AppRouter } from '../src/router.js';
import { seedFixture } from './fixture.js';

export interface Clock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function fakeClock(start = new Date('2026-11-03T02:00:00Z')): Clock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface ClientOptions {
  ip?: string;
  /** Extra request headers on every call (a proxy's X-Forwarded-For, an Origin). */
  headers?: Record<string, string>;
}

/** A browser-like client: keeps the session cookie it is given, sends it back. */
export type TestClient = TRPCClient<AppRouter> & { jar: Map<string, string>; setCookies: string[] };

export function clientFor(app: FastifyInstance, options: ClientOptions = {}): TestClient {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://localhost/trpc',
        fetch: async (input, init) => {
          const url = new URL(String(input));
          const headers: Record<string, string> = {
            ...(init?.headers as Record<string, string>),
            ...options.headers,
          };
          if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
          const response = await app.inject({
            method: (init?.method ?? 'GET') as 'GET' | 'POST',
            url: url.pathname + url.search,
            headers,
            payload: (init?.body as string | undefined) ?? undefined,
            remoteAddress: options.ip ?? '127.0.0.1',
          });
          const raw = response.headers['set-cookie'];
          for (const line of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
            setCookies.push(line);
            const [pair = ''] = line.split(';');
            const eq = pair.indexOf('=');
            const name = pair.slice(0, eq);
            const value = pair.slice(eq + 1);
            if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
            else jar.set(name, value);
          }
          return new Response(response.body, {
            status: response.statusCode,
            headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
          });
        },
      }),
    ],
  });
  // The tRPC client is a proxy that treats every property as a procedure path, so the cookie jar is
  // attached through a proxy of our own rather than as plain properties.
  const extras = { jar, setCookies };
  return new Proxy(client, {
    get: (target, key, receiver) =>
      key === 'jar' || key === 'setCookies' ? extras[key] : Reflect.get(target, key, receiver),
  }) as TestClient;
}

export async function makeApp(
  database: DatabaseHandle,
  options: Omit<BuildAppOptions, 'database'> = {},
): Promise<FastifyInstance> {
  // No sweep unless a test asks: apps on one database with different clocks would end each other's sessions.
  return buildApp({ database, adminDist: null, logger: false, sweepIntervalMs: 0, ...options });
}

/**
 * App options for a suite whose story runs over months of a fake clock from 2026-03-02 (10:00 in China):
 * sessions outlive it, as they are tested in security.test.ts.
 */
export function monthsLongStory(): { clock: Clock; options: Omit<BuildAppOptions, 'database'> } {
  const clock = fakeClock(new Date('2026-03-02T02:00:00Z'));
  return {
    clock,
    options: { now: clock.now, sessionTtlMs: 365 * 86_400_000, sessionIdleMs: 365 * 86_400_000 },
  };
}

let hashCache: Promise<string> | undefined;
export const TEST_PASSWORD = 'Correct-Horse-9';

/** Inserts an account with TEST_PASSWORD (one argon2 hash per test file, reused). */
export async function insertUser(
  database: DatabaseHandle,
  user: { username: string; role: AppRole; jurisdictionCode: string; mustChangePassword?: boolean },
): Promise<string> {
  hashCache ??= hashPassword(TEST_PASSWORD);
  const [row] = await database.db
    .insert(users)
    .values({
      username: user.username,
      displayName: user.username,
      role: user.role,
      jurisdictionCode: user.jurisdictionCode,
      passwordHash: await hashCache,
      mustChangePassword: user.mustChangePassword ?? false,
      createdAt: new Date(),
    })
    .returning({ id: users.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

let signIns = 0;

export async function signedIn(
  app: FastifyInstance,
  username: string,
  options: ClientOptions = {},
): Promise<TestClient> {
  // Each signed-in client its own loopback address: the throttle verifies at most five sign-ins at once per
  // address, and test files sign their accounts in all at once.
  const client = clientFor(app, {
    ...options,
    ip: options.ip ?? `127.0.${Math.floor(signIns / 250)}.${(signIns % 250) + 2}`,
  });
  signIns++;
  await client.auth.login.mutate({ username, password: TEST_PASSWORD });
  return client;
}

/** A REST client's sign-in: the session cookie `POST /api/v1/session` sets, as a `cookie` header's value. */
export async function sessionCookie(app: FastifyInstance, username: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password: TEST_PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  return `${SESSION_COOKIE}=${cookie?.value}`;
}

/** The tRPC error of a rejected call (fails the test if the call succeeded). */
export async function rejection(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error('expected the call to be rejected');
}

type Account = { role: AppRole; jurisdictionCode: string; mustChangePassword?: boolean };

/** An app for the archive tests: what `archivesTestApp` sets up, and how to take it down. */
export interface ArchivesTestApp<Name extends string> {
  database: DatabaseHandle;
  app: FastifyInstance;
  /** Account ids by username. */
  ids: Record<Name, string>;
  /** A signed-in client per username. */
  as: Record<Name, TestClient>;
  close: () => Promise<void>;
}

/**
 * A fresh test database with the fixture and `accounts` (username → role and node), an app on it with
 * every account signed in, and the custody signing key and attachments in a temporary folder of their
 * own, so that archive tests never touch the repository's `.data`.
 */
export async function archivesTestApp<Name extends string>(
  folderPrefix: string,
  accounts: Record<Name, Account>,
  options: Omit<BuildAppOptions, 'database'> = {},
): Promise<ArchivesTestApp<Name>> {
  const dataDir = await mkdtemp(join(tmpdir(), folderPrefix));
  process.env.SHEQU_SIGNING_KEY_FILE = join(dataDir, 'signing-key.pem');
  process.env.SHEQU_WITNESS_KEY_DIR = join(dataDir, 'witness-keys');
  process.env.SHEQU_ATTACHMENTS_DIR = join(dataDir, 'attachments');
  const database = await createTestDatabase();
  await seedFixture(database);
  const names = Object.keys(accounts) as Name[];
  const ids = {} as Record<Name, string>;
  for (const username of names)
    ids[username] = await insertUser(database, { username, ...accounts[username] });
  const app = await makeApp(database, options);
  const as = {} as Record<Name, TestClient>;
  for (const username of names) as[username] = await signedIn(app, username);
  return {
    database,
    app,
    ids,
    as,
    close: async () => {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A suite's app, database and signed-in clients, filled in by the suite's `beforeAll`. */
export type SuiteApp<Client extends string> = { database: DatabaseHandle; app: FastifyInstance } & Record<
  Client,
  TestClient
>;

/**
 * Registers a suite's setup and teardown: a fresh test database with the fixture and whatever `seed`
 * adds, the accounts (client name → username, role and node), and an app on it (built with
 * `appOptions`) with every account signed in. The fields are there once the suite's `beforeAll` has
 * run; a suite's own `beforeAll`, registered after this call, runs after it.
 */
export function useSuiteApp<Client extends string>(
  accounts: Record<Client, Account & { username: string }>,
  setup: {
    seed?: (database: DatabaseHandle) => Promise<unknown>;
    appOptions?: Omit<BuildAppOptions, 'database'>;
    /** Nodes beside the Shandong slice, such as `nanjing`. */
    more?: Parameters<typeof seedFixture>[1];
  } = {},
): SuiteApp<Client> {
  const suite = {} as SuiteApp<Client>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    await seedFixture(database, setup.more);
    await setup.seed?.(database);
    const clients = Object.keys(accounts) as Client[];
    for (const client of clients) await insertUser(database, accounts[client]);
    const app = await makeApp(database, setup.appOptions);
    Object.assign(suite, { database, app });
    for (const client of clients)
      Object.assign(suite, { [client]: await signedIn(app, accounts[client].username) });
  }, 120_000);
  afterAll(async () => {
    await suite.app?.close();
    await suite.database?.close();
  });
  return suite;
}

/**
 * A CSV under a sheet's headers, one line a row (cells by header, blank where missing), as someone
 * filling it in writes it; base64, as the import procedures take it.
 */
export function csvUnderHeaders(
  columns: readonly { header: string }[],
  rows: Record<string, string>[],
): string {
  const headers = columns.map((c) => c.header);
  const lines = rows.map((row) => headers.map((h) => row[h] ?? '').join(','));
  return Buffer.from([headers.join(','), ...lines].join('\n')).toString('base64');
}
