import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { allFactFields, applyFormValues, factField, factsToFormValues } from './factFields.js';

const stored: CommunityFacts = {
  setting: 'urban',
  households: 4329,
  residents: 12928,
  facility: { totalArea: 2020, functions: ['convenience-hall', 'health'] },
  committee: { members: 7 },
  meetings: [{ kind: 'residents-meeting', heldOn: '2026-03-01' }],
  buildings: [{ households: 60, leader: true }],
};

describe('facts form', () => {
  it('saves what it loaded unchanged', () => {
    expect(applyFormValues(stored, factsToFormValues(stored))).toEqual(stored);
  });

  it('applies an edited value and keeps the facts the form does not show', () => {
    const values = { ...factsToFormValues(stored), households: 4388 };
    const saved = applyFormValues(stored, values);
    expect(saved.households).toBe(4388);
    expect(saved.meetings).toEqual(stored.meetings);
    expect(saved.buildings).toEqual(stored.buildings);
  });

  it('removes a cleared number, and a group the form emptied, rather than saving null or {}', () => {
    const values = factsToFormValues(stored);
    const saved = applyFormValues(stored, {
      ...values,
      residents: null,
      committee: { members: null },
      facility: { totalArea: 2020, functions: [] },
    });
    expect('residents' in saved).toBe(false);
    expect('committee' in saved).toBe(false);
    expect(saved.facility).toEqual({ totalArea: 2020, functions: [] });
  });

  it('keeps "none" (an empty list) apart from "unknown" (no list)', () => {
    const withNone: CommunityFacts = { ...stored, honours: [] };
    expect(factsToFormValues(withNone).honours).toEqual([]);
    expect(applyFormValues(withNone, factsToFormValues(withNone)).honours).toEqual([]);
    expect('honours' in applyFormValues(stored, factsToFormValues(stored))).toBe(false);
  });

  it('adds a nested fact the community did not have', () => {
    const saved = applyFormValues(stored, { ...factsToFormValues(stored), staff: { fullTime: 9 } });
    expect(saved.staff).toEqual({ fullTime: 9 });
  });

  it('does not change the stored facts it was given', () => {
    const before = structuredClone(stored);
    applyFormValues(stored, { households: 1 });
    expect(stored).toEqual(before);
  });

  it('names every field it edits in Chinese, once', () => {
    const paths = allFactFields.map((field) => field.path.join('.'));
    expect(new Set(paths).size).toBe(paths.length);
    expect(factField('facility.totalArea')?.label).toBe('综合服务设施面积');
    for (const field of allFactFields) expect(field.label).toMatch(/[\u4e00-\u9fa5]/);
  });
});
