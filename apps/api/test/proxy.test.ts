/**
 * Behind a reverse proxy (`SHEQU_TRUST_PROXY`): only the proxies named (addresses, ranges) or counted
 * (hops) may tell the client's address and scheme. A client forging X-Forwarded-For neither escapes the
 * login throttle nor lands its forged address in the audit log; the session cookie is `Secure` whenever
 * the original request was HTTPS.
 */
import { auditLog, type DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../src/proxy.js';
import { JINSHAN, seedFixture } from './fixture.js';
import { clientFor, insertUser, makeApp, rejection, TEST_PASSWORD } from './harness.js';

let database: DatabaseHandle;
let behindProxy: FastifyInstance;
let oneHop: FastifyInstance;
const PROXY = '10.0.0.1';
const CLIENT = '203.0.113.9';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  for (const username of ['target', 'alice', 'bob', 'carol'])
    await insertUser(database, { username, role: 'streetAdmin', jurisdictionCode: JINSHAN });
  behindProxy = await makeApp(database, { trustProxy: parseTrustProxy(`${PROXY}, 192.168.0.0/16`) });
  oneHop = await makeApp(database, { trustProxy: parseTrustProxy('1') });
});
afterAll(async () => {
  await behindProxy?.close();
  await oneHop?.close();
  await database?.close();
});

async function loginAudit(username: string) {
  const rows = await database.db
    .select({ ip: auditLog.ip, actor: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.actorName, username)));
  return rows.map((row) => row.ip);
}

function sessionCookie(setCookies: string[]): string {
  return setCookies.find((line) => line.startsWith('shequ_session=')) ?? '';
}

describe('trusted proxies', () => {
  it('100 wrong passwords under 100 forged addresses are locked out after the policy allows', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 100; i++) {
      const forger = clientFor(behindProxy, {
        ip: '203.0.113.200',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      codes.push(
        (await rejection(forger.auth.login.mutate({ username: 'target', password: `g${i}` }))).data?.code,
      );
    }
    expect(codes.slice(0, 4).every((code) => code === 'UNAUTHORIZED')).toBe(true);
    expect(codes.slice(4).every((code) => code === 'TOO_MANY_REQUESTS')).toBe(true);
  });

  it('records the real address when a client forges X-Forwarded-For, the forwarded one from a trusted proxy', async () => {
    const forger = clientFor(behindProxy, { ip: CLIENT, headers: { 'x-forwarded-for': '1.2.3.4' } });
    await forger.auth.login.mutate({ username: 'alice', password: TEST_PASSWORD });
    expect(await loginAudit('alice')).toEqual([CLIENT]);

    const viaProxy = clientFor(behindProxy, {
      ip: '192.168.3.4',
      headers: { 'x-forwarded-for': `1.2.3.4, ${CLIENT}, ${PROXY}` },
    });
    await viaProxy.auth.login.mutate({ username: 'bob', password: TEST_PASSWORD });
    // 192.168.3.4 and 10.0.0.1 are trusted proxies; 203.0.113.9 is not, so it is the client (1.2.3.4 is its claim).
    expect(await loginAudit('bob')).toEqual([CLIENT]);
  });

  it('with a hop count, takes the address the last proxy saw, not what the client wrote before it', async () => {
    const client = clientFor(oneHop, {
      ip: '127.0.0.1',
      headers: { 'x-forwarded-for': `6.6.6.6, ${CLIENT}` },
    });
    await client.auth.login.mutate({ username: 'carol', password: TEST_PASSWORD });
    expect(await loginAudit('carol')).toEqual([CLIENT]);
  });

  it('sets Secure on the session cookie when the original request was HTTPS, and only then', async () => {
    const https = clientFor(behindProxy, { ip: PROXY, headers: { 'x-forwarded-proto': 'https' } });
    await https.auth.login.mutate({ username: 'alice', password: TEST_PASSWORD });
    expect(sessionCookie(https.setCookies)).toMatch(/;\s*Secure/i);

    // A client that is not a proxy cannot claim HTTPS (the cookie would then never come back over http).
    const claimed = clientFor(behindProxy, { ip: CLIENT, headers: { 'x-forwarded-proto': 'https' } });
    await claimed.auth.login.mutate({ username: 'alice', password: TEST_PASSWORD });
    expect(sessionCookie(claimed.setCookies)).not.toMatch(/Secure/i);
  });

  it('refuses settings that would trust everyone or are not addresses', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('10.0.0.0/8,::1, loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(() => parseTrustProxy('true')).toThrow(/不能信任所有来源/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/SHEQU_TRUST_PROXY 无效.*10\.0\.0\.0\/33/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/不是 IP 地址或网段/);
    expect(() => parseTrustProxy('99')).toThrow(/代理层数/);
  });
});
