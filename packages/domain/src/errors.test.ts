import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { domainErrorMap, fieldErrorRecord, fieldErrors, formatIssueLines, parseInput } from './errors.js';
import { communitySnapshot } from './snapshot.js';

const base = { code: '370305111007', name: '象山社区', asOf: '2024-06-30' };

describe('fieldErrors', () => {
  it('names each problem by its dotted path, array indexes included', () => {
    const result = communitySnapshot.safeParse({
      ...base,
      facility: { totalArea: -1 },
      residentGroups: [{ households: 1 }, { households: 2 }, { households: -2 }],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual([
        { path: 'facility.totalArea', message: '应为非负数（平方米）' },
        { path: 'residentGroups.2.households', message: '应为非负整数' },
      ]);
    }
  });

  it('reports each unknown field on its own path', () => {
    const result = communitySnapshot.safeParse({ ...base, colour: 1, size: 2 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual([
        { path: 'colour', message: '不允许的字段：colour' },
        { path: 'size', message: '不允许的字段：size' },
      ]);
      expect(fieldErrorRecord(result.error)).toEqual({
        colour: ['不允许的字段：colour'],
        size: ['不允许的字段：size'],
      });
    }
  });
});

describe('formatIssueLines', () => {
  it('prints `path: message` lines for a CLI, in the order of the schema’s fields', () => {
    const result = communitySnapshot.safeParse(
      { ...base, households: -1, townSeat: 'yes' },
      { error: domainErrorMap },
    );
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatIssueLines(result.error)).toEqual([
        'townSeat: 应为布尔值（true 或 false）',
        'households: 应为非负整数',
      ]);
    }
  });

  it('prints a problem with the input as a whole without a path', () => {
    const result = communitySnapshot.safeParse(42, { error: domainErrorMap });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatIssueLines(result.error)).toEqual(['应为对象']);
  });
});

describe('parseInput', () => {
  it('returns the parsed data on success', () => {
    expect(parseInput(communitySnapshot, { ...base, households: 10 })).toEqual({
      success: true,
      data: { ...base, households: 10 },
    });
  });

  it('puts zod’s untranslated problems into Chinese without touching global configuration', () => {
    const result = parseInput(communitySnapshot, {
      code: '370305111007',
      asOf: '2024-06-30',
      setting: 'suburban',
    });
    expect(result).toEqual({
      success: false,
      issues: [
        { path: 'name', message: '必填' },
        { path: 'setting', message: '应为以下之一：urban、rural' },
      ],
    });
    // The same schema parsed without the map still speaks zod's default language: nothing global changed.
    const plain = communitySnapshot.safeParse({ code: '370305111007', asOf: '2024-06-30' });
    if (!plain.success) expect(plain.error.issues[0]?.message).not.toBe('必填');
  });

  it('keeps the first alternative’s problems of a failed union, on full paths', () => {
    const schema = z.strictObject({
      contact: z.union([
        z.strictObject({ mobile: z.string().min(11) }),
        z.strictObject({ email: z.email() }),
      ]),
    });
    const result = parseInput(schema, { contact: { mobile: '123' } });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.path).toBe('contact.mobile');
  });
});
