/**
 * The Chinese names of the platform's English values (docs/glossary.md), in one place: the console
 * shows them on screen and the API writes them into exported spreadsheets, so both say the same.
 * An unknown value is shown as it comes by callers (`labels[value] ?? value`).
 */
import type { AppRole } from './roles.js';

export const roleLabels: Record<AppRole, string> = {
  systemAdmin: '系统管理员',
  provinceAdmin: '省级管理员',
  cityAdmin: '市级管理员',
  districtAdmin: '区（县）级管理员',
  streetAdmin: '街道（乡镇）管理员',
  communityWorker: '社区工作者',
  auditor: '审计员',
};

/** Audit-log actions (`audit_log.action`). */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'user.create': '创建账号',
  'user.resetPassword': '重置密码',
  'user.setDisabled': '停用/启用账号',
  'community.updateFacts': '修改社区数据',
  'community.importFacts': '导入社区数据',
  'archive.file': '档案归档',
  'archive.update': '修改档案',
  'archive.attach': '添加档案附件',
  'archive.appraise': '档案鉴定',
  'archive.retain': '鉴定延长档案保管期限',
  'archive.destroy': '销毁档案',
  'archive.fixityCheck': '档案完整性校验',
  'archive.lend': '档案借出',
  'archive.return': '档案归还',
  'archive.changeCustodian': '更换档案保管人',
  'archive.remind': '催还逾期借阅',
  'seal.register': '登记印章',
  'seal.setApprovers': '变更印章审批人',
  'seal.handOverCustody': '移交印章保管',
  'seal.use.request': '申请用印',
  'seal.use.approve': '批准用印',
  'seal.use.stamp': '用印登记',
  'seal.removal.request': '申请印章外带',
  'seal.removal.approve': '批准印章外带',
  'seal.takeOut': '印章外带',
  'seal.bringBack': '印章带回',
  'seal.remind': '催还外带印章',
  'seal.retire': '印章停用',
  'seal.destroy': '印章销毁',
  'seal.end.propose': '提出印章停用、销毁',
  'seal.end.decline': '不同意印章停用、销毁',
  'seal.end.withdraw': '撤回印章停用、销毁申请',
  'handover.open': '发起离任移交',
  'handover.recordProblem': '登记移交事项情况',
  'handover.confirm': '确认离任移交',
  'parameter.enter': '填报辖区参数',
  'webhook.set': '设置消息推送地址',
  'webhook.remove': '删除消息推送地址',
  'services.case.open': '受理服务事项',
  'services.case.transfer': '转交服务事项',
  'services.case.note': '登记办理记录',
  'services.case.agency-submitted': '报送代办机构',
  'services.case.agency-answered': '登记代办机构答复',
  'services.case.close': '办结服务事项',
  'services.case.viewFull': '查看居民完整号码',
  'services.feedback.answer': '居民评价',
  'services.visit-target.create': '登记走访对象',
  'services.visit.log': '记录走访',
  'services.volunteer.create': '登记志愿者',
  'services.points.earn': '获得公益积分',
  'services.points.redeem': '兑换公益积分',
  'services.activity.create': '发布志愿活动',
  'services.activity.signUp': '志愿活动报名',
  'services.activity.hours': '登记志愿服务时长',
  'services.windows.set': '设置服务窗口',
  'services.windows.clear': '恢复默认服务窗口',
  'services.resident.export': '导出居民个人信息',
  'services.resident.erase': '删除居民个人信息',
};

/** Audit-log entity types (`audit_log.entity_type`). */
export const entityTypeLabels: Record<string, string> = {
  user: '账号',
  community: '社区',
  archiveItem: '档案',
  archiveLoan: '档案借阅',
  seal: '印章',
  sealRequest: '用印申请',
  sealEndProposal: '印章停用、销毁申请',
  handover: '离任移交',
  parameterValue: '辖区参数',
  webhook: '消息推送',
  'services.case': '服务事项',
  'services.volunteer': '志愿者',
  'services.activity': '志愿活动',
  'services.windows': '服务窗口',
  'services.resident': '居民个人信息',
  'services.visit-target': '走访对象',
};

/** Statuses of a policy check (docs/interfaces.md §3). */
export const checkStatusLabels: Record<'pass' | 'fail' | 'warn' | 'not-applicable' | 'unknown', string> = {
  pass: '通过',
  fail: '不通过',
  warn: '提醒',
  'not-applicable': '不适用',
  unknown: '未知',
};

/** A check's wording strength: binding ("应当", a miss is `fail`) or guiding ("宜", a miss is `warn`). */
export const bindingLabels: Record<'binding' | 'guiding', string> = {
  binding: '约束性',
  guiding: '指导性',
};
