/**
 * "Export any list to Excel": every list of the console as an .xlsx file, read back here with
 * facts-io's `readTable`. Each export must hold the rows its list shows the same caller — same filters,
 * same scope and role checks — under zh-CN headers, and refuse an over-long list naming the filter to
 * narrow. The archive lists use the demo history of 象山 (`seedArchivesDemo`) plus one seal taken out
 * and not brought back.
 */
import {
  communities,
  type DatabaseHandle,
  decideTakeOut,
  requestTakeOut,
  seals,
  seedArchivesDemo,
  takeOut,
  users,
} from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { readTable } from '@shequ/facts-io';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { chinaDateTime } from '../src/routers/spreadsheet-file.js';
import { JINSHAN, SHIHUAJIAN, seedFixture, WEIHAI, XIANGSHAN } from './fixture.js';
import {
  clientFor,
  fakeClock,
  insertUser,
  makeApp,
  rejection,
  signedIn,
  TEST_PASSWORD,
  type TestClient,
} from './harness.js';

const STAFF_MINIMUM = 'jinshan.staff-minimum';

let database: DatabaseHandle;
let app: FastifyInstance;
/** The same database behind an app whose exports stop at one row. */
let tightApp: FastifyInstance;
let jinshan: TestClient;
let inspector: TestClient;
let worker: TestClient;
let neighbour: TestClient;
let weihai: TestClient;
let tightJinshan: TestClient;
let tightProvince: TestClient;
/** Demo accounts of 象山 (they sign in with TEST_PASSWORD here): 陈红 approves the committee seal, 孙立 asks. */
let chenhong: TestClient;
let sunli: TestClient;
let tightSunli: TestClient;

interface SpreadsheetFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** The sheet's rows as header → cell records, and the header row itself. */
async function read(file: SpreadsheetFile): Promise<{ header: string[]; rows: Record<string, unknown>[] }> {
  expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(file.fileName).toMatch(/\.xlsx$/);
  const [head = [], ...body] = await readTable(Buffer.from(file.contentBase64, 'base64'), 'xlsx');
  const header = head.map(String);
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

const column = async (file: SpreadsheetFile, name: string) => (await read(file)).rows.map((r) => r[name]);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  // 象山 has four full-time workers, below Jinshan's binding minimum of five; 十化建 has six.
  await database.db
    .update(communities)
    .set({ facts: { setting: 'urban', households: 1600, residents: 4200, staff: { fullTime: 4 } } })
    .where(eq(communities.code, XIANGSHAN));
  await database.db
    .update(communities)
    .set({ facts: { setting: 'urban', households: 2000, residents: 5100, staff: { fullTime: 6 } } })
    .where(eq(communities.code, SHIHUAJIAN));
  await seedArchivesDemo(database, { demoPasswordHash: await hashPassword(TEST_PASSWORD) });
  await takeSealOutUnreturned();
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  await insertUser(database, { username: 'inspector', role: 'auditor', jurisdictionCode: JINSHAN });
  await insertUser(database, { username: 'worker', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  await insertUser(database, {
    username: 'neighbour',
    role: 'communityWorker',
    jurisdictionCode: SHIHUAJIAN,
  });
  await insertUser(database, { username: 'weihai', role: 'cityAdmin', jurisdictionCode: WEIHAI });
  await insertUser(database, { username: 'shandong', role: 'provinceAdmin', jurisdictionCode: '370000' });
  const clock = fakeClock(new Date('2026-07-10T02:00:00Z'));
  app = await makeApp(database, { now: clock.now });
  tightApp = await makeApp(database, { now: clock.now, exportRowLimit: 1 });
  [jinshan, inspector, worker, neighbour, weihai, tightJinshan, tightProvince, chenhong, sunli, tightSunli] =
    (await Promise.all([
      signedIn(app, 'jinshan'),
      signedIn(app, 'inspector'),
      signedIn(app, 'worker'),
      signedIn(app, 'neighbour'),
      signedIn(app, 'weihai'),
      signedIn(tightApp, 'jinshan'),
      signedIn(tightApp, 'shandong'),
      signedIn(app, 'xs-chenhong'),
      signedIn(app, 'xs-sunli'),
      signedIn(tightApp, 'xs-sunli'),
    ])) as TestClient[] as [
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
    ];
}, 120_000);

afterAll(async () => {
  await tightApp?.close();
  await app?.close();
  await database?.close();
});

/** The committee seal goes out on 1 July, due back that evening, and is still out on 10 July. */
async function takeSealOutUnreturned(): Promise<void> {
  const people = await database.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['xs-sunli', 'xs-chenhong', 'xs-zhaomin']));
  const acting = (username: string, at: string) => {
    const person = people.find((p) => p.username === username);
    if (!person) throw new Error(`no demo account ${username}`);
    return { actor: { id: person.id, username }, ip: null, at: new Date(at) };
  };
  const [seal] = await database.db
    .select({ id: seals.id })
    .from(seals)
    .where(eq(seals.name, '象山社区居民委员会印章'));
  if (!seal) throw new Error('demo seal missing');
  const request = await requestTakeOut(database.db, acting('xs-sunli', '2026-07-01T08:50:00+08:00'), {
    sealId: seal.id,
    reason: '到临淄区政务服务中心办理社区服务站备案，须现场用印',
    destination: '临淄区政务服务中心',
    returnBy: new Date('2026-07-01T17:00:00+08:00'),
  });
  await decideTakeOut(database.db, acting('xs-chenhong', '2026-07-01T09:00:00+08:00'), {
    requestId: request.id,
    decision: 'approve',
  });
  // After the demo's handover 赵敏 keeps the seals.
  await takeOut(database.db, acting('xs-zhaomin', '2026-07-01T09:30:00+08:00'), { requestId: request.id });
}

describe('community list export', () => {
  it('refuses a list longer than the cap, naming the filter to narrow', async () => {
    const error = await rejection(tightJinshan.spreadsheets.exportCommunities.query({}));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors).toEqual({ under: ['超过 1 个社区：请先选择下级辖区再导出'] });
    const one = await tightJinshan.spreadsheets.exportCommunities.query({ under: XIANGSHAN });
    expect(await column(one, '社区代码')).toEqual([XIANGSHAN]);
    expect(one.fileName).toBe(`社区列表-${XIANGSHAN}.xlsx`);
  });
});

describe('audit log export', () => {
  it('writes the filtered records in scope with Chinese action and object names', async () => {
    const { user } = await jinshan.users.create.mutate({
      username: 'xs-newcomer',
      displayName: '新来的社工',
      role: 'communityWorker',
      jurisdictionCode: XIANGSHAN,
    });
    const file = await inspector.spreadsheets.exportAudit.query({ entityType: 'user', entityId: user.id });
    const { header, rows } = await read(file);
    expect(header).toEqual([
      '时间',
      '操作人',
      '操作',
      '对象类型',
      '对象',
      '对象编号',
      '辖区',
      '辖区代码',
      '来源地址',
      '变更内容',
    ]);
    // People by name (account in brackets), places by name: the export reads like the screen.
    expect(rows.map((r) => [r.操作人, r.操作, r.对象类型, r.对象, r.辖区, r.辖区代码])).toEqual([
      ['jinshan', '创建账号', '账号', '新来的社工（xs-newcomer）', '象山社区居委会', XIANGSHAN],
    ]);
    expect(String(rows[0]?.时间)).toMatch(/^2026-07-10 10:00:00$/);
    // The change in labelled Chinese fields, as the audit page shows it.
    const changes = String(rows[0]?.变更内容).split('\n');
    expect(changes).toContain('用户名：（无） → xs-newcomer');
    expect(changes).toContain('姓名：（无） → 新来的社工');
    expect(changes.join('')).not.toMatch(/username|displayName/);
    expect(file.fileName).toBe(`操作日志-账号-${user.id}.xlsx`);
    // Logins are records about accounts too: the type filter alone keeps them, newest first.
    const accounts = await read(await inspector.spreadsheets.exportAudit.query({ entityType: 'user' }));
    expect(accounts.rows[0]?.操作).toBe('创建账号');
    expect(new Set(accounts.rows.map((r) => r.对象类型))).toEqual(new Set(['账号']));
    expect(accounts.rows.map((r) => r.操作)).toContain('登录');
    // Weihai's administrator sees none of Jinshan's records, in the list or in the file.
    const theirs = await read(await weihai.spreadsheets.exportAudit.query({ entityId: user.id }));
    expect(theirs.rows).toEqual([]);
  });

  it('refuses more records than the cap, naming the object-type filter', async () => {
    const error = await rejection(tightJinshan.spreadsheets.exportAudit.query({}));
    expect(error.data?.fieldErrors).toEqual({
      entityType: ['超过 1 条记录：请先按对象类型或对象编号筛选再导出'],
    });
  });
});

describe('users export', () => {
  it('lists the accounts under the node with Chinese roles, and honours the search', async () => {
    const { rows } = await read(await jinshan.spreadsheets.exportUsers.query({ search: 'xs-' }));
    expect(rows.map((r) => r.用户名)).toEqual([
      'xs-chenhong',
      'xs-liguilan',
      'xs-newcomer',
      'xs-sunli',
      'xs-wangjianguo',
      'xs-zhaomin',
    ]);
    const newcomer = rows.find((r) => r.用户名 === 'xs-newcomer');
    expect(newcomer).toMatchObject({ 角色: '社区工作者', 所属辖区: '象山社区居委会', 状态: '待改初始密码' });
    const weihaiRows = (await read(await weihai.spreadsheets.exportUsers.query({}))).rows;
    expect(weihaiRows.map((r) => r.用户名)).toEqual(['weihai']);
  });

  it('refuses more accounts than the cap, naming the search', async () => {
    const error = await rejection(tightJinshan.spreadsheets.exportUsers.query({}));
    expect(error.data?.fieldErrors).toEqual({ search: ['超过 1 个账号：请先输入用户名或姓名筛选再导出'] });
  });

  it('is refused to a community worker, as the list is', async () => {
    const error = await rejection(worker.spreadsheets.exportUsers.query({}));
    expect(error.data?.code).toBe('FORBIDDEN');
    expect(error.message).toBe('无权查看账号列表');
  });
});

describe('compliance drill-down export', () => {
  it('lists the communities failing a rule under a node, naming the rule and the result', async () => {
    const file = await jinshan.spreadsheets.exportFailing.query({
      jurisdictionCode: JINSHAN,
      rule: STAFF_MINIMUM,
      status: 'fail',
    });
    const { rows } = await read(file);
    expect(rows).toEqual([
      expect.objectContaining({
        社区代码: XIANGSHAN,
        社区名称: '象山社区居委会',
        '街道（乡镇）': '金山镇',
        结果: '不通过',
      }),
    ]);
    expect(String(rows[0]?.检查项)).not.toBe(STAFF_MINIMUM);
    expect(file.fileName).toBe(`社区名单-${JINSHAN}-${STAFF_MINIMUM}-不通过.xlsx`);
    const passing = await jinshan.spreadsheets.exportFailing.query({
      jurisdictionCode: JINSHAN,
      rule: STAFF_MINIMUM,
      status: 'pass',
    });
    expect(await column(passing, '社区代码')).toEqual([SHIHUAJIAN]);
  });

  it('refuses a node outside the caller’s scope, as the list does', async () => {
    const outside = await rejection(
      weihai.spreadsheets.exportFailing.query({ jurisdictionCode: JINSHAN, status: 'fail' }),
    );
    expect(outside.data?.code).toBe('FORBIDDEN');
  });

  it('refuses more communities than the cap, naming the node to narrow', async () => {
    // Over the province, more than one community has some rule it cannot judge without more facts.
    const listed = await tightProvince.compliance.failing.query({
      jurisdictionCode: '370000',
      status: 'unknown',
    });
    expect(listed.total).toBeGreaterThan(1);
    const error = await rejection(
      tightProvince.spreadsheets.exportFailing.query({ jurisdictionCode: '370000', status: 'unknown' }),
    );
    expect(error.data?.fieldErrors).toEqual({ jurisdictionCode: ['超过 1 个社区：请先选择下级辖区再导出'] });
  });
});

describe('policy rule list export', () => {
  it('writes each rule with its citation, kind, wording strength, dates and parameters', async () => {
    const file = await worker.spreadsheets.exportPolicyRules.query({ jurisdictionCode: JINSHAN });
    const { header, rows } = await read(file);
    expect(header).toEqual(
      expect.arrayContaining(['规则编号', '依据文件', '条款', '类型', '约束强度', '施行日期', '参数']),
    );
    const described = await worker.policy.explain.query({ jurisdictionCode: JINSHAN });
    expect(rows.map((r) => r.规则编号)).toEqual(described.rules.map((r) => r.id));
    const minimum = rows.find((r) => r.规则编号 === STAFF_MINIMUM);
    const rule = described.rules.find((r) => r.id === STAFF_MINIMUM);
    expect(minimum).toMatchObject({
      依据文件: rule?.citation.document,
      条款: `${rule?.citation.article}${rule?.citation.clause ?? ''}`,
      类型: '检查项',
      约束强度: '约束性',
      施行日期: rule?.document.inForceFrom,
    });
    // The parameter is named with its value in force: at least five workers.
    expect(String(minimum?.参数)).toMatch(/= 5/);
    expect(file.fileName).toMatch(new RegExp(`^政策规则-${JINSHAN}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  });
});

describe('archive list exports', () => {
  it('exports the catalogue with the list’s filters and Chinese labels', async () => {
    const all = await jinshan.spreadsheets.exportArchives.query({ community: XIANGSHAN });
    const listed = await jinshan.archives.list.query({ community: XIANGSHAN, pageSize: 100 });
    expect(await column(all, '档号')).toEqual(listed.items.map((i) => i.referenceCode));
    const paper = await read(
      await jinshan.spreadsheets.exportArchives.query({ community: XIANGSHAN, status: 'onLoan' }),
    );
    expect(paper.rows.map((r) => r.状态)).toEqual(['借出']);
    expect(paper.rows[0]).toMatchObject({
      题名: '象山社区2025年度工作台账',
      保管期限: '定期30年',
      载体: '纸质档案',
    });
  });

  it('exports the lending register, open loans only when asked', async () => {
    const open = await read(
      await jinshan.spreadsheets.exportLoans.query({ communityCode: XIANGSHAN, open: true }),
    );
    expect(open.rows.map((r) => [r.题名, r.应还日期, r.归还日期])).toEqual([
      ['象山社区2025年度工作台账', '2026-06-03', '未归还'],
    ]);
    const all = await read(await jinshan.spreadsheets.exportLoans.query({ communityCode: XIANGSHAN }));
    expect(all.rows.length).toBeGreaterThan(open.rows.length);
  });

  it('exports the seal registry with approvers, and the seals out and overdue across the town', async () => {
    const registry = await read(await inspector.spreadsheets.exportSeals.query({ community: XIANGSHAN }));
    const committee = registry.rows.find((r) => r.印章名称 === '象山社区居民委员会印章');
    expect(committee).toMatchObject({ 所属组织类别: '居民委员会', 外带应还时间: '2026-07-01 17:00:00' });
    expect(String(committee?.审批人)).toContain('陈红');
    const out = await read(await jinshan.spreadsheets.exportSealsOut.query({}));
    expect(out.rows.map((r) => [r.社区代码, r.印章, r.去向, r.是否逾期])).toEqual([
      [XIANGSHAN, '象山社区居民委员会印章', '临淄区政务服务中心', '逾期'],
    ]);
    const overdue = await read(await jinshan.spreadsheets.exportSealsOverdue.query({ under: JINSHAN }));
    expect(overdue.rows.map((r) => r.印章)).toEqual(['象山社区居民委员会印章']);
    const loans = await read(await jinshan.spreadsheets.exportOverdueLoans.query({}));
    expect(loans.rows.map((r) => [r.档号 !== '', r.应还日期, r.逾期天数])).toEqual([
      [true, '2026-06-03', 37],
    ]);
  });

  it('shows no one outside the scope anything the list would not', async () => {
    for (const call of [
      () => neighbour.spreadsheets.exportArchives.query({ community: XIANGSHAN }),
      () => neighbour.spreadsheets.exportLoans.query({ communityCode: XIANGSHAN }),
      () => neighbour.spreadsheets.exportSeals.query({ community: XIANGSHAN }),
      () => weihai.spreadsheets.exportSealsOut.query({ jurisdictionCode: JINSHAN }),
      () => weihai.spreadsheets.exportSealsOverdue.query({ under: JINSHAN }),
      () => weihai.spreadsheets.exportOverdueLoans.query({ under: JINSHAN }),
    ]) {
      expect((await rejection(call())).data?.code).toBe('FORBIDDEN');
    }
    // Across their own scope Weihai's administrator finds none of Jinshan's seals or loans.
    expect((await read(await weihai.spreadsheets.exportSealsOut.query({}))).rows).toEqual([]);
    expect((await read(await weihai.spreadsheets.exportOverdueLoans.query({}))).rows).toEqual([]);
  });

  it('refuses a worker of the community who keeps and approves nothing, as the lists do', async () => {
    for (const call of [
      () => worker.spreadsheets.exportArchives.query({ community: XIANGSHAN }),
      () => worker.spreadsheets.exportLoans.query({ communityCode: XIANGSHAN }),
      () => worker.spreadsheets.exportSeals.query({ community: XIANGSHAN }),
      () => worker.spreadsheets.exportSealsOut.query({}),
      () => worker.spreadsheets.exportSealsOverdue.query({}),
      () => worker.spreadsheets.exportOverdueLoans.query({}),
    ]) {
      const refusal = await rejection(call());
      expect(refusal.data?.code).toBe('FORBIDDEN');
      expect(refusal.message).toBe('只有档案、印章保管人和上级管理员可以查看');
    }
  });

  it('refuses an over-long catalogue naming the filter to narrow', async () => {
    const error = await rejection(tightJinshan.spreadsheets.exportArchives.query({ community: XIANGSHAN }));
    expect(error.data?.fieldErrors).toEqual({
      text: ['超过 1 件档案：请先按载体、类别、状态或关键词筛选再导出'],
    });
  });
});

describe('seal request exports (审批与申请)', () => {
  it('writes the requests waiting for my decision, and my own, as the two lists show them', async () => {
    const [seal] = await database.db
      .select({ id: seals.id })
      .from(seals)
      .where(eq(seals.name, '象山社区居民委员会印章'));
    if (!seal) throw new Error('demo seal missing');
    await sunli.seals.requestUse.mutate({
      sealId: seal.id,
      purpose: '为居民开具居住证明',
      document: '居住证明',
      copies: 2,
    });
    const inbox = await read(await chenhong.spreadsheets.exportSealInbox.query());
    expect(inbox.header).toEqual(
      expect.arrayContaining(['社区', '印章', '类别', '申请人', '申请时间', '状态']),
    );
    expect(inbox.rows.map((r) => [r.印章, r.类别, r.申请人, r.用印文件, r.份数, r.状态])).toEqual([
      ['象山社区居民委员会印章', '用印', '孙立（社区工作者）', '居住证明', 2, '待审批'],
    ]);
    const listedInbox = await chenhong.seals.inbox.query();
    expect(inbox.rows.length).toBe(listedInbox.length);

    const mineFile = await sunli.spreadsheets.exportMySealRequests.query();
    expect(mineFile.fileName).toBe('我的申请.xlsx');
    const mine = await read(mineFile);
    expect(mine.header).not.toContain('申请人');
    const listedMine = await sunli.seals.mine.query();
    expect(mine.rows.map((r) => r.申请时间)).toEqual(listedMine.map((r) => chinaDateTime(r.requestedAt)));
    expect(mine.rows[0]).toMatchObject({ 事由: '为居民开具居住证明', 状态: '待审批' });
    // The demo's removal was brought back the same day: a removal reads in its own words.
    expect(mine.rows.map((r) => r.状态)).toEqual(expect.arrayContaining(['已用印', '已归还', '外带中']));
  });

  it('shows others nothing of the caller’s lists, and refuses the signed-out as the lists do', async () => {
    expect((await read(await worker.spreadsheets.exportSealInbox.query())).rows).toEqual([]);
    expect((await read(await chenhong.spreadsheets.exportMySealRequests.query())).rows).toEqual([]);
    const anonymous = clientFor(app);
    for (const call of [
      () => anonymous.seals.inbox.query(),
      () => anonymous.spreadsheets.exportSealInbox.query(),
      () => anonymous.spreadsheets.exportMySealRequests.query(),
    ]) {
      expect((await rejection(call())).data?.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses more requests than the cap', async () => {
    const error = await rejection(tightSunli.spreadsheets.exportMySealRequests.query());
    expect(error.data?.fieldErrors).toEqual({
      after: ['超过 1 条申请：请先从某条申请之后（after）分段再导出'],
    });
  });
});

describe('destruction list export (销毁清册)', () => {
  it('writes each destroyed item with its decision, approvers and method', async () => {
    const file = await inspector.spreadsheets.exportDestructions.query({ community: XIANGSHAN });
    expect(file.fileName).toBe(`销毁清册-${XIANGSHAN}.xlsx`);
    const { rows } = await read(file);
    const listed = await inspector.archives.destructions.query({ community: XIANGSHAN });
    expect(rows.map((r) => r.档号)).toEqual(listed.map((d) => d.referenceCode));
    expect(rows).toEqual([
      expect.objectContaining({
        题名: '2014年社区环境整治工作简报',
        保管期限: '定期10年',
        鉴定决定文号: '象档鉴〔2026〕1号',
        决定日期: '2026-02-10',
        状态: '已销毁',
        销毁日期: '2026-02-20',
        销毁方式: '由两人监销，碎纸机粉碎',
      }),
    ]);
    expect(String(rows[0]?.批准人)).toContain('陈红');
  });

  it('is refused as the list is refused', async () => {
    for (const caller of [worker, neighbour]) {
      const list = await rejection(caller.archives.destructions.query({ community: XIANGSHAN }));
      const refusal = await rejection(caller.spreadsheets.exportDestructions.query({ community: XIANGSHAN }));
      expect(refusal.data?.code).toBe(list.data?.code);
      expect(refusal.message).toBe(list.message);
    }
  });

  it('refuses a list longer than the cap', async () => {
    const noneApp = await makeApp(database, { exportRowLimit: 0 });
    try {
      const error = await rejection(
        (await signedIn(noneApp, 'jinshan')).spreadsheets.exportDestructions.query({ community: XIANGSHAN }),
      );
      expect(error.data?.fieldErrors).toEqual({
        after: ['超过 0 件档案：请先从某一鉴定决定之后（after）分段再导出'],
      });
    } finally {
      await noneApp.close();
    }
  });
});

describe('custody log export (留痕日志)', () => {
  it('writes the entries with the action in Chinese, China time and the full hash', async () => {
    const file = await inspector.spreadsheets.exportCustodyLog.query({ community: XIANGSHAN });
    const { header, rows } = await read(file);
    expect(header).toEqual(['序号', '时间', '操作人', '账号', '事项', '内容', '哈希']);
    const listed = await inspector.custody.entries.query({ community: XIANGSHAN, limit: 500 });
    expect(rows.length).toBe(listed.size);
    expect(rows.map((r) => r.序号)).toEqual(listed.entries.map((e) => e.seq));
    expect(rows.map((r) => r.事项)).toEqual(listed.entries.map((e) => e.actionLabel));
    expect(rows.map((r) => r.操作人)).toEqual(listed.entries.map((e) => e.actorName));
    expect(rows.map((r) => r.内容 ?? '')).toEqual(listed.entries.map((e) => e.details));
    expect(rows.map((r) => r.哈希)).toEqual(listed.entries.map((e) => e.hash));
    expect(rows.every((r) => !/^[a-z]+[A-Z]/.test(String(r.事项)))).toBe(true);
    expect(String(rows[0]?.时间)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const later = await read(
      await inspector.spreadsheets.exportCustodyLog.query({ community: XIANGSHAN, afterSeq: 3 }),
    );
    expect(later.rows[0]?.序号).toBe(4);
  });

  it('is refused as the log is refused', async () => {
    for (const caller of [worker, neighbour, weihai]) {
      const list = await rejection(caller.custody.entries.query({ community: XIANGSHAN }));
      const refusal = await rejection(caller.spreadsheets.exportCustodyLog.query({ community: XIANGSHAN }));
      expect(refusal.data?.code).toBe(list.data?.code);
      expect(refusal.message).toBe(list.message);
    }
  });

  it('refuses a log longer than the cap, naming the starting sequence number', async () => {
    const error = await rejection(tightJinshan.spreadsheets.exportCustodyLog.query({ community: XIANGSHAN }));
    expect(error.data?.fieldErrors).toEqual({
      afterSeq: ['超过 1 条日志：请先指定起始序号（afterSeq）分段再导出'],
    });
  });
});

describe('policy explorer exports', () => {
  it('writes the two jurisdictions side by side, headed by their names', async () => {
    const file = await worker.spreadsheets.exportPolicyDiff.query({ a: JINSHAN, b: WEIHAI });
    const { header, rows } = await read(file);
    const diff = await worker.policy.diff.query({ a: JINSHAN, b: WEIHAI });
    const nameA = diff.a.jurisdictions.at(-1)?.name;
    const nameB = diff.b.jurisdictions.at(-1)?.name;
    expect(header).toEqual([
      '事项',
      `${nameA}：规定`,
      `${nameA}：依据`,
      `${nameA}：数值`,
      `${nameB}：规定`,
      `${nameB}：依据`,
      `${nameB}：数值`,
      '比较',
    ]);
    expect(rows.map((r) => r.事项)).toEqual(diff.rules.map((r) => r.topic));
    const states = { same: '相同', different: '不同', onlyA: '仅左侧', onlyB: '仅右侧' } as const;
    expect(rows.map((r) => r.比较)).toEqual(diff.rules.map((r) => states[r.state]));
    const staff = rows.find((r) => r.事项 === 'staff-minimum');
    expect(String(staff?.[`${nameA}：数值`])).toMatch(/5/);
    expect(file.fileName).toMatch(
      new RegExp(`^辖区政策对比-${JINSHAN}-${WEIHAI}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
    );
  });

  it('refuses an unknown pack and an over-long comparison as the explorer does', async () => {
    const unknown = await rejection(worker.spreadsheets.exportPolicyDiff.query({ a: JINSHAN, b: 'nowhere' }));
    expect(unknown.data?.code).toBe('BAD_REQUEST');
    expect(unknown.data?.fieldErrors).toEqual({ b: ['没有这个代码的政策包'] });
    const error = await rejection(
      tightJinshan.spreadsheets.exportPolicyDiff.query({ a: JINSHAN, b: WEIHAI }),
    );
    expect(error.data?.fieldErrors).toEqual({ b: ['超过 1 项规定：请先选择另外两个辖区再导出'] });
  });

  it('writes the what-if’s changed rules with the communities that change and how', async () => {
    const explained = await jinshan.policy.explain.query({ jurisdictionCode: JINSHAN });
    const minimum = explained.parameters.find((p) => p.value === 5 && p.suppliedBy === JINSHAN);
    if (!minimum) throw new Error('Jinshan has no minimum-staff parameter');
    const input = { jurisdictionCode: JINSHAN, parameters: { [minimum.name]: 3 } };
    const file = await jinshan.spreadsheets.exportWhatIf.query(input);
    expect(file.fileName).toBe(`假设分析-${JINSHAN}.xlsx`);
    const { header, rows } = await read(file);
    expect(header).toEqual(['检查项', '规则编号', '变化社区数', '变化']);
    const result = await jinshan.policy.whatIf.query(input);
    expect(rows.map((r) => r.规则编号)).toEqual(result.rules.map((r) => r.rule));
    expect(rows.find((r) => r.规则编号 === STAFF_MINIMUM)).toMatchObject({
      变化社区数: 1,
      变化: '不通过 → 通过：1 个',
    });
    // Lowering the minimum changes more than one check, so one row is too many.
    expect(result.rules.length).toBeGreaterThan(1);
    const tooMany = await rejection(tightJinshan.spreadsheets.exportWhatIf.query(input));
    expect(tooMany.data?.fieldErrors).toEqual({
      jurisdictionCode: ['超过 1 项检查：请先选择下级辖区再导出'],
    });
    const foreign = await rejection(weihai.spreadsheets.exportWhatIf.query(input));
    expect(foreign.data?.code).toBe('FORBIDDEN');
    const noSuch = await rejection(
      jinshan.spreadsheets.exportWhatIf.query({
        jurisdictionCode: JINSHAN,
        parameters: { noSuchParameter: 1 },
      }),
    );
    expect(noSuch.data?.fieldErrors).toHaveProperty(['parameters.noSuchParameter']);
  });
});
