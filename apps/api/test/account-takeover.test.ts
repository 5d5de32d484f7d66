/**
 * An administrator cannot take over an account at their own level: resetting the password of a fellow
 * administrator of the same node, or of the auditor who supervises them, needs an administrator above
 * both. The holder is told of a reset at their next sign-in.
 */
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, seedFixture, XIANGSHAN } from './fixture.js';
import { clientFor, insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let streetAdmin: TestClient;
let districtAdmin: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  const accounts = [
    ['jinshan', 'streetAdmin', JINSHAN],
    ['jinshan-peer', 'streetAdmin', JINSHAN],
    ['inspector', 'auditor', JINSHAN],
    ['xiangshan', 'communityWorker', XIANGSHAN],
    ['zhangdian', 'districtAdmin', JINSHAN.slice(0, 6)],
  ] as const;
  for (const [username, role, jurisdictionCode] of accounts)
    ids[username] = await insertUser(database, { username, role, jurisdictionCode });
  app = await makeApp(database);
  streetAdmin = await signedIn(app, 'jinshan');
  districtAdmin = await signedIn(app, 'zhangdian');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('resetting a password', () => {
  it("refuses a street administrator the town's auditor and a fellow street administrator", async () => {
    const auditor = await rejection(streetAdmin.users.resetPassword.mutate({ id: ids.inspector as string }));
    expect(auditor.data?.code).toBe('FORBIDDEN');
    expect(auditor.message).toBe('不能重置该账号的密码：本级审计员的账号须由上级管理员办理');
    const peer = await rejection(
      streetAdmin.users.resetPassword.mutate({ id: ids['jinshan-peer'] as string }),
    );
    expect(peer.message).toBe('不能重置该账号的密码：与您同级的账号须由上级管理员办理');
    const disable = await rejection(
      streetAdmin.users.setDisabled.mutate({ id: ids.inspector as string, disabled: true }),
    );
    expect(disable.data?.code).toBe('FORBIDDEN');
    // A community worker below the street is still the street administrator's to reset.
    await streetAdmin.users.resetPassword.mutate({ id: ids.xiangshan as string });
  });

  it('lets the administrator above both reset the auditor, and the auditor is told at the next sign-in', async () => {
    const quiet = await clientFor(app).auth.login.mutate({
      username: 'inspector',
      password: 'Correct-Horse-9',
    });
    expect(quiet.notices).toEqual([]);

    const { oneTimePassword } = await districtAdmin.users.resetPassword.mutate({
      id: ids.inspector as string,
    });
    const next = await clientFor(app).auth.login.mutate({ username: 'inspector', password: oneTimePassword });
    expect(next.notices).toEqual([
      expect.stringMatching(
        /^您的密码已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 被管理员 zhangdian 重置。如非您本人申请/,
      ),
    ]);
    // Told once: the sign-in after that has nothing new.
    const again = await clientFor(app).auth.login.mutate({
      username: 'inspector',
      password: oneTimePassword,
    });
    expect(again.notices).toEqual([]);
  });
});
