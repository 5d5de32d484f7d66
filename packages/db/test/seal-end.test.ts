/**
 * Ending a seal in two steps, at the database: the partial unique index and the conditional UPDATEs
 * decide races. Runs on PGlite, and on real PostgreSQL when DATABASE_URL is set (`pnpm test:db`),
 * where the two transactions really do overlap.
 */
import { custodyActionLabels, TransitionRefused } from '@shequ/archives';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActingAs,
  ArchiveError,
  auditLog,
  confirmSealEnd,
  custodyLog,
  type DatabaseHandle,
  declineSealEnd,
  proposeSealEnd,
  registerSeal,
  sealEndProposals,
  seals,
  users,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity } from '../src/testing.js';

const COMMUNITY = '370305111007';
let database: DatabaseHandle;
const people: Record<'keeper' | 'proposer' | 'approver', { id: string; username: string }> = {
  keeper: { id: '', username: 'end-keeper' },
  proposer: { id: '', username: 'end-proposer' },
  approver: { id: '', username: 'end-approver' },
};
const acting = (who: keyof typeof people): ActingAs => ({ actor: people[who], ip: null, at: new Date() });

beforeAll(async () => {
  database = await createTestDatabase();
  await insertTestCommunity(database, { code: COMMUNITY, name: '象山社区居委会' });
  for (const person of Object.values(people)) {
    const [row] = await database.db
      .insert(users)
      .values({
        username: person.username,
        displayName: person.username,
        role: 'communityWorker',
        jurisdictionCode: COMMUNITY,
        passwordHash: 'x',
        createdAt: new Date(),
      })
      .returning({ id: users.id });
    person.id = row?.id as string;
  }
}, 60_000);
afterAll(() => database.close());

async function newSeal(name: string): Promise<string> {
  const row = await registerSeal(database.db, acting('keeper'), {
    communityCode: COMMUNITY,
    name,
    owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
    custodianId: people.keeper.id,
    storagePlace: '办公室保险柜',
    approverIds: [people.proposer.id, people.approver.id],
  });
  return row.id;
}

const propose = (sealId: string) =>
  proposeSealEnd(database.db, acting('proposer'), {
    sealId,
    type: 'retire',
    approvedBy: people.approver.id,
    reason: '印章磨损',
  });

/** A lost race is a conflict or, where the loser ran after the winner committed, a refused transition. */
function lostCleanly(result: PromiseSettledResult<unknown>): boolean {
  if (result.status !== 'rejected') return false;
  const error = result.reason as unknown;
  return (error instanceof ArchiveError && error.kind === 'conflict') || error instanceof TransitionRefused;
}

async function retireLogEntries(sealId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(custodyLog)
    .where(and(eq(custodyLog.action, 'seal.retire'), sql`${custodyLog.payload}->>'seal' = ${sealId}`));
  return row?.n ?? -1;
}

describe('ending a seal: exactly one wins', () => {
  it('two proposals for one seal at once: one is recorded, the other refused in Chinese', async () => {
    const sealId = await newSeal('并发提出印章');
    const results = await Promise.allSettled([propose(sealId), propose(sealId)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ArchiveError);
    expect((lost.reason as ArchiveError).message).toContain('已有一份待确认的停用或销毁申请');
    const pending = await database.db
      .select({ id: sealEndProposals.id })
      .from(sealEndProposals)
      .where(and(eq(sealEndProposals.sealId, sealId), eq(sealEndProposals.state, 'pending')));
    expect(pending).toHaveLength(1);
  });

  it('two confirmations of one proposal at once: the seal is retired once, logged once', async () => {
    const sealId = await newSeal('并发确认印章');
    const proposal = await propose(sealId);
    const confirm = () => confirmSealEnd(database.db, acting('approver'), { proposalId: proposal.id });
    const results = await Promise.allSettled([confirm(), confirm()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter(lostCleanly)).toHaveLength(1);
    const [seal] = await database.db.select().from(seals).where(eq(seals.id, sealId));
    expect(seal).toMatchObject({ state: 'retired', version: 2 });
    expect(await retireLogEntries(sealId)).toBe(1);
    const audits = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'seal.retire'), eq(auditLog.entityId, sealId)));
    expect(audits).toHaveLength(1);
  });

  it('a confirmation and a decline at once: exactly one stands', async () => {
    const sealId = await newSeal('确认与不同意印章');
    const proposal = await propose(sealId);
    const results = await Promise.allSettled([
      confirmSealEnd(database.db, acting('approver'), { proposalId: proposal.id }),
      declineSealEnd(database.db, acting('approver'), { proposalId: proposal.id, reason: '还要用' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter(lostCleanly)).toHaveLength(1);
    const [row] = await database.db
      .select({ state: sealEndProposals.state })
      .from(sealEndProposals)
      .where(eq(sealEndProposals.id, proposal.id));
    const [seal] = await database.db.select({ state: seals.state }).from(seals).where(eq(seals.id, sealId));
    // The proposal's outcome and the seal agree, whichever won.
    expect([row?.state, seal?.state]).toEqual(
      results[0].status === 'fulfilled' ? ['confirmed', 'retired'] : ['declined', 'inUse'],
    );
    expect(await retireLogEntries(sealId)).toBe(results[0].status === 'fulfilled' ? 1 : 0);
  });

  it('the database itself refuses a second pending proposal for a seal', async () => {
    const sealId = await newSeal('索引印章');
    const row = await propose(sealId);
    const { id: _id, ...copy } = row;
    await expect(database.db.insert(sealEndProposals).values(copy)).rejects.toThrow();
  });
});

describe('the custody log of ending seals', () => {
  it('names every action it recorded in Chinese', async () => {
    const rows = await database.db.selectDistinct({ action: custodyLog.action }).from(custodyLog);
    expect(rows.map((row) => row.action)).toContain('seal.end.propose');
    expect(rows.map((row) => row.action).filter((action) => !(action in custodyActionLabels))).toEqual([]);
  });
});
