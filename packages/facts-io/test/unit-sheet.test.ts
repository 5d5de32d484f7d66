import { governedBy } from '@shequ/domain';
import { demoRegisters, emptyRegisters } from '@shequ/people';
import { describe, expect, it } from 'vitest';
import {
  exportWorkbook,
  parseUnitTable,
  readTable,
  unitExportColumns,
  unitsAgainstRegisters,
} from '../src/index.js';

const code = '370305111007';

describe('grid, building and resident group sheets', () => {
  it('reads buildings under Chinese headers', () => {
    const result = parseUnitTable('building', [
      ['社区代码', '楼栋名称', '户数', '楼栋长'],
      [code, '1号楼', 48, '楼栋长甲'],
      [code, '2号楼', '60', null],
    ]);
    expect(result).toEqual({
      ok: true,
      units: [
        {
          row: 2,
          unit: { communityCode: code, name: '1号楼', households: 48, leaderName: '楼栋长甲' },
          links: {},
        },
        { row: 3, unit: { communityCode: code, name: '2号楼', households: 60 }, links: {} },
      ],
      fields: ['communityCode', 'name', 'households', 'leaderName'],
    });
  });

  it('reads a grid’s 网格长 (in full, or masked with the name) and a building’s grid by name', () => {
    const idNumber = '11010519491231002X';
    const grids = parseUnitTable('grid', [
      ['社区代码', '网格名称', '网格长姓名', '网格长身份证号码'],
      [code, '第一网格', '张委员', idNumber],
      [code, '第二网格', '李主任', '1101**********002X'],
      [code, '第三网格', '', '1101**********002X'],
    ]);
    expect(grids).toEqual({
      ok: false,
      problems: [{ row: 4, column: '网格长姓名', message: '填写遮蔽的身份证号码时须同时填写网格长姓名' }],
    });
    const read = parseUnitTable('grid', [
      ['社区代码', '网格名称', '网格长姓名', '网格长身份证号码'],
      [code, '第一网格', '张委员', idNumber],
      [code, '第二网格', '李主任', '1101**********002x'],
    ]);
    expect(read.ok && read.units.map((u) => u.links)).toEqual([
      { gridLeaderName: '张委员', leaderIdNumber: idNumber },
      { gridLeaderName: '李主任', leaderMaskedIdNumber: '1101**********002X' },
    ]);
    const buildings = parseUnitTable('building', [
      ['社区代码', '楼栋名称', '户数', '所属网格'],
      [code, '1号楼', 48, '第一网格'],
    ]);
    expect(buildings.ok && buildings.units[0]?.links).toEqual({ gridName: '第一网格' });
  });

  it('names every bad cell, a name twice in one community, and a missing column', () => {
    const result = parseUnitTable('resident-group', [
      ['社区代码', '居民小组名称', '户数'],
      [code, '第一居民小组', '四百'],
      [code, '第二居民小组', 380],
      [code, '第二居民小组', 20],
      ['12345', '第三居民小组', 10],
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 2, column: '户数', message: '应为数字（四百）' },
        { row: 4, column: '居民小组名称', message: '与第3行同名' },
        { row: 5, column: '社区代码', message: '社区代码应为12位数字' },
      ],
    });
    const noHouseholds = parseUnitTable('building', [
      ['社区代码', '楼栋名称'],
      [code, '1号楼'],
    ]);
    expect(noHouseholds).toEqual({
      ok: false,
      problems: [{ row: 1, column: '户数', message: '缺少必需的列' }],
    });
  });

  it('drops an elected resident group leader’s term when the sheet names another leader, keeps it otherwise', () => {
    const registers = {
      ...emptyRegisters(code),
      residentGroups: [
        {
          id: 'g1',
          communityCode: code,
          name: '第一居民小组',
          households: 420,
          leaderName: '何组长',
          leaderTermFrom: '2026-06-20',
          leaderTermTo: '2031-05-31',
        },
      ],
    };
    const against = (leaderName: string) => {
      const sheet = parseUnitTable('resident-group', [
        ['社区代码', '居民小组名称', '户数', '居民小组长'],
        [code, '第一居民小组', 430, leaderName],
      ]);
      if (!sheet.ok) throw new Error('sheet');
      return unitsAgainstRegisters(
        'resident-group',
        sheet,
        () => registers,
        '2026-12-01',
        () => 'new',
      );
    };
    expect(against('组长乙')).toEqual({
      ok: true,
      units: {
        created: [],
        updated: [
          { id: 'g1', communityCode: code, name: '第一居民小组', households: 430, leaderName: '组长乙' },
        ],
        unchanged: 0,
      },
    });
    expect(against('何组长').ok && against('何组长')).toMatchObject({
      units: { updated: [{ households: 430, leaderName: '何组长', leaderTermTo: '2031-05-31' }] },
    });
  });

  it('reads an exported sheet back', async () => {
    const grids = [
      { communityCode: code, name: '第一网格', households: 420 },
      { communityCode: code, name: '第二网格' },
    ];
    const bytes = await exportWorkbook(unitExportColumns('grid'), grids, '网格');
    const result = parseUnitTable('grid', await readTable(bytes, 'xlsx'));
    expect(result.ok && result.units.map((u) => u.unit)).toEqual(grids.map((g) => ({ ...g, workerIds: [] })));
  });

  it('reads property-service areas, and places a building in one by its name', () => {
    const [xiangshan] = demoRegisters();
    if (!xiangshan) throw new Error('demo registers missing');
    const areas = parseUnitTable('property-area', [
      ['社区代码', '物业服务区域名称', '物业服务企业', '户数', '业主委员会主任'],
      [code, '象山花园', '象山物业服务有限公司', 96, '钱文华'],
      [code, '象山西苑', null, '多', null],
    ]);
    expect(areas).toEqual({ ok: false, problems: [{ row: 3, column: '户数', message: '应为数字（多）' }] });
    const sheet = parseUnitTable('building', [
      ['社区代码', '楼栋名称', '户数', '物业服务区域'],
      [code, '1号楼', 48, '象山花园'],
      [code, '8号楼', 20, '象山西苑'],
    ]);
    if (!sheet.ok) throw new Error('sheet refused');
    const against = (rows: typeof sheet.units) =>
      unitsAgainstRegisters(
        'building',
        { ...sheet, units: rows },
        () => xiangshan,
        '2026-12-01',
        () => 'new',
      );
    expect(against(sheet.units)).toEqual({
      ok: false,
      problems: [
        {
          row: 3,
          column: '物业服务区域',
          message: '本社区没有名为“象山西苑”的物业服务区域（可先导入物业服务区域表）',
        },
      ],
    });
    // 1号楼 moves into 象山花园 and keeps its grid, which the sheet has no column for.
    expect(against(sheet.units.slice(0, 1))).toMatchObject({
      ok: true,
      units: {
        created: [],
        updated: [{ name: '1号楼', propertyAreaId: `${code}-pa1`, gridId: `${code}-g1` }],
      },
    });
  });

  it('refuses a 网格长 off the residents’ committee only where Ezhou 第七条（一） governs the community', () => {
    const [xiangshan] = demoRegisters();
    const notMember = xiangshan?.workers.find((w) => w.name === '孙网格员');
    if (!xiangshan || !notMember) throw new Error('demo registers missing');
    const sheet = parseUnitTable('grid', [
      ['社区代码', '网格名称', '户数', '网格长姓名', '网格长身份证号码'],
      [code, '第四网格', 150, notMember.name, notMember.idNumber],
    ]);
    if (!sheet.ok) throw new Error('sheet refused');
    const against = (governing: string[]) =>
      unitsAgainstRegisters(
        'grid',
        sheet,
        () => xiangshan,
        '2026-12-01',
        () => 'new',
        {
          governsOf: () => governedBy(governing),
        },
      );
    expect(against(['鄂州市城市社区工作规则（试行）'])).toEqual({
      ok: false,
      problems: [
        {
          row: 2,
          column: '网格长身份证号码',
          message: '网格长应由本届居民委员会成员兼任（2026-12-01），孙网格员不是居委会成员',
        },
      ],
    });
    expect(against(['江苏省城市社区居民委员会规范化建设工作指引'])).toMatchObject({
      ok: true,
      units: { created: [{ name: '第四网格', leaderWorkerId: notMember.id }] },
    });
  });
});
