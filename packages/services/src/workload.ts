/**
 * Keeping unfunded work off communities (社区减负): the four work-item lists, admission of work
 * outside them, and the register of burdens imposed without admission.
 *
 * - Lists (Ezhou 第二十二条; Weihai 二（八）): 党组织工作事项清单、居民委员会依法履行职责事项清单、
 *   居民委员会协助政府工作事项清单、居民委员会便民服务事项清单, kept by the administrators of the
 *   jurisdiction that issues them, each edit a new version with the date it takes effect; every
 *   version is kept. A community works to the version in force of the nearest jurisdiction above it
 *   that keeps that list (本系统规则 R-SVC-4).
 * - Admission (Ezhou 第二十三条; 2013 regulation 第十四、十五条; Weihai 二（八）): the street applies;
 *   a party-building item is approved by the district organisation department, an assisting-government
 *   item by district civil affairs, both filed with the city. The accounts of this system have no
 *   departments, so the approver is a district administrator of the street's district who approves in
 *   the name of the department the item's kind names (R-SVC-5). Approval needs the funding that follows
 *   the task (费随事转): an amount in 分 and its source.
 * - Burdens: tasks, evaluations and signboards put on a community outside the lists without admission,
 *   recorded per community and counted; evaluations beyond one a year (Weihai 二（八）: 每年一次性实施)
 *   and signboards other than the allowed ones are what the dashboards show.
 */
import {
  type AppRole,
  citeDocument,
  citing,
  communityCode,
  type DerivedFacts,
  divisionCode,
  divisionLevel,
  isAdminRole,
  isoDate,
  safeText,
  streetCode,
} from '@shequ/domain';
import { z } from 'zod';
import type { Citation } from './citations.js';
import type { AdmissionStatus, ApprovingBody, WorkListKind } from './labels.js';
import {
  admissionKindLabels,
  admissionKinds,
  approvingBodies,
  approvingBodyLabels,
  approvingBodyOf,
  burdenKinds,
  workListKindLabels,
  workListKinds,
} from './labels.js';

export type { AdmissionKind, AdmissionStatus, ApprovingBody, BurdenKind, WorkListKind } from './labels.js';
export {
  admissionKindLabels,
  admissionKinds,
  admissionStatusLabels,
  approvingBodies,
  approvingBodyLabels,
  approvingBodyOf,
  burdenKindLabels,
  burdenKinds,
  filingBodyLabels,
  formatFen,
  workListKindLabels,
  workListKinds,
  yuanToFen,
} from './labels.js';

const JINSHAN = '金山镇城市社区工作管理办法（试行）（金政发〔2020〕5号）';
const citeJinshan = citing(JINSHAN, '2020-01-06');

export const workloadCitations = {
  ezhouLists: citeDocument.ezhou(
    '第二十二条',
    '工作事项清单包括党组织工作事项清单、居民委员会依法履行职责事项清单、居民委员会协助政府工作事项清单、居民委员会便民服务事项清单。',
  ),
  ezhouAdmission: citeDocument.ezhou(
    '第二十三条',
    '工作事项清单以外的事项确需安排到社区完成的，由街道（乡镇）党（工）委、办事处（人民政府）申请，党建类的事项报区级组织部门审批，协助政府类的事项报区民政部门审批，并分别报市组织、民政部门备案。',
  ),
  ezhouFunding: citeDocument.ezhou(
    '第二十三条',
    '街道（乡镇）安排到社区完成的工作事项清单以外的事项应采取政府购买服务的方式给予足额的资金保障。',
  ),
  city2013Directory: citeDocument.city2013(
    '第十四条',
    '凡本条例未明确规定和未列入社区服务管理指导目录需要新增进入社区开展的工作事项应当经区市、县人民政府审查批准。',
  ),
  city2013Funding: citeDocument.city2013('第十五条', '按照权随责走、费随事转的方式拨付工作经费。'),
  weihaiAdmission: citeDocument.weihai(
    '二（八）',
    '凡不属于清单范围内的工作事项，但确需社区协办的，按照“权随责走、费随事转”的原则，为社区提供必要的经费和工作条件。',
  ),
  weihaiEvaluations: citeDocument.weihai(
    '二（八）',
    '其他针对社区的考核评比活动，由各区市、开发区统一纳入综合性考评，每年一次性实施。',
  ),
  weihaiSignboards: citeDocument.weihai(
    '二（八）',
    '社区办公服务场所对外只悬挂社区党组织、基层群众性自治组织、社区党群服务中心牌子以及“中国社区”标识。',
  ),
  jiangsuListed: citeDocument.jiangsu(
    '22',
    '社区居民委员会坚持为民利民便民原则,积极推行清单化、流程化、便捷化服务。',
  ),
  jiangsuResources: citeDocument.jiangsu('23', '统筹各级党政部门、群团组织下沉到社区的资源、资金、项目等'),
  jinshanAssisting: citeJinshan(
    '第十二条（五）',
    '协助做好与社区居民利益有关的综治维稳、社会治安、社区矫正、公共卫生、安全环保',
  ),
} as const satisfies Record<string, Citation>;

// ---------------------------------------------------------------------------------------------
// The four lists
// ---------------------------------------------------------------------------------------------

const workListItem = z.strictObject({
  title: safeText('事项名称', 200),
  basis: safeText('依据', 200).optional(),
});
export type WorkListItem = z.infer<typeof workListItem>;

/** One version of a list as its administrator saves it; `effectiveUntil` is optional (in force until replaced). */
export const workListVersionDraft = z
  .strictObject({
    jurisdictionCode: divisionCode,
    kind: z.enum(workListKinds, { error: '请选择清单类别' }),
    effectiveFrom: isoDate,
    effectiveUntil: isoDate.optional(),
    items: z
      .array(workListItem)
      .min(1, { error: '清单至少要有 1 个事项' })
      .max(500, { error: '清单最多 500 个事项' }),
  })
  .refine((d) => d.effectiveUntil === undefined || d.effectiveUntil >= d.effectiveFrom, {
    path: ['effectiveUntil'],
    error: '失效日期不能早于生效日期',
  })
  .refine((d) => new Set(d.items.map((i) => i.title)).size === d.items.length, {
    path: ['items'],
    error: '清单中有重复的事项名称',
  });
export type WorkListVersionDraft = z.infer<typeof workListVersionDraft>;
export type WorkListVersion = WorkListVersionDraft & { id: string; version: number; savedAt: string };

export interface Problem {
  path: string;
  message: string;
}

/** Why the actor may not keep the lists of `jurisdictionCode`: only that jurisdiction's own administrators do. */
export function workListKeeperProblem(
  actor: { role: AppRole; jurisdictionCode: string },
  jurisdictionCode: string,
): string | undefined {
  if (!isAdminRole(actor.role) || actor.jurisdictionCode !== jurisdictionCode)
    return '工作事项清单由本辖区的管理员维护';
  const level = divisionLevel(jurisdictionCode);
  if (level === undefined || level === 'community')
    return '工作事项清单由市、区（县）或街道制定，社区不制定清单';
  return undefined;
}

/**
 * Whether a new version may follow the ones kept for the same jurisdiction and kind: versions take
 * effect in order, so a later version cannot take effect on or before an earlier one.
 */
export function nextVersionProblem(
  draft: Pick<WorkListVersionDraft, 'effectiveFrom'>,
  kept: readonly Pick<WorkListVersion, 'effectiveFrom'>[],
): Problem | undefined {
  const latest = kept.reduce<string | undefined>(
    (max, v) => (max === undefined || v.effectiveFrom > max ? v.effectiveFrom : max),
    undefined,
  );
  if (latest !== undefined && draft.effectiveFrom <= latest)
    return { path: 'effectiveFrom', message: `生效日期应晚于上一版的生效日期 ${latest}` };
  return undefined;
}

/** The version of one jurisdiction's list in force on `asOf`: the latest to have taken effect and not lapsed. */
export function versionInForce<
  V extends Pick<WorkListVersion, 'effectiveFrom' | 'effectiveUntil' | 'version'>,
>(versions: readonly V[], asOf: string): V | undefined {
  let found: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > asOf) continue;
    if (
      found === undefined ||
      v.effectiveFrom > found.effectiveFrom ||
      (v.effectiveFrom === found.effectiveFrom && v.version > found.version)
    )
      found = v;
  }
  if (found?.effectiveUntil !== undefined && found.effectiveUntil < asOf) return undefined;
  return found;
}

/**
 * The jurisdictions whose lists reach `code`, nearest first: for a community its street, district, city
 * and province; for a higher node the node itself, then those above it.
 */
export function listKeepersFor(code: string): string[] {
  const level = divisionLevel(code);
  if (level === undefined) return [];
  const chain = [code.slice(0, 9), code.slice(0, 6), `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  const start = { community: 0, street: 0, district: 1, city: 2, province: 3 }[level];
  return [...new Set(chain.slice(start))];
}

/**
 * The lists a community or street works to on `asOf` (R-SVC-4): for each kind, the version in force of
 * the nearest jurisdiction above it that has one.
 */
export function listsInForce(
  versions: readonly WorkListVersion[],
  code: string,
  asOf: string,
): Partial<Record<WorkListKind, WorkListVersion>> {
  const above = listKeepersFor(code);
  const out: Partial<Record<WorkListKind, WorkListVersion>> = {};
  for (const kind of workListKinds) {
    for (const keeper of above) {
      const found = versionInForce(
        versions.filter((v) => v.kind === kind && v.jurisdictionCode === keeper),
        asOf,
      );
      if (found) {
        out[kind] = found;
        break;
      }
    }
  }
  return out;
}

const normalised = (title: string) => title.replace(/\s+/gu, '');

/** The list an item is on (by its name, spaces ignored), if any. */
export function listedIn(
  lists: Partial<Record<WorkListKind, WorkListVersion>>,
  title: string,
): WorkListKind | undefined {
  const wanted = normalised(title);
  return workListKinds.find((k) => lists[k]?.items.some((i) => normalised(i.title) === wanted));
}

// ---------------------------------------------------------------------------------------------
// Admission of work outside the lists
// ---------------------------------------------------------------------------------------------

/** An amount of money in 分 (integers only, so sums are exact): at least 1 分, at most 100 亿元. */
export const fen = z
  .int({ error: '金额应为以分计的整数' })
  .min(1, { error: '经费金额应大于 0' })
  .max(1_000_000_000_000, { error: '经费金额过大' });

/** The funding that follows the task (费随事转): how much and from where. */
export const funding = z.strictObject({
  amountFen: fen,
  source: safeText('经费来源', 200),
});
export type Funding = z.infer<typeof funding>;

export const admissionDraft = z
  .strictObject({
    streetCode,
    communityCodes: z
      .array(communityCode)
      .min(1, { error: '请至少选择 1 个社区' })
      .max(200, { error: '最多选择 200 个社区' }),
    kind: z.enum(admissionKinds, { error: '请选择党建类或协助政府类' }),
    title: safeText('事项名称', 200),
    /** The department that wants the work done. */
    requestedBy: safeText('提出部门', 100),
    reason: safeText('申请理由', 1000),
    startsOn: isoDate,
    endsOn: isoDate.optional(),
    /** The funding proposed with the application; the approval fixes it. */
    funding: funding.optional(),
  })
  .refine((d) => d.endsOn === undefined || d.endsOn >= d.startsOn, {
    path: ['endsOn'],
    error: '结束日期不能早于开始日期',
  })
  .refine((d) => d.communityCodes.every((c) => c.startsWith(d.streetCode)), {
    path: ['communityCodes'],
    error: '只能为本街道的社区申请',
  })
  .refine((d) => new Set(d.communityCodes).size === d.communityCodes.length, {
    path: ['communityCodes'],
    error: '社区重复',
  });
export type AdmissionDraft = z.infer<typeof admissionDraft>;

export const admissionDecisionInput = z.discriminatedUnion(
  'outcome',
  [
    z.strictObject({
      outcome: z.literal('approved'),
      /** The department in whose name the district administrator approves. */
      approvingBody: z.enum(approvingBodies, { error: '请选择审批部门' }),
      funding: funding.optional(),
      opinion: safeText('审批意见', 1000).optional(),
    }),
    z.strictObject({
      outcome: z.literal('rejected'),
      approvingBody: z.enum(approvingBodies, { error: '请选择审批部门' }),
      opinion: safeText('不予准入的理由', 1000),
    }),
  ],
  { error: '请选择准入或不予准入' },
);
export type AdmissionDecisionInput = z.infer<typeof admissionDecisionInput>;

export interface Actor {
  userId: string;
  name: string;
}

export interface AdmissionDecision {
  outcome: 'approved' | 'rejected';
  approvingBody: ApprovingBody;
  by: Actor;
  on: string;
  funding?: Funding;
  opinion?: string;
  /** Filed with the city (备案): which city and which of its departments. */
  filedWith: { cityCode: string; body: ApprovingBody };
}

export type AdmissionRequest = AdmissionDraft & {
  id: string;
  appliedBy: Actor;
  appliedOn: string;
  decision?: AdmissionDecision;
};

export function admissionStatus(request: Pick<AdmissionRequest, 'decision'>): AdmissionStatus {
  return request.decision?.outcome ?? 'pending';
}

/** The street applies (Ezhou 第二十三条): an administrator of that street. */
export function applicantProblem(
  actor: { role: AppRole; jurisdictionCode: string },
  street: string,
): string | undefined {
  return actor.role === 'streetAdmin' && actor.jurisdictionCode === street
    ? undefined
    : '准入申请由本街道的管理员提出';
}

export type AdmissionOutcome = { ok: true; value: AdmissionDecision } | { ok: false; issues: Problem[] };

/**
 * The decision on a pending request, or why not: a district administrator of the street's district,
 * approving in the name of the department the kind names; approval with the funding that follows the
 * task (from the decision, or else as proposed in the application).
 */
export function decideAdmission(
  request: AdmissionRequest,
  input: AdmissionDecisionInput,
  actor: { role: AppRole; jurisdictionCode: string } & Actor,
  on: string,
): AdmissionOutcome {
  const district = request.streetCode.slice(0, 6);
  if (request.decision) return { ok: false, issues: [{ path: '', message: '该申请已审批，不能再次审批' }] };
  if (actor.role !== 'districtAdmin' || actor.jurisdictionCode !== district)
    return { ok: false, issues: [{ path: 'approvingBody', message: '准入申请由该街道所在区的管理员审批' }] };
  const body = approvingBodyOf[request.kind];
  if (input.approvingBody !== body)
    return {
      ok: false,
      issues: [
        {
          path: 'approvingBody',
          message: `${admissionKindLabels[request.kind]}事项应由${approvingBodyLabels[body]}审批`,
        },
      ],
    };
  const filedWith = { cityCode: `${request.streetCode.slice(0, 4)}00`, body };
  const by = { userId: actor.userId, name: actor.name };
  if (input.outcome === 'rejected')
    return {
      ok: true,
      value: { outcome: 'rejected', approvingBody: body, by, on, opinion: input.opinion, filedWith },
    };
  const money = input.funding ?? request.funding;
  if (!money)
    return {
      ok: false,
      issues: [{ path: 'funding.amountFen', message: '准入须落实经费（费随事转）：请填写经费金额和来源' }],
    };
  return {
    ok: true,
    value: {
      outcome: 'approved',
      approvingBody: body,
      by,
      on,
      funding: money,
      ...(input.opinion ? { opinion: input.opinion } : {}),
      filedWith,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Burdens
// ---------------------------------------------------------------------------------------------

/** The signboards a community's office may show (Weihai 二（八）); recording one of them as a burden is a mistake. */
export const allowedSignboards = [
  '社区党组织',
  '基层群众性自治组织',
  '社区党群服务中心',
  '中国社区',
] as const;

export const burdenDraft = z
  .strictObject({
    communityCode,
    kind: z.enum(burdenKinds, { error: '请选择工作任务、考核评比或挂牌' }),
    title: safeText('事项名称', 200),
    imposedBy: safeText('下派单位', 100),
    imposedOn: isoDate,
    /** The day it stopped (task withdrawn, signboard taken down). */
    endedOn: isoDate.optional(),
    note: safeText('备注', 500).optional(),
  })
  .refine((b) => b.endedOn === undefined || b.endedOn >= b.imposedOn, {
    path: ['endedOn'],
    error: '结束日期不能早于下派日期',
  })
  .refine(
    (b) =>
      b.kind !== 'signboard' ||
      !allowedSignboards.some((allowed) => normalised(b.title) === normalised(allowed)),
    { path: ['title'], error: '这是规定允许悬挂的牌子，不属于负担' },
  );
export type BurdenDraft = z.infer<typeof burdenDraft>;
export type Burden = BurdenDraft & { id: string; recordedBy: Actor };

/** Why a burden cannot be recorded as such on `today`: in the future, or the work is listed or admitted. */
export function burdenProblem(
  draft: BurdenDraft,
  context: {
    today: string;
    lists: Partial<Record<WorkListKind, WorkListVersion>>;
    admitted: readonly Pick<AdmissionRequest, 'title' | 'communityCodes' | 'decision'>[];
  },
): Problem | undefined {
  if (draft.imposedOn > context.today) return { path: 'imposedOn', message: '下派日期不能晚于今天' };
  if (draft.endedOn !== undefined && draft.endedOn > context.today)
    return { path: 'endedOn', message: '结束日期不能晚于今天' };
  if (draft.kind === 'task') {
    const list = listedIn(context.lists, draft.title);
    if (list) return { path: 'title', message: `该事项在${workListKindLabels[list]}内，不属于负担` };
    const wanted = normalised(draft.title);
    if (
      context.admitted.some(
        (a) =>
          a.decision?.outcome === 'approved' &&
          a.communityCodes.includes(draft.communityCode) &&
          normalised(a.title) === wanted,
      )
    )
      return { path: 'title', message: '该事项已经准入，不属于负担' };
  }
  return undefined;
}

export interface BurdenCounts {
  /** Burdens still on the community on `asOf`. */
  active: number;
  tasks: number;
  evaluations: number;
  signboards: number;
  /** Evaluations imposed in the year of `asOf` beyond the one a year Weihai 二（八） allows. */
  evaluationsOverYearly: number;
  /** Burdens imposed in the year of `asOf`, whether still on or not. */
  thisYear: number;
}

const onOn = (b: Pick<Burden, 'imposedOn' | 'endedOn'>, asOf: string) =>
  b.imposedOn <= asOf && (b.endedOn === undefined || b.endedOn > asOf);

/** The counts the street's and the city's dashboards show for one community's burdens as of a date. */
export function burdenCounts(
  burdens: readonly Pick<Burden, 'kind' | 'imposedOn' | 'endedOn'>[],
  asOf: string,
): BurdenCounts {
  const year = asOf.slice(0, 4);
  const active = burdens.filter((b) => onOn(b, asOf));
  const imposedThisYear = burdens.filter((b) => b.imposedOn.slice(0, 4) === year && b.imposedOn <= asOf);
  const evaluationsThisYear = imposedThisYear.filter((b) => b.kind === 'evaluation').length;
  return {
    active: active.length,
    tasks: active.filter((b) => b.kind === 'task').length,
    evaluations: active.filter((b) => b.kind === 'evaluation').length,
    signboards: active.filter((b) => b.kind === 'signboard').length,
    evaluationsOverYearly: Math.max(0, evaluationsThisYear - 1),
    thisYear: imposedThisYear.length,
  };
}

/** Counts summed over communities (a street's or a city's total). */
export function sumBurdenCounts(counts: readonly BurdenCounts[]): BurdenCounts {
  const total: BurdenCounts = {
    active: 0,
    tasks: 0,
    evaluations: 0,
    signboards: 0,
    evaluationsOverYearly: 0,
    thisYear: 0,
  };
  for (const c of counts)
    for (const key of Object.keys(total) as (keyof BurdenCounts)[]) total[key] += c[key];
  return total;
}

/**
 * The snapshot fact the burden register determines (docs/interfaces.md §2): `facility.otherSignboards`,
 * the signboards other than the allowed ones hanging on `asOf` (Weihai 二（八）). Only a community that
 * has recorded a signboard by then derives it, so a typed value otherwise remains.
 */
export function deriveBurdenFacts(
  burdens: readonly Pick<Burden, 'kind' | 'imposedOn' | 'endedOn'>[],
  asOf: string,
): DerivedFacts {
  const signboards = burdens.filter((b) => b.kind === 'signboard' && b.imposedOn <= asOf);
  if (signboards.length === 0) return { facts: {}, fields: [] };
  return {
    facts: { facility: { otherSignboards: signboards.filter((b) => onOn(b, asOf)).length } },
    fields: ['facility.otherSignboards'],
  };
}
