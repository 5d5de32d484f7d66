/**
 * The registers of 象山社区 reconciled with its custody log: the demo history agrees; a changed
 * `copies_stamped`, a loan marked returned, an item's status, a handover's state and an edited or
 * deleted audit record are each named.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveLoans, type DatabaseHandle, reconcileCommunity, XIANGSHAN } from '../src/index.js';
import { seededArchivesDatabase } from './seeded-demo.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await seededArchivesDatabase();
}, 60_000);
afterAll(() => database?.close());

describe('reconciling the registers with the custody log', () => {
  it('finds nothing in the demo history, whose audit records are all hashed into the chain', async () => {
    expect(await reconcileCommunity(database.db, XIANGSHAN)).toEqual([]);
  });

  it('names each register changed behind the log’s back', async () => {
    const db = database.db;
    await db.execute(
      sql`update seal_requests set copies_stamped = copies_stamped + 7 where id = (select id from seal_requests where community_code = ${XIANGSHAN} and copies_stamped is not null order by id limit 1)`,
    );
    await db.execute(
      sql`update archive_items set status = 'shelved' where id = (select id from archive_items where community_code = ${XIANGSHAN} and status = 'destroyed' limit 1)`,
    );
    await db.execute(sql`update handovers set state = 'open' where community_code = ${XIANGSHAN}`);
    await db.execute(
      sql`update audit_log set after = '{"copiesStamped": 99}' where id = (select id from audit_log where action = 'seal.use.stamp' order by id limit 1)`,
    );
    const mismatches = await reconcileCommunity(db, XIANGSHAN);
    const registers = new Set(mismatches.map((m) => m.register));
    expect(registers).toEqual(new Set(['copiesStamped', 'itemStatus', 'handover', 'audit']));
    expect(mismatches.find((m) => m.register === 'copiesStamped')?.message).toMatch(
      /登记用印 \d+ 份，登记簿记为 \d+ 份/,
    );
    expect(mismatches.find((m) => m.register === 'itemStatus')?.message).toContain('应为 destroyed');
    expect(
      mismatches
        .filter((m) => m.register === 'audit')
        .map((m) => m.message)
        .join('\n'),
    ).toMatch(/审计记录 \d+（seal\.use\.stamp.*对不上[\s\S]*seq \d+ 的审计记录已被改动或删除/);
  });

  it('names an audit record deleted and a loan closed in the register only', async () => {
    const db = database.db;
    const out = await db.$count(
      archiveLoans,
      and(eq(archiveLoans.communityCode, XIANGSHAN), isNull(archiveLoans.returnedOn)),
    );
    expect(out).toBeGreaterThan(0);
    await db.execute(sql`delete from audit_log where action = 'archive.lend'`);
    await db.execute(
      sql`update archive_loans set returned_on = '2026-01-01' where community_code = ${XIANGSHAN} and returned_on is null`,
    );
    const mismatches = await reconcileCommunity(db, XIANGSHAN);
    expect(mismatches.filter((m) => m.register === 'audit').length).toBeGreaterThanOrEqual(3);
    const loans = mismatches.filter((m) => m.register === 'loansOut');
    expect(loans).toHaveLength(out);
    for (const loan of loans) expect(loan.message).toContain('借出后未归还');
  });
});
