/**
 * Reading the audit log back: which records a node's reader gets, in which order, named as people know
 * them. Runs on PGlite, and on real PostgreSQL when DATABASE_URL is set (`pnpm test:db`).
 */
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditListFilter,
  auditPage,
  auditRows,
  jurisdictions,
  users,
  writeAudit,
} from '../src/index.js';
import { gusuDistrictAndStreet, STREET } from './fixtures/gusu.js';
import { testDatabaseForTheseTests } from './test-database.js';

const OTHER_CITY = '420703';
const WORKER_ID = '7b0c3f7e-8d1a-4c55-9a51-2f0d6c1b9e01';

/** A record of `entityType`/`entityId` at `minute` past 09:00 on one day, under `jurisdictionCode`. */
function entry(
  minute: number,
  entityType: string,
  entityId: string,
  jurisdictionCode: string | null,
): AuditEntry {
  return {
    actor: { id: WORKER_ID, username: 'wang' },
    ip: '10.0.0.7',
    at: new Date(Date.UTC(2026, 2, 1, 1, minute)),
    action: 'update',
    entityType,
    entityId,
    jurisdictionCode,
    before: { name: '旧' },
    after: { name: '新' },
  };
}

const country: AuditListFilter = { under: '000000', withoutArchives: false };
const street: AuditListFilter = { under: STREET, withoutArchives: false };

describe('reading the audit log', () => {
  const database = testDatabaseForTheseTests(async ({ db }) => {
    await db.insert(jurisdictions).values(gusuDistrictAndStreet);
    await db.insert(users).values({
      id: WORKER_ID,
      username: 'wang',
      displayName: '王芳',
      role: 'streetAdmin',
      jurisdictionCode: STREET,
      passwordHash: 'x',
    });
    // Written out of time order, as an import writes an earlier change after later ones.
    await writeAudit(db, entry(30, 'community', '320508001001', STREET));
    await writeAudit(db, entry(10, 'community', '320508001002', STREET));
    await writeAudit(db, entry(20, 'archiveItem', 'a-1', STREET));
    await writeAudit(db, entry(20, 'community', '320508001003', STREET));
    await writeAudit(db, entry(40, 'community', '420703101006', OTHER_CITY));
    await writeAudit(db, entry(50, 'user', 'u-1', null));
    await writeAudit(db, entry(5, 'parameters', '000000', '000000'));
  });

  it('lists a node’s records newest first, the id breaking ties, with the actor and the node named', async () => {
    const page = await auditPage(database.db, street, { page: 1, pageSize: 20 });
    expect(page.total).toBe(4);
    expect(page.items.map((r) => r.entityId)).toEqual([
      '320508001001',
      '320508001003',
      'a-1',
      '320508001002',
    ]);
    expect(page.items[0]).toMatchObject({
      at: '2026-03-01T01:30:00.000Z',
      actorId: WORKER_ID,
      actorName: 'wang',
      actorDisplayName: '王芳',
      action: 'update',
      entityType: 'community',
      jurisdictionCode: STREET,
      jurisdictionName: '双塔街道',
      before: { name: '旧' },
      after: { name: '新' },
      ip: '10.0.0.7',
    });
    expect(page.items[0]?.id).toMatch(/^\d+$/);
  });

  it('gives the country every record, those without a node included, and names its own 全国', async () => {
    const page = await auditPage(database.db, country, { page: 1, pageSize: 20 });
    expect(page.total).toBe(7);
    expect(page.items[0]).toMatchObject({ entityId: 'u-1', jurisdictionCode: null, jurisdictionName: null });
    expect(page.items.at(-1)).toMatchObject({ jurisdictionCode: '000000', jurisdictionName: '全国' });
    expect(page.items.find((r) => r.jurisdictionCode === OTHER_CITY)?.jurisdictionName).toBeNull();
  });

  it('leaves out the archive registers’ records for a reader they are closed to', async () => {
    const page = await auditPage(
      database.db,
      { ...street, withoutArchives: true },
      { page: 1, pageSize: 20 },
    );
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.entityType)).not.toContain('archiveItem');
  });

  it('narrows to an object type and an object id', async () => {
    const ofType = await auditPage(
      database.db,
      { ...country, entityType: 'community' },
      { page: 1, pageSize: 20 },
    );
    expect(ofType.total).toBe(4);
    const one = await auditPage(
      database.db,
      { ...country, entityType: 'community', entityId: '320508001002' },
      { page: 1, pageSize: 20 },
    );
    expect(one.items.map((r) => r.entityId)).toEqual(['320508001002']);
    expect(one.total).toBe(1);
  });

  it('pages without repeating or skipping a record, and the export window reads the same order', async () => {
    const first = await auditPage(database.db, street, { page: 1, pageSize: 3 });
    const second = await auditPage(database.db, street, { page: 2, pageSize: 3 });
    expect(second.total).toBe(4);
    const paged = [...first.items, ...second.items].map((r) => r.id);
    expect(new Set(paged).size).toBe(4);
    const exported = await auditRows(database.db, street, { limit: 10, offset: 0 });
    expect(exported.map((r) => r.id)).toEqual(paged);
  });
});
