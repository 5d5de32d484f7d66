import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  type CommunityPageInput,
  communities,
  communityListWhere,
  communityPage,
  findCommunity,
  jurisdictions,
} from '../src/index.js';
import { insertTestCommunity } from '../src/testing.js';
import { DISTRICT, gusuDistrictAndStreet, STREET } from './fixtures/gusu.js';
import { testDatabaseForTheseTests } from './test-database.js';

const inStreet = [
  { code: '320508001001', name: '双塔社区居委会', households: 1200 },
  { code: '320508001002', name: '定慧寺社区居委会', households: 2400 },
  { code: '320508001003', name: '百步街社区居委会', households: 2400 },
  { code: '320508001004', name: '50%折扣巷居委会', households: 800 },
];
const elsewhere = { code: '420703101006', name: '大湾社区居委会', households: 3000 };

const byCode: CommunityPageInput = { page: 1, pageSize: 20, sortField: 'code', sortOrder: 'ascend' };

describe('reading the community list', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await database.db.insert(jurisdictions).values(gusuDistrictAndStreet);
    for (const community of [...inStreet, elsewhere]) {
      await insertTestCommunity(database, community);
      await database.db
        .update(communities)
        .set({ households: community.households })
        .where(eq(communities.code, community.code));
    }
  });

  it('lists a node’s communities with their street and district named, and counts them all', async () => {
    const page = await communityPage(database.db, communityListWhere(STREET, {}), byCode, STREET);
    expect(page.total).toBe(inStreet.length);
    expect(page.items.map((c) => c.code)).toEqual(inStreet.map((c) => c.code));
    expect(page.items[0]).toMatchObject({ streetName: '双塔街道', districtName: '姑苏区', households: 1200 });
    expect(Number.isNaN(Date.parse(page.items[0]?.updatedAt ?? ''))).toBe(false);
  });

  it('sorts by households with the code breaking ties, and pages never overlap', async () => {
    const order: CommunityPageInput = { page: 1, pageSize: 2, sortField: 'households', sortOrder: 'descend' };
    const where = communityListWhere(STREET, {});
    const first = await communityPage(database.db, where, order, STREET);
    const second = await communityPage(database.db, where, { ...order, page: 2 }, STREET);
    expect([...first.items, ...second.items].map((c) => c.code)).toEqual([
      '320508001002',
      '320508001003',
      '320508001001',
      '320508001004',
    ]);
    expect(second.total).toBe(4);
  });

  it('searches digits as a code prefix, other text within the name, and takes % literally', async () => {
    const search = async (text: string) =>
      (
        await communityPage(database.db, communityListWhere(DISTRICT, { search: text }), byCode, DISTRICT)
      ).items.map((c) => c.code);
    expect(await search('320508001002')).toEqual(['320508001002']);
    expect(await search('定慧')).toEqual(['320508001002']);
    expect(await search('50%')).toEqual(['320508001004']);
    expect(await search('%')).toEqual(['320508001004']);
    expect(await search('大湾')).toEqual([]);
  });

  it('bounds households on both sides', async () => {
    const where = communityListWhere(STREET, { minHouseholds: 1000, maxHouseholds: 2400 });
    const page = await communityPage(database.db, where, byCode, STREET);
    expect(page.items.map((c) => c.households)).toEqual([1200, 2400, 2400]);
    expect(page.total).toBe(3);
  });

  it('counts again once a community under the node is added, not before', async () => {
    const where = communityListWhere(STREET, {});
    expect((await communityPage(database.db, where, byCode, STREET)).total).toBe(4);
    await insertTestCommunity(database, { code: '320508001005', name: '新建社区居委会' });
    expect((await communityPage(database.db, where, byCode, STREET)).total).toBe(5);
    await database.db.delete(communities).where(eq(communities.code, '320508001005'));
    expect((await communityPage(database.db, where, byCode, STREET)).total).toBe(4);
  });

  it('sees nothing under a malformed node rather than everything', async () => {
    const page = await communityPage(database.db, communityListWhere('3205', {}), byCode);
    expect(page).toEqual({ items: [], total: 0 });
  });

  it('finds one community by its code, and nothing for a code not stored', async () => {
    expect(await findCommunity(database.db, elsewhere.code)).toMatchObject({
      code: elsewhere.code,
      name: elsewhere.name,
      version: 1,
      updatedBy: null,
    });
    expect(await findCommunity(database.db, '420703101099')).toBeUndefined();
  });
});
