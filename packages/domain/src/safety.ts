/**
 * Reusable refinements for input at the system's edges (API, CLI, files): text that is safe to store
 * and to show, dates in a sensible range, integers that fit the database. Each refuses with a zh-CN
 * message saying what the field should be. PostgreSQL `text` cannot hold NUL; an `integer` column stops
 * at 2,147,483,647; `date` accepts neither year 0 nor JavaScript's +275760 — without these checks such
 * input reached the database and came back as a server error instead of a field message.
 */
import * as z from 'zod';

/** The largest value of a PostgreSQL `integer` (int4) column. */
export const INT4_MAX = 2_147_483_647;

/** Dates a record of community work may carry: documents, terms, loans, snapshots. */
export const DATE_RANGE = { from: '1900-01-01', to: '2100-12-31' } as const;

/** C0 and C1 control characters (tab and line breaks included: names and titles are one line). */
const CONTROL = /\p{Cc}/u;
/**
 * Bidirectional controls: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
 * marks U+200E, U+200F, U+061C. `报告\u202Efdp.exe` shows as `报告exe.pdf`: used to disguise file types.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/**
 * What does not show: spaces of every kind, format characters (zero-width space and joiners, BOM,
 * soft hyphen), combining marks on nothing, and the blank Hangul fillers and Braille blank.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Why `text` is not safe as a name, title or file name; undefined when it is. */
export function unsafeTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return '不能包含空字符（NUL）';
  if (CONTROL.test(text)) return '不能包含控制字符（如换行、制表符）';
  if (BIDI.test(text)) return '不能包含文字方向控制字符（如 U+202E）';
  if (text.replace(INVISIBLE, '') === '') return '不能只由空白或不可见字符组成';
  if (/\p{Cs}/u.test(text)) return '包含无效的字符编码';
  return undefined;
}

/**
 * A one-line name, title or file name: trimmed, 1 to `max` characters, no control characters, no bidi
 * controls, not only invisible characters. `field` names it in the messages (`题名不能为空`).
 */
export function safeText(field: string, max = 500) {
  return z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空`, abort: true })
    .max(max, { error: `${field}最多 ${max} 字` })
    .superRefine((text, context) => {
      const problem = unsafeTextProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: `${field}${problem}`, input: text });
    });
}

/**
 * Free text over several lines (notes, opinions): line breaks and tabs are allowed, other control
 * characters, NUL and bidi controls are not. May be empty.
 */
export function safeMultilineText(field: string, max = 2000) {
  return z
    .string()
    .trim()
    .max(max, { error: `${field}最多 ${max} 字` })
    .superRefine((text, context) => {
      const problem = text.includes('\u0000')
        ? '不能包含空字符（NUL）'
        : /[^\P{Cc}\t\n\r]/u.test(text)
          ? '不能包含控制字符'
          : BIDI.test(text)
            ? '不能包含文字方向控制字符（如 U+202E）'
            : undefined;
      if (problem) context.addIssue({ code: 'custom', message: `${field}${problem}`, input: text });
    });
}

/** Whether an ISO `YYYY-MM-DD` lies within `DATE_RANGE` (string order is date order in this form). */
export function isDateInRange(date: string): boolean {
  return date >= DATE_RANGE.from && date <= DATE_RANGE.to;
}

export const dateRangeMessage = `日期应在 ${DATE_RANGE.from.slice(0, 4)} 年至 ${DATE_RANGE.to.slice(0, 4)} 年之间`;

/**
 * Whether `value` is what `isoDate` accepts — an ISO `YYYY-MM-DD` that is a real Gregorian date
 * within `DATE_RANGE` — checked without zod, for code that must stay small (the policy engine in a
 * browser bundle). `safety.test.ts` holds it to the schema.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isDateInRange(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** An integer from `min` to `max` (default: what an int4 column holds), with one zh-CN message. */
export function boundedInt(options: { min?: number; max?: number; message?: string } = {}) {
  const min = options.min ?? 0;
  const max = options.max ?? INT4_MAX;
  const message = options.message ?? `应为 ${min} 到 ${max} 之间的整数`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/**
 * Where an input may carry something no schema should ever see, whatever the procedure: a NUL in any
 * string (PostgreSQL text cannot store it), a `__proto__` key (prototype pollution), nesting deeper than
 * any form. Returns the dotted path and the zh-CN problem, or undefined. Checked on raw input before
 * parsing, so every field of every procedure is covered at once.
 */
export function hostileInputProblem(
  value: unknown,
  path: string[] = [],
): { path: string; message: string } | undefined {
  if (path.length > 32) return { path: path.join('.'), message: '嵌套层级过深' };
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { path: path.join('.'), message: '不能包含空字符（NUL）' } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = hostileInputProblem(value[i], [...path, String(i)]);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key === '__proto__' || key.includes('\u0000'))
        return { path: [...path, key.replaceAll('\u0000', '\\0')].join('.'), message: '不允许的字段名' };
      const problem = hostileInputProblem((value as Record<string, unknown>)[key], [...path, key]);
      if (problem) return problem;
    }
  }
  return undefined;
}
