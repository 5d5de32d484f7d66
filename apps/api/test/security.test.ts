/**
 * Sessions end after 30 idle minutes besides their 12-hour limit; expired sessions and spent login
 * attempts are deleted on a schedule; a change from another site's page is refused by its `Origin`;
 * every response carries the console's security headers, HSTS only over HTTPS.
 */
import { auditLog, type DatabaseHandle, loginAttempts, sessions } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottlePolicy } from '../src/auth/throttle.js';
import { parseTrustProxy } from '../src/proxy.js';
import { sweepExpired } from '../src/security.js';
import { JINSHAN, seedFixture } from './fixture.js';
import { type Clock, clientFor, fakeClock, insertUser, makeApp, rejection, signedIn } from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let clock: Clock;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  clock = fakeClock();
  app = await makeApp(database, { now: clock.now, trustProxy: parseTrustProxy('10.0.0.1') });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('sessions', () => {
  it('end after 30 idle minutes, while use keeps them alive up to the 12-hour limit', async () => {
    const active = await signedIn(app, 'jinshan');
    const idle = await signedIn(app, 'jinshan');
    for (let i = 0; i < 4; i++) {
      clock.advance(20 * 60_000);
      expect((await active.auth.me.query())?.username).toBe('jinshan');
    }
    // 80 minutes: the idle one was last used at sign-in.
    expect(await idle.auth.me.query()).toBeNull();
    expect((await rejection(idle.communities.list.query({}))).data?.code).toBe('UNAUTHORIZED');
  });

  it('expired and idle sessions and spent login attempts are deleted by the sweep', async () => {
    await signedIn(app, 'jinshan');
    await rejection(
      clientFor(app, { ip: '192.0.2.1' }).auth.login.mutate({ username: 'jinshan', password: 'x' }),
    );
    expect(await database.db.$count(sessions)).toBeGreaterThan(0);
    expect(await database.db.$count(loginAttempts)).toBeGreaterThan(0);
    const later = new Date(clock.now().getTime() + 13 * 60 * 60_000);
    const swept = await sweepExpired(database.db, later, {
      sessionIdleMs: 30 * 60_000,
      throttle: defaultThrottlePolicy,
    });
    expect(swept.sessions).toBeGreaterThan(0);
    expect(swept.loginAttempts).toBeGreaterThan(0);
    expect(await database.db.$count(sessions)).toBe(0);
    expect(await database.db.$count(loginAttempts)).toBe(0);
  });

  it('the server runs the sweep by itself', async () => {
    const client = await signedIn(app, 'jinshan');
    expect(client.jar.size).toBe(1);
    const farLater = fakeClock(new Date(clock.now().getTime() + 24 * 60 * 60_000));
    const sweeping = await makeApp(database, { now: farLater.now, sweepIntervalMs: 50 });
    try {
      await sweeping.ready();
      for (let i = 0; i < 40 && (await database.db.$count(sessions)) > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await database.db.$count(sessions)).toBe(0);
    } finally {
      await sweeping.close();
    }
  });
});

describe('Origin', () => {
  it("refuses a change sent from another site's page and writes nothing; the own origin and none pass", async () => {
    const client = await signedIn(app, 'jinshan');
    const cookie = [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const before = await database.db.$count(auditLog);
    const change = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/trpc/users.create',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({
          username: `w${Math.random().toString(36).slice(2, 8)}`,
          displayName: '王芳',
          role: 'communityWorker',
          jurisdictionCode: '370305111007',
        }),
      });
    const forged = await change({ origin: 'https://evil.example' });
    expect(forged.statusCode).toBe(403);
    expect(JSON.parse(forged.body).error.message).toBe('不接受来自 https://evil.example 的修改请求');
    expect((await change({ origin: 'null' })).statusCode).toBe(403);
    expect((await change({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await database.db.$count(auditLog)).toBe(before);

    expect((await change({ origin: 'http://localhost' })).statusCode).toBe(200);
    expect((await change({})).statusCode).toBe(200);
    // Reads are not changes: a cross-site GET is answered (the cookie, SameSite=Lax, guards it).
    const read = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('CSP, Referrer-Policy and Permissions-Policy on every response but hashed assets; HSTS only over HTTPS', async () => {
    const plain = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(plain.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(plain.headers['referrer-policy']).toBe('same-origin');
    expect(plain.headers['permissions-policy']).toContain('camera=()');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // A hashed script is no document: only nosniff, no policy headers weighing on every cold load.
    const script = await app.inject({ method: 'GET', url: '/assets/index-0000.js' });
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['content-security-policy']).toBeUndefined();
    expect(script.headers['permissions-policy']).toBeUndefined();
    const api = await app.inject({ method: 'GET', url: '/healthz' });
    expect(api.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);

    const viaHttpsProxy = await app.inject({
      method: 'GET',
      url: '/healthz',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(viaHttpsProxy.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
