/**
 * Weights and shares compared exactly. A weight is written with at most six decimals (0.6, 0.125,
 * 0.333334); it is read from its shortest decimal spelling into whole millionths, so sums such as
 * 0.1 + 0.2 + 0.7 are exactly 1 and no float tolerance decides whether a scheme is lawful.
 */

export const WEIGHT_DECIMALS = 6;
export const WEIGHT_SCALE = 1_000_000;

/** `value` in whole millionths, or undefined when it needs more than six decimals or is not finite. */
export function toMillionths(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  // String() gives the shortest decimal that reads back as the same double: 0.1 → "0.1".
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > WEIGHT_DECIMALS) return undefined;
  const millionths = Number(whole) * WEIGHT_SCALE + Number(fraction.padEnd(WEIGHT_DECIMALS, '0'));
  return sign === '-' ? -millionths : millionths;
}

/** A ratio of two whole numbers as the double nearest its decimal spelling (4/10 → 0.4, not 0.4000000001). */
export function exactRatio(numerator: bigint, denominator: bigint, digits = 12): number {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const whole = n / d;
  const scaled = ((n % d) * 10n ** BigInt(digits)) / d;
  const text = `${negative ? '-' : ''}${whole}.${scaled.toString().padStart(digits, '0')}`;
  return Number(text);
}

/** A share in millionths as a percentage for people: 400000 → "40%", 333334 → "33.3334%". */
export function percentOfMillionths(millionths: number): string {
  return `${Number((millionths / 10_000).toFixed(4))}%`;
}
