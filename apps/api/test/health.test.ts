import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { type DatabaseHandle, pendingMigrations } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from './harness.js';

let database: DatabaseHandle & { close(): Promise<void> };
let dist: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dist = mkdtempSync(join(tmpdir(), 'shequ-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>社区</title>');
  writeFileSync(join(dist, 'app.js'), 'console.log(1)');
  // A hashed asset as the console's build writes it: with its Brotli and gzip copies beside it.
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', hashedAsset), assetText);
  writeFileSync(join(dist, 'assets', `${hashedAsset}.br`), brotliCompressSync(assetText));
  writeFileSync(join(dist, 'assets', `${hashedAsset}.gz`), gzipSync(assetText));
});

const hashedAsset = 'index-Cw4lPUcf.js';
const assetText = 'export const greeting = "你好";\n'.repeat(200);

afterAll(async () => {
  await database?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('health and readiness', () => {
  it('/healthz answers while the process runs; /readyz once the database is reachable and migrated', async () => {
    const app = await makeApp(database);
    try {
      const health = await app.inject('/healthz');
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ ready: true, database: 'ok' });
    } finally {
      await app.close();
    }
  });
});

describe('readiness of a database behind the code', () => {
  it('/readyz answers 503 and names the migration not yet applied', async () => {
    const behind = await createTestDatabase();
    const app = await makeApp(behind);
    try {
      // As if the database was last migrated by the release before the newest migration.
      await behind.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      const newest = (await pendingMigrations(behind)).at(-1);
      expect(newest).toMatch(/^\d{4}_/);
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, database: 'not-migrated' });
      expect(ready.json().message).toContain(newest);
    } finally {
      await app.close();
      await behind.close();
    }
  });
});

describe('the console', () => {
  it('serves files from dist and index.html for any other page URL, but not for API paths', async () => {
    const app = await makeApp(database, { adminDist: dist });
    try {
      expect((await app.inject('/app.js')).body).toBe('console.log(1)');
      const page = await app.inject({ url: '/communities/370305111007', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>社区</title>');
      const api = await app.inject({ url: '/trpc/nothing.here', headers: { accept: 'text/html' } });
      expect(api.statusCode).toBe(404);
      expect(api.body).not.toContain('<title>');
    } finally {
      await app.close();
    }
  });

  it('sends the precompressed copy a browser accepts; hashed assets are kept a year, pages revalidated', async () => {
    const app = await makeApp(database, { adminDist: dist });
    try {
      const brotli = await app.inject({
        url: `/assets/${hashedAsset}`,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(assetText);
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const gzip = await app.inject({
        url: `/assets/${hashedAsset}`,
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      const plain = await app.inject({ url: `/assets/${hashedAsset}` });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(assetText);
      for (const url of ['/', '/workbench']) {
        const page = await app.inject({ url, headers: { accept: 'text/html' } });
        expect(page.statusCode, url).toBe(200);
        expect(page.headers['cache-control'], url).toBe('no-cache');
      }
    } finally {
      await app.close();
    }
  });

  it('says how to build the console when dist is missing', async () => {
    const app = await makeApp(database, { adminDist: join(dist, 'missing') });
    try {
      const page = await app.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('pnpm --filter @shequ/admin build');
    } finally {
      await app.close();
    }
  });
});
