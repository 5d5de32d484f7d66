/**
 * Visits (走访): Ezhou 第二十五条（三）'s 「三必到、五必访」 — the households a community must visit
 * (困难家庭、特困病人、留守困难人员、刑释解教人员、孤寡老人) and the events it must attend (突发事件、
 * 不满情绪、家庭纠纷) — kept as a register, with the visits logged, and the coverage: who was due and
 * has not been visited.
 *
 * How often is not written in the article. This system's reading (本系统规则 R-SVC-3): a must-visit
 * household is visited at least once every 30 days from its registration, and a must-attend event is
 * attended within 1 day of being reported. A jurisdiction may choose another interval (e.g. 90 days,
 * once a quarter) through `VisitRules`.
 */
import { communityCode, isoDate, safeText } from '@shequ/domain';
import { z } from 'zod';
import type { CaseActor } from './cases.js';
import type { VisitTargetKind } from './labels.js';
import { mustAttendKinds, visitTargetKinds } from './labels.js';

export type { VisitTargetKind } from './labels.js';
export { mustAttendKinds, mustVisitKinds, visitTargetKindLabels, visitTargetKinds } from './labels.js';

export function isMustAttend(kind: VisitTargetKind): boolean {
  return (mustAttendKinds as readonly string[]).includes(kind);
}

/** A household to visit or an event to attend; `since` is its registration or the event's report date. */
export const visitTargetDraft = z
  .strictObject({
    communityCode,
    kind: z.enum(visitTargetKinds, { error: '请选择走访对象类别' }),
    name: safeText('户主或事件', 100),
    address: safeText('住址', 200).optional(),
    since: isoDate,
    /** A household no longer on the register from this date (moved, no longer in need). */
    until: isoDate.optional(),
    note: safeText('备注', 500).optional(),
  })
  .refine((t) => t.until === undefined || t.until >= t.since, {
    path: ['until'],
    error: '移出日期不能早于登记日期',
  });
export type VisitTargetDraft = z.infer<typeof visitTargetDraft>;
export type VisitTarget = VisitTargetDraft & { id: string };

export const visitDraft = z.strictObject({
  targetId: z.string().min(1).max(64),
  on: isoDate,
  summary: safeText('走访情况', 1000),
});
export interface Visit {
  id: string;
  targetId: string;
  on: string;
  by: CaseActor;
  summary: string;
}

export interface VisitRules {
  householdIntervalDays: number;
  attendWithinDays: number;
}
/** R-SVC-3. */
export const DEFAULT_VISIT_RULES: VisitRules = { householdIntervalDays: 30, attendWithinDays: 1 };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type CoverageStatus = 'covered' | 'due' | 'overdue';
export interface TargetCoverage {
  target: VisitTarget;
  lastVisitOn?: string;
  dueOn: string;
  status: CoverageStatus;
}

/**
 * Each target on the register on `asOf` with its last visit and when the next is due: `overdue` when
 * that date has passed (due and not visited), `due` when it is today or later, `covered` for an event
 * already attended. Overdue first, then by due date. The counts: on the register, overdue (应访未访), and
 * visited since registration and not overdue (已走访).
 */
export function visitCoverage(
  targets: readonly VisitTarget[],
  visits: readonly Pick<Visit, 'targetId' | 'on'>[],
  asOf: string,
  rules: VisitRules = DEFAULT_VISIT_RULES,
): { items: TargetCoverage[]; overdue: number; visited: number; onRegister: number } {
  const last = new Map<string, string>();
  for (const v of visits) {
    if (v.on > asOf) continue;
    const known = last.get(v.targetId);
    if (known === undefined || v.on > known) last.set(v.targetId, v.on);
  }
  const items: TargetCoverage[] = [];
  for (const t of targets) {
    if (t.since > asOf || (t.until !== undefined && t.until <= asOf)) continue;
    const lastVisitOn = last.get(t.id);
    const attended = lastVisitOn !== undefined && lastVisitOn >= t.since;
    let dueOn: string;
    let status: CoverageStatus;
    if (isMustAttend(t.kind)) {
      dueOn = addDays(t.since, rules.attendWithinDays);
      status = attended ? 'covered' : asOf > dueOn ? 'overdue' : 'due';
    } else {
      dueOn = addDays(attended ? (lastVisitOn as string) : t.since, rules.householdIntervalDays);
      status = asOf > dueOn ? 'overdue' : 'due';
    }
    items.push({ target: t, ...(lastVisitOn ? { lastVisitOn } : {}), dueOn, status });
  }
  const rank: Record<CoverageStatus, number> = { overdue: 0, due: 1, covered: 2 };
  items.sort((a, b) => rank[a.status] - rank[b.status] || a.dueOn.localeCompare(b.dueOn));
  return {
    items,
    overdue: items.filter((i) => i.status === 'overdue').length,
    visited: items.filter((i) => i.status !== 'overdue' && visitedSinceRegistered(i)).length,
    onRegister: items.length,
  };
}

/** Visited (or attended) since it came on the register, and not due again yet: counted as 已走访. */
function visitedSinceRegistered(item: TargetCoverage): boolean {
  return item.lastVisitOn !== undefined && item.lastVisitOn >= item.target.since;
}

/**
 * `visitCoverage` of targets read with only their latest visit up to `asOf` (what a street's or a
 * workbench's bulk read loads): the latest visit is all the coverage reads of a target's visits.
 */
export function coverageOfLatestVisits(
  held: readonly { target: VisitTarget; lastVisitOn: string | null }[],
  asOf: string,
  rules: VisitRules = DEFAULT_VISIT_RULES,
): ReturnType<typeof visitCoverage> {
  return visitCoverage(
    held.map((h) => h.target),
    held.flatMap((h) => (h.lastVisitOn ? [{ targetId: h.target.id, on: h.lastVisitOn }] : [])),
    asOf,
    rules,
  );
}
