/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates. Dates compare as strings (ISO order is date order);
 * day counts are taken in UTC so no time zone shift can move a deadline. Periods in days do not count
 * the starting day (民法典第二百零一条): a notice on the 1st is ten days ahead of a meeting on the 11th.
 */

import { addDays, isoOf, utcDay } from '@shequ/domain';

export { addDays, daysAfter } from '@shequ/domain';

export interface Period {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The calendar month (1), quarter (3) or year (12) holding `date`. */
export function periodHolding(date: string, months: 1 | 3 | 12): Period {
  const year = Number(date.slice(0, 4));
  const start = Math.floor((Number(date.slice(5, 7)) - 1) / months) * months;
  return { from: isoOf(Date.UTC(year, start, 1)), to: isoOf(Date.UTC(year, start + months, 0)) };
}

/** The period of the same length just before `period`. */
export function periodBefore(period: Period, months: 1 | 3 | 12): Period {
  return periodHolding(addDays(period.from, -1), months);
}

export function within(date: string, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/** Monday of the ISO week holding `date`. */
export function weekStart(date: string): string {
  const weekday = (new Date(utcDay(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
