/**
 * Who sees personal data unmasked. The roster is kept by the community and managed by the street
 * (Weihai 二（四）: 人员由街道（镇）统一管理), so those two roles may open a worker's full identity and
 * mobile numbers, each time recorded in the audit log; everyone else, auditors included, sees them
 * masked. A role name as in `@shequ/domain`'s `appRoles`.
 */
const rolesSeeingPersonalData: readonly string[] = ['communityWorker', 'streetAdmin'];

export function maySeePersonalData(role: string): boolean {
  return rolesSeeingPersonalData.includes(role);
}
