/**
 * Division codes as plain functions (levels, prefixes, containment), apart from the zod schemas of
 * `division.ts` so that code which only compares codes, such as the policy engine in a browser
 * bundle, does not carry zod.
 */
export const jurisdictionLevels = ['province', 'city', 'district', 'street', 'community'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];

/** Placeholder code of the city whose 2013 regulation (社区建设和治理条例) names no city, until that city is identified. */
export const UNIDENTIFIED_2013_CITY = '000013';

/**
 * The whole country (全国), the jurisdiction of national law. Its significant prefix is empty, so every
 * community lies within it; it is no division level of its own (`divisionLevel` leaves it undefined).
 * The same code as `COUNTRY_CODE`, the whole country as an account's jurisdiction.
 */
export const NATIONAL_CODE = '000000';

/** Significant prefix length of each level: a community belongs to every jurisdiction whose prefix starts its code. */
export const significantPrefixLength: Record<JurisdictionLevel, number> = {
  province: 2,
  city: 4,
  district: 6,
  street: 9,
  community: 12,
};

/**
 * The level a well-formed division code denotes, or `undefined` when the code is malformed.
 * Six-digit codes are read as GB/T 2260 does: `xx0000` a province, `xxxx00` a prefecture-level city.
 */
export function divisionLevel(code: string): JurisdictionLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code.length === 12) return code.slice(9) === '000' ? undefined : 'community';
  if (code.length === 9) return code.slice(6) === '000' ? undefined : 'street';
  if (code.length !== 6) return undefined;
  // The 2013 regulation's pack has no real division yet (docs/interfaces.md §1); it sits at city level.
  if (code === UNIDENTIFIED_2013_CITY) return 'city';
  if (code.startsWith('00')) return undefined;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/** The significant prefix of a jurisdiction code: `320000` → `32`, `370305111` → `370305111`. */
export function significantPrefix(code: string): string {
  if (code === NATIONAL_CODE) return '';
  const level = divisionLevel(code);
  if (!level) throw new Error(`不是有效的行政区划代码：${code}`);
  return code.slice(0, significantPrefixLength[level]);
}

/** Whether the community (or any division) `code` lies within the jurisdiction `ancestor` (itself included). */
export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(significantPrefix(ancestor));
}

/** The codes of every jurisdiction above `code`, province first (6-digit codes for the upper three levels). */
export function ancestorCodes(code: string): string[] {
  const level = divisionLevel(code);
  if (!level) return [];
  const out: string[] = [];
  if (level !== 'province') out.push(`${code.slice(0, 2)}0000`);
  if (level === 'district' || level === 'street' || level === 'community') {
    const city = `${code.slice(0, 4)}00`;
    if (city !== out[0]) out.push(city);
  }
  if (level === 'street' || level === 'community') out.push(code.slice(0, 6));
  if (level === 'community') out.push(code.slice(0, 9));
  return out;
}

export const levelNames: Record<JurisdictionLevel, string> = {
  province: '省',
  city: '市',
  district: '区（县）',
  street: '街道（乡镇）',
  community: '社区',
};
