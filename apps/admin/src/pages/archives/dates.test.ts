import { describe, expect, it } from 'vitest';
import { chinaToday, daysPast, formatTime } from './dates.js';

describe('dates in China time', () => {
  it('turns the date over at midnight in China, not in UTC', () => {
    expect(chinaToday(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
    expect(chinaToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('counts a loan due yesterday as one day overdue and one due today as not overdue', () => {
    expect(daysPast('2026-03-01', '2026-03-02')).toBe(1);
    expect(daysPast('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysPast('2026-03-10', '2026-03-02')).toBe(-8);
    // Across the end of February in a leap year.
    expect(daysPast('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('shows a logged moment as it was in China, whatever zone it was written in', () => {
    expect(formatTime('2026-01-05T09:10:00+08:00')).toBe('2026-01-05 09:10');
    expect(formatTime('2026-01-05T01:10:00Z')).toBe('2026-01-05 09:10');
    expect(formatTime(null)).toBe('—');
  });
});
