/**
 * 50 custodians' clients filing into one series at once: every filing succeeds and the series' 档号
 * run on without a gap or a repeat. Runs on PGlite, and on real PostgreSQL when DATABASE_URL is set
 * (`pnpm test:db`), where the 50 transactions truly overlap.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { archiveItems, createArchiveItem, XIANGSHAN, XIANGSHAN_FONDS } from '../src/index.js';
import { seededDemoForThisFile } from './seeded-demo.js';

const demo = seededDemoForThisFile();

describe('concurrent filing', () => {
  it('50 filings into one series at once: no error, item numbers without gaps', async () => {
    const seriesOf2026 = and(
      eq(archiveItems.communityCode, XIANGSHAN),
      eq(archiveItems.fonds, XIANGSHAN_FONDS),
      eq(archiveItems.category, 'WS'),
      eq(archiveItems.year, 2026),
      eq(archiveItems.retention, 'years10'),
      eq(archiveItems.organisation, 'JWH'),
    );
    const before = await demo.database.db.$count(archiveItems, seriesOf2026);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        createArchiveItem(demo.database.db, demo.as('zhao'), {
          communityCode: XIANGSHAN,
          fonds: XIANGSHAN_FONDS,
          category: 'WS',
          organisation: 'JWH',
          issuer: '象山社区居民委员会',
          title: `并发归档测试 ${i + 1}`,
          date: '2026-03-01',
          medium: 'paper',
          contentGroup: 'ledgers',
          retention: 'years10',
          custodianId: demo.id('zhao'),
          location: { room: '社区档案室', cabinet: '2号柜', shelf: '第1层' },
        }),
      ),
    );
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    const numbers = (
      await demo.database.db.select({ item: archiveItems.itemNumber }).from(archiveItems).where(seriesOf2026)
    )
      .map((row) => row.item)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: before + 50 }, (_, i) => i + 1));
  }, 120_000);
});
