import { describe, expect, it } from 'vitest';
import { boundedInt, hostileInputProblem, isIsoDate, isoDate, safeMultilineText, safeText } from './index.js';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('safeText', () => {
  const title = safeText('题名', 20);
  it('keeps ordinary names and titles, trimmed', () => {
    expect(title.parse('  象山社区2025年度工作台账 ')).toBe('象山社区2025年度工作台账');
    expect(title.parse('Zoë · 王芳（副主任）')).toBe('Zoë · 王芳（副主任）');
  });
  it('refuses NUL, control characters, bidi overrides and invisible-only text, naming the field', () => {
    expect(messages(title.safeParse('a\u0000b'))).toEqual(['题名不能包含空字符（NUL）']);
    expect(messages(title.safeParse('a\tb'))).toEqual(['题名不能包含控制字符（如换行、制表符）']);
    expect(messages(title.safeParse('通知\u202Etxt.exe'))).toEqual([
      '题名不能包含文字方向控制字符（如 U+202E）',
    ]);
    expect(messages(title.safeParse('\u2067x'))).toEqual(['题名不能包含文字方向控制字符（如 U+202E）']);
    expect(messages(title.safeParse('\u200B\u00AD\u3164'))).toEqual(['题名不能只由空白或不可见字符组成']);
    expect(messages(title.safeParse('   '))).toEqual(['题名不能为空']);
    expect(messages(title.safeParse('x'.repeat(21)))).toEqual(['题名最多 20 字']);
  });
  it('lets notes span lines but not carry NUL or bidi overrides', () => {
    const notes = safeMultilineText('备注');
    expect(notes.parse('第一行\n第二行\t备注')).toBe('第一行\n第二行\t备注');
    expect(messages(notes.safeParse('a\u0000'))).toEqual(['备注不能包含空字符（NUL）']);
    expect(messages(notes.safeParse('a\u202Eb'))).toEqual(['备注不能包含文字方向控制字符（如 U+202E）']);
  });
});

describe('bounded dates and integers', () => {
  it('refuses dates outside 1900–2100', () => {
    expect(isoDate.safeParse('2026-06-30').success).toBe(true);
    expect(isoDate.safeParse('1900-01-01').success).toBe(true);
    expect(messages(isoDate.safeParse('0000-01-01'))).toEqual(['日期应在 1900 年至 2100 年之间']);
    expect(messages(isoDate.safeParse('9999-12-31'))).toEqual(['日期应在 1900 年至 2100 年之间']);
  });
  it('checks dates without zod exactly as the isoDate schema does', () => {
    const candidates: unknown[] = [
      '2026-6-30',
      '2026-06-30T00:00',
      ' 2026-06-30',
      '２０２６-06-30',
      20260630,
      null,
    ];
    for (let year = 1899; year <= 2101; year++) {
      for (let month = 0; month <= 13; month++) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          candidates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        }
      }
    }
    for (const year of ['0000', '0400', '1600', '9999']) candidates.push(`${year}-02-29`);
    const differing = candidates.filter((value) => isIsoDate(value) !== isoDate.safeParse(value).success);
    expect(differing).toEqual([]);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
  });
  it('refuses integers an int4 column cannot hold', () => {
    const count = boundedInt();
    expect(count.parse(2_147_483_647)).toBe(2_147_483_647);
    expect(count.safeParse(1e15).success).toBe(false);
    expect(count.safeParse(-1).success).toBe(false);
    expect(count.safeParse(1.5).success).toBe(false);
  });
});

describe('hostileInputProblem', () => {
  it('finds a NUL anywhere and a __proto__ key, with its path', () => {
    expect(hostileInputProblem({ a: [{ b: 'x\u0000' }] })).toEqual({
      path: 'a.0.b',
      message: '不能包含空字符（NUL）',
    });
    expect(hostileInputProblem(JSON.parse('{"a": {"__proto__": {}}}'))).toEqual({
      path: 'a.__proto__',
      message: '不允许的字段名',
    });
    expect(hostileInputProblem({ title: '正常', n: 1, list: [true, null] })).toBeUndefined();
  });
});
