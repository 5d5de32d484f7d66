import { describe, expect, it } from 'vitest';
import { timeLate } from './overdue.js';

describe('how long a seal is overdue', () => {
  const deadline = '2026-05-12T17:00:00+08:00';
  const after = (minutes: number) => Date.parse(deadline) + minutes * 60_000;

  it('says minutes in the first hour, never more than it is', () => {
    expect(timeLate(deadline, after(0.5))).toBe('逾期 1 分钟');
    expect(timeLate(deadline, after(3))).toBe('逾期 3 分钟');
    expect(timeLate(deadline, after(59))).toBe('逾期 59 分钟');
  });

  it('then whole hours, then whole days from two days on', () => {
    expect(timeLate(deadline, after(60))).toBe('逾期 1 小时');
    expect(timeLate(deadline, after(47 * 60 + 59))).toBe('逾期 47 小时');
    expect(timeLate(deadline, after(48 * 60))).toBe('逾期 2 天');
  });

  it('says nothing without a deadline', () => {
    expect(timeLate(null)).toBe('');
  });
});
