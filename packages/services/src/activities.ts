/**
 * Volunteer activities (常态化公益活动, Ezhou 第三十二条): a community organises an activity, its
 * volunteers sign up, and after it the hours each served are recorded once. The hours go into the
 * volunteer's time bank (Weihai 二（九）: 志愿服务储蓄制度) and earn welfare points at the activity's
 * rate (Ezhou 第三十三条), rounded down to whole points (本系统规则 R-SVC-6).
 *
 * Every function is pure; the store applies a decision under the sign-up's row lock.
 */
import { boundedInt, communityCode, type FieldIssue, isoDate, parseInput, safeText } from '@shequ/domain';
import { z } from 'zod';

export { hoursLabel } from './labels.js';

export const activityDraft = z.strictObject({
  communityCode,
  title: safeText('活动名称', 100),
  on: isoDate,
  place: safeText('活动地点', 100),
  /** Most volunteers who may sign up. */
  capacity: boundedInt({ min: 1, max: 500, message: '招募人数应为 1 到 500 之间的整数' }),
  /** Welfare points for each hour served (R-SVC-6). */
  pointsPerHour: boundedInt({ min: 0, max: 100, message: '每小时积分应为 0 到 100 之间的整数' }),
  detail: safeText('活动内容', 1000).optional(),
});
export type ActivityDraft = z.infer<typeof activityDraft>;
export type Activity = ActivityDraft & { id: string };

export interface ActivitySignUp {
  volunteerId: string;
  /** Minutes served, once recorded. */
  minutes: number | null;
}

export type Decision = { ok: true } | { ok: false; issues: FieldIssue[] };
const refuse = (path: string, message: string): Decision => ({ ok: false, issues: [{ path, message }] });

/** Whether a volunteer of the community may sign up: not twice, not past capacity, not after the day. */
export function maySignUp(
  activity: Activity,
  volunteer: { id: string; communityCode: string },
  signUps: readonly ActivitySignUp[],
  today: string,
): Decision {
  if (volunteer.communityCode !== activity.communityCode)
    return refuse('volunteerId', '只有本社区登记的志愿者可以报名');
  if (signUps.some((s) => s.volunteerId === volunteer.id)) return refuse('volunteerId', '该志愿者已报名');
  if (signUps.length >= activity.capacity)
    return refuse('volunteerId', `报名已满（${activity.capacity} 人）`);
  if (activity.on < today) return refuse('volunteerId', '活动已结束，不能再报名');
  return { ok: true };
}

export const hoursInput = z.strictObject({
  minutes: boundedInt({ min: 1, max: 24 * 60, message: '服务时长应为 1 到 1440 分钟' }),
});

/** The welfare points for the minutes served at the activity's rate, rounded down (R-SVC-6). */
export function pointsForMinutes(minutes: number, pointsPerHour: number): number {
  return Math.floor((minutes * pointsPerHour) / 60);
}

/**
 * Recording the hours a signed-up volunteer served: once, on or after the activity's day. Returns the
 * points and minutes to credit to the volunteer's ledger and time bank.
 */
export function creditHours(
  activity: Activity,
  signUp: ActivitySignUp | undefined,
  input: unknown,
  today: string,
): { ok: true; minutes: number; points: number } | { ok: false; issues: FieldIssue[] } {
  const parsed = parseInput(hoursInput, input);
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  if (!signUp) return { ok: false, issues: [{ path: 'volunteerId', message: '该志愿者没有报名此活动' }] };
  if (signUp.minutes !== null)
    return { ok: false, issues: [{ path: 'minutes', message: '该志愿者的服务时长已登记' }] };
  if (activity.on > today)
    return { ok: false, issues: [{ path: 'minutes', message: '活动开始后才能登记服务时长' }] };
  const { minutes } = parsed.data;
  return { ok: true, minutes, points: pointsForMinutes(minutes, activity.pointsPerHour) };
}
