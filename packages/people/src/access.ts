/**
 * Who sees personal data unmasked. The roster is kept by the community and managed by the street
 * (Weihai 二（四）: 人员由街道（镇）统一管理), so those two roles may open a worker's full identity and
 * mobile numbers, each time recorded in the audit log; everyone else, auditors included, sees them
 * masked. A role name as in `@shequ/domain`'s `appRoles`.
 */
import { auditActionLabels } from '@shequ/domain/labels';

const rolesSeeingPersonalData: readonly string[] = ['communityWorker', 'streetAdmin'];

export function maySeePersonalData(role: string): boolean {
  return rolesSeeingPersonalData.includes(role);
}

/** How the audit log names the changes to the registers: the `people.` entries of the one labels map. */
export const peopleAuditActionLabels: Record<string, string> = Object.fromEntries(
  Object.entries(auditActionLabels).filter(([action]) => action.startsWith('people.')),
);
