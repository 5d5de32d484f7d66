import { auditChangeLines, auditChanges, auditFieldLabel } from '@shequ/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { auditLog } from './schema.js';
import { seedDemo } from './seed.js';
import { createTestDatabase } from './testing.js';

describe('the audit log as people read it', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The demo goes through the stores the API calls, so its records are the ones the stores write.
    await seedDemo(database, { now: new Date('2026-12-06T09:00:00+08:00') });
  }, 600_000);
  afterAll(async () => {
    await database?.close();
  });

  it('names every changed member of every action the demo records in Chinese, none as 其他', async () => {
    const rows = await database.db.select().from(auditLog);
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toContain('assessment.scores.save');
    expect(actions.size).toBeGreaterThan(30);
    const unnamed = rows.flatMap((row) =>
      auditChanges(row.before, row.after)
        .filter((change) => auditFieldLabel(change.path).includes('其他'))
        .map((change) => `${row.action}: ${change.path}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('reads a score by its period, its indicator’s name and 分数', async () => {
    const rows = await database.db.select().from(auditLog);
    const lines = rows
      .filter((r) => r.action === 'assessment.scores.save')
      .flatMap((r) => auditChangeLines(r.before, r.after));
    expect(lines).toContain('考核周期 2026年第1季度 · 指标 党建引领 · 分数：（无） → 93');
    expect(lines.some((l) => l.startsWith('考核周期 年度考核 · 指标 '))).toBe(true);
  });
});
