import { auditLog, communities } from '@shequ/db';
import { factColumns, parseFactsTable, readTable } from '@shequ/facts-io';
import { spreadsheetBomb } from '@shequ/facts-io/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { oneImportAtATime } from '../src/routers/spreadsheet-file.js';
import { JINSHAN, SHIHUAJIAN, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp({
  streetAdmin: { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN },
  auditor: { username: 'inspector', role: 'auditor', jurisdictionCode: JINSHAN },
});

/** A CSV built on the template's own header row, as a person filling in the template would. */
async function filledCsv(rows: Record<string, string>[]): Promise<string> {
  const template = await server.streetAdmin.spreadsheets.factsTemplate.query({ format: 'csv' });
  const [header = []] = await readTable(Buffer.from(template.contentBase64, 'base64'), 'csv');
  const columns = header.map(String);
  const lines = rows.map((row) => columns.map((column) => row[column] ?? '').join(','));
  return Buffer.from([columns.join(','), ...lines].join('\n')).toString('base64');
}

const households = async (code: string) =>
  (await server.database.db.select().from(communities).where(eq(communities.code, code)))[0]?.households;

describe('spreadsheets', () => {
  it('offers the template with Chinese column headers', async () => {
    const template = await server.streetAdmin.spreadsheets.factsTemplate.query({ format: 'xlsx' });
    const [header = []] = await readTable(Buffer.from(template.contentBase64, 'base64'), 'xlsx');
    expect(header).toEqual(expect.arrayContaining(['社区代码', '社区名称', '数据日期', '户数', '人口']));
  });

  it('reports every bad cell by row and column and writes nothing', async () => {
    const before = await server.database.db.$count(auditLog);
    const result = await server.streetAdmin.spreadsheets.importFacts.mutate({
      fileName: '金山镇.csv',
      contentBase64: await filledCsv([
        { 社区代码: XIANGSHAN, 社区名称: '象山社区居委会', 数据日期: '2026-09-30', 户数: '2100' },
        { 社区代码: SHIHUAJIAN, 社区名称: '十化建社区居委会', 数据日期: '2026-09-30', 户数: '-3' },
      ]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ row: 3, column: '户数' })]);
    expect(await households(XIANGSHAN)).not.toBe(2100);
    expect(await server.database.db.$count(auditLog)).toBe(before);
  });

  it('refuses a row for a community outside the importer’s town, naming its row', async () => {
    const result = await server.streetAdmin.spreadsheets.importFacts.mutate({
      fileName: 'mixed.csv',
      contentBase64: await filledCsv([
        { 社区代码: XIANGSHAN, 社区名称: '象山社区居委会', 数据日期: '2026-09-30', 户数: '2100' },
        { 社区代码: WEIHAI_COMMUNITY, 社区名称: '东北村居委会', 数据日期: '2026-09-30', 户数: '900' },
      ]),
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 3, column: '社区代码', message: '该社区不在您的管辖范围内' }],
    });
    expect(await households(WEIHAI_COMMUNITY)).not.toBe(900);
  });

  it('imports a good file with an audit record, and an server.auditor may not import', async () => {
    const contentBase64 = await filledCsv([
      { 社区代码: XIANGSHAN, 社区名称: '象山社区居委会', 数据日期: '2026-09-30', 户数: '2100' },
    ]);
    expect(
      (await rejection(server.auditor.spreadsheets.importFacts.mutate({ fileName: 'a.csv', contentBase64 })))
        .data?.code,
    ).toBe('FORBIDDEN');
    const result = await server.streetAdmin.spreadsheets.importFacts.mutate({
      fileName: 'a.csv',
      contentBase64,
    });
    expect(result).toEqual({ ok: true, updated: 1, unchanged: 0, dryRun: false });
    expect(await households(XIANGSHAN)).toBe(2100);
    const audits = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'community.importFacts'));
    expect(audits.map((a) => [a.entityId, a.actorName])).toEqual([[XIANGSHAN, 'jinshan']]);
  });

  it('names the file field when the file is not a spreadsheet', async () => {
    const error = await rejection(
      server.streetAdmin.spreadsheets.importFacts.mutate({ fileName: 'facts.pdf', contentBase64: 'AAAA' }),
    );
    expect(error.data?.fieldErrors).toEqual({ fileName: ['只支持 .xlsx 与 .csv 文件'] });
  });

  it('refuses a zip bomb and sheets over the row limit with a 400 naming the limit, even several at once', async () => {
    // ~64 MB of XML in a file under the 1 MB upload limit.
    const bomb = (await spreadsheetBomb({ rows: 60_000, cellText: 'x'.repeat(1000) })).toString('base64');
    const refused = await rejection(
      server.streetAdmin.spreadsheets.importFacts.mutate({ fileName: 'bomb.xlsx', contentBase64: bomb }),
    );
    expect(refused.data?.httpStatus).toBe(400);
    expect(refused.data?.fieldErrors).toEqual({ fileName: ['文件解压后超过 32 MB 的上限：请分批导入'] });

    // Sheets just over the row limit sent together: each is refused, either for its rows or, while
    // another is being counted, with a 429 (how many overlap depends on the machine's pace; the gate
    // itself is tested deterministically below).
    const rows = (await spreadsheetBomb({ rows: 20_005 })).toString('base64');
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        rejection(
          server.streetAdmin.spreadsheets.importFacts.mutate({ fileName: 'rows.xlsx', contentBase64: rows }),
        ),
      ),
    );
    const statuses = outcomes.map((error) => error.data?.httpStatus);
    expect(statuses).toContain(400);
    expect(statuses.every((status) => status === 400 || status === 429)).toBe(true);
    expect(outcomes.find((error) => error.data?.httpStatus === 400)?.data?.fieldErrors).toEqual({
      fileName: ['表格超过 20000 行数据的上限：请分批导入'],
    });
    // The gate is open again afterwards.
    const again = await rejection(
      server.streetAdmin.spreadsheets.importFacts.mutate({ fileName: 'rows.xlsx', contentBase64: rows }),
    );
    expect(again.data?.httpStatus).toBe(400);
  });

  it('runs one import at a time: a second one sent while the first runs is told to retry (429)', async () => {
    const settings = { spreadsheetImports: { running: 0 } } as unknown as Context['settings'];
    let finish = () => {};
    const first = oneImportAtATime(
      { settings },
      () => new Promise<string>((resolve) => (finish = () => resolve('done'))),
    );
    const second = await oneImportAtATime({ settings }, async () => 'ran').catch((error: TRPCError) => error);
    expect(second).toBeInstanceOf(TRPCError);
    expect((second as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect((second as TRPCError).message).toMatch(/同一时间只处理一个导入/);
    finish();
    expect(await first).toBe('done');
    // The gate is open again once the first has finished, and after a failed import too.
    await expect(oneImportAtATime({ settings }, async () => 'ran')).resolves.toBe('ran');
    await expect(
      oneImportAtATime({ settings }, async () => Promise.reject(new Error('bad sheet'))),
    ).rejects.toThrow('bad sheet');
    await expect(oneImportAtATime({ settings }, async () => 'ran')).resolves.toBe('ran');
  });

  it('exports the list the reader may see, and refuses a node outside it', async () => {
    const file = await server.streetAdmin.spreadsheets.exportCommunities.query({});
    const rows = await readTable(Buffer.from(file.contentBase64, 'base64'), 'xlsx');
    expect(rows[0]?.slice(0, 2)).toEqual(['社区代码', '社区名称']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([SHIHUAJIAN, XIANGSHAN]);
    expect(
      (await rejection(server.streetAdmin.spreadsheets.exportCommunities.query({ under: '371000' }))).data
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('exports in the template’s columns, so the file imports back unchanged', async () => {
    const file = await server.streetAdmin.spreadsheets.exportCommunities.query({});
    const rows = await readTable(Buffer.from(file.contentBase64, 'base64'), 'xlsx');
    expect(rows[0]).toEqual(factColumns.map((c) => c.header));
    const parsed = parseFactsTable(rows);
    expect(parsed.ok && parsed.snapshots.map((s) => s.code)).toEqual([SHIHUAJIAN, XIANGSHAN]);
    const dryRun = await server.streetAdmin.spreadsheets.importFacts.mutate({
      fileName: file.fileName,
      contentBase64: file.contentBase64,
      dryRun: true,
    });
    expect(dryRun).toEqual({ ok: true, updated: 0, unchanged: 2, dryRun: true });
    // Imported for real, the unchanged rows are neither rewritten nor audited.
    const audited = async () =>
      (await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'community.importFacts')))
        .length;
    const before = await audited();
    expect(
      await server.streetAdmin.spreadsheets.importFacts.mutate({
        fileName: file.fileName,
        contentBase64: file.contentBase64,
      }),
    ).toEqual({ ok: true, updated: 0, unchanged: 2, dryRun: false });
    expect(await audited()).toBe(before);
  });
});
