/**
 * Households per grid and how grids, resident groups and property-service areas coincide (Ezhou
 * 第七条（二）: 居民小组、网格站、物业服务区域应尽可能重合). A grid's households are counted from the
 * buildings in it, beside the number entered on the grid; the organisation page shows both, so a
 * disagreement is seen. What 重合 asks — the same boundaries, or units that do not straddle each other —
 * is the selectable reading `ezhou.units-coincide` (./readings.ts).
 */
import type { FieldIssue } from '@shequ/domain';
import { citations, type GoverningOptions } from './citations.js';
import { type AppliedInterpretation, applied, type ReadingOptions, unitsCoincide } from './readings.js';
import type { CommunityRegisters, PropertyArea } from './registers.js';
import { type FindingBase, governed, type RegisterFinding } from './rules.js';

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

/** The options of the coincidence rules: which documents govern, and which reading of 重合 applies. */
export type CoincideOptions = GoverningOptions & ReadingOptions;

/**
 * A guidance rule of Ezhou 第七条（二） on units that coincide: `evaluate` gets the finding's base with the
 * reading of 重合 (`ezhou.units-coincide`) it applied, and whether that reading is nesting (the alternative).
 */
function coincideRule(
  rule: string,
  title: string,
  evaluate: (finding: CoincideBase, nested: boolean, registers: CommunityRegisters) => RegisterFinding,
) {
  return governed<[registers: CommunityRegisters], CoincideOptions>(
    { rule, title, citations: [citations.ezhouResidentGroups], binding: 'guidance' },
    1,
    ({ base, options }, registers) => {
      const reading = applied(unitsCoincide, options);
      return evaluate({ ...base, interpretations: [reading] }, reading.reading === 'alternative', registers);
    },
  );
}
type CoincideBase = FindingBase & { interpretations: AppliedInterpretation[] };

/**
 * Ezhou 第七条（二）, guidance (尽可能): grids and resident groups coincide, a grid that does not (or a
 * group in no grid) being a warning, never a refusal. What 重合 asks is `ezhou.units-coincide`
 * (./readings.ts): by the chosen reading each grid holds exactly one resident group with the grid's
 * households; by the alternative a grid is made of whole groups — one or more, their households adding
 * up to the grid's. A grid's households are counted from its buildings where any are registered, else
 * as entered. (A group names one grid, so a group across two grids shows as a grid whose groups' households
 * do not add up.) The property-service areas are checked by `propertyAreasAndGridsCoincide`.
 * With `governs`: `undefined` where Ezhou 第七条（二） does not govern the community (no 本系统规则 asks it).
 */
export const groupsAndGridsCoincide = coincideRule(
  'groups-and-grids-coincide',
  '居民小组与网格尽可能重合',
  (finding, nested, registers): RegisterFinding => {
    if (registers.grids.length === 0 || registers.residentGroups.length === 0)
      return { ...finding, status: 'unknown', subjects: [], detail: '未登记网格或居民小组' };
    const apart = householdsPerGrid(registers).filter((g) => {
      const households = g.buildings > 0 ? g.inBuildings : g.entered;
      const groupsFit = nested ? g.groups.length > 0 : g.groups.length === 1;
      return !groupsFit || households === undefined || households !== g.inGroups;
    });
    const outside = registers.residentGroups.filter((r) => !registers.grids.some((g) => g.id === r.gridId));
    const subjects = [...apart.map((g) => g.name), ...outside.map((r) => r.name)];
    const areas = (registers.propertyAreas ?? []).length > 0 ? '' : '；物业服务区域未登记';
    const pass = nested
      ? `网格${registers.grids.length}个，各由整个的居民小组组成（户数合计一致）`
      : `网格${registers.grids.length}个，各与一个居民小组重合（户数一致）`;
    const hint = nested
      ? '每个居民小组宜只在一个网格内，网格宜由户数合计相同的整个居民小组组成'
      : '每个网格宜只含一个户数相同的居民小组';
    return {
      ...finding,
      status: subjects.length === 0 ? 'pass' : 'warn',
      subjects,
      detail: subjects.length === 0 ? `${pass}${areas}` : `未重合：${subjects.join('、')}（${hint}）${areas}`,
    };
  },
);

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
 * The areas and grids whose boundaries cross: an area and a grid sharing a building where neither holds
 * all of the other's buildings. An area with no building cannot be placed and is listed too.
 */
function straddling(registers: Pick<CommunityRegisters, 'grids' | 'buildings' | 'propertyAreas'>): {
  areas: string[];
  grids: string[];
} {
  const inGrid = new Map(
    registers.grids.map((g) => [
      g.id,
      new Set(registers.buildings.filter((b) => b.gridId === g.id).map((b) => b.id)),
    ]),
  );
  const within = (a: Set<string>, b: Set<string>) => [...a].every((id) => b.has(id));
  const areas = new Set<string>();
  const grids = new Set<string>();
  for (const area of registers.propertyAreas ?? []) {
    const ids = new Set(registers.buildings.filter((b) => b.propertyAreaId === area.id).map((b) => b.id));
    if (ids.size === 0) areas.add(area.id);
    for (const [gridId, gridIds] of inGrid) {
      const shared = [...ids].some((id) => gridIds.has(id));
      if (shared && !within(ids, gridIds) && !within(gridIds, ids)) {
        areas.add(area.id);
        grids.add(gridId);
      }
    }
  }
  return {
    areas: (registers.propertyAreas ?? []).filter((a) => areas.has(a.id)).map((a) => a.name),
    grids: registers.grids.filter((g) => grids.has(g.id)).map((g) => g.name),
  };
}

/**
 * Ezhou 第七条（二）, guidance (尽可能): property-service areas and grids coincide, counted by the
 * buildings that name each; a warning with the names of those that do not, never a refusal. By the
 * chosen reading of `ezhou.units-coincide` (./readings.ts) each area holds exactly the buildings of a
 * grid — an area that coincides with no grid, or a grid with no area, is named. By the alternative they
 * only must not straddle: where an area and a grid share a building, one holds all of the other's
 * (the area lies in the grid, or the grid in the area); a grid with no area crosses nothing. Where a
 * resident group's leader also chairs the area's owners' committee the detail says so (the same
 * article allows it; it is not required).
 * With `governs`: `undefined` where Ezhou 第七条（二） does not govern the community (no 本系统规则 asks it).
 */
export const propertyAreasAndGridsCoincide = coincideRule(
  'property-areas-and-grids-coincide',
  '物业服务区域与网格尽可能重合',
  (finding, nested, registers): RegisterFinding => {
    const areas = registers.propertyAreas ?? [];
    if (areas.length === 0 || registers.grids.length === 0)
      return {
        ...finding,
        status: 'unknown',
        subjects: [],
        detail: areas.length === 0 ? '未登记物业服务区域' : '未登记网格',
      };
    const overlap = propertyAreaOverlap(registers);
    const matched = new Set(overlap.flatMap((o) => (o.grid ? [o.grid.id] : [])));
    const crossing = straddling(registers);
    const subjects = nested
      ? [...crossing.areas, ...crossing.grids]
      : [
          ...overlap.filter((o) => !o.grid).map((o) => o.name),
          ...registers.grids.filter((g) => !matched.has(g.id)).map((g) => g.name),
        ];
    const concurrent = overlap.flatMap((o) =>
      o.concurrentChair
        ? [`${o.concurrentChair.group}组长${o.concurrentChair.name}兼任${o.name}业主委员会主任`]
        : [],
    );
    const verdict = nested
      ? subjects.length === 0
        ? `物业服务区域${areas.length}个，均与网格互不跨越（区域在一个网格内，或网格在一个区域内）`
        : `跨越边界：${subjects.join('、')}（物业服务区域与网格宜互相包含，不跨越彼此的边界）`
      : subjects.length === 0
        ? `物业服务区域${areas.length}个，各与一个网格重合（楼栋相同）`
        : `未重合：${subjects.join('、')}（物业服务区域与网格宜包含相同的楼栋）`;
    return {
      ...finding,
      citations:
        concurrent.length > 0
          ? [...finding.citations, citations.ezhouGroupLeaderConcurrentPosts]
          : finding.citations,
      status: subjects.length === 0 ? 'pass' : 'warn',
      subjects,
      detail: concurrent.length > 0 ? `${verdict}；${concurrent.join('；')}` : verdict,
    };
  },
);

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
