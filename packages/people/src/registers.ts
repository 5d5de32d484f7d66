/**
 * The registers of one community's organisation and people: the worker roster (社区工作者花名册),
 * committees with their terms and members, grids with their 网格长, buildings with their 楼栋长, and
 * resident groups. Each record is validated here with zh-CN messages naming the field; the checks
 * that need several records (a duplicate identity number, a worker in two communities at once) live
 * in `conflicts.ts`.
 */
import {
  communityCode,
  domainErrorMap,
  type FieldIssue,
  fieldErrors,
  isoDate,
  mobileNumber,
  parseResidentIdNumber,
  residentIdNumber,
} from '@shequ/domain';
import { z } from 'zod';
import {
  committeeKindLabels,
  committeeKinds,
  educationLabels,
  educationLevels,
  memberKnowledgeKinds,
  memberKnowledgeLabels,
  memberRoleLabels,
  memberRoles,
  sexes,
  sexLabels,
  specialistLineLabels,
  specialistLines,
  trainingLevelLabels,
  trainingLevels,
  workerPostLabels,
  workerPosts,
} from './labels.js';

export type {
  CommitteeKind,
  MemberRole,
  PeopleUnitKind,
  SpecialistLine,
  TrainingLevel,
  WorkerPost,
} from './labels.js';
export {
  committeeKindLabels,
  committeeKinds,
  educationLabels,
  educationLevels,
  memberRoleLabels,
  memberRoles,
  peopleUnitKindLabels,
  peopleUnitKinds,
  propertyAreaFieldLabels,
  representing,
  sexes,
  sexLabels,
  specialistLineLabels,
  specialistLines,
  trainingLevelLabels,
  trainingLevels,
  workerPostLabels,
  workerPosts,
} from './labels.js';

const text = (what: string, max = 100) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? '必填' : `${what}应为文本`) })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}不能超过${max}个字` });

const oneOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
) => z.enum(values, { error: `应为以下之一：${values.map((v) => labels[v as T[number]]).join('、')}` });

/** Annual pay in yuan, to the fen (money is compared exactly, so no fractions of a fen). */
export const annualPay = z
  .number({ error: (iss) => (iss.input === undefined ? '必填' : '年薪应为非负数（元）') })
  .nonnegative({ error: '年薪应为非负数（元）' })
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
    error: '年薪最多保留两位小数（分）',
  });

const households = z
  .number({ error: (iss) => (iss.input === undefined ? '必填' : '户数应为非负整数') })
  .int({ error: '户数应为非负整数' })
  .nonnegative({ error: '户数应为非负整数' });

export const recordId = text('编号', 64);

// ---------------------------------------------------------------------------------------------
// Workers
// ---------------------------------------------------------------------------------------------

export const training = z.strictObject({
  on: isoDate,
  title: text('培训名称'),
  level: oneOf(trainingLevels, trainingLevelLabels),
});
export type Training = z.infer<typeof training>;

/** Weihai 二（四）: a labour contract with a service agency or the employer. */
export const contract = z
  .strictObject({
    employer: text('用人单位'),
    from: isoDate,
    to: isoDate.optional(),
  })
  .refine((c) => c.to === undefined || c.to >= c.from, {
    path: ['to'],
    error: '合同终止日期不能早于起始日期',
  });

const workerFields = z.strictObject({
  id: recordId,
  communityCode,
  name: text('姓名', 50),
  sex: oneOf(sexes, sexLabels),
  birthDate: isoDate,
  idNumber: residentIdNumber,
  phone: mobileNumber.optional(),
  education: oneOf(educationLevels, educationLabels).optional(),
  qualifications: z.array(text('资格名称', 50)).default([]),
  post: oneOf(workerPosts, workerPostLabels),
  line: oneOf(specialistLines, specialistLineLabels).optional(),
  /** Serves full time; Weihai and Jinshan count full-time two-committee members among full-time workers. */
  fullTime: z.boolean({ error: '应为 true 或 false' }).default(true),
  contract: contract.optional(),
  annualPay: annualPay.optional(),
  trainings: z.array(training).default([]),
  joinedOn: isoDate,
  leftOn: isoDate.optional(),
});

function checkWorker(
  w: Omit<z.output<typeof workerFields>, 'id'>,
  ctx: z.core.$RefinementCtx<Omit<z.output<typeof workerFields>, 'id'>>,
): void {
  if (w.leftOn !== undefined && w.leftOn < w.joinedOn)
    ctx.addIssue({ code: 'custom', path: ['leftOn'], message: '离职日期不能早于入职日期' });
  if (w.line !== undefined && w.post !== 'specialist')
    ctx.addIssue({ code: 'custom', path: ['line'], message: '只有社区专干才有分工条线' });
  // The identity number carries the birth date and sex; a record that disagrees with it is a typo.
  const parts = parseResidentIdNumber(w.idNumber);
  if (parts && parts.birthDate !== w.birthDate)
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: `出生日期与身份证号码不一致（号码中为${parts.birthDate}）`,
    });
  if (parts && parts.sex !== w.sex)
    ctx.addIssue({
      code: 'custom',
      path: ['sex'],
      message: `性别与身份证号码不一致（号码中为${sexLabels[parts.sex]}）`,
    });
}

export const worker = workerFields.superRefine(checkWorker);
/** A new roster entry, before the store gives it an id. */
export const workerDraft = workerFields.omit({ id: true }).superRefine(checkWorker);
export type Worker = z.output<typeof worker>;
export type WorkerInput = z.input<typeof worker>;

/** Whether the worker is on the roster on `asOf` (joined on or before it, not yet left). */
export function onPost(w: Pick<Worker, 'joinedOn' | 'leftOn'>, asOf: string): boolean {
  return w.joinedOn <= asOf && (w.leftOn === undefined || w.leftOn > asOf);
}

// ---------------------------------------------------------------------------------------------
// Committees and terms
// ---------------------------------------------------------------------------------------------

export const committeeMember = z
  .strictObject({
    /** The roster entry of a member who is a community worker; residents serving unpaid have none. */
    workerId: recordId.optional(),
    name: text('姓名', 50),
    role: oneOf(memberRoles, memberRoleLabels),
    from: isoDate,
    to: isoDate.optional(),
    /** Jiangsu 17（5）: which of finance and management the member knows; `[]` neither, absent not entered. */
    knowledge: z.array(oneOf(memberKnowledgeKinds, memberKnowledgeLabels)).optional(),
    /**
     * Training of a member who is not on the roster (a resident serving unpaid, such as most of the
     * supervision committee), which Jiangsu 19（8） asks of its chair; a roster member's training is
     * kept on the roster, once.
     */
    trainings: z.array(training).optional(),
  })
  .refine((m) => m.to === undefined || m.to >= m.from, {
    path: ['to'],
    error: '任职结束日期不能早于开始日期',
  })
  .refine((m) => m.workerId === undefined || m.trainings === undefined, {
    path: ['trainings'],
    error: '花名册上的成员，培训记录在花名册中登记；这里只登记不在花名册上的成员的培训',
  })
  .refine((m) => new Set(m.knowledge ?? []).size === (m.knowledge ?? []).length, {
    path: ['knowledge'],
    error: '财会、管理知识不能重复填写',
  });
export type CommitteeMember = z.output<typeof committeeMember>;

const committeeFields = z.strictObject({
  id: recordId,
  communityCode,
  kind: oneOf(committeeKinds, committeeKindLabels),
  /** For a sub-committee: its kind as in the glossary (`mediation`, `security`, …). */
  subKind: text('下属委员会类别', 30).optional(),
  termFrom: isoDate,
  termTo: isoDate,
  members: z.array(committeeMember).default([]),
});

function checkCommittee(
  c: Omit<z.output<typeof committeeFields>, 'id'>,
  ctx: z.core.$RefinementCtx<Omit<z.output<typeof committeeFields>, 'id'>>,
): void {
  if (c.termTo <= c.termFrom)
    ctx.addIssue({ code: 'custom', path: ['termTo'], message: '任期届满日期应晚于任期开始日期' });
  if (c.kind === 'sub' && c.subKind === undefined)
    ctx.addIssue({ code: 'custom', path: ['subKind'], message: '下属委员会须注明类别' });
  if (c.kind !== 'sub' && c.subKind !== undefined)
    ctx.addIssue({ code: 'custom', path: ['subKind'], message: '只有下属委员会才有类别' });
  c.members.forEach((m, i) => {
    if (m.from < c.termFrom || m.from > c.termTo)
      ctx.addIssue({ code: 'custom', path: ['members', i, 'from'], message: '任职开始日期应在本届任期内' });
  });
  const chairs = c.members.filter((m) => m.role === 'chair' && m.to === undefined);
  if (chairs.length > 1)
    ctx.addIssue({ code: 'custom', path: ['members'], message: '同一时间只能有一名主任（书记）' });
}

export const committee = committeeFields.superRefine(checkCommittee);
/** A new committee, before the store gives it an id. */
export const committeeDraft = committeeFields.omit({ id: true }).superRefine(checkCommittee);
export type Committee = z.output<typeof committee>;
export type CommitteeInput = z.input<typeof committee>;

/** Whether the committee's term covers `asOf`. */
export function inTerm(c: Pick<Committee, 'termFrom' | 'termTo'>, asOf: string): boolean {
  return c.termFrom <= asOf && asOf <= c.termTo;
}

/** Members serving on `asOf` in a committee whose term covers it. */
export function membersOn(c: Committee, asOf: string): CommitteeMember[] {
  if (!inTerm(c, asOf)) return [];
  return c.members.filter((m) => m.from <= asOf && (m.to === undefined || m.to >= asOf));
}

// ---------------------------------------------------------------------------------------------
// Grids, buildings, resident groups
// ---------------------------------------------------------------------------------------------

export const grid = z.strictObject({
  id: recordId,
  communityCode,
  name: text('网格名称'),
  households: households.optional(),
  /** 网格长: Ezhou 第七条（一） has a residents' committee member serve as one. */
  leaderWorkerId: recordId.optional(),
  workerIds: z.array(recordId).default([]),
});
export type Grid = z.output<typeof grid>;

export const building = z.strictObject({
  id: recordId,
  communityCode,
  name: text('楼栋名称'),
  households,
  /** 楼栋长, usually a resident volunteer, so a name rather than a roster entry. */
  leaderName: text('楼栋长姓名', 50).optional(),
  gridId: recordId.optional(),
  /** The 物业服务区域 the building lies in (Ezhou 第七条（二）). */
  propertyAreaId: recordId.optional(),
});
export type Building = z.output<typeof building>;

export const residentGroup = z.strictObject({
  id: recordId,
  communityCode,
  name: text('居民小组名称'),
  households,
  leaderName: text('居民小组长姓名', 50).optional(),
  /**
   * The leader's term when it came from a recorded resident-group election (Ezhou 第七条（二）: the
   * committee's term): the election day and the day the term ends. Absent for a leader entered by hand.
   */
  leaderTermFrom: isoDate.optional(),
  leaderTermTo: isoDate.optional(),
  gridId: recordId.optional(),
});
export type ResidentGroup = z.output<typeof residentGroup>;

/**
 * 物业服务区域: the area one property-service company (物业服务企业) serves, with the chair of its
 * owners' committee (业主委员会主任). Ezhou 第七条（二） wants groups, grids and these areas to coincide as
 * far as possible, and lets a resident group's leader chair the owners' committee too; the buildings
 * in the area name it (`Building.propertyAreaId`).
 */
export const propertyArea = z.strictObject({
  id: recordId,
  communityCode,
  name: text('物业服务区域名称'),
  propertyManager: text('物业服务企业名称').optional(),
  households: households.optional(),
  ownersCommitteeChairName: text('业主委员会主任姓名', 50).optional(),
});
export type PropertyArea = z.output<typeof propertyArea>;
/** A new property-service area, before the store gives it an id. */
export const propertyAreaDraft = propertyArea.omit({ id: true });

/**
 * 居民代表: a resident chosen to represent the residents (at the 居民代表会议), with the dates of the
 * term served; the snapshot's `representatives` counts those serving on its date.
 */
const representativeFields = z.strictObject({
  id: recordId,
  communityCode,
  name: text('姓名', 50),
  /** The resident group the representative was chosen by, where groups elect them. */
  residentGroupId: recordId.optional(),
  from: isoDate,
  to: isoDate.optional(),
});
const termInOrder = {
  check: (r: { from: string; to?: string | undefined }) => r.to === undefined || r.to >= r.from,
  params: { path: ['to'], error: '任期结束日期不能早于开始日期' },
};
export const representative = representativeFields.refine(termInOrder.check, termInOrder.params);
/** A new representative, before the store gives it an id. */
export const representativeDraft = representativeFields
  .omit({ id: true })
  .refine(termInOrder.check, termInOrder.params);
export type Representative = z.output<typeof representative>;

/**
 * The representative with the term ended on `to` (its last day), or the field messages: the end may
 * not come before the term's start. An end already recorded may be corrected the same way.
 */
export function endRepresentativeTerm(
  r: Representative,
  to: string,
): { ok: true; representative: Representative } | { ok: false; issues: FieldIssue[] } {
  const parsed = representative.safeParse({ ...r, to }, { error: domainErrorMap });
  return parsed.success
    ? { ok: true, representative: parsed.data }
    : { ok: false, issues: fieldErrors(parsed.error) };
}

/** Everything registered for one community. */
export interface CommunityRegisters {
  communityCode: string;
  workers: Worker[];
  committees: Committee[];
  grids: Grid[];
  buildings: Building[];
  residentGroups: ResidentGroup[];
  /** 居民代表 with their terms; absent where none are registered. */
  representatives?: Representative[];
  /** 物业服务区域; absent where none are registered. */
  propertyAreas?: PropertyArea[];
}

export function emptyRegisters(code: string): CommunityRegisters {
  return { communityCode: code, workers: [], committees: [], grids: [], buildings: [], residentGroups: [] };
}
