import { readFileSync } from 'node:fs';
import { gridCoincidesWithGroups, propertyAreasAndGridsApart } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { demoRegisters, XINCHENG } from './demo.js';
import { registerInterpretations, registerReadings, unitsCoincide } from './readings.js';
import { deriveSnapshotFacts } from './snapshot.js';
import {
  groupsAndGridsCoincide,
  householdsPerGrid,
  propertyAreaOverlap,
  propertyAreasAndGridsCoincide,
} from './units.js';

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
    // 第七条（二） is cited once, its quote reaching from the groups' size to the concurrent posts.
    const articles = together.citations.map((c) => `${c.document}${c.article}`);
    expect(articles).toEqual([...new Set(articles)]);
    expect(together.citations.at(-1)?.quote).toMatch(/^居民小组原则上.*应尽可能重合，居民小组长可同时兼任/);
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

describe('the reading of 重合 (ezhou.units-coincide), both ways', () => {
  const nested = { readings: { [unitsCoincide.id]: 'alternative' as const } };
  const g1 = `${xiangshan.communityCode}-g1`;
  const g2 = `${xiangshan.communityCode}-g2`;

  it('reads 重合 as the same boundaries unless asked, and says which reading it applied', () => {
    const finding = groupsAndGridsCoincide(xiangshan);
    expect(finding.interpretations).toEqual([{ ...unitsCoincide, reading: 'chosen' }]);
    expect(groupsAndGridsCoincide(xiangshan, nested).interpretations?.[0]?.reading).toBe('alternative');
    expect(propertyAreasAndGridsCoincide(xiangshan, nested).interpretations?.[0]?.reading).toBe(
      'alternative',
    );
  });

  it('groups: a grid of two whole groups coincides only by the nesting reading', () => {
    // No buildings: the grids count as entered, 第一网格 420 and 第二网格 380.
    const base = { ...xiangshan, buildings: [] };
    const split = {
      ...base,
      residentGroups: [
        { ...xiangshan.residentGroups[0]!, households: 200, gridId: g1 },
        { ...xiangshan.residentGroups[1]!, id: 'extra', name: '第三居民小组', households: 220, gridId: g1 },
        { ...xiangshan.residentGroups[1]!, gridId: g2 },
      ],
    };
    expect(groupsAndGridsCoincide(split)).toMatchObject({ status: 'warn', subjects: ['第一网格'] });
    expect(groupsAndGridsCoincide(split, nested)).toMatchObject({ status: 'pass', subjects: [] });
    expect(groupsAndGridsCoincide(split, nested).detail).toContain('各由整个的居民小组组成');
    // Groups that do not add up to the grid's households, or a grid with none, still warn.
    const short = { ...split, residentGroups: split.residentGroups.slice(0, 2) };
    expect(groupsAndGridsCoincide(short, nested)).toMatchObject({ status: 'warn', subjects: ['第二网格'] });
    const spilling = {
      ...split,
      residentGroups: split.residentGroups.map((r) =>
        r.name === '第三居民小组' ? { ...r, households: 221 } : r,
      ),
    };
    expect(groupsAndGridsCoincide(spilling, nested).subjects).toEqual(['第一网格']);
    // The same registers read both ways where groups and grids are one to one: both pass.
    expect(groupsAndGridsCoincide(base, nested).status).toBe('pass');
    expect(groupsAndGridsCoincide(base).status).toBe('pass');
  });

  it('areas: an area within a grid, or a grid within an area, coincides only by the nesting reading', () => {
    // 象山花园 holds 2号楼 (第一网格) and 3号楼 (第二网格): it straddles 第一网格, and 第二网格 lies in it.
    expect(propertyAreasAndGridsCoincide(xiangshan).subjects).toEqual(['象山花园', '第一网格', '第二网格']);
    const crossing = propertyAreasAndGridsCoincide(xiangshan, nested);
    expect(crossing).toMatchObject({ status: 'warn', subjects: ['象山花园', '第一网格'] });
    expect(crossing.detail).toContain('跨越边界');
    // The area holding 3号楼 only lies in 第二网格; 第一网格 has no area and crosses nothing.
    const inside = {
      ...xiangshan,
      buildings: xiangshan.buildings.map((b) => {
        const { propertyAreaId: _area, ...rest } = b;
        return b.name === '3号楼' ? b : rest;
      }),
    };
    expect(propertyAreasAndGridsCoincide(inside, nested)).toMatchObject({ status: 'pass', subjects: [] });
    expect(propertyAreasAndGridsCoincide(inside)).toMatchObject({ status: 'warn', subjects: ['第一网格'] });
    // An area holding 第一网格 and more (1号楼, 2号楼, 3号楼): both grids lie in it.
    const around = {
      ...xiangshan,
      buildings: xiangshan.buildings.map((b) => ({ ...b, propertyAreaId: `${xiangshan.communityCode}-pa1` })),
    };
    expect(propertyAreasAndGridsCoincide(around, nested).status).toBe('pass');
    expect(propertyAreasAndGridsCoincide(around).subjects).toEqual(['象山花园', '第一网格', '第二网格']);
    // 大行宫's area is its grid: it coincides by either reading, and the 兼任 is shown both ways.
    for (const options of [{}, nested]) {
      const together = propertyAreasAndGridsCoincide(daxinggong, options);
      expect(together).toMatchObject({ status: 'pass', subjects: [] });
      expect(together.detail).toContain('兼任大行宫小区业主委员会主任');
    }
  });

  it('takes only the readings it has, each chosen or alternative, in zh-CN', () => {
    expect(registerReadings.safeParse({ [unitsCoincide.id]: 'alternative' }).success).toBe(true);
    const unknown = registerReadings.safeParse({ 'ezhou.no-such-reading': 'alternative' });
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['ezhou.no-such-reading'] });
    expect(unknown.error?.issues[0]?.message).toContain('没有此解释');
    const bad = registerReadings.safeParse({ [unitsCoincide.id]: 'both' });
    expect(bad.error?.issues[0]?.message).toContain('另一种理解');
  });

  it('is documented where the packs’ readings are, with its alternative', () => {
    const document = readFileSync(new URL('../../policy/INTERPRETATIONS.md', import.meta.url), 'utf8');
    for (const i of registerInterpretations) {
      expect(document, i.id).toContain(`\`${i.id}\``);
      expect(document, i.id).toContain(i.alternative);
    }
  });
});

describe('the demo’s Ezhou community 新城 shows the switch', () => {
  const xincheng = demoRegisters().find((r) => r.communityCode === XINCHENG);
  if (!xincheng) throw new Error('新城 demo registers missing');
  const nested = { readings: { [unitsCoincide.id]: 'alternative' as const } };

  it('warns by the same boundaries: 第一网格 holds two groups, and 翠湖苑 only part of it', () => {
    expect(groupsAndGridsCoincide(xincheng)).toMatchObject({ status: 'warn', subjects: ['新城第一网格'] });
    expect(propertyAreasAndGridsCoincide(xincheng)).toMatchObject({
      status: 'warn',
      subjects: ['翠湖苑', '新城第一网格'],
    });
  });

  it('holds by nesting: whole groups make up each grid, and no estate crosses a grid', () => {
    expect(groupsAndGridsCoincide(xincheng, nested)).toMatchObject({ status: 'pass', subjects: [] });
    expect(propertyAreasAndGridsCoincide(xincheng, nested)).toMatchObject({ status: 'pass', subjects: [] });
  });

  it('derives the same grids for the Ezhou pack, and shows 锦绣家园’s group leader chairing its owners’ committee', () => {
    const { facts } = deriveSnapshotFacts(xincheng, '2026-12-01');
    // 翠湖苑1栋、2栋 and 新城路3栋、4栋 lie in 第一网格, 锦绣家园5栋、6栋 in 第二网格.
    expect(facts.grids).toEqual([
      { households: 620, groups: [320, 300], buildings: [0, 1, 2, 3] },
      { households: 380, groups: [380], buildings: [4, 5] },
    ]);
    expect(facts.propertyAreas).toEqual([{ buildings: [0, 1] }, { buildings: [4, 5] }]);
    expect(propertyAreaOverlap(xincheng).find((a) => a.name === '锦绣家园')).toMatchObject({
      grid: { name: '新城第二网格' },
      concurrentChair: { group: '新城第三居民小组', name: '龚丽华' },
    });
  });
});

describe('第七条（二） property-service areas and grids, both ways: the snapshot carries what the rules weigh', () => {
  const nested = { readings: { [unitsCoincide.id]: 'alternative' as const } };
  it('the same areas and grids are apart by the derived snapshot as by the register findings', () => {
    for (const registers of demoRegisters()) {
      const { facts } = deriveSnapshotFacts(registers, '2026-12-01');
      const grids = facts.grids ?? [];
      for (const [reading, options] of [
        ['chosen', {}],
        ['alternative', nested],
      ] as const) {
        const apart = propertyAreasAndGridsApart(
          (facts.propertyAreas ?? []).map((a) => a.buildings),
          grids.map((g) => g.buildings ?? []),
          reading,
        );
        const areas = propertyAreasAndGridsCoincide(registers, options);
        if (areas.status === 'unknown') continue;
        expect(areas.subjects, `${registers.communityCode} ${reading}`).toEqual([
          ...(registers.propertyAreas ?? []).filter((_, a) => apart.areas.includes(a)).map((a) => a.name),
          ...registers.grids.filter((_, g) => apart.grids.includes(g)).map((g) => g.name),
        ]);
        const groupsApart = registers.grids.filter(
          (_, g) => !gridCoincidesWithGroups(grids[g] ?? { groups: [] }, reading).coincides,
        );
        const outside = registers.residentGroups.filter(
          (r) => !registers.grids.some((g) => g.id === r.gridId),
        );
        expect(groupsAndGridsCoincide(registers, options).subjects).toEqual([
          ...groupsApart.map((g) => g.name),
          ...outside.map((r) => r.name),
        ]);
      }
    }
  });

  it('新城: 翠湖苑 lies inside 新城第一网格, so it warns by the same boundaries and holds by nesting', () => {
    const xincheng = demoRegisters().find((r) => r.communityCode === XINCHENG);
    if (!xincheng) throw new Error('新城 demo registers missing');
    const { facts } = deriveSnapshotFacts(xincheng, '2026-12-01');
    const areas = (facts.propertyAreas ?? []).map((a) => a.buildings);
    const grids = (facts.grids ?? []).map((g) => g.buildings ?? []);
    expect(propertyAreasAndGridsApart(areas, grids, 'chosen')).toEqual({ areas: [0], grids: [0] });
    expect(propertyAreasAndGridsApart(areas, grids, 'alternative')).toEqual({ areas: [], grids: [] });
  });
});
