/**
 * Authorisation rules as pure functions (FOUNDATION.md "Roles and scope"). Every procedure reaches them
 * through the builders in `../trpc.ts`; nothing else decides who may see or change what.
 */
import { divisionLevel, type JurisdictionLevel, significantPrefix } from '@shequ/domain';
import { type AppRole, COUNTRY_CODE, isAdminRole } from './roles.js';

// The role predicates are the domain's (one definition for the API and the console); kept importable from here.
export { type AdminRole, adminRoles, canWrite, isAdminRole } from './roles.js';

export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: AppRole;
  jurisdictionCode: string;
  mustChangePassword: boolean;
}

export type BindingLevel = 'country' | JurisdictionLevel;

/** Depth of each binding level: smaller is higher in the tree. */
const depth: Record<BindingLevel, number> = {
  country: 0,
  province: 1,
  city: 2,
  district: 3,
  street: 4,
  community: 5,
};

/** The node level an account of each role must be bound to; auditors may sit at any level. */
export const roleBindingLevel: Record<Exclude<AppRole, 'auditor'>, BindingLevel> = {
  systemAdmin: 'country',
  provinceAdmin: 'province',
  cityAdmin: 'city',
  districtAdmin: 'district',
  streetAdmin: 'street',
  communityWorker: 'community',
};

/** The level of a binding code (`000000` is the whole country), or undefined for a malformed code. */
export function bindingLevel(code: string): BindingLevel | undefined {
  return code === COUNTRY_CODE ? 'country' : divisionLevel(code);
}

/** The prefix every code under the node starts with; '' for the whole country (the domain's one definition). */
export function scopePrefix(jurisdictionCode: string): string {
  return significantPrefix(jurisdictionCode);
}

/** Whether `code` (a node or a community) lies under the principal's node, the node itself included. */
export function isInScope(principal: Pick<Principal, 'jurisdictionCode'>, code: string): boolean {
  if (principal.jurisdictionCode === COUNTRY_CODE) return true;
  if (bindingLevel(code) === undefined || code === COUNTRY_CODE) return false;
  return code.startsWith(scopePrefix(principal.jurisdictionCode));
}

/** Why a role may not be bound to a node, in zh-CN; undefined when it may. */
export function bindingProblem(role: AppRole, jurisdictionCode: string): string | undefined {
  const level = bindingLevel(jurisdictionCode);
  if (!level) return '行政区划代码无效';
  if (role === 'auditor') return undefined;
  const wanted = roleBindingLevel[role];
  return wanted === level ? undefined : `该角色须绑定到${bindingLevelNames[wanted]}级节点`;
}

export const bindingLevelNames: Record<BindingLevel, string> = {
  country: '全国',
  province: '省',
  city: '市',
  district: '区（县）',
  street: '街道（乡镇）',
  community: '社区',
};

/** Rank of a role for "at or below my level": an auditor (read-only) ranks below every admin. */
function roleDepth(role: AppRole): number {
  return role === 'auditor' ? Number.POSITIVE_INFINITY : depth[roleBindingLevel[role]];
}

/**
 * Whether `actor` may create, reset or disable an account with `role` bound to `jurisdictionCode`:
 * only administrators, only for nodes in their scope, only roles at or below their own level.
 * Returns the zh-CN reason when not.
 */
export function accountManagementProblem(
  actor: Pick<Principal, 'role' | 'jurisdictionCode'>,
  target: { role: AppRole; jurisdictionCode: string },
): string | undefined {
  if (!isAdminRole(actor.role)) return '只有管理员可以管理账号';
  if (!isInScope(actor, target.jurisdictionCode)) return '不能管理本辖区以外的账号';
  if (roleDepth(target.role) < roleDepth(actor.role)) return '不能管理级别高于自己的账号';
  return undefined;
}

/**
 * Whether `actor` may reset the password of (or disable) `target`, beyond `accountManagementProblem`: an
 * account bound to the actor's own node — a fellow administrator, or the auditor who supervises the
 * actor — needs an administrator above both, or a street administrator could reset the town's discipline
 * auditor's password and sign in as them. A wider scope is already outside the actor's reach.
 */
export function accountTakeoverProblem(
  actor: Pick<Principal, 'jurisdictionCode'>,
  target: { role: AppRole; jurisdictionCode: string },
): string | undefined {
  if (target.jurisdictionCode !== actor.jurisdictionCode) return undefined;
  return target.role === 'auditor'
    ? '本级审计员的账号须由上级管理员办理'
    : '与您同级的账号须由上级管理员办理';
}
