import { type DatabaseHandle, loginAttempts, sessions, users } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/sessions.js';
import { defaultThrottlePolicy } from '../src/auth/throttle.js';
import { JINSHAN, LINZI, seedFixture } from './fixture.js';
import {
  type Clock,
  clientFor,
  fakeClock,
  insertUser,
  makeApp,
  rejection,
  signedIn,
  TEST_PASSWORD,
} from './harness.js';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let clock: Clock;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  await insertUser(database, { username: 'victim', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  await insertUser(database, {
    username: 'newbie',
    role: 'streetAdmin',
    jurisdictionCode: JINSHAN,
    mustChangePassword: true,
  });
  await insertUser(database, { username: 'linzi', role: 'districtAdmin', jurisdictionCode: LINZI });
  await insertUser(database, { username: 'held', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  clock = fakeClock();
  app = await makeApp(database, { now: clock.now });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('login', () => {
  it('signs in with the right password and sets an httpOnly SameSite=Lax session cookie', async () => {
    const client = clientFor(app);
    const { user } = await client.auth.login.mutate({ username: 'jinshan', password: TEST_PASSWORD });
    expect(user).toMatchObject({
      username: 'jinshan',
      role: 'streetAdmin',
      jurisdictionCode: JINSHAN,
      jurisdictionName: '金山镇',
    });
    const cookie = client.setCookies.find((c) => c.startsWith('shequ_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    // Plain HTTP (inject) with secure 'auto' → no Secure attribute, so http://localhost works.
    expect(cookie).not.toMatch(/; Secure/i);
    expect(await client.auth.me.query()).toMatchObject({ username: 'jinshan' });
  });

  it('stores only the SHA-256 of the session token, and the password as argon2id', async () => {
    const client = await signedIn(app, 'jinshan');
    const token = client.jar.get('shequ_session') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(token)));
    expect(stored).toHaveLength(1);
    const plain = await database.db.select().from(sessions).where(eq(sessions.id, token));
    expect(plain).toHaveLength(0);
    const [row] = await database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.username, 'jinshan'));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await rejection(
      clientFor(app, { ip: '10.0.0.1' }).auth.login.mutate({ username: 'jinshan', password: 'nope' }),
    );
    const unknown = await rejection(
      clientFor(app, { ip: '10.0.0.1' }).auth.login.mutate({ username: 'nobody', password: 'nope' }),
    );
    expect(wrong.data?.code).toBe('UNAUTHORIZED');
    expect(unknown.data?.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toBe('用户名或密码错误');
    expect(unknown.message).toBe(wrong.message);
  });

  it('names the empty fields in Chinese', async () => {
    const error = await rejection(clientFor(app).auth.login.mutate({ username: '', password: '' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors).toEqual({ username: ['请输入用户名'], password: ['请输入密码'] });
  });

  it('logout deletes the session: the old cookie no longer signs in', async () => {
    const client = await signedIn(app, 'jinshan');
    const token = client.jar.get('shequ_session') ?? '';
    await client.auth.logout.mutate();
    expect(
      await database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(token))),
    ).toHaveLength(0);
    expect(client.jar.has('shequ_session')).toBe(false);
    const replay = clientFor(app);
    replay.jar.set('shequ_session', token);
    expect(await replay.auth.me.query()).toBeNull();
    expect((await rejection(replay.communities.list.query({}))).data?.code).toBe('UNAUTHORIZED');
  });

  it('an expired session is refused', async () => {
    const client = await signedIn(app, 'jinshan');
    clock.advance(12 * 60 * 60_000 + 1);
    expect(await client.auth.me.query()).toBeNull();
  });
});

describe('sessions held in memory', () => {
  it('a disabled account is refused at once by the server that disabled it, and again once re-enabled signs in', async () => {
    const above = await signedIn(app, 'linzi');
    const held = await signedIn(app, 'held');
    // Read twice: the second answer comes from the session this server now holds in memory.
    await held.communities.list.query({});
    await held.communities.list.query({});
    const [account] = await database.db.select().from(users).where(eq(users.username, 'held'));
    await above.users.setDisabled.mutate({ id: account?.id as string, disabled: true });
    expect((await rejection(held.communities.list.query({}))).data?.code).toBe('UNAUTHORIZED');
    expect(await held.auth.me.query()).toBeNull();
    await above.users.setDisabled.mutate({ id: account?.id as string, disabled: false });
  });

  it('a password reset ends the account’s sessions on this server at once', async () => {
    const above = await signedIn(app, 'linzi');
    const held = await signedIn(app, 'held');
    await held.communities.list.query({});
    const [account] = await database.db.select().from(users).where(eq(users.username, 'held'));
    await above.users.resetPassword.mutate({ id: account?.id as string });
    expect((await rejection(held.communities.list.query({}))).data?.code).toBe('UNAUTHORIZED');
  });

  it('a session ended by another process is refused once the two-second bound has passed', async () => {
    const client = await signedIn(app, 'jinshan');
    await client.communities.list.query({});
    const token = client.jar.get('shequ_session') ?? '';
    // As another API instance or the command line would: straight in the database, this server not told.
    await database.db.delete(sessions).where(eq(sessions.id, hashToken(token)));
    clock.advance(2_001);
    expect(await client.auth.me.query()).toBeNull();
    expect((await rejection(client.communities.list.query({}))).data?.code).toBe('UNAUTHORIZED');
  });
});

describe('throttling', () => {
  const { maxFailures, lockMs } = defaultThrottlePolicy;

  it(`locks an account after ${maxFailures} failures, from any address, says when to retry, and unlocks after the lock`, async () => {
    const ip = '192.0.2.7';
    const attacker = clientFor(app, { ip });
    for (let i = 1; i < maxFailures; i++) {
      const error = await rejection(
        attacker.auth.login.mutate({ username: 'victim', password: `guess-${i}` }),
      );
      expect(error.data?.code).toBe('UNAUTHORIZED');
    }
    const locking = await rejection(
      attacker.auth.login.mutate({ username: 'victim', password: 'guess-last' }),
    );
    expect(locking.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(locking.message).toMatch(/登录失败次数过多.*请于.*\d{2}:\d{2}.*再试/);

    // While locked even the right password is refused, and the lock survives a restart (it lives in the database).
    const restarted = await makeApp(database, { now: clock.now });
    try {
      const locked = await rejection(
        clientFor(restarted, { ip }).auth.login.mutate({ username: 'victim', password: TEST_PASSWORD }),
      );
      expect(locked.data?.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await restarted.close();
    }
    // At most the policy's number of guesses is ever verified per account: another address does not get more.
    const elsewhere = await rejection(
      clientFor(app, { ip: '198.51.100.1' }).auth.login.mutate({
        username: 'victim',
        password: TEST_PASSWORD,
      }),
    );
    expect(elsewhere.data?.code).toBe('TOO_MANY_REQUESTS');

    clock.advance(lockMs - 1000);
    const stillLocked = await rejection(
      clientFor(app, { ip }).auth.login.mutate({ username: 'victim', password: TEST_PASSWORD }),
    );
    expect(stillLocked.data?.code).toBe('TOO_MANY_REQUESTS');
    clock.advance(1000);
    const { user } = await clientFor(app, { ip }).auth.login.mutate({
      username: 'victim',
      password: TEST_PASSWORD,
    });
    expect(user.username).toBe('victim');
    // Success clears the account's counter.
    const rows = await database.db.select().from(loginAttempts);
    expect(rows.some((r) => r.key === 'account victim')).toBe(false);
  });

  it('locks an address guessing many accounts, and counts unknown usernames the same way', async () => {
    const ip = '192.0.2.99';
    const client = clientFor(app, { ip });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < maxFailures; i++) {
      codes.push(
        (await rejection(client.auth.login.mutate({ username: `ghost-${i}`, password: 'x' }))).data?.code,
      );
    }
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    expect(codes.slice(0, -1).every((c) => c === 'UNAUTHORIZED')).toBe(true);
  });
});

describe('one-time passwords', () => {
  it('an account that must change its password can do nothing else until it does', async () => {
    const client = await signedIn(app, 'newbie');
    expect((await client.auth.me.query())?.mustChangePassword).toBe(true);
    const blocked = await rejection(client.communities.list.query({}));
    expect(blocked.data?.code).toBe('FORBIDDEN');
    expect(blocked.message).toBe('请先修改初始密码');

    const weak = await rejection(
      client.auth.changePassword.mutate({ currentPassword: TEST_PASSWORD, newPassword: 'short' }),
    );
    expect(weak.data?.code).toBe('BAD_REQUEST');
    expect(weak.data?.fieldErrors?.newPassword?.[0]).toBe('密码至少10个字符');

    const wrongCurrent = await rejection(
      client.auth.changePassword.mutate({ currentPassword: 'wrong', newPassword: 'Brand-New-Pass-42' }),
    );
    expect(wrongCurrent.data?.fieldErrors).toEqual({ currentPassword: ['当前密码不正确'] });

    const { user } = await client.auth.changePassword.mutate({
      currentPassword: TEST_PASSWORD,
      newPassword: 'Brand-New-Pass-42',
    });
    expect(user.mustChangePassword).toBe(false);
    const page = await client.communities.list.query({});
    expect(page.total).toBe(2);
    await clientFor(app).auth.login.mutate({ username: 'newbie', password: 'Brand-New-Pass-42' });
  });
});
