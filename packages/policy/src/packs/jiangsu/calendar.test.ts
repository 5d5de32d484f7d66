import { describe, expect, it } from 'vitest';
import { addDays, daysAfter, lastCompletePeriod, monthsBefore, within } from './calendar.js';

describe('daysAfter', () => {
  it('does not count the starting day', () => {
    expect(daysAfter('2024-06-01', '2024-06-11')).toBe(10);
    expect(daysAfter('2024-06-01', '2024-06-01')).toBe(0);
  });
  it('crosses month, leap-day and year ends', () => {
    expect(daysAfter('2024-02-25', '2024-03-06')).toBe(10);
    expect(daysAfter('2023-12-27', '2024-01-06')).toBe(10);
    expect(daysAfter('2024-06-11', '2024-06-01')).toBe(-10);
  });
});

describe('addDays / monthsBefore', () => {
  it('adds across a leap February', () => {
    expect(addDays('2024-02-25', 10)).toBe('2024-03-06');
  });
  it('clamps to the end of a shorter month', () => {
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2024-01-15', 1)).toBe('2023-12-15');
  });
});

describe('lastCompletePeriod', () => {
  it('is the previous quarter while the current one is running', () => {
    expect(lastCompletePeriod('2024-05-10', 3)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(lastCompletePeriod('2024-01-10', 3)).toEqual({ from: '2023-10-01', to: '2023-12-31' });
  });
  it('is the current period on its last day', () => {
    expect(lastCompletePeriod('2024-06-30', 3)).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(lastCompletePeriod('2024-02-29', 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
  it('gives months and years', () => {
    expect(lastCompletePeriod('2024-03-01', 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(lastCompletePeriod('2024-07-01', 12)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });
  it('bounds are inclusive', () => {
    const q = lastCompletePeriod('2024-05-10', 3);
    expect(within('2024-01-01', q)).toBe(true);
    expect(within('2024-03-31', q)).toBe(true);
    expect(within('2024-04-01', q)).toBe(false);
  });
});
