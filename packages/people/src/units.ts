/**
 * Households per grid and how grids and resident groups coincide (Ezhou 第七条（二）: 居民小组、网格站、
 * 物业服务区域应尽可能重合). A grid's households are counted from the buildings in it, beside the
 * number entered on the grid; the organisation page shows both, so a disagreement is seen.
 */
import { citations } from './citations.js';
import type { CommunityRegisters } from './registers.js';
import type { RegisterFinding } from './rules.js';

export interface GridHouseholds {
  gridId: string;
  name: string;
  /** Households as entered on the grid, where entered. */
  entered?: number;
  /** The sum of the households of the buildings in the grid, and how many buildings there are. */
  inBuildings: number;
  buildings: number;
  /** The sum of the households of the resident groups in the grid, and their names. */
  inGroups: number;
  groups: string[];
}

export function householdsPerGrid(
  registers: Pick<CommunityRegisters, 'grids' | 'buildings' | 'residentGroups'>,
): GridHouseholds[] {
  return registers.grids.map((g) => {
    const buildings = registers.buildings.filter((b) => b.gridId === g.id);
    const groups = registers.residentGroups.filter((r) => r.gridId === g.id);
    return {
      gridId: g.id,
      name: g.name,
      ...(g.households === undefined ? {} : { entered: g.households }),
      inBuildings: buildings.reduce((sum, b) => sum + b.households, 0),
      buildings: buildings.length,
      inGroups: groups.reduce((sum, r) => sum + r.households, 0),
      groups: groups.map((r) => r.name),
    };
  });
}

/**
 * Ezhou 第七条（二）, guidance (尽可能): each grid coincides with one resident group — the group lies in
 * the grid alone and has the grid's households (counted from its buildings where any are registered,
 * else as entered). A grid that does not, or a group in no grid, is a warning, never a refusal. The
 * property-service areas are not registered, so their overlap is not checked.
 */
export function groupsAndGridsCoincide(registers: CommunityRegisters): RegisterFinding {
  const base = {
    rule: 'groups-and-grids-coincide',
    title: '居民小组与网格尽可能重合',
    citations: [citations.ezhouResidentGroups],
    binding: 'guidance' as const,
  };
  if (registers.grids.length === 0 || registers.residentGroups.length === 0)
    return { ...base, status: 'unknown', subjects: [], detail: '未登记网格或居民小组' };
  const apart = householdsPerGrid(registers).filter((g) => {
    const households = g.buildings > 0 ? g.inBuildings : g.entered;
    return g.groups.length !== 1 || households === undefined || households !== g.inGroups;
  });
  const outside = registers.residentGroups.filter((r) => !registers.grids.some((g) => g.id === r.gridId));
  const subjects = [...apart.map((g) => g.name), ...outside.map((r) => r.name)];
  return {
    ...base,
    status: subjects.length === 0 ? 'pass' : 'warn',
    subjects,
    detail:
      subjects.length === 0
        ? `网格${registers.grids.length}个，各与一个居民小组重合（户数一致）；物业服务区域未登记`
        : `未重合：${subjects.join('、')}（每个网格宜只含一个户数相同的居民小组）；物业服务区域未登记`,
  };
}
