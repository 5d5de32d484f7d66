/**
 * The decisions on the democracy registers: is a meeting's notice long enough (checked when it is
 * scheduled), did a residents' meeting reach its quorum and pass its decisions, which disclosures are
 * due or overdue, which consultation outcomes and charter filings are due, how many meetings higher
 * levels imposed, and what an election's result changes in the people register (a committee, or a
 * resident group's leader). Each answer carries its citation.
 */
import type { GoverningOptions } from '@shequ/domain';
import { applies, type Citation, citations, type Governs } from './citations.js';
import { addDays, daysAfter, type Period, periodBefore, periodHolding, weekStart, within } from './dates.js';
import {
  charterKindLabels,
  type DisclosureCategory,
  disclosureCategories,
  disclosureCategoryLabels,
  type ElectedPost,
  meetingKindLabels,
} from './labels.js';
import type {
  Charter,
  Consultation,
  DeliberationBody,
  DemocracyRegisters,
  Disclosure,
  Election,
  ImposedMeeting,
  Meeting,
} from './records.js';

/** Something due or overdue on a register, for the console's lists and the workbench. */
export interface Deadline {
  kind:
    | 'meeting-notice'
    | 'disclosure'
    | 'outcome-task'
    | 'outcome-disclosure'
    | 'charter-filing'
    | 'term-end';
  /** The record it is about. */
  recordId: string;
  /** The last day to act. */
  dueOn: string;
  overdue: boolean;
  message: string;
  citation: Citation;
  /** The first day it is shown, for a warning given ahead of its day (a term's end). */
  warnFrom?: string;
}

/**
 * Which community's rules apply: a deadline or warning whose citation's document does not govern the
 * community (`governs`, from its pack chain) is left out; 本系统规则 always applies.
 */
export type { GoverningOptions };

const governed = <T extends { citation: Citation }>(items: T[], options: GoverningOptions): T[] =>
  items.filter((item) => applies(item.citation, options.governs));

export const RESIDENTS_MEETING_NOTICE_DAYS = 10;
export const CHARTER_FILING_DAYS = 10;

/**
 * Jiangsu 11（1） "一般应提前十日发布公告" applies to the residents' meeting. Whether a representatives'
 * meeting counts as one is read as in the Jiangsu pack (`jiangsu.residents-meeting-kinds`): by default
 * not; `representativesCount: true` selects the alternative.
 */
export interface NoticeOptions extends GoverningOptions {
  representativesCount?: boolean;
}

const noticedKinds = (options: NoticeOptions): ReadonlySet<string> =>
  !applies(citations.jiangsuMeetingNotice, options.governs)
    ? new Set()
    : new Set(
        options.representativesCount
          ? ['residents-meeting', 'representatives-meeting']
          : ['residents-meeting'],
      );

/**
 * The warning for a meeting being scheduled or recorded whose notice is shorter than ten days, or not
 * given yet. "一般" hedges the rule, so this warns and never refuses.
 */
export function noticeWarning(
  m: Pick<Meeting, 'kind' | 'noticeOn' | 'heldOn'>,
  options: NoticeOptions = {},
): string | undefined {
  if (!noticedKinds(options).has(m.kind)) return undefined;
  const label = meetingKindLabels[m.kind];
  const latest = addDays(m.heldOn, -RESIDENTS_MEETING_NOTICE_DAYS);
  if (m.noticeOn === undefined)
    return `${label}一般应提前${RESIDENTS_MEETING_NOTICE_DAYS}日公告，最迟${latest}发布公告`;
  const days = daysAfter(m.noticeOn, m.heldOn);
  if (days < RESIDENTS_MEETING_NOTICE_DAYS)
    return `${label}仅提前${days}日公告，一般应提前${RESIDENTS_MEETING_NOTICE_DAYS}日（最迟${latest}）`;
  return undefined;
}

/** Residents' meetings ahead whose notice is still to go out, by the day it must go out. */
export function noticeDeadlines(
  meetings: readonly Meeting[],
  asOf: string,
  options: NoticeOptions = {},
): Deadline[] {
  return meetings
    .filter((m) => m.heldOn >= asOf && m.noticeOn === undefined && noticedKinds(options).has(m.kind))
    .map((m) => {
      const dueOn = addDays(m.heldOn, -RESIDENTS_MEETING_NOTICE_DAYS);
      return {
        kind: 'meeting-notice' as const,
        recordId: m.id,
        dueOn,
        overdue: dueOn < asOf,
        message: `${m.title}（${m.heldOn}召开）：最迟${dueOn}发布公告`,
        citation: citations.jiangsuMeetingNotice,
      };
    });
}

export interface QuorumResult {
  /** Undefined when attendance was not recorded. */
  quorate: boolean | undefined;
  /** Per decision: passed by more than half of those present; undefined without votes or attendance. */
  passed: (boolean | undefined)[];
}

/**
 * A residents' meeting may be held only with more than half of its members present, and decides by
 * more than half of those present (组织法第九条). "过半数" is more than half: exactly half fails.
 */
export function residentsMeetingQuorum(m: Pick<Meeting, 'attendance' | 'decisions'>): QuorumResult {
  const a = m.attendance;
  return {
    quorate: a === undefined ? undefined : a.present * 2 > a.eligible,
    passed: m.decisions.map((d) =>
      d.votes === undefined || a === undefined ? undefined : d.votes.for * 2 > a.present,
    ),
  };
}

/**
 * How often each category must be disclosed (Jiangsu 16（3））: routine matters quarterly, important
 * matters monthly, accounts (Jinshan 第九条（三） "定期公开收支账目", no period named) quarterly like
 * routine matters.
 */
export const disclosureCadenceMonths: Record<DisclosureCategory, 1 | 3> = {
  routine: 3,
  important: 1,
  finance: 3,
};

export interface DisclosureStanding {
  category: DisclosureCategory;
  lastOn?: string;
  /** The period being judged now: the current one when it already has a disclosure, else the one due. */
  dueOn: string;
  /** The last complete period had none: "一般" hedges the cadence, so this is a warning. */
  overdue: boolean;
  message: string;
  citation: Citation;
}

/**
 * The rule a category's cadence comes from. Accounts: Jinshan 第九条（三） where it governs; elsewhere
 * Jiangsu 16（3）, whose 16（1） lists the use of funds among the matters disclosed, on the routine cadence.
 */
const disclosureCitation = (category: DisclosureCategory, governs: Governs | undefined): Citation =>
  category === 'finance' && applies(citations.jinshanAccounts, governs)
    ? citations.jinshanAccounts
    : citations.jiangsuDisclosureCadence;

/**
 * Per category whose cadence's document governs the community: the last disclosure, the date the next
 * is due by, and whether the previous period was missed.
 */
export function disclosureStandings(
  disclosures: readonly Disclosure[],
  asOf: string,
  options: GoverningOptions = {},
): DisclosureStanding[] {
  const { governs } = options;
  const categories = disclosureCategories.filter((c) => applies(disclosureCitation(c, governs), governs));
  return categories.map((category) => {
    const months = disclosureCadenceMonths[category];
    const posted = disclosures.filter((d) => d.category === category && d.on <= asOf).map((d) => d.on);
    const lastOn = posted.sort().at(-1);
    const current = periodHolding(asOf, months);
    const previous = periodBefore(current, months);
    const cadence = months === 1 ? '每月' : '每季度';
    const label = disclosureCategoryLabels[category];
    const doneNow = posted.some((on) => within(on, current));
    const missed = !posted.some((on) => within(on, previous));
    const dueOn = doneNow ? periodHolding(addDays(current.to, 1), months).to : current.to;
    return {
      category,
      ...(lastOn ? { lastOn } : {}),
      dueOn,
      overdue: missed,
      message: missed
        ? `${label}${previous.from}至${previous.to}未公开（一般${cadence}公开一次）`
        : `${label}下次应于${dueOn}前公开`,
      citation: disclosureCitation(category, governs),
    };
  });
}

export function disclosureDeadlines(
  disclosures: readonly Disclosure[],
  asOf: string,
  options: GoverningOptions = {},
): Deadline[] {
  return disclosureStandings(disclosures, asOf, options).map((s) => ({
    kind: 'disclosure',
    recordId: s.category,
    dueOn: s.dueOn,
    overdue: s.overdue,
    message: s.message,
    citation: s.citation,
  }));
}

/** Outcome tasks not yet done, and done tasks whose implementation is not yet disclosed (Jiangsu 12（5））. */
export function outcomeDeadlines(
  consultations: readonly Consultation[],
  asOf: string,
  options: GoverningOptions = {},
): Deadline[] {
  const out: Deadline[] = [];
  for (const c of consultations) {
    c.outcomes.forEach((t, i) => {
      const recordId = `${c.id}#${i + 1}`;
      if (t.doneOn === undefined) {
        out.push({
          kind: 'outcome-task',
          recordId,
          dueOn: t.dueOn,
          overdue: t.dueOn < asOf,
          message: `${c.topic}：${t.text}（${t.owner}，${t.dueOn}前落实）`,
          citation: citations.jiangsuConsultationOutcomes,
        });
      } else if (t.disclosedOn === undefined) {
        out.push({
          kind: 'outcome-disclosure',
          recordId,
          dueOn: t.doneOn,
          overdue: t.doneOn < asOf,
          message: `${c.topic}：${t.text}已于${t.doneOn}落实，落实情况尚未公开`,
          citation: citations.jiangsuConsultationOutcomes,
        });
      }
    });
  }
  return governed(out, options);
}

/** Adopted versions not yet filed: due ten days after adoption (Jiangsu 15（5））. */
export function charterFilingDeadlines(
  charters: readonly Charter[],
  asOf: string,
  options: GoverningOptions = {},
): Deadline[] {
  const out: Deadline[] = [];
  for (const c of charters) {
    for (const v of c.versions) {
      if (v.adoptedOn === undefined || v.filedOn !== undefined || v.adoptedOn > asOf) continue;
      const dueOn = addDays(v.adoptedOn, CHARTER_FILING_DAYS);
      out.push({
        kind: 'charter-filing',
        recordId: `${c.id}@${v.version}`,
        dueOn,
        overdue: dueOn < asOf,
        message: `${charterKindLabels[c.kind]}（第${v.version}版）${v.adoptedOn}通过，应于${dueOn}前报街道备案`,
        citation: citations.jiangsuCharterFiling,
      });
    }
  }
  return governed(out, options);
}

/**
 * The warning for a consultation being saved on a contested topic not submitted to a residents' meeting
 * (Jiangsu 12（4））, where that guideline governs the community.
 */
export function consultationWarning(
  c: Pick<Consultation, 'contested' | 'submittedToMeetingId'>,
  options: GoverningOptions = {},
): string | undefined {
  if (!c.contested || c.submittedToMeetingId !== undefined) return undefined;
  if (!applies(citations.jiangsuConsultation, options.governs)) return undefined;
  return '存在较大争议的事项应提交居民会议决定';
}

/**
 * Contested topics consulted on by `asOf` and not submitted to a residents' meeting (Jiangsu 12（4））.
 * Where that guideline does not govern the community (`governs`) nothing is reported: no other document
 * and no 本系统规则 requires a contested topic to go to a residents' meeting.
 */
export function contestedUnsubmitted(
  consultations: readonly Consultation[],
  asOf: string,
  options: GoverningOptions = {},
): Consultation[] {
  if (!applies(citations.jiangsuConsultation, options.governs)) return [];
  return consultations.filter((c) => c.heldOn <= asOf && c.contested && c.submittedToMeetingId === undefined);
}

export interface MeetingBurden {
  /** The calendar year of `asOf`, up to `asOf`. */
  period: Period;
  /** Weihai 二（八）, whose limits the counts are read against. */
  citation: Citation;
  districtMeetingsPerYear: number;
  streetWorkMeetingsMaxPerWeek: number;
  streetOtherMeetingsMaxPerMonth: number;
}

function busiest(dates: readonly string[], bucket: (date: string) => string): number {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(bucket(d), (counts.get(bucket(d)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

/**
 * The meetings higher levels imposed in the calendar year of `asOf`, counted the way Weihai 二（八）
 * limits them: district meetings in the year, the street's work meetings in the busiest week, the
 * street's other meetings in the busiest month. A week that straddles New Year counts only its days in
 * the year.
 */
export function meetingBurden(imposed: readonly ImposedMeeting[], asOf: string): MeetingBurden;
/**
 * With `governs`: the count where Weihai 二（八） governs the community, else `undefined` — the limits are
 * Weihai's alone (no other document and no 本系统规则 limits imposed meetings), so elsewhere no count is
 * shown against them.
 */
export function meetingBurden(
  imposed: readonly ImposedMeeting[],
  asOf: string,
  options: GoverningOptions,
): MeetingBurden | undefined;
export function meetingBurden(
  imposed: readonly ImposedMeeting[],
  asOf: string,
  options: GoverningOptions = {},
): MeetingBurden | undefined {
  if (!applies(citations.weihaiMeetingBurden, options.governs)) return undefined;
  const period = { from: `${asOf.slice(0, 4)}-01-01`, to: asOf };
  const inYear = imposed.filter((m) => within(m.heldOn, period));
  const on = (level: ImposedMeeting['level']) => inYear.filter((m) => m.level === level).map((m) => m.heldOn);
  return {
    period,
    citation: citations.weihaiMeetingBurden,
    districtMeetingsPerYear: on('district').length,
    streetWorkMeetingsMaxPerWeek: busiest(on('street-work'), weekStart),
    streetOtherMeetingsMaxPerMonth: busiest(on('street-other'), (d) => d.slice(0, 7)),
  };
}

/**
 * 本系统规则 R-DEM-1: a disclosure without a take-down date stays on the public board for one year after
 * posting (Jiangsu 16 names cadences but no term on the board); one with `until` stays to that day.
 */
export const PUBLIC_BOARD_DAYS = 365;

/** The first posting day a disclosure without `until` can have and still be on the board on `today`. */
export function publicBoardSince(today: string): string {
  return addDays(today, -PUBLIC_BOARD_DAYS);
}

export function onPublicBoard(d: Pick<Disclosure, 'on' | 'until'>, today: string): boolean {
  if (d.on > today) return false;
  return d.until === undefined ? d.on >= publicBoardSince(today) : d.until >= today;
}

/**
 * Text for the public page with anything that looks like an identity number or a mobile number masked,
 * in case one was typed into a disclosure: the page must never show one (docs/interfaces.md §5).
 */
export function redactPersonal(text: string): string {
  return text
    .replace(/(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?!\d)/g, '$1**********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}

/** How far ahead the workbench looks for democracy deadlines. */
export const DEADLINE_HORIZON_DAYS = 30;

// ---------------------------------------------------------------------------------------------
// Terms and their end (本系统规则 R-DEM-2)
// ---------------------------------------------------------------------------------------------

/** 本系统规则 R-DEM-2: how many days before a term ends the workbench starts warning, unless set otherwise. */
export const TERM_END_WARNING_DAYS = 90;

export interface TermEndOptions {
  /** Days ahead of the end to start warning; `TERM_END_WARNING_DAYS` when absent. */
  leadDays?: number;
}

/** The election whose term is running on `asOf`: the latest held by then whose term has not ended. */
export function electionInForce(
  elections: readonly Election[],
  kind: Election['kind'],
  asOf: string,
  residentGroupName?: string,
): Election | undefined {
  return elections
    .filter(
      (e) =>
        e.kind === kind &&
        e.heldOn <= asOf &&
        asOf <= e.termEndsOn &&
        (residentGroupName === undefined || e.residentGroupName === residentGroupName),
    )
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    .at(-1);
}

/**
 * The committee's and supervision committee's terms in force whose end is within the lead time and not
 * followed by a newer election (R-DEM-2). A term that has ended without one is overdue.
 */
export function termEndDeadlines(
  elections: readonly Election[],
  asOf: string,
  options: TermEndOptions = {},
): Deadline[] {
  const leadDays = options.leadDays ?? TERM_END_WARNING_DAYS;
  const out: Deadline[] = [];
  for (const kind of ['committee', 'supervision'] as const) {
    const latest = elections
      .filter((e) => e.kind === kind && e.heldOn <= asOf)
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
      .at(-1);
    if (!latest) continue;
    const warnFrom = addDays(latest.termEndsOn, -leadDays);
    if (asOf < warnFrom) continue;
    const what = kind === 'committee' ? '居民委员会' : '居务监督委员会';
    const overdue = latest.termEndsOn < asOf;
    out.push({
      kind: 'term-end',
      recordId: latest.id,
      dueOn: latest.termEndsOn,
      overdue,
      warnFrom,
      message: overdue
        ? `${what}任期已于${latest.termEndsOn}届满，尚未登记换届选举`
        : `${what}任期将于${latest.termEndsOn}届满（还有${daysAfter(asOf, latest.termEndsOn)}日），请准备换届选举`,
      citation: citations.termEndWarning,
    });
  }
  return out;
}

/** The documents saying a resident group leader serves the committee's term that govern the community. */
export const groupLeaderTermCitations = (governs: Governs | undefined): Citation[] =>
  [citations.ezhouResidentGroupLeader, citations.jiangsuResidentGroupLeader].filter((c) =>
    applies(c, governs),
  );

/**
 * A resident group leader serves the committee's term (Ezhou 第七条（二）, Jiangsu 8（1））: the term of
 * a resident-group election must end on the day the committee's term in force on its day ends. Without
 * a committee election on record nothing can be compared, and nothing is refused.
 */
export function residentGroupTermProblem(
  e: Pick<Election, 'kind' | 'heldOn' | 'termEndsOn'>,
  elections: readonly Election[],
  options: GoverningOptions = {},
): { path: string; message: string } | undefined {
  if (e.kind !== 'resident-group') return undefined;
  // Ezhou and Jiangsu both say it; where neither governs, nothing is refused (no 本系统规则 does).
  if (!groupLeaderTermCitations(options.governs).length) return undefined;
  const committee = electionInForce(elections, 'committee', e.heldOn);
  if (!committee || committee.termEndsOn === e.termEndsOn) return undefined;
  return {
    path: 'termEndsOn',
    message: `居民小组长任期与居民委员会相同，应于${committee.termEndsOn}届满`,
  };
}

/** The people register's roles for the posts an election fills. */
const roleOfPost: Record<Exclude<ElectedPost, 'group-leader'>, 'chair' | 'vice-chair' | 'member'> = {
  chair: 'chair',
  'vice-chair': 'vice-chair',
  member: 'member',
};

/** A committee of the people register as an election result makes it (without the id the store gives). */
export interface CommitteeFromElection {
  communityCode: string;
  kind: 'residents' | 'supervision';
  termFrom: string;
  termTo: string;
  members: { name: string; role: 'chair' | 'vice-chair' | 'member'; from: string }[];
}

/**
 * The committee an election's result seats (Jiangsu 7, 17): the elected candidates serve from the
 * election day to the term's end. A resident-group election seats no committee.
 */
export function committeeFromElection(e: Election): CommitteeFromElection | undefined {
  if (e.kind === 'resident-group') return undefined;
  return {
    communityCode: e.communityCode,
    kind: e.kind === 'committee' ? 'residents' : 'supervision',
    termFrom: e.heldOn,
    termTo: e.termEndsOn,
    members: e.candidates
      .filter((c) => c.elected && c.post !== 'group-leader')
      .map((c) => ({
        name: c.name,
        role: roleOfPost[c.post as Exclude<ElectedPost, 'group-leader'>],
        from: e.heldOn,
      })),
  };
}

interface TermedCommittee {
  kind: string;
  termFrom: string;
  termTo: string;
  members: { from: string; to?: string | undefined }[];
}

/**
 * The committees of the register an election's result changes: the new one to seat, and the previous
 * ones of the same kind whose term runs into the election day, ended the day before it (with their
 * members still serving), so the register has one committee of a kind at a time. `already` when the
 * register has a committee of that kind starting on the election day: the result was entered before.
 */
export function committeeChangesFromElection<C extends TermedCommittee>(
  e: Election,
  stored: readonly C[],
): { seat: CommitteeFromElection; close: C[] } | { refused: 'resident-group' | 'already'; message: string } {
  const seat = committeeFromElection(e);
  if (!seat) return { refused: 'resident-group', message: '居民小组长推选不登记为委员会' };
  const same = stored.filter((c) => c.kind === seat.kind);
  if (same.some((c) => c.termFrom === seat.termFrom))
    return { refused: 'already', message: '本次选举结果已登记到委员会名册' };
  const end = addDays(e.heldOn, -1);
  const close = same
    .filter((c) => c.termFrom <= end && c.termTo >= e.heldOn)
    .map((c) => ({
      ...c,
      termTo: end,
      members: c.members.map((m) =>
        m.from <= end && (m.to === undefined || m.to > end) ? { ...m, to: end } : m,
      ),
    }));
  return { seat, close };
}

/** A resident group of the people register, as far as a group-leader election changes it. */
interface LedGroup {
  name: string;
  leaderName?: string | undefined;
  leaderTermFrom?: string | undefined;
  leaderTermTo?: string | undefined;
}

/** Why a resident-group election's result is not entered: a field of the election, or the register's state. */
export type GroupLeaderRefusal =
  | { refused: 'invalid'; path: 'kind' | 'residentGroupName' | 'candidates'; message: string }
  | { refused: 'already' | 'superseded'; message: string };

/**
 * The resident group a group-leader election's result changes (Ezhou 第七条（二）: 居民小组长由居民小组
 * 推选产生，任期与社区居民委员会相同): the group named in the election, matched by its name among the
 * community's groups, gets the elected candidate as its leader, serving from the election day to the
 * term's end. Refused on the field when no group or more than one has that name, or when the result
 * has no single elected leader; `already` when the group has that leader from this election (entered
 * before), `superseded` when the group's leader came from a later election.
 */
export function groupLeaderChangeFromElection<G extends LedGroup>(
  e: Election,
  groups: readonly G[],
): { group: G; citation: Citation } | GroupLeaderRefusal {
  if (e.kind !== 'resident-group' || e.residentGroupName === undefined)
    return { refused: 'invalid', path: 'kind', message: '只有居民小组长推选的结果登记为居民小组长' };
  const name = e.residentGroupName.trim();
  const named = groups.filter((g) => g.name.trim() === name);
  if (named.length !== 1)
    return {
      refused: 'invalid',
      path: 'residentGroupName',
      message:
        named.length === 0
          ? `本社区的居民小组中没有「${name}」，请先登记该居民小组或更正选举记录的居民小组名称`
          : `本社区有${named.length}个名为「${name}」的居民小组，无法确定登记到哪一个`,
    };
  const elected = e.candidates.filter((c) => c.elected && c.post === 'group-leader');
  const [leader] = elected;
  if (elected.length !== 1 || !leader)
    return {
      refused: 'invalid',
      path: 'candidates',
      message: elected.length === 0 ? '本次推选没有当选的居民小组长' : '居民小组长只能有一名当选人',
    };
  const [group] = named as [G];
  if (group.leaderTermFrom !== undefined && group.leaderTermFrom > e.heldOn)
    return {
      refused: 'superseded',
      message: `${name}已登记${group.leaderTermFrom}推选产生的组长，本次推选在其之前，不再登记（本系统规则 R-DEM-3）`,
    };
  if (group.leaderName === leader.name && group.leaderTermFrom === e.heldOn)
    return { refused: 'already', message: `本次推选结果已登记：${name}组长为${leader.name}` };
  return {
    group: { ...group, leaderName: leader.name, leaderTermFrom: e.heldOn, leaderTermTo: e.termEndsOn },
    citation: citations.ezhouResidentGroupLeader,
  };
}

// ---------------------------------------------------------------------------------------------
// The deliberation body (2013 city regulation 第十七、十八条)
// ---------------------------------------------------------------------------------------------

/** The body working on `asOf`: set up by then and not dissolved before it. */
export function deliberationBodyOn(
  bodies: readonly DeliberationBody[],
  asOf: string,
): DeliberationBody | undefined {
  return bodies
    .filter((b) => b.establishedOn <= asOf && (b.dissolvedOn === undefined || b.dissolvedOn >= asOf))
    .sort((a, b) => a.establishedOn.localeCompare(b.establishedOn))
    .at(-1);
}

/** How `democracyDeadlines` reads the rules: which documents govern, the notice reading, the term-end lead. */
export interface DeadlineOptions extends TermEndOptions, NoticeOptions {}

/**
 * Every deadline of a community's registers, earliest first: meeting notices, disclosures by cadence,
 * consultation outcomes and their disclosure, charter filings, and terms ending (R-DEM-2) — of those
 * the documents governing the community give (`governs`; 本系统规则 always). `horizonDays` keeps the
 * overdue ones, those due within that many days and those whose warning has begun.
 */
export function democracyDeadlines(
  registers: Pick<DemocracyRegisters, 'meetings' | 'consultations' | 'charters' | 'disclosures'> &
    Partial<Pick<DemocracyRegisters, 'elections'>>,
  asOf: string,
  horizonDays?: number,
  options: DeadlineOptions = {},
): Deadline[] {
  const all = governed(
    [
      ...noticeDeadlines(registers.meetings, asOf, options),
      ...disclosureDeadlines(registers.disclosures, asOf, options),
      ...outcomeDeadlines(registers.consultations, asOf, options),
      ...charterFilingDeadlines(registers.charters, asOf, options),
      ...termEndDeadlines(registers.elections ?? [], asOf, options),
    ],
    options,
  ).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
  if (horizonDays === undefined) return all;
  const until = addDays(asOf, horizonDays);
  return all.filter((d) => d.overdue || d.dueOn <= until || (d.warnFrom !== undefined && d.warnFrom <= asOf));
}
