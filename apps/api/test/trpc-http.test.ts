/**
 * The direct path for plain tRPC calls answers exactly as tRPC's own Fastify adapter does: each request
 * below goes to an app with the direct path and to one that sends everything through the adapter, on the
 * same database, and the two answers must agree in status, headers and body. The adapter is watched, so
 * that the plain requests are seen to take the direct path and the others to be left to tRPC.
 */
import { brotliDecompressSync } from 'node:zlib';
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { initTRPC } from '@trpc/server';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerJsonCompression } from '../src/compression.js';
import { registerTrpcHttp } from '../src/trpc-http.js';
import { JINSHAN, LINZI, seedFixture, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, sessionCookie } from './harness.js';

vi.mock('@trpc/server/adapters/fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@trpc/server/adapters/fastify')>();
  return { ...actual, fastifyRequestHandler: vi.fn(actual.fastifyRequestHandler) };
});

let database: DatabaseHandle & { close(): Promise<void> };
let direct: FastifyInstance;
let reference: FastifyInstance;
let cookie: string;
const serverWarnings: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  // What the server logs at warning and above: an answer sent twice is logged, not seen by the client.
  direct = await makeApp(database, {
    logger: { level: 'warn', stream: { write: (line: string) => void serverWarnings.push(line) } },
  });
  reference = await makeApp(database, { trpcDirect: false });
  cookie = await sessionCookie(direct, 'jinshan');
});

afterAll(async () => {
  await direct?.close();
  await reference?.close();
  await database?.close();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const archivesOf = (community: string) => `archives.list?input=${input({ community })}`;
const batch = (paths: string[], inputs: unknown[]) =>
  `/trpc/${paths.join(',')}?batch=1&input=${input(Object.fromEntries(inputs.map((v, i) => [i, v])))}`;
const json = { 'content-type': 'application/json' };

interface Case {
  name: string;
  request: () => InjectOptions;
  /** Whether the direct path answers it (else tRPC's adapter does, in both apps). */
  directly: boolean;
  status: number;
}

const cases: Case[] = [
  {
    name: 'a query',
    request: () => ({ url: `/trpc/${archivesOf(XIANGSHAN)}`, headers: { cookie } }),
    directly: true,
    status: 200,
  },
  {
    name: 'a query without input',
    request: () => ({ url: '/trpc/auth.me', headers: { cookie } }),
    directly: true,
    status: 200,
  },
  {
    name: 'a query a signed-out caller may not make',
    request: () => ({ url: `/trpc/${archivesOf(XIANGSHAN)}` }),
    directly: true,
    status: 401,
  },
  {
    name: 'a query outside the caller’s jurisdiction',
    request: () => ({ url: `/trpc/${archivesOf('370305001001')}`, headers: { cookie } }),
    directly: true,
    status: 403,
  },
  {
    name: 'a query whose input its schema refuses',
    request: () => ({ url: `/trpc/archives.list?input=${input({ community: 12 })}`, headers: { cookie } }),
    directly: true,
    status: 400,
  },
  {
    name: 'a query with a NUL in its input',
    request: () => ({
      url: `/trpc/communities.list?input=${input({ under: LINZI, search: 'a\u0000b' })}`,
      headers: { cookie },
    }),
    directly: true,
    status: 400,
  },
  {
    name: 'a batch of queries, each answered',
    request: () => ({
      url: batch(
        ['auth.me', 'archives.list', 'communities.list'],
        [undefined, { community: XIANGSHAN }, { under: JINSHAN }],
      ),
      headers: { cookie },
    }),
    directly: true,
    status: 200,
  },
  {
    name: 'a batch with answers and refusals (207)',
    request: () => ({
      url: batch(['archives.list', 'archives.list'], [{ community: XIANGSHAN }, { community: 12 }]),
      headers: { cookie },
    }),
    directly: true,
    status: 207,
  },
  {
    name: 'a batch refused alike (one status)',
    request: () => ({
      url: batch(['archives.list', 'archives.list'], [{ community: 1 }, { community: 2 }]),
      headers: { cookie },
    }),
    directly: true,
    status: 400,
  },
  {
    name: 'a large answer, compressed',
    request: () => ({
      url: `/trpc/compliance.community?input=${input({ code: XIANGSHAN })}`,
      headers: { cookie, 'accept-encoding': 'br' },
    }),
    directly: true,
    status: 200,
  },
  {
    name: 'a mutation whose input its schema refuses',
    request: () => ({
      method: 'POST',
      url: '/trpc/archives.create',
      headers: { cookie, ...json },
      payload: JSON.stringify({ community: XIANGSHAN, title: '' }),
    }),
    directly: true,
    status: 400,
  },
  {
    name: 'a batch of mutations, each refused',
    request: () => ({
      method: 'POST',
      url: '/trpc/archives.create,archives.create?batch=1',
      headers: { cookie, ...json },
      payload: JSON.stringify({ 0: { community: XIANGSHAN }, 1: { community: '370305001001' } }),
    }),
    directly: true,
    status: 400,
  },
  {
    name: 'an unknown procedure',
    request: () => ({ url: '/trpc/archives.nothing', headers: { cookie } }),
    directly: false,
    status: 404,
  },
  {
    name: 'a query sent as a POST',
    request: () => ({ method: 'POST', url: '/trpc/auth.me', headers: { cookie, ...json }, payload: '{}' }),
    directly: false,
    status: 405,
  },
  {
    name: 'a mutation sent as a GET',
    request: () => ({ url: '/trpc/archives.create', headers: { cookie } }),
    directly: false,
    status: 405,
  },
  {
    name: 'input that is not JSON',
    request: () => ({ url: '/trpc/archives.list?input=%7Bnot-json', headers: { cookie } }),
    directly: false,
    status: 400,
  },
  {
    name: 'a mutation body that is not JSON',
    request: () => ({
      method: 'POST',
      url: '/trpc/archives.create',
      headers: { cookie, ...json },
      payload: '{not-json',
    }),
    directly: false,
    status: 400,
  },
  {
    name: 'a batch whose input is not an object',
    request: () => ({ url: `/trpc/archives.list?batch=1&input=${input([1])}`, headers: { cookie } }),
    directly: false,
    status: 400,
  },
  {
    name: 'a batch mixing a query and a mutation',
    request: () => ({ url: batch(['auth.me', 'archives.create'], [undefined, {}]), headers: { cookie } }),
    directly: false,
    status: 400,
  },
  {
    name: 'a streamed batch',
    request: () => ({
      url: batch(['auth.me'], [undefined]),
      headers: { cookie, 'trpc-accept': 'application/jsonl' },
    }),
    directly: false,
    status: 200,
  },
];

/** What a client sees of an answer: status, headers but the date, and the decoded body. */
function seen(response: LightMyRequestResponse) {
  const { date: _date, ...headers } = response.headers;
  const body =
    headers['content-encoding'] === 'br'
      ? brotliDecompressSync(response.rawPayload).toString('utf8')
      : response.body;
  return { status: response.statusCode, headers, body };
}

describe('the direct path answers plain calls exactly as tRPC’s adapter', () => {
  for (const each of cases) {
    it(`${each.name}: ${each.status}, the same answer, ${each.directly ? 'directly' : 'through tRPC'}`, async () => {
      const adapter = vi.mocked(fastifyRequestHandler);
      adapter.mockClear();
      serverWarnings.length = 0;
      const viaDirect = seen(await direct.inject(each.request()));
      expect(adapter.mock.calls.length).toBe(each.directly ? 0 : 1);
      expect(serverWarnings).toEqual([]);
      const viaReference = seen(await reference.inject(each.request()));
      expect(viaDirect.status).toBe(each.status);
      expect(viaDirect).toEqual(viaReference);
    });
  }

  it('a batch with many calls keeps their order', async () => {
    const communities = [XIANGSHAN, '370305111006', XIANGSHAN, '370305001001'];
    const response = await direct.inject({
      url: batch(
        communities.map(() => 'archives.list'),
        communities.map((community) => ({ community })),
      ),
      headers: { cookie },
    });
    const answers = response.json() as { result?: unknown; error?: { data: { httpStatus: number } } }[];
    expect(answers.map((answer) => answer.error?.data.httpStatus ?? 200)).toEqual([200, 200, 200, 403]);
  });
});

describe('answers tRPC would only stream are refused as it refuses them', () => {
  // No procedure of the app answers so: a router of the test's own, on Fastify with the app's compression
  // hook, which unpacks the adapter's fetch `Response` as the app does (else Fastify streams it, chunked).
  const t = initTRPC.create({ isDev: false });
  // biome-ignore lint/suspicious/noThenProperty: a thenable that is not a promise is what tRPC refuses here.
  const thenable = { then: () => undefined, catch: () => undefined };
  const streamLike = t.router({
    thenableMember: t.procedure.query(() => ({ pending: thenable })),
    promiseInArray: t.procedure.query(() => [Promise.resolve(1)]),
    plain: t.procedure.query(() => ({ n: 1 })),
  });
  const serverOf = async (directPath: boolean) => {
    const server = Fastify({ logger: false });
    registerJsonCompression(server);
    await registerTrpcHttp(server, {
      prefix: '/trpc',
      direct: directPath,
      router: streamLike,
      createContext: async () => ({}),
    });
    return server;
  };

  for (const url of [
    '/trpc/thenableMember',
    '/trpc/promiseInArray',
    '/trpc/plain,thenableMember?batch=1',
    '/trpc/promiseInArray,plain?batch=1',
  ]) {
    it(`${url}: the same answer, directly`, async () => {
      const [viaDirect, viaReference] = await Promise.all([serverOf(true), serverOf(false)]);
      const adapter = vi.mocked(fastifyRequestHandler);
      adapter.mockClear();
      const direct = seen(await viaDirect.inject({ url }));
      expect(adapter.mock.calls.length).toBe(0);
      expect(direct).toEqual(seen(await viaReference.inject({ url })));
      await Promise.all([viaDirect.close(), viaReference.close()]);
    });
  }
});
