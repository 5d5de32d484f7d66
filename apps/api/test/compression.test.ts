import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, MIN_COMPRESSED_BYTES } from '../src/compression.js';
import { JINSHAN, seedFixture, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, sessionCookie } from './harness.js';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  app = await makeApp(database);
  cookie = await sessionCookie(app, 'jinshan');
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const trpcCompliance = `/trpc/compliance.community?input=${encodeURIComponent(JSON.stringify({ code: XIANGSHAN }))}`;
const restCompliance = `/api/v1/communities/${XIANGSHAN}/compliance?asOf=2024-06-30`;

async function get(url: string, acceptEncoding?: string) {
  return app.inject({
    method: 'GET',
    url,
    headers: { cookie, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
  });
}

describe('JSON answers are compressed for clients that accept it', () => {
  for (const [api, url] of [
    ['tRPC', trpcCompliance],
    ['REST', restCompliance],
  ] as const) {
    it(`${api}: a large answer comes back in Brotli or gzip and decodes to the same JSON`, async () => {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.rawPayload.length).toBeGreaterThan(10 * MIN_COMPRESSED_BYTES);
      const expected: unknown = plain.json();

      const brotli = await get(url, 'gzip, deflate, br, zstd');
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(brotli.headers['content-length'])).toBe(brotli.rawPayload.length);
      expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect(withoutTiming(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString('utf8')))).toEqual(
        withoutTiming(expected),
      );

      const gzip = await get(url, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(withoutTiming(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8')))).toEqual(
        withoutTiming(expected),
      );
    });
  }

  it('a client that accepts no encoding, or refuses them, gets plain JSON', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'br;q=0, gzip;q=0', '']) {
      const response = await get(trpcCompliance, acceptEncoding);
      expect(response.statusCode, String(acceptEncoding)).toBe(200);
      expect(response.headers['content-encoding'], String(acceptEncoding)).toBeUndefined();
      expect(response.json().result.data.community.code).toBe(XIANGSHAN);
    }
  });

  it('small answers and errors stay as they are; errors keep their status', async () => {
    const small = await app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });

    const unsigned = await app.inject({
      method: 'GET',
      url: trpcCompliance,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(unsigned.statusCode).toBe(401);
    const body =
      unsigned.headers['content-encoding'] === undefined
        ? unsigned.json()
        : JSON.parse(brotliDecompressSync(unsigned.rawPayload).toString('utf8'));
    expect(body.error.data.code).toBe('UNAUTHORIZED');
  });

  it('chooses Brotli before gzip, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('br');
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

/** The compliance answer says how long the server took; that differs between two requests. */
function withoutTiming(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, inner: unknown) =>
    key === 'elapsedMs' ? undefined : inner,
  );
}
