import { describe, expect, it } from 'vitest';
import { check, definePack, type Pack } from '../engine/index.js';
import { citeDistrict, DISTRICT_DOCUMENT, lowerSizeDistrict } from './district.test-helpers.js';
import { ezhouPack } from './ezhou/index.js';
import { EZHOU_DOCUMENT } from './ezhou/obligations.js';
import { NATIONAL_LAW_2018, NATIONAL_LAW_2025, packsFor, shippedPacks, shippedRegistry } from './index.js';
import { PackLoadError } from './registry.js';

const DOC = DISTRICT_DOCUMENT;
const cite = citeDistrict;
const district = definePack({
  ...lowerSizeDistrict(2500),
  rules: [
    check({
      id: 'echeng.building-leaders-all',
      title: '每栋楼均有楼栋长',
      citation: cite('第三条', '每栋楼应当有楼栋长。'),
      binding: 'binding',
      facts: { buildings: 'buildings' },
      evaluate: ({ facts }) => ({
        holds: facts.buildings.every((b) => b.leader),
        expected: '每栋楼均有楼栋长',
        actual: `${facts.buildings.filter((b) => !b.leader).length}栋没有`,
      }),
    }),
  ],
  texts: { [DOC]: { 第二条: '社区规模原则上不小于2500户。', 第三条: '每栋楼应当有楼栋长。' } },
});

const registry = shippedRegistry.with([district]);
const snapshot = {
  code: '420704001001',
  name: '测试社区',
  asOf: '2024-06-30',
  households: 2600,
  residents: 12000,
  townSeat: false,
  buildings: [{ households: 100, leader: false }],
};

describe('a registry with an added pack', () => {
  it('chooses the added pack by code prefix and composes it with its parents', () => {
    expect(registry.packsFor('420704001001').map((p) => p.code)).toEqual(['000000', '420700', '420704']);
    expect(registry.packChain('420704').map((p) => p.code)).toEqual(['000000', '420700', '420704']);
    expect(registry.packsFor('420702001001').map((p) => p.code)).toEqual(['000000', '420700']);
    expect(registry.added).toEqual(['420704']);
    // The added pack's document governs its communities, on top of the chain above it; not its neighbours'.
    expect(registry.documentsGoverning('420704001001')).toEqual([
      NATIONAL_LAW_2018,
      NATIONAL_LAW_2025,
      EZHOU_DOCUMENT,
      DOC,
    ]);
    expect(registry.documentsGoverning('420702001001')).not.toContain(DOC);
    expect(registry.jurisdictionsList().find((j) => j.code === '420704')).toEqual({
      code: '420704',
      name: '鄂城区',
      parent: '420700',
      documents: [{ title: DOC, inForceFrom: '2024-01-01' }],
    });
  });

  it('evaluates with the added rules and the replaced parameter; the shipped registry is unchanged', () => {
    const report = registry.checkCommunity(snapshot);
    expect(report.jurisdictions.map((j) => j.code)).toEqual(['000000', '420700', '420704']);
    const statusOf = (id: string) => report.results.find((r) => r.rule === id)?.status;
    expect(statusOf('echeng.building-leaders-all')).toBe('fail');
    expect(statusOf('ezhou.community-size')).toBe('pass'); // 2600 ≥ the district's 2500
    // The title quotes Ezhou's 3000; the message gives the district's figure and cites its document.
    expect(report.results.find((r) => r.rule === 'ezhou.community-size')?.message).toBe(
      '符合：社区规模原则上不小于3000户10000人（实际2600户、12000人）。本地标准：社区规模下限（户）为2500户（《测试区社区工作细则（示例）》第二条）。',
    );
    const overridden = registry.checkCommunity(snapshot, { params: { minCommunityHouseholds: 2000 } });
    expect(overridden.results.find((r) => r.rule === 'ezhou.community-size')?.message).not.toContain(
      '本地标准',
    );
    expect(registry.checkCommunity(snapshot, { jurisdiction: '420704' }).summary).toEqual(report.summary);

    expect(packsFor('420704001001').map((p) => p.code)).toEqual(['000000', '420700']);
    expect(shippedPacks['420704']).toBeUndefined();
    const shipped = shippedRegistry.checkCommunity(snapshot);
    const shippedSize = shipped.results.find((r) => r.rule === 'ezhou.community-size');
    expect(shippedSize?.status).toBe('warn');
    expect(shippedSize?.message).not.toContain('本地标准');
  });

  it('compiles each chain once per registry', () => {
    const chain = registry.packsFor('420704001001');
    expect(registry.evaluatorFor(chain)).toBe(registry.evaluatorFor([...chain]));
    expect(shippedRegistry.evaluatorFor(packsFor('420702001001'))).toBe(
      shippedRegistry.evaluatorFor(packsFor('420703001001')),
    );
  });

  it('gives the article texts the added pack brings', () => {
    expect(registry.articleText('420704', '第三条')).toBe('每栋楼应当有楼栋长。');
    expect(registry.articleText('420700', '第五条')).toContain('3000户');
    expect(shippedRegistry.articleText('420704', '第三条')).toBeUndefined();
  });

  it('keeps the shipped texts in the shipped registry and every registry made from it', () => {
    expect(shippedRegistry.articleText('420700', '第五条')).toContain('3000户');
    expect(shippedRegistry.documentTexts('420700')?.packCode).toBe('420700');
    expect(shippedRegistry.replacing([]).articleText('420700', '第五条')).toContain('3000户');
  });
});

describe('loading a pack', () => {
  const hubeiCity = definePack({
    code: '420500',
    name: '宜昌市',
    parent: '420000',
    documents: [{ title: '宜昌市文件', inForceFrom: '2021-01-01' }],
  });

  it('fails, naming the pack, when its parent is not loaded', () => {
    expect(() => shippedRegistry.with([hubeiCity])).toThrow(
      /^政策包 420500（宜昌市）：上级政策包 420000 未加载（已加载：000000、320000/,
    );
  });

  it('fails when its code is already taken', () => {
    const again = definePack({ ...ezhouPack, name: '另一个鄂州' });
    expect(() => shippedRegistry.with([again])).toThrow(
      '政策包 420700（另一个鄂州）：代码 420700 已被政策包 420700（鄂州市） 占用',
    );
  });

  it('fails when a hand-built pack does not nest under its parent', () => {
    const stray: Pack = { ...district, code: '320104', parent: '420700' };
    let error: unknown;
    try {
      shippedRegistry.with([stray]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackLoadError);
    expect((error as PackLoadError).pack).toBe('320104');
    expect((error as Error).message).toBe(
      '政策包 320104（鄂城区）：代码 320104 不在上级政策包 420700 的辖区之下',
    );
  });

  it('fails when a pack declares no parent', () => {
    const orphan: Pack = { ...district, parent: null };
    expect(() => shippedRegistry.with([orphan])).toThrow(
      /未声明上级（parent），省级或市级的最上层政策包填 000000/,
    );
  });

  it('fails at load time when its chain does not compile', () => {
    const broken = definePack({
      code: '420704',
      name: '鄂城区',
      parent: '420700',
      documents: [{ title: DOC, inForceFrom: '2024-01-01' }],
      rules: [
        check({
          id: 'ezhou.building-leaders-all',
          title: 'x',
          citation: cite('第三条', 'x'),
          binding: 'binding',
          evaluate: () => ({ holds: true, expected: '', actual: '' }),
        }),
      ],
    });
    expect(() => shippedRegistry.with([broken])).toThrow(
      /^政策包 420704（鄂城区） 无法与其上级组合：.*同一前缀 ezhou/,
    );
  });
});
