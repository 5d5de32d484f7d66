/** An audit record as people read it: members by their Chinese names, moments in China time. */
import { factField } from '../community/factFields.js';

/** Names of the members audit records keep besides a community's facts (accounts, archives, seals). */
const memberLabels: Record<string, string> = {
  asOf: '数据日期',
  version: '版本',
  mustChangePassword: '须修改密码',
  disabledAt: '停用时间',
  sessionExpiresAt: '登录有效期至',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  jurisdictionCode: '所属辖区',
  mobile: '手机号',
  idNumber: '身份证号',
  source: '来源',
  facts: '社区数据',
  name: '名称',
  title: '题名',
  item: '档案',
  seal: '印章',
  status: '状态',
  state: '状态',
  custodianId: '保管人',
  custodian: '保管人',
  referenceCode: '档号',
  documentNumber: '文号',
  issuer: '责任者',
  date: '日期',
  pages: '页数',
  notes: '备注',
  medium: '载体',
  contentGroup: '内容类别',
  classification: '密级',
  retention: '保管期限',
  location: '存放位置',
  room: '室',
  cabinet: '柜',
  shelf: '架（层）',
  borrower: '借阅人',
  borrowerId: '借阅人',
  purpose: '事由',
  lentOn: '借出日期',
  dueOn: '应还日期',
  returnedOn: '归还日期',
  returnBy: '归还期限',
  document: '用印文件',
  copies: '份数',
  copiesStamped: '用印份数',
  decidedBy: '审批人',
  decidedAt: '审批时间',
  refusalReason: '不予批准理由',
  reason: '理由',
  approvers: '审批人',
  approverIds: '审批人',
  storagePlace: '存放地点',
  owner: '所属组织',
  kind: '类别',
  type: '类别',
  destination: '去向',
  fileName: '文件名',
  size: '字节数',
  condition: '登记情况',
  note: '备注',
  serious: '情节严重',
  leaverId: '移交人',
  successorId: '接交人',
  supervisorId: '监交人',
};

/** A changed member in Chinese: a community fact by its form label, otherwise each part by name. */
export function labelOf(path: string): string {
  const field = factField(path.replace(/^facts\./, ''));
  if (field) return field.label;
  if (memberLabels[path]) return memberLabels[path];
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `第${Number(part) + 1}项` : (memberLabels[part] ?? '其他')))
    .join(' · ');
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A moment as China reads it (UTC+8), to the second, whatever the browser's own time zone. */
export function chinaDateTime(value: string): string {
  return new Date(new Date(value).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
