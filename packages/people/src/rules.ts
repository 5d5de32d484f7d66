/**
 * The rules on the registers, each with its citation: 网格长 are residents' committee members and
 * sub-committees are led by one (Ezhou 第七条（一）, Jiangsu 10（1）), the chairs' yearly training
 * (Jiangsu 19（8）), pay not below the reference wage (Ezhou 第二十一条), and the quota and floor of
 * workers counted per person (Ezhou 第十七条, Weihai 二（四）, Jinshan 第十条). Which of them apply to a
 * community is the policy packs' decision; these functions say what the registers show. Given `governs`
 * (the documents of the community's pack chain), a finding cites only the governing documents and is
 * `undefined` where none of them governs: no 本系统规则 stands in for any of these rules.
 */
import { applicable, type Citation, citations, type GoverningOptions } from './citations.js';
import type { AppliedInterpretation } from './readings.js';
import {
  type Committee,
  type CommitteeMember,
  type CommunityRegisters,
  inTerm,
  membersOn,
  onPost,
  type Training,
  type Worker,
  workerPostLabels,
} from './registers.js';

export type FindingStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface RegisterFinding {
  rule: string;
  title: string;
  citations: Citation[];
  /** `binding` for a rule stated with 应/不得/不低于/不少于; `guidance` where the text hedges (原则上). */
  binding: 'binding' | 'guidance';
  status: FindingStatus;
  /** Who or what the finding is about (names of people, grids, committees). */
  subjects: string[];
  detail: string;
  /** The readings of ambiguous wording the finding applied (./readings.ts), where it depends on one. */
  interpretations?: AppliedInterpretation[];
}

const year = (isoDate: string) => isoDate.slice(0, 4);

/** What a finding says about its rule, before looking at the registers. */
export type FindingBase = Pick<RegisterFinding, 'rule' | 'title' | 'citations' | 'binding'>;

/**
 * A rule's base with the citations that govern the community (all of them without `governs`), or
 * `undefined` when none does: the rule is then not reported.
 */
export function governedBase(base: FindingBase, options: GoverningOptions): FindingBase | undefined {
  const cited = applicable(base.citations, options.governs);
  return cited.length === 0 ? undefined : { ...base, citations: cited };
}

/** A rule's options but `governs`; none at all where `governs` is its only one. */
type PlainOptions<Args extends unknown[], Options extends GoverningOptions> = keyof Omit<
  Options,
  'governs'
> extends never
  ? Args
  : [...Args, options?: Omit<Options, 'governs'>];

/**
 * A register rule as its callers see it: without `governs` it always gives its finding, citing all its
 * documents; with `governs`, only the governing ones, and `undefined` where none of them governs the
 * community (no 本系统规则 asks the rule).
 */
export interface GovernedRule<Args extends unknown[], Options extends GoverningOptions = GoverningOptions> {
  (...args: PlainOptions<Args, Options>): RegisterFinding;
  (...args: [...Args, options: Options]): RegisterFinding | undefined;
}

/** What a governed rule reads the registers with: its base, citing the governing documents, and its options. */
export interface Governed<Options extends GoverningOptions = GoverningOptions> {
  base: FindingBase;
  options: Options;
}

/**
 * A register rule from what it says about itself (`base`) and how it reads the registers (`evaluate`,
 * given the governed base and options, then the rule's `arity` own arguments, which come before the
 * options): where none of the base's documents governs, `evaluate` is not called.
 */
export function governed<Args extends unknown[], Options extends GoverningOptions = GoverningOptions>(
  base: FindingBase,
  arity: Args['length'],
  evaluate: (governing: Governed<Options>, ...args: Args) => RegisterFinding,
): GovernedRule<Args, Options> {
  const rule = (...args: unknown[]): RegisterFinding | undefined => {
    const options = (args[arity] ?? {}) as Options;
    const cited = governedBase(base, options);
    return cited && evaluate({ base: cited, options }, ...(args.slice(0, arity) as Args));
  };
  return rule as GovernedRule<Args, Options>;
}

/** The residents' committee whose term covers `asOf`, if any. */
export function currentCommittee(
  registers: Pick<CommunityRegisters, 'committees'>,
  kind: Committee['kind'],
  asOf: string,
): Committee | undefined {
  return registers.committees.find((c) => c.kind === kind && inTerm(c, asOf));
}

/** Roster ids of the residents' committee members serving on `asOf`. */
export function committeeMemberWorkerIds(
  registers: Pick<CommunityRegisters, 'committees'>,
  asOf: string,
): Set<string> {
  const residents = currentCommittee(registers, 'residents', asOf);
  return new Set(
    (residents ? membersOn(residents, asOf) : []).flatMap((m) =>
      m.workerId === undefined ? [] : [m.workerId],
    ),
  );
}

/**
 * Ezhou 第七条（一）: each 网格长 is a residents' committee member.
 * With `governs`: `undefined` where Ezhou 第七条（一） does not govern the community (no 本系统规则 asks it).
 */
export const gridLeadersOnCommittee = governed(
  {
    rule: 'grid-leaders-on-committee',
    title: '网格长由社区居民委员会成员兼任',
    citations: [citations.ezhouSubCommitteesAndGrids],
    binding: 'binding',
  },
  2,
  ({ base }: Governed, registers: CommunityRegisters, asOf: string): RegisterFinding => {
    const led = registers.grids.filter((g) => g.leaderWorkerId !== undefined);
    if (led.length === 0 || !currentCommittee(registers, 'residents', asOf))
      return { ...base, status: 'unknown', subjects: [], detail: '未登记网格长或本届居委会' };
    const members = committeeMemberWorkerIds(registers, asOf);
    const outside = led.filter((g) => !members.has(g.leaderWorkerId ?? ''));
    return {
      ...base,
      status: outside.length === 0 ? 'pass' : 'fail',
      subjects: outside.map((g) => g.name),
      detail:
        outside.length === 0
          ? `网格长${led.length}人，均为居委会成员`
          : `网格长${led.length}人，其中${outside.length}人不是居委会成员：${outside.map((g) => g.name).join('、')}`,
    };
  },
);

/**
 * Ezhou 第七条（一）, Jiangsu 10（1）: each sub-committee is led by a residents' committee member.
 * With `governs`: cites Ezhou 第七条（一） and Jiangsu 10（1） where each governs; `undefined` where neither does.
 */
export const subCommitteesLedByMember = governed(
  {
    rule: 'sub-committees-led-by-member',
    title: '下属委员会由居民委员会成员牵头（兼任主任）',
    citations: [citations.ezhouSubCommitteesAndGrids, citations.jiangsuSubCommittees],
    binding: 'binding',
  },
  2,
  ({ base }: Governed, registers: CommunityRegisters, asOf: string): RegisterFinding => {
    const subs = registers.committees.filter((c) => c.kind === 'sub' && inTerm(c, asOf));
    if (subs.length === 0 || !currentCommittee(registers, 'residents', asOf))
      return { ...base, status: 'unknown', subjects: [], detail: '未登记下属委员会或本届居委会' };
    const members = committeeMemberWorkerIds(registers, asOf);
    const notLed = subs.filter((s) => !chairIsCommitteeMember(s, members, asOf));
    return {
      ...base,
      status: notLed.length === 0 ? 'pass' : 'fail',
      subjects: notLed.map((s) => s.subKind ?? s.id),
      detail:
        notLed.length === 0
          ? `下属委员会${subs.length}个，均由居委会成员牵头`
          : `下属委员会${subs.length}个，其中${notLed.length}个的主任不是居委会成员`,
    };
  },
);

export function chairIsCommitteeMember(
  sub: Committee,
  committeeWorkerIds: Set<string>,
  asOf: string,
): boolean {
  const chair = membersOn(sub, asOf).find((m) => m.role === 'chair');
  return chair?.workerId !== undefined && committeeWorkerIds.has(chair.workerId);
}

/** Trainings at county level or above in `asOf`'s calendar year, up to `asOf`. */
export function countyTrainingsInYear(w: { trainings: readonly Training[] }, asOf: string): number {
  return w.trainings.filter((t) => t.level === 'county-or-above' && year(t.on) === year(asOf) && t.on <= asOf)
    .length;
}

/** The chair of the community's committee of `kind` serving on `asOf`, if one is registered. */
export function chairOn(
  registers: CommunityRegisters,
  kind: 'residents' | 'supervision',
  asOf: string,
): CommitteeMember | undefined {
  const c = currentCommittee(registers, kind, asOf);
  return c ? membersOn(c, asOf).find((m) => m.role === 'chair') : undefined;
}

/**
 * A committee member's training record: the roster's for a member on it, else the one kept with the
 * membership; `undefined` when neither is entered, so that nobody reads "no training" from a blank.
 */
export function memberTrainings(
  registers: Pick<CommunityRegisters, 'workers'>,
  member: CommitteeMember,
): readonly Training[] | undefined {
  if (member.workerId !== undefined)
    return registers.workers.find((w) => w.id === member.workerId)?.trainings;
  return member.trainings;
}

/**
 * Jiangsu 17（5）: how many members serving on `asOf` know finance or management, or `undefined` unless
 * every one of them has it entered (a blank is not a "no").
 */
export function financeOrManagementMembers(members: readonly CommitteeMember[]): number | undefined {
  if (members.length === 0 || members.some((m) => m.knowledge === undefined)) return undefined;
  return members.filter((m) => (m.knowledge ?? []).length > 0).length;
}

/** The roster filter 「培训缺失」: no training of any level so far in `asOf`'s year. */
export function trainingMissing(w: Pick<Worker, 'trainings'>, asOf: string): boolean {
  return !w.trainings.some((t) => year(t.on) === year(asOf) && t.on <= asOf);
}

/**
 * Jiangsu 19（8）: the residents' committee chair and the supervision committee chair attend at least
 * one county-level (or higher) training every year. Before the year's last day a missing training
 * can still be made up, so it is a warning; on 31 December it is a failure.
 * With `governs`: `undefined` where Jiangsu 19（8） does not govern the community (no 本系统规则 asks it).
 */
export const chairsTrainedThisYear = governed(
  {
    rule: 'chairs-trained-yearly',
    title: '居委会主任、居务监督委员会主任每年至少参加1次县级以上集中培训',
    citations: [citations.jiangsuTraining],
    binding: 'binding',
  },
  2,
  ({ base }: Governed, registers: CommunityRegisters, asOf: string): RegisterFinding => {
    const chairs = (['residents', 'supervision'] as const).flatMap((kind) => {
      const chair = chairOn(registers, kind, asOf);
      return chair ? [{ chair, trainings: memberTrainings(registers, chair) }] : [];
    });
    if (chairs.length === 0 || chairs.some((c) => c.trainings === undefined))
      return {
        ...base,
        status: 'unknown',
        subjects: [],
        detail: '主任未登记，或既未关联花名册也未登记培训记录，无法核对培训',
      };
    const untrained = chairs.filter(
      (c) => countyTrainingsInYear({ trainings: c.trainings ?? [] }, asOf) === 0,
    );
    const yearEnded = asOf.slice(5) === '12-31';
    return {
      ...base,
      status: untrained.length === 0 ? 'pass' : yearEnded ? 'fail' : 'warn',
      subjects: untrained.map((c) => c.chair.name),
      detail:
        untrained.length === 0
          ? `${year(asOf)}年主任均已参加县级以上培训`
          : `${year(asOf)}年尚未参加县级以上培训：${untrained.map((c) => c.chair.name).join('、')}`,
    };
  },
);

/**
 * Ezhou 第二十一条: a community worker's pay is not below the city's average wage of employees on post.
 * The reference is a pack parameter (entered per year); without it the rule cannot be judged.
 * With `governs`: `undefined` where Ezhou 第二十一条 does not govern the community (no 本系统规则 asks it).
 */
export const payNotBelowReference = governed(
  {
    rule: 'pay-not-below-reference',
    title: '社区工作者薪酬不低于本市城市在岗职工平均工资',
    citations: [citations.ezhouPay],
    binding: 'binding',
  },
  3,
  (
    { base }: Governed,
    registers: CommunityRegisters,
    asOf: string,
    referenceAnnualWage: number | undefined,
  ): RegisterFinding => {
    const staff = registers.workers.filter((w) => onPost(w, asOf));
    if (referenceAnnualWage === undefined || staff.length === 0)
      return { ...base, status: 'unknown', subjects: [], detail: '未录入参考工资或花名册为空' };
    const below = staff.filter(
      (w) => w.annualPay !== undefined && payBelow(w.annualPay, referenceAnnualWage),
    );
    const unknownPay = staff.filter((w) => w.annualPay === undefined);
    if (below.length > 0)
      return {
        ...base,
        status: 'fail',
        subjects: below.map((w) => w.name),
        detail: `${below.length}人年薪低于参考工资${referenceAnnualWage}元：${below.map((w) => w.name).join('、')}`,
      };
    if (unknownPay.length > 0)
      return {
        ...base,
        status: 'unknown',
        subjects: unknownPay.map((w) => w.name),
        detail: `${unknownPay.length}人未登记年薪`,
      };
    return {
      ...base,
      status: 'pass',
      subjects: [],
      detail: `${staff.length}人年薪均不低于${referenceAnnualWage}元`,
    };
  },
);

/** Exact comparison in fen, so 0.1 + 0.2 never decides anyone's pay. */
export function payBelow(annualPay: number, reference: number): boolean {
  return Math.round(annualPay * 100) < Math.round(reference * 100);
}

// ---------------------------------------------------------------------------------------------
// Quota and floor of workers
// ---------------------------------------------------------------------------------------------

export interface StaffCounts {
  twoCommittees: number;
  specialists: number;
  fullTime: number;
}

/** People on the roster on `asOf`, counted as docs/interfaces.md §2 defines `staff.*`. */
export function staffCounts(
  workers: readonly Pick<Worker, 'post' | 'fullTime' | 'joinedOn' | 'leftOn'>[],
  asOf: string,
): StaffCounts {
  const current = workers.filter((w) => onPost(w, asOf));
  return {
    twoCommittees: current.filter((w) => w.post === 'two-committees').length,
    specialists: current.filter((w) => w.post === 'specialist').length,
    fullTime: current.filter((w) => w.fullTime).length,
  };
}

/**
 * Ezhou 第十七条: 5 two-committee members for 5000 residents or fewer, one more for each full 3000
 * residents above that (the policy pack's chosen reading: 8000 residents 6, 7999 residents 5), at most 9.
 */
export function ezhouTwoCommitteesQuota(residents: number): number {
  return Math.min(9, 5 + Math.floor(Math.max(0, residents - 5000) / 3000));
}

/** Weihai 二（四）, Jinshan 第十条: one worker per 300–400 households: at least ⌈h/400⌉, at most ⌊h/300⌋. */
export function householdsBand(households: number): { min: number; max: number } {
  const min = Math.ceil(households / 400);
  return { min, max: Math.max(min, Math.floor(households / 300)) };
}

export const STAFF_FLOOR = 5;

export type QuotaScheme = 'ezhou' | 'weihai' | 'jinshan';

export interface QuotaFinding extends RegisterFinding {
  actual: number;
  /** The number the rule asks for: a range, or a floor (max undefined). */
  expected: { min: number; max?: number };
}

/**
 * Workers on the roster on `asOf` against the scheme's quota. Ezhou: two-committee members against
 * the quota by residents (over it fails) and four specialists. Weihai: a floor of five full-time
 * workers per community (its 300–400 band is a district total). Jinshan: the floor of five, and the
 * 300–400 band, which it hedges with 原则上 (guidance: a warning).
 */
export function staffingAgainstQuota(
  registers: CommunityRegisters,
  asOf: string,
  scheme: QuotaScheme,
  size: { residents?: number; households?: number },
): QuotaFinding[] {
  const counts = staffCounts(registers.workers, asOf);
  const names = (post: Worker['post']) =>
    registers.workers.filter((w) => onPost(w, asOf) && w.post === post).map((w) => w.name);
  if (scheme === 'ezhou') {
    const findings: QuotaFinding[] = [];
    if (size.residents !== undefined) {
      const quota = ezhouTwoCommitteesQuota(size.residents);
      findings.push({
        rule: 'ezhou-two-committees-quota',
        title: '“两委”成员按居民人数核定，最多不超过9人',
        citations: [citations.ezhouQuota],
        binding: 'binding',
        status: counts.twoCommittees > quota ? 'fail' : counts.twoCommittees < quota ? 'warn' : 'pass',
        subjects: names('two-committees'),
        actual: counts.twoCommittees,
        expected: { min: quota, max: quota },
        detail: `居民${size.residents}人核定${quota}人，在册${workerPostLabels['two-committees']}${counts.twoCommittees}人`,
      });
    }
    findings.push({
      rule: 'ezhou-specialists',
      title: '社区配备4名专干（党建、民政、劳动、卫健）',
      citations: [citations.ezhouQuota],
      binding: 'binding',
      status: counts.specialists === 4 ? 'pass' : 'fail',
      subjects: names('specialist'),
      actual: counts.specialists,
      expected: { min: 4, max: 4 },
      detail: `在册社区专干${counts.specialists}人`,
    });
    return findings;
  }
  const citation = scheme === 'weihai' ? citations.weihaiQuota : citations.jinshanQuota;
  const findings: QuotaFinding[] = [
    {
      rule: `${scheme}-staff-floor`,
      title: '每个社区的专职工作人员不少于5人',
      citations: [citation],
      binding: 'binding',
      status: counts.fullTime >= STAFF_FLOOR ? 'pass' : 'fail',
      subjects: [],
      actual: counts.fullTime,
      expected: { min: STAFF_FLOOR },
      detail: `在册专职工作人员${counts.fullTime}人`,
    },
  ];
  if (scheme === 'jinshan' && size.households !== undefined) {
    const band = householdsBand(size.households);
    const min = Math.max(band.min, STAFF_FLOOR);
    const max = Math.max(band.max, min);
    findings.push({
      rule: 'jinshan-staff-band',
      title: '原则上每300—400户居民配备1人',
      citations: [citation],
      binding: 'guidance',
      status: counts.fullTime >= min && counts.fullTime <= max ? 'pass' : 'warn',
      subjects: [],
      actual: counts.fullTime,
      expected: { min, max },
      detail: `${size.households}户宜配${min}—${max}人，在册${counts.fullTime}人`,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Terms ending
// ---------------------------------------------------------------------------------------------

export interface TermWarning {
  committeeId: string;
  kind: Committee['kind'];
  subKind?: string;
  /** Whose term: the committee's (`undefined`) or one member's name. */
  member?: string;
  endsOn: string;
  daysLeft: number;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Committees whose term, and members whose service, ends within `withinDays` of `asOf`. */
export function termsEnding(
  registers: Pick<CommunityRegisters, 'committees'>,
  asOf: string,
  withinDays = 90,
): TermWarning[] {
  const warnings: TermWarning[] = [];
  for (const c of registers.committees) {
    if (!inTerm(c, asOf)) continue;
    const left = daysBetween(asOf, c.termTo);
    if (left <= withinDays)
      warnings.push({
        committeeId: c.id,
        kind: c.kind,
        subKind: c.subKind,
        endsOn: c.termTo,
        daysLeft: left,
      });
    for (const m of membersOn(c, asOf)) {
      if (m.to === undefined || m.to >= c.termTo) continue;
      const memberLeft = daysBetween(asOf, m.to);
      if (memberLeft <= withinDays)
        warnings.push({
          committeeId: c.id,
          kind: c.kind,
          subKind: c.subKind,
          member: m.name,
          endsOn: m.to,
          daysLeft: memberLeft,
        });
    }
  }
  return warnings.sort((a, b) => a.daysLeft - b.daysLeft);
}
