import { custodyCheckpoint } from '@shequ/archives';
import { auditLog, checkpoints, custodyLog, sealRequests, users } from '@shequ/db';
import { tamperAsSuperuser } from '@shequ/db/testing';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { archivesSuite, committeeSealKeptBy } from './archives-suite.js';
import { JINSHAN, SHIHUAJIAN, XIANGSHAN } from './fixture.js';
import { rejection, type TestClient } from './harness.js';

const suite = archivesSuite();
const { as, li, jinshan, id, paperItem } = suite;

beforeAll(async () => {
  // What li keeps when the handover is opened, and one item wang keeps, filed by the street administrator:
  // the log's first entries.
  for (const title of [
    '2025年居民代表会议记录',
    '2025年社区工作台账',
    '2025年网格员名册',
    '2025年荣誉证书',
  ]) {
    await jinshan().archives.create.mutate(paperItem(title));
  }
  // Someone else's item, which the handover leaves where it is.
  await jinshan().archives.create.mutate(
    paperItem('王某保管的永久档案', { retention: 'permanent', custodianId: id('wang') }),
  );
});

describe('seals', () => {
  let sealId: string;
  beforeAll(async () => {
    const seal = await jinshan().seals.register.mutate(
      committeeSealKeptBy(id('li'), [id('wang'), id('zhao')]),
    );
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
      stampedAt: suite.clock().now().toISOString(),
      stamperName: 'li',
      copiesStamped: 1,
    });
  });

  it('writes the row, the audit record and the log entry together', async () => {
    const stamps = await suite
      .database()
      .db.select({ seq: custodyLog.seq })
      .from(custodyLog)
      .where(and(eq(custodyLog.communityCode, XIANGSHAN), eq(custodyLog.action, 'seal.use.stamp')));
    const audits = await suite
      .database()
      .db.select({ id: auditLog.id })
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
    const decisions = await suite
      .database()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(custodyLog)
      .where(
        sql`${custodyLog.payload}->>'request' = ${request.id} and ${custodyLog.action} in ('seal.use.approve', 'seal.use.refuse')`,
      );
    expect(decisions[0]?.n).toBe(1);
  });

  it('taking out: many approved removals at once, exactly one seal goes out; overdue is flagged', async () => {
    const sun = as.sun as TestClient;
    const returnBy = new Date(suite.clock().now().getTime() + 4 * 3_600_000).toISOString();
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
    suite.clock().advance(5 * 3_600_000);
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
    const returnBy = new Date(suite.clock().now().getTime() + 3_600_000).toISOString();
    const a = await sun.seals.requestTakeOut.mutate({ sealId: seal?.id as string, reason: '甲', returnBy });
    const b = await sun.seals.requestTakeOut.mutate({ sealId: seal?.id as string, reason: '乙', returnBy });
    const writes = await Promise.allSettled(
      [a.id, b.id].map((requestId) =>
        suite.database().db.transaction(async (tx) => {
          await tx.update(sealRequests).set({ state: 'out' }).where(eq(sealRequests.id, requestId));
        }),
      ),
    );
    expect(writes.filter((w) => w.status === 'fulfilled')).toHaveLength(1);
    await suite
      .database()
      .db.update(sealRequests)
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
      new Date(suite.clock().now().getTime() + 8 * 3_600_000 + offset * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const past = await rejection(jinshan().handovers.create.mutate({ ...opening(), dueOn: day(-1) }));
    expect(past.data?.code).toBe('BAD_REQUEST');
    expect(past.data?.fieldErrors?.dueOn).toEqual([`移交期限不能早于清单建立之日（${day(0)}）`]);
    expect(await jinshan().handovers.list.query({ community: XIANGSHAN })).toEqual([]);
  });

  it('refuses to open the list while a seal in the leaver’s keeping is taken out, naming the seal', async () => {
    const [seal] = await li().seals.list.query({ community: XIANGSHAN });
    const returnBy = new Date(suite.clock().now().getTime() + 3_600_000).toISOString();
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
    // One of li's items is out on loan when the list is opened: the form says so, never 完好.
    const lentItem = (
      await jinshan().archives.list.query({ community: XIANGSHAN, custodianId: id('li'), pageSize: 100 })
    ).items.find((i) => i.title === '2025年荣誉证书');
    const dueOn = new Date(suite.clock().now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await li().archives.lend.mutate({ id: lentItem?.id as string, borrower: '孙立', dueOn });
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
    const checked = await li().handovers.get.query({ id: handover.row.id });
    const lentEntry = checked.items.find((i) => i.refId === lentItem?.id);
    expect(lentEntry?.loan).toEqual({ borrower: '孙立', dueOn, label: '借出中' });
    expect(lentEntry?.conditionLabel).toBe('借出中');
    expect(checked.items.filter((i) => i.loan).map((i) => i.refId)).toEqual([lentItem?.id]);
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
    await suite
      .database()
      .db.update(users)
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
    await tamperAsSuperuser(
      suite.database(),
      'custody_log',
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

  it('checks the stored log against what the street witnessed on every open, and the street workbench lists it', async () => {
    // The completed handover above issued a checkpoint at once, and the street co-signed it.
    const handoverCheckpoints = await suite
      .database()
      .db.select({ size: checkpoints.size })
      .from(checkpoints)
      .where(and(eq(checkpoints.communityCode, XIANGSHAN), eq(checkpoints.occasion, 'handover')));
    expect(handoverCheckpoints).toHaveLength(1);
    const witnessed = await (as.zhao as TestClient).custody.witnessedCheckpoint.query({
      community: XIANGSHAN,
    });
    expect(custodyCheckpoint.parse(witnessed).cosignatures?.map((c) => c.witness)).toEqual([JINSHAN]);
    // seq 3 was changed in the database above: named without anyone pasting a checkpoint.
    expect(await (as.zhao as TestClient).custody.status.query({ community: XIANGSHAN })).toMatchObject({
      state: 'failed',
      problem: { seq: 3 },
    });
    const bench = await (as.jinshan as TestClient).workbench.mine.query();
    expect(bench.custodyLogs).toMatchObject({
      checked: true,
      items: [{ community: XIANGSHAN, state: 'failed', problem: { seq: 3 } }],
    });
    // Every scope above the street checks its communities' logs too: the district's administrator,
    // the city's auditor; another city's administrator sees none of 金山镇's.
    for (const above of ['linzi', 'zibo'] as const) {
      expect((await (as[above] as TestClient).workbench.mine.query()).custodyLogs).toMatchObject({
        checked: true,
        items: [{ community: XIANGSHAN, state: 'failed', problem: { seq: 3 } }],
      });
    }
    expect((await (as.weihai as TestClient).workbench.mine.query()).custodyLogs).toEqual({
      checked: true,
      items: [],
    });
    // A community worker's workbench does not check the street's logs.
    expect((await (as.zhao as TestClient).workbench.mine.query()).custodyLogs).toEqual({
      checked: false,
      items: [],
    });
    const neighbour = await rejection(
      (as.neighbour as TestClient).custody.status.query({ community: XIANGSHAN }),
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
