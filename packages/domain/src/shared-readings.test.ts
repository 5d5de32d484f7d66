import { describe, expect, it } from 'vitest';
import { areaAndGrid, gridCoincidesWithGroups, propertyAreasAndGridsApart } from './shared-readings.js';

describe('第七条（二） a grid and its resident groups, read both ways (ezhou.units-coincide)', () => {
  it('one group with the grid’s households coincides either way', () => {
    expect(gridCoincidesWithGroups({ households: 420, groups: [420] }, 'chosen')).toEqual({
      coincides: true,
    });
    expect(gridCoincidesWithGroups({ households: 420, groups: [420] }, 'alternative')).toEqual({
      coincides: true,
    });
  });
  it('whole groups adding up to the grid coincide only by nesting', () => {
    const grid = { households: 420, groups: [200, 220] };
    expect(gridCoincidesWithGroups(grid, 'chosen')).toEqual({
      coincides: false,
      reason: '网格内有2个居民小组，应只有一个',
    });
    expect(gridCoincidesWithGroups(grid, 'alternative')).toEqual({ coincides: true });
  });
  it('households off by one, unknown, or no group at all do not coincide either way', () => {
    for (const reading of ['chosen', 'alternative'] as const) {
      expect(gridCoincidesWithGroups({ households: 421, groups: [421 - 1] }, reading).coincides).toBe(false);
      expect(gridCoincidesWithGroups({ groups: [300] }, reading)).toEqual({
        coincides: false,
        reason: '网格户数未知',
      });
      expect(gridCoincidesWithGroups({ households: 0, groups: [] }, reading)).toEqual({
        coincides: false,
        reason: '网格内没有居民小组',
      });
    }
    expect(gridCoincidesWithGroups({ households: 421, groups: [200, 220] }, 'alternative')).toEqual({
      coincides: false,
      reason: '网格421户，其中居民小组合计420户',
    });
  });
});

describe('第七条（二） property-service areas and grids, read both ways (ezhou.units-coincide)', () => {
  it('places an area against a grid by their buildings', () => {
    expect(areaAndGrid([1, 2], [2, 1])).toBe('same');
    expect(areaAndGrid([1], [1, 2])).toBe('area-in-grid');
    expect(areaAndGrid([1, 2, 3], [3])).toBe('grid-in-area');
    expect(areaAndGrid([1, 2], [3])).toBe('apart');
    expect(areaAndGrid([1, 2], [2, 3])).toBe('straddling');
    expect(areaAndGrid([], [1])).toBe('apart');
  });
  it('areas with the same buildings as the grids coincide either way', () => {
    const grids = [['a', 'b'], ['c']];
    const areas = [['c'], ['b', 'a']];
    expect(propertyAreasAndGridsApart(areas, grids, 'chosen')).toEqual({ areas: [], grids: [] });
    expect(propertyAreasAndGridsApart(areas, grids, 'alternative')).toEqual({ areas: [], grids: [] });
  });
  it('an area inside a grid, and a grid without an area, coincide only by nesting', () => {
    const grids = [
      ['a', 'b'],
      ['c', 'd', 'e'],
    ];
    // The first area lies in the first grid; the second holds the whole second grid; nothing lies in the
    // first grid's other building.
    const areas = [['a'], ['c', 'd', 'e']];
    expect(propertyAreasAndGridsApart(areas, grids, 'chosen')).toEqual({ areas: [0], grids: [0] });
    expect(propertyAreasAndGridsApart(areas, grids, 'alternative')).toEqual({ areas: [], grids: [] });
    const gridInArea = [['a', 'b', 'c', 'd', 'e']];
    expect(propertyAreasAndGridsApart(gridInArea, grids, 'alternative')).toEqual({ areas: [], grids: [] });
    expect(propertyAreasAndGridsApart(gridInArea, grids, 'chosen')).toEqual({ areas: [0], grids: [0, 1] });
  });
  it('an area across two grids, or with no building, does not coincide either way', () => {
    const grids = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    const across = [['b', 'c'], []];
    for (const reading of ['chosen', 'alternative'] as const)
      expect(propertyAreasAndGridsApart(across, grids, reading).areas).toEqual([0, 1]);
    expect(propertyAreasAndGridsApart(across, grids, 'alternative').grids).toEqual([0, 1]);
  });
});
