/**
 * The people a change names (保管人、借阅人、审批人、离任人、接任人、监督人) must hold an active account
 * of the community — a handover's supervisor, of its town (镇纪委、党政办) — so that a console cannot
 * name someone from elsewhere. The caller looks the accounts up; this decides.
 */
import { projectRuleBasis, projectRules } from './project-rules.js';
import { allow, refuse, type Transition } from './transition.js';

const STAFF_RULE = projectRuleBasis(projectRules.staffOfCommunity);

/** An account as the check needs it; `active` is false once it is disabled. */
export interface StaffAccount {
  jurisdictionCode: string;
  active: boolean;
}

/** Where the people named must work: the community itself, or the town (街道) it belongs to. */
export type StaffScope = { level: 'community' | 'town'; code: string };

const scopeLabels: Record<StaffScope['level'], string> = { community: '本社区', town: '本镇（街道）' };

/**
 * The people named, by the field naming each (`custodianId`, `approverIds.0`, …), checked against the
 * accounts found for them: refused on the first field whose account is missing, disabled or elsewhere.
 */
export function staffOfScope(
  named: Readonly<Record<string, string | undefined>>,
  accounts: ReadonlyMap<string, StaffAccount>,
  scope: StaffScope,
): Transition<readonly string[]> {
  for (const [field, id] of Object.entries(named)) {
    if (!id) continue;
    const account = accounts.get(id);
    if (!account?.active || account.jurisdictionCode !== scope.code) {
      return refuse(`${field}: 不是${scopeLabels[scope.level]}的在职账号`, { basis: STAFF_RULE, field });
    }
  }
  return allow([...new Set(Object.values(named).filter((id): id is string => Boolean(id)))]);
}
