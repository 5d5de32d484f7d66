import { auditLog, peopleWorkers, seedPeopleRegisters } from '@shequ/db';
import { readTable, workerColumns } from '@shequ/facts-io';
import { demoRegisters, fictionalIdNumber } from '@shequ/people';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FIRST as EZHOU_COMMUNITY, STREET as EZHOU_STREET, seedEzhou } from './assessment-fixture.js';
import { JINSHAN, registersMovedTo, SHIHUAJIAN, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { csvUnderHeaders, rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    streetAdmin: { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN },
    auditor: { username: 'inspector', role: 'auditor', jurisdictionCode: JINSHAN },
    /** 华容镇 (鄂州): its 甲社区 has 象山's registers, and Ezhou 第七条（一） governs it. */
    ezhouAdmin: { username: 'huarong', role: 'streetAdmin', jurisdictionCode: EZHOU_STREET },
  },
  {
    seed: async (database) => {
      await seedEzhou(database);
      const [xiangshan] = demoRegisters();
      if (!xiangshan) throw new Error('demo registers missing');
      await seedPeopleRegisters(database, [...demoRegisters(), registersMovedTo(xiangshan, EZHOU_COMMUNITY)]);
    },
  },
);

/** A CSV under the roster's headers, one line a person. */
const rosterCsv = (rows: Record<string, string>[]) => csvUnderHeaders(workerColumns, rows);

const person = (sequence: number, extra: Record<string, string> = {}) => ({
  社区代码: SHIHUAJIAN,
  姓名: `新人${sequence}`,
  性别: '男',
  出生日期: '1991-03-04',
  身份证号码: fictionalIdNumber('370305', '1991-03-04', sequence),
  岗位: '专职工作者',
  '年薪（元）': '52000.50',
  入职日期: '2026-10-01',
  ...extra,
});

const counts = async () => ({
  workers: await server.database.db.$count(peopleWorkers),
  audit: await server.database.db.$count(auditLog),
});

/** The roster entries of 象山 as stored, for an identity number already on post there. */
const [xiangshanDemo] = demoRegisters();
const onPostInXiangshan = xiangshanDemo?.workers[0];
const alsoInXiangshan = xiangshanDemo?.workers[1];
if (!xiangshanDemo || !onPostInXiangshan || !alsoInXiangshan) throw new Error('demo registers missing');
/** The sheet's cells that name a stored person: the same name, birth date and identity number. */
const samePerson = (w: { name: string; birthDate: string; idNumber: string }) => ({
  姓名: w.name,
  出生日期: w.birthDate,
  身份证号码: w.idNumber,
});

describe('the roster in Excel', () => {
  it('reports every problem by row and column and writes nothing', async () => {
    const before = await counts();
    const wrongDigit = fictionalIdNumber('370305', '1991-03-04', 13).slice(0, 17);
    const result = await server.streetAdmin.spreadsheets.importWorkers.mutate({
      fileName: '花名册.csv',
      contentBase64: rosterCsv([
        person(11),
        person(13, { 身份证号码: `${wrongDigit}${wrongDigit.endsWith('0') ? 'X' : '0'}` }),
        // Already on post in 象山 since 2021: entering them in 十化建 as well.
        person(15, {
          ...samePerson(onPostInXiangshan),
          性别: '男',
        }),
        // Already on 象山's roster: entered there a second time.
        person(17, {
          社区代码: XIANGSHAN,
          ...samePerson(onPostInXiangshan),
          入职日期: '2025-01-01',
        }),
      ]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The file's own problems come first; the stored roster is checked once the file reads cleanly.
    expect(result.problems).toEqual([
      { row: 3, column: '身份证号码', message: '身份证号码校验位不正确，请核对' },
      { row: 5, column: '身份证号码', message: '与第4行是同一人，任职时间重叠，不能重复登记' },
    ]);

    const fixed = await server.streetAdmin.spreadsheets.importWorkers.mutate({
      fileName: '花名册.csv',
      contentBase64: rosterCsv([
        person(11),
        person(15, {
          ...samePerson(onPostInXiangshan),
        }),
        person(17, {
          社区代码: XIANGSHAN,
          ...samePerson(alsoInXiangshan),
          性别: '女',
          入职日期: '2025-01-01',
        }),
      ]),
    });
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    expect(fixed.problems).toEqual([
      { row: 3, column: '入职日期', message: expect.stringContaining('不能同时在两个社区任职') },
      { row: 4, column: '身份证号码', message: expect.stringContaining('不能重复登记') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a community outside the caller’s jurisdiction', async () => {
    const result = await server.streetAdmin.spreadsheets.importWorkers.mutate({
      fileName: '花名册.csv',
      contentBase64: rosterCsv([person(19), person(21, { 社区代码: WEIHAI_COMMUNITY })]),
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 3, column: '社区代码', message: '该社区不在您的辖区内' }],
    });
  });

  it('checks without writing on a dry run, then adds every row with an audit record each', async () => {
    const before = await counts();
    const file = { fileName: '花名册.csv', contentBase64: rosterCsv([person(11), person(23)]) };
    const dry = await server.streetAdmin.spreadsheets.importWorkers.mutate({ ...file, dryRun: true });
    expect(dry).toEqual({ ok: true, created: 2, unchanged: 0, dryRun: true });
    expect(await counts()).toEqual(before);

    const done = await server.streetAdmin.spreadsheets.importWorkers.mutate(file);
    expect(done).toEqual({ ok: true, created: 2, unchanged: 0, dryRun: false });
    expect(await counts()).toEqual({ workers: before.workers + 2, audit: before.audit + 2 });
    const roster = await server.streetAdmin.people.roster.query({ under: SHIHUAJIAN, asOf: '2026-10-01' });
    expect(roster.items.map((w) => [w.name, w.annualPay]).sort()).toEqual([
      ['新人11', 52000.5],
      ['新人23', 52000.5],
    ]);
    const imported = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'people.worker.import'));
    expect(imported.map((a) => (a.after as { idNumber: string }).idNumber)).toEqual([
      expect.stringMatching(/^3703\*{10}/),
      expect.stringMatching(/^3703\*{10}/),
    ]);
    // The same file again says what the roster holds: nothing written, nothing audited, both unchanged.
    const stored = await counts();
    const again = await server.streetAdmin.spreadsheets.importWorkers.mutate(file);
    expect(again).toEqual({ ok: true, created: 0, unchanged: 2, dryRun: false });
    expect(await counts()).toEqual(stored);
    // A row that differs is a second entry for someone on post, and refused.
    const changed = { ...file, contentBase64: rosterCsv([person(11, { '年薪（元）': '60000' })]) };
    expect((await server.streetAdmin.spreadsheets.importWorkers.mutate(changed)).ok).toBe(false);
  });

  it('exports the roster masked, or with full numbers for a role that may see them, audited', async () => {
    const masked = await server.auditor.spreadsheets.exportWorkers.query({ under: XIANGSHAN });
    const maskedRows = await readTable(Buffer.from(masked.contentBase64, 'base64'), 'xlsx');
    const id = maskedRows[0]?.indexOf('身份证号码') ?? -1;
    expect(maskedRows.slice(1).map((r) => r[id])).toHaveLength(5);
    for (const r of maskedRows.slice(1)) expect(String(r[id])).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const refused = await rejection(
      server.auditor.spreadsheets.exportWorkers.query({ under: XIANGSHAN, full: true }),
    );
    expect(refused.data?.code).toBe('FORBIDDEN');

    const full = await server.streetAdmin.spreadsheets.exportWorkers.query({ under: XIANGSHAN, full: true });
    expect(full.fileName).toBe(`社区工作者花名册-${XIANGSHAN}-完整号码.xlsx`);
    const rows = await readTable(Buffer.from(full.contentBase64, 'base64'), 'xlsx');
    expect(rows.slice(1).map((r) => r[id])).toContain(onPostInXiangshan.idNumber);
    const views = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'people.worker.export'));
    expect(views).toHaveLength(1);
  });

  it('lets an server.auditor neither import nor see a file as anyone else', async () => {
    const error = await rejection(
      server.auditor.spreadsheets.importWorkers.mutate({
        fileName: '花名册.csv',
        contentBase64: rosterCsv([person(25)]),
      }),
    );
    expect(error.data?.code).toBe('FORBIDDEN');
  });
});

describe('grids, buildings and resident groups in Excel', () => {
  const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');

  it('updates a building the community already has by name, adds new ones, all or nothing', async () => {
    const before = await counts();
    // 象山's demo registers have 1号楼 to 3号楼; one bad cell and nothing is written.
    const bad = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'building',
      fileName: '楼栋.csv',
      contentBase64: csv([
        '社区代码,楼栋名称,户数,楼栋长',
        `${XIANGSHAN},4号楼,40,`,
        `${XIANGSHAN},2号楼,-6,`,
      ]),
    });
    expect(bad).toEqual({
      ok: false,
      problems: [{ row: 3, column: '户数', message: expect.any(String) }],
    });
    expect(await counts()).toEqual(before);

    const added = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'building',
      fileName: '楼栋.csv',
      contentBase64: csv([
        '社区代码,楼栋名称,户数,楼栋长',
        `${XIANGSHAN},4号楼,40,楼栋长丁`,
        `${XIANGSHAN},2号楼,62,楼栋长乙`,
        `${SHIHUAJIAN},1号楼,30,`,
      ]),
    });
    expect(added).toEqual({ ok: true, created: 2, updated: 1, unchanged: 0, dryRun: false });
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN });
    expect(org.buildings.map((b) => b.name)).toContain('4号楼');
    // The sheet had no 所属网格 column, so 2号楼 keeps its grid.
    expect(org.buildings.find((b) => b.name === '2号楼')).toMatchObject({
      households: 62,
      gridId: `${XIANGSHAN}-g1`,
    });
    const file = await server.streetAdmin.spreadsheets.exportUnits.query({
      under: JINSHAN,
      kind: 'building',
    });
    const rows = await readTable(Buffer.from(file.contentBase64, 'base64'), 'xlsx');
    expect(rows[0]).toEqual(['社区代码', '楼栋名称', '户数', '楼栋长', '所属网格', '物业服务区域']);
    expect(rows.find((r) => r[0] === XIANGSHAN && r[1] === '3号楼')?.[5]).toBe('象山花园');
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['1号楼', '1号楼', '2号楼', '3号楼', '4号楼']);
  });

  it('refuses a 网格长 off the residents’ committee where Ezhou 第七条（一） governs, in a sheet and one at a time', async () => {
    const ezhou = registersMovedTo(xiangshanDemo, EZHOU_COMMUNITY);
    const member = ezhou.workers.find((w) => w.name === '张委员');
    const notMember = ezhou.workers.find((w) => w.name === '孙网格员');
    if (!member || !notMember) throw new Error('demo roster changed');
    const before = await counts();
    // Ezhou 第七条（一） binds in 鄂州: a 网格长 who is not on the residents' committee is refused, nothing written.
    const notOnCommittee = await server.ezhouAdmin.spreadsheets.importUnits.mutate({
      kind: 'grid',
      fileName: '网格.csv',
      contentBase64: csv([
        '社区代码,网格名称,户数,网格长姓名,网格长身份证号码',
        `${EZHOU_COMMUNITY},第三网格,200,${member.name},${member.idNumber}`,
        `${EZHOU_COMMUNITY},第四网格,150,${notMember.name},${notMember.idNumber}`,
      ]),
    });
    expect(notOnCommittee).toEqual({
      ok: false,
      problems: [
        { row: 3, column: '网格长身份证号码', message: expect.stringContaining('孙网格员不是居委会成员') },
      ],
    });
    const single = await rejection(
      server.ezhouAdmin.people.createUnit.mutate({
        kind: 'grid',
        unit: { communityCode: EZHOU_COMMUNITY, name: '第六网格', leaderWorkerId: notMember.id },
      }),
    );
    expect(single.data?.code).toBe('BAD_REQUEST');
    expect(single.data?.fieldErrors?.['unit.leaderWorkerId']?.[0]).toContain('不是居委会成员');
    expect(await counts()).toEqual(before);
  });

  it('links buildings to grids and grids to their 网格长, round-tripping export → import', async () => {
    const demo = xiangshanDemo;
    const member = demo.workers.find((w) => w.name === '张委员');
    const notMember = demo.workers.find((w) => w.name === '孙网格员');
    if (!member || !notMember) throw new Error('demo roster changed');
    const before = await counts();
    const refused = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'grid',
      fileName: '网格.csv',
      contentBase64: csv([
        '社区代码,网格名称,户数,网格长姓名,网格长身份证号码',
        `${XIANGSHAN},第三网格,200,${member.name},${member.idNumber}`,
        `${XIANGSHAN},第四网格,150,${notMember.name},${notMember.idNumber}`,
        `${XIANGSHAN},第五网格,150,某人,370305199103040010`,
      ]),
    });
    expect(refused).toEqual({
      ok: false,
      problems: [{ row: 4, column: '网格长身份证号码', message: expect.stringContaining('校验位') }],
    });
    expect(await counts()).toEqual(before);
    const grids = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'grid',
      fileName: '网格.csv',
      contentBase64: csv([
        '社区代码,网格名称,户数,网格长姓名,网格长身份证号码',
        `${XIANGSHAN},第三网格,200,${member.name},${member.idNumber}`,
      ]),
    });
    expect(grids).toEqual({ ok: true, created: 1, updated: 0, unchanged: 0, dryRun: false });

    // A building names its grid; a grid the community does not have is the cell's problem.
    const unknownGrid = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'building',
      fileName: '楼栋.csv',
      contentBase64: csv(['社区代码,楼栋名称,户数,楼栋长,所属网格', `${XIANGSHAN},5号楼,30,,第九网格`]),
    });
    expect(unknownGrid).toEqual({
      ok: false,
      problems: [{ row: 2, column: '所属网格', message: '本社区没有名为“第九网格”的网格（可先导入网格表）' }],
    });
    const buildings = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'building',
      fileName: '楼栋.csv',
      contentBase64: csv(['社区代码,楼栋名称,户数,楼栋长,所属网格', `${XIANGSHAN},5号楼,30,,第三网格`]),
    });
    expect(buildings).toEqual({ ok: true, created: 1, updated: 0, unchanged: 0, dryRun: false });
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN });
    const third = org.grids.find((g) => g.name === '第三网格');
    expect(third?.leaderWorkerId).toBe(member.id);
    expect(org.buildings.find((b) => b.name === '5号楼')?.gridId).toBe(third?.id);

    // The exports carry the links (the 网格长's number masked) and read back unchanged.
    const gridFile = await server.streetAdmin.spreadsheets.exportUnits.query({
      under: XIANGSHAN,
      kind: 'grid',
    });
    const gridRows = await readTable(Buffer.from(gridFile.contentBase64, 'base64'), 'xlsx');
    expect(gridRows[0]).toEqual(['社区代码', '网格名称', '户数', '网格长姓名', '网格长身份证号码']);
    expect(gridRows.find((r) => r[1] === '第三网格')?.slice(3)).toEqual([
      member.name,
      `${member.idNumber.slice(0, 4)}**********${member.idNumber.slice(-4)}`,
    ]);
    const buildingFile = await server.streetAdmin.spreadsheets.exportUnits.query({
      under: XIANGSHAN,
      kind: 'building',
    });
    const buildingRows = await readTable(Buffer.from(buildingFile.contentBase64, 'base64'), 'xlsx');
    expect(buildingRows.find((r) => r[1] === '5号楼')?.[4]).toBe('第三网格');
    const unchanged = await counts();
    expect(
      await server.streetAdmin.spreadsheets.importUnits.mutate({
        kind: 'grid',
        fileName: '网格.xlsx',
        contentBase64: gridFile.contentBase64,
      }),
    ).toEqual({ ok: true, created: 0, updated: 0, unchanged: 3, dryRun: false });
    expect(
      await server.streetAdmin.spreadsheets.importUnits.mutate({
        kind: 'building',
        fileName: '楼栋.xlsx',
        contentBase64: buildingFile.contentBase64,
      }),
    ).toEqual({ ok: true, created: 0, updated: 0, unchanged: 5, dryRun: false });
    expect(await counts()).toEqual(unchanged);

    // Edited and read back: 1号楼 moves to 第三网格, with one audit record.
    const moved = buildingRows.map((r) => (r[1] === '1号楼' ? [...r.slice(0, 4), '第三网格', r[5]] : r));
    const edited = Buffer.from(moved.map((r) => r.map((v) => v ?? '').join(',')).join('\n')).toString(
      'base64',
    );
    expect(
      await server.streetAdmin.spreadsheets.importUnits.mutate({
        kind: 'building',
        fileName: '楼栋.csv',
        contentBase64: edited,
      }),
    ).toEqual({ ok: true, created: 0, updated: 1, unchanged: 4, dryRun: false });
    expect(await counts()).toEqual({ ...unchanged, audit: unchanged.audit + 1 });
    const after = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN });
    expect(after.buildings.find((b) => b.name === '1号楼')?.gridId).toBe(third?.id);
  });

  it('takes 象山 a 网格长 off the residents’ committee: Ezhou 第七条（一） does not govern a community of 金山镇', async () => {
    const notMember = xiangshanDemo.workers.find((w) => w.name === '孙网格员');
    if (!notMember) throw new Error('demo roster changed');
    const before = await counts();
    const sheet = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'grid',
      fileName: '网格.csv',
      contentBase64: csv([
        '社区代码,网格名称,户数,网格长姓名,网格长身份证号码',
        `${XIANGSHAN},第四网格,150,${notMember.name},${notMember.idNumber}`,
      ]),
    });
    expect(sheet).toEqual({ ok: true, created: 1, updated: 0, unchanged: 0, dryRun: false });
    await server.streetAdmin.people.createUnit.mutate({
      kind: 'grid',
      unit: { communityCode: XIANGSHAN, name: '第六网格', leaderWorkerId: notMember.id },
    });
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN });
    expect(org.grids.filter((g) => g.leaderWorkerId === notMember.id).map((g) => g.name)).toEqual(
      expect.arrayContaining(['第四网格', '第六网格']),
    );
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2 });
  });

  it('refuses a community outside the jurisdiction, and an auditor', async () => {
    const outside = await server.streetAdmin.spreadsheets.importUnits.mutate({
      kind: 'grid',
      fileName: '网格.csv',
      contentBase64: csv(['社区代码,网格名称,户数', `${WEIHAI_COMMUNITY},第一网格,300`]),
    });
    expect(outside).toEqual({
      ok: false,
      problems: [{ row: 2, column: '社区代码', message: '该社区不在您的辖区内' }],
    });
    const denied = await rejection(
      server.auditor.spreadsheets.importUnits.mutate({
        kind: 'grid',
        fileName: '网格.csv',
        contentBase64: csv(['社区代码,网格名称,户数', `${XIANGSHAN},第三网格,300`]),
      }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
  });
});
