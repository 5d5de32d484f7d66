import { describe, expect, it } from 'vitest';
import { demoRegisters } from './demo.js';
import { groupsAndGridsCoincide, householdsPerGrid, propertyAreasAndGridsCoincide } from './units.js';

const [xiangshan, daxinggong] = demoRegisters();
if (!xiangshan || !daxinggong) throw new Error('demo registers missing');

describe('households per grid and the overlap of groups and grids (Ezhou 第七条（二）)', () => {
  it('counts each grid’s households from its buildings and groups, beside the number entered', () => {
    expect(householdsPerGrid(xiangshan)).toEqual([
      expect.objectContaining({
        name: '第一网格',
        entered: 420,
        inBuildings: 108,
        buildings: 2,
        inGroups: 420,
        groups: ['第一居民小组'],
      }),
      expect.objectContaining({
        name: '第二网格',
        entered: 380,
        inBuildings: 36,
        buildings: 1,
        inGroups: 380,
        groups: ['第二居民小组'],
      }),
    ]);
  });

  it('warns, as guidance, where a grid does not coincide with one resident group of its households', () => {
    const finding = groupsAndGridsCoincide(xiangshan);
    expect(finding).toMatchObject({
      binding: 'guidance',
      status: 'warn',
      subjects: ['第一网格', '第二网格'],
    });
    expect(finding.citations[0]?.article).toBe('第七条（二）');
    const withoutBuildings = { ...xiangshan, buildings: [] };
    expect(groupsAndGridsCoincide(withoutBuildings).status).toBe('pass');
    const twoGroups = {
      ...withoutBuildings,
      residentGroups: xiangshan.residentGroups.map((r) => ({
        ...r,
        gridId: `${xiangshan.communityCode}-g1`,
      })),
    };
    expect(groupsAndGridsCoincide(twoGroups).subjects).toEqual(['第一网格', '第二网格']);
    expect(groupsAndGridsCoincide({ ...xiangshan, residentGroups: [] }).status).toBe('unknown');
  });

  it('has property-service areas coincide with grids when they hold the same buildings, as guidance', () => {
    // 象山花园 holds 2号楼 and 3号楼, across both grids: neither grid nor the area coincides.
    const apart = propertyAreasAndGridsCoincide(xiangshan);
    expect(apart).toMatchObject({
      binding: 'guidance',
      status: 'warn',
      subjects: ['象山花园', '第一网格', '第二网格'],
    });
    expect(apart.citations.map((c) => c.article)).toEqual(['第七条（二）']);
    expect(groupsAndGridsCoincide(xiangshan).detail).not.toContain('物业服务区域未登记');

    // Moved so the area holds exactly 第一网格's buildings (1号楼, 2号楼): only 第二网格 is left apart.
    const asGrid = {
      ...xiangshan,
      buildings: xiangshan.buildings.map((b) => {
        const { propertyAreaId: _area, ...rest } = b;
        return b.gridId === `${xiangshan.communityCode}-g1`
          ? { ...rest, propertyAreaId: `${xiangshan.communityCode}-pa1` }
          : rest;
      }),
    };
    expect(propertyAreasAndGridsCoincide(asGrid)).toMatchObject({ status: 'warn', subjects: ['第二网格'] });
    // One building of the grid outside the area, and the two no longer coincide.
    const short = {
      ...asGrid,
      grids: asGrid.grids.slice(0, 1),
      buildings: asGrid.buildings.map((b) => (b.name === '1号楼' ? { ...b, propertyAreaId: undefined } : b)),
    };
    expect(propertyAreasAndGridsCoincide({ ...asGrid, grids: short.grids }).status).toBe('pass');
    expect(propertyAreasAndGridsCoincide(short).subjects).toEqual(['象山花园', '第一网格']);
  });

  it('shows, never requires, a group leader chairing the owners’ committee (兼任)', () => {
    const together = propertyAreasAndGridsCoincide(daxinggong);
    expect(together).toMatchObject({ status: 'pass', subjects: [] });
    expect(together.detail).toContain('长江路居民小组组长孙桂英兼任大行宫小区业主委员会主任');
    expect(together.citations.at(-1)?.quote).toContain('居民小组长可同时兼任网格站长和业主委员会主任');
    const otherChair = {
      ...daxinggong,
      propertyAreas: daxinggong.propertyAreas?.map((a) => ({ ...a, ownersCommitteeChairName: '别人' })),
    };
    expect(propertyAreasAndGridsCoincide(otherChair)).toMatchObject({ status: 'pass' });
    expect(propertyAreasAndGridsCoincide(otherChair).detail).not.toContain('兼任');
  });

  it('says when no property-service area is registered', () => {
    const none = { ...xiangshan, propertyAreas: [] };
    expect(propertyAreasAndGridsCoincide(none)).toMatchObject({
      status: 'unknown',
      detail: '未登记物业服务区域',
    });
    expect(groupsAndGridsCoincide(none).detail).toContain('物业服务区域未登记');
  });
});
