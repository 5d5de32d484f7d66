/**
 * Departure handover (离任移交) of finance records, archives and seals.
 *
 * 金山镇城市社区工作管理办法（试行）第十八条：「社区工作人员离任，财务、档案、印章等移交工作，由镇纪委、
 * 党政办负责监督。对无故拖延移交的，给予批评教育。逾期拒不移交、涂改、损毁、丢失档案和印章的，扣除离任
 * 当年绩效奖金；情节严重的，给予党纪处分。」
 *
 * Interpretations, each tested:
 * - The supervisor comes from the town's discipline committee or its party and government office,
 *   and is neither the leaver nor the successor. The list is complete when leaver, successor and
 *   supervisor have all confirmed it; the supervisor confirms last, over what the two agreed.
 * - 「逾期」 is measured against the deadline the town sets for this handover (`dueOn`).
 * - The bonus sanction names 档案和印章 only; a finance item missing or altered is recorded and
 *   escalated to the supervisor, with no automatic sanction from this article.
 * - 「情节严重」 is a judgement the supervisor records (`serious`); the package does not guess it.
 * - A handover list is a check: every item starts 待核对 (`unchecked`) and its condition is what a
 *   person found, never a default; nobody confirms the list while an item is unchecked, and a note
 *   does not change the condition chosen.
 * - The list is opened with a deadline on or after the day it is opened (a deadline already past
 *   would make the leaver late before anything could be handed over), and not while a seal in the
 *   leaver's custody is taken out: the seal must be back in its fixed place (鄂州 第四十条) so that
 *   it can be handed over under supervision (金山镇 第十八条).
 * - The confirmations and supervision apply to every community as the project's baseline; the
 *   sanctions are Jinshan town's, so `handoverConsequences` says whether they are in force for
 *   the community (within 370305111, on or after 2020-01-06).
 */
import { communityCode, isoDate, isWithin } from '@shequ/domain';
import { z } from 'zod';
import { type ArchiveStatus, archiveStatusLabels } from './archive.js';
import { type Citation, citations } from './citations.js';
import { custodyRuleSource } from './jurisdiction-citations.js';
import {
  type HandoverItemCondition,
  handoverConditionLabels,
  handoverItemConditions,
  handoverItemKinds,
  supervisingBodies,
} from './labels.js';
import { projectRuleBasis, projectRules } from './project-rules.js';
import type { SealState } from './seal.js';
import { allow, isBefore, refuse, type Transition } from './transition.js';

// The values and their labels live in `labels.ts` (zod-free, for the console); re-exported here.
export {
  type HandoverItemCondition,
  handoverConditionLabels,
  handoverConditions,
  handoverItemConditions,
  handoverItemKindLabels,
  handoverItemKinds,
  supervisingBodies,
  supervisingBodyLabels,
} from './labels.js';

const HANDOVER = citations.jinshanHandover;
const ITEM_BY_ITEM = projectRuleBasis(projectRules.handoverItemByItem);
const JINSHAN_TOWN = '370305111';

const problemConditions: ReadonlySet<HandoverItemCondition> = new Set(['missing', 'altered', 'damaged']);

const person = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空` });

export const departureHandover = z
  .strictObject({
    id: z.string().min(1),
    community: communityCode,
    leaver: person('离任人'),
    successor: person('接任人'),
    supervisor: z.strictObject({ person: person('监督人'), body: z.enum(supervisingBodies) }),
    dueOn: isoDate,
    items: z
      .array(
        z.strictObject({
          kind: z.enum(handoverItemKinds),
          /** Reference code, seal id or ledger name. */
          ref: z.string().min(1),
          description: z.string().min(1),
          condition: z.enum(handoverItemConditions),
          note: z.string().optional(),
        }),
      )
      .min(1, { error: '移交清单不能为空' }),
    confirmations: z
      .strictObject({
        leaver: isoDate.optional(),
        successor: isoDate.optional(),
        supervisor: isoDate.optional(),
      })
      .default({}),
    /** Recorded by the supervisor: 情节严重. */
    serious: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if ([value.leaver, value.successor].includes(value.supervisor.person)) {
      context.addIssue({
        code: 'custom',
        path: ['supervisor', 'person'],
        message: '监督人不能是移交或接收的一方（金山镇 第十八条）',
      });
    }
    if (value.leaver === value.successor) {
      context.addIssue({ code: 'custom', path: ['successor'], message: '接任人不能是离任人本人' });
    }
  });
export type DepartureHandover = z.infer<typeof departureHandover>;
export type HandoverRole = 'leaver' | 'successor' | 'supervisor';

export function confirmHandover(
  handover: DepartureHandover,
  role: HandoverRole,
  by: string,
  on: string,
): Transition<DepartureHandover> {
  if (handoverComplete(handover))
    return refuse('该移交已完成', custodyRuleSource(handover.community, 'handover'));
  const expected = role === 'supervisor' ? handover.supervisor.person : handover[role];
  if (by !== expected)
    return refuse(
      `${by} 不是本次移交的${roleLabels[role]}`,
      custodyRuleSource(handover.community, 'handover'),
    );
  if (handover.confirmations[role])
    return refuse(`${roleLabels[role]}已确认过`, custodyRuleSource(handover.community, 'handover'));
  const unchecked = handover.items.filter((item) => item.condition === 'unchecked');
  if (unchecked.length > 0) {
    return refuse(
      `清单上还有 ${unchecked.length} 项待核对（${unchecked.map((item) => item.ref).join('、')}），逐项登记移交情况后才能确认`,
      custodyRuleSource(handover.community, 'handover'),
    );
  }
  if (role === 'supervisor' && !(handover.confirmations.leaver && handover.confirmations.successor)) {
    return refuse(
      '离任人和接任人都确认清单后，监督人才能确认（由镇纪委、党政办负责监督）',
      custodyRuleSource(handover.community, 'handover'),
    );
  }
  return allow({ ...handover, confirmations: { ...handover.confirmations, [role]: on } });
}

const roleLabels: Record<HandoverRole, string> = {
  leaver: '离任人',
  successor: '接任人',
  supervisor: '监督人',
};

export function handoverComplete(handover: DepartureHandover): boolean {
  const { leaver, successor, supervisor } = handover.confirmations;
  return Boolean(leaver && successor && supervisor);
}

export type HandoverConsequence =
  | { kind: 'criticism'; reason: string }
  | { kind: 'forfeitBonus'; reason: string }
  | { kind: 'partyDiscipline'; reason: string }
  | { kind: 'escalate'; reason: string };

/**
 * What 金山镇 第十八条 attaches to this handover on `today`. `refused`: the leaver refuses to
 * hand over; `delayExcused`: the delay has a reason the supervisor accepts.
 */
export function handoverConsequences(
  handover: DepartureHandover,
  today: string,
  situation: { refused?: boolean; delayExcused?: boolean } = {},
): { consequences: HandoverConsequence[]; citation: typeof HANDOVER; inForce: boolean } {
  const consequences: HandoverConsequence[] = [];
  const completedOn = handover.confirmations.supervisor;
  const late = completedOn ? isBefore(handover.dueOn, completedOn) : isBefore(handover.dueOn, today);
  if (late && !situation.delayExcused && !situation.refused) {
    consequences.push({ kind: 'criticism', reason: `无故拖延移交（期限 ${handover.dueOn}）：给予批评教育` });
  }
  if (late && situation.refused && !completedOn) {
    consequences.push({ kind: 'forfeitBonus', reason: '逾期拒不移交：扣除离任当年绩效奖金' });
  }
  const damaged = handover.items.filter(
    (item) => item.kind !== 'finance' && problemConditions.has(item.condition),
  );
  if (damaged.length > 0) {
    const list = damaged
      .map((item) => `${item.ref}（${handoverConditionLabels[item.condition]}）`)
      .join('、');
    consequences.push({
      kind: 'forfeitBonus',
      reason: `档案、印章有涂改、损毁或丢失：${list}，扣除离任当年绩效奖金`,
    });
  }
  const finance = handover.items.filter(
    (item) => item.kind === 'finance' && problemConditions.has(item.condition),
  );
  if (finance.length > 0) {
    consequences.push({
      kind: 'escalate',
      reason: `财务资料有问题：${finance.map((item) => item.ref).join('、')}，报监督人处理（本条对财务资料未规定扣奖）`,
    });
  }
  if (handover.serious && consequences.some((c) => c.kind === 'forfeitBonus')) {
    consequences.push({ kind: 'partyDiscipline', reason: '情节严重：给予党纪处分' });
  }
  // Each ground is listed for the record; two bonus grounds still forfeit one year's bonus, once.
  const inForce = isWithin(handover.community, JINSHAN_TOWN) && !isBefore(today, HANDOVER.inForceFrom);
  return { consequences, citation: HANDOVER, inForce };
}

/** A seal as the opening check needs it: its name, state and custodian. */
export interface SealAtOpening {
  name: string;
  state: string;
  custodian: string;
}

export interface HandoverOpeningProblem {
  /** The field of the request to open the list that the problem belongs to. */
  field: 'dueOn' | 'leaverId';
  message: string;
  citation: Citation;
}

/**
 * Why a list for `leaver` may not be opened on `openedOn` with deadline `dueOn`, given the seals of
 * the community (only those in the leaver's custody count); empty when it may.
 */
export function handoverOpeningProblems(opening: {
  leaver: string;
  openedOn: string;
  dueOn: string;
  seals: readonly SealAtOpening[];
}): HandoverOpeningProblem[] {
  const problems: HandoverOpeningProblem[] = [];
  if (isBefore(opening.dueOn, opening.openedOn)) {
    problems.push({
      field: 'dueOn',
      message: `移交期限不能早于清单建立之日（${opening.openedOn}）`,
      citation: HANDOVER,
    });
  }
  const out = opening.seals.filter((seal) => seal.custodian === opening.leaver && seal.state === 'takenOut');
  if (out.length > 0) {
    problems.push({
      field: 'leaverId',
      message: `离任人保管的印章${out.map((seal) => `「${seal.name}」`).join('、')}正在外带，须先归还固定存放处，才能发起离任移交（鄂州 第四十条；金山镇 第十八条）`,
      citation: citations.ezhouSeals,
    });
  }
  return problems;
}

/**
 * Who may record what was found of an item on the list (丢失、涂改、损毁 or 完好): the three parties to
 * the handover, while it is open; whether it is 情节严重 is the supervisor's judgement alone.
 * `serious` is whether the caller states that judgement at all.
 */
export function mayRecordHandoverProblem(
  handover: DepartureHandover,
  by: string,
  statesSeriousness: boolean,
): Transition<DepartureHandover> {
  if (handoverComplete(handover))
    return refuse('该移交已完成，不能再修改清单', custodyRuleSource(handover.community, 'handover'));
  if (![handover.leaver, handover.successor, handover.supervisor.person].includes(by)) {
    return refuse('只有离任人、接任人和监督人可以登记移交问题', { basis: ITEM_BY_ITEM, field: 'handoverId' });
  }
  if (statesSeriousness && by !== handover.supervisor.person) {
    return refuse('情节是否严重由监督人认定（金山镇 第十八条）', {
      ...custodyRuleSource(handover.community, 'handover'),
      field: 'serious',
    });
  }
  return allow(handover);
}

/** The archive items a leaver hands over: those still in the community's keeping. */
export const handedOverArchiveStatuses = ['shelved', 'onLoan'] as const satisfies readonly ArchiveStatus[];
/** The seals a leaver hands over: every one not destroyed (a retired seal is still kept). */
export const handedOverSealStates = ['inUse', 'takenOut', 'retired'] as const satisfies readonly SealState[];

/** One line of a handover list before anyone has checked it; `refId` points at the item or seal. */
export interface HandoverListEntry {
  kind: (typeof handoverItemKinds)[number];
  refId: string | null;
  ref: string;
  description: string;
}

/**
 * What goes on a leaver's list, in this order: the finance records they name (kept outside Shequ),
 * every archive item in their custody still kept, and every seal in their custody not destroyed,
 * each described so that whoever checks it knows where it is (借出中, 外带中).
 */
export function handoverListEntries(holdings: {
  leaver: string;
  financeRecords: readonly { ref: string; description: string }[];
  archives: readonly {
    id: string;
    referenceCode: string;
    title: string;
    status: string;
    custodian: string;
  }[];
  seals: readonly {
    id: string;
    name: string;
    ownerName: string;
    storagePlace: string;
    state: string;
    custodian: string;
  }[];
}): HandoverListEntry[] {
  const held = <T extends { custodian: string; status?: string; state?: string }>(
    rows: readonly T[],
    kept: readonly string[],
  ) =>
    rows.filter((row) => row.custodian === holdings.leaver && kept.includes(row.status ?? row.state ?? ''));
  return [
    ...holdings.financeRecords.map((f) => ({ kind: 'finance' as const, refId: null, ...f })),
    ...held(holdings.archives, handedOverArchiveStatuses).map((item) => ({
      kind: 'archive' as const,
      refId: item.id,
      ref: item.referenceCode,
      description: `${item.title}${item.status === 'onLoan' ? `（${archiveStatusLabels.onLoan}中）` : ''}`,
    })),
    ...held(holdings.seals, handedOverSealStates).map((seal) => ({
      kind: 'seal' as const,
      refId: seal.id,
      ref: seal.name,
      description: `${seal.ownerName}，存放于${seal.storagePlace}${seal.state === 'takenOut' ? '（外带中）' : ''}`,
    })),
  ];
}
