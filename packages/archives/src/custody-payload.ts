/**
 * A custody-log entry's payload as a person reads it: the members in Chinese, people and things by
 * name rather than by id, codes by their labels. The log itself keeps ids and codes (they are what
 * is hashed and signed); this is only how an entry is shown, in the console and in the spreadsheet.
 */
import { archiveContentGroupLabels, archiveMediumLabels } from './archive.js';
import { handoverConditionLabels, handoverItemKindLabels, supervisingBodyLabels } from './handover.js';
import { retentionLabels } from './reference-code.js';
import { sealEndTypeLabels } from './seal.js';

const memberLabels: Record<string, string> = {
  seal: '印章',
  sealName: '印章',
  item: '档案',
  referenceCode: '档号',
  title: '题名',
  name: '名称',
  owner: '所属组织',
  custodian: '保管人',
  storagePlace: '存放地点',
  approvers: '审批人',
  approvedBy: '审批人',
  proposedBy: '提出人',
  request: '申请',
  proposal: '申请',
  loan: '借阅',
  handover: '移交清单',
  attachment: '附件',
  fileName: '文件名',
  size: '字节数',
  ok: '核验结果',
  expected: '登记的哈希',
  actual: '实测的哈希',
  type: '类别',
  purpose: '事由',
  document: '用印文件',
  copies: '份数',
  reason: '理由',
  note: '备注',
  borrower: '借阅人',
  lentOn: '借出日期',
  dueOn: '应还日期',
  returnedOn: '归还日期',
  returnBy: '归还期限',
  destination: '去向',
  late: '逾期',
  from: '交出人',
  to: '接收人',
  leaver: '移交人',
  successor: '接交人',
  supervisor: '监交人',
  supervisorBody: '监督机构',
  role: '确认人',
  on: '日期',
  items: '移交事项',
  condition: '登记情况',
  serious: '情节严重',
  consequences: '处理',
  medium: '载体',
  contentGroup: '内容类别',
  retention: '保管期限',
  previousRetention: '原保管期限',
  expiresOn: '到期日期',
  opinion: '鉴定意见',
  decisionNumber: '鉴定决定文号',
  decidedOn: '鉴定日期',
  method: '销毁方式',
  destroyedOn: '销毁日期',
  changed: '修改项',
  kind: '类别',
  ref: '事项',
};

/**
 * Where one member means something else in one kind of entry: a handover's `dueOn` is its deadline,
 * its supervisor is 监交人; an appraisal's approvers are 批准人.
 */
const memberLabelsByAction: Record<string, Record<string, string>> = {
  handover: { dueOn: '移交期限', supervisor: '监交人', role: '确认人' },
  'archive.appraise': { approvedBy: '批准人' },
  'archive.retain': { approvedBy: '批准人' },
  'archive.destroy': { approvedBy: '批准人' },
};

const valueLabels: Record<string, Record<string, string>> = {
  type: sealEndTypeLabels,
  condition: handoverConditionLabels,
  supervisorBody: supervisingBodyLabels,
  medium: archiveMediumLabels,
  contentGroup: archiveContentGroupLabels,
  retention: retentionLabels,
  previousRetention: retentionLabels,
  // In a handover entry, `kind` is the kind of the item concerned.
  kind: handoverItemKindLabels,
  role: { leaver: '移交人', successor: '接交人', supervisor: '监交人' },
  consequences: {
    criticism: '批评教育',
    forfeitBonus: '扣除离任当年绩效奖金',
    partyDiscipline: '党纪处分',
    escalate: '报监督人处理',
  },
};

/** Members that only identify what the entry is about: shown by name, or left out when a name is beside them. */
const identifying: Record<string, readonly string[]> = {
  seal: ['sealName'],
  item: ['referenceCode', 'title'],
  request: [],
  proposal: [],
  loan: [],
  handover: [],
  attachment: ['fileName'],
};

const leadingMembers = ['sealName', 'seal', 'referenceCode', 'title', 'item', 'name'];
const leadingRank = (member: string) => {
  const rank = leadingMembers.indexOf(member);
  return rank < 0 ? leadingMembers.length : rank;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

/** Every id in a payload, at any depth: what the caller looks up names for. */
export function custodyPayloadIds(payload: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof payload === 'string') {
    if (UUID.test(payload)) into.add(payload);
  } else if (Array.isArray(payload)) {
    for (const value of payload) custodyPayloadIds(value, into);
  } else if (payload !== null && typeof payload === 'object') {
    for (const value of Object.values(payload)) custodyPayloadIds(value, into);
  }
  return into;
}

/**
 * One line of Chinese, `印章：象山社区居民委员会印章；份数：2；…`. `nameOf` gives the name of a person or
 * thing by id (undefined when unknown: an id nobody can name is left out rather than shown raw).
 */
export function describeCustodyPayload(
  payload: Record<string, unknown>,
  nameOf: (id: string) => string | undefined,
  action = '',
): string {
  const labels = {
    ...memberLabels,
    ...memberLabelsByAction[action.split('.')[0] ?? ''],
    ...memberLabelsByAction[action],
  };
  const parts: string[] = [];
  // What the entry is about comes first; the log stores members in canonical (sorted) order.
  const members = Object.entries(payload).sort(([a], [b]) => leadingRank(a) - leadingRank(b));
  for (const [member, value] of members) {
    // The digest of the entry's audit record (`reconcile.ts`) is for checking, not for reading.
    if (member === 'audit') continue;
    const namedBeside = identifying[member];
    if (namedBeside?.some((sibling) => payload[sibling] !== undefined)) continue;
    const text =
      member === 'changed' && Array.isArray(value)
        ? value.map((field) => labels[String(field)] ?? String(field)).join('、')
        : describeValue(value, nameOf, valueLabels[member]);
    if (text !== undefined && text !== '') parts.push(`${labels[member] ?? member}：${text}`);
  }
  return parts.join('；');
}

function describeValue(
  value: unknown,
  nameOf: (id: string) => string | undefined,
  labels: Record<string, string> | undefined,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return nameOf(value);
    if (SHA256.test(value)) return `${value.slice(0, 12)}…`;
    return labels?.[value] ?? value;
  }
  if (Array.isArray(value)) {
    if (value.every((element) => typeof element === 'string')) {
      return value
        .map((element) => describeValue(element, nameOf, labels))
        .filter((text) => text !== undefined)
        .join('、');
    }
    return `${value.length} 项`;
  }
  if (typeof value === 'object') {
    const { name } = value as { name?: unknown };
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}
