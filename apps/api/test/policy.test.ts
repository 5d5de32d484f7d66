/**
 * The policy explorer's procedures. Expectations come from the regulation texts: 金山镇城市社区工作管理办法
 * （试行）第十条 "每个社区的工作人员不少于5人"; 象山 has 4 workers and 十化建 6 (see compliance.test.ts).
 */
import { communities, type DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { shippedPacks } from '@shequ/policy';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, seedFixture, WEIHAI, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let jinshanAdmin: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  for (const [code, facts] of [
    [XIANGSHAN, { setting: 'urban', households: 1600, staff: { fullTime: 4 } }],
    [SHIHUAJIAN, { setting: 'urban', households: 2000, staff: { fullTime: 6 } }],
  ] as const) {
    await database.db.update(communities).set({ facts }).where(eq(communities.code, code));
  }
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  app = await makeApp(database);
  jinshanAdmin = await signedIn(app, 'jinshan');
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('policy.jurisdictions and policy.explain', () => {
  it('lists the shipped packs with their documents and chains', async () => {
    const list = await jinshanAdmin.policy.jurisdictions.query();
    expect(list.map((j) => j.code).sort()).toEqual(Object.keys(shippedPacks).sort());
    const jinshan = list.find((j) => j.code === JINSHAN);
    expect(jinshan?.documents[0]?.title).toBe('金山镇城市社区工作管理办法（试行）');
    expect(jinshan?.chain).toEqual([
      { code: '000000', name: '全国' },
      { code: JINSHAN, name: '金山镇' },
    ]);
  });

  it('gives every rule its citation and each parameter its value and source', async () => {
    const explained = await jinshanAdmin.policy.explain.query({
      jurisdictionCode: JINSHAN,
      asOf: '2026-06-30',
    });
    // The chain starts with the national law; the town's own rules all cite the town's document.
    const town = explained.rules.filter((r) => !r.id.startsWith('national.'));
    expect(town.length).toBeGreaterThan(0);
    for (const rule of town) {
      expect(rule.citation.document).toBe('金山镇城市社区工作管理办法（试行）');
      expect(rule.citation.article).toMatch(/^第.+条/);
      expect(rule.citation.quote.length).toBeGreaterThan(0);
      expect(rule.inForce).toBe(true);
    }
    const minimum = explained.parameters.find((p) => p.value === 5 && p.suppliedBy === JINSHAN);
    expect(minimum?.citation?.quote).toContain('每个社区的工作人员不少于5人');
    expect(minimum?.suppliedBy).toBe(JINSHAN);
    const before = await jinshanAdmin.policy.explain.query({ jurisdictionCode: JINSHAN, asOf: '2019-01-01' });
    expect(before.rules.filter((r) => !r.id.startsWith('national.')).every((r) => !r.inForce)).toBe(true);
  });

  it('names the field of an unknown jurisdiction', async () => {
    const error = await rejection(jinshanAdmin.policy.explain.query({ jurisdictionCode: '999999' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors).toHaveProperty('jurisdictionCode');
  });
});

describe('policy.diff', () => {
  it('sets two jurisdictions side by side, each rule on its own side', async () => {
    const diff = await jinshanAdmin.policy.diff.query({ a: JINSHAN, b: WEIHAI });
    expect(diff.a.jurisdictions.at(-1)?.code).toBe(JINSHAN);
    expect(diff.b.jurisdictions.at(-1)?.code).toBe(WEIHAI);
    const total = diff.summary.same + diff.summary.different + diff.summary.onlyA + diff.summary.onlyB;
    expect(total).toBe(diff.rules.length);
    const sides = new Set(diff.rules.flatMap((r) => [r.a?.id, r.b?.id]).filter(Boolean));
    // The national rules both chains share are one row each; a rule not in force on the date is none.
    const ids = new Set([...diff.a.rules, ...diff.b.rules].filter((r) => r.inForce).map((r) => r.id));
    expect(sides.size).toBe(ids.size);
    const shared = diff.rules.filter((r) => r.a && r.a.id === r.b?.id && r.a.jurisdiction === '000000');
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.map((r) => r.state)).toEqual(shared.map(() => 'same'));
    for (const row of diff.rules.filter((r) => r.state === 'onlyA')) expect(row.b).toBeUndefined();
    // Equal figures read 相同 even when two documents state them.
    const equalFigures = diff.rules.filter(
      (r) => r.a && r.b && r.parameters.length > 0 && r.parameters.every((p) => p.a === p.b),
    );
    expect(equalFigures.map((r) => r.state)).toEqual(equalFigures.map(() => 'same'));
    // On a date after the 2025 revision came into force, its rule is compared and the superseded 2018 text is not.
    const revised = await jinshanAdmin.policy.diff.query({ a: JINSHAN, b: WEIHAI, asOf: '2026-06-30' });
    const revisedIds = revised.rules.flatMap((r) => [r.a?.id, r.b?.id]);
    expect(revisedIds).toContain('national.committee-scale-2025');
    expect(revisedIds).not.toContain('national.committee-scale');
    const before = await jinshanAdmin.policy.diff.query({ a: JINSHAN, b: WEIHAI, asOf: '2025-06-30' });
    expect(before.rules.flatMap((r) => [r.a?.id, r.b?.id])).toContain('national.committee-scale');
    // One jurisdiction against itself differs nowhere.
    const self = await jinshanAdmin.policy.diff.query({ a: JINSHAN, b: JINSHAN });
    expect(self.rules.every((r) => r.state === 'same')).toBe(true);
  });
});

describe('policy.whatIf', () => {
  it('counts the communities whose status changes when a parameter changes', async () => {
    const explained = await jinshanAdmin.policy.explain.query({ jurisdictionCode: JINSHAN });
    const minimum = explained.parameters.find((p) => p.value === 5 && p.suppliedBy === JINSHAN);
    if (!minimum) throw new Error('Jinshan has no minimum-staff parameter');
    // With a minimum of 3, 象山's 4 workers suffice; 十化建's 6 sufficed already.
    const lowered = await jinshanAdmin.policy.whatIf.query({
      jurisdictionCode: JINSHAN,
      parameters: { [minimum.name]: 3 },
    });
    expect(lowered.communities).toBe(2);
    expect(lowered.changedCommunities).toBe(1);
    const rule = lowered.rules.find((r) => r.rule === 'jinshan.staff-minimum');
    expect(rule?.transitions).toEqual([{ from: 'fail', to: 'pass', count: 1 }]);
    expect(lowered.parameters).toEqual([
      expect.objectContaining({ name: minimum.name, before: 5, after: 3 }),
    ]);
    // With a minimum of 7, both fall short; 象山 failed already.
    const raised = await jinshanAdmin.policy.whatIf.query({
      jurisdictionCode: JINSHAN,
      parameters: { [minimum.name]: 7 },
    });
    expect(raised.rules.find((r) => r.rule === 'jinshan.staff-minimum')?.transitions).toEqual([
      { from: 'pass', to: 'fail', count: 1 },
    ]);
  });

  it('refuses an unknown parameter by name and a node outside the reader’s own', async () => {
    const unknown = await rejection(
      jinshanAdmin.policy.whatIf.query({ jurisdictionCode: JINSHAN, parameters: { noSuchParameter: 1 } }),
    );
    expect(unknown.data?.code).toBe('BAD_REQUEST');
    expect(unknown.data?.fieldErrors).toHaveProperty(['parameters.noSuchParameter']);
    const foreign = await rejection(
      jinshanAdmin.policy.whatIf.query({ jurisdictionCode: WEIHAI, parameters: { minFullTimeStaff: 3 } }),
    );
    expect(foreign.data?.code).toBe('FORBIDDEN');
  });
});
