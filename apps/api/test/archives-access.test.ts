import { auditLog, custodyLog } from '@shequ/db';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { archivesSuite, committeeSealKeptBy, paperItemKeptBy } from './archives-suite.js';
import { JINSHAN, SHIHUAJIAN, XIANGSHAN } from './fixture.js';
import { rejection, type TestClient } from './harness.js';

const CANNOT_SEE = '只有档案、印章保管人和上级管理员可以查看';

const accounts = {
  keeper: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  approver: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  approver2: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  plain: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  neighbour: { role: 'communityWorker', jurisdictionCode: SHIHUAJIAN },
  street: { role: 'streetAdmin', jurisdictionCode: JINSHAN },
  auditor: { role: 'auditor', jurisdictionCode: JINSHAN },
} as const;
type Who = keyof typeof accounts;

const suite = archivesSuite({}, accounts);
const client = (who: Who) => suite.as[who] as TestClient;
const id = (who: Who) => suite.id(who);
let itemId: string;
let sealId: string;
let requestId: string;

function paperItem(title: string, custodianId: string) {
  return paperItemKeptBy(custodianId, title, { location: { room: '档案室' } });
}

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return (await rejection(promise)).data?.code;
}

beforeAll(async () => {
  const street = client('street');
  itemId = (await street.archives.create.mutate(paperItem('2025年工作台账', id('keeper')))).id;
  sealId = (await street.seals.register.mutate(committeeSealKeptBy(id('keeper'), [id('approver')]))).id;
  requestId = (
    await client('plain').seals.requestUse.mutate({
      sealId,
      purpose: '居住证明',
      document: '证明',
      copies: 1,
    })
  ).id;
}, 60_000);

describe('a plain worker of the community', () => {
  it('is refused the catalogue, loans, log, seals out, overdue lists, seal details and handovers', async () => {
    const plain = client('plain');
    const refused = await rejection(plain.archives.list.query({ community: XIANGSHAN }));
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(refused.message).toBe(CANNOT_SEE);
    expect(await code(plain.archives.get.query({ id: itemId }))).toBe('FORBIDDEN');
    expect(await code(plain.archives.loans.query({ communityCode: XIANGSHAN }))).toBe('FORBIDDEN');
    expect(await code(plain.archives.overdueLoans.query({}))).toBe('FORBIDDEN');
    expect(await code(plain.custody.entries.query({ community: XIANGSHAN }))).toBe('FORBIDDEN');
    expect(await code(plain.seals.out.query({}))).toBe('FORBIDDEN');
    expect(await code(plain.seals.overdue.query({}))).toBe('FORBIDDEN');
    expect(await code(plain.seals.get.query({ id: sealId }))).toBe('FORBIDDEN');
    const handovers = await rejection(plain.handovers.list.query({ community: XIANGSHAN }));
    expect(handovers.data?.code).toBe('FORBIDDEN');
    expect(handovers.message).toContain('移交人、接交人、监督人');
    expect(await code(plain.archives.create.mutate(paperItem('自建', id('plain'))))).toBe('FORBIDDEN');
  });

  it('still lists the seals by name and state, files a request and sees it in `mine`', async () => {
    const plain = client('plain');
    const seals = await plain.seals.list.query({ community: XIANGSHAN });
    expect(seals).toMatchObject([{ id: sealId, name: '象山社区居民委员会印章', state: 'inUse', out: null }]);
    const mine = await plain.seals.mine.query();
    expect(mine).toMatchObject([{ id: requestId, state: 'requested', sealName: '象山社区居民委员会印章' }]);
  });

  it('does not read the archive registers through the audit log either, while the custodian does', async () => {
    const archiveTypes = ['archiveItem', 'attachment', 'seal', 'sealRequest', 'sealEndProposal', 'handover'];
    const seenBy = async (who: Parameters<typeof client>[0]) =>
      (await client(who).audit.list.query({ pageSize: 100 })).items.map((record) => record.entityType);
    expect((await seenBy('plain')).filter((type) => archiveTypes.includes(type))).toEqual([]);
    expect(await client('plain').audit.list.query({ entityType: 'seal' })).toMatchObject({
      items: [],
      total: 0,
    });
    expect(await seenBy('keeper')).toEqual(expect.arrayContaining(['archiveItem', 'seal', 'sealRequest']));
  });
});

describe('the custodian and the approver', () => {
  it('the custodian sees the catalogue, loans, seals, seals out and the log, and files into their own keeping', async () => {
    const keeper = client('keeper');
    expect((await keeper.archives.list.query({ community: XIANGSHAN })).total).toBe(1);
    expect(await keeper.archives.loans.query({ communityCode: XIANGSHAN })).toMatchObject({ total: 0 });
    expect(await keeper.seals.get.query({ id: sealId })).toMatchObject({ name: '象山社区居民委员会印章' });
    expect(await keeper.seals.out.query({})).toEqual([]);
    expect((await keeper.custody.entries.query({ community: XIANGSHAN })).size).toBeGreaterThan(0);
    await keeper.archives.create.mutate(paperItem('保管人自建', id('keeper')));
    const forOther = await rejection(keeper.archives.create.mutate(paperItem('替人建', id('plain'))));
    expect(forOther.data?.code).toBe('FORBIDDEN');
    expect(forOther.message).toContain('指定其他保管人');
    expect(
      await code(keeper.seals.register.mutate(committeeSealKeptBy(id('keeper'), [id('approver')], '新印章'))),
    ).toBe('FORBIDDEN');
    expect(await code(keeper.custody.checkpoint.mutate({ community: XIANGSHAN }))).toBe('FORBIDDEN');
  });

  it('the approver sees the seal, the inbox and the log, decides, but not the catalogue', async () => {
    const approver = client('approver');
    expect(await approver.seals.get.query({ id: sealId })).toMatchObject({ id: sealId });
    expect((await approver.seals.inbox.query()).map((r) => r.id)).toEqual([requestId]);
    expect((await approver.custody.entries.query({ community: XIANGSHAN })).size).toBeGreaterThan(0);
    expect(await code(approver.archives.list.query({ community: XIANGSHAN }))).toBe('FORBIDDEN');
    await approver.seals.approve.mutate({ requestId });
    await client('keeper').seals.stamp.mutate({ requestId });
    expect(await client('plain').seals.mine.query()).toMatchObject([{ id: requestId, state: 'stamped' }]);
  });
});

describe('outside and above the community', () => {
  it('a worker of another community gets nothing, not even whether an id exists', async () => {
    const neighbour = client('neighbour');
    expect(await code(neighbour.seals.list.query({ community: XIANGSHAN }))).toBe('FORBIDDEN');
    expect(await code(neighbour.archives.get.query({ id: itemId }))).toBe('NOT_FOUND');
    expect(await code(neighbour.seals.get.query({ id: sealId }))).toBe('NOT_FOUND');
    expect(
      await code(neighbour.seals.requestUse.mutate({ sealId, purpose: '借用', document: '证明', copies: 1 })),
    ).toBe('NOT_FOUND');
    expect(await code(neighbour.custody.entries.query({ community: XIANGSHAN }))).toBe('FORBIDDEN');
    expect(await neighbour.seals.mine.query()).toEqual([]);
  });

  it('the street administrator sees and manages everything; the auditor reads but cannot write', async () => {
    const street = client('street');
    expect((await street.archives.list.query({ community: XIANGSHAN })).total).toBe(2);
    expect(await street.seals.get.query({ id: sealId })).toMatchObject({
      approvers: [{ id: id('approver') }],
    });
    expect(await street.custody.checkpoint.mutate({ community: XIANGSHAN })).toMatchObject({
      community: XIANGSHAN,
    });
    const auditor = client('auditor');
    expect((await auditor.archives.list.query({ community: XIANGSHAN })).total).toBe(2);
    expect((await auditor.custody.entries.query({ community: XIANGSHAN })).size).toBeGreaterThan(0);
    expect(await auditor.seals.out.query({})).toEqual([]);
    const write = await rejection(auditor.archives.create.mutate(paperItem('审计员建', id('keeper'))));
    expect(write.data?.code).toBe('FORBIDDEN');
    expect(write.message).toContain('审计员');
  });
});

describe('retiring and destroying a seal: proposed by one, confirmed by the named approver', () => {
  let oldSeal: string;
  const proposalOf = async (who: Who) => {
    const [pending] = await client(who).seals.endInbox.query();
    return pending?.id as string;
  };
  const stateOf = async () =>
    (await client('street').seals.list.query({ community: XIANGSHAN })).find((s) => s.id === oldSeal);

  it('changes nothing until the approver named confirms, and only they may', async () => {
    const street = client('street');
    oldSeal = (
      await street.seals.register.mutate(
        committeeSealKeptBy(id('keeper'), [id('approver'), id('approver2')], '象山社区旧印章'),
      )
    ).id;
    const approver = client('approver');
    const input = {
      sealId: oldSeal,
      type: 'retire' as const,
      approvedBy: id('approver2'),
      reason: '印章磨损，换刻新章',
    };
    expect(await code(client('plain').seals.proposeEnd.mutate(input))).toBe('FORBIDDEN');
    expect(await code(client('auditor').seals.proposeEnd.mutate(input))).toBe('FORBIDDEN');
    const early = await rejection(approver.seals.proposeEnd.mutate({ ...input, type: 'destroy' }));
    expect(early.data?.code).toBe('CONFLICT');
    expect(early.message).toContain('须先停用');
    const selfApproved = await rejection(
      approver.seals.proposeEnd.mutate({ ...input, approvedBy: id('approver') }),
    );
    expect(selfApproved.data?.code).toBe('BAD_REQUEST');
    expect(selfApproved.data?.fieldErrors?.approvedBy).toEqual(['确认的审批人须是本人以外的另一名审批人']);
    const notAnApprover = await rejection(
      approver.seals.proposeEnd.mutate({ ...input, approvedBy: id('plain') }),
    );
    expect(notAnApprover.data?.fieldErrors?.approvedBy).toEqual(['确认的审批人须是这枚印章登记的审批人']);
    const noReason = await rejection(approver.seals.proposeEnd.mutate({ ...input, reason: ' ' }));
    expect(noReason.data?.fieldErrors).toHaveProperty('reason');

    const pendingUse = await client('plain').seals.requestUse.mutate({
      sealId: oldSeal,
      purpose: '停用前申请',
      document: '证明',
      copies: 1,
    });
    const proposal = await approver.seals.proposeEnd.mutate(input);
    expect(proposal).toMatchObject({ state: 'pending', type: 'retire', approvedBy: id('approver2') });
    expect(await stateOf()).toMatchObject({
      state: 'inUse',
      pendingEnd: { id: proposal.id, type: 'retire', proposerName: 'approver', approverName: 'approver2' },
    });
    // One pending proposal per seal: the next has to wait until this one is settled.
    const second = await rejection(street.seals.proposeEnd.mutate({ ...input, approvedBy: id('approver') }));
    expect(second.data?.code).toBe('CONFLICT');
    expect(second.message).toContain('已有一份待确认的停用或销毁申请');

    expect(await client('approver2').seals.endInbox.query()).toMatchObject([
      {
        id: proposal.id,
        sealName: '象山社区旧印章',
        type: 'retire',
        proposerName: 'approver',
        reason: '印章磨损，换刻新章',
      },
    ]);
    expect(await approver.seals.endInbox.query()).toEqual([]);
    expect(await approver.seals.myEndProposals.query()).toMatchObject([
      { id: proposal.id, state: 'pending' },
    ]);

    // Nobody confirms for the approver: not the proposer, not the custodian, not an administrator.
    for (const who of ['approver', 'keeper', 'plain', 'street'] as const) {
      const refused = await rejection(client(who).seals.confirmEnd.mutate({ proposalId: proposal.id }));
      expect(refused.data?.code).toBe('FORBIDDEN');
      expect(refused.message).toBe('只有申请中指定的审批人本人可以确认或不同意');
    }
    expect(await code(client('neighbour').seals.confirmEnd.mutate({ proposalId: proposal.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await stateOf()).toMatchObject({ state: 'inUse' });

    expect(await client('approver2').seals.confirmEnd.mutate({ proposalId: proposal.id })).toMatchObject({
      seal: { state: 'retired' },
      proposal: { state: 'confirmed' },
    });
    expect(await stateOf()).toMatchObject({ state: 'retired', pendingEnd: null });
    const again = await rejection(client('approver2').seals.confirmEnd.mutate({ proposalId: proposal.id }));
    expect(again.data?.code).toBe('CONFLICT');
    expect(again.message).toContain('已确认');
    // A retired seal takes no new request, and one filed before can no longer be approved.
    const late = await rejection(
      client('plain').seals.requestUse.mutate({
        sealId: oldSeal,
        purpose: '停用后',
        document: '证明',
        copies: 1,
      }),
    );
    expect(late.message).toContain('已停用');
    const approval = await rejection(client('approver2').seals.approve.mutate({ requestId: pendingUse.id }));
    expect(approval.message).toContain('不能再用印');
  });

  it('declining and withdrawing leave the seal as it is; destroying follows a confirmation', async () => {
    const street = client('street');
    const destroy = { sealId: oldSeal, type: 'destroy' as const, reason: '已换新章' };
    await street.seals.proposeEnd.mutate({ ...destroy, approvedBy: id('approver') });
    const declined = await proposalOf('approver');
    expect(
      await code(client('approver2').seals.declineEnd.mutate({ proposalId: declined, reason: '不' })),
    ).toBe('FORBIDDEN');
    const noReason = await rejection(
      client('approver').seals.declineEnd.mutate({ proposalId: declined, reason: ' ' }),
    );
    expect(noReason.data?.fieldErrors).toHaveProperty('reason');
    await client('approver').seals.declineEnd.mutate({ proposalId: declined, reason: '旧章须留存备查' });
    expect(await stateOf()).toMatchObject({ state: 'retired', pendingEnd: null });
    expect(await street.seals.myEndProposals.query()).toMatchObject([
      { id: declined, state: 'declined', declineReason: '旧章须留存备查', approverName: 'approver' },
    ]);

    const withdrawn = await street.seals.proposeEnd.mutate({ ...destroy, approvedBy: id('approver2') });
    expect(await code(client('approver2').seals.withdrawEnd.mutate({ proposalId: withdrawn.id }))).toBe(
      'FORBIDDEN',
    );
    await street.seals.withdrawEnd.mutate({ proposalId: withdrawn.id });
    expect(await stateOf()).toMatchObject({ state: 'retired', pendingEnd: null });
    const afterWithdrawal = await rejection(
      client('approver2').seals.confirmEnd.mutate({ proposalId: withdrawn.id }),
    );
    expect(afterWithdrawal.message).toContain('已撤回');

    const proposal = await client('approver').seals.proposeEnd.mutate({
      ...destroy,
      approvedBy: id('approver2'),
    });
    await client('approver2').seals.confirmEnd.mutate({ proposalId: proposal.id });
    expect(await stateOf()).toMatchObject({ state: 'destroyed' });
    const destroyedTwice = await rejection(
      client('approver').seals.proposeEnd.mutate({ ...destroy, approvedBy: id('approver2') }),
    );
    expect(destroyedTwice.message).toContain('已销毁');
  });

  it('records every step: the state changes as seal.retire / seal.destroy, the rest as seal.end.*', async () => {
    const logged = async (action: string) =>
      suite
        .database()
        .db.select({ payload: custodyLog.payload, actor: custodyLog.actor })
        .from(custodyLog)
        .where(
          and(
            eq(custodyLog.communityCode, XIANGSHAN),
            eq(custodyLog.action, action),
            sql`${custodyLog.payload}->>'seal' = ${oldSeal}`,
          ),
        );
    for (const action of ['seal.retire', 'seal.destroy']) {
      const entries = await logged(action);
      expect(entries).toHaveLength(1);
      // The confirming approver acts; the proposer and the reason are in the entry.
      expect(entries[0]).toMatchObject({
        actor: 'approver2',
        payload: {
          seal: oldSeal,
          approvedBy: id('approver2'),
          proposedBy: id('approver'),
          reason: expect.any(String),
        },
      });
      const audited = await suite
        .database()
        .db.select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.entityId, oldSeal)));
      expect(audited).toHaveLength(1);
    }
    expect(await logged('seal.end.propose')).toHaveLength(4);
    expect(await logged('seal.end.decline')).toMatchObject([
      { actor: 'approver', payload: { type: 'destroy', reason: '旧章须留存备查' } },
    ]);
    expect(await logged('seal.end.withdraw')).toMatchObject([{ actor: 'street' }]);
    const proposalAudits = await suite
      .database()
      .db.select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'sealEndProposal'));
    expect(proposalAudits.map((a) => a.action).sort()).toEqual([
      'seal.end.decline',
      'seal.end.propose',
      'seal.end.propose',
      'seal.end.propose',
      'seal.end.propose',
      'seal.end.withdraw',
    ]);
    // Like the other seal records, they are not shown to a worker with no archive duties.
    expect(await client('plain').audit.list.query({ entityType: 'sealEndProposal' })).toMatchObject({
      total: 0,
    });
    expect((await client('approver').audit.list.query({ entityType: 'sealEndProposal' })).total).toBe(6);
  });
});

describe('handover lists and paging', () => {
  it('lists handovers with the names of the three people, newest first, page by page', async () => {
    const street = client('street');
    const base = {
      community: XIANGSHAN,
      supervisorBody: 'town-discipline-committee' as const,
      dueOn: '2026-04-30',
    };
    const first = await street.handovers.create.mutate({
      ...base,
      leaverId: id('keeper'),
      successorId: id('plain'),
      supervisorId: id('auditor'),
    });
    suite.clock().advance(60_000);
    const second = await street.handovers.create.mutate({
      ...base,
      leaverId: id('approver'),
      successorId: id('keeper'),
      supervisorId: id('auditor'),
      financeRecords: [{ ref: '2026年财务账簿', description: '凭证 1 册' }],
    });
    const [newest, ...rest] = await street.handovers.list.query({ community: XIANGSHAN, limit: 1 });
    expect(rest).toEqual([]);
    expect(newest).toMatchObject({
      id: second.row.id,
      leaverId: id('approver'),
      leaverName: 'approver',
      successorName: 'keeper',
      supervisorName: 'auditor',
    });
    const next = await street.handovers.list.query({
      community: XIANGSHAN,
      limit: 1,
      after: { at: String(newest?.createdAt), id: newest?.id as string },
    });
    expect(next.map((h) => h.id)).toEqual([first.row.id]);
    // Each party sees the handovers naming them, and may open them; others may not.
    expect((await client('plain').handovers.list.query({ community: XIANGSHAN })).map((h) => h.id)).toEqual([
      first.row.id,
    ]);
    expect((await client('keeper').handovers.list.query({ community: XIANGSHAN })).length).toBe(2);
    expect(await client('plain').handovers.get.query({ id: first.row.id })).toMatchObject({
      successor: { displayName: 'plain' },
    });
    expect(await code(client('plain').handovers.get.query({ id: second.row.id }))).toBe('FORBIDDEN');
    expect(
      await code(client('approver2').handovers.confirm.mutate({ id: first.row.id, role: 'successor' })),
    ).toBe('FORBIDDEN');
  });

  it('pages the seals out of the office by return deadline', async () => {
    const street = client('street');
    const out: string[] = [];
    for (const [i, hours] of [
      [1, 6],
      [2, 3],
    ] as const) {
      const seal = await street.seals.register.mutate(
        committeeSealKeptBy(id('keeper'), [id('approver')], `外带测试印章${i}`),
      );
      const removal = await client('plain').seals.requestTakeOut.mutate({
        sealId: seal.id,
        reason: '到区民政局办事',
        returnBy: new Date(suite.clock().now().getTime() + hours * 3_600_000).toISOString(),
      });
      await client('approver').seals.approveTakeOut.mutate({ requestId: removal.id });
      await client('keeper').seals.takeOut.mutate({ requestId: removal.id });
      out.push(removal.id);
    }
    const keeper = client('keeper');
    const [soonest, ...rest] = await keeper.seals.out.query({ communityCode: XIANGSHAN, limit: 1 });
    expect(rest).toEqual([]);
    expect(soonest?.id).toBe(out[1]);
    const next = await keeper.seals.out.query({
      communityCode: XIANGSHAN,
      limit: 1,
      after: { at: String(soonest?.returnBy), id: soonest?.id as string },
    });
    expect(next.map((r) => r.id)).toEqual([out[0]]);
    expect(
      await keeper.seals.out.query({
        communityCode: XIANGSHAN,
        after: { at: String(next[0]?.returnBy), id: next[0]?.id as string },
      }),
    ).toEqual([]);
    const badCursor = await rejection(
      keeper.seals.out.query({ after: { at: 'yesterday', id: out[0] as string } }),
    );
    expect(badCursor.data?.code).toBe('BAD_REQUEST');
  });
});

describe('the keeper’s own acts', () => {
  it('a keeper acts on the items in their own keeping only', async () => {
    const street = client('street');
    const othersItem = await street.archives.create.mutate(paperItem('他人保管的台账', id('approver2')));
    const refused = await rejection(
      client('keeper').archives.update.mutate({ id: othersItem.id, expectedVersion: 1, title: '改题名' }),
    );
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(refused.message).toBe(
      '只有这份档案的保管人和上级管理员可以办理（鄂州 第三十九条：档案指定专人保管）',
    );
    expect(
      await code(
        client('keeper').archives.lend.mutate({ id: othersItem.id, borrower: '张三', dueOn: '2026-12-01' }),
      ),
    ).toBe('FORBIDDEN');
    const own = await client('approver2').archives.update.mutate({
      id: othersItem.id,
      expectedVersion: 1,
      title: '改题名',
    });
    expect(own.title).toBe('改题名');
    await street.archives.update.mutate({
      id: othersItem.id,
      expectedVersion: own.version,
      title: '他人保管的台账',
    });
  });
});

describe('naming the approvers of a seal', () => {
  it('administrators name new approvers; only those decide from then on, and the change is on record', async () => {
    const street = client('street');
    const seal = (
      await street.seals.register.mutate(
        committeeSealKeptBy(id('keeper'), [id('approver')], '象山社区监督委员会印章'),
      )
    ).id;
    const change = (approverIds: string[], reason = '居委会换届，按新的印章使用制度指定') => ({
      sealId: seal,
      approverIds,
      reason,
    });
    expect(await code(client('approver').seals.setApprovers.mutate(change([id('approver2')])))).toBe(
      'FORBIDDEN',
    );
    expect(await code(client('keeper').seals.setApprovers.mutate(change([id('approver2')])))).toBe(
      'FORBIDDEN',
    );
    expect(await code(client('neighbour').seals.setApprovers.mutate(change([id('approver2')])))).toBe(
      'NOT_FOUND',
    );
    // The custodian alone would approve what they keep: the form's field says why not.
    const keeperOnly = await rejection(street.seals.setApprovers.mutate(change([id('keeper')])));
    expect(keeperOnly.data?.fieldErrors?.approverIds?.[0]).toContain('保管人');
    const elsewhere = await rejection(street.seals.setApprovers.mutate(change([id('neighbour')])));
    expect(elsewhere.data?.fieldErrors).toHaveProperty(['approverIds.0']);
    const noReason = await rejection(street.seals.setApprovers.mutate(change([id('approver2')], ' ')));
    expect(noReason.data?.fieldErrors).toHaveProperty('reason');

    await street.seals.setApprovers.mutate(change([id('approver2'), id('approver2')]));
    const listed = (await street.seals.list.query({ community: XIANGSHAN })).find((row) => row.id === seal);
    expect(listed?.approvers.map((approver) => approver.id)).toEqual([id('approver2')]);

    const request = (
      await client('plain').seals.requestUse.mutate({
        sealId: seal,
        purpose: '开具证明',
        document: '换届后的证明',
        copies: 1,
      })
    ).id;
    expect(await code(client('approver').seals.approve.mutate({ requestId: request }))).toBe('FORBIDDEN');
    expect(await client('approver2').seals.approve.mutate({ requestId: request })).toMatchObject({
      state: 'approved',
    });

    const [entry] = await suite
      .database()
      .db.select()
      .from(custodyLog)
      .where(and(eq(custodyLog.action, 'seal.setApprovers'), sql`${custodyLog.payload}->>'seal' = ${seal}`));
    expect(entry?.payload).toMatchObject({
      approvers: [id('approver2')],
      reason: '居委会换届，按新的印章使用制度指定',
    });
    const [audit] = await suite
      .database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'seal.setApprovers'), eq(auditLog.entityId, seal)));
    expect(audit?.before).toEqual({ approvers: [id('approver')] });
  });
});

describe('withdrawing a seal request', () => {
  it('the requester withdraws while it waits; nobody else may, and a withdrawn request is not decided', async () => {
    const request = (
      await client('plain').seals.requestUse.mutate({
        sealId,
        purpose: '开具证明',
        document: '待撤回的证明',
        copies: 1,
      })
    ).id;
    expect(await code(client('approver').seals.withdraw.mutate({ requestId: request }))).toBe('FORBIDDEN');
    expect(await code(client('neighbour').seals.withdraw.mutate({ requestId: request }))).toBe('NOT_FOUND');
    expect(await client('plain').seals.withdraw.mutate({ requestId: request })).toMatchObject({
      state: 'withdrawn',
    });
    expect(await code(client('approver').seals.approve.mutate({ requestId: request }))).toBe('CONFLICT');
    expect(await code(client('plain').seals.withdraw.mutate({ requestId: request }))).toBe('CONFLICT');
    const [entry] = await suite
      .database()
      .db.select()
      .from(custodyLog)
      .where(
        and(eq(custodyLog.action, 'seal.use.withdraw'), sql`${custodyLog.payload}->>'request' = ${request}`),
      );
    expect(entry).toBeDefined();
  });
});
