/**
 * Households per grid and how grids, resident groups and property-service areas coincide (Ezhou
 * 第七条（二）: 居民小组、网格站、物业服务区域应尽可能重合). A grid's households are counted from the
 * buildings in it, beside the number entered on the grid; the organisation page shows both, so a
 * disagreement is seen. A property area and a grid coincide when they hold the same buildings.
 */
import type { FieldIssue } from '@shequ/domain';
import { citations, type GoverningOptions } from './citations.js';
import type { CommunityRegisters, PropertyArea } from './registers.js';
import { governedBase, type RegisterFinding } from './rules.js';

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
 * property-service areas are checked by `propertyAreasAndGridsCoincide`.
 */
export function groupsAndGridsCoincide(registers: CommunityRegisters): RegisterFinding;
/** With `governs`: `undefined` where Ezhou 第七条（二） does not govern the community (no 本系统规则 asks it). */
export function groupsAndGridsCoincide(
  registers: CommunityRegisters,
  options: GoverningOptions,
): RegisterFinding | undefined;
export function groupsAndGridsCoincide(
  registers: CommunityRegisters,
  options: GoverningOptions = {},
): RegisterFinding | undefined {
  const base = governedBase(
    {
      rule: 'groups-and-grids-coincide',
      title: '居民小组与网格尽可能重合',
      citations: [citations.ezhouResidentGroups],
      binding: 'guidance',
    },
    options,
  );
  if (!base) return undefined;
  if (registers.grids.length === 0 || registers.residentGroups.length === 0)
    return { ...base, status: 'unknown', subjects: [], detail: '未登记网格或居民小组' };
  const apart = householdsPerGrid(registers).filter((g) => {
    const households = g.buildings > 0 ? g.inBuildings : g.entered;
    return g.groups.length !== 1 || households === undefined || households !== g.inGroups;
  });
  const outside = registers.residentGroups.filter((r) => !registers.grids.some((g) => g.id === r.gridId));
  const subjects = [...apart.map((g) => g.name), ...outside.map((r) => r.name)];
  const areas = (registers.propertyAreas ?? []).length > 0 ? '' : '；物业服务区域未登记';
  return {
    ...base,
    status: subjects.length === 0 ? 'pass' : 'warn',
    subjects,
    detail:
      subjects.length === 0
        ? `网格${registers.grids.length}个，各与一个居民小组重合（户数一致）${areas}`
        : `未重合：${subjects.join('、')}（每个网格宜只含一个户数相同的居民小组）${areas}`,
  };
}

export interface PropertyAreaOverlap {
  propertyAreaId: string;
  name: string;
  /** The buildings that name the area, and their households added up. */
  buildings: string[];
  inBuildings: number;
  /** The grid holding exactly the area's buildings, where one does. */
  grid?: { id: string; name: string };
  /**
   * 兼任: the leader of a resident group in the area's grids who is also the area's owners' committee
   * chair (the same name). Ezhou 第七条（二） allows it (可同时兼任); it is shown, never required.
   */
  concurrentChair?: { group: string; name: string };
}

/** Each property-service area's buildings, the grid it coincides with, and a group leader chairing its owners' committee. */
export function propertyAreaOverlap(
  registers: Pick<CommunityRegisters, 'grids' | 'buildings' | 'residentGroups' | 'propertyAreas'>,
): PropertyAreaOverlap[] {
  const buildingIds = (has: (b: CommunityRegisters['buildings'][number]) => boolean) =>
    new Set(registers.buildings.filter(has).map((b) => b.id));
  const same = (a: Set<string>, b: Set<string>) =>
    a.size > 0 && a.size === b.size && [...a].every((id) => b.has(id));
  return (registers.propertyAreas ?? []).map((area) => {
    const inArea = registers.buildings.filter((b) => b.propertyAreaId === area.id);
    const ids = new Set(inArea.map((b) => b.id));
    const grid = registers.grids.find((g) =>
      same(
        ids,
        buildingIds((b) => b.gridId === g.id),
      ),
    );
    const gridIds = new Set(inArea.flatMap((b) => (b.gridId === undefined ? [] : [b.gridId])));
    const chair = area.ownersCommitteeChairName;
    const group =
      chair === undefined
        ? undefined
        : registers.residentGroups.find(
            (r) => r.gridId !== undefined && gridIds.has(r.gridId) && r.leaderName === chair,
          );
    return {
      propertyAreaId: area.id,
      name: area.name,
      buildings: inArea.map((b) => b.name),
      inBuildings: inArea.reduce((sum, b) => sum + b.households, 0),
      ...(grid ? { grid: { id: grid.id, name: grid.name } } : {}),
      ...(group && chair !== undefined ? { concurrentChair: { group: group.name, name: chair } } : {}),
    };
  });
}

/**
 * Ezhou 第七条（二）, guidance (尽可能): each property-service area coincides with a grid — the buildings
 * that name the area are exactly the buildings in the grid. An area that coincides with no grid, or a
 * grid with no area, is a warning with its name, never a refusal. Where a resident group's leader also
 * chairs the area's owners' committee the detail says so (the same article allows it; it is not required).
 */
export function propertyAreasAndGridsCoincide(registers: CommunityRegisters): RegisterFinding;
/** With `governs`: `undefined` where Ezhou 第七条（二） does not govern the community (no 本系统规则 asks it). */
export function propertyAreasAndGridsCoincide(
  registers: CommunityRegisters,
  options: GoverningOptions,
): RegisterFinding | undefined;
export function propertyAreasAndGridsCoincide(
  registers: CommunityRegisters,
  options: GoverningOptions = {},
): RegisterFinding | undefined {
  const base = governedBase(
    {
      rule: 'property-areas-and-grids-coincide',
      title: '物业服务区域与网格尽可能重合',
      citations: [citations.ezhouResidentGroups],
      binding: 'guidance',
    },
    options,
  );
  if (!base) return undefined;
  const areas = registers.propertyAreas ?? [];
  if (areas.length === 0 || registers.grids.length === 0)
    return {
      ...base,
      status: 'unknown',
      subjects: [],
      detail: areas.length === 0 ? '未登记物业服务区域' : '未登记网格',
    };
  const overlap = propertyAreaOverlap(registers);
  const matched = new Set(overlap.flatMap((o) => (o.grid ? [o.grid.id] : [])));
  const subjects = [
    ...overlap.filter((o) => !o.grid).map((o) => o.name),
    ...registers.grids.filter((g) => !matched.has(g.id)).map((g) => g.name),
  ];
  const concurrent = overlap.flatMap((o) =>
    o.concurrentChair
      ? [`${o.concurrentChair.group}组长${o.concurrentChair.name}兼任${o.name}业主委员会主任`]
      : [],
  );
  const verdict =
    subjects.length === 0
      ? `物业服务区域${areas.length}个，各与一个网格重合（楼栋相同）`
      : `未重合：${subjects.join('、')}（物业服务区域与网格宜包含相同的楼栋）`;
  return {
    ...base,
    citations:
      concurrent.length > 0 ? [...base.citations, citations.ezhouGroupLeaderConcurrentPosts] : base.citations,
    status: subjects.length === 0 ? 'pass' : 'warn',
    subjects,
    detail: concurrent.length > 0 ? `${verdict}；${concurrent.join('；')}` : verdict,
  };
}

/** The property-service area a sheet names (a name is unique in a community). */
export function propertyAreaNamed(
  registers: Pick<CommunityRegisters, 'propertyAreas'>,
  name: string,
): PropertyArea | undefined {
  return (registers.propertyAreas ?? []).find((a) => a.name === name);
}

/**
 * The links a new building or resident group names that its community does not have: its grid, and a
 * building's property-service area. Field paths are the unit's own (`gridId`, `propertyAreaId`).
 */
export function unitLinkProblems(
  registers: Pick<CommunityRegisters, 'grids' | 'propertyAreas'>,
  unit: { gridId?: string | undefined; propertyAreaId?: string | undefined },
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (unit.gridId !== undefined && !registers.grids.some((g) => g.id === unit.gridId))
    problems.push({ path: 'gridId', message: '本社区没有这个网格' });
  if (
    unit.propertyAreaId !== undefined &&
    !(registers.propertyAreas ?? []).some((a) => a.id === unit.propertyAreaId)
  )
    problems.push({ path: 'propertyAreaId', message: '本社区没有这个物业服务区域' });
  return problems;
}
