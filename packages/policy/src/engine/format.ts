/** zh-CN formatting of figures in `expected` / `actual`, shared by packs so results read alike. */

const smallIntegers: string[] = [];

/** A number with at most two decimals, no trailing zeros: 900.3, 1000. */
export function num(n: number): string {
  // Counts and areas are mostly small integers; converting numbers to strings is the costly part of a result.
  if (Number.isInteger(n) && n >= 0 && n < 4096) {
    const cached = smallIntegers[n];
    if (cached !== undefined) return cached;
    const text = String(n);
    smallIntegers[n] = text;
    return text;
  }
  return String(Math.round(n * 100) / 100);
}

/** A share 0–1 as a percentage: 0.6 → "60%". */
export function percent(share: number): string {
  return `${num(share * 100)}%`;
}

export const area = (m2: number) => `${num(m2)}平方米`;
export const yuan = (cny: number) => `${num(cny)}元`;
export const people = (n: number) => `${num(n)}人`;
export const households = (n: number) => `${num(n)}户`;

/** The formatters under one name: `fmt.area(1000)` → "1000平方米". */
export const fmt = {
  num,
  percent,
  area,
  yuan,
  people,
  households,
} as const;
