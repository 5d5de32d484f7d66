/**
 * Staffing ratios of the form "每300—400户居民配备1人" (one worker per 300 to 400 households).
 * Seeds express quotas this way; the rounding is an interpretation each pack records.
 */

/**
 * The whole number of workers implied by `households` at one worker per `low`–`high` households.
 * Strict (the chosen reading in the shipped packs): no worker serves more than `high` households
 * (min = ⌈h/high⌉) and none fewer than `low` (max = ⌊h/low⌋), max never below min.
 * Lenient: min = ⌊h/high⌋, max = ⌈h/low⌉.
 */
export function workersForHouseholds(
  households: number,
  low: number,
  high: number,
  lenient = false,
): { min: number; max: number } {
  const min = lenient ? Math.floor(households / high) : Math.ceil(households / high);
  const max = lenient ? Math.ceil(households / low) : Math.floor(households / low);
  return { min, max: Math.max(min, max) };
}
