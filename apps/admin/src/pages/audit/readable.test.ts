import { communityFactLabels } from '@shequ/domain/labels';
import { describe, expect, it } from 'vitest';
import { allFactFields } from '../community/factFields.js';
import { chinaDateTime, labelOf } from './readable.js';

describe('audit records in Chinese', () => {
  it('names changed members in Chinese, never by their English key', () => {
    expect(labelOf('facts.households')).toBe('户数');
    expect(labelOf('custodianId')).toBe('保管人');
    expect(labelOf('location.room')).toBe('存放位置 · 室');
    expect(labelOf('approverIds.0')).toBe('审批人 · 第1项');
    expect(labelOf('somethingNew')).not.toMatch(/[A-Za-z]/);
  });

  it('names a community fact in the audit as its form field does', () => {
    for (const field of allFactFields) expect(communityFactLabels[field.path.join('.')]).toBe(field.label);
  });

  it('shows China time whatever the browser’s zone', () => {
    expect(chinaDateTime('2026-12-04T17:50:31.000Z')).toBe('2026-12-05 01:50:31');
  });
});
