/**
 * The checks the store used to make itself, now decided here: each row is a situation a person meets
 * in the console and what they are told.
 */
import { describe, expect, it } from 'vitest';
import {
  type ArchiveItem,
  applyArchiveEvent,
  archiveItem,
  attachableArchiveItem,
  destructionDuringHandover,
  editableArchiveItem,
} from './archive.js';
import {
  confirmHandover,
  departureHandover,
  handoverListEntries,
  mayRecordHandoverProblem,
} from './handover.js';
import { projectRules } from './project-rules.js';
import {
  applySealEndEvent,
  applySealEvent,
  applySealUseEvent,
  proposeSealEnd,
  registerSeal,
  sealAcceptsRequests,
  sealUseRequest,
} from './seal.js';
import { staffOfScope } from './staff.js';
import { orThrow, type Transition } from './transition.js';

const item = archiveItem.parse({
  id: 'a-1',
  community: '370305111007',
  referenceCode: 'X007-WS·2014-D10-JWH-0003',
  issuer: '象山社区居民委员会',
  title: '2014年居民代表会议记录',
  date: '2014-06-18',
  medium: 'paper',
  contentGroup: 'information',
  retention: 'years10',
  custodian: 'w-li',
  location: { room: '档案室' },
});
const withStatus = (status: ArchiveItem['status']): ArchiveItem => ({ ...item, status });

const seal = registerSeal({
  id: 's-1',
  community: '370305111007',
  name: '象山社区居民委员会印章',
  owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
  custodian: 'w-li',
  storagePlace: '党群服务中心二楼保密柜',
  approvers: ['w-sun', 'w-zhou'],
});

const handover = departureHandover.parse({
  id: 'h-1',
  community: '370305111007',
  leaver: 'w-li',
  successor: 'w-chen',
  supervisor: { person: 't-jiwei', body: 'town-discipline-committee' },
  dueOn: '2024-06-30',
  items: [{ kind: 'seal', ref: 's-1', description: '居委会印章', condition: 'intact' }],
});
const completed = {
  ...handover,
  confirmations: { leaver: '2024-06-20', successor: '2024-06-20', supervisor: '2024-06-21' },
};

/** What a caller sees of an outcome: allowed, or the reason, the field and the rule it names. */
function verdict(outcome: Transition<unknown>) {
  if (outcome.ok) return 'allowed';
  return {
    reason: outcome.reason,
    field: outcome.field,
    rule: outcome.basis ?? outcome.citation?.article,
  };
}

describe('archive items: closed records and the handover hold', () => {
  it.each([
    ['shelved', 'allowed'],
    ['onLoan', 'allowed'],
    [
      'destroyed',
      { reason: '档案 X007-WS·2014-D10-JWH-0003 已销毁，不能再修改', rule: '本系统规则 R-ARC-4' },
    ],
    [
      'transferred',
      { reason: '档案 X007-WS·2014-D10-JWH-0003 已移交，不能再修改', rule: '本系统规则 R-ARC-4' },
    ],
  ] as const)('editing an item %s: %o', (status, expected) => {
    expect(verdict(editableArchiveItem(withStatus(status)))).toEqual(
      expected === 'allowed' ? expected : { ...expected, field: undefined },
    );
  });

  it.each([
    ['shelved', true],
    ['transferred', true],
    ['destroyed', false],
  ] as const)('attaching a file to an item %s is allowed: %s', (status, allowed) => {
    expect(attachableArchiveItem(withStatus(status)).ok).toBe(allowed);
  });

  it('refuses a destruction while the item is on an open handover list, naming the project rule', () => {
    expect(destructionDuringHandover(item, false).ok).toBe(true);
    expect(verdict(destructionDuringHandover(item, true))).toEqual({
      reason: '档案 X007-WS·2014-D10-JWH-0003 在未完成的离任移交清单上：移交完成后再由接任的保管人销毁',
      field: undefined,
      rule: '本系统规则 R-HND-1',
    });
  });

  it('refuses a retention extension that is not longer on the retention field', () => {
    const expired = { ...item, date: '2010-01-01', referenceCode: 'X007-WS·2010-D10-JWH-0003' };
    const retain = (retention: ArchiveItem['retention']) =>
      applyArchiveEvent(expired, {
        type: 'retain',
        by: 'w-li',
        on: '2024-06-01',
        retention,
        appraisal: { decisionId: '鉴〔2024〕1号', decidedOn: '2024-06-01', approvedBy: ['w-wang'] },
      });
    expect(verdict(retain('years10'))).toMatchObject({ field: 'retention', rule: '本系统规则 R-ARC-3' });
    expect(retain('years30').ok).toBe(true);
  });
});

describe('seals: requests, reasons and approvers', () => {
  it.each([
    ['inUse', 'use', true],
    ['takenOut', 'takeOut', true],
    ['retired', 'use', false],
    ['retired', 'takeOut', false],
    ['destroyed', 'use', false],
  ] as const)('a seal %s accepts a %s request: %s', (state, kind, allowed) => {
    const outcome = sealAcceptsRequests({ ...seal, state }, kind);
    expect(outcome.ok).toBe(allowed);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(
        `印章「象山社区居民委员会印章」已停用，不能申请${kind === 'use' ? '用印' : '外带'}`,
      );
      expect(outcome.basis).toBe('本系统规则 R-SEA-1');
    }
  });

  const at = '2024-04-01T09:00:00+08:00';
  const pending = orThrow(
    proposeSealEnd(seal, {
      id: 'p-1',
      type: 'retire',
      by: 'w-sun',
      at,
      approvedBy: 'w-zhou',
      reason: '换届',
    }),
  );
  const request = sealUseRequest.parse({
    id: 'u-1',
    sealId: 's-1',
    requestedBy: 'w-zhao',
    requestedAt: at,
    purpose: '开具证明',
    document: '居住证明',
    copies: 1,
  });
  it.each<[string, () => Transition<unknown>, string]>([
    [
      '变更审批人',
      () =>
        applySealEvent(seal, { type: 'setApprovers', by: 'admin', at, approvers: ['w-sun'], reason: ' ' }),
      '须写明变更理由',
    ],
    [
      '提出停用',
      () =>
        proposeSealEnd(seal, { id: 'p', type: 'retire', by: 'w-sun', at, approvedBy: 'w-zhou', reason: '' }),
      '须写明停用理由',
    ],
    [
      '不同意停用',
      () => applySealEndEvent(pending, seal, { type: 'decline', by: 'w-zhou', at, reason: '  ' }),
      '不同意须说明理由',
    ],
    [
      '不予批准用印',
      () => applySealUseEvent(request, seal, { type: 'refuse', by: 'w-sun', at, reason: '' }),
      '不予批准须说明理由',
    ],
  ])('%s without a reason is refused on the reason field', (_what, act, reason) => {
    expect(verdict(act())).toMatchObject({ reason, field: 'reason' });
  });

  it('says which field an approver problem is about, and trims the reason it keeps', () => {
    const keeperOnly = applySealEvent(seal, {
      type: 'setApprovers',
      by: 'admin',
      at,
      approvers: ['w-li'],
      reason: '换届',
    });
    expect(keeperOnly).toMatchObject({ ok: false, field: 'approvers' });
    const declined = orThrow(
      applySealEndEvent(pending, seal, { type: 'decline', by: 'w-zhou', at, reason: ' 旧章留存 ' }),
    );
    expect(declined.proposal.declineReason).toBe('旧章留存');
  });
});

describe('departure handover: who records, when it is closed, what is listed', () => {
  it.each([
    ['w-li', false, 'allowed'],
    ['w-chen', false, 'allowed'],
    ['t-jiwei', true, 'allowed'],
    [
      'w-zhao',
      false,
      {
        reason: '只有离任人、接任人和监督人可以登记移交问题',
        field: 'handoverId',
        rule: '本系统规则 R-HND-2',
      },
    ],
    [
      'w-chen',
      true,
      { reason: '情节是否严重由监督人认定（金山镇 第十八条）', field: 'serious', rule: '第十八条' },
    ],
  ] as const)('%s recording a problem (stating seriousness: %s): %o', (by, serious, expected) => {
    expect(verdict(mayRecordHandoverProblem(handover, by, serious))).toEqual(expected);
  });

  it('refuses changes and confirmations once the supervisor has confirmed the list', () => {
    expect(verdict(mayRecordHandoverProblem(completed, 'w-li', false))).toMatchObject({
      reason: '该移交已完成，不能再修改清单',
    });
    expect(verdict(confirmHandover(completed, 'supervisor', 't-jiwei', '2024-06-22'))).toMatchObject({
      reason: '该移交已完成',
    });
  });

  it('lists the finance records named, then the leaver’s kept items, then their seals not destroyed', () => {
    const entries = handoverListEntries({
      leaver: 'w-li',
      financeRecords: [{ ref: '2024 财务台账', description: '现金日记账' }],
      archives: [
        { id: 'a-1', referenceCode: 'X-1', title: '会议记录', status: 'shelved', custodian: 'w-li' },
        { id: 'a-2', referenceCode: 'X-2', title: '台账', status: 'onLoan', custodian: 'w-li' },
        { id: 'a-3', referenceCode: 'X-3', title: '简报', status: 'destroyed', custodian: 'w-li' },
        { id: 'a-4', referenceCode: 'X-4', title: '他人保管', status: 'shelved', custodian: 'w-zhao' },
      ],
      seals: [
        {
          id: 's-1',
          name: '居委会章',
          ownerName: '居委会',
          storagePlace: '保密柜',
          state: 'takenOut',
          custodian: 'w-li',
        },
        {
          id: 's-2',
          name: '旧章',
          ownerName: '居委会',
          storagePlace: '保密柜',
          state: 'retired',
          custodian: 'w-li',
        },
        {
          id: 's-3',
          name: '废章',
          ownerName: '居委会',
          storagePlace: '保密柜',
          state: 'destroyed',
          custodian: 'w-li',
        },
      ],
    });
    expect(entries).toEqual([
      { kind: 'finance', refId: null, ref: '2024 财务台账', description: '现金日记账' },
      { kind: 'archive', refId: 'a-1', ref: 'X-1', description: '会议记录' },
      { kind: 'archive', refId: 'a-2', ref: 'X-2', description: '台账（借出中）' },
      { kind: 'seal', refId: 's-1', ref: '居委会章', description: '居委会，存放于保密柜（外带中）' },
      { kind: 'seal', refId: 's-2', ref: '旧章', description: '居委会，存放于保密柜' },
    ]);
  });
});

describe('staff named by a change', () => {
  const accounts = new Map([
    ['u-li', { jurisdictionCode: '370305111007', active: true }],
    ['u-gone', { jurisdictionCode: '370305111007', active: false }],
    ['u-far', { jurisdictionCode: '370305111008', active: true }],
    ['u-town', { jurisdictionCode: '370305111', active: true }],
  ]);
  const community = { level: 'community', code: '370305111007' } as const;
  it.each([
    [{ custodianId: 'u-li' }, community, 'allowed'],
    [{ custodianId: 'u-li', borrowerId: undefined }, community, 'allowed'],
    [{ custodianId: 'u-gone' }, community, 'custodianId: 不是本社区的在职账号'],
    [{ 'approverIds.0': 'u-li', 'approverIds.1': 'u-far' }, community, 'approverIds.1: 不是本社区的在职账号'],
    [{ custodianId: 'nobody' }, community, 'custodianId: 不是本社区的在职账号'],
    [{ supervisorId: 'u-town' }, { level: 'town', code: '370305111' }, 'allowed'],
    [
      { supervisorId: 'u-li' },
      { level: 'town', code: '370305111' },
      'supervisorId: 不是本镇（街道）的在职账号',
    ],
  ] as const)('%o within %o: %s', (named, scope, expected) => {
    const outcome = staffOfScope(named, accounts, scope);
    if (expected === 'allowed') return expect(outcome.ok).toBe(true);
    expect(outcome).toMatchObject({
      ok: false,
      reason: expected,
      field: expected.split(':')[0],
      basis: `本系统规则 ${projectRules.staffOfCommunity.id}`,
    });
  });
});
