/**
 * 200 concurrent guesses: the attempt is counted before the password is verified, so at most the policy's
 * number is ever verified per account (guesses from 200 addresses) and per address (guesses at 200
 * accounts). Run against PostgreSQL with `test:db`, where the requests truly overlap; PGlite here.
 */
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultThrottlePolicy } from '../src/auth/throttle.js';
import { JINSHAN, seedFixture } from './fixture.js';
import { clientFor, insertUser, makeApp, rejection, TEST_PASSWORD } from './harness.js';

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/auth/password.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/auth/password.js')>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      verifications.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

let database: DatabaseHandle;
let app: FastifyInstance;
const { maxFailures } = defaultThrottlePolicy;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'target', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  app = await makeApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});
beforeEach(() => {
  verifications.count = 0;
});

describe('200 concurrent guesses', () => {
  it(`verify at most ${maxFailures} against one account, from 200 addresses, and then not even the right password`, async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rejection(
          clientFor(app, { ip: `198.51.100.${i + 1}` }).auth.login.mutate({
            username: 'target',
            password: `guess-${i}`,
          }),
        ),
      ),
    );
    expect(verifications.count).toBe(maxFailures);
    const codes = outcomes.map((error) => error.data?.code);
    // Wrong (401) or refused (429), nothing else; a wrong guess finishing while the others are still being
    // checked already counts them, so it may say "locked" rather than "wrong".
    expect(codes.every((code) => code === 'UNAUTHORIZED' || code === 'TOO_MANY_REQUESTS')).toBe(true);
    expect(codes.filter((code) => code === 'UNAUTHORIZED').length).toBeLessThanOrEqual(maxFailures - 1);
    const right = await rejection(
      clientFor(app, { ip: '203.0.113.50' }).auth.login.mutate({
        username: 'target',
        password: TEST_PASSWORD,
      }),
    );
    expect(right.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(verifications.count).toBe(maxFailures);
  }, 120_000);

  it(`verify at most ${maxFailures} from one address, across 200 accounts`, async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rejection(
          clientFor(app, { ip: '192.0.2.66' }).auth.login.mutate({
            username: `user-${i}`,
            password: 'guess',
          }),
        ),
      ),
    );
    expect(verifications.count).toBe(maxFailures);
    expect(outcomes.filter((error) => error.data?.code === 'TOO_MANY_REQUESTS').length).toBeGreaterThan(190);
  }, 120_000);
});
