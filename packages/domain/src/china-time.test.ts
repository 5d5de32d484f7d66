import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime } from './china-time.js';

describe('China time', () => {
  it.each([
    ['2026-03-01T15:59:59Z', '2026-03-01', '2026-03-01 23:59:59'],
    ['2026-03-01T16:00:00Z', '2026-03-02', '2026-03-02 00:00:00'],
    ['2025-12-31T16:30:00Z', '2026-01-01', '2026-01-01 00:30:00'],
  ])('%s is %s, %s in China', (instant, date, time) => {
    expect(chinaDate(new Date(instant))).toBe(date);
    expect(chinaDateTime(new Date(instant))).toBe(time);
  });
});
