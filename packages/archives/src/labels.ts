/**
 * The archive and seal values and the Chinese shown for them, in one module that imports nothing, so
 * the console can show them (`@shequ/archives/labels`) without the schemas, zod or node:crypto.
 */

// 档案
export const archiveMedia = ['paper', 'electronic', 'audiovisual', 'physical'] as const;
export const archiveMediumLabels: Record<(typeof archiveMedia)[number], string> = {
  paper: '纸质档案',
  electronic: '电子档案',
  audiovisual: '音像档案',
  physical: '实物',
};

/** The five content groups of 鄂州 第三十九条（一）至（五）. */
export const archiveContentGroups = [
  'ledgers',
  'organisations',
  'information',
  'honours',
  'heritage',
] as const;
export const archiveContentGroupLabels: Record<(typeof archiveContentGroups)[number], string> = {
  ledgers: '社区工作者台账、社区固定资产台账、社区财务台账',
  organisations: '下属委员会、居民小组、网格站（网格员）驻社区各类组织档案',
  information: '基础信息、资源信息、工作信息档案',
  honours: '荣誉、奖励、证书、奖牌、锦旗等',
  heritage: '文化展示或历史记忆场馆实物、图片等',
};

/** The five content groups shortened for tables and filters; `archiveContentGroupLabels` has them in full. */
export const archiveContentGroupShortLabels: Record<(typeof archiveContentGroups)[number], string> = {
  ledgers: '台账（工作者、固定资产、财务）',
  organisations: '下属组织档案',
  information: '基础、资源、工作信息',
  honours: '荣誉奖励',
  heritage: '文化与历史记忆实物',
};

/** A content group's short name; a community's own group (`custom:<name>`) is shown by its name. */
export function contentGroupLabel(group: string): string {
  if (group.startsWith('custom:')) return group.slice('custom:'.length);
  return (archiveContentGroupShortLabels as Record<string, string>)[group] ?? group;
}

export const classificationLevels = ['none', 'secret', 'confidential', 'topSecret'] as const;
export const classificationLabels: Record<(typeof classificationLevels)[number], string> = {
  none: '无密级',
  secret: '秘密',
  confidential: '机密',
  topSecret: '绝密',
};

export const archiveStatuses = ['shelved', 'onLoan', 'transferred', 'destroyed'] as const;
export type ArchiveStatus = (typeof archiveStatuses)[number];
export const archiveStatusLabels: Record<ArchiveStatus, string> = {
  shelved: '在库',
  onLoan: '借出',
  transferred: '已移交',
  destroyed: '已销毁',
};

// 档号与保管期限
export const retentionPeriods = ['permanent', 'years30', 'years10'] as const;
export type RetentionPeriod = (typeof retentionPeriods)[number];
export const retentionLabels: Record<RetentionPeriod, string> = {
  permanent: '永久',
  years30: '定期30年',
  years10: '定期10年',
};

/** Category codes in use for community archives; other two-letter codes are accepted too. */
export const categoryLabels: Record<string, string> = {
  WS: '文书',
  ZP: '照片',
  LY: '录音',
  LX: '录像',
  SW: '实物',
  KJ: '会计',
};

// 印章
/** The organisations 鄂州 第四十条 names as seal owners. */
export const sealOwnerKinds = [
  'party-organisation',
  'residents-committee',
  'supervision-committee',
  'sub-committee',
] as const;
export const sealOwnerKindLabels: Record<(typeof sealOwnerKinds)[number], string> = {
  'party-organisation': '社区党组织',
  'residents-committee': '居民委员会',
  'supervision-committee': '监督委员会',
  'sub-committee': '下属委员会',
};

export const sealStates = ['inUse', 'takenOut', 'retired', 'destroyed'] as const;
export type SealState = (typeof sealStates)[number];
export const sealStateLabels: Record<SealState, string> = {
  inUse: '在用',
  takenOut: '外带',
  retired: '停用',
  destroyed: '已销毁',
};

export const sealEndTypes = ['retire', 'destroy'] as const;
export type SealEndType = (typeof sealEndTypes)[number];
export const sealEndTypeLabels: Record<SealEndType, string> = { retire: '停用', destroy: '销毁' };

export const sealEndStatuses = ['pending', 'confirmed', 'declined', 'withdrawn'] as const;
export type SealEndStatus = (typeof sealEndStatuses)[number];
export const sealEndStatusLabels: Record<SealEndStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  declined: '不同意',
  withdrawn: '已撤回',
};

// 离任交接
export const handoverItemKinds = ['finance', 'archive', 'seal'] as const;
export const handoverItemKindLabels: Record<(typeof handoverItemKinds)[number], string> = {
  finance: '财务资料',
  archive: '档案',
  seal: '印章',
};
/** What a person may find an item to be. */
export const handoverConditions = ['intact', 'missing', 'altered', 'damaged'] as const;
/** An item's state on the list: what was found, or not yet checked. */
export const handoverItemConditions = [...handoverConditions, 'unchecked'] as const;
export type HandoverItemCondition = (typeof handoverItemConditions)[number];
export const handoverConditionLabels: Record<HandoverItemCondition, string> = {
  intact: '完好',
  missing: '丢失',
  altered: '涂改',
  damaged: '损毁',
  unchecked: '待核对',
};
export const supervisingBodies = ['town-discipline-committee', 'town-party-government-office'] as const;
export const supervisingBodyLabels: Record<(typeof supervisingBodies)[number], string> = {
  'town-discipline-committee': '镇纪委',
  'town-party-government-office': '镇党政办',
};

/** 用印申请 states (the transitions are in seal.ts); here so that the schema reads them without the rules. */
export const sealUseStatuses = ['requested', 'approved', 'refused', 'withdrawn', 'stamped'] as const;

/** 印章外带申请 states (the transitions are in seal.ts). */
export const sealRemovalStatuses = [
  'requested',
  'approved',
  'refused',
  'withdrawn',
  'out',
  'returned',
] as const;
