/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates for Jiangsu's notice periods, filing deadlines and
 * disclosure cadence. Dates are compared as strings (ISO order is date order), and day counts are
 * taken in UTC so no time zone or daylight-saving shift can move a deadline.
 */

import { isoOf } from '@shequ/domain';

export { addDays, daysAfter } from '@shequ/domain';

/** The date `months` calendar months before `date`, clamped to the month's end (03-31 → 02-28/29). */
export function monthsBefore(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 - months;
  const day = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(year, month, Math.min(day, lastDay)));
}

export interface Period {
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

/**
 * The latest calendar period of `months` months (1: a month, 3: a quarter, 12: a year) that has
 * ended by the end of `asOf`: the period holding `asOf` when `asOf` is its last day, else the one
 * before it.
 */
export function lastCompletePeriod(asOf: string, months: 1 | 3 | 12): Period {
  const year = Number(asOf.slice(0, 4));
  const startMonth = Math.floor((Number(asOf.slice(5, 7)) - 1) / months) * months;
  const end = Date.UTC(year, startMonth + months, 0);
  const holding = { from: isoOf(Date.UTC(year, startMonth, 1)), to: isoOf(end) };
  if (holding.to === asOf) return holding;
  return { from: isoOf(Date.UTC(year, startMonth - months, 1)), to: isoOf(Date.UTC(year, startMonth, 0)) };
}

export function within(date: string, period: Period): boolean {
  return date >= period.from && date <= period.to;
}
