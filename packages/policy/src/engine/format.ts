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

/**
 * `num(n)` followed by `unit`, the texts of small whole figures kept: a full result is mostly such
 * texts, and a country's communities repeat the same few hundred figures.
 */
function withUnit(unit: string): (n: number) => string {
  const texts: string[] = [];
  return (n) => {
    if (Number.isInteger(n) && n >= 0 && n < 4096) {
      const cached = texts[n];
      if (cached !== undefined) return cached;
      const text = `${num(n)}${unit}`;
      texts[n] = text;
      return text;
    }
    return `${num(n)}${unit}`;
  };
}

export const area = withUnit('平方米');
export const yuan = withUnit('元');
export const people = withUnit('人');
export const households = withUnit('户');

/** How many items a result names before it says “等N个”: a list of forty groups reads as none. */
export const LISTED_ITEMS = 3;

/**
 * The first `LISTED_ITEMS` texts of the items that match, joined with 、, then “等N个” when there are
 * more: “第1组120户、第2组120户、第3组120户等40个”. Builds only the texts it shows.
 */
export function listed<T>(
  items: readonly T[],
  matches: (item: T, index: number) => boolean,
  text: (item: T, index: number) => string,
): string {
  const shown: string[] = [];
  let count = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!matches(item, i)) continue;
    count++;
    if (shown.length < LISTED_ITEMS) shown.push(text(item, i));
  }
  return count > shown.length ? `${shown.join('、')}等${count}个` : shown.join('、');
}

/** The formatters under one name: `fmt.area(1000)` → "1000平方米". */
export const fmt = {
  num,
  listed,
  percent,
  area,
  yuan,
  people,
  households,
} as const;
