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

/** How the audit log names the changes to the registers. */
export const peopleAuditActionLabels: Record<string, string> = {
  'people.worker.create': '登记工作者',
  'people.worker.update': '修改工作者信息',
  'people.worker.leave': '办理离职',
  'people.worker.viewFull': '查看完整号码',
  'people.worker.import': '从表格导入工作者',
  'people.worker.export': '导出花名册（完整号码）',
  'people.committee.create': '登记委员会',
  'people.committee.update': '修改委员会',
  'people.grid.create': '登记网格',
  'people.building.create': '登记楼栋',
  'people.resident-group.create': '登记居民小组',
  'people.representative.create': '登记居民代表',
  'people.grid.import': '从表格导入网格',
  'people.building.import': '从表格导入楼栋',
  'people.resident-group.import': '从表格导入居民小组',
};
