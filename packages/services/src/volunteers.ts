/**
 * Volunteers and welfare points. The registry keeps the fields of Ezhou 第三十二条 (个人志愿、年龄、
 * 性别、时间、技能、身体状况); points are earned for service and redeemed (Ezhou 第三十三条: 公益积分和
 * 积分兑换), and the hours served are saved in a time bank (Weihai 二（九）: 志愿服务储蓄制度).
 *
 * The ledger never goes below zero: `pointsAfter` refuses a redemption larger than the balance; the
 * store applies it as one conditional update so two redemptions at once cannot both pass.
 */
import { boundedInt, communityCode, isoDate, safeText } from '@shequ/domain';
import { sexes } from '@shequ/people';
import { z } from 'zod';

import { healthLevels } from './labels.js';

export { healthLabels, healthLevels } from './labels.js';

export const volunteerDraft = z.strictObject({
  communityCode,
  name: safeText('姓名', 50),
  sex: z.enum(sexes, { error: '应为男或女' }),
  birthDate: isoDate,
  /** 个人志愿: what the volunteer wants to do. */
  wishes: safeText('服务意愿', 200),
  /** 时间: when the volunteer is available. */
  availableTime: safeText('可服务时间', 100),
  skills: z.array(safeText('技能', 30)).max(10, { error: '技能最多填写 10 项' }).default([]),
  health: z.enum(healthLevels, { error: '应为良好、一般或行动不便' }),
});
export type VolunteerDraft = z.infer<typeof volunteerDraft>;

export const pointsEntryDraft = z.strictObject({
  kind: z.enum(['earn', 'redeem'], { error: '应为获得或兑换' }),
  points: boundedInt({ min: 1, max: 100_000, message: '积分应为 1 到 100000 之间的整数' }),
  /** Minutes of service saved in the time bank, for an `earn` entry. */
  minutes: boundedInt({ min: 0, max: 24 * 60, message: '服务时长应为 0 到 1440 分钟' }).default(0),
  reason: safeText('事由', 200),
  on: isoDate,
});
export type PointsEntryDraft = z.infer<typeof pointsEntryDraft>;

/** The balance after an entry, or the refusal when a redemption exceeds it (the ledger never goes negative). */
export function pointsAfter(
  balance: number,
  entry: Pick<PointsEntryDraft, 'kind' | 'points'>,
): { ok: true; balance: number } | { ok: false; message: string } {
  if (entry.kind === 'earn') return { ok: true, balance: balance + entry.points };
  if (entry.points > balance)
    return { ok: false, message: `积分不足：现有 ${balance} 分，兑换 ${entry.points} 分` };
  return { ok: true, balance: balance - entry.points };
}
