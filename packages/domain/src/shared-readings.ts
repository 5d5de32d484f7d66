/**
 * Readings of ambiguous wording that more than one package applies: the policy packs check the
 * snapshot with them and the register rules of `@shequ/people` check the registers, and a caller's one
 * `readings: { [id]: 'alternative' }` must switch both, so the question and its two answers are
 * written once, here (packages/policy/INTERPRETATIONS.md explains each).
 */

/**
 * Ezhou 第七条（二）: "一般情况下，居民小组、网格站、物业服务区域应尽可能重合，居民小组长可同时兼任网格站长和
 * 业主委员会主任". 重合 is the word for figures that cover each other exactly, and the clause after it lets
 * one person lead the group, the grid station and the owners' committee at once, so the chosen reading
 * is the same boundaries, one to one. The alternative reads 重合 as fitting together without crossing
 * (嵌套): 第七条（一） has one 网格长 run "若干个网格站" and groups are sized by households or by 物业区域
 * (300—500户), which suits a grid made of whole groups, or a property area inside a grid, as well.
 */
export const ezhouUnitsCoincide = {
  id: 'ezhou.units-coincide',
  name: '第七条（二）“居民小组、网格站、物业服务区域应尽可能重合”：“重合”指边界相同，还是互不跨越',
  chosen: '边界相同：每个网格恰与一个户数相同的居民小组、一个楼栋相同的物业服务区域一一对应',
  alternative:
    '互相嵌套、互不跨越：每个居民小组只在一个网格内，网格由整个的居民小组组成（户数合计相同）；物业服务区域与网格不跨越彼此的边界（区域在一个网格内，或网格在一个区域内）',
} as const;

/** Which answer to `ezhouUnitsCoincide` applies: `chosen` (the same boundaries) or `alternative` (nesting). */
export type UnitsCoincideReading = 'chosen' | 'alternative';

/** A grid's households (undefined where unknown) and the households of each resident group lying in it. */
export interface GridWithGroups {
  households?: number | undefined;
  groups: readonly number[];
}

/** Whether a grid coincides with its resident groups, and why not (zh-CN) where it does not. */
export type GridVerdict = { coincides: true } | { coincides: false; reason: string };

/**
 * Ezhou 第七条（二） (鄂州市城市社区工作规则（试行）, in force 2019-12-02), one grid against its resident
 * groups under `reading` of `ezhouUnitsCoincide`: by the chosen reading the grid holds exactly one group
 * with the grid's households; by the alternative it is made of whole groups, one or more, whose households
 * add up to the grid's. Households are whole numbers, compared exactly.
 */
export function gridCoincidesWithGroups(grid: GridWithGroups, reading: UnitsCoincideReading): GridVerdict {
  const nested = reading === 'alternative';
  if (grid.groups.length === 0) return { coincides: false, reason: '网格内没有居民小组' };
  if (!nested && grid.groups.length > 1)
    return { coincides: false, reason: `网格内有${grid.groups.length}个居民小组，应只有一个` };
  if (grid.households === undefined) return { coincides: false, reason: '网格户数未知' };
  const inGroups = grid.groups.reduce((sum, h) => sum + h, 0);
  if (inGroups !== grid.households)
    return {
      coincides: false,
      reason: nested
        ? `网格${grid.households}户，其中居民小组合计${inGroups}户`
        : `网格${grid.households}户，居民小组${inGroups}户`,
    };
  return { coincides: true };
}

/** How a property-service area's buildings lie against a grid's. */
export type AreaAndGrid = 'same' | 'area-in-grid' | 'grid-in-area' | 'apart' | 'straddling';

/**
 * An area's buildings against a grid's, each given by keys that name a building once (ids, or positions
 * in a list): the same set, one inside the other, no building shared, or sharing some while neither holds
 * all of the other's. An area or grid with no building shares nothing, so is `apart`.
 */
export function areaAndGrid<K>(area: readonly K[], grid: readonly K[]): AreaAndGrid {
  const inGrid = new Set(grid);
  const inArea = new Set(area);
  const shared = [...inArea].filter((k) => inGrid.has(k)).length;
  if (shared === 0) return 'apart';
  if (shared === inArea.size && shared === inGrid.size) return 'same';
  if (shared === inArea.size) return 'area-in-grid';
  if (shared === inGrid.size) return 'grid-in-area';
  return 'straddling';
}

/**
 * Ezhou 第七条（二） (鄂州市城市社区工作规则（试行）, in force 2019-12-02), property-service areas against
 * grids, by their buildings, under `reading` of `ezhouUnitsCoincide`; the positions (in the lists given) of
 * the areas and grids that do not coincide. By the chosen reading each area has the same buildings as one
 * grid, so an area like no grid, and a grid like no area, are named. By the alternative an area and a grid
 * only must not straddle each other (where they share a building one holds all of the other's); an area with
 * no building cannot be placed and is named, a grid with no area crosses nothing.
 */
export function propertyAreasAndGridsApart<K>(
  areas: readonly (readonly K[])[],
  grids: readonly (readonly K[])[],
  reading: UnitsCoincideReading,
): { areas: number[]; grids: number[] } {
  const areasApart = new Set<number>();
  const gridsApart = new Set<number>();
  if (reading === 'alternative') {
    areas.forEach((area, a) => {
      if (area.length === 0) areasApart.add(a);
      grids.forEach((grid, g) => {
        if (areaAndGrid(area, grid) === 'straddling') {
          areasApart.add(a);
          gridsApart.add(g);
        }
      });
    });
  } else {
    const matched = new Set<number>();
    areas.forEach((area, a) => {
      const g = grids.findIndex((grid) => areaAndGrid(area, grid) === 'same');
      if (g < 0) areasApart.add(a);
      else matched.add(g);
    });
    grids.forEach((_, g) => {
      if (!matched.has(g)) gridsApart.add(g);
    });
  }
  const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);
  return { areas: sorted(areasApart), grids: sorted(gridsApart) };
}
