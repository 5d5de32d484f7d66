/**
 * Dates and times as the communities read them: China time (UTC+8, no daylight saving), whatever
 * the zone of the browser showing them. Due dates are calendar dates in China.
 */
import { chinaDate, chinaDateTime } from '@shequ/domain/labels';

const DAY_MS = 86_400_000;

/** Today's date in China, as `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}

/** Whole days `date` is past (positive) or ahead of (negative) `today`; both `YYYY-MM-DD`. */
export function daysPast(date: string, today: string = chinaToday()): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
}

/** A moment as `YYYY-MM-DD HH:mm` in China time; `—` when there is none. */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return String(value);
  return chinaDateTime(new Date(ms)).slice(0, 16);
}
