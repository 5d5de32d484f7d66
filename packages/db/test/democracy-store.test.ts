import { DAXINGGONG, demoDemocracyRegisters, disclosure, XIANGSHAN } from '@shequ/democracy';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  currentDisclosures,
  type DatabaseHandle,
  DemocracyError,
  listDemocracyRecords,
  loadDemocracyRegisters,
  saveDemocracyRecord,
  seedDemocracyRegisters,
  storedSnapshot,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity } from '../src/testing.js';

const who = { actor: null, ip: null, at: new Date('2026-07-01T09:00:00Z') };

describe('democracy registers in the database', () => {
  let db: DatabaseHandle;
  beforeAll(async () => {
    db = await createTestDatabase();
    await insertTestCommunity(db, { code: DAXINGGONG, name: '大行宫社区居委会' });
    await insertTestCommunity(db, { code: XIANGSHAN, name: '象山社区居委会' });
    expect(await seedDemocracyRegisters(db, demoDemocracyRegisters())).toBe(2);
  }, 120_000);
  afterAll(() => db?.close());

  it('seeds once: a second run stores nothing more', async () => {
    expect(await seedDemocracyRegisters(db, demoDemocracyRegisters())).toBe(0);
    const loaded = await loadDemocracyRegisters(db.db, [DAXINGGONG, '320102002099']);
    const demo = demoDemocracyRegisters().get(DAXINGGONG);
    expect(loaded.get(DAXINGGONG)?.meetings.length).toBe(demo?.meetings.length);
    expect(loaded.get(DAXINGGONG)?.charters[0]?.versions.length).toBe(2);
    expect(loaded.get('320102002099')).toEqual({
      meetings: [],
      imposedMeetings: [],
      consultations: [],
      charters: [],
      disclosures: [],
      elections: [],
      deliberationBodies: [],
    });
  });

  it('builds the stored snapshot from the registers as of the date', async () => {
    const june = await storedSnapshot(db.db, DAXINGGONG, '2026-06-30');
    expect(june?.fromRegister).toEqual(
      expect.arrayContaining([
        'meetings',
        'charters',
        'disclosures',
        'consultation.contestedUnsubmitted',
        'committee.competitiveElection',
        'supervisionCommittee.chairVotes',
      ]),
    );
    const residents = june?.snapshot.meetings?.filter((m) => m.kind === 'residents-meeting');
    expect(residents?.map((m) => m.heldOn)).toEqual(['2025-01-18', '2026-01-20']);
    // 第十七、十八条 from the deliberation body record, not typed.
    expect(june?.snapshot.deliberation).toEqual({ body: true, rules: true });
    expect(june?.fromRegister).toEqual(expect.arrayContaining(['deliberation.body', 'deliberation.rules']));
    const december = await storedSnapshot(db.db, DAXINGGONG, '2026-12-01');
    expect(december?.snapshot.meetings?.filter((m) => m.kind === 'residents-meeting').length).toBe(3);
    // Before any record, nothing is derived.
    const early = await storedSnapshot(db.db, DAXINGGONG, '2020-01-01');
    expect(early?.fromRegister).not.toContain('meetings');
  });

  it('saves a new disclosure with its audit record, and refuses a stale edit', async () => {
    const posted = disclosure.parse({
      id: 'notice-1',
      communityCode: DAXINGGONG,
      category: 'important',
      title: '加装电梯施工公告',
      body: '施工期间请注意安全。',
      on: '2026-07-01',
      until: '2026-07-31',
    });
    const saved = await saveDemocracyRecord(db.db, { ...who, kind: 'disclosure', record: posted });
    expect(saved.version).toBe(1);
    const audit = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'democracy.disclosure'), eq(auditLog.entityId, 'notice-1')));
    expect(audit.map((a) => [a.action, a.jurisdictionCode])).toEqual([
      ['democracy.disclosure.create', DAXINGGONG],
    ]);

    const edited = { ...posted, title: '加装电梯施工公告（更正）' };
    await saveDemocracyRecord(db.db, { ...who, kind: 'disclosure', record: edited, expectedVersion: 1 });
    await expect(
      saveDemocracyRecord(db.db, { ...who, kind: 'disclosure', record: edited, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(DemocracyError);
    const list = await listDemocracyRecords(db.db, DAXINGGONG, 'disclosure');
    expect(list.find((d) => d.id === 'notice-1')).toMatchObject({
      id: 'notice-1',
      title: '加装电梯施工公告（更正）',
      version: 2,
    });
  });

  it('shows on the public board only what is posted and not yet taken down', async () => {
    const inJuly = await currentDisclosures(db.db, DAXINGGONG, '2026-07-15');
    expect(inJuly.map((d) => d.id)).toContain('notice-1');
    // The June notices are on the board, the August ones not yet; notice-1 came down on 31 July.
    const inAugust = (await currentDisclosures(db.db, DAXINGGONG, '2026-08-01')).map((d) => d.id);
    expect(inAugust).not.toContain('notice-1');
    expect(inAugust).toContain(`${DAXINGGONG}-d-important-2026-06`);
    expect(inAugust).not.toContain(`${DAXINGGONG}-d-important-2026-08`);
    // A year after posting, an item without a take-down date is gone.
    const later = (await currentDisclosures(db.db, DAXINGGONG, '2027-01-10')).map((d) => d.id);
    expect(later).not.toContain(`${DAXINGGONG}-d-important-2025-12`);
    expect(later).toContain(`${DAXINGGONG}-d-important-2026-01`);
  });

  it('refuses a record for a community it does not know, writing nothing', async () => {
    const stray = disclosure.parse({
      id: 'stray',
      communityCode: '320102002099',
      category: 'routine',
      title: '公开',
      body: '',
      on: '2026-07-01',
    });
    await expect(
      saveDemocracyRecord(db.db, { ...who, kind: 'disclosure', record: stray }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await listDemocracyRecords(db.db, '320102002099', 'disclosure')).toEqual([]);
  });
});
