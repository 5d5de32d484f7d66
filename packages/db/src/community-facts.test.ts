import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { communityFactsWithin } from './community-facts.js';
import { importCommunityFacts } from './facts-import.js';
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
