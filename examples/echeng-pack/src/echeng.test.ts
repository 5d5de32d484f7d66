/**
 * The example pack's rules as a table (`@shequ/policy/testing`), composed as a community of 鄂城区 is
 * checked — below Ezhou and the national pack — and loaded into a registry as the CLI and the server do.
 */
import { packChain, shippedRegistry } from '@shequ/policy';
import { packCases } from '@shequ/policy/testing';
import { describe, expect, it } from 'vitest';
import echengDefault, { ECHENG_DOCUMENT, echengPack } from './index.js';

// Ezhou's shipped chain (the national pack, then Ezhou's), then this pack.
const chain = [...packChain('420700'), echengPack];
const community = { townSeat: false, residents: 10000 };

packCases('鄂城区（示例）', chain, [
  {
    name: '第三条 2600户：达到本区2500户（鄂州市为3000户）',
    asOf: '2025-06-30',
    facts: { ...community, households: 2600 },
    expect: { 'ezhou.community-size': 'pass' },
  },
  {
    name: '第三条 2400户：低于本区2500户，原则上 → 提醒',
    asOf: '2025-06-30',
    facts: { ...community, households: 2400 },
    expect: { 'ezhou.community-size': 'warn' },
  },
  {
    name: '细则施行前：鄂州市的3000户适用',
    asOf: '2024-06-30',
    facts: { ...community, households: 2600 },
    expect: { 'ezhou.community-size': 'warn', 'echeng.representatives-per-group': 'not-applicable' },
  },
  {
    name: '第五条 3个小组6名代表：符合',
    asOf: '2025-06-30',
    facts: {
      representatives: 6,
      residentGroups: [{ households: 400 }, { households: 350 }, { households: 300 }],
    },
    expect: { 'echeng.representatives-per-group': 'pass' },
  },
  {
    name: '第五条 3个小组5名代表：不符合',
    asOf: '2025-06-30',
    facts: {
      representatives: 5,
      residentGroups: [{ households: 400 }, { households: 350 }, { households: 300 }],
    },
    expect: { 'echeng.representatives-per-group': 'fail' },
  },
  {
    name: '第五条 没有代表人数：无法判断',
    asOf: '2025-06-30',
    facts: { residentGroups: [{ households: 400 }] },
    expect: { 'echeng.representatives-per-group': 'unknown' },
  },
]);

describe('loaded into a registry', () => {
  const registry = shippedRegistry.with([echengDefault]);
  const snapshot = {
    code: '420704001001',
    name: '示例社区',
    asOf: '2025-06-30',
    ...community,
    households: 2600,
  };

  it('is the default export and is chosen for a community of 鄂城区', () => {
    expect(echengDefault).toBe(echengPack);
    expect(registry.packsFor(snapshot.code).map((p) => p.code)).toEqual(['000000', '420700', '420704']);
  });

  it('quotes the district’s figure and cites its document where Ezhou’s title says 3000户', () => {
    const result = registry.checkCommunity(snapshot).results.find((r) => r.rule === 'ezhou.community-size');
    expect(result?.jurisdiction).toBe('420700');
    expect(result?.message).toContain(`本地标准：社区规模下限（户）为2500户（《${ECHENG_DOCUMENT}》第三条）`);
    expect(registry.articleText('420704', '第三条')).toBe('本区社区规模原则上不小于2500户。');
    // Before the district's document, Ezhou's 3000户 is in force and the message adds nothing.
    const before = registry.checkCommunity({ ...snapshot, asOf: '2024-06-30' });
    const earlier = before.results.find((r) => r.rule === 'ezhou.community-size');
    expect(earlier?.status).toBe('warn');
    expect(earlier?.message).not.toContain('本地标准');
  });
});
