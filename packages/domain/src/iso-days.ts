/**
 * Day arithmetic on ISO `YYYY-MM-DD` dates. Day counts are taken in UTC so no time zone or
 * daylight-saving shift can move a deadline; periods in days do not count the starting day
 * (民法典第二百零一条): a notice on the 1st is ten days ahead of a meeting on the 11th.
 */

const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of the ISO date. */
export function utcDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The ISO date of a UTC instant. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, not counting the starting day. */
export function daysAfter(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return isoOf(utcDay(date) + days * DAY_MS);
}
