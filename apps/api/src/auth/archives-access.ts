/**
 * Who may see and do what in a community's archives, seals, handovers and custody log:
 * "Only the custodian, the approver and administrators above the community see these; a worker of
 * another community sees nothing"). The archive, seal, handover and custody routers call these
 * functions and nothing else for that decision, always after the scope check.
 *
 * - Administrators (street and above) in scope: everything.
 * - Auditors in scope: read everything; `writerProcedure` keeps them from changing anything.
 * - A worker of the community: what their part gives them. A custodian (of a shelved item or a seal
 *   not destroyed) sees the catalogue, loans, attachments, seals, seals out and the log, and acts as
 *   keeper; an approver sees the seals they approve, their inbox and the log. Every worker may list
 *   the community's seals, file use and take-out requests and see their own requests.
 *
 * The parts are read with indexed EXISTS queries (`archive_items_custodian_idx`, `seals_custodian_idx`,
 * `seal_approvers_user_idx`, `seal_approvers` primary key), one round trip per check.
 */
import {
  archiveItems,
  type Database,
  handovers,
  sealApprovers,
  sealEndProposals,
  seals,
  users,
} from '@shequ/db';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { forbidden, notFound } from '../errors.js';
import { requireScope } from '../trpc.js';
import { isAdminRole, type Principal } from './scope.js';

/** What a principal is in one community's archives. */
export interface ArchivesStanding {
  admin: boolean;
  auditor: boolean;
  /** Keeps an archive item (not destroyed) or a seal (not destroyed) of the community. */
  custodian: boolean;
  /** Named as approver of a seal of the community. */
  approver: boolean;
}

/**
 * - `catalogue`: catalogue, loans, attachments, seal details, seals out (custodians, admins, auditors);
 * - `log`: the custody log (also approvers);
 * - `keep`: the keeper's own acts: filing, lending, attaching, stamping, handing a seal out;
 * - `manage`: registering seals, handovers, checkpoints (administrators only).
 */
export type ArchivesNeed = 'catalogue' | 'log' | 'keep' | 'manage';

// Each says who may, so that nobody is refused in words that describe them (an approver reading the
// catalogue is not told "approvers may").
export const CANNOT_SEE = '只有档案、印章保管人和上级管理员可以查看';
export const CANNOT_SEE_LOG = '只有档案、印章保管人，印章审批人和上级管理员可以查看留痕日志';
export const CANNOT_KEEP = '只有档案、印章保管人和上级管理员可以办理';
export const CANNOT_KEEP_ITEM =
  '只有这份档案的保管人和上级管理员可以办理（鄂州 第三十九条：档案指定专人保管）';
export const CANNOT_MANAGE = '只有街道（乡镇）及以上管理员可以办理：登记印章、办理离任移交、签发检查点';
export const CANNOT_SEE_HANDOVER = '只有移交人、接交人、监督人和上级管理员可以查看离任移交清单';

const refusals: Record<ArchivesNeed, string> = {
  catalogue: CANNOT_SEE,
  log: CANNOT_SEE_LOG,
  keep: CANNOT_KEEP,
  manage: CANNOT_MANAGE,
};

function custodianIn(userId: string, community: string): SQL {
  return sql`(exists (select 1 from ${archiveItems} where ${archiveItems.custodianId} = ${userId}
      and ${archiveItems.communityCode} = ${community} and ${archiveItems.status} <> 'destroyed')
    or exists (select 1 from ${seals} where ${seals.custodianId} = ${userId}
      and ${seals.communityCode} = ${community} and ${seals.state} <> 'destroyed'))`;
}

function approverIn(userId: string, community: string): SQL {
  return sql`exists (select 1 from ${sealApprovers} where ${sealApprovers.userId} = ${userId}
    and ${sealApprovers.communityCode} = ${community})`;
}

/** The principal's standing in `community`; throws FORBIDDEN when it lies outside their scope. */
export async function archivesStanding(
  db: Database,
  principal: Principal,
  community: string,
): Promise<ArchivesStanding> {
  requireScope(principal, community);
  if (isAdminRole(principal.role)) return { admin: true, auditor: false, custodian: false, approver: false };
  if (principal.role === 'auditor') return { admin: false, auditor: true, custodian: false, approver: false };
  const [row] = await db
    .select({
      custodian: sql<boolean>`${custodianIn(principal.id, community)}`,
      approver: sql<boolean>`${approverIn(principal.id, community)}`,
    })
    .from(users)
    .where(eq(users.id, principal.id));
  return {
    admin: false,
    auditor: false,
    custodian: row?.custodian === true,
    approver: row?.approver === true,
  };
}

export function allows(standing: ArchivesStanding, need: ArchivesNeed): boolean {
  switch (need) {
    case 'manage':
      return standing.admin;
    case 'keep':
      return standing.admin || standing.custodian;
    case 'catalogue':
      return standing.admin || standing.auditor || standing.custodian;
    case 'log':
      return standing.admin || standing.auditor || standing.custodian || standing.approver;
  }
}

/** Throws FORBIDDEN (zh-CN, saying who may) unless the principal's standing in `community` covers `need`. */
export async function requireArchivesAccess(
  db: Database,
  principal: Principal,
  community: string,
  need: ArchivesNeed,
): Promise<ArchivesStanding> {
  const standing = await archivesStanding(db, principal, community);
  if (!allows(standing, need)) throw forbidden(refusals[need]);
  return standing;
}

/**
 * Lists across a town or more (overdue loans, seals out): administrators and auditors see their scope;
 * a community worker sees their own community only if their standing there covers `need`.
 */
export async function requireOwnCommunityAccess(
  db: Database,
  principal: Principal,
  need: ArchivesNeed,
): Promise<void> {
  if (principal.role === 'communityWorker') {
    await requireArchivesAccess(db, principal, principal.jurisdictionCode, need);
  }
}

/** Whether `userId` is a named approver of the seal: one primary-key lookup. */
export async function isSealApprover(db: Database, userId: string, sealId: string): Promise<boolean> {
  const [row] = await db
    .select({ sealId: sealApprovers.sealId })
    .from(sealApprovers)
    .where(and(eq(sealApprovers.sealId, sealId), eq(sealApprovers.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Seal details: administrators and auditors in scope, custodians of the community, and the seal's own
 * approvers ("the approver sees the seals they approve").
 */
export async function requireSealAccess(
  db: Database,
  principal: Principal,
  community: string,
  sealId: string,
): Promise<ArchivesStanding> {
  const standing = await archivesStanding(db, principal, community);
  if (allows(standing, 'catalogue')) return standing;
  if (standing.approver && (await isSealApprover(db, principal.id, sealId))) return standing;
  throw forbidden(CANNOT_SEE);
}

/** Deciding a request for a seal: administrators (the store still checks the approver list) and its approvers. */
export async function requireSealApprover(
  db: Database,
  principal: Principal,
  community: string,
  sealId: string,
): Promise<void> {
  const standing = await archivesStanding(db, principal, community);
  if (standing.admin) return;
  if (standing.auditor || !(await isSealApprover(db, principal.id, sealId))) {
    throw forbidden('只有该印章的审批人和上级管理员可以审批');
  }
}

/**
 * A proposal to retire or destroy a seal: only the approver it names confirms or declines it, only its
 * proposer withdraws it. Not even an administrator acts for them: consent stated on someone else's
 * behalf is what the two steps exist to rule out. Outside the principal's scope it is "not found".
 */
export async function requireSealEndParty(
  db: Database,
  principal: Principal,
  proposalId: string,
  party: 'approver' | 'proposer',
): Promise<void> {
  const [row] = await db
    .select({
      communityCode: sealEndProposals.communityCode,
      proposedBy: sealEndProposals.proposedBy,
      approvedBy: sealEndProposals.approvedBy,
    })
    .from(sealEndProposals)
    .where(eq(sealEndProposals.id, proposalId))
    .limit(1);
  if (!row) throw notFound('没有这份停用或销毁申请');
  try {
    requireScope(principal, row.communityCode);
  } catch {
    throw notFound('没有这份停用或销毁申请');
  }
  if (party === 'approver' && row.approvedBy !== principal.id) {
    throw forbidden('只有申请中指定的审批人本人可以确认或不同意');
  }
  if (party === 'proposer' && row.proposedBy !== principal.id) {
    throw forbidden('只有提出人本人可以撤回');
  }
}

/** SQL: the principal is the leaver, successor or supervisor of the handover row. */
export function partyToHandover(userId: string): SQL {
  return or(
    eq(handovers.leaverId, userId),
    eq(handovers.successorId, userId),
    eq(handovers.supervisorId, userId),
  ) as SQL;
}

/**
 * A handover: administrators see and act on every one in scope, auditors in scope read every one;
 * otherwise only its leaver, successor and supervisor (the supervisor may be an auditor bound to the
 * town, as Jinshan's 纪委 account is, and still confirms: the store checks it is them).
 */
export async function requireHandoverAccess(
  db: Database,
  principal: Principal,
  community: string,
  handoverId: string,
  mode: 'read' | 'act',
): Promise<void> {
  requireScope(principal, community);
  if (isAdminRole(principal.role)) return;
  if (mode === 'read' && principal.role === 'auditor') return;
  const [row] = await db
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.id, handoverId), partyToHandover(principal.id)))
    .limit(1);
  if (!row) throw forbidden(CANNOT_SEE_HANDOVER);
}
