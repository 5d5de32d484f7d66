import { describe, expect, it } from 'vitest';
import { demoAssessmentEntries, demoAssessmentScoreBatches } from './demo.js';

const instants = (entries: ReturnType<typeof demoAssessmentEntries>) => [
  entries.createdAt.getTime(),
  entries.publishedAt.getTime(),
  ...entries.batches.map((b) => b.enteredAt.getTime()),
];

describe('the demo assessment’s dates', () => {
  it('loaded in December of the year, dates nothing after the moment of loading and keeps every score', () => {
    const now = new Date('2026-12-06T10:00:00+08:00');
    const entries = demoAssessmentEntries(now);
    const at = instants(entries);
    expect(Math.max(...at)).toBeLessThanOrEqual(now.getTime());
    // Drafted, published, then each period's street and district batches, in that order.
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(new Set(at).size).toBe(at.length);
    expect(entries.batches.map((b) => b.cells)).toEqual(demoAssessmentScoreBatches().map((b) => b.cells));
    // The quarters already over keep their planned days.
    expect(entries.batches[0]?.enteredAt.toISOString()).toBe('2026-04-20T02:00:00.000Z');
  });

  it('loaded after the annual assessment, keeps every planned date', () => {
    const entries = demoAssessmentEntries(new Date('2027-06-01T00:00:00Z'));
    expect(entries.batches.map((b) => b.enteredAt.getTime())).toEqual(
      demoAssessmentScoreBatches().map((b) => new Date(b.enteredAt).getTime()),
    );
    expect(entries.publishedAt.toISOString()).toBe('2026-01-09T08:00:00.000Z');
  });

  it('loaded before the year begins, still dates nothing in the future', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    expect(Math.max(...instants(demoAssessmentEntries(now)))).toBeLessThanOrEqual(now.getTime());
  });
});
