/**
 * The roster's values and the Chinese shown for them, with the small predicates the console asks, in
 * one module that imports no zod and no schema (types only), so the console can show them
 * (`@shequ/people/labels`) without the validation code. The main entry exports the same.
 */
import type { PropertyArea, Representative } from './registers.js';

export { maySeePersonalData, peopleAuditActionLabels } from './access.js';
export { type Citation, citeInline } from './citations.js';
export { leavingDisablesAccount, peopleRuleBasis } from './leaving.js';

export const sexes = ['male', 'female'] as const;

export const sexLabels: Record<(typeof sexes)[number], string> = { male: '男', female: '女' };

/**
 * Posts on the roster. 两委成员 and 专干 as Ezhou 第十七条 counts them; 专职工作者 as Weihai 二（四）
 * and Jinshan 第十条 count full-time workers; 网格员 for grid workers.
 */
export const workerPosts = ['two-committees', 'specialist', 'full-time', 'grid-worker'] as const;

export type WorkerPost = (typeof workerPosts)[number];

export const workerPostLabels: Record<WorkerPost, string> = {
  'two-committees': '两委成员',
  specialist: '社区专干',
  'full-time': '专职工作者',
  'grid-worker': '网格员',
};

/** Ezhou 第十七条: the four lines of work a specialist assists with. */
export const specialistLines = ['party-building', 'civil-affairs', 'labour', 'health'] as const;

export type SpecialistLine = (typeof specialistLines)[number];

export const specialistLineLabels: Record<SpecialistLine, string> = {
  'party-building': '党建',
  'civil-affairs': '民政',
  labour: '劳动',
  health: '卫健',
};

export const educationLevels = [
  'junior-high',
  'senior-high',
  'college',
  'bachelor',
  'master',
  'doctor',
] as const;

export const educationLabels: Record<(typeof educationLevels)[number], string> = {
  'junior-high': '初中及以下',
  'senior-high': '高中/中专',
  college: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
};

/** Jiangsu 19（8） counts training held at county level or above (县级以上集中培训). */
export const trainingLevels = ['county-or-above', 'street', 'community'] as const;

export type TrainingLevel = (typeof trainingLevels)[number];

export const trainingLevelLabels: Record<TrainingLevel, string> = {
  'county-or-above': '县级以上',
  street: '街道',
  community: '社区',
};

export const committeeKinds = ['residents', 'supervision', 'sub', 'party'] as const;

export type CommitteeKind = (typeof committeeKinds)[number];

export const committeeKindLabels: Record<CommitteeKind, string> = {
  residents: '居民委员会',
  supervision: '居务监督委员会',
  sub: '下属委员会',
  party: '社区党组织',
};

export const memberRoles = ['chair', 'vice-chair', 'member'] as const;

export type MemberRole = (typeof memberRoles)[number];

export const memberRoleLabels: Record<MemberRole, string> = {
  chair: '主任（书记）',
  'vice-chair': '副主任（副书记）',
  member: '委员',
};

/**
 * Jiangsu 17（5）: the supervision committee includes people with knowledge of finance or management
 * (具备财会、管理知识的人员). A member's record lists which of the two they have; an empty list records
 * neither, and no list means it was not entered.
 */
export const memberKnowledgeKinds = ['finance', 'management'] as const;

export type MemberKnowledge = (typeof memberKnowledgeKinds)[number];

export const memberKnowledgeLabels: Record<MemberKnowledge, string> = {
  finance: '财会',
  management: '管理',
};

/** The fields of a property-service area as the console and the sheets name them. */
export const propertyAreaFieldLabels: Record<Exclude<keyof PropertyArea, 'id'>, string> = {
  communityCode: '社区代码',
  name: '物业服务区域名称',
  propertyManager: '物业服务企业',
  households: '户数',
  ownersCommitteeChairName: '业主委员会主任',
};

/** The kinds of unit a community registers beside its roster and committees, one store per kind. */
export const peopleUnitKinds = [
  'grid',
  'building',
  'resident-group',
  'representative',
  'property-area',
] as const;

export type PeopleUnitKind = (typeof peopleUnitKinds)[number];

export const peopleUnitKindLabels: Record<PeopleUnitKind, string> = {
  grid: '网格',
  building: '楼栋',
  'resident-group': '居民小组',
  representative: '居民代表',
  'property-area': '物业服务区域',
};

/** Whether the representative serves on `asOf` (`to` is the term's last day). */
export function representing(r: Pick<Representative, 'from' | 'to'>, asOf: string): boolean {
  return r.from <= asOf && (r.to === undefined || r.to >= asOf);
}
