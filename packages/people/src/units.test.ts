import { describe, expect, it } from 'vitest';
import { demoRegisters } from './demo.js';
import { groupsAndGridsCoincide, householdsPerGrid } from './units.js';

const [xiangshan] = demoRegisters();
if (!xiangshan) throw new Error('demo registers missing');

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
});
