import { auditLog, peopleCommittees, seedPeopleRegisters } from '@shequ/db';
import { committeeColumns, readTable } from '@shequ/facts-io';
import { DAXINGGONG, demoRegisters, fictionalIdNumber } from '@shequ/people';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { JINSHAN, nanjing, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { csvUnderHeaders, rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    streetAdmin: { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN },
    auditor: { username: 'inspector', role: 'auditor', jurisdictionCode: JINSHAN },
    /** 梅园新村街道 (Nanjing), whose 大行宫 the Jiangsu guideline governs. */
    meiyuan: { username: 'meiyuan', role: 'streetAdmin', jurisdictionCode: '320102002' },
  },
  { more: nanjing, seed: (database) => seedPeopleRegisters(database, demoRegisters()) },
);

const [xiangshan, daxinggong] = demoRegisters();
if (!xiangshan || !daxinggong) throw new Error('demo registers missing');
/** 象山's roster entry of a person by name (the demo's residents' committee 2026–2031 has 李主任, 王书记, 张委员). */
const workerNamed = (name: string) => {
  const w = xiangshan.workers.find((x) => x.name === name);
  if (!w) throw new Error(`no ${name} in the demo roster`);
  return w;
};
const onCommittee = workerNamed('张委员');
const notOnCommittee = workerNamed('孙网格员');
/** 大行宫's 朱网格员: on its roster, not on its residents' committee (钱书记, 郑副主任, 冯委员, 2021–2027). */
const notOnDaxinggongCommittee = daxinggong.workers.find((w) => w.name === '朱网格员');
if (!notOnDaxinggongCommittee) throw new Error('no 朱网格员 in the demo roster');

/** A CSV under the committee sheet's headers, one line a member. */
const committeeCsv = (rows: Record<string, string>[]) => csvUnderHeaders(committeeColumns, rows);

const mediation = (extra: Record<string, string> = {}) => ({
  社区代码: XIANGSHAN,
  委员会类别: '下属委员会',
  下属委员会类别: '人民调解委员会',
  任期开始日期: '2026-07-01',
  任期届满日期: '2031-05-31',
  成员姓名: onCommittee.name,
  成员身份证号码: onCommittee.idNumber,
  职务: '主任（书记）',
  ...extra,
});

const counts = async () => ({
  committees: await server.database.db.$count(peopleCommittees),
  audit: await server.database.db.$count(auditLog),
});

describe('committees and their members in Excel', () => {
  it('reports the sheet’s own problems by row and column, writing nothing', async () => {
    const before = await counts();
    const result = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([
        mediation(),
        // A second chair of the same committee, with no end to either.
        mediation({ 成员姓名: '居民甲', 成员身份证号码: '' }),
        mediation({ 委员会类别: '居务监督委员会', 下属委员会类别: '', 任期届满日期: '2026-06-30' }),
        mediation({ 成员身份证号码: '370305199103040010', 职务: '委员' }),
      ]),
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 4, column: '任期届满日期', message: '任期届满日期应晚于任期开始日期' },
        { row: 5, column: '成员身份证号码', message: expect.stringContaining('校验位') },
      ],
    });
    const chairs = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([mediation(), mediation({ 成员姓名: '居民甲', 成员身份证号码: '' })]),
    });
    expect(chairs).toEqual({
      ok: false,
      problems: [{ row: 3, column: '职务', message: '同一时间只能有一名主任（书记）' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a member not on the community’s roster and a sub-committee chaired by a non-member', async () => {
    const before = await counts();
    const stranger = fictionalIdNumber('370305', '1990-01-01', 41);
    const result = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([
        mediation({ 成员姓名: '陌生人', 成员身份证号码: stranger, 职务: '委员' }),
        mediation(),
        mediation({
          下属委员会类别: '治安保卫委员会',
          成员姓名: notOnCommittee.name,
          成员身份证号码: notOnCommittee.idNumber,
        }),
      ]),
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 2, column: '成员身份证号码', message: expect.stringContaining('本社区花名册中没有') },
      ],
    });
    // Jiangsu 10（1） governs 大行宫 (Nanjing) and binds: its sub-committee chaired by a non-member is refused.
    const unled = await server.meiyuan.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([
        mediation({
          社区代码: DAXINGGONG,
          下属委员会类别: '治安保卫委员会',
          任期届满日期: '2027-01-31',
          成员姓名: notOnDaxinggongCommittee.name,
          成员身份证号码: notOnDaxinggongCommittee.idNumber,
        }),
      ]),
    });
    expect(unled).toEqual({
      ok: false,
      problems: [{ row: 2, column: '成员姓名', message: expect.stringContaining('不是居委会成员') }],
    });
    // A member on the roster keeps training there: a date typed beside them is refused on its cell.
    const trained = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([mediation({ '县级以上培训日期（非花名册成员）': '2026-09-01' })]),
    });
    expect(trained).toEqual({
      ok: false,
      problems: [
        {
          row: 2,
          column: '县级以上培训日期（非花名册成员）',
          message: '花名册上的成员，培训记录在花名册中登记；这里只登记不在花名册上的成员的培训',
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('does not refuse 象山 a sub-committee chair off the residents’ committee: neither Ezhou nor Jiangsu governs it', async () => {
    const before = await counts();
    const dry = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([
        mediation({
          下属委员会类别: '治安保卫委员会',
          成员姓名: notOnCommittee.name,
          成员身份证号码: notOnCommittee.idNumber,
        }),
      ]),
      dryRun: true,
    });
    expect(dry).toEqual({ ok: true, created: 1, updated: 0, unchanged: 0, dryRun: true });
    expect(await counts()).toEqual(before);
  });

  it('refuses a community outside the jurisdiction, and an auditor', async () => {
    const outside = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: committeeCsv([mediation({ 社区代码: WEIHAI_COMMUNITY })]),
    });
    expect(outside).toEqual({
      ok: false,
      problems: [{ row: 2, column: '社区代码', message: '该社区不在您的辖区内' }],
    });
    const denied = await rejection(
      server.auditor.spreadsheets.importCommittees.mutate({
        fileName: '委员会.csv',
        contentBase64: committeeCsv([mediation()]),
      }),
    );
    expect(denied.data?.code).toBe('FORBIDDEN');
  });

  it('adds every committee with an audit record each, linked to the roster, and exports them back', async () => {
    const before = await counts();
    const file = {
      fileName: '委员会.csv',
      contentBase64: committeeCsv([
        mediation(),
        mediation({ 成员姓名: '居民乙', 成员身份证号码: '', 职务: '委员', 任职开始日期: '2026-08-01' }),
        mediation({ 下属委员会类别: '公共卫生委员会' }),
      ]),
    };
    const dry = await server.streetAdmin.spreadsheets.importCommittees.mutate({ ...file, dryRun: true });
    expect(dry).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0, dryRun: true });
    expect(await counts()).toEqual(before);
    const done = await server.streetAdmin.spreadsheets.importCommittees.mutate(file);
    expect(done).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(await counts()).toEqual({ committees: before.committees + 2, audit: before.audit + 2 });

    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-09-01' });
    const added = org.committees.find((c) => c.subKind === '人民调解委员会');
    expect(added?.members).toEqual([
      { workerId: onCommittee.id, name: onCommittee.name, role: 'chair', from: '2026-07-01' },
      { name: '居民乙', role: 'member', from: '2026-08-01' },
    ]);
    // Neither Ezhou 第七条（一） nor Jiangsu 10（1） governs 象山 (金山镇): no finding on the organisation page.
    expect(org.findings.find((f) => f.rule === 'sub-committees-led-by-member')).toBeUndefined();

    const masked = await server.auditor.spreadsheets.exportCommittees.query({ under: XIANGSHAN });
    const rows = await readTable(Buffer.from(masked.contentBase64, 'base64'), 'xlsx');
    expect(rows[0]).toEqual(committeeColumns.map((c) => c.header));
    const id = committeeColumns.findIndex((c) => c.header === '成员身份证号码');
    const chairRow = rows.find((r) => r[2] === '人民调解委员会' && r[5] === onCommittee.name);
    expect(String(chairRow?.[id])).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(chairRow?.[7]).toBe('主任（书记）');
    expect(
      (await rejection(server.auditor.spreadsheets.exportCommittees.query({ full: true }))).data?.code,
    ).toBe('FORBIDDEN');

    const full = await server.streetAdmin.spreadsheets.exportCommittees.query({
      under: XIANGSHAN,
      full: true,
    });
    const fullRows = await readTable(Buffer.from(full.contentBase64, 'base64'), 'xlsx');
    expect(fullRows.slice(1).map((r) => r[id])).toContain(onCommittee.idNumber);
    const audited = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'people.committee.export'));
    expect(audited).toHaveLength(1);
    // The exported file reads back: every committee in it is already stored, so nothing changes.
    const unchanged = await counts();
    const again = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.xlsx',
      contentBase64: full.contentBase64,
    });
    expect(again).toEqual({ ok: true, created: 0, updated: 0, unchanged: 6, dryRun: false });
    expect(await counts()).toEqual(unchanged);
  });

  it('updates stored members from an exported sheet read back, by committee and person, all or nothing', async () => {
    // A default (masked) export, edited: the mediation chair's spell ends, 居民乙 becomes vice-chair.
    const masked = await server.streetAdmin.spreadsheets.exportCommittees.query({ under: XIANGSHAN });
    const rows = await readTable(Buffer.from(masked.contentBase64, 'base64'), 'xlsx');
    const header = rows[0]?.map(String) ?? [];
    const col = (h: string) => header.indexOf(h);
    const mediationRows = rows.filter((r) => r[col('下属委员会类别')] === '人民调解委员会');
    expect(mediationRows).toHaveLength(2);
    const committeeId = String(mediationRows[0]?.[col('委员会编号')]);
    const org = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-09-01' });
    const stored = org.committees.find((c) => c.id === committeeId);
    expect(stored?.subKind).toBe('人民调解委员会');
    const edited = (changes: (r: unknown[]) => unknown[]) =>
      Buffer.from(
        [header, ...mediationRows.map(changes)]
          .map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))).join(','))
          .join('\n'),
      ).toString('base64');
    const update = (r: unknown[]) => {
      const out = [...r];
      if (out[col('成员姓名')] === onCommittee.name) out[col('任职结束日期')] = '2027-12-31';
      if (out[col('成员姓名')] === '居民乙') out[col('职务')] = '副主任（副书记）';
      return out;
    };

    // One bad cell in the edited sheet (an end before the spell began): nothing is written.
    const before = await counts();
    const bad = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: edited((r) => {
        const out = update(r);
        if (out[col('成员姓名')] === '居民乙') out[col('任职结束日期')] = '2026-07-15';
        return out;
      }),
    });
    expect(bad).toEqual({
      ok: false,
      problems: [{ row: 3, column: '任职结束日期', message: '任职结束日期不能早于开始日期' }],
    });
    // A committee number that is not this community's.
    const unknown = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: edited((r) => {
        const out = update(r);
        out[col('委员会编号')] = 'no-such-committee';
        return out;
      }),
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0]?.column).toBe('委员会编号');
    // A training typed beside the roster member of the committee being updated: refused as for a new one.
    const trainingColumn = '县级以上培训日期（非花名册成员）';
    expect(col(trainingColumn)).toBeGreaterThanOrEqual(0);
    const trained = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: edited((r) => {
        const out = update(r);
        if (out[col('成员姓名')] === onCommittee.name) out[col(trainingColumn)] = '2026-09-01';
        return out;
      }),
    });
    expect(trained).toEqual({
      ok: false,
      problems: [
        {
          row: 2,
          column: trainingColumn,
          message: '花名册上的成员，培训记录在花名册中登记；这里只登记不在花名册上的成员的培训',
        },
      ],
    });
    expect(await counts()).toEqual(before);

    const done = await server.streetAdmin.spreadsheets.importCommittees.mutate({
      fileName: '委员会.csv',
      contentBase64: edited(update),
    });
    expect(done).toEqual({ ok: true, created: 0, updated: 1, unchanged: 0, dryRun: false });
    expect(await counts()).toEqual({ committees: before.committees, audit: before.audit + 1 });
    const after = await server.streetAdmin.people.organisation.query({ code: XIANGSHAN, asOf: '2026-09-01' });
    expect(after.committees.find((c) => c.id === committeeId)?.members).toEqual([
      {
        workerId: onCommittee.id,
        name: onCommittee.name,
        role: 'chair',
        from: '2026-07-01',
        to: '2027-12-31',
      },
      { name: '居民乙', role: 'vice-chair', from: '2026-08-01' },
    ]);
    const [audit] = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'people.committee.import-update'));
    expect(audit?.entityId).toBe(committeeId);
    expect(audit?.before).toMatchObject({ members: stored?.members });
  });
});

describe('a sub-committee entered on its own', () => {
  const security = (communityCode: string, chair: { id: string; name: string }, termTo: string) => ({
    communityCode,
    kind: 'sub' as const,
    subKind: '治安保卫委员会',
    termFrom: '2026-07-01',
    termTo,
    members: [{ workerId: chair.id, name: chair.name, role: 'chair' as const, from: '2026-07-01' }],
  });

  it('refuses a chair off the residents’ committee where Jiangsu 10（1） governs, as the sheet does', async () => {
    const before = await counts();
    const refused = await rejection(
      server.meiyuan.people.saveCommittee.mutate({
        committee: security(DAXINGGONG, notOnDaxinggongCommittee, '2027-01-31'),
      }),
    );
    expect(refused.data?.code).toBe('BAD_REQUEST');
    expect(refused.data?.fieldErrors?.['committee.members.0.workerId']?.[0]).toBe(
      '下属委员会主任应由本届居民委员会成员兼任（2026-07-01），此人不是居委会成员',
    );
    expect(await counts()).toEqual(before);
  });

  it('saves it in 象山, which neither Ezhou nor Jiangsu governs', async () => {
    const before = await counts();
    const saved = await server.streetAdmin.people.saveCommittee.mutate({
      committee: security(XIANGSHAN, notOnCommittee, '2031-05-31'),
    });
    expect(saved.members[0]).toMatchObject({ workerId: notOnCommittee.id, role: 'chair' });
    expect(await counts()).toEqual({ committees: before.committees + 1, audit: before.audit + 1 });
  });
});
