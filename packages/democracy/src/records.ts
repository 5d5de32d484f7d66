/**
 * The registers of how one community decides: meetings (with notice, attendance and decisions),
 * meetings that higher levels impose on the community, consultations with their outcome tasks,
 * charters and covenants with every version kept, and public disclosure items. Each record is
 * validated here with zh-CN messages naming the field; a record that contradicts itself (a notice
 * dated after the meeting, a filing before the adoption, votes that do not add up) is refused, so the
 * caller writes nothing.
 */
import { communityCode, isoDate, safeMultilineText, safeText } from '@shequ/domain';
import { z } from 'zod';
import { applies, citations, type Governs } from './citations.js';
import {
  attendanceBases,
  attendanceBasisLabels,
  charterKindLabels,
  charterKinds,
  deliberationSectorLabels,
  deliberationSectors,
  deliberationSelectionLabels,
  deliberationSelections,
  disclosureCategories,
  disclosureCategoryLabels,
  electedPostLabels,
  electedPosts,
  electionKindLabels,
  electionKinds,
  imposedMeetingLevelLabels,
  imposedMeetingLevels,
  meetingKindLabels,
  meetingKinds,
} from './labels.js';

const oneOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
) => z.enum(values, { error: `应为以下之一：${values.map((v) => labels[v as T[number]]).join('、')}` });

const headcount = (what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? '必填' : `${what}应为非负整数`) })
    .int({ error: `${what}应为非负整数` })
    .nonnegative({ error: `${what}应为非负整数` })
    .max(10_000_000, { error: `${what}过大` });

export const recordId = safeText('编号', 64);

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

export const votes = z
  .strictObject({
    cast: headcount('投票人数'),
    for: headcount('赞成票'),
    against: headcount('反对票'),
    abstain: headcount('弃权票'),
  })
  .refine((v) => v.for + v.against + v.abstain === v.cast, {
    path: ['cast'],
    error: '赞成、反对、弃权票数之和应等于投票人数',
  });
export type Votes = z.infer<typeof votes>;

export const decision = z.strictObject({
  text: safeText('决定事项', 500),
  votes: votes.optional(),
});
export type Decision = z.infer<typeof decision>;

const meetingFields = z.strictObject({
  id: recordId,
  communityCode,
  kind: oneOf(meetingKinds, meetingKindLabels),
  title: safeText('会议名称', 100),
  /** The day notice went out (公告/通知); the ten-day check of Jiangsu 11（1） counts from it. */
  noticeOn: isoDate.optional(),
  heldOn: isoDate,
  agenda: z.array(safeText('议题', 200)).max(50, { error: '议题最多 50 项' }),
  attendance: z
    .strictObject({
      basis: oneOf(attendanceBases, attendanceBasisLabels),
      eligible: headcount('应到人数'),
      present: headcount('实到人数'),
    })
    .refine((a) => a.present <= a.eligible, { path: ['present'], error: '实到人数不能多于应到人数' })
    .optional(),
  decisions: z.array(decision).max(50, { error: '决定事项最多 50 项' }),
  /** At this residents' meeting the committee members reported (述职述廉述法) and were appraised (Jiangsu 19（7））. */
  annualReport: z.boolean({ error: '应为是或否' }).optional(),
  minutes: safeMultilineText('会议记录', 20_000).optional(),
  attachments: z.array(safeText('附件名称', 200)).max(20, { error: '附件最多 20 个' }).optional(),
});

export const meeting = meetingFields.superRefine((m, ctx) => {
  if (m.noticeOn !== undefined && m.noticeOn > m.heldOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['noticeOn'],
      message: '公告日期不能晚于会议日期',
      input: m.noticeOn,
    });
  }
  const present = m.attendance?.present;
  m.decisions.forEach((d, i) => {
    if (d.votes && present !== undefined && d.votes.cast > present) {
      ctx.addIssue({
        code: 'custom',
        path: ['decisions', i, 'votes', 'cast'],
        message: '投票人数不能多于实到人数',
        input: d.votes.cast,
      });
    }
  });
});
export type Meeting = z.infer<typeof meeting>;
export type MeetingInput = z.input<typeof meeting>;

export const imposedMeeting = z.strictObject({
  id: recordId,
  communityCode,
  level: oneOf(imposedMeetingLevels, imposedMeetingLevelLabels),
  organiser: safeText('组织单位', 100),
  title: safeText('会议名称', 100),
  heldOn: isoDate,
});
export type ImposedMeeting = z.infer<typeof imposedMeeting>;

// ---------------------------------------------------------------------------------------------
// Consultation (协商)
// ---------------------------------------------------------------------------------------------

/** An outcome to be carried out (Jiangsu 12（5）): who, by when, and when done and disclosed. */
export const outcomeTask = z
  .strictObject({
    text: safeText('协商成果', 500),
    owner: safeText('落实责任人', 50),
    dueOn: isoDate,
    doneOn: isoDate.optional(),
    /** The day its implementation went up on the disclosure board. */
    disclosedOn: isoDate.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.disclosedOn !== undefined && t.doneOn === undefined)
      ctx.addIssue({ code: 'custom', path: ['disclosedOn'], message: '尚未落实的成果不能填写公开日期' });
    if (t.disclosedOn !== undefined && t.doneOn !== undefined && t.disclosedOn < t.doneOn)
      ctx.addIssue({ code: 'custom', path: ['disclosedOn'], message: '公开日期不能早于落实日期' });
  });
export type OutcomeTask = z.infer<typeof outcomeTask>;

export const consultation = z
  .strictObject({
    id: recordId,
    communityCode,
    topic: safeText('协商议题', 200),
    parties: z.array(safeText('协商主体', 100)).min(1, { error: '至少填写一个参与协商的主体' }).max(50),
    /** The day the parties were told the content (Jiangsu 12（4） 提前通报). */
    noticeOn: isoDate.optional(),
    heldOn: isoDate,
    outcomes: z.array(outcomeTask).max(50, { error: '协商成果最多 50 项' }),
    /** 协商无法解决或存在较大争议 (Jiangsu 12（4）): then it must go to a residents' meeting. */
    contested: z.boolean(),
    /** The residents' meeting it was submitted to, if any. */
    submittedToMeetingId: recordId.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.noticeOn !== undefined && c.noticeOn > c.heldOn)
      ctx.addIssue({
        code: 'custom',
        path: ['noticeOn'],
        message: '通报日期不能晚于协商日期',
        input: c.noticeOn,
      });
    if (!c.contested && c.submittedToMeetingId !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['submittedToMeetingId'],
        message: '只有存在较大争议的事项才提交居民会议决定',
      });
    c.outcomes.forEach((o, i) => {
      if (o.dueOn < c.heldOn)
        ctx.addIssue({ code: 'custom', path: ['outcomes', i, 'dueOn'], message: '落实期限不能早于协商日期' });
    });
  });
export type Consultation = z.infer<typeof consultation>;
export type ConsultationInput = z.input<typeof consultation>;

// ---------------------------------------------------------------------------------------------
// Charters and covenants (Jiangsu 13–15)
// ---------------------------------------------------------------------------------------------

/**
 * One version of a charter, through the steps of Jiangsu 15: drafted, consulted on, reviewed by the
 * street, adopted by the residents' meeting, filed with the street, published. Every version is kept.
 */
export const charterVersion = z
  .strictObject({
    version: z.int({ error: '版本号应为正整数' }).min(1, { error: '版本号应为正整数' }).max(1000),
    text: safeMultilineText('正文', 50_000),
    draftedOn: isoDate,
    consultedOn: isoDate.optional(),
    reviewedOn: isoDate.optional(),
    adoptedOn: isoDate.optional(),
    filedOn: isoDate.optional(),
    publishedOn: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    const steps = [
      ['draftedOn', '起草'],
      ['consultedOn', '征求意见'],
      ['reviewedOn', '街道审核'],
      ['adoptedOn', '居民会议表决通过'],
    ] as const;
    let previous: { date: string; label: string } | undefined;
    for (const [field, label] of steps) {
      const date = v[field];
      if (date === undefined) continue;
      if (previous && date < previous.date)
        ctx.addIssue({ code: 'custom', path: [field], message: `${label}日期不能早于${previous.label}日期` });
      previous = { date, label };
    }
    for (const [field, label] of [
      ['filedOn', '备案'],
      ['publishedOn', '公布'],
    ] as const) {
      const date = v[field];
      if (date === undefined) continue;
      if (v.adoptedOn === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `尚未表决通过，不能填写${label}日期` });
      else if (date < v.adoptedOn)
        ctx.addIssue({ code: 'custom', path: [field], message: `${label}日期不能早于表决通过日期` });
    }
  });
export type CharterVersion = z.infer<typeof charterVersion>;

export const charter = z
  .strictObject({
    id: recordId,
    communityCode,
    kind: oneOf(charterKinds, charterKindLabels),
    title: safeText('名称', 100),
    versions: z.array(charterVersion).min(1, { error: '至少需要一个版本' }).max(100),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<number>();
    c.versions.forEach((v, i) => {
      if (seen.has(v.version))
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'version'],
          message: `版本号 ${v.version} 重复`,
        });
      seen.add(v.version);
    });
  });
export type Charter = z.infer<typeof charter>;
export type CharterInput = z.input<typeof charter>;

// ---------------------------------------------------------------------------------------------
// Public disclosure (居务公开)
// ---------------------------------------------------------------------------------------------

export const disclosure = z
  .strictObject({
    id: recordId,
    communityCode,
    category: oneOf(disclosureCategories, disclosureCategoryLabels),
    title: safeText('公开事项', 200),
    body: safeMultilineText('公开内容', 20_000),
    /** The day it was posted. */
    on: isoDate,
    /** The last day it stays on the board; open-ended when absent. */
    until: isoDate.optional(),
  })
  .refine((d) => d.until === undefined || d.until >= d.on, {
    path: ['until'],
    error: '撤下日期不能早于公开日期',
  });
export type Disclosure = z.infer<typeof disclosure>;
export type DisclosureInput = z.input<typeof disclosure>;

/** A disclosure cannot be dated after the day it is entered: it would claim something not yet posted. */
export function futureDisclosureProblem(d: Pick<Disclosure, 'on'>, today: string) {
  return d.on > today ? { path: 'on', message: `公开日期不能晚于今天（${today}）` } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Elections (Jiangsu 7（2）, 8, 17（4）; Ezhou 第七条)
// ---------------------------------------------------------------------------------------------

export const candidate = z.strictObject({
  name: safeText('候选人姓名', 50),
  post: oneOf(electedPosts, electedPostLabels),
  votes: headcount('得票数'),
  elected: z.boolean({ error: '应为是或否' }),
});
export type Candidate = z.infer<typeof candidate>;

/**
 * One election and its result, as any community records it: a resident-group election (Ezhou 第七条（二）,
 * Jiangsu 8) names the group and elects its leader only; votes fit the votes cast. Jiangsu 17（4） on a
 * supervision committee vote is `supervisionVoteProblems`, checked where that guideline governs.
 */
export const electionRecord = z
  .strictObject({
    id: recordId,
    communityCode,
    kind: oneOf(electionKinds, electionKindLabels),
    /** For a resident-group election: the group, as named in the people register. */
    residentGroupName: safeText('居民小组名称', 50).optional(),
    heldOn: isoDate,
    termEndsOn: isoDate,
    seats: z.int({ error: '应选人数应为正整数' }).min(1, { error: '应选人数应为正整数' }).max(100),
    votesCast: headcount('参加投票人数'),
    secretBallot: z.boolean({ error: '应为是或否' }),
    candidates: z.array(candidate).min(1, { error: '至少需要一名候选人' }).max(100),
  })
  .superRefine((e, ctx) => {
    if (e.termEndsOn <= e.heldOn)
      ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: '任期届满日期应晚于选举日期' });
    if (e.kind === 'resident-group' && e.residentGroupName === undefined)
      ctx.addIssue({ code: 'custom', path: ['residentGroupName'], message: '居民小组长推选须填写居民小组' });
    if (e.kind !== 'resident-group' && e.residentGroupName !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['residentGroupName'],
        message: '只有居民小组长推选才填写居民小组',
      });
    if (e.candidates.filter((c) => c.elected).length > e.seats)
      ctx.addIssue({ code: 'custom', path: ['candidates'], message: '当选人数不能多于应选人数' });
    const total = e.candidates.reduce((sum, c) => sum + c.votes, 0);
    // Each voter marks at most one candidate per seat, so the votes given cannot exceed cast × seats.
    if (total > e.votesCast * e.seats && e.candidates.every((c) => c.votes <= e.votesCast))
      ctx.addIssue({
        code: 'custom',
        path: ['votesCast'],
        message: `候选人得票合计${total}票，超过参加投票人数乘以应选人数（${e.votesCast * e.seats}票），票数不符`,
      });
    e.candidates.forEach((c, i) => {
      if ((c.post === 'group-leader') !== (e.kind === 'resident-group'))
        ctx.addIssue({
          code: 'custom',
          path: ['candidates', i, 'post'],
          message:
            e.kind === 'resident-group'
              ? '居民小组长推选的职务应为居民小组长'
              : '居民小组长只在居民小组长推选中产生',
        });
      if (c.votes > e.votesCast)
        ctx.addIssue({
          code: 'custom',
          path: ['candidates', i, 'votes'],
          message: '得票数不能多于参加投票人数',
        });
    });
  });

type ElectionResult = Pick<z.infer<typeof electionRecord>, 'kind' | 'votesCast' | 'candidates'>;

/**
 * Jiangsu 17（4）: in a supervision committee vote the chair is elected only with more than half of the
 * votes cast ("主任候选人获参加投票居民过半数的赞成票,始得当选"), and the other members by their order
 * of votes ("委员候选人按得票多少顺序产生"), so a result naming a chair with half or less, or a member
 * elected over one with more votes, is refused, on the candidate's `elected`. Where the guideline does
 * not govern the community (`governs`) nothing is refused: no other document and no 本系统规则 sets how
 * a supervision committee is elected. A candidate whose votes exceed the votes cast is left to the record.
 */
export function supervisionVoteProblems(
  e: ElectionResult,
  options: { governs?: Governs | undefined } = {},
): { path: (string | number)[]; message: string }[] {
  if (e.kind !== 'supervision' || !applies(citations.jiangsuSupervisionVote, options.governs)) return [];
  const losingMemberVotes = Math.max(
    -1,
    ...e.candidates.filter((c) => c.post !== 'chair' && !c.elected).map((c) => c.votes),
  );
  return e.candidates.flatMap((c, i) => {
    if (c.votes > e.votesCast || !c.elected) return [];
    const path = ['candidates', i, 'elected'];
    if (c.post === 'chair' && c.votes * 2 <= e.votesCast)
      return [{ path, message: '主任候选人得票未超过参加投票居民的半数，不能当选' }];
    if (c.post !== 'chair' && c.votes < losingMemberVotes)
      return [{ path, message: '委员候选人应按得票多少顺序当选，得票更多的候选人未当选' }];
    return [];
  });
}

/**
 * An election as Jiangsu 17（4） reads it everywhere (`electionRecord` and `supervisionVoteProblems`
 * without `governs`). The API checks `electionRecord` and then the vote where the guideline governs.
 */
export const election = electionRecord.superRefine((e, ctx) => {
  for (const problem of supervisionVoteProblems(e))
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});
export type Election = z.infer<typeof election>;
export type ElectionInput = z.input<typeof election>;

// ---------------------------------------------------------------------------------------------
// The deliberation body (2013 city regulation 第十七、十八条)
// ---------------------------------------------------------------------------------------------

/**
 * 社区议事协商组织: set up on a day, with its members, and its 议事规则 adopted on a day (第十八条).
 * The snapshot's `deliberation.body` and `deliberation.rules` come from it.
 */
export const deliberationBody = z
  .strictObject({
    id: recordId,
    communityCode,
    name: safeText('组织名称', 100),
    establishedOn: isoDate,
    members: z
      .array(
        z.strictObject({
          name: safeText('成员姓名', 50),
          sector: oneOf(deliberationSectors, deliberationSectorLabels),
          selection: oneOf(deliberationSelections, deliberationSelectionLabels),
        }),
      )
      .min(1, { error: '至少填写一名成员' })
      .max(100, { error: '成员最多 100 名' }),
    rulesAdoptedOn: isoDate.optional(),
    rules: safeMultilineText('议事规则', 20_000).optional(),
    /** The day the body stopped working; it counts up to and including that day. */
    dissolvedOn: isoDate.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.rulesAdoptedOn !== undefined && b.rulesAdoptedOn < b.establishedOn)
      ctx.addIssue({ code: 'custom', path: ['rulesAdoptedOn'], message: '议事规则制定日期不能早于成立日期' });
    if (b.rulesAdoptedOn !== undefined && b.rules === undefined)
      ctx.addIssue({ code: 'custom', path: ['rules'], message: '填写了制定日期，须同时填写议事规则' });
    if (b.dissolvedOn !== undefined && b.dissolvedOn < b.establishedOn)
      ctx.addIssue({ code: 'custom', path: ['dissolvedOn'], message: '撤销日期不能早于成立日期' });
  });
export type DeliberationBody = z.infer<typeof deliberationBody>;
export type DeliberationBodyInput = z.input<typeof deliberationBody>;

/** Everything one community keeps on how it decides, as loaded for the snapshot. */
export interface DemocracyRegisters {
  meetings: Meeting[];
  imposedMeetings: ImposedMeeting[];
  consultations: Consultation[];
  charters: Charter[];
  disclosures: Disclosure[];
  elections: Election[];
  deliberationBodies: DeliberationBody[];
}

export const emptyDemocracyRegisters = (): DemocracyRegisters => ({
  meetings: [],
  imposedMeetings: [],
  consultations: [],
  charters: [],
  disclosures: [],
  elections: [],
  deliberationBodies: [],
});

// ---------------------------------------------------------------------------------------------
// The public contact of a community (shown on its public page)
// ---------------------------------------------------------------------------------------------

/**
 * An office landline (`025-84123456`, `0533-7654321`) or a public service number of 3 to 5 digits
 * (`12345`). A mobile number is refused: on a public page it would be a person's.
 */
export const officePhone = z
  .string({ error: (iss) => (iss.input === undefined ? '必填' : '办公电话应为文本') })
  .trim()
  .regex(/^(0\d{2,3}-\d{7,8}|\d{3,5})$/, {
    error: '办公电话应为座机号码（如 025-84123456），不能填写个人手机号码',
  });

export const publicContact = z.strictObject({
  communityCode,
  address: safeText('办公地址', 200),
  officePhone,
  hours: safeText('办公时间', 100),
});
export type PublicContact = z.infer<typeof publicContact>;
