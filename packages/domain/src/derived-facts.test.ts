import { describe, expect, it } from 'vitest';
import { derivedFacts, derivedFieldNames, layDerivedFacts } from './derived-facts.js';

describe('facts from registers laid over typed facts', () => {
  it('names each member of a group and each list', () => {
    expect(
      derivedFieldNames({ staff: { fullTime: 6, twoCommittees: 3 }, meetings: [], representatives: 4 }),
    ).toEqual(['meetings', 'representatives', 'staff.fullTime', 'staff.twoCommittees']);
  });

  it('replaces a group member and keeps the typed members a register does not determine', () => {
    const merged = layDerivedFacts({ salary: { citySubsidy: 1000, annualAverage: 50000 }, households: 650 }, [
      derivedFacts({ salary: { annualAverage: 83666.67 } }),
    ]);
    expect(merged.facts).toEqual({ salary: { citySubsidy: 1000, annualAverage: 83666.67 }, households: 650 });
    expect(merged.fields).toEqual(['salary.annualAverage']);
  });

  it('replaces a typed list whole and merges several registers in order', () => {
    const merged = layDerivedFacts(
      {
        meetings: [{ kind: 'residents-meeting', heldOn: '2026-01-05' }],
        complaints: { handled: 3, outcomeTold: 3 },
      },
      [
        derivedFacts({ meetings: [{ kind: 'monthly-work-meeting', heldOn: '2026-02-01' }] }),
        derivedFacts({ complaints: { handled: 12 } }),
      ],
    );
    expect(merged.facts.meetings).toEqual([{ kind: 'monthly-work-meeting', heldOn: '2026-02-01' }]);
    expect(merged.facts.complaints).toEqual({ handled: 12, outcomeTold: 3 });
    expect(merged.fields).toEqual(['complaints.handled', 'meetings']);
  });

  it('leaves the typed facts as they are when no register derives anything', () => {
    const typed = { households: 650, staff: { fullTime: 10 } };
    expect(layDerivedFacts(typed, [])).toEqual({ facts: typed, fields: [] });
  });
});
