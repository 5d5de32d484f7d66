import { auditLog, peopleUnits, seedPeopleRegisters } from '@shequ/db';
import { readTable } from '@shequ/facts-io';
import { demoRegisters } from '@shequ/people';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, WEIHAI, XIANGSHAN } from './fixture.js';
import { rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    streetAdmin: { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN },
    auditor: { username: 'inspector', role: 'auditor', jurisdictionCode: JINSHAN },
    elsewhere: { username: 'weihai', role: 'streetAdmin', jurisdictionCode: WEIHAI },
  },
  { seed: (database) => seedPeopleRegisters(database, demoRegisters()) },
);

const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');

describe('resident representatives', () => {
  it('come in from a sheet of their own with their terms, all or nothing, and go out under the same headers', async () => {
    const before = await server.database.db.$count(peopleUnits);
    const reversed = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'representative',
      fileName: '居民代表.csv',
      contentBase64: csv([
        '社区代码,姓名,任期开始日期,任期结束日期',
        `${XIANGSHAN},代表甲,2026-06-01,2031-05-31`,
        `${XIANGSHAN},代表乙,2026-06-01,2026-01-01`,
      ]),
    });
    expect(reversed).toEqual({
      ok: false,
      problems: [{ row: 3, column: '任期结束日期', message: '任期结束日期不能早于开始日期' }],
    });
    expect(await server.database.db.$count(peopleUnits)).toBe(before);

    const added = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'representative',
      fileName: '居民代表.csv',
      contentBase64: csv([
        '社区代码,姓名,任期开始日期,任期结束日期',
        `${XIANGSHAN},代表甲,2026-06-01,2031-05-31`,
        `${XIANGSHAN},代表乙,2026-06-01,`,
        `${SHIHUAJIAN},代表丙,2026-06-01,`,
      ]),
    });
    expect(added).toEqual({ ok: true, created: 3, updated: 0, unchanged: 0, dryRun: false });
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    expect(org.derived.facts.representatives).toBe(2);

    const file = await server.auditor.spreadsheets.exportUnits.query({
      under: JINSHAN,
      kind: 'representative',
    });
    const rows = await readTable(Buffer.from(file.contentBase64, 'base64'), 'xlsx');
    expect(rows[0]).toEqual(['社区代码', '姓名', '任期开始日期', '任期结束日期']);
    expect(
      rows
        .slice(1)
        .map((r) => r.slice(0, 3).join(' '))
        .sort(),
    ).toEqual(
      [
        `${SHIHUAJIAN} 代表丙 2026-06-01`,
        `${XIANGSHAN} 代表乙 2026-06-01`,
        `${XIANGSHAN} 代表甲 2026-06-01`,
      ].sort(),
    );
  });

  it('have their term ended on a date, with a field message for a date before it began, audited', async () => {
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    const serving = org.representatives.find((r) => r.name === '代表乙');
    if (!serving) throw new Error('代表乙 not registered');

    const early = await rejection(
      server.streetAdmin.people.endRepresentativeTerm.mutate({
        id: serving.id,
        expectedVersion: serving.version,
        to: '2026-05-31',
      }),
    );
    expect(early.data?.code).toBe('BAD_REQUEST');
    expect(early.data?.fieldErrors?.to?.[0]).toBe('任期结束日期不能早于开始日期');
    const badDate = await rejection(
      server.streetAdmin.people.endRepresentativeTerm.mutate({
        id: serving.id,
        expectedVersion: serving.version,
        to: '2026-13-01',
      }),
    );
    expect(badDate.data?.fieldErrors?.to).toBeDefined();
    expect(
      (
        await rejection(
          server.auditor.people.endRepresentativeTerm.mutate({
            id: serving.id,
            expectedVersion: serving.version,
            to: '2026-11-30',
          }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await rejection(
          server.elsewhere.people.endRepresentativeTerm.mutate({
            id: serving.id,
            expectedVersion: serving.version,
            to: '2026-11-30',
          }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');

    const ended = await server.streetAdmin.people.endRepresentativeTerm.mutate({
      id: serving.id,
      expectedVersion: serving.version,
      to: '2026-11-30',
    });
    expect(ended.to).toBe('2026-11-30');
    const after = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    expect(after.derived.facts.representatives).toBe(1);
    const audited = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'people.representative.end'));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.entityId).toBe(serving.id);
  });

  it('refuse a stale end of term: the editor who read an older version is told, nothing written', async () => {
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    const read = org.representatives.find((r) => r.name === '代表甲');
    if (!read) throw new Error('代表甲 not registered');
    // Two editors open the same representative; the first ends the term, the second still holds the old version.
    const first = await server.streetAdmin.people.endRepresentativeTerm.mutate({
      id: read.id,
      to: '2026-10-31',
      expectedVersion: read.version,
    });
    expect(first.version).toBe(read.version + 1);
    const auditsBefore = await server.database.db.$count(auditLog, eq(auditLog.entityId, read.id));
    const stale = await rejection(
      server.streetAdmin.people.endRepresentativeTerm.mutate({
        id: read.id,
        to: '2026-09-30',
        expectedVersion: read.version,
      }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    expect(stale.message).toBe('该居民代表已被他人修改，请刷新后重新操作');
    const after = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    const stored = after.representatives.find((r) => r.id === read.id);
    expect(stored?.to).toBe('2026-10-31');
    expect(stored?.version).toBe(read.version + 1);
    expect(await server.database.db.$count(auditLog, eq(auditLog.entityId, read.id))).toBe(auditsBefore);
  });
});
