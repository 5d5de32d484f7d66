/**
 * Extra packs on the server (`SHEQU_PACKS`, apps/api/README.md): loaded at start, they join the
 * shipped packs in the explorer, the community check and the dashboards; a pack that cannot join
 * stops the server with one line naming it.
 */
import { communities, type DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredPacks, packModulesOf } from '../src/packs.js';
import { seedFixture, WEIHAI, WEIHAI_COMMUNITY } from './fixture.js';
import { insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

const HUANCUI_MODULE = './test/fixtures/huancui-pack.ts';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let shippedApp: FastifyInstance;
let weihaiAdmin: TestClient;
let weihaiOnShipped: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await database.db
    .update(communities)
    .set({ facts: { setting: 'urban', households: 2400, staff: { fullTime: 7 } } })
    .where(eq(communities.code, WEIHAI_COMMUNITY));
  await insertUser(database, { username: 'weihai', role: 'cityAdmin', jurisdictionCode: WEIHAI });
  app = await makeApp(database, { packs: await configuredPacks(` ${HUANCUI_MODULE} ,`) });
  shippedApp = await makeApp(database);
  weihaiAdmin = await signedIn(app, 'weihai');
  weihaiOnShipped = await signedIn(shippedApp, 'weihai');
});

afterAll(async () => {
  await app?.close();
  await shippedApp?.close();
  await database?.close();
});

describe('SHEQU_PACKS', () => {
  it('names modules separated by commas', () => {
    expect(packModulesOf(undefined)).toEqual([]);
    expect(packModulesOf(' ./a.js, @city/pack ,')).toEqual(['./a.js', '@city/pack']);
  });

  it('adds the pack to the explorer’s list, with its chain', async () => {
    const list = await weihaiAdmin.policy.jurisdictions.query();
    expect(list.find((j) => j.code === '371002')?.chain.map((p) => p.code)).toEqual([
      '000000',
      '371000',
      '371002',
    ]);
    const explained = await weihaiAdmin.policy.explain.query({
      jurisdictionCode: '371002',
      asOf: '2024-06-30',
    });
    const rule = explained.rules.find((r) => r.id === 'huancui.staff-minimum');
    expect(rule?.articleText).toBe('每个社区专职工作者不少于8人。');
    expect((await weihaiOnShipped.policy.jurisdictions.query()).map((j) => j.code)).not.toContain('371002');
  });

  it('checks a stored community against the added pack (7 workers < 8) and keeps the shipped server apart', async () => {
    const checked = await weihaiAdmin.compliance.community.query({
      code: WEIHAI_COMMUNITY,
      asOf: '2024-06-30',
    });
    expect(checked.jurisdictions.map((j) => j.code)).toEqual(['000000', '371000', '371002']);
    expect(checked.results.find((r) => r.rule === 'huancui.staff-minimum')).toMatchObject({
      status: 'fail',
      jurisdiction: '371002',
    });
    const shipped = await weihaiOnShipped.compliance.community.query({
      code: WEIHAI_COMMUNITY,
      asOf: '2024-06-30',
    });
    expect(shipped.results.some((r) => r.rule === 'huancui.staff-minimum')).toBe(false);

    const withPack = await weihaiAdmin.compliance.dashboard.query({ jurisdictionCode: WEIHAI });
    const without = await weihaiOnShipped.compliance.dashboard.query({ jurisdictionCode: WEIHAI });
    expect(JSON.stringify(withPack)).toContain('huancui.staff-minimum');
    expect(JSON.stringify(without)).not.toContain('huancui.staff-minimum');
  });

  it('answers 400 on the field for a code no pack has', async () => {
    const refused = await rejection(weihaiOnShipped.policy.explain.query({ jurisdictionCode: '371002' }));
    expect(refused.data?.httpStatus).toBe(400);
    expect(refused.data?.fieldErrors).toEqual({ jurisdictionCode: ['没有这个代码的政策包'] });
  });

  it('refuses a module that cannot join, in one line naming it', async () => {
    await expect(configuredPacks('./test/fixtures/missing-pack.ts')).rejects.toThrow(
      /^SHEQU_PACKS: \.\/test\/fixtures\/missing-pack\.ts: 无法加载政策包模块/,
    );
    await expect(configuredPacks(`${HUANCUI_MODULE},${HUANCUI_MODULE}`)).rejects.toThrow(
      'SHEQU_PACKS: 政策包 371002（环翠区（示例））：代码 371002 已被政策包 371002（环翠区（示例）） 占用',
    );
  });
});
