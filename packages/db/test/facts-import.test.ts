import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  communities,
  communityChangeStamp,
  foldCommunityChanges,
  importCommunityFacts,
  importDivisions,
  mergeFacts,
} from '../src/index.js';
import { testDatabaseForTheseTests } from './test-database.js';

const XIANGSHAN = '370305111007';
const SHIHUAJIAN = '370305111006';
const at = new Date('2026-11-27T03:00:00Z');

describe('importing community facts', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await importDivisions(database, { prefixes: ['370305111'] });
  });

  async function stored(code: string) {
    const [row] = await database.db.select().from(communities).where(eq(communities.code, code));
    if (!row) throw new Error(`no ${code}`);
    return row;
  }

  it('writes nothing when one community is unknown, and names it by its position', async () => {
    const before = await stored(XIANGSHAN);
    const result = await importCommunityFacts(
      database.db,
      [
        { code: XIANGSHAN, name: '象山社区居委会', asOf: '2026-09-30', households: 2100 },
        { code: '370305111099', name: '不存在', asOf: '2026-09-30', households: 10 },
      ],
      { actor: null, ip: null, at, scopePrefix: '370305111' },
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ index: 1, code: '370305111099', message: '没有这个社区（请先导入行政区划）' }],
    });
    expect(await stored(XIANGSHAN)).toEqual(before);
  });

  it('refuses communities outside the importer’s scope before reading anything', async () => {
    const result = await importCommunityFacts(
      database.db,
      [{ code: XIANGSHAN, name: '象山社区居委会', asOf: '2026-09-30', households: 2100 }],
      { actor: null, ip: null, at, scopePrefix: '371002' },
    );
    expect(result.ok).toBe(false);
  });

  it('merges the imported facts over the stored ones, bumps the version and audits each community', async () => {
    const before = await stored(SHIHUAJIAN);
    const result = await importCommunityFacts(
      database.db,
      [
        {
          code: SHIHUAJIAN,
          name: '十化建社区居委会',
          asOf: '2026-09-30',
          households: 2345,
          facility: { totalArea: 888 },
        },
      ],
      { actor: null, ip: '10.0.0.1', at, scopePrefix: '370305111' },
    );
    expect(result).toEqual({ ok: true, updated: 1, unchanged: 0, dryRun: false });
    const after = await stored(SHIHUAJIAN);
    const facts = after.facts;
    const beforeFacts = before.facts;
    expect(after.households).toBe(2345);
    expect(after.asOf).toBe('2026-09-30');
    expect(after.version).toBe(before.version + 1);
    expect(facts.facility?.totalArea).toBe(888);
    // What the file did not mention is kept.
    expect(facts.facility?.functions).toEqual(beforeFacts.facility?.functions);
    expect(facts.residentGroups).toEqual(beforeFacts.residentGroups);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, SHIHUAJIAN), eq(auditLog.action, 'community.importFacts')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.ip).toBe('10.0.0.1');
  });

  it('a dry run checks but writes nothing', async () => {
    const before = await stored(XIANGSHAN);
    const result = await importCommunityFacts(
      database.db,
      [{ code: XIANGSHAN, name: '象山社区居委会', asOf: '2026-09-30', households: 1 }],
      { actor: null, ip: null, at, scopePrefix: '', dryRun: true },
    );
    expect(result).toEqual({ ok: true, updated: 1, unchanged: 0, dryRun: true });
    expect(await stored(XIANGSHAN)).toEqual(before);
  });
});

describe('the change stamp of the communities', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await importDivisions(database, { prefixes: ['370305111'] });
  });

  it('moves with every committed change of a province, by any statement, and not with other provinces', async () => {
    const shandong = await communityChangeStamp(database.db, '370000');
    const everywhere = await communityChangeStamp(database.db);
    const jiangsu = await communityChangeStamp(database.db, '320000');
    await importCommunityFacts(
      database.db,
      [{ code: XIANGSHAN, name: '象山社区居委会', asOf: '2026-09-30', households: 2200 }],
      { actor: null, ip: null, at, scopePrefix: '' },
    );
    const afterImport = await communityChangeStamp(database.db, '370000');
    expect(afterImport).not.toBe(shandong);
    expect(await communityChangeStamp(database.db)).not.toBe(everywhere);
    expect(await communityChangeStamp(database.db, '320000')).toBe(jiangsu);
    // A write that is rolled back leaves it as it was.
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(communities).set({ households: 1 }).where(eq(communities.code, SHIHUAJIAN));
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    expect(await communityChangeStamp(database.db, '370000')).toBe(afterImport);
    await database.db.delete(communities).where(eq(communities.code, SHIHUAJIAN));
    expect(await communityChangeStamp(database.db, '370000')).not.toBe(afterImport);
  });

  it('keeps each province’s sum when its rows are folded into one', async () => {
    await database.db.update(communities).set({ residents: 5000 }).where(eq(communities.code, XIANGSHAN));
    const sumOf = (stamp: string) => stamp.split(':')[0];
    const before = await communityChangeStamp(database.db, '370000');
    await foldCommunityChanges(database.db);
    const after = await communityChangeStamp(database.db, '370000');
    expect(sumOf(after)).toBe(sumOf(before));
    await foldCommunityChanges(database.db);
    expect(sumOf(await communityChangeStamp(database.db, '370000'))).toBe(sumOf(before));
  });
});

describe('mergeFacts', () => {
  it('merges groups, replaces lists and values, keeps what is not mentioned', () => {
    expect(
      mergeFacts(
        {
          households: 1,
          facility: { totalArea: 1, functions: ['health'] },
          honours: ['city-civilized-unit'],
        },
        { facility: { functions: ['policing'] }, honours: [] },
      ),
    ).toEqual({ households: 1, facility: { totalArea: 1, functions: ['policing'] }, honours: [] });
  });
});
