import { eq } from 'drizzle-orm';
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
import { auditLog } from './schema.js';
import { createTestDatabase } from './testing.js';

let database: DatabaseHandle;
const acting = {
  actor: { id: '00000000-0000-4000-8000-000000000001', username: 'ezhou' },
  now: new Date('2026-01-05T02:00:00Z'),
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
});
