/**
 * Dates and times as the communities read them: China time (UTC+8, no daylight saving), whatever the
 * zone of the machine or browser. Every layer reads days and clock times through these, so a due date
 * never moves with a server's time zone.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instant as China's wall clock, in ISO form without a zone: `2026-11-03T10:00:00.000`. */
function chinaWallClock(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 23);
}

/** The calendar date in China of an instant (now by default), `YYYY-MM-DD`. */
export function chinaDate(at: Date = new Date()): string {
  return chinaWallClock(at).slice(0, 10);
}

/** An instant as China's wall-clock time to the second, `2026-11-03 10:00:00`. */
export function chinaDateTime(at: Date): string {
  return chinaWallClock(at).slice(0, 19).replace('T', ' ');
}
