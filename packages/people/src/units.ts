/**
 * Households per grid and how grids, resident groups and property-service areas coincide (Ezhou
 * 第七条（二）: 居民小组、网格站、物业服务区域应尽可能重合). A grid's households are counted from the
 * buildings in it, beside the number entered on the grid; the organisation page shows both, so a
 * disagreement is seen. What 重合 asks — the same boundaries, or units that do not straddle each other —
 * is the selectable reading `ezhou.units-coincide` (./readings.ts).
 */
import {
  areaAndGrid,
  citeAlso,
  type FieldIssue,
  gridCoincidesWithGroups,
  propertyAreasAndGridsApart,
  type UnitsCoincideReading,
} from '@shequ/domain';
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

/**
 * A grid as Ezhou 第七条（二） weighs it against its groups (`gridCoincidesWithGroups` of `@shequ/domain`):
 * its households counted from its buildings where any are registered, else as entered, and the households
 * of each resident group in it. The snapshot's `grids[]` carries the same.
 */
export function gridWithGroups(
  registers: Pick<CommunityRegisters, 'residentGroups'>,
  grid: GridHouseholds,
): { households?: number; groups: number[] } {
  const households = grid.buildings > 0 ? grid.inBuildings : grid.entered;
  return {
    ...(households === undefined ? {} : { households }),
    groups: registers.residentGroups.filter((r) => r.gridId === grid.gridId).map((r) => r.households),
  };
}

/** The ids of the buildings in each grid and in each property-service area, in the registers' order. */
export function buildingsOfGridsAndAreas(
  registers: Pick<CommunityRegisters, 'grids' | 'buildings' | 'propertyAreas'>,
): { grids: string[][]; areas: string[][] } {
  const ids = (has: (b: CommunityRegisters['buildings'][number]) => boolean) =>
    registers.buildings.filter(has).map((b) => b.id);
  return {
    grids: registers.grids.map((g) => ids((b) => b.gridId === g.id)),
    areas: (registers.propertyAreas ?? []).map((a) => ids((b) => b.propertyAreaId === a.id)),
  };
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
  evaluate: (
    finding: CoincideBase,
    reading: UnitsCoincideReading,
    registers: CommunityRegisters,
  ) => RegisterFinding,
) {
  return governed<[registers: CommunityRegisters], CoincideOptions>(
    { rule, title, citations: [citations.ezhouResidentGroups], binding: 'guidance' },
    1,
    ({ base, options }, registers) => {
      const reading = applied(unitsCoincide, options);
      return evaluate({ ...base, interpretations: [reading] }, reading.reading, registers);
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
  (finding, reading, registers): RegisterFinding => {
    if (registers.grids.length === 0 || registers.residentGroups.length === 0)
      return { ...finding, status: 'unknown', subjects: [], detail: '未登记网格或居民小组' };
    const nested = reading === 'alternative';
    const apart = householdsPerGrid(registers).filter(
      (g) => !gridCoincidesWithGroups(gridWithGroups(registers, g), reading).coincides,
    );
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
  const inUnits = buildingsOfGridsAndAreas(registers);
  return (registers.propertyAreas ?? []).map((area, a) => {
    const inArea = registers.buildings.filter((b) => b.propertyAreaId === area.id);
    const grid = registers.grids.find(
      (_, g) => areaAndGrid(inUnits.areas[a] ?? [], inUnits.grids[g] ?? []) === 'same',
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
  (finding, reading, registers): RegisterFinding => {
    const nested = reading === 'alternative';
    const areas = registers.propertyAreas ?? [];
    if (areas.length === 0 || registers.grids.length === 0)
      return {
        ...finding,
        status: 'unknown',
        subjects: [],
        detail: areas.length === 0 ? '未登记物业服务区域' : '未登记网格',
      };
    const overlap = propertyAreaOverlap(registers);
    const inUnits = buildingsOfGridsAndAreas(registers);
    const apart = propertyAreasAndGridsApart(inUnits.areas, inUnits.grids, reading);
    const subjects = [
      ...areas.filter((_, a) => apart.areas.includes(a)).map((a) => a.name),
      ...registers.grids.filter((_, g) => apart.grids.includes(g)).map((g) => g.name),
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
          ? citeAlso(finding.citations, citations.ezhouGroupLeaderConcurrentPosts)
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
