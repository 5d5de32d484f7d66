import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditLog, custodyLog, type DatabaseHandle, sealRequests, users } from '@shequ/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, WEIHAI, XIANGSHAN } from './fixture.js';
import {
  type ArchivesTestApp,
  archivesTestApp,
  type Clock,
  fakeClock,
  rejection,
  type TestClient,
} from './harness.js';

let database: DatabaseHandle;
let server: ArchivesTestApp<string>;
let clock: Clock;
const ids: Record<string, string> = {};
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  const accounts = {
    li: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    wang: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    sun: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    zhao: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    /** Left the community: the account is disabled in the pickers test. */
    gone: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    liu: { role: 'auditor', jurisdictionCode: JINSHAN },
    jinshan: { role: 'streetAdmin', jurisdictionCode: JINSHAN },
    neighbour: { role: 'communityWorker', jurisdictionCode: SHIHUAJIAN },
    weihai: { role: 'cityAdmin', jurisdictionCode: WEIHAI },
  } as const;
  clock = fakeClock(new Date('2026-03-02T02:00:00Z'));
  server = await archivesTestApp('shequ-archives-', accounts, {
    now: clock.now,
    sessionTtlMs: 365 * 86_400_000,
    // The story runs over months of the fake clock; sessions are tested in security.test.ts.
    sessionIdleMs: 365 * 86_400_000,
  });
  ({ database } = server);
  Object.assign(ids, server.ids);
  Object.assign(as, server.as);
}, 60_000);

afterAll(() => server?.close());

const li = () => as.li as TestClient;
/** The street administrator: registers items for others, seals and handovers (issue 4's access rule). */
const jinshan = () => as.jinshan as TestClient;
const id = (name: string) => ids[name] as string;

function paperItem(title: string, overrides: Record<string, unknown> = {}) {
  return {
    community: XIANGSHAN,
    fonds: 'X007',
    category: 'WS',
    organisation: 'JWH',
    issuer: '象山社区居民委员会',
    title,
    date: '2025-06-01',
    medium: 'paper' as const,
    contentGroup: 'ledgers',
    retention: 'years30' as const,
    custodianId: id('li'),
    location: { room: '档案室', cabinet: '1号柜' },
    ...overrides,
  };
}

describe('archive catalogue', () => {
  it('generates reference codes in the DA/T 22 structure, numbering each series on', async () => {
    // li becomes a custodian when the town files the first item into her keeping.
    const first = await jinshan().archives.create.mutate(paperItem('2025年工作台账'));
    const second = await li().archives.create.mutate(paperItem('2025年财务台账'));
    const other = await li().archives.create.mutate(paperItem('居民小组名册', { retention: 'years10' }));
    expect(first.referenceCode).toBe('X007-WS·2025-D30-JWH-0001');
    expect(second.referenceCode).toBe('X007-WS·2025-D30-JWH-0002');
    expect(other.referenceCode).toBe('X007-WS·2025-D10-JWH-0001');
    expect(first.expiresOn).toBe('2056-01-01');
  });

  it('names the field when paper has no place on the shelf, or the custodian is from elsewhere', async () => {
    const noPlace = await rejection(
      li().archives.create.mutate(paperItem('无位置', { location: undefined })),
    );
    expect(noPlace.data?.fieldErrors).toHaveProperty('location');
    const stranger = await rejection(
      jinshan().archives.create.mutate(paperItem('外社区保管人', { custodianId: id('neighbour') })),
    );
    expect(stranger.data?.fieldErrors).toHaveProperty('custodianId');
  });

  it('refuses a document dated after the filing day, on the date field', async () => {
    // The clock says 2026-03-02 in China.
    const future = await rejection(
      li().archives.create.mutate(paperItem('明年的纪要', { date: '2027-12-01' })),
    );
    expect(future.data?.code).toBe('BAD_REQUEST');
    expect(future.data?.fieldErrors).toEqual({
      date: ['文件日期 2027-12-01 晚于归档之日 2026-03-02：日期不能晚于今天'],
    });
    const tomorrow = await rejection(
      li().archives.create.mutate(paperItem('明天的纪要', { date: '2026-03-03' })),
    );
    expect(tomorrow.data?.fieldErrors).toHaveProperty('date');
    const today = await li().archives.create.mutate(paperItem('今天的纪要', { date: '2026-03-02' }));
    expect(today.referenceCode).toMatch(/·2026-/);
  });

  it('offers only enabled accounts in the pickers; the town’s people stay for supervisors', async () => {
    const before = await li().archives.people.query({ community: XIANGSHAN });
    expect(before.map((p) => p.username)).toContain('gone');
    await database.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, id('gone')));
    const after = await li().archives.people.query({ community: XIANGSHAN });
    expect(after.map((p) => p.username)).not.toContain('gone');
    expect(after.filter((p) => p.jurisdictionCode === XIANGSHAN).map((p) => p.username)).toEqual(
      expect.arrayContaining(['li', 'wang', 'sun', 'zhao']),
    );
    // The town's auditor is listed for the handover's supervisor, not as one of the community's own.
    expect(after.find((p) => p.username === 'liu')?.jurisdictionCode).toBe(JINSHAN);
  });

  it('lists with filters and text search, for the community and the town above, not for a neighbour', async () => {
    await li().archives.create.mutate(
      paperItem('议事会录像', { medium: 'audiovisual', category: 'LX', organisation: undefined }),
    );
    const videos = await li().archives.list.query({ community: XIANGSHAN, medium: 'audiovisual' });
    expect(videos.items.map((i) => i.title)).toEqual(['议事会录像']);
    const found = await (as.jinshan as TestClient).archives.list.query({
      community: XIANGSHAN,
      text: '财务',
    });
    expect(found.items.map((i) => i.title)).toEqual(['2025年财务台账']);
    const neighbour = as.neighbour as TestClient;
    expect((await rejection(neighbour.archives.list.query({ community: XIANGSHAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    const someId = found.items[0]?.id as string;
    expect((await rejection(neighbour.archives.get.query({ id: someId }))).data?.code).toBe('NOT_FOUND');
    expect((await rejection((as.weihai as TestClient).archives.get.query({ id: someId }))).data?.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('catalogue filters on the server', () => {
  it('filters by retention period and by custodian over the whole catalogue, not a first page', async () => {
    const wangsItem = await jinshan().archives.create.mutate(
      paperItem('王某保管的永久档案', { retention: 'permanent', custodianId: id('wang') }),
    );
    const tenYears = await li().archives.list.query({ community: XIANGSHAN, retention: 'years10' });
    expect(tenYears.items.map((i) => i.title)).toEqual(['居民小组名册']);
    expect(tenYears.total).toBe(1);
    const permanentPage = await li().archives.list.query({
      community: XIANGSHAN,
      retention: 'permanent',
      pageSize: 1,
    });
    expect(permanentPage.items.every((i) => i.retention === 'permanent')).toBe(true);
    const heldByWang = await li().archives.list.query({ community: XIANGSHAN, custodianId: id('wang') });
    expect(heldByWang.items.map((i) => i.id)).toEqual([wangsItem.id]);
    expect(heldByWang.items[0]?.custodianName).toBe('wang');
    const heldByLi = await li().archives.list.query({ community: XIANGSHAN, custodianId: id('li') });
    expect(heldByLi.items.map((i) => i.id)).not.toContain(wangsItem.id);
    expect(heldByLi.total).toBeGreaterThan(0);
    const neighbour = as.neighbour as TestClient;
    expect(
      (await rejection(neighbour.archives.list.query({ community: XIANGSHAN, custodianId: id('wang') }))).data
        ?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('lending', () => {
  it('only the custodian lends; an overdue loan shows for the town; return closes it', async () => {
    const item = await li().archives.create.mutate(paperItem('借阅测试台账'));
    // wang keeps another item, so may act as a keeper, but not on li's item.
    const byOther = await rejection(
      (as.wang as TestClient).archives.lend.mutate({ id: item.id, borrower: '孙立', dueOn: '2026-03-09' }),
    );
    expect(byOther.data?.code).toBe('FORBIDDEN');
    expect(byOther.message).toContain('第三十九条');
    // An administrator may reach the item but is not its keeper: told so once, without an account id.
    const byAdmin = await rejection(
      jinshan().archives.lend.mutate({ id: item.id, borrower: '赵敏', dueOn: '2026-03-20' }),
    );
    expect(byAdmin.data?.code).toBe('CONFLICT');
    expect(byAdmin.message).toBe(
      '借出须由该档案的保管人办理（依据《鄂州市城市社区工作规则（试行）》第三十九条）',
    );
    expect(byAdmin.message).not.toContain(id('li'));
    await li().archives.lend.mutate({
      id: item.id,
      borrower: '孙立',
      borrowerId: id('sun'),
      dueOn: '2026-03-09',
    });
    const twice = await rejection(
      li().archives.lend.mutate({ id: item.id, borrower: '赵敏', dueOn: '2026-03-20' }),
    );
    expect(twice.message).toContain('已借给');
    expect(await (as.jinshan as TestClient).archives.overdueLoans.query({})).toEqual([]);
    clock.advance(10 * 86_400_000);
    const overdue = await (as.jinshan as TestClient).archives.overdueLoans.query({});
    expect(overdue.map((loan) => loan.title)).toEqual(['借阅测试台账']);
    expect(overdue[0]).toMatchObject({ communityName: '象山社区居委会', borrowerName: 'sun' });
    // A worker of another community who keeps nothing there is refused the list.
    expect((await rejection((as.neighbour as TestClient).archives.overdueLoans.query({}))).data?.code).toBe(
      'FORBIDDEN',
    );
    await li().archives.return.mutate({ id: item.id });
    expect(await (as.jinshan as TestClient).archives.overdueLoans.query({})).toEqual([]);
  });

  it('puts a due date that has passed, or is not after the loan, on 应还日期', async () => {
    const item = await li().archives.create.mutate(paperItem('应还日期测试'));
    // The clock now says 2026-03-12.
    const past = await rejection(
      li().archives.lend.mutate({ id: item.id, borrower: '孙立', dueOn: '2026-03-05' }),
    );
    expect(past.data?.fieldErrors).toEqual({ dueOn: ['应还日期 2026-03-05 已过，不能早于今天'] });
    const sameDay = await rejection(
      li().archives.lend.mutate({ id: item.id, borrower: '孙立', lentOn: '2026-03-12', dueOn: '2026-03-12' }),
    );
    expect(sameDay.data?.fieldErrors).toEqual({ dueOn: ['应还日期须晚于借出日期'] });
    const lentLater = await rejection(
      li().archives.lend.mutate({ id: item.id, borrower: '孙立', lentOn: '2026-03-13', dueOn: '2026-03-20' }),
    );
    expect(lentLater.data?.fieldErrors).toHaveProperty('lentOn');
  });
});

describe('lending register', () => {
  it("lists a community's loans, open or returned, with names, paged; a neighbour is refused", async () => {
    const first = await li().archives.create.mutate(paperItem('借阅登记测试一'));
    const second = await li().archives.create.mutate(paperItem('借阅登记测试二'));
    await li().archives.lend.mutate({
      id: first.id,
      borrower: '赵敏',
      borrowerId: id('zhao'),
      purpose: '查阅',
      dueOn: '2026-04-30',
    });
    await li().archives.lend.mutate({ id: second.id, borrower: '区民政局王科长', dueOn: '2026-04-20' });
    const open = await (as.jinshan as TestClient).archives.loans.query({
      communityCode: XIANGSHAN,
      open: true,
    });
    expect(open.items.map((loan) => loan.title)).toEqual(['借阅登记测试二', '借阅登记测试一']);
    expect(open.total).toBe(2);
    expect(open.items[1]).toMatchObject({ borrower: '赵敏', borrowerName: 'zhao', lenderName: 'li' });
    expect(open.items[0]?.borrowerName).toBeNull();
    const returned = await li().archives.loans.query({ communityCode: XIANGSHAN, open: false });
    expect(returned.items.map((loan) => loan.title)).toEqual(['借阅测试台账']);
    expect(returned.items[0]?.returnedOn).not.toBeNull();
    const firstPage = await li().archives.loans.query({ communityCode: XIANGSHAN, pageSize: 2 });
    expect(firstPage.total).toBe(3);
    expect(firstPage.items.map((loan) => loan.title)).toEqual(['借阅登记测试二', '借阅登记测试一']);
    const secondPage = await li().archives.loans.query({ communityCode: XIANGSHAN, pageSize: 2, page: 2 });
    expect(secondPage.items.map((loan) => loan.title)).toEqual(['借阅测试台账']);
    expect(
      (await rejection((as.neighbour as TestClient).archives.loans.query({ communityCode: XIANGSHAN }))).data
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await rejection((as.weihai as TestClient).archives.loans.query({ communityCode: XIANGSHAN }))).data
        ?.code,
    ).toBe('FORBIDDEN');
    await li().archives.return.mutate({ id: first.id });
    await li().archives.return.mutate({ id: second.id });
  });
});

describe('appraisal and destruction', () => {
  it('refuses before expiry, then destroys under an appraisal and keeps the list', async () => {
    const young = await li().archives.create.mutate(paperItem('未到期', { retention: 'years10' }));
    const early = await rejection(
      li().archives.appraiseForDestruction.mutate({
        id: young.id,
        decisionNumber: '鉴〔2026〕1号',
        decidedOn: '2026-03-12',
        opinion: '无保存价值',
        approvedBy: [id('wang')],
      }),
    );
    expect(early.message).toContain('保管期限未满');
    const old = await li().archives.create.mutate(
      paperItem('2012年简报', { retention: 'years10', date: '2012-04-01' }),
    );
    await li().archives.appraiseForDestruction.mutate({
      id: old.id,
      decisionNumber: '鉴〔2026〕2号',
      decidedOn: '2026-03-12',
      opinion: '期满，无保存价值',
      approvedBy: [id('wang')],
    });
    await li().archives.destroy.mutate({ id: old.id, method: '粉碎' });
    const list = await li().archives.destructions.query({ community: XIANGSHAN });
    expect(list).toMatchObject([{ title: '2012年简报', state: 'destroyed', method: '粉碎' }]);
    const again = await rejection(
      li().archives.lend.mutate({ id: old.id, borrower: 'x', dueOn: '2026-04-01' }),
    );
    expect(again.message).toContain('已销毁');
  });

  it('lists the items past their retention that are still held, for appraisal', async () => {
    const due = await li().archives.create.mutate(
      paperItem('2013年简报', { retention: 'years10', date: '2013-05-01' }),
    );
    const expired = await li().archives.list.query({ community: XIANGSHAN, expired: true });
    // 2012年简报 expired too but is destroyed; permanent and current items never show.
    expect(expired.items.map((i) => i.id)).toEqual([due.id]);
    expect(expired.items[0]?.expiresOn).toBe('2024-01-01');
    const current = await li().archives.list.query({ community: XIANGSHAN, expired: false, pageSize: 100 });
    expect(current.items.map((i) => i.id)).not.toContain(due.id);
    expect(current.items.some((i) => i.retention === 'permanent')).toBe(true);
  });

  const decision = {
    decidedOn: '2026-03-12',
    opinion: '仍有查考价值，延长保管期限',
    approvedBy: [] as string[],
  };

  it('keeps an expired item longer: new retention and expiry, still shelved, out of the expired view', async () => {
    const kept = await li().archives.create.mutate(
      paperItem('2014年居民代表会议记录', { retention: 'years10', date: '2014-06-18' }),
    );
    const before = await li().archives.list.query({ community: XIANGSHAN, expired: true });
    expect(before.items.map((i) => i.id)).toContain(kept.id);
    const result = await li().archives.appraise.mutate({
      id: kept.id,
      decision: 'retain',
      retention: 'years30',
      decisionNumber: '鉴〔2026〕3号',
      ...decision,
      approvedBy: [id('wang')],
    });
    expect(result).toMatchObject({
      decision: 'retain',
      item: { retention: 'years30', expiresOn: '2045-01-01', status: 'shelved' },
    });
    const item = await li().archives.get.query({ id: kept.id });
    // The 档号 keeps the code it was filed under; the retention and expiry are the appraisal's.
    expect(item).toMatchObject({
      referenceCode: kept.referenceCode,
      retention: 'years30',
      expiresOn: '2045-01-01',
      status: 'shelved',
    });
    const after = await li().archives.list.query({ community: XIANGSHAN, expired: true });
    expect(after.items.map((i) => i.id)).not.toContain(kept.id);
    // Not a destruction: the destruction list does not name it.
    const list = await li().archives.destructions.query({ community: XIANGSHAN });
    expect(list.map((row) => row.title)).not.toContain('2014年居民代表会议记录');
    const [audit] = await database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'archive.retain'), eq(auditLog.entityId, kept.id)));
    expect(audit).toMatchObject({
      before: { retention: 'years10', expiresOn: '2025-01-01' },
      after: { retention: 'years30', decisionNumber: '鉴〔2026〕3号', approvedBy: [id('wang')] },
    });
    const [entry] = await database.db
      .select({ payload: custodyLog.payload })
      .from(custodyLog)
      .where(and(eq(custodyLog.action, 'archive.retain'), sql`${custodyLog.payload}->>'item' = ${kept.id}`));
    expect(entry?.payload).toMatchObject({
      decisionNumber: '鉴〔2026〕3号',
      previousRetention: 'years10',
      retention: 'years30',
      expiresOn: '2045-01-01',
    });
    // Kept for 30 years now, so a destruction decision waits for 2045 again.
    const early = await rejection(
      li().archives.appraise.mutate({
        id: kept.id,
        decision: 'destroy',
        decisionNumber: '鉴〔2026〕4号',
        ...decision,
        approvedBy: [id('wang')],
      }),
    );
    expect(early.message).toContain('保管期限未满');
  });

  it('refuses a retention that is not longer, on the field, and one without a new retention', async () => {
    const thirty = await li().archives.create.mutate(
      paperItem('1990年居委会会议记录', { retention: 'years30', date: '1990-03-01' }),
    );
    const retain = (retention: 'years10' | 'years30') =>
      rejection(
        li().archives.appraise.mutate({
          id: thirty.id,
          decision: 'retain',
          retention,
          decisionNumber: '鉴〔2026〕5号',
          ...decision,
          approvedBy: [id('wang')],
        }),
      );
    expect((await retain('years10')).data?.fieldErrors).toEqual({
      retention: ['保管期限：延长后的保管期限（定期10年）须长于现保管期限（定期30年）'],
    });
    expect((await retain('years30')).data?.fieldErrors).toEqual({
      retention: ['保管期限：延长后的保管期限（定期30年）须长于现保管期限（定期30年）'],
    });
    const missing = await rejection(
      li().archives.appraise.mutate({
        id: thirty.id,
        decision: 'retain',
        decisionNumber: '鉴〔2026〕5号',
        ...decision,
        approvedBy: [id('wang')],
      }),
    );
    expect(missing.data?.fieldErrors).toHaveProperty('retention');
    const item = await li().archives.get.query({ id: thirty.id });
    expect(item).toMatchObject({ retention: 'years30', expiresOn: '2021-01-01' });
  });

  it('of two decisions on one item at once, exactly one is recorded; destroy still works', async () => {
    const old = await li().archives.create.mutate(
      paperItem('2011年简报', { retention: 'years10', date: '2011-04-01' }),
    );
    const base = { id: old.id, ...decision, approvedBy: [id('wang')] };
    const outcomes = await Promise.allSettled([
      li().archives.appraise.mutate({
        ...base,
        decision: 'retain',
        retention: 'permanent',
        decisionNumber: '鉴〔2026〕6号',
      }),
      li().archives.appraise.mutate({ ...base, decision: 'destroy', decisionNumber: '鉴〔2026〕7号' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const item = await li().archives.get.query({ id: old.id });
    const list = await li().archives.destructions.query({ community: XIANGSHAN });
    const listed = list.some((row) => row.title === '2011年简报');
    // Either kept for good and not in the destruction list, or listed for destruction and not extended.
    expect(item.retention === 'permanent').toBe(!listed);
    if (listed) {
      await li().archives.destroy.mutate({ id: old.id, method: '粉碎' });
      expect((await li().archives.get.query({ id: old.id })).status).toBe('destroyed');
    }
    const due = await li().archives.create.mutate(
      paperItem('2010年简报', { retention: 'years10', date: '2010-04-01' }),
    );
    const appraised = await li().archives.appraise.mutate({
      ...base,
      id: due.id,
      decision: 'destroy',
      decisionNumber: '鉴〔2026〕8号',
    });
    expect(appraised).toMatchObject({ decision: 'destroy', appraisal: { state: 'appraised' } });
    await li().archives.destroy.mutate({ id: due.id, method: '粉碎' });
    expect((await li().archives.get.query({ id: due.id })).status).toBe('destroyed');
  });
});

describe('attachments', () => {
  it('stores the SHA-256 and a fixity check finds a file changed on disk', async () => {
    const item = await li().archives.create.mutate(paperItem('扫描件测试'));
    const content = Buffer.from('扫描件内容');
    const attachment = await li().archives.attach.mutate({
      id: item.id,
      fileName: 'scan.txt',
      mediaType: 'text/plain',
      contentBase64: content.toString('base64'),
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await li().archives.fixityCheck.mutate({ attachmentId: attachment.id })).toMatchObject({
      ok: true,
    });
    const path = join(process.env.SHEQU_ATTACHMENTS_DIR as string, attachment.storageKey);
    await writeFile(path, 'altered');
    const check = await li().archives.fixityCheck.mutate({ attachmentId: attachment.id });
    expect(check).toMatchObject({ ok: false, expected: attachment.sha256 });
    const tooBig = await rejection(
      li().archives.attach.mutate({
        id: item.id,
        fileName: 'big.bin',
        mediaType: 'application/octet-stream',
        contentBase64: Buffer.alloc(720 * 1024).toString('base64'),
      }),
    );
    expect(tooBig.data?.code).toBe('BAD_REQUEST');
    expect(await readdir(join(process.env.SHEQU_ATTACHMENTS_DIR as string, XIANGSHAN))).toHaveLength(1);
  });
});

describe('seals', () => {
  let sealId: string;
  beforeAll(async () => {
    const seal = await jinshan().seals.register.mutate({
      community: XIANGSHAN,
      name: '象山社区居民委员会印章',
      owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
      custodianId: id('li'),
      storagePlace: '办公室保险柜',
      approverIds: [id('wang'), id('zhao')],
    });
    sealId = seal.id;
  });

  it('use: request → approval by a named approver (never oneself) → stamping by the custodian', async () => {
    const sun = as.sun as TestClient;
    const wang = as.wang as TestClient;
    const request = await sun.seals.requestUse.mutate({
      sealId,
      purpose: '出具居住证明',
      document: '居住证明',
      copies: 1,
    });
    expect((await wang.seals.inbox.query()).map((r) => r.id)).toEqual([request.id]);
    expect(await sun.seals.inbox.query()).toEqual([]);
    const notApprover = await rejection(sun.seals.approve.mutate({ requestId: request.id }));
    expect(notApprover.data?.code).toBe('FORBIDDEN');
    // An administrator passes the access check, and the store still wants a named approver.
    const adminNotApprover = await rejection(jinshan().seals.approve.mutate({ requestId: request.id }));
    expect(adminNotApprover.message).toContain('不是印章');
    const stampEarly = await rejection(li().seals.stamp.mutate({ requestId: request.id }));
    expect(stampEarly.message).toContain('待审批');
    await wang.seals.approve.mutate({ requestId: request.id });
    const notCustodian = await rejection(wang.seals.stamp.mutate({ requestId: request.id }));
    expect(notCustodian.message).toContain('保管人');
    await li().seals.stamp.mutate({ requestId: request.id });
    const mine = await sun.seals.mine.query();
    expect(mine).toMatchObject([{ id: request.id, state: 'stamped', copiesStamped: 1 }]);
    // The seal's history says when it was stamped, by whom and how many copies.
    const history = await li().seals.get.query({ id: request.sealId });
    expect(history.requests.find((r) => r.id === request.id)).toMatchObject({
      stampedAt: clock.now().toISOString(),
      stamperName: 'li',
      copiesStamped: 1,
    });
  });

  it('writes the row, the audit record and the log entry together', async () => {
    const stamps = await database.db
      .select({ seq: custodyLog.seq })
      .from(custodyLog)
      .where(and(eq(custodyLog.communityCode, XIANGSHAN), eq(custodyLog.action, 'seal.use.stamp')));
    const audits = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.action, 'seal.use.stamp'));
    expect(stamps).toHaveLength(1);
    expect(audits).toHaveLength(1);
  });

  it('two approvers deciding one request at once: exactly one decision stands', async () => {
    const request = await (as.sun as TestClient).seals.requestUse.mutate({
      sealId,
      purpose: '并发审批',
      document: '证明',
      copies: 1,
    });
    const results = await Promise.allSettled([
      (as.wang as TestClient).seals.approve.mutate({ requestId: request.id }),
      (as.zhao as TestClient).seals.refuse.mutate({ requestId: request.id, reason: '材料不全' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const decisions = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(custodyLog)
      .where(
        sql`${custodyLog.payload}->>'request' = ${request.id} and ${custodyLog.action} in ('seal.use.approve', 'seal.use.refuse')`,
      );
    expect(decisions[0]?.n).toBe(1);
  });

  it('taking out: many approved removals at once, exactly one seal goes out; overdue is flagged', async () => {
    const sun = as.sun as TestClient;
    const returnBy = new Date(clock.now().getTime() + 4 * 3_600_000).toISOString();
    const removals = [];
    for (let i = 0; i < 4; i++) {
      const removal = await sun.seals.requestTakeOut.mutate({
        sealId,
        reason: `到区民政局办事 ${i}`,
        destination: '区民政局',
        returnBy,
      });
      await (as.wang as TestClient).seals.approveTakeOut.mutate({ requestId: removal.id });
      removals.push(removal);
    }
    const results = await Promise.allSettled(
      removals.map((r) => li().seals.takeOut.mutate({ requestId: r.id })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      expect((lost as PromiseRejectedResult).reason.data?.code).toBe('CONFLICT');
    }
    const out = await li().seals.list.query({ community: XIANGSHAN });
    expect(out).toMatchObject([{ state: 'takenOut' }]);
    const outRequest = out[0]?.out?.requestId as string;
    expect(await (as.jinshan as TestClient).seals.overdue.query({})).toEqual([]);
    const jinshan = as.jinshan as TestClient;
    const outInTown = await jinshan.seals.out.query({ jurisdictionCode: JINSHAN });
    expect(outInTown.map((r) => r.id)).toEqual([outRequest]);
    expect(outInTown[0]).toMatchObject({
      communityName: '象山社区居委会',
      sealName: '象山社区居民委员会印章',
      requesterName: 'sun',
      deciderName: 'wang',
      custodianName: 'li',
    });
    expect((await li().seals.out.query({ communityCode: XIANGSHAN })).map((r) => r.id)).toEqual([outRequest]);
    expect((await li().seals.out.query({})).map((r) => r.id)).toEqual([outRequest]);
    const neighbour = as.neighbour as TestClient;
    // A worker of another community who keeps nothing there sees no seals out at all.
    expect((await rejection(neighbour.seals.out.query({}))).data?.code).toBe('FORBIDDEN');
    expect((await rejection(neighbour.seals.out.query({ communityCode: SHIHUAJIAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(neighbour.seals.out.query({ communityCode: XIANGSHAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(neighbour.seals.out.query({ jurisdictionCode: JINSHAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await rejection(li().seals.out.query({ jurisdictionCode: JINSHAN, communityCode: XIANGSHAN }))).data
        ?.code,
    ).toBe('BAD_REQUEST');
    clock.advance(5 * 3_600_000);
    const overdueSeals = await jinshan.seals.overdue.query({});
    expect(overdueSeals.map((r) => r.id)).toEqual([outRequest]);
    expect(overdueSeals[0]).toMatchObject({ communityName: '象山社区居委会', requesterName: 'sun' });
    expect((await rejection(neighbour.seals.overdue.query({}))).data?.code).toBe('FORBIDDEN');
    await li().seals.returnSeal.mutate({ requestId: outRequest });
    expect(await li().seals.list.query({ community: XIANGSHAN })).toMatchObject([
      { state: 'inUse', out: null },
    ]);
  });
});

describe('the database itself', () => {
  it('refuses a second seal_requests row "out" for one seal, even when the application check is skipped', async () => {
    const [seal] = await li().seals.list.query({ community: XIANGSHAN });
    const sun = as.sun as TestClient;
    const returnBy = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const a = await sun.seals.requestTakeOut.mutate({ sealId: seal?.id as string, reason: '甲', returnBy });
    const b = await sun.seals.requestTakeOut.mutate({ sealId: seal?.id as string, reason: '乙', returnBy });
    const writes = await Promise.allSettled(
      [a.id, b.id].map((requestId) =>
        database.db.transaction(async (tx) => {
          await tx.update(sealRequests).set({ state: 'out' }).where(eq(sealRequests.id, requestId));
        }),
      ),
    );
    expect(writes.filter((w) => w.status === 'fulfilled')).toHaveLength(1);
    await database.db
      .update(sealRequests)
      .set({ state: 'withdrawn' })
      .where(inArray(sealRequests.id, [a.id, b.id]));
  });
});

describe('departure handover', () => {
  const opening = () => ({
    community: XIANGSHAN,
    leaverId: id('li'),
    successorId: id('zhao'),
    supervisorId: id('liu'),
    supervisorBody: 'town-discipline-committee' as const,
    dueOn: '2026-04-30',
    financeRecords: [],
  });

  it('refuses a deadline before the day the list is opened, on the deadline field', async () => {
    const day = (offset: number) =>
      new Date(clock.now().getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const past = await rejection(jinshan().handovers.create.mutate({ ...opening(), dueOn: day(-1) }));
    expect(past.data?.code).toBe('BAD_REQUEST');
    expect(past.data?.fieldErrors?.dueOn).toEqual([`移交期限不能早于清单建立之日（${day(0)}）`]);
    expect(await jinshan().handovers.list.query({ community: XIANGSHAN })).toEqual([]);
  });

  it('refuses to open the list while a seal in the leaver’s keeping is taken out, naming the seal', async () => {
    const [seal] = await li().seals.list.query({ community: XIANGSHAN });
    const returnBy = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const removal = await (as.sun as TestClient).seals.requestTakeOut.mutate({
      sealId: seal?.id as string,
      reason: '到区民政局办事',
      returnBy,
    });
    await (as.wang as TestClient).seals.approveTakeOut.mutate({ requestId: removal.id });
    await li().seals.takeOut.mutate({ requestId: removal.id });
    const out = await rejection(jinshan().handovers.create.mutate(opening()));
    expect(out.data?.code).toBe('BAD_REQUEST');
    expect(out.data?.fieldErrors?.leaverId?.[0]).toContain(
      '「象山社区居民委员会印章」正在外带，须先归还固定存放处，才能发起离任移交',
    );
    expect(out.message).toContain('鄂州 第四十条；金山镇 第十八条');
    expect(await jinshan().handovers.list.query({ community: XIANGSHAN })).toEqual([]);
    await li().seals.returnSeal.mutate({ requestId: removal.id });
  });

  it('lists what the leaver keeps, needs the supervisor last, records a problem with 第十八条’s consequence', async () => {
    const handover = await jinshan().handovers.create.mutate({
      community: XIANGSHAN,
      leaverId: id('li'),
      successorId: id('zhao'),
      supervisorId: id('liu'),
      supervisorBody: 'town-discipline-committee',
      dueOn: '2026-04-30',
      financeRecords: [{ ref: '2026年财务账簿', description: '凭证 3 册' }],
    });
    const form = await (as.liu as TestClient).handovers.get.query({ id: handover.row.id });
    expect(form.items.filter((i) => i.kind === 'seal').map((i) => i.ref)).toEqual(['象山社区居民委员会印章']);
    expect(form.items.filter((i) => i.kind === 'archive').length).toBeGreaterThan(3);
    expect(form.items.some((i) => i.ref.includes('2012') || i.description === '2012年简报')).toBe(false);
    // Nobody confirms a list whose items nobody has checked yet.
    const unchecked = await rejection(li().handovers.confirm.mutate({ id: handover.row.id, role: 'leaver' }));
    expect(unchecked.message).toContain('项待核对');
    const impostor = await rejection(
      (as.sun as TestClient).handovers.confirm.mutate({ id: handover.row.id, role: 'leaver' }),
    );
    expect(impostor.data?.code).toBe('FORBIDDEN');

    const archive = form.items.find((i) => i.kind === 'archive');
    await (as.zhao as TestClient).handovers.recordProblem.mutate({
      id: handover.row.id,
      itemId: archive?.id as string,
      condition: 'damaged',
      note: '封面水渍',
    });
    const withProblem = await li().handovers.get.query({ id: handover.row.id });
    expect(withProblem.consequences.map((c) => c.kind)).toContain('forfeitBonus');
    expect(withProblem.citation.article).toBe('第十八条');

    // Everything else is checked and found intact before anyone confirms.
    for (const item of form.items.filter((i) => i.id !== archive?.id)) {
      await (as.zhao as TestClient).handovers.recordProblem.mutate({
        id: handover.row.id,
        itemId: item.id,
        condition: 'intact',
      });
    }
    const tooEarly = await rejection(
      (as.liu as TestClient).handovers.confirm.mutate({ id: handover.row.id, role: 'supervisor' }),
    );
    expect(tooEarly.message).toContain('监督人才能确认');
    await li().handovers.confirm.mutate({ id: handover.row.id, role: 'leaver' });
    await (as.zhao as TestClient).handovers.confirm.mutate({ id: handover.row.id, role: 'successor' });
    await (as.liu as TestClient).handovers.confirm.mutate({ id: handover.row.id, role: 'supervisor' });
    const done = await li().handovers.get.query({ id: handover.row.id });
    expect(done.state).toBe('completed');
    const seals = await li().seals.list.query({ community: XIANGSHAN });
    expect(seals.map((s) => s.custodianId)).toEqual([id('zhao')]);
    // Having handed everything over, li keeps nothing and no longer sees the catalogue.
    expect((await rejection(li().archives.list.query({ community: XIANGSHAN }))).data?.code).toBe(
      'FORBIDDEN',
    );
    // The destroyed 2012 item stays on its last custodian's record; nothing on the shelf does.
    const stillMine = await jinshan().archives.list.query({
      community: XIANGSHAN,
      custodianId: id('li'),
      status: 'shelved',
    });
    expect(stillMine.total).toBe(0);
    const handedOver = form.items.filter((i) => i.kind === 'archive').map((i) => i.refId);
    const nowZhaos = await jinshan().archives.list.query({
      community: XIANGSHAN,
      custodianId: id('zhao'),
      pageSize: 100,
    });
    expect(nowZhaos.items.map((i) => i.id).sort()).toEqual([...handedOver].sort());
    const wangsOwn = await jinshan().archives.list.query({ community: XIANGSHAN, custodianId: id('wang') });
    expect(wangsOwn.items.map((i) => i.title)).toEqual(['王某保管的永久档案']);
  });
});

describe('custody log', () => {
  it('signs a checkpoint that verifies now and fails once a stored entry is changed', async () => {
    const zhao = as.zhao as TestClient;
    const { size, entries } = await zhao.custody.entries.query({ community: XIANGSHAN, limit: 5 });
    expect(size).toBeGreaterThan(20);
    expect(entries[0]).toMatchObject({ seq: 1, action: 'archive.file', actionLabel: '档案归档' });
    // Read by people: who by name, what in Chinese, no ids (the stored entry keeps them).
    await database.db
      .update(users)
      .set({ displayName: '金山镇档案管理员' })
      .where(eq(users.username, 'jinshan'));
    const [first] = (await zhao.custody.entries.query({ community: XIANGSHAN, limit: 1 })).entries;
    expect(first).toMatchObject({ actor: 'jinshan', actorName: '金山镇档案管理员' });
    expect(first?.details).toContain('档号：');
    expect(first?.details).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const checkpoint = await (as.jinshan as TestClient).custody.checkpoint.mutate({ community: XIANGSHAN });
    expect(checkpoint.size).toBe(size);
    const { publicKey } = await li().custody.publicKey.query();
    expect(checkpoint.publicKey).toBe(publicKey);
    expect(await zhao.custody.verify.mutate({ community: XIANGSHAN, checkpoint })).toMatchObject({
      ok: true,
      trustedKey: true,
    });
    await database.db.execute(
      sql`update custody_log set actor = 'someone-else' where community_code = ${XIANGSHAN} and seq = 3`,
    );
    expect(await zhao.custody.verify.mutate({ community: XIANGSHAN, checkpoint })).toMatchObject({
      ok: false,
      problem: { seq: 3 },
    });
    const neighbour = await rejection(
      (as.neighbour as TestClient).custody.entries.query({ community: XIANGSHAN }),
    );
    expect(neighbour.data?.code).toBe('FORBIDDEN');
  });

  it('says in Chinese which member of a malformed checkpoint is wrong', async () => {
    const refused = await rejection(
      (as.zhao as TestClient).custody.verify.mutate({
        community: XIANGSHAN,
        checkpoint: { format: 'shequ.custody-checkpoint/v1', size: 'abc' },
      }),
    );
    expect(refused.message).toBe('检查点格式不对');
    expect(refused.data?.fieldErrors).toMatchObject({
      'checkpoint.size': ['应为数字'],
      'checkpoint.root': ['必填'],
      'checkpoint.signature': ['必填'],
    });
  });
});
