/**
 * Service cases (服务事项): what a resident asks for or complains of, from intake to closure.
 *
 * - Intake at a service window, on the 12345 hotline, or on a home visit; the worker who receives
 *   it is its first responder (首问责任人) and stays responsible until it is closed, even after a
 *   transfer to someone else (Ezhou 第二十五条（一）; 2013 regulation 第二十八条).
 * - Every step is kept on the case, in order: intake, transfer (with its reason), notes, the
 *   agency's submission and answer (全程代办), closure.
 * - Closure needs a result and the date and way the resident was told (2013 regulation 第四十四条
 *   for complaints; this system asks it of every case: 本系统规则 R-SVC-2). An agency case closes only
 *   after the agency's answer is recorded.
 * - The promised date comes from the service commitment (Ezhou 第二十五条（三）); an open case past
 *   it, or a case closed after it, is overdue. Elderly, sick and disabled residents are served first
 *   and may be served at home (Ezhou 第二十五条（四）).
 *
 * Every function is pure: the caller supplies the time, the acting worker and the id.
 */
import {
  chinaDate,
  communityCode,
  type FieldIssue,
  isoDate,
  mobileNumber,
  parseInput,
  residentIdNumber,
  safeText,
} from '@shequ/domain';
import { maskIdNumber, maskPhone } from '@shequ/people';
import { z } from 'zod';
import type { CaseStatus, ToldWay } from './labels.js';

import { intakeChannels, priorityConditions, toldWays } from './labels.js';
import {
  commitmentDays,
  type DayCount,
  promisedOn,
  type ServiceCategory,
  type ServiceWindow,
  serviceCategories,
  windowFor,
} from './windows.js';

export type { CaseStatus, IntakeChannel, PriorityCondition, ToldWay } from './labels.js';
export {
  caseStatusLabels,
  intakeChannelLabels,
  intakeChannels,
  priorityConditionLabels,
  priorityConditions,
  toldWayLabels,
  toldWays,
} from './labels.js';

export const caseResident = z.strictObject({
  name: safeText('居民姓名', 50),
  idNumber: residentIdNumber.optional(),
  phone: mobileNumber.optional(),
  address: safeText('住址', 200).optional(),
  conditions: z
    .array(z.enum(priorityConditions, { error: '应为老年人、患病或残疾人' }))
    .max(3)
    .default([]),
});
export type CaseResident = z.infer<typeof caseResident>;

/** What the intake form sends. */
export const caseDraft = z
  .strictObject({
    communityCode,
    channel: z.enum(intakeChannels, { error: '应为服务窗口、12345热线或入户走访' }),
    /** The hotline's work-order number, when the case came from 12345. */
    hotlineTicket: safeText('热线工单号', 40).optional(),
    category: z.enum(serviceCategories, { error: '请选择服务类别' }),
    subject: safeText('事项', 200),
    detail: safeText('情况说明', 2000).optional(),
    resident: caseResident,
    /** Served at home (上门服务) rather than at the window. */
    homeService: z.boolean().default(false),
    /** For an agency case (代办): the office the worker applies to on the resident's behalf. */
    agency: safeText('代办机构', 100).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.channel === 'hotline' && !c.hotlineTicket)
      ctx.addIssue({ code: 'custom', path: ['hotlineTicket'], message: '12345热线转来的事项请填写工单号' });
    if (c.category === 'agency' && !c.agency)
      ctx.addIssue({ code: 'custom', path: ['agency'], message: '代办事项请填写代办机构' });
  });
export type CaseDraft = z.infer<typeof caseDraft>;

export const caseActor = z.strictObject({
  userId: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
});
export type CaseActor = z.infer<typeof caseActor>;

export type CaseStep =
  | { kind: 'intake'; at: string; by: CaseActor; window: string; promisedOn: string }
  | { kind: 'transfer'; at: string; by: CaseActor; to: CaseActor; reason: string }
  | { kind: 'note'; at: string; by: CaseActor; text: string }
  | { kind: 'agency-submitted'; at: string; by: CaseActor; agency: string; on: string }
  | { kind: 'agency-answered'; at: string; by: CaseActor; answer: string; on: string }
  | { kind: 'close'; at: string; by: CaseActor; result: string; toldOn: string; toldHow: ToldWay };

export interface ServiceCase extends CaseDraft {
  id: string;
  /** ISO instant of intake. */
  receivedAt: string;
  /** The date in China time of intake. */
  receivedOn: string;
  firstResponder: CaseActor;
  /** The key of the window that received it (its category's window). */
  window: string;
  promisedOn: string;
  priority: boolean;
  steps: CaseStep[];
}

export type Outcome = { ok: true; case: ServiceCase } | { ok: false; issues: FieldIssue[] };

const refuse = (path: string, message: string): Outcome => ({ ok: false, issues: [{ path, message }] });

export interface IntakeContext {
  id: string;
  at: Date;
  by: CaseActor;
  windows: readonly ServiceWindow[];
  commitments?: readonly { category: ServiceCategory; days: number }[];
  dayCount?: DayCount;
}

/** Receives a case: the acting worker becomes its first responder; the category's window and commitment apply. */
export function openCase(input: unknown, context: IntakeContext): Outcome {
  const parsed = parseInput(caseDraft, input);
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  const draft = parsed.data;
  const receivedOn = chinaDate(context.at);
  const priority = draft.resident.conditions.length > 0;
  const promised = promisedOn(
    receivedOn,
    commitmentDays(draft.category, priority, context.commitments),
    context.dayCount,
  );
  const window = windowFor(context.windows, draft.category).key;
  const at = context.at.toISOString();
  return {
    ok: true,
    case: {
      ...draft,
      id: context.id,
      receivedAt: at,
      receivedOn,
      firstResponder: context.by,
      window,
      promisedOn: promised,
      priority,
      steps: [{ kind: 'intake', at, by: context.by, window, promisedOn: promised }],
    },
  };
}

export function closure(c: ServiceCase): Extract<CaseStep, { kind: 'close' }> | undefined {
  return c.steps.find((s): s is Extract<CaseStep, { kind: 'close' }> => s.kind === 'close');
}

export function caseStatus(c: ServiceCase): CaseStatus {
  if (closure(c)) return 'closed';
  const submitted = c.steps.some((s) => s.kind === 'agency-submitted');
  const answered = c.steps.some((s) => s.kind === 'agency-answered');
  return submitted && !answered ? 'awaiting-agency' : 'open';
}

/** Who works on the case now: the last one it was transferred to, else the first responder. */
export function currentHandler(c: ServiceCase): CaseActor {
  const transfers = c.steps.filter((s) => s.kind === 'transfer');
  return transfers.at(-1)?.to ?? c.firstResponder;
}

/** Open past its promised date, or closed after it (as of a date, China time). */
export function isOverdue(c: ServiceCase, asOf: string): boolean {
  const closed = closure(c);
  return isOverdueOn(c.promisedOn, closed ? chinaDate(new Date(closed.at)) : null, asOf);
}

/**
 * `isOverdue` from the dates alone (a list row carries no steps): the promised date and the China date
 * the case was closed on, `null` while it is open.
 */
export function isOverdueOn(promisedOn: string, closedOn: string | null, asOf: string): boolean {
  return closedOn !== null ? closedOn > promisedOn : asOf > promisedOn;
}

const stepText = (what: string, max: number) => safeText(what, max);

export const transferInput = z.strictObject({ to: caseActor, reason: stepText('转交原因', 500) });
export const noteInput = z.strictObject({ text: stepText('办理记录', 2000) });
export const agencySubmittedInput = z.strictObject({ agency: stepText('代办机构', 100), on: isoDate });
export const agencyAnsweredInput = z.strictObject({ answer: stepText('代办机构答复', 1000), on: isoDate });
export const closeInput = z.strictObject({
  result: stepText('办理结果', 2000),
  toldOn: isoDate,
  toldHow: z.enum(toldWays, { error: '请选择告知方式' }),
});

export type StepInput =
  | { kind: 'transfer'; input: unknown }
  | { kind: 'note'; input: unknown }
  | { kind: 'agency-submitted'; input: unknown }
  | { kind: 'agency-answered'; input: unknown }
  | { kind: 'close'; input: unknown };

/** Adds a step to an open case, or says why not (field messages). */
export function applyStep(c: ServiceCase, step: StepInput, at: Date, by: CaseActor): Outcome {
  if (caseStatus(c) === 'closed') return refuse('', '该事项已办结，不能再办理');
  const when = at.toISOString();
  const today = chinaDate(at);
  const add = (s: CaseStep): Outcome => ({ ok: true, case: { ...c, steps: [...c.steps, s] } });
  switch (step.kind) {
    case 'transfer': {
      const p = parseInput(transferInput, step.input);
      if (!p.success) return { ok: false, issues: p.issues };
      if (p.data.to.userId === currentHandler(c).userId) return refuse('to', '该事项已由此人办理');
      return add({ kind: 'transfer', at: when, by, ...p.data });
    }
    case 'note': {
      const p = parseInput(noteInput, step.input);
      if (!p.success) return { ok: false, issues: p.issues };
      return add({ kind: 'note', at: when, by, ...p.data });
    }
    case 'agency-submitted': {
      const p = parseInput(agencySubmittedInput, step.input);
      if (!p.success) return { ok: false, issues: p.issues };
      if (p.data.on < c.receivedOn || p.data.on > today) return refuse('on', '报送日期应在受理日与今天之间');
      return add({ kind: 'agency-submitted', at: when, by, ...p.data });
    }
    case 'agency-answered': {
      const p = parseInput(agencyAnsweredInput, step.input);
      if (!p.success) return { ok: false, issues: p.issues };
      const submitted = c.steps.filter((s) => s.kind === 'agency-submitted').at(-1);
      if (!submitted) return refuse('answer', '尚未报送代办机构，不能登记答复');
      if (p.data.on < submitted.on || p.data.on > today) return refuse('on', '答复日期应在报送日与今天之间');
      return add({ kind: 'agency-answered', at: when, by, ...p.data });
    }
    case 'close': {
      const p = parseInput(closeInput, step.input);
      if (!p.success) return { ok: false, issues: p.issues };
      if (c.category === 'agency' && !c.steps.some((s) => s.kind === 'agency-answered'))
        return refuse('result', '代办事项须登记代办机构的答复后才能办结');
      if (caseStatus(c) === 'awaiting-agency') return refuse('result', '代办机构尚未答复，不能办结');
      if (p.data.toldOn < c.receivedOn || p.data.toldOn > today)
        return refuse('toldOn', '告知日期应在受理日与今天之间');
      return add({ kind: 'close', at: when, by, ...p.data });
    }
  }
}

/** A resident as lists and exports show them: identity and mobile numbers masked. */
export function maskedResident(r: CaseResident): CaseResident {
  return {
    ...r,
    ...(r.idNumber ? { idNumber: maskIdNumber(r.idNumber) } : {}),
    ...(r.phone ? { phone: maskPhone(r.phone) } : {}),
  };
}

/** A case as lists, exports and the audit log show it. */
export function maskedCase(c: ServiceCase): ServiceCase {
  return { ...c, resident: maskedResident(c.resident) };
}

/**
 * A case as its lists show it (the console's case lists and workbench): what a row displays and
 * nothing more. The resident is only named: a list is read by more people, and far more often, than a
 * case's page, so it carries none of their numbers, address or the case's free text, and no steps.
 * The status, closing date and current handler are what `caseStatus`, `closure` and `currentHandler`
 * say of the whole case.
 */
export interface CaseListRow {
  id: string;
  communityCode: string;
  subject: string;
  category: ServiceCategory;
  channel: CaseDraft['channel'];
  priority: boolean;
  promisedOn: string;
  status: CaseStatus;
  /** The China date it was closed on; `null` while open. */
  closedOn: string | null;
  resident: Pick<CaseResident, 'name'>;
  firstResponder: CaseActor;
  handler: CaseActor;
}

/** The list row of a whole case (`CaseListRow`). */
export function caseListRow(c: ServiceCase): CaseListRow {
  const closed = closure(c);
  return {
    id: c.id,
    communityCode: c.communityCode,
    subject: c.subject,
    category: c.category,
    channel: c.channel,
    priority: c.priority,
    promisedOn: c.promisedOn,
    status: caseStatus(c),
    closedOn: closed ? chinaDate(new Date(closed.at)) : null,
    resident: { name: c.resident.name },
    firstResponder: c.firstResponder,
    handler: currentHandler(c),
  };
}

/** The open cases of a list in working order: priority residents first, then by promised date. */
export function inWorkingOrder(cases: readonly ServiceCase[]): ServiceCase[] {
  return [...cases].sort(
    (a, b) =>
      Number(b.priority) - Number(a.priority) ||
      a.promisedOn.localeCompare(b.promisedOn) ||
      a.receivedAt.localeCompare(b.receivedAt),
  );
}
