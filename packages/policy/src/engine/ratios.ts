/**
 * Staffing ratios of the form "每300—400户居民配备1人" (one worker per 300 to 400 households).
 * The regulations express quotas this way; the rounding is an interpretation each pack records.
 */
import { later } from './define.js';
import { multiplyDivide } from './exact.js';
import { fmt } from './format.js';
import type { CheckOutcome } from './types.js';

/**
 * A staff count against the range a ratio gives (`workersForHouseholds`), never below the floor
 * that the same documents set per community ("不少于5人" overrides the ratio for small communities):
 * the outcome of every pack that staffs by ratio, so they decide and word it alike.
 */
export function staffingRangeOutcome(
  staff: number,
  floor: number,
  range: { min: number; max: number },
): CheckOutcome {
  const min = Math.max(floor, range.min);
  const max = Math.max(floor, range.max);
  return {
    holds: staff >= min && staff <= max,
    expected: later(() => (min === max ? fmt.people(min) : `${min}—${max}人`)),
    actual: later(() => fmt.people(staff)),
  };
}

/**
 * A figure set per block of households ("每百户不低于30平方米", "每千户每年不少于3.6万元"): `rate`
 * for each `block` households in proportion, or for each block begun when `startedBlocksCount` — the
 * two readings every pack records for this wording.
 */
export function perHouseholds(
  households: number,
  block: number,
  rate: number,
  startedBlocksCount: boolean,
): number {
  // Multiplied before dividing, on the decimals: 3220 households at 50 per 100 is 1610, not 1610.0000000000002.
  if (startedBlocksCount) return multiplyDivide(Math.ceil(households / block), rate, 1);
  return multiplyDivide(households, rate, block);
}

/**
 * The whole number of workers implied by `households` at one worker per `low`–`high` households,
 * each end raised to `floor` (the documents' "每个社区…不少于5人": what a street staffs by is the
 * ratio's range, never below the floor — docs/interfaces.md §3 `fullTimeStaff`).
 * Strict (the chosen reading in the shipped packs): no worker serves more than `high` households
 * (min = ⌈h/high⌉) and none fewer than `low` (max = ⌊h/low⌋), max never below min.
 * Lenient: min = ⌊h/high⌋, max = ⌈h/low⌉.
 */
export function workersForHouseholds(
  households: number,
  low: number,
  high: number,
  lenient = false,
  floor = 0,
): { min: number; max: number } {
  const min = Math.max(floor, lenient ? Math.floor(households / high) : Math.ceil(households / high));
  const max = Math.max(floor, lenient ? Math.ceil(households / low) : Math.floor(households / low));
  return { min, max: Math.max(min, max) };
}
