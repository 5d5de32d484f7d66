import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  archiveContentGroupShortLabels,
  archiveContentGroups,
  archiveStatuses,
  archiveStatusLabels,
  contentGroupLabel,
} from './labels.js';

describe('archive labels for the console', () => {
  it('shows a community’s own content group by its name and a known group by its short name', () => {
    expect(contentGroupLabel('custom:老物件')).toBe('老物件');
    expect(contentGroupLabel('honours')).toBe('荣誉奖励');
    expect(contentGroupLabel('unknown')).toBe('unknown');
  });

  it('has a label for every value it lists', () => {
    expect(Object.keys(archiveContentGroupShortLabels)).toEqual([...archiveContentGroups]);
    expect(Object.keys(archiveStatusLabels)).toEqual([...archiveStatuses]);
  });

  it('loads nothing else, so the console can show labels without zod or node:crypto', () => {
    const source = readFileSync(new URL('./labels.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import\s/m);
  });
});
