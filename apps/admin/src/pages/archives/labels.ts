/**
 * The Chinese the archive and seal pages show for the API's English values. They mirror the label
 * tables of @shequ/archives, which the console does not depend on (it would pull node:crypto into
 * the browser bundle); an unknown value is shown as it comes.
 */
export const mediumLabels: Record<string, string> = {
  paper: '纸质档案',
  electronic: '电子档案',
  audiovisual: '音像档案',
  physical: '实物',
};

/** The five content groups of 鄂州 第三十九条（一）至（五）, shortened for tables and filters. */
export const contentGroupLabels: Record<string, string> = {
  ledgers: '台账（工作者、固定资产、财务）',
  organisations: '下属组织档案',
  information: '基础、资源、工作信息',
  honours: '荣誉奖励',
  heritage: '文化与历史记忆实物',
};

export function contentGroupLabel(group: string): string {
  if (group.startsWith('custom:')) return group.slice('custom:'.length);
  return contentGroupLabels[group] ?? group;
}

export const retentionLabels: Record<string, string> = {
  permanent: '永久',
  years30: '定期30年',
  years10: '定期10年',
};

export const classificationLabels: Record<string, string> = {
  none: '无密级',
  secret: '秘密',
  confidential: '机密',
  topSecret: '绝密',
};

export const archiveStatusLabels: Record<string, { label: string; color: string }> = {
  shelved: { label: '在库', color: 'green' },
  onLoan: { label: '借出', color: 'blue' },
  transferred: { label: '已移交', color: 'default' },
  destroyed: { label: '已销毁', color: 'default' },
};

export const sealStateLabels: Record<string, { label: string; color: string }> = {
  inUse: { label: '在用', color: 'green' },
  takenOut: { label: '外带', color: 'orange' },
  retired: { label: '停用', color: 'default' },
  destroyed: { label: '已销毁', color: 'default' },
};

export const sealOwnerKindLabels: Record<string, string> = {
  'party-organisation': '社区党组织',
  'residents-committee': '居民委员会',
  'supervision-committee': '监督委员会',
  'sub-committee': '下属委员会',
};

export const requestKindLabels: Record<string, string> = { use: '用印', takeOut: '外带' };

/** States of both kinds of seal request; `out` and `returned` occur only for removals. */
export const requestStateLabels: Record<string, { label: string; color: string }> = {
  requested: { label: '待审批', color: 'gold' },
  approved: { label: '已批准', color: 'blue' },
  refused: { label: '未批准', color: 'red' },
  withdrawn: { label: '已撤回', color: 'default' },
  stamped: { label: '已用印', color: 'green' },
  out: { label: '外带中', color: 'orange' },
  returned: { label: '已归还', color: 'green' },
};

/** 印章停用、销毁的申请: what is proposed, and where the proposal stands. */
export const sealEndTypeLabels: Record<string, string> = { retire: '停用', destroy: '销毁' };
export const sealEndStateLabels: Record<string, { label: string; color: string }> = {
  pending: { label: '待确认', color: 'gold' },
  confirmed: { label: '已确认', color: 'green' },
  declined: { label: '不同意', color: 'red' },
  withdrawn: { label: '已撤回', color: 'default' },
};

export const supervisingBodyLabels: Record<string, string> = {
  'town-discipline-committee': '镇纪委',
  'town-party-government-office': '镇党政办',
};

export const handoverItemKindLabels: Record<string, string> = {
  finance: '财务资料',
  archive: '档案',
  seal: '印章',
};

/** What a person may find an item to be on a handover list; `unchecked` is nobody's finding. */
export const handoverConditionLabels: Record<string, { label: string; color: string }> = {
  intact: { label: '完好', color: 'green' },
  missing: { label: '丢失', color: 'red' },
  altered: { label: '涂改', color: 'red' },
  damaged: { label: '损毁', color: 'red' },
};

/** An item on the list not yet checked: shown until one of the three records what they found. */
export const UNCHECKED = { value: 'unchecked', label: '待核对', color: 'orange' } as const;

export function optionsOf(labels: Record<string, string | { label: string }>) {
  return Object.entries(labels).map(([value, label]) => ({
    value,
    label: typeof label === 'string' ? label : label.label,
  }));
}
