import { describe, expect, it } from 'vitest';
import {
  applySealEndEvent,
  applySealEvent,
  applySealRemovalEvent,
  applySealUseEvent,
  bringSealBack,
  overdueRemovals,
  proposeSealEnd,
  registerSeal,
  type SealRemoval,
  sealAcceptsRequests,
  sealRemoval,
  sealUseRequest,
  takeSealOut,
} from './seal.js';
import { orThrow, type Transition } from './transition.js';

const committeeSeal = registerSeal({
  id: 's-1',
  community: '370305111007',
  name: '象山社区居民委员会印章',
  owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
  custodian: 'w-li',
  storagePlace: '党群服务中心二楼保密柜',
  approvers: ['w-sun'],
});

const request = sealUseRequest.parse({
  id: 'u-1',
  sealId: 's-1',
  requestedBy: 'w-zhao',
  requestedAt: '2024-03-06T08:45:00+08:00',
  purpose: '为居民开具居住证明',
  document: '居住证明（王某）',
  copies: 2,
});

const removal = sealRemoval.parse({
  id: 'r-1',
  sealId: 's-1',
  requestedBy: 'w-zhao',
  requestedAt: '2024-03-08T09:00:00+08:00',
  reason: '到街道办理集体经济组织变更登记，须现场盖章',
  returnBy: '2024-03-08T17:00:00+08:00',
});
const approvedRemoval = orThrow(
  applySealRemovalEvent(removal, committeeSeal, {
    type: 'approve',
    by: 'w-sun',
    at: '2024-03-08T09:30:00+08:00',
  }),
);

describe('seal registry', () => {
  it('registers a seal in use', () => {
    expect(committeeSeal.state).toBe('inUse');
  });

  it('refuses a seal without a fixed place or approvers, citing 第四十条', () => {
    const result = registerSeal.bind(null, { ...committeeSeal, storagePlace: '', approvers: [] });
    expect(result).toThrow(/固定存放地点（鄂州 第四十条）/);
    expect(() => registerSeal({ ...committeeSeal, approvers: ['w-li'] })).toThrow(/保管与审批应分开/);
  });
});

describe('naming the approvers of a seal (印章使用制度)', () => {
  const change = (approvers: string[], current = committeeSeal) =>
    applySealEvent(current, {
      type: 'setApprovers',
      by: 'admin',
      at: '2024-04-01T09:00:00+08:00',
      approvers,
      reason: '居委会换届',
    });

  it('replaces the approvers, once each, and keeps everything else', () => {
    const changed = orThrow(change(['w-zhou', 'w-sun', 'w-zhou']));
    expect(changed).toEqual({ ...committeeSeal, approvers: ['w-zhou', 'w-sun'] });
  });

  it('refuses none, or the custodian alone, citing 第四十条 in 鄂州 and the project’s baseline elsewhere', () => {
    const inEzhou = { ...committeeSeal, community: '420704001001' };
    for (const approvers of [[], ['w-li'], ['  ']]) {
      const result = change(approvers, inEzhou);
      expect(result.ok, JSON.stringify(approvers)).toBe(false);
      expect(result.ok ? undefined : result.citation?.article).toBe('第四十条');
      expect(change(approvers)).toMatchObject({ ok: false, basis: '本系统规则 R-SEA-0' });
    }
    expect(change(['w-li', 'w-sun']).ok).toBe(true);
  });

  it('refuses a seal that is retired or destroyed', () => {
    expect(change(['w-zhou'], { ...committeeSeal, state: 'retired' }).ok).toBe(false);
    expect(change(['w-zhou'], { ...committeeSeal, state: 'destroyed' }).ok).toBe(false);
  });
});

describe('seal use (用印审批)', () => {
  it('goes from request to approval to stamping by the custodian', () => {
    const approved = orThrow(
      applySealUseEvent(request, committeeSeal, {
        type: 'approve',
        by: 'w-sun',
        at: '2024-03-06T09:10:00+08:00',
      }),
    );
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'w-sun' });
    const stamped = orThrow(
      applySealUseEvent(approved, committeeSeal, {
        type: 'stamp',
        by: 'w-li',
        at: '2024-03-06T09:20:00+08:00',
        copies: 2,
      }),
    );
    expect(stamped).toMatchObject({ status: 'stamped', stampedBy: 'w-li', copiesStamped: 2 });
  });

  it('refuses approval by someone the seal rules do not name, citing the seal rule', () => {
    const outcome = applySealUseEvent(request, committeeSeal, {
      type: 'approve',
      by: 'w-li',
      at: '2024-03-06T09:10:00+08:00',
    });
    expect(outcome).toMatchObject({ ok: false, basis: '本系统规则 R-SEA-0' });
    if (!outcome.ok) expect(outcome.reason).toContain('不是印章「象山社区居民委员会印章」的审批人');
  });

  it('refuses an applicant approving their own request', () => {
    const ownSeal = { ...committeeSeal, approvers: ['w-sun', 'w-zhao'] };
    expect(
      applySealUseEvent(request, ownSeal, { type: 'approve', by: 'w-zhao', at: '2024-03-06T09:10:00+08:00' }),
    ).toMatchObject({
      ok: false,
      reason: '申请人不能审批自己的申请（严格印章使用审批手续）',
    });
  });

  it('refuses stamping before approval, by anyone but the custodian, or beyond the approved copies', () => {
    expect(
      applySealUseEvent(request, committeeSeal, {
        type: 'stamp',
        by: 'w-li',
        at: '2024-03-06T09:20:00+08:00',
        copies: 1,
      }),
    ).toMatchObject({
      ok: false,
      reason: '用印申请待审批，不能用印',
    });
    const approved = orThrow(
      applySealUseEvent(request, committeeSeal, {
        type: 'approve',
        by: 'w-sun',
        at: '2024-03-06T09:10:00+08:00',
      }),
    );
    expect(
      applySealUseEvent(approved, committeeSeal, {
        type: 'stamp',
        by: 'w-zhao',
        at: '2024-03-06T09:20:00+08:00',
        copies: 1,
      }).ok,
    ).toBe(false);
    expect(
      applySealUseEvent(approved, committeeSeal, {
        type: 'stamp',
        by: 'w-li',
        at: '2024-03-06T09:20:00+08:00',
        copies: 3,
      }).ok,
    ).toBe(false);
  });

  it('does not approve twice, and records a refusal with its reason', () => {
    const refused = orThrow(
      applySealUseEvent(request, committeeSeal, {
        type: 'refuse',
        by: 'w-sun',
        at: '2024-03-06T09:10:00+08:00',
        reason: '证明材料不全',
      }),
    );
    expect(refused).toMatchObject({ status: 'refused', refusalReason: '证明材料不全' });
    expect(
      applySealUseEvent(refused, committeeSeal, {
        type: 'approve',
        by: 'w-sun',
        at: '2024-03-06T09:11:00+08:00',
      }).ok,
    ).toBe(false);
  });
});

describe('taking a seal out (印章外带)', () => {
  it('needs an approved removal with a stated reason', () => {
    expect(() => sealRemoval.parse({ ...removal, reason: ' ' })).toThrow(/特殊情况/);
    const unapproved = takeSealOut(committeeSeal, removal, { by: 'w-li', at: '2024-03-08T10:00:00+08:00' });
    expect(unapproved).toMatchObject({ ok: false, basis: '本系统规则 R-SEA-0' });
    if (!unapproved.ok) expect(unapproved.reason).toContain('无特殊情况未经批准不得带离办公室');
  });

  it('takes the seal out and brings it back, updating the seal and the removal together', () => {
    const out = orThrow(
      takeSealOut(committeeSeal, approvedRemoval, { by: 'w-li', at: '2024-03-08T10:00:00+08:00' }),
    );
    expect(out.seal.state).toBe('takenOut');
    expect(out.removal).toMatchObject({ status: 'out', takenOutAt: '2024-03-08T10:00:00+08:00' });
    const back = orThrow(
      bringSealBack(out.seal, out.removal, { by: 'w-li', at: '2024-03-08T16:30:00+08:00' }),
    );
    expect(back.seal.state).toBe('inUse');
    expect(back.removal.status).toBe('returned');
  });

  it('refuses to take out a seal that is already out, even under another approved removal', () => {
    const out = orThrow(
      takeSealOut(committeeSeal, approvedRemoval, { by: 'w-li', at: '2024-03-08T10:00:00+08:00' }),
    );
    const second: SealRemoval = { ...approvedRemoval, id: 'r-2' };
    expect(takeSealOut(out.seal, second, { by: 'w-li', at: '2024-03-08T11:00:00+08:00' })).toMatchObject({
      ok: false,
      reason: '印章「象山社区居民委员会印章」已带离办公室，归还前不得再次带离',
    });
  });

  it('refuses a custody handover while the seal is out, and an unsupervised one on departure', () => {
    const out = orThrow(
      takeSealOut(committeeSeal, approvedRemoval, { by: 'w-li', at: '2024-03-08T10:00:00+08:00' }),
    );
    expect(
      applySealEvent(out.seal, {
        type: 'handOverCustody',
        by: 'w-li',
        at: '2024-03-08T11:00:00+08:00',
        to: 'w-chen',
        departure: false,
      }).ok,
    ).toBe(false);
    expect(
      applySealEvent(committeeSeal, {
        type: 'handOverCustody',
        by: 'w-li',
        at: '2024-03-09T11:00:00+08:00',
        to: 'w-chen',
        departure: true,
      }),
    ).toMatchObject({ ok: false, citation: { article: '第十八条' } });
  });

  it('flags seals out past their deadline', () => {
    const out = orThrow(
      takeSealOut(committeeSeal, approvedRemoval, { by: 'w-li', at: '2024-03-08T10:00:00+08:00' }),
    );
    expect(overdueRemovals([out.removal], '2024-03-08T16:59:00+08:00')).toEqual([]);
    expect(overdueRemovals([out.removal], '2024-03-08T17:01:00+08:00')).toHaveLength(1);
  });
});

describe('retiring and destroying a seal', () => {
  it('retires then destroys with an approver’s consent, never destroys a seal in use', () => {
    expect(
      applySealEvent(committeeSeal, {
        type: 'destroy',
        by: 'w-li',
        at: '2024-12-01T09:00:00+08:00',
        approvedBy: 'w-sun',
      }),
    ).toMatchObject({
      ok: false,
      reason: '印章须先停用才能销毁',
    });
    const retired = orThrow(
      applySealEvent(committeeSeal, {
        type: 'retire',
        by: 'w-li',
        at: '2024-12-01T09:00:00+08:00',
        approvedBy: 'w-sun',
      }),
    );
    expect(retired.state).toBe('retired');
    expect(
      applySealUseEvent(request, retired, { type: 'approve', by: 'w-sun', at: '2024-12-02T09:00:00+08:00' })
        .ok,
    ).toBe(false);
    const destroyed = orThrow(
      applySealEvent(retired, {
        type: 'destroy',
        by: 'w-li',
        at: '2024-12-05T09:00:00+08:00',
        approvedBy: 'w-sun',
      }),
    );
    expect(destroyed.state).toBe('destroyed');
  });
});

describe('proposing and confirming the end of a seal', () => {
  const twoApprovers = registerSeal({
    id: 's-2',
    community: '370305111007',
    name: '象山社区党委印章',
    owner: { kind: 'party-organisation', name: '象山社区党委' },
    custodian: 'w-li',
    storagePlace: '党群服务中心二楼保密柜',
    approvers: ['w-sun', 'w-zhao'],
  });
  const at = '2024-12-01T09:00:00+08:00';
  const proposal = orThrow(
    proposeSealEnd(twoApprovers, {
      id: 'e-1',
      type: 'retire',
      by: 'w-sun',
      at,
      approvedBy: 'w-zhao',
      reason: ' 印章磨损 ',
    }),
  );

  it('records a pending proposal without touching the seal, and refuses what confirming could not do', () => {
    expect(proposal).toMatchObject({ status: 'pending', reason: '印章磨损', approvedBy: 'w-zhao' });
    const propose = (type: 'retire' | 'destroy', approvedBy: string, reason = '磨损') =>
      proposeSealEnd(twoApprovers, { id: 'e-x', type, by: 'w-sun', at, approvedBy, reason });
    expect(propose('retire', 'w-sun')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('审批人'),
    });
    expect(propose('retire', 'w-li')).toMatchObject({ ok: false, reason: expect.stringContaining('审批人') });
    expect(propose('destroy', 'w-zhao')).toMatchObject({ ok: false, reason: '印章须先停用才能销毁' });
    expect(propose('retire', 'w-zhao', '  ')).toMatchObject({ ok: false, reason: '须写明停用理由' });
  });

  it('changes the seal only when the named approver confirms', () => {
    for (const by of ['w-li', 'w-sun']) {
      expect(applySealEndEvent(proposal, twoApprovers, { type: 'confirm', by, at })).toMatchObject({
        ok: false,
        reason: expect.stringContaining('须由指定的审批人 w-zhao 本人确认'),
      });
    }
    const confirmed = orThrow(
      applySealEndEvent(proposal, twoApprovers, { type: 'confirm', by: 'w-zhao', at }),
    );
    expect(confirmed.seal.state).toBe('retired');
    expect(confirmed.proposal).toMatchObject({ status: 'confirmed', decidedAt: at });
    expect(
      applySealEndEvent(confirmed.proposal, confirmed.seal, { type: 'withdraw', by: 'w-sun', at }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('已确认，不能再撤回') });
  });

  it('re-checks the seal at confirmation: a seal taken out meanwhile is not retired', () => {
    const out = { ...twoApprovers, state: 'takenOut' as const };
    expect(applySealEndEvent(proposal, out, { type: 'confirm', by: 'w-zhao', at })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不能停用'),
    });
  });

  it('declining (with a reason, by the approver) and withdrawing (by the proposer) leave the seal as it is', () => {
    expect(
      applySealEndEvent(proposal, twoApprovers, { type: 'decline', by: 'w-zhao', at, reason: ' ' }),
    ).toMatchObject({ ok: false, reason: '不同意须说明理由' });
    expect(
      applySealEndEvent(proposal, twoApprovers, { type: 'decline', by: 'w-sun', at, reason: '还要用' }).ok,
    ).toBe(false);
    const declined = orThrow(
      applySealEndEvent(proposal, twoApprovers, { type: 'decline', by: 'w-zhao', at, reason: '还要用' }),
    );
    expect(declined.seal).toBe(twoApprovers);
    expect(declined.proposal).toMatchObject({ status: 'declined', declineReason: '还要用' });
    expect(applySealEndEvent(proposal, twoApprovers, { type: 'withdraw', by: 'w-zhao', at }).ok).toBe(false);
    const withdrawn = orThrow(
      applySealEndEvent(proposal, twoApprovers, { type: 'withdraw', by: 'w-sun', at }),
    );
    expect(withdrawn.seal.state).toBe('inUse');
    expect(withdrawn.proposal.status).toBe('withdrawn');
  });
});

describe('requests against a seal, and the reasons people must give', () => {
  it.each([
    ['inUse', 'use', true],
    ['takenOut', 'takeOut', true],
    ['retired', 'use', false],
    ['retired', 'takeOut', false],
    ['destroyed', 'use', false],
  ] as const)('a seal %s accepts a %s request: %s', (state, kind, allowed) => {
    const outcome = sealAcceptsRequests({ ...committeeSeal, state }, kind);
    expect(outcome.ok).toBe(allowed);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(
        `印章「象山社区居民委员会印章」已停用，不能申请${kind === 'use' ? '用印' : '外带'}`,
      );
      expect(outcome.basis).toBe('本系统规则 R-SEA-1');
    }
  });

  const at = '2024-04-01T09:00:00+08:00';
  const twoApprovers = { ...committeeSeal, approvers: ['w-sun', 'w-zhou'] };
  const pending = orThrow(
    proposeSealEnd(twoApprovers, {
      id: 'p-1',
      type: 'retire',
      by: 'w-sun',
      at,
      approvedBy: 'w-zhou',
      reason: '换届',
    }),
  );
  it.each<[string, () => Transition<unknown>, string]>([
    [
      '变更审批人',
      () =>
        applySealEvent(committeeSeal, {
          type: 'setApprovers',
          by: 'admin',
          at,
          approvers: ['w-sun'],
          reason: ' ',
        }),
      '须写明变更理由',
    ],
    [
      '提出停用',
      () =>
        proposeSealEnd(twoApprovers, {
          id: 'p',
          type: 'retire',
          by: 'w-sun',
          at,
          approvedBy: 'w-zhou',
          reason: '',
        }),
      '须写明停用理由',
    ],
    [
      '不同意停用',
      () => applySealEndEvent(pending, twoApprovers, { type: 'decline', by: 'w-zhou', at, reason: '  ' }),
      '不同意须说明理由',
    ],
    [
      '不予批准用印',
      () => applySealUseEvent(request, committeeSeal, { type: 'refuse', by: 'w-sun', at, reason: '' }),
      '不予批准须说明理由',
    ],
  ])('%s without a reason is refused on the reason field', (_what, act, reason) => {
    expect(act()).toMatchObject({ ok: false, reason, field: 'reason' });
  });

  it('puts an approver problem on the approvers field, and keeps a reason trimmed', () => {
    const event = { type: 'setApprovers', by: 'admin', at, approvers: ['w-li'], reason: '换届' } as const;
    expect(applySealEvent(committeeSeal, event)).toMatchObject({ ok: false, field: 'approvers' });
    const declined = orThrow(
      applySealEndEvent(pending, twoApprovers, { type: 'decline', by: 'w-zhou', at, reason: ' 旧章留存 ' }),
    );
    expect(declined.proposal.declineReason).toBe('旧章留存');
  });
});
