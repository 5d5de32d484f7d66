import { eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentScoresOf,
  createAssessmentScheme,
  getAssessmentScheme,
  listAssessmentSchemes,
  publishAssessmentScheme,
  saveAssessmentScores,
  updateAssessmentScheme,
} from './assessment-store.js';
import type { DatabaseHandle } from './client.js';
import { seedAssessmentDemo } from './demo-assessment.js';
import { auditLog } from './schema.js';
import { createTestDatabase, insertTestCommunity } from './testing.js';

let database: DatabaseHandle;
const acting = {
  actor: { id: '00000000-0000-4000-8000-000000000001', username: 'ezhou' },
  ip: null,
  at: new Date('2026-01-05T02:00:00Z'),
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('assessment store', () => {
  it('numbers versions per jurisdiction and year, and a second publication supersedes the first', async () => {
    const { db } = database;
    const first = await createAssessmentScheme(db, acting, {
      jurisdictionCode: '420703',
      year: 2026,
      name: '方案',
      definition: { name: '方案' },
    });
    const second = await createAssessmentScheme(db, acting, {
      jurisdictionCode: '420703',
      year: 2026,
      name: '方案二',
      definition: { name: '方案二' },
    });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect((second.definition as { version: number }).version).toBe(2);

    await publishAssessmentScheme(db, acting, first.id);
    await expect(
      updateAssessmentScheme(db, acting, { id: first.id, name: 'x', definition: {} }),
    ).rejects.toThrow('方案已发布');
    await publishAssessmentScheme(db, acting, second.id);
    expect((await getAssessmentScheme(db, first.id))?.status).toBe('superseded');
    expect((await getAssessmentScheme(db, second.id))?.status).toBe('published');

    const visible = await listAssessmentSchemes(db, {
      scopePrefix: '420703001',
      ancestorCodes: ['420703', '420700'],
    });
    expect(visible.map((s) => s.version)).toEqual([2, 1]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, first.id));
    expect(audits.map((a) => a.action)).toEqual(['assessment.scheme.create', 'assessment.scheme.publish']);
  });

  it('overwrites a score entered twice and records before and after', async () => {
    const { db } = database;
    const scheme = await createAssessmentScheme(db, acting, {
      jurisdictionCode: '420704',
      year: 2026,
      name: '方案',
      definition: {},
    });
    const cell = { communityCode: '420704001001', period: '2026-Q1', indicatorId: 'party' };
    await saveAssessmentScores(db, acting, scheme.id, [{ ...cell, score: 8 }]);
    await saveAssessmentScores(db, acting, scheme.id, [{ ...cell, score: 9 }]);
    expect(await assessmentScoresOf(db, scheme.id)).toEqual([{ ...cell, score: 9 }]);
    const [, last] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `${scheme.id}/420704001001`))
      .orderBy(auditLog.id);
    expect(last).toMatchObject({ before: { '2026-Q1/party': 8 }, after: { '2026-Q1/party': 9 } });
  });

  it('stores the demo’s assessment year once: 金山镇’s published scheme and the scores of the communities present', async () => {
    const { db } = database;
    expect(await seedAssessmentDemo(database)).toBe(0);
    for (const code of ['370305111007', '370305111012'])
      await insertTestCommunity(database, { code, name: `社区${code}`, asOf: '2026-06-30' });
    // Loaded in December of the demo year: four quarters of four indicators and three annual ones, for
    // each of the two communities, none of them dated after the moment of loading.
    const loadedAt = new Date('2026-12-06T09:00:00+08:00');
    expect(await seedAssessmentDemo(database, loadedAt)).toBe(2 * (4 * 4 + 3));
    const [latest] = await db.select({ at: max(auditLog.at) }).from(auditLog);
    expect(latest?.at?.getTime()).toBeLessThanOrEqual(loadedAt.getTime());
    const [scheme, ...others] = await listAssessmentSchemes(db, {
      scopePrefix: '370305111',
      ancestorCodes: [],
      year: 2026,
    });
    expect(others).toEqual([]);
    expect(scheme).toMatchObject({ status: 'published', version: 1, jurisdictionCode: '370305111' });
    expect(scheme?.publishedAt?.toISOString()).toBe('2026-01-09T08:00:00.000Z');
    const audits = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `${scheme?.id}/370305111007`));
    expect(audits.map((a) => [a.action, a.actorName, a.at.toISOString().slice(0, 10)])).toContainEqual([
      'assessment.scores.save',
      '演示数据（金山镇）',
      '2026-04-20',
    ]);
    expect(await seedAssessmentDemo(database)).toBe(0);
    expect(await assessmentScoresOf(db, scheme?.id ?? '')).toHaveLength(38);
  });
});
