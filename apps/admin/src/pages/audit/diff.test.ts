import { describe, expect, it } from 'vitest';
import { changesBetween } from './diff.js';

describe('audit record changes', () => {
  it('lists only the nested values that changed, added or removed', () => {
    const before = {
      asOf: '2026-06-30',
      facts: { households: 4329, residents: 12928, staff: { fullTime: 10 } },
    };
    const after = { asOf: '2026-06-30', facts: { households: 4388, residents: 12928, setting: 'urban' } };
    expect(changesBetween(before, after)).toEqual([
      { path: 'facts.households', before: 4329, after: 4388 },
      { path: 'facts.setting', before: undefined, after: 'urban' },
      { path: 'facts.staff.fullTime', before: 10, after: undefined },
    ]);
  });

  it('treats a missing "before" (a creation) as every value added', () => {
    expect(changesBetween(null, { disabledAt: null })).toEqual([
      { path: 'disabledAt', before: undefined, after: null },
    ]);
  });
});
