import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { communityFactsWithin } from './community-facts.js';
import { importCommunityFacts } from './facts-import.js';
import { auditLog, communities } from './schema.js';
import { createTestDatabase, insertTestCommunity } from './testing.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const code of ['420704001002', '420704001001', '420702001001', '370305111007'])
    await insertTestCommunity(database, { code, name: `社区${code}`, asOf: '2024-06-30' });
  await importCommunityFacts(
    database.db,
    [{ code: '420704001001', name: '社区420704001001', asOf: '2024-06-30', households: 2600 }],
    { actor: null, ip: null, at: new Date(), scopePrefix: '' },
  );
});

afterAll(async () => {
  await database?.close();
});

describe('communityFactsWithin', () => {
  it('reads the stored facts of every community within a jurisdiction, by code', async () => {
    const district = await communityFactsWithin(database.db, '420704');
    expect(district.map((c) => c.code)).toEqual(['420704001001', '420704001002']);
    expect(district[0]).toMatchObject({ asOf: '2024-06-30', facts: { households: 2600 } });
    expect((await communityFactsWithin(database.db, '420700')).map((c) => c.code)).toHaveLength(3);
    expect(await communityFactsWithin(database.db, '000000')).toHaveLength(4);
  });
});

describe('importCommunityFacts', () => {
  it('counts a row that says what is stored as unchanged: not rewritten, not audited', async () => {
    const code = '420702001001';
    const row = { code, name: `社区${code}`, asOf: '2024-06-30', households: 1800, residents: 5000 };
    const options = { actor: null, ip: null, at: new Date(), scopePrefix: '' };
    const audits = async () =>
      (await database.db.select().from(auditLog).where(eq(auditLog.entityId, code))).length;
    const version = async () =>
      (await database.db.select().from(communities).where(eq(communities.code, code)))[0]?.version;

    expect(await importCommunityFacts(database.db, [row], options)).toEqual({
      ok: true,
      updated: 1,
      unchanged: 0,
      dryRun: false,
    });
    const [auditsBefore, versionBefore] = [await audits(), await version()];
    const again = [
      row,
      { code: '420704001002', name: '社区420704001002', asOf: '2024-06-30', households: 900 },
    ];
    expect(await importCommunityFacts(database.db, again, { ...options, dryRun: true })).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    expect(await importCommunityFacts(database.db, again, options)).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    expect([await audits(), await version()]).toEqual([auditsBefore, versionBefore]);
    // A changed value, or a new date, is an update again.
    expect(await importCommunityFacts(database.db, [{ ...row, asOf: '2024-12-31' }], options)).toMatchObject({
      updated: 1,
      unchanged: 0,
    });
    expect(await audits()).toBe(auditsBefore + 1);
  });
});
