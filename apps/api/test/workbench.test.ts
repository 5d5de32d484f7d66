/**
 * 工作台 per role: each person sees what waits for them and nothing outside their standing or scope —
 * the approver their approvals, the custodian the approved requests to stamp and the overdue loans and
 * seals to chase (催还, recorded in the audit log), the borrower their own overdue loan, the parties of a
 * handover their missing confirmations, the street and the auditor their town, a neighbouring
 * community's worker none of 象山's.
 */
import { auditLog } from '@shequ/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { archivesSuite, committeeSealKeptBy, paperItemKeptBy } from './archives-suite.js';
import { JINSHAN, SHIHUAJIAN, XIANGSHAN } from './fixture.js';
import { rejection, type TestClient } from './harness.js';

const accounts = {
  keeper: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  approver: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  plain: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  neighbour: { role: 'communityWorker', jurisdictionCode: SHIHUAJIAN },
  street: { role: 'streetAdmin', jurisdictionCode: JINSHAN },
  auditor: { role: 'auditor', jurisdictionCode: JINSHAN },
} as const;
type Who = keyof typeof accounts;

let useRequest: string;
let removal: string;
let loanId: string;
let handoverId: string;
let handoverItemId: string;

const suite = archivesSuite({}, accounts);
const client = (who: Who) => suite.as[who] as TestClient;
const id = (who: Who) => suite.id(who);
const workbenchOf = (who: Who) => client(who).workbench.mine.query();

beforeAll(async () => {
  const street = client('street');
  const item = await street.archives.create.mutate(
    paperItemKeptBy(id('keeper'), '2025年工作台账', { location: { room: '档案室' } }),
  );
  const seal = await street.seals.register.mutate(committeeSealKeptBy(id('keeper'), [id('approver')]));
  useRequest = (
    await client('plain').seals.requestUse.mutate({
      sealId: seal.id,
      purpose: '居住证明',
      document: '证明',
      copies: 1,
    })
  ).id;
  removal = (
    await client('plain').seals.requestTakeOut.mutate({
      sealId: seal.id,
      reason: '到区民政局办理备案',
      returnBy: '2026-03-03T09:00:00+08:00',
    })
  ).id;
  await client('approver').seals.approveTakeOut.mutate({ requestId: removal });
  await client('keeper').seals.takeOut.mutate({ requestId: removal });
  await client('keeper').archives.lend.mutate({
    id: item.id,
    borrower: 'plain',
    borrowerId: id('plain'),
    dueOn: '2026-03-05',
  });
  const loans = await client('keeper').archives.loans.query({ communityCode: XIANGSHAN });
  loanId = loans.items[0]?.loanId ?? '';
  const handover = await street.handovers.create.mutate({
    community: XIANGSHAN,
    leaverId: id('approver'),
    successorId: id('plain'),
    supervisorId: id('auditor'),
    supervisorBody: 'town-discipline-committee',
    dueOn: '2026-04-30',
    financeRecords: [{ ref: '2025 年现金日记账', description: '1 册，记至 12 月 31 日' }],
  });
  handoverId = handover.row.id;
  handoverItemId = handover.items[0]?.id ?? '';
}, 60_000);

describe('approvals and stamping', () => {
  it('the approver finds the request waiting for them; the requester, the auditor and the neighbour do not', async () => {
    expect((await workbenchOf('approver')).approvals.map((row) => row.id)).toEqual([useRequest]);
    expect((await workbenchOf('approver')).approvals[0]).toMatchObject({
      sealName: '象山社区居民委员会印章',
      requesterName: 'plain',
      kind: 'use',
    });
    expect((await workbenchOf('plain')).approvals).toEqual([]);
    expect((await workbenchOf('auditor')).approvals).toEqual([]);
    expect((await workbenchOf('neighbour')).approvals).toEqual([]);
  });

  it('once approved, the request waits for the custodian to stamp, seen by the keeper and the street', async () => {
    await client('approver').seals.approve.mutate({ requestId: useRequest });
    expect((await workbenchOf('approver')).approvals).toEqual([]);
    const keeper = await workbenchOf('keeper');
    expect(keeper.toStamp).toMatchObject([{ id: useRequest, state: 'approved', canAct: true }]);
    expect((await workbenchOf('street')).toStamp).toMatchObject([{ id: useRequest, canAct: true }]);
    expect((await workbenchOf('auditor')).toStamp).toMatchObject([{ id: useRequest, canAct: false }]);
    expect((await workbenchOf('plain')).toStamp).toEqual([]);
    expect((await workbenchOf('neighbour')).toStamp).toEqual([]);
    await client('keeper').seals.stamp.mutate({ requestId: useRequest });
    expect((await workbenchOf('keeper')).toStamp).toEqual([]);
  });
});

describe('overdue loans and seals, and 催还', () => {
  it('nothing is overdue before its deadline', async () => {
    const keeper = await workbenchOf('keeper');
    expect(keeper.overdueLoans).toEqual([]);
    expect(keeper.overdueSeals).toEqual([]);
  });

  it('past the deadlines the keeper, the street and the auditor see both; the borrower their own loan', async () => {
    suite.clock().advance(5 * 86_400_000);
    const keeper = await workbenchOf('keeper');
    expect(keeper.overdueLoans).toMatchObject([
      { id: loanId, title: '2025年工作台账', dueOn: '2026-03-05', canRemind: true, lastRemindedAt: null },
    ]);
    expect(keeper.overdueSeals).toMatchObject([{ id: removal, canRemind: true }]);
    const street = await workbenchOf('street');
    expect(street.overdueLoans.map((row) => row.canRemind)).toEqual([true]);
    expect(street.overdueSeals.map((row) => row.canRemind)).toEqual([true]);
    const auditor = await workbenchOf('auditor');
    expect(auditor.overdueLoans.map((row) => row.canRemind)).toEqual([false]);
    const borrower = await workbenchOf('plain');
    expect(borrower.overdueLoans).toMatchObject([{ id: loanId, canRemind: false }]);
    // The plain worker requested the removal, so the seal out under it is theirs to bring back.
    expect(borrower.overdueSeals).toMatchObject([{ id: removal, canRemind: false }]);
    const approver = await workbenchOf('approver');
    expect(approver.overdueLoans).toEqual([]);
    const neighbour = await workbenchOf('neighbour');
    expect(neighbour.overdueLoans).toEqual([]);
    expect(neighbour.overdueSeals).toEqual([]);
  });

  it('the keeper records a 催还 in the audit log, and the workbench shows when', async () => {
    const { remindedAt } = await client('keeper').workbench.remind.mutate({ kind: 'loan', loanId });
    expect(remindedAt).toBe(suite.clock().now().toISOString());
    const records = await suite
      .database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'archive.remind'), eq(auditLog.entityId, loanId)));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actorId: id('keeper'),
      jurisdictionCode: XIANGSHAN,
      entityType: 'archiveLoan',
      after: { borrower: 'plain', dueOn: '2026-03-05', title: '2025年工作台账' },
    });
    expect((await workbenchOf('keeper')).overdueLoans[0]?.lastRemindedAt).toBe(remindedAt);
    // Like the loan register itself, the reminder stays out of a plain worker's audit log.
    const seenByPlain = await client('plain').audit.list.query({ entityType: 'archiveLoan' });
    expect(seenByPlain.total).toBe(0);
    expect((await client('keeper').audit.list.query({ entityType: 'archiveLoan' })).total).toBe(1);
    await client('street').workbench.remind.mutate({ kind: 'seal', requestId: removal });
    expect((await workbenchOf('keeper')).overdueSeals[0]?.lastRemindedAt).toBe(
      suite.clock().now().toISOString(),
    );
  });

  it('refuses a 催还 by the borrower, the auditor and a neighbour, and of an unknown or malformed subject', async () => {
    const plain = await rejection(client('plain').workbench.remind.mutate({ kind: 'loan', loanId }));
    expect(plain.data?.code).toBe('FORBIDDEN');
    expect(plain.message).toBe('只有档案、印章保管人和上级管理员可以办理');
    const auditor = await rejection(client('auditor').workbench.remind.mutate({ kind: 'loan', loanId }));
    expect(auditor.data?.code).toBe('FORBIDDEN');
    const neighbour = await rejection(
      client('neighbour').workbench.remind.mutate({ kind: 'seal', requestId: removal }),
    );
    expect(neighbour.data?.code).toBe('NOT_FOUND');
    expect(neighbour.message).toBe('没有这次印章外带');
    const unknown = await rejection(
      client('keeper').workbench.remind.mutate({
        kind: 'loan',
        loanId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(unknown.data?.code).toBe('NOT_FOUND');
    const malformed = await rejection(
      client('keeper').workbench.remind.mutate({ kind: 'loan', loanId: 'x' }),
    );
    expect(malformed.data?.code).toBe('BAD_REQUEST');
    expect(malformed.data?.fieldErrors?.loanId).toEqual(['应为有效的编号']);
  });

  it('a returned seal needs no 催还 and leaves the lists', async () => {
    await client('keeper').seals.returnSeal.mutate({ requestId: removal });
    const done = await rejection(
      client('keeper').workbench.remind.mutate({ kind: 'seal', requestId: removal }),
    );
    expect(done.data?.code).toBe('CONFLICT');
    expect(done.message).toContain('无需催还');
    expect((await workbenchOf('keeper')).overdueSeals).toEqual([]);
  });
});

describe('handovers and failing checks', () => {
  it('each party sees the handover until they confirm; others do not', async () => {
    expect((await workbenchOf('approver')).handovers).toMatchObject([{ id: handoverId, role: 'leaver' }]);
    expect((await workbenchOf('plain')).handovers).toMatchObject([{ id: handoverId, role: 'successor' }]);
    expect((await workbenchOf('auditor')).handovers).toMatchObject([{ id: handoverId, role: 'supervisor' }]);
    expect((await workbenchOf('keeper')).handovers).toEqual([]);
    expect((await workbenchOf('street')).handovers).toEqual([]);
    await client('plain').handovers.recordProblem.mutate({
      id: handoverId,
      itemId: handoverItemId,
      condition: 'intact',
    });
    await client('approver').handovers.confirm.mutate({ id: handoverId, role: 'leaver' });
    expect((await workbenchOf('approver')).handovers).toEqual([]);
    expect((await workbenchOf('plain')).handovers).toHaveLength(1);
  });

  it('failing checks stay within each person’s jurisdiction', async () => {
    const neighbour = await workbenchOf('neighbour');
    expect(neighbour.failing.items.every((row) => row.code === SHIHUAJIAN)).toBe(true);
    const street = await workbenchOf('street');
    expect(street.failing.items.every((row) => row.code.startsWith(JINSHAN))).toBe(true);
    expect(street.failing.total).toBeGreaterThanOrEqual(street.failing.items.length);
  });
});
