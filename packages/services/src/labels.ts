/**
 * The services' values and the Chinese shown for them, with the small display helpers, in one module
 * that imports no zod and no schema, so the console can show them (`@shequ/services/labels`) without
 * the validation code. The main entry exports the same.
 */
export { servicesAuditActionLabels } from './access.js';

export const intakeChannels = ['window', 'hotline', 'home-visit'] as const;

export type IntakeChannel = (typeof intakeChannels)[number];

export const intakeChannelLabels: Record<IntakeChannel, string> = {
  window: '服务窗口',
  hotline: '12345热线',
  'home-visit': '入户走访',
};

/** Ezhou 第二十五条（四）: 老弱病残 — the conditions that give a resident priority and home service. */
export const priorityConditions = ['elderly', 'sick', 'disabled'] as const;

export type PriorityCondition = (typeof priorityConditions)[number];

export const priorityConditionLabels: Record<PriorityCondition, string> = {
  elderly: '老年人',
  sick: '患病',
  disabled: '残疾人',
};

export const toldWays = ['in-person', 'phone', 'sms', 'letter'] as const;

export type ToldWay = (typeof toldWays)[number];

export const toldWayLabels: Record<ToldWay, string> = {
  'in-person': '当面告知',
  phone: '电话告知',
  sms: '短信告知',
  letter: '书面告知',
};

export type CaseStatus = 'open' | 'awaiting-agency' | 'closed';

export const caseStatusLabels: Record<CaseStatus, string> = {
  open: '办理中',
  'awaiting-agency': '等待代办机构答复',
  closed: '已办结',
};

export const serviceCategories = [
  'party',
  'public-order',
  'employment-social-security',
  'assistance-welfare',
  'health-disability',
  'education-culture',
  'marriage-funeral',
  'property-environment',
  'agency',
  'complaint',
  'other',
] as const;

export type ServiceCategory = (typeof serviceCategories)[number];

export const serviceCategoryLabels: Record<ServiceCategory, string> = {
  party: '党的建设与党组织事务',
  'public-order': '综治、安全与维稳',
  'employment-social-security': '就业与社保',
  'assistance-welfare': '救助与福利',
  'health-disability': '医疗健康与残疾人服务',
  'education-culture': '教育、培训、文化与体育',
  'marriage-funeral': '婚姻、丧葬与民风民俗',
  'property-environment': '物业管理与环境卫生',
  agency: '行政事务代办',
  complaint: '投诉',
  other: '其他',
};

export const mustVisitKinds = [
  'poor-family',
  'seriously-ill',
  'left-behind',
  'released-prisoner',
  'lonely-elderly',
] as const;

export const mustAttendKinds = ['emergency', 'discontent', 'family-dispute'] as const;

export const visitTargetKinds = [...mustVisitKinds, ...mustAttendKinds] as const;

export type VisitTargetKind = (typeof visitTargetKinds)[number];

export const visitTargetKindLabels: Record<VisitTargetKind, string> = {
  'poor-family': '困难家庭',
  'seriously-ill': '特困病人',
  'left-behind': '留守困难人员',
  'released-prisoner': '刑释解教人员',
  'lonely-elderly': '孤寡老人',
  emergency: '突发事件',
  discontent: '不满情绪',
  'family-dispute': '家庭纠纷',
};

export const healthLevels = ['good', 'fair', 'limited'] as const;

export const healthLabels: Record<(typeof healthLevels)[number], string> = {
  good: '良好',
  fair: '一般',
  limited: '行动不便',
};

export const satisfactionScores = [1, 2, 3, 4, 5] as const;

export const satisfactionLabels: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
};

/** Volunteer hours per community: the banked minutes summed exactly, shown as hours with one decimal. */
export function hoursLabel(minutes: number): string {
  const tenths = Math.round((minutes * 10) / 60);
  return `${Math.floor(tenths / 10)}.${tenths % 10} 小时`;
}

/** The roles that may export or erase: the community's workers export, a street administrator erases. */
export function mayExportResidentData(role: string): boolean {
  return role === 'communityWorker' || role === 'streetAdmin';
}

export function mayEraseResidentData(role: string): boolean {
  return role === 'streetAdmin';
}

export const workListKinds = ['party', 'statutory', 'assist-government', 'convenience'] as const;

export type WorkListKind = (typeof workListKinds)[number];

export const workListKindLabels: Record<WorkListKind, string> = {
  party: '党组织工作事项清单',
  statutory: '居民委员会依法履行职责事项清单',
  'assist-government': '居民委员会协助政府工作事项清单',
  convenience: '居民委员会便民服务事项清单',
};

/** 党建类 and 协助政府类: the two kinds Ezhou 第二十三条 names an approver for. */
export const admissionKinds = ['party', 'assist-government'] as const;

export type AdmissionKind = (typeof admissionKinds)[number];

export const admissionKindLabels: Record<AdmissionKind, string> = {
  party: '党建类',
  'assist-government': '协助政府类',
};

export const approvingBodies = ['organisation', 'civil-affairs'] as const;

export type ApprovingBody = (typeof approvingBodies)[number];

export const approvingBodyLabels: Record<ApprovingBody, string> = {
  organisation: '区级组织部门',
  'civil-affairs': '区民政部门',
};

export const filingBodyLabels: Record<ApprovingBody, string> = {
  organisation: '市组织部门',
  'civil-affairs': '市民政部门',
};

/** Who approves each kind (Ezhou 第二十三条). */
export const approvingBodyOf: Record<AdmissionKind, ApprovingBody> = {
  party: 'organisation',
  'assist-government': 'civil-affairs',
};

export type AdmissionStatus = 'pending' | 'approved' | 'rejected';

export const admissionStatusLabels: Record<AdmissionStatus, string> = {
  pending: '待审批',
  approved: '已准入',
  rejected: '不予准入',
};

export const burdenKinds = ['task', 'evaluation', 'signboard'] as const;

export type BurdenKind = (typeof burdenKinds)[number];

export const burdenKindLabels: Record<BurdenKind, string> = {
  task: '工作任务',
  evaluation: '考核评比',
  signboard: '挂牌',
};

/** 元 as typed (`1234.5`, `18000`, up to two decimals) in 分, exactly; undefined when not an amount. */
export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/u.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 分 as 元 with two decimals and thousands separators (`18,000.00 元`). */
export function formatFen(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${yuan.toLocaleString('en-US')}.${cents} 元`;
}
