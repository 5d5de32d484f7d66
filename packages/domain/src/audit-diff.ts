/**
 * What an audit record changed, as people read it: the before/after documents flattened to the dotted
 * paths that differ, each named in Chinese. The console's audit page and the audit export both use
 * this, so a change reads the same on screen and in the spreadsheet: 「户数：4329 → 4388」.
 */

/** One changed member of an audit record. */
export interface AuditChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** The community facts by their form labels, keyed by their dotted path in the facts. */
export const communityFactLabels: Readonly<Record<string, string>> = {
  setting: '社区类型',
  townSeat: '乡镇政府所在地',
  newlyBuilt: '新建住宅区',
  households: '户数',
  residents: '常住人口',
  occupancyRate: '入住率',
  representatives: '居民代表',
  'committee.members': '居委会成员',
  'committee.viceChairs': '居委会副主任',
  'committee.chairTrainings': '居委会主任本年县级以上培训次数',
  'supervisionCommittee.members': '居务监督委员会成员',
  'supervisionCommittee.chairTrainings': '居务监督委员会主任本年县级以上培训次数',
  subCommittees: '下属委员会',
  residentGroups: '居民小组',
  buildings: '楼栋',
  grids: '网格',
  propertyAreas: '物业服务区域',
  'grid.leaders': '网格长',
  'grid.leadersOnCommittee': '由居委会成员兼任的网格长',
  'staff.twoCommittees': '“两委”成员',
  'staff.specialists': '社区专干',
  'staff.fullTime': '社区专职工作者',
  'facility.totalArea': '综合服务设施面积',
  'facility.mainBuildingFloors': '主楼层数',
  'facility.residentSpaceArea': '居民活动用房面积',
  'facility.functions': '设施功能',
  'facility.emergencyShelter': '应急避难场所',
  'salary.annualAverage': '社区工作者年平均薪酬',
  'funds.work': '社区工作经费',
  'funds.partyService': '党组织服务群众专项经费',
  'assessment.routineWeight': '平时考核权重',
  'assessment.annualWeight': '年度考核权重',
  'assessment.residentShareRoutine': '平时考核居民打分占比',
  'assessment.residentShareAnnual': '年度考核居民打分占比',
  honours: '荣誉',
};

/** Names of the members audit records keep besides a community's facts (accounts, archives, seals). */
export const auditMemberLabels: Readonly<Record<string, string>> = {
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
  url: '推送地址',
  newSecret: '更换签名密钥',
  noticeIds: '标为已读的提醒',
  all: '全部标为已读',
  // Members every register row carries.
  id: '编号',
  communityCode: '社区',
  streetCode: '街道',
  createdAt: '创建时间',
  createdBy: '创建人',
  updatedAt: '修改时间',
  year: '年度',
  // Archives, seals and handovers.
  category: '类别',
  fonds: '全宗',
  itemNumber: '件号',
  organisation: '机构（问题）',
  locationRoom: '存放位置（室）',
  locationCabinet: '存放位置（柜）',
  locationShelf: '存放位置（架）',
  expiresOn: '到期日期',
  impressionSha256: '印模校验值',
  ownerKind: '所属组织类别',
  ownerName: '所属组织名称',
  request: '申请',
  loan: '借阅',
  lentBy: '借出经办人',
  receivedBy: '归还接收人',
  destruction: '销毁',
  itemId: '档案',
  appraisedBy: '鉴定人',
  approvedBy: '批准人',
  decidedOn: '鉴定日期',
  decisionNumber: '鉴定决定文号',
  opinion: '鉴定意见',
  method: '销毁方式',
  destroyedBy: '销毁人',
  destroyedOn: '销毁日期',
  sealId: '印章',
  requestedAt: '申请时间',
  requestedBy: '申请人',
  takenOutAt: '带出时间',
  stampedAt: '用印时间',
  stampedBy: '用印经办人',
  returnedAt: '交回时间',
  items: '移交事项',
  consequences: '处理',
  supervisorBody: '监督机构',
  leaverConfirmedOn: '移交人确认日期',
  successorConfirmedOn: '接交人确认日期',
  supervisorConfirmedOn: '监交人确认日期',
  // The people registers.
  gridId: '网格',
  leaderName: '负责人',
  leaderWorkerId: '网格长',
  workerIds: '网格员',
  propertyAreaId: '物业服务区域',
  ownersCommitteeChairName: '业主委员会主任',
  propertyManager: '物业服务企业',
  members: '成员',
  termFrom: '任期起',
  termTo: '任期止',
  subKind: '委员会类别',
  annualPay: '年薪酬',
  birthDate: '出生日期',
  sex: '性别',
  education: '学历',
  fullTime: '专职',
  joinedOn: '入职日期',
  phone: '电话',
  post: '岗位',
  line: '条线',
  qualifications: '职业资格',
  trainings: '培训',
  contract: '劳动合同',
  employer: '用人单位',
  from: '起',
  to: '止',
  // Democracy: meetings, consultations, charters, disclosures, elections, deliberation bodies.
  agenda: '议题',
  decisions: '决定事项',
  heldOn: '召开日期',
  noticeOn: '通知日期',
  minutes: '会议记录',
  annualReport: '年度工作报告',
  attendance: '出席',
  basis: '计算口径',
  eligible: '应到人数',
  present: '实到人数',
  level: '层级',
  organiser: '召集单位',
  topic: '议题',
  parties: '参与方',
  outcomes: '结果',
  contested: '有争议',
  submittedToMeetingId: '提交的会议',
  versions: '各版本',
  body: '内容',
  on: '日期',
  candidates: '候选人',
  seats: '应选名额',
  secretBallot: '无记名投票',
  votesCast: '投票人数',
  termEndsOn: '任期届满日期',
  residentGroupName: '居民小组',
  establishedOn: '成立日期',
  rules: '议事规则',
  rulesAdoptedOn: '规则通过日期',
  address: '地址',
  hours: '办公时间',
  officePhone: '办公电话',
  // Services: visits and cases.
  summary: '摘要',
  since: '起始日期',
  channel: '受理渠道',
  priority: '紧急程度',
  subject: '事项',
  steps: '办理经过',
  window: '窗口',
  agency: '承办单位',
  hotlineTicket: '热线工单号',
  homeService: '上门服务',
  receivedAt: '受理时间',
  receivedOn: '受理日期',
  promisedOn: '承诺办结日期',
  firstResponder: '首问责任人',
  userId: '账号',
  resident: '居民',
  conditions: '情况',
  // Parameters and assessment schemes.
  effectiveFrom: '生效日期',
  value: '数值',
  definition: '方案内容',
  jurisdiction: '辖区',
  routine: '平时考核',
  annual: '年度考核',
  periodicity: '考核周期',
  weight: '权重',
  indicators: '指标',
  grades: '等次',
  residentScoreCombination: '居民评分合成方式',
  publishedAt: '发布时间',
};

/** A score record's member: `<period>/<indicator>`, the period a quarter, a month or `annual`. */
const SCORE_MEMBER = /^(?:(\d{4})-(?:Q([1-4])|(\d{2}))|annual)\/([^.]+)$/;

/** The audit member of a score: its period and indicator (by name where the caller knows it). */
export function scoreAuditMember(period: string, indicator: string): string {
  return `${period}/${indicator}`;
}

/** A score's member in Chinese: 「考核周期 2026年第4季度 · 指标 党建引领 · 分数」. */
function scoreLabel(path: string): string | undefined {
  const match = SCORE_MEMBER.exec(path);
  if (!match) return undefined;
  const [, year, quarter, month, indicator] = match;
  const period = quarter ? `${year}年第${quarter}季度` : month ? `${year}年${Number(month)}月` : '年度考核';
  return `考核周期 ${period} · 指标 ${indicator} · 分数`;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (prefix) out.set(prefix, value);
}

/** The members that differ between an audit record's before and after (a missing side: all added or removed). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
    .map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}

/** A changed member in Chinese: a community fact by its form label, otherwise each part by name. */
export function auditFieldLabel(path: string): string {
  const fact = communityFactLabels[path.replace(/^facts\./, '')];
  if (fact) return fact;
  const member = auditMemberLabels[path] ?? scoreLabel(path);
  if (member) return member;
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `第${Number(part) + 1}项` : (auditMemberLabels[part] ?? '其他')))
    .join(' · ');
}

/** A before or after value as text: 是/否 for yes and no, （无） when absent, （空） when emptied. */
export function auditValueText(value: unknown): string {
  if (value === undefined) return '（无）';
  if (value === null) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each change on a line of its own, 「字段：旧值 → 新值」. */
export function auditChangeLines(before: unknown, after: unknown): string[] {
  return auditChanges(before, after).map(
    (change) =>
      `${auditFieldLabel(change.path)}：${auditValueText(change.before)} → ${auditValueText(change.after)}`,
  );
}
