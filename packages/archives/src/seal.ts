/**
 * Seals (印章), their use (用印审批 → 用印登记) and their removal from the office (印章外带).
 *
 * 鄂州市城市社区工作规则（试行）第四十条：「社区党组织、居民委员会、监督委员会和各下属委员会印章应由
 * 专人保管，固定存放，无特殊情况未经批准不得带离办公室。应建立印章使用制度，严格印章使用审批手续。」
 *
 * Interpretations, each tested:
 * - 「专人保管」: each seal has one custodian; only the custodian stamps (registers a use), hands
 *   the seal out and takes it back.
 * - 「严格印章使用审批手续」 does not say who approves; the community's 印章使用制度 names the
 *   approvers of each seal (`approvers`). An applicant never approves their own request: an
 *   approval one grants oneself is no approval.
 * - 「无特殊情况未经批准不得带离办公室」: taking a seal out needs its own approval, a stated reason
 *   (the special circumstance) and a return deadline; a seal that is out cannot go out again.
 * - 「应建立印章使用制度」: the community names each seal's approvers and may name others later (a
 *   new committee after an election, a departure); the change keeps custody and approval apart as
 *   registration does, and is refused for a seal no longer in use.
 * - Retiring and destroying a seal are not in the regulations; they are the project's own rules
 *   (本系统规则 R-SEA-1, `project-rules.ts`): one person proposes, naming another approver of the seal, and only that approver's own
 *   confirmation changes the seal (`proposeSealEnd`, `applySealEndEvent`).
 */
import { communityCode } from '@shequ/domain';
import { z } from 'zod';
import { custodyRuleSource } from './jurisdiction-citations.js';
import {
  type SealEndStatus,
  type SealEndType,
  sealEndStatusLabels,
  sealEndTypeLabels,
  sealOwnerKinds,
  sealRemovalStatuses,
  sealStateLabels,
  sealStates,
  sealUseStatuses,
} from './labels.js';
import { projectRuleBasis, projectRules } from './project-rules.js';
import { allow, givenReason, isBefore, refuse, type Transition } from './transition.js';

// The values and their labels live in `labels.ts` (zod-free, for the console); re-exported here.
export {
  type SealEndStatus,
  type SealEndType,
  type SealState,
  sealEndStatuses,
  sealEndStatusLabels,
  sealEndTypeLabels,
  sealEndTypes,
  sealOwnerKindLabels,
  sealOwnerKinds,
  sealStateLabels,
  sealStates,
} from './labels.js';

const PROJECT_RULE = projectRuleBasis(projectRules.sealEnding);

const instant = z.iso.datetime({ offset: true, error: '应为带时区的 ISO 8601 时间' });
const personId = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空` });

export const seal = z
  .strictObject({
    id: z.string().min(1),
    community: communityCode,
    name: z.string().min(1, { error: '印章名称不能为空' }),
    owner: z.strictObject({ kind: z.enum(sealOwnerKinds), name: z.string().min(1) }),
    /** SHA-256 (hex) of the impression image; the image itself lives in the attachment store. */
    impressionSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    custodian: personId('保管人'),
    /** 固定存放: the fixed place where the seal is kept. */
    storagePlace: z.string().min(1, { error: '须登记固定存放地点（鄂州 第四十条）' }),
    /** Who may approve its use and removal, as the community's 印章使用制度 names them. */
    approvers: z
      .array(personId('审批人'))
      .min(1, { error: '须按印章使用制度指定至少一名审批人（鄂州 第四十条）' }),
    state: z.enum(sealStates).default('inUse'),
  })
  .superRefine((value, context) => {
    if (value.approvers.length === 1 && value.approvers[0] === value.custodian) {
      context.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: '审批人不能只有保管人本人：保管与审批应分开',
      });
    }
  });
export type Seal = z.infer<typeof seal>;

/** 登记印章: a new seal enters the registry in use. */
export function registerSeal(input: z.input<typeof seal>): Seal {
  return seal.parse({ ...input, state: 'inUse' });
}

export type SealEvent =
  | { type: 'takeOut'; by: string; at: string; removal: SealRemoval }
  | { type: 'bringBack'; by: string; at: string }
  | { type: 'handOverCustody'; by: string; at: string; to: string; departure: boolean; supervisedBy?: string }
  | { type: 'retire'; by: string; at: string; approvedBy: string }
  | { type: 'destroy'; by: string; at: string; approvedBy: string }
  | { type: 'setApprovers'; by: string; at: string; approvers: readonly string[]; reason: string };

export function applySealEvent(current: Seal, event: SealEvent): Transition<Seal> {
  if (current.state === 'destroyed') return refuse(`印章「${current.name}」已销毁`, { basis: PROJECT_RULE });
  const custodianOnly = (what: string) =>
    event.by === current.custodian
      ? undefined
      : refuse(
          `${what}须由印章保管人 ${current.custodian} 办理（鄂州 第四十条：专人保管）`,
          custodyRuleSource(current.community, 'seals'),
        );

  switch (event.type) {
    case 'takeOut': {
      if (current.state === 'takenOut') {
        return refuse(
          `印章「${current.name}」已带离办公室，归还前不得再次带离`,
          custodyRuleSource(current.community, 'seals'),
        );
      }
      if (current.state !== 'inUse')
        return refuse(`印章「${current.name}」已停用，不能带离`, { basis: PROJECT_RULE });
      const notCustodian = custodianOnly('印章外带');
      if (notCustodian) return notCustodian;
      const { removal } = event;
      if (removal.sealId !== current.id || removal.status !== 'approved') {
        return refuse(
          '无特殊情况未经批准不得带离办公室：该印章没有已批准的外带申请',
          custodyRuleSource(current.community, 'seals'),
        );
      }
      if (!isBefore(event.at, removal.returnBy)) {
        return refuse('外带申请的归还期限已过，须重新申请', custodyRuleSource(current.community, 'seals'));
      }
      return allow({ ...current, state: 'takenOut' });
    }
    case 'bringBack': {
      if (current.state !== 'takenOut')
        return refuse(
          `印章「${current.name}」在办公室，无需归还`,
          custodyRuleSource(current.community, 'seals'),
        );
      const notCustodian = custodianOnly('印章归还');
      if (notCustodian) return notCustodian;
      return allow({ ...current, state: 'inUse' });
    }
    case 'handOverCustody': {
      if (current.state === 'takenOut') {
        return refuse(
          '印章外带期间不能交接保管，须先归还固定存放处',
          custodyRuleSource(current.community, 'seals'),
        );
      }
      const notCustodian = custodianOnly('印章交接');
      if (notCustodian) return notCustodian;
      if (event.to === current.custodian)
        return refuse('接收人与原保管人相同', custodyRuleSource(current.community, 'seals'));
      if (event.departure && (!event.supervisedBy || [event.by, event.to].includes(event.supervisedBy))) {
        return refuse(
          '离任移交印章须在镇纪委、党政办监督下进行，监督人不能是交接双方（金山镇 第十八条）',
          custodyRuleSource(current.community, 'handover'),
        );
      }
      return allow({ ...current, custodian: event.to });
    }
    case 'setApprovers': {
      if (current.state === 'retired') {
        return refuse(
          `印章「${current.name}」已停用，不再审批用印，无需变更审批人`,
          custodyRuleSource(current.community, 'seals'),
        );
      }
      const reason = givenReason(
        event.reason,
        '须写明变更理由',
        custodyRuleSource(current.community, 'seals'),
      );
      if (!reason.ok) return reason;
      const approvers = [...new Set(event.approvers.map((approver) => approver.trim()))];
      const checked = seal.safeParse({ ...current, approvers });
      if (!checked.success) {
        return refuse(checked.error.issues[0]?.message ?? '审批人有误', {
          ...custodyRuleSource(current.community, 'seals'),
          field: 'approvers',
        });
      }
      return allow(checked.data);
    }
    case 'retire': {
      if (current.state !== 'inUse') {
        return refuse(`印章「${current.name}」${sealStateLabels[current.state]}，不能停用`, {
          basis: PROJECT_RULE,
        });
      }
      if (!current.approvers.includes(event.approvedBy) || event.approvedBy === event.by) {
        return refuse('停用印章须经印章使用制度指定的审批人（经办人以外）批准', { basis: PROJECT_RULE });
      }
      return allow({ ...current, state: 'retired' });
    }
    case 'destroy': {
      if (current.state !== 'retired') return refuse('印章须先停用才能销毁', { basis: PROJECT_RULE });
      if (!current.approvers.includes(event.approvedBy) || event.approvedBy === event.by) {
        return refuse('销毁印章须经印章使用制度指定的审批人（经办人以外）批准', { basis: PROJECT_RULE });
      }
      return allow({ ...current, state: 'destroyed' });
    }
  }
}

// ── 印章停用、销毁的提出与确认 ───────────────────────────────────────────────
//
// 本系统规则 R-SEA-1: one person proposes, naming the approver whose consent it needs, and the
// seal changes only when that approver confirms it themselves. A consent someone else states on
// the approver's behalf is no consent.

export interface SealEndProposal {
  id: string;
  sealId: string;
  type: SealEndType;
  proposedBy: string;
  proposedAt: string;
  /** The approver of the seal who must confirm; never the proposer. */
  approvedBy: string;
  reason: string;
  status: SealEndStatus;
  decidedAt?: string;
  declineReason?: string;
}

/**
 * 提出停用或销毁: refused now if confirming it could not succeed as the seal stands (wrong state,
 * `approvedBy` not another approver of the seal), so nobody is asked to confirm the impossible.
 */
export function proposeSealEnd(
  current: Seal,
  input: { id: string; type: SealEndType; by: string; at: string; approvedBy: string; reason: string },
): Transition<SealEndProposal> {
  const given = givenReason(input.reason, `须写明${sealEndTypeLabels[input.type]}理由`, {
    basis: PROJECT_RULE,
  });
  if (!given.ok) return given;
  const reason = given.value;
  const check = applySealEvent(current, {
    type: input.type,
    by: input.by,
    at: input.at,
    approvedBy: input.approvedBy,
  });
  if (!check.ok) return check;
  return allow({
    id: input.id,
    sealId: current.id,
    type: input.type,
    proposedBy: input.by,
    proposedAt: input.at,
    approvedBy: input.approvedBy,
    reason,
    status: 'pending',
  });
}

/**
 * 用印 / 外带申请 against `current`: refused once the seal is retired or destroyed, since nobody
 * approves or stamps with it any more.
 */
export function sealAcceptsRequests(current: Seal, kind: 'use' | 'takeOut'): Transition<Seal> {
  if (current.state === 'retired' || current.state === 'destroyed') {
    return refuse(`印章「${current.name}」已停用，不能申请${kind === 'use' ? '用印' : '外带'}`, {
      basis: PROJECT_RULE,
    });
  }
  return allow(current);
}

export type SealEndEvent =
  | { type: 'confirm'; by: string; at: string }
  | { type: 'decline'; by: string; at: string; reason: string }
  | { type: 'withdraw'; by: string; at: string };

const sealEndEventLabels: Record<SealEndEvent['type'], string> = {
  confirm: '确认',
  decline: '不同意',
  withdraw: '撤回',
};

/**
 * 确认 / 不同意 (the named approver only) and 撤回 (the proposer only). Confirming applies the
 * `retire` or `destroy` seal event as it stands at that moment, with the proposer as the one acting
 * and the confirmer as the consenting approver; declining and withdrawing leave the seal as it is.
 */
export function applySealEndEvent(
  proposal: SealEndProposal,
  current: Seal,
  event: SealEndEvent,
): Transition<{ proposal: SealEndProposal; seal: Seal }> {
  const what = `${sealEndTypeLabels[proposal.type]}印章「${current.name}」的申请`;
  if (proposal.sealId !== current.id) return refuse('申请的不是这枚印章', { basis: PROJECT_RULE });
  if (proposal.status !== 'pending') {
    return refuse(`${what}${sealEndStatusLabels[proposal.status]}，不能再${sealEndEventLabels[event.type]}`, {
      basis: PROJECT_RULE,
    });
  }
  if (event.type === 'withdraw') {
    if (event.by !== proposal.proposedBy) return refuse(`只有提出人能撤回${what}`, { basis: PROJECT_RULE });
    return allow({ proposal: { ...proposal, status: 'withdrawn', decidedAt: event.at }, seal: current });
  }
  if (event.by !== proposal.approvedBy || event.by === proposal.proposedBy) {
    return refuse(`${what}须由指定的审批人 ${proposal.approvedBy} 本人${sealEndEventLabels[event.type]}`, {
      basis: PROJECT_RULE,
    });
  }
  if (event.type === 'decline') {
    const reason = givenReason(event.reason, '不同意须说明理由', { basis: PROJECT_RULE });
    if (!reason.ok) return reason;
    return allow({
      proposal: { ...proposal, status: 'declined', decidedAt: event.at, declineReason: reason.value },
      seal: current,
    });
  }
  const moved = applySealEvent(current, {
    type: proposal.type,
    by: proposal.proposedBy,
    at: event.at,
    approvedBy: event.by,
  });
  if (!moved.ok) return moved;
  return allow({ proposal: { ...proposal, status: 'confirmed', decidedAt: event.at }, seal: moved.value });
}

function approverCheck(
  current: Seal,
  requestedBy: string,
  by: string,
): ReturnType<typeof refuse> | undefined {
  if (!current.approvers.includes(by)) {
    return refuse(
      `${by} 不是印章「${current.name}」的审批人（按印章使用制度：${current.approvers.join('、')}）`,
      custodyRuleSource(current.community, 'seals'),
    );
  }
  if (by === requestedBy)
    return refuse(
      '申请人不能审批自己的申请（严格印章使用审批手续）',
      custodyRuleSource(current.community, 'seals'),
    );
  return undefined;
}

// ── 用印审批 ────────────────────────────────────────────────────────────────

export { sealRemovalStatuses, sealUseStatuses };
export type SealUseStatus = (typeof sealUseStatuses)[number];
export const sealUseStatusLabels: Record<SealUseStatus, string> = {
  requested: '待审批',
  approved: '已批准',
  refused: '未批准',
  withdrawn: '已撤回',
  stamped: '已用印',
};

export const sealUseRequest = z.strictObject({
  id: z.string().min(1),
  sealId: z.string().min(1),
  requestedBy: personId('申请人'),
  requestedAt: instant,
  purpose: z.string().trim().min(1, { error: '须写明用印事由' }),
  /** The document to be stamped. */
  document: z.string().trim().min(1, { error: '须写明用印文件' }),
  copies: z.int().min(1, { error: '份数应为正整数' }),
  status: z.enum(sealUseStatuses).default('requested'),
  decidedBy: z.string().optional(),
  decidedAt: instant.optional(),
  refusalReason: z.string().optional(),
  stampedBy: z.string().optional(),
  stampedAt: instant.optional(),
  copiesStamped: z.int().min(1).optional(),
});
export type SealUseRequest = z.infer<typeof sealUseRequest>;

export type SealUseEvent =
  | { type: 'approve'; by: string; at: string }
  | { type: 'refuse'; by: string; at: string; reason: string }
  | { type: 'withdraw'; by: string; at: string }
  | { type: 'stamp'; by: string; at: string; copies: number };

export function applySealUseEvent(
  request: SealUseRequest,
  current: Seal,
  event: SealUseEvent,
): Transition<SealUseRequest> {
  if (request.sealId !== current.id)
    return refuse('申请的不是这枚印章', custodyRuleSource(current.community, 'seals'));
  if (request.status !== (event.type === 'stamp' ? 'approved' : 'requested')) {
    return refuse(
      `用印申请${sealUseStatusLabels[request.status]}，不能${sealUseEventLabels[event.type]}`,
      custodyRuleSource(current.community, 'seals'),
    );
  }
  if (current.state === 'retired' || current.state === 'destroyed') {
    if (event.type !== 'refuse' && event.type !== 'withdraw') {
      return refuse(`印章「${current.name}」${sealStateLabels[current.state]}，不能再用印`, {
        basis: PROJECT_RULE,
      });
    }
  }
  switch (event.type) {
    case 'approve':
    case 'refuse': {
      const notApprover = approverCheck(current, request.requestedBy, event.by);
      if (notApprover) return notApprover;
      if (event.type === 'approve') {
        return allow({ ...request, status: 'approved', decidedBy: event.by, decidedAt: event.at });
      }
      const reason = givenReason(
        event.reason,
        '不予批准须说明理由',
        custodyRuleSource(current.community, 'seals'),
      );
      if (!reason.ok) return reason;
      return allow({
        ...request,
        status: 'refused',
        decidedBy: event.by,
        decidedAt: event.at,
        refusalReason: reason.value,
      });
    }
    case 'withdraw':
      if (event.by !== request.requestedBy)
        return refuse('只有申请人能撤回用印申请', custodyRuleSource(current.community, 'seals'));
      return allow({ ...request, status: 'withdrawn' });
    case 'stamp': {
      if (event.by !== current.custodian) {
        return refuse(
          `用印须由印章保管人 ${current.custodian} 办理并登记（鄂州 第四十条：专人保管）`,
          custodyRuleSource(current.community, 'seals'),
        );
      }
      if (event.copies > request.copies) {
        return refuse(
          `用印 ${event.copies} 份超过批准的 ${request.copies} 份`,
          custodyRuleSource(current.community, 'seals'),
        );
      }
      return allow({
        ...request,
        status: 'stamped',
        stampedBy: event.by,
        stampedAt: event.at,
        copiesStamped: event.copies,
      });
    }
  }
}

const sealUseEventLabels: Record<SealUseEvent['type'], string> = {
  approve: '批准',
  refuse: '不予批准',
  withdraw: '撤回',
  stamp: '用印',
};

// ── 印章外带 ────────────────────────────────────────────────────────────────

export type SealRemovalStatus = (typeof sealRemovalStatuses)[number];
export const sealRemovalStatusLabels: Record<SealRemovalStatus, string> = {
  requested: '待审批',
  approved: '已批准',
  refused: '未批准',
  withdrawn: '已撤回',
  out: '外带中',
  returned: '已归还',
};

export const sealRemoval = z
  .strictObject({
    id: z.string().min(1),
    sealId: z.string().min(1),
    requestedBy: personId('申请人'),
    requestedAt: instant,
    /** The special circumstance that justifies taking the seal out (「无特殊情况…不得带离」). */
    reason: z.string().trim().min(1, { error: '须写明带离办公室的特殊情况' }),
    destination: z.string().optional(),
    returnBy: instant,
    status: z.enum(sealRemovalStatuses).default('requested'),
    decidedBy: z.string().optional(),
    decidedAt: instant.optional(),
    takenOutAt: instant.optional(),
    returnedAt: instant.optional(),
  })
  .refine((value) => isBefore(value.requestedAt, value.returnBy), {
    path: ['returnBy'],
    error: '归还期限须晚于申请时间',
  });
export type SealRemoval = z.infer<typeof sealRemoval>;

export type SealRemovalEvent =
  | { type: 'approve'; by: string; at: string }
  | { type: 'refuse'; by: string; at: string }
  | { type: 'withdraw'; by: string; at: string };

export function applySealRemovalEvent(
  removal: SealRemoval,
  current: Seal,
  event: SealRemovalEvent,
): Transition<SealRemoval> {
  if (removal.sealId !== current.id)
    return refuse('申请的不是这枚印章', custodyRuleSource(current.community, 'seals'));
  if (removal.status !== 'requested') {
    return refuse(
      `外带申请${sealRemovalStatusLabels[removal.status]}，不能再审批或撤回`,
      custodyRuleSource(current.community, 'seals'),
    );
  }
  if (event.type === 'withdraw') {
    if (event.by !== removal.requestedBy)
      return refuse('只有申请人能撤回外带申请', custodyRuleSource(current.community, 'seals'));
    return allow({ ...removal, status: 'withdrawn' });
  }
  const notApprover = approverCheck(current, removal.requestedBy, event.by);
  if (notApprover) return notApprover;
  return allow({
    ...removal,
    status: event.type === 'approve' ? 'approved' : 'refused',
    decidedBy: event.by,
    decidedAt: event.at,
  });
}

/** 印章外带: the seal leaves the office under an approved removal; both records change together. */
export function takeSealOut(
  current: Seal,
  removal: SealRemoval,
  event: { by: string; at: string },
): Transition<{ seal: Seal; removal: SealRemoval }> {
  const moved = applySealEvent(current, { type: 'takeOut', removal, ...event });
  if (!moved.ok) return moved;
  return allow({ seal: moved.value, removal: { ...removal, status: 'out', takenOutAt: event.at } });
}

/** The seal comes back to its fixed place. */
export function bringSealBack(
  current: Seal,
  removal: SealRemoval,
  event: { by: string; at: string },
): Transition<{ seal: Seal; removal: SealRemoval }> {
  if (removal.sealId !== current.id || removal.status !== 'out') {
    return refuse('这份外带申请不是该印章当前的外带记录', custodyRuleSource(current.community, 'seals'));
  }
  const moved = applySealEvent(current, { type: 'bringBack', ...event });
  if (!moved.ok) return moved;
  return allow({ seal: moved.value, removal: { ...removal, status: 'returned', returnedAt: event.at } });
}

/** Seals out past their return deadline at `now`, most overdue first. */
export function overdueRemovals(removals: readonly SealRemoval[], now: string): SealRemoval[] {
  return removals
    .filter((removal) => removal.status === 'out' && isBefore(removal.returnBy, now))
    .sort((a, b) => Date.parse(a.returnBy) - Date.parse(b.returnBy));
}
