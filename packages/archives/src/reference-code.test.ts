import { describe, expect, it } from 'vitest';
import {
  formatReferenceCode,
  nextReferenceCode,
  parseReferenceCode,
  referenceCode,
  retentionExpiry,
} from './reference-code.js';

describe('DA/T 22 reference codes (档号)', () => {
  it('reads the example structure of DA/T 22-2015', () => {
    expect(parseReferenceCode('Z109-WS·2011-Y-BGS-0001')).toEqual({
      ok: true,
      parts: {
        fonds: 'Z109',
        category: 'WS',
        year: 2011,
        retention: 'permanent',
        organisation: 'BGS',
        item: 1,
      },
    });
  });

  it('accepts a code without the organisation level', () => {
    expect(parseReferenceCode('X007-ZP·2023-D10-0042')).toMatchObject({
      ok: true,
      parts: { retention: 'years10', item: 42 },
    });
  });

  it.each([
    ['Z109-WS.2011-Y-BGS-0001', '门类代码·年度'],
    ['Z109-WS·2011-D20-BGS-0001', '保管期限代码'],
    ['Z109-WS·2011-Y-BGS-1', '件号应为四位数字'],
    ['z109-WS·2011-Y-BGS-0001', '全宗号'],
    ['Z109-WS·2011-Y-BGS-0000', '件号从 0001 起编'],
  ])('refuses %s, saying what is wrong (%s)', (code, problem) => {
    const check = parseReferenceCode(code);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.join('；')).toContain(problem);
  });

  it('formats parts with a zero-padded item number, and the result parses back', () => {
    const code = formatReferenceCode({
      fonds: 'X007',
      category: 'WS',
      year: 2024,
      retention: 'years30',
      organisation: 'JWH',
      item: 7,
    });
    expect(code).toBe('X007-WS·2024-D30-JWH-0007');
    expect(referenceCode.safeParse(code).success).toBe(true);
  });

  it('numbers the next item one past the highest in the same series, ignoring other series', () => {
    const existing = [
      'X007-WS·2024-Y-0001',
      'X007-WS·2024-Y-0003',
      'X007-WS·2024-D10-0009',
      'X008-WS·2024-Y-0020',
    ];
    expect(
      nextReferenceCode(existing, { fonds: 'X007', category: 'WS', year: 2024, retention: 'permanent' }),
    ).toBe('X007-WS·2024-Y-0004');
    expect(nextReferenceCode([], { fonds: 'X007', category: 'WS', year: 2025, retention: 'permanent' })).toBe(
      'X007-WS·2025-Y-0001',
    );
  });

  it('counts retention from 1 January of the following year; permanent never expires', () => {
    expect(retentionExpiry(2020, 'years10')).toBe('2031-01-01');
    expect(retentionExpiry(2020, 'years30')).toBe('2051-01-01');
    expect(retentionExpiry(2020, 'permanent')).toBeNull();
  });
});
