import {
  demoRegisters,
  fictionalIdNumber,
  groupsAndGridsCoincide,
  propertyAreasAndGridsCoincide,
  rosterConflicts,
  type Worker,
  worker,
  XINCHENG,
} from '@shequ/people';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  type DatabaseHandle,
  loadCommunityRegisters,
  PeopleError,
  peopleWorkers,
  registerHistory,
  saveWorker,
  seedPeopleRegisters,
} from '../src/index.js';
import { createTestDatabase, insertTestCommunity } from '../src/testing.js';

const A = '420702001001';
const B = '420702001002';
const who = { actor: null, ip: null, at: new Date('2026-03-01T09:00:00Z') };
const idNumber = fictionalIdNumber('420702', '1988-08-08', 11);

function entry(overrides: Partial<Worker> = {}): Worker {
  return worker.parse({
    id: overrides.id ?? 'x-1',
    communityCode: A,
    name: '测试甲',
    sex: 'male',
    birthDate: '1988-08-08',
    idNumber,
    phone: '13800138000',
    post: 'grid-worker',
    joinedOn: '2025-01-01',
    ...overrides,
  });
}

const save = (db: DatabaseHandle, w: Worker, expectedVersion?: number) =>
  saveWorker(db.db, {
    ...who,
    worker: w,
    expectedVersion,
    action: expectedVersion === undefined ? 'people.worker.create' : 'people.worker.update',
    check: (others) => rosterConflicts(w, others),
  });

describe('people registers in the database', () => {
  let db: DatabaseHandle;
  beforeAll(async () => {
    db = await createTestDatabase();
    await insertTestCommunity(db, { code: A, name: '甲社区居委会' });
    await insertTestCommunity(db, { code: B, name: '乙社区居委会' });
    await insertTestCommunity(db, { code: '370305111007', name: '象山社区居委会' });
  }, 120_000);
  afterAll(() => db?.close());

  it('stores a worker and reads it back in the community registers', async () => {
    const saved = await save(db, entry());
    expect(saved.version).toBe(1);
    const registers = await loadCommunityRegisters(db.db, A);
    expect(registers.workers.map((w) => [w.name, w.idNumber, w.post])).toEqual([
      ['测试甲', idNumber, 'grid-worker'],
    ]);
  });

  it('keeps identity and mobile numbers masked in the audit log', async () => {
    const [record] = await db.db.select().from(auditLog).where(eq(auditLog.entityId, 'x-1'));
    expect(JSON.stringify(record?.after)).not.toContain(idNumber);
    expect(record?.after).toMatchObject({
      idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      phone: '138****8000',
    });
  });

  it('refuses a duplicate identity number and writes nothing', async () => {
    await expect(save(db, entry({ id: 'x-2', name: '测试乙' }))).rejects.toMatchObject({
      code: 'invalid',
      issues: [{ path: 'idNumber' }],
    });
    const rows = await db.db.select().from(peopleWorkers).where(eq(peopleWorkers.idNumber, idNumber));
    expect(rows).toHaveLength(1);
  });

  it('refuses the same person in two communities at once, and allows it after leaving', async () => {
    const elsewhere = entry({ id: 'x-3', communityCode: B, joinedOn: '2026-01-01' });
    await expect(save(db, elsewhere)).rejects.toBeInstanceOf(PeopleError);
    await save(db, entry({ leftOn: '2026-01-01' }), 1);
    await expect(save(db, elsewhere)).resolves.toMatchObject({ communityCode: B });
  });

  it('refuses a stale version', async () => {
    await expect(save(db, entry({ leftOn: '2025-12-01' }), 1)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps a history of each entry from the audit log', async () => {
    const history = await registerHistory(db.db, 'people.worker', 'x-1');
    expect(history.map((h) => h.action)).toEqual(['people.worker.update', 'people.worker.create']);
  });

  it('seeds the demo registers once, for the communities that exist', async () => {
    expect(await seedPeopleRegisters(db, demoRegisters())).toBe(1);
    expect(await seedPeopleRegisters(db, demoRegisters())).toBe(0);
    const registers = await loadCommunityRegisters(db.db, '370305111007');
    expect(registers.workers).toHaveLength(5);
    expect(registers.committees.map((c) => c.kind).sort()).toEqual([
      'residents',
      'residents',
      'sub',
      'supervision',
    ]);
    expect(registers.grids).toHaveLength(2);
    expect(registers.buildings).toHaveLength(3);
    // Property-service areas come back as their own register, and the buildings still name theirs.
    expect(registers.propertyAreas?.map((a) => [a.name, a.propertyManager])).toEqual([
      ['象山花园', '象山物业服务有限公司'],
    ]);
    const [area] = registers.propertyAreas ?? [];
    expect(registers.buildings.filter((b) => b.propertyAreaId === area?.id).map((b) => b.name)).toEqual([
      '2号楼',
      '3号楼',
    ]);
  });

  it('seeds 新城 (Ezhou) once it exists, whose stored registers read 重合 differently each way', async () => {
    await insertTestCommunity(db, { code: XINCHENG, name: '新城社区居委会' });
    expect(await seedPeopleRegisters(db, demoRegisters())).toBe(1);
    const registers = await loadCommunityRegisters(db.db, XINCHENG);
    expect(registers.grids.map((g) => g.name)).toEqual(['新城第一网格', '新城第二网格']);
    expect(registers.propertyAreas?.map((a) => a.name)).toEqual(['翠湖苑', '锦绣家园']);
    const nested = { readings: { 'ezhou.units-coincide': 'alternative' as const } };
    expect(groupsAndGridsCoincide(registers).status).toBe('warn');
    expect(groupsAndGridsCoincide(registers, nested).status).toBe('pass');
    expect(propertyAreasAndGridsCoincide(registers).status).toBe('warn');
    expect(propertyAreasAndGridsCoincide(registers, nested).status).toBe('pass');
  });
});
