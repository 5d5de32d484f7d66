/**
 * 50 custodians' clients filing into one series at once: every filing succeeds and the series' 档号
 * run on without a gap or a repeat. Runs on PGlite, and on real PostgreSQL when DATABASE_URL is set
 * (`pnpm test:db`), where the 50 transactions truly overlap. Filings queue on the community's custody
 * chain, so a refused one among them must leave the others stored and the chain without a gap.
 */
import { entryHash, GENESIS_HASH } from '@shequ/archives';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  archiveItems,
  createArchiveItem,
  readCustodyLog,
  reconcileCommunity,
  XIANGSHAN,
  XIANGSHAN_FONDS,
} from '../src/index.js';
import { seededDemoForThisFile } from './seeded-demo.js';

const demo = seededDemoForThisFile();

/** 象山's items of the 2026 WS series kept ten years, of one organisation or of none. */
const tenYearSeriesOf2026 = (organisation: string | null) =>
  and(
    eq(archiveItems.communityCode, XIANGSHAN),
    eq(archiveItems.fonds, XIANGSHAN_FONDS),
    eq(archiveItems.category, 'WS'),
    eq(archiveItems.year, 2026),
    eq(archiveItems.retention, 'years10'),
    organisation === null ? isNull(archiveItems.organisation) : eq(archiveItems.organisation, organisation),
  );

describe('concurrent filing', () => {
  it('50 filings into one series at once: no error, item numbers without gaps', async () => {
    const seriesOf2026 = tenYearSeriesOf2026('JWH');
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

  it('a refused filing among concurrent ones fails alone: the others are stored, each logged once, the chain intact', async () => {
    const db = demo.database.db;
    const logBefore = (await readCustodyLog(db, XIANGSHAN)).length;
    const filing = (i: number, date: string, pages?: number) =>
      createArchiveItem(db, demo.as('zhao'), {
        communityCode: XIANGSHAN,
        fonds: XIANGSHAN_FONDS,
        category: 'WS',
        issuer: '象山社区居民委员会',
        title: `同时归档 ${i}`,
        date,
        medium: 'electronic',
        contentGroup: 'ledgers',
        retention: 'years30',
        custodianId: demo.id('zhao'),
        ...(pages === undefined ? {} : { pages }),
      });
    // Among the others, every fifth is dated in the future (refused before the chain is locked) and
    // another every fifth has a negative page count (refused once its filing holds the chain and its number).
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        i % 5 === 4
          ? filing(i, '2999-01-01')
          : i % 5 === 2
            ? filing(i, '2026-04-01', -1)
            : filing(i, '2026-04-01'),
      ),
    );
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, r.reason] as const] : []));
    expect(refused.map(([i]) => i)).toEqual([2, 4, 7, 9, 12, 14, 17, 19, 22, 24, 27, 29]);
    for (const [i, reason] of refused) {
      expect(reason).toBeInstanceOf(ArchiveError);
      expect(Object.keys((reason as ArchiveError).fieldErrors)).toEqual([i % 5 === 4 ? 'date' : 'pages']);
    }
    const stored = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    // A number taken by a refused filing is given to the next one: the series runs on without a gap.
    const numbers = stored.map((row) => row.itemNumber).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(Array.from({ length: 18 }, (_, i) => first + i));

    const log = await readCustodyLog(db, XIANGSHAN);
    const added = log.slice(logBefore);
    expect(added.map((entry) => entry.payload.title).sort()).toEqual(stored.map((row) => row.title).sort());
    log.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? GENESIS_HASH : log[i - 1]?.hash);
      const { hash, ...content } = entry;
      expect(entryHash(content)).toBe(hash);
    });
    expect(await reconcileCommunity(db, XIANGSHAN)).toEqual([]);
  }, 120_000);

  it('a series without an organisation is numbered apart from the one with it, however high that one runs', async () => {
    const db = demo.database.db;
    // The first test ran the JWH series of 2026 past 50; filings without an organisation share its fonds,
    // category, year and retention, and so the start of its reference codes.
    const filing = (title: string, organisation?: string) =>
      createArchiveItem(db, demo.as('zhao'), {
        communityCode: XIANGSHAN,
        fonds: XIANGSHAN_FONDS,
        category: 'WS',
        ...(organisation ? { organisation } : {}),
        issuer: '象山社区居民委员会',
        title,
        date: '2026-05-01',
        medium: 'paper',
        contentGroup: 'ledgers',
        retention: 'years10',
        custodianId: demo.id('zhao'),
        location: { room: '社区档案室' },
      });
    const before = await db.$count(archiveItems, tenYearSeriesOf2026(null));
    const one = await filing('不分机构 一');
    const two = await filing('不分机构 二');
    const organised = await filing('居委会 续', 'JWH');
    expect([one.itemNumber, two.itemNumber]).toEqual([before + 1, before + 2]);
    expect(one.organisation).toBeNull();
    expect(organised.itemNumber).toBeGreaterThan(50);
  }, 120_000);
});
