/**
 * Archival reference codes (档号) in the structure of DA/T 22-2015《归档文件整理规则》:
 *
 *   全宗号-档案门类代码·年度-保管期限代码-机构（问题）代码-件号      e.g. `Z109-WS·2011-Y-BGS-0001`
 *
 * Codes of different levels are joined by "-", codes of one level by "·"; retention is `Y`
 * (永久), `D30` (定期30年) or `D10` (定期10年); the item number has four digits, zero-padded.
 *
 * Interpretations, written down because the standard leaves them to the archive:
 * - 机构（问题）代码 is optional: a community that does not sort its items by organisation or
 *   subject omits that level (`Z109-WS·2011-Y-0001`), as DA/T 22 allows classification without it.
 * - 全宗号 is assigned by the receiving archive; its length varies between archives, so 1–10
 *   upper-case letters or digits are accepted.
 * - Retention runs from 1 January of the year after the item's year (the usual practice for
 *   文书档案): an item of 2020 kept 10 years falls due for appraisal on 2031-01-01.
 */
import { z } from 'zod';
import { type RetentionPeriod, retentionPeriods } from './labels.js';

// The values and their labels live in `labels.ts` (zod-free, for the console); re-exported here.
export { categoryLabels, type RetentionPeriod, retentionLabels, retentionPeriods } from './labels.js';

export const retentionCodes: Record<RetentionPeriod, string> = {
  permanent: 'Y',
  years30: 'D30',
  years10: 'D10',
};
const retentionYears: Record<RetentionPeriod, number | null> = { permanent: null, years30: 30, years10: 10 };

export interface ReferenceCodeParts {
  fonds: string;
  category: string;
  year: number;
  retention: RetentionPeriod;
  organisation?: string;
  item: number;
}

const PATTERN =
  /^(?<fonds>[A-Z0-9]{1,10})-(?<category>[A-Z]{2})·(?<year>\d{4})-(?<retention>Y|D30|D10)(?:-(?<organisation>[A-Z0-9]{1,6}))?-(?<item>\d{4})$/;

export type ReferenceCodeCheck = { ok: true; parts: ReferenceCodeParts } | { ok: false; problems: string[] };

/** Checks a reference code and says, in Chinese, what is wrong with each part. */
export function parseReferenceCode(code: string): ReferenceCodeCheck {
  const match = PATTERN.exec(code);
  if (match?.groups) {
    const { fonds, category, year, retention, organisation, item } = match.groups as Record<string, string>;
    const problems: string[] = [];
    const itemNumber = Number(item);
    if (itemNumber === 0) problems.push('件号从 0001 起编');
    const yearNumber = Number(year);
    if (yearNumber < 1949) problems.push(`年度 ${year} 早于 1949 年`);
    if (problems.length > 0) return { ok: false, problems };
    const retentionPeriod = retentionPeriods.find(
      (period) => retentionCodes[period] === retention,
    ) as RetentionPeriod;
    return {
      ok: true,
      parts: {
        fonds: fonds as string,
        category: category as string,
        year: yearNumber,
        retention: retentionPeriod,
        ...(organisation ? { organisation } : {}),
        item: itemNumber,
      },
    };
  }
  return { ok: false, problems: diagnose(code) };
}

function diagnose(code: string): string[] {
  const [fondsAndNothing, ...rest] = code.split('-');
  const problems: string[] = [];
  if (!/^[A-Z0-9]{1,10}$/.test(fondsAndNothing ?? '')) problems.push('全宗号应为 1–10 位大写字母或数字');
  const categoryYear = rest[0] ?? '';
  if (!/^[A-Z]{2}·\d{4}$/.test(categoryYear)) {
    problems.push('第二级应为“档案门类代码·年度”，如 WS·2023（门类代码两位大写字母，用“·”连接四位年度）');
  }
  if (!/^(Y|D30|D10)$/.test(rest[1] ?? ''))
    problems.push('保管期限代码应为 Y（永久）、D30（定期30年）或 D10（定期10年）');
  const last = rest[rest.length - 1] ?? '';
  if (!/^\d{4}$/.test(last)) problems.push('件号应为四位数字，不足四位前面补 0，如 0001');
  if (rest.length === 4 && !/^[A-Z0-9]{1,6}$/.test(rest[2] ?? ''))
    problems.push('机构（问题）代码应为 1–6 位大写字母或数字');
  if (rest.length < 3 || rest.length > 4)
    problems.push('档号应为“全宗号-门类代码·年度-保管期限-[机构（问题）代码-]件号”');
  return problems.length > 0 ? problems : ['档号格式不正确'];
}

/**
 * What every reference code of a series starts with, up to its item number: the numbers already used in a
 * series are found by this prefix (the retention in a code stays as filed when an appraisal changes it).
 */
export function referenceCodeSeriesPrefix(series: Omit<ReferenceCodeParts, 'item'>): string {
  return `${[
    series.fonds,
    `${series.category}·${series.year}`,
    retentionCodes[series.retention],
    ...(series.organisation ? [series.organisation] : []),
  ].join('-')}-`;
}

export function formatReferenceCode(parts: ReferenceCodeParts): string {
  const code = `${referenceCodeSeriesPrefix(parts)}${String(parts.item).padStart(4, '0')}`;
  const check = parseReferenceCode(code);
  if (!check.ok) throw new RangeError(`无法生成档号 ${code}：${check.problems.join('；')}`);
  return code;
}

/** A zod schema for a reference code, with the problems as its error message. */
export const referenceCode = z.string().superRefine((code, context) => {
  const check = parseReferenceCode(code);
  if (!check.ok)
    for (const problem of check.problems)
      context.addIssue({ code: 'custom', message: `档号 ${code}: ${problem}` });
});

/**
 * The next reference code in a series (same fonds, category, year, retention and organisation):
 * one past the highest item number already used, so numbers are never reused after a
 * destruction. Uniqueness per fonds is finally the database's job (a unique index on the code).
 */
export function nextReferenceCode(
  existing: Iterable<string>,
  series: Omit<ReferenceCodeParts, 'item'>,
): string {
  let highest = 0;
  for (const code of existing) {
    const check = parseReferenceCode(code);
    if (!check.ok) continue;
    const { item, ...parts } = check.parts;
    if (
      parts.fonds === series.fonds &&
      parts.category === series.category &&
      parts.year === series.year &&
      parts.retention === series.retention &&
      (parts.organisation ?? '') === (series.organisation ?? '')
    ) {
      highest = Math.max(highest, item);
    }
  }
  if (highest >= 9999) throw new RangeError('该序列的件号已用到 9999，无法再编');
  return formatReferenceCode({ ...series, item: highest + 1 });
}

/**
 * The first day on which the item may be appraised for destruction, ISO `YYYY-MM-DD`, or null
 * for permanent retention.
 */
export function retentionExpiry(year: number, retention: RetentionPeriod): string | null {
  const years = retentionYears[retention];
  return years === null ? null : `${year + 1 + years}-01-01`;
}
