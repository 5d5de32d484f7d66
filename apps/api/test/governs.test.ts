/**
 * A community's register findings and its meeting-burden card come from the documents that govern it
 * (its pack chain): 象山 (金山镇, Shandong) gets neither Ezhou's nor Jiangsu's register findings,
 * 大行宫 (Nanjing) gets Jiangsu's; only a Weihai community gets Weihai 二（八）'s meeting count.
 */
import { seedDemocracyRegisters, seedPeopleRegisters } from '@shequ/db';
import { demoDemocracyRegisters } from '@shequ/democracy';
import { DAXINGGONG, demoRegisters, unitsCoincide } from '@shequ/people';
import { evaluatorFor, packsFor } from '@shequ/policy';
import { describe, expect, it } from 'vitest';
import { FIRST as EZHOU_COMMUNITY, seedEzhou } from './assessment-fixture.js';
import { nanjing, registersMovedTo, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { fakeClock, rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    xiangshan: { username: 'xiangshan', role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    daxinggong: { username: 'daxinggong', role: 'communityWorker', jurisdictionCode: DAXINGGONG },
    weihai: { username: 'weihai', role: 'communityWorker', jurisdictionCode: WEIHAI_COMMUNITY },
    /** 甲社区 (鄂州) with 象山's registers: Ezhou 第七条（二） governs it. */
    ezhou: { username: 'ezhou', role: 'communityWorker', jurisdictionCode: EZHOU_COMMUNITY },
  },
  {
    more: nanjing,
    seed: async (database) => {
      await seedEzhou(database);
      const [xiangshan] = demoRegisters();
      if (!xiangshan) throw new Error('demo registers missing');
      await seedPeopleRegisters(database, [...demoRegisters(), registersMovedTo(xiangshan, EZHOU_COMMUNITY)]);
      await seedDemocracyRegisters(database, demoDemocracyRegisters());
    },
    appOptions: { now: fakeClock(new Date('2026-12-01T02:00:00Z')).now },
  },
);

const JIANGSU = '江苏省城市社区居民委员会规范化建设工作指引';

describe('register findings on the organisation page', () => {
  it('gives a Nanjing community the Jiangsu guideline’s findings, citing it alone', async () => {
    const org = await server.daxinggong.people.organisation.query({ code: DAXINGGONG, asOf: '2026-12-01' });
    expect(org.findings.map((f) => f.rule)).toEqual([
      'sub-committees-led-by-member',
      'chairs-trained-yearly',
    ]);
    for (const f of org.findings) expect(f.citations.map((c) => c.document)).toEqual([JIANGSU]);
    expect(org.findings.find((f) => f.rule === 'chairs-trained-yearly')?.citations[0]?.article).toBe(
      '19（8）',
    );
  });

  it('gives a community of 金山镇 (Shandong) none: neither Ezhou’s rules nor Jiangsu’s govern it', async () => {
    const org = await server.xiangshan.people.organisation.query({ code: XIANGSHAN, asOf: '2026-12-01' });
    expect(org.findings).toEqual([]);
    // The registers themselves are still shown.
    expect(org.householdsPerGrid.length).toBeGreaterThan(0);
  });
});

describe('the reading of 重合 (Ezhou 第七条（二）, ezhou.units-coincide), both ways', () => {
  const coincide = async (readings?: Record<string, 'chosen' | 'alternative'>) => {
    const org = await server.ezhou.people.organisation.query({
      code: EZHOU_COMMUNITY,
      asOf: '2026-12-01',
      ...(readings ? { readings } : {}),
    });
    return org.findings.filter((f) => f.rule.endsWith('-coincide'));
  };

  it('reads the same boundaries by default, and says so beside the finding', async () => {
    const [groups, areas] = await coincide();
    expect(groups).toMatchObject({ rule: 'groups-and-grids-coincide', status: 'warn' });
    // 象山花园 holds a building of each grid: neither grid has the area's buildings exactly.
    expect(areas).toMatchObject({
      rule: 'property-areas-and-grids-coincide',
      status: 'warn',
      subjects: ['象山花园', '第一网格', '第二网格'],
    });
    expect(areas?.interpretations).toEqual([
      expect.objectContaining({ id: 'ezhou.units-coincide', reading: 'chosen' }),
    ]);
    expect(await coincide({ 'ezhou.units-coincide': 'chosen' })).toEqual([groups, areas]);
  });

  it('reads nesting when asked: 第二网格 lies within 象山花园, which straddles 第一网格 only', async () => {
    const [groups, areas] = await coincide({ 'ezhou.units-coincide': 'alternative' });
    expect(groups?.interpretations?.[0]?.reading).toBe('alternative');
    expect(groups?.detail).toContain('网格宜由户数合计相同的整个居民小组组成');
    expect(areas).toMatchObject({ status: 'warn', subjects: ['象山花园', '第一网格'] });
    expect(areas?.detail).toContain('跨越边界');
    expect(areas?.interpretations?.[0]).toMatchObject({ reading: 'alternative' });
  });

  it('is a reading of the Ezhou pack too: compliance switches ezhou.groups-and-grids-coincide with it', async () => {
    const pack = evaluatorFor(packsFor(EZHOU_COMMUNITY)).interpretations.find(
      (i) => i.id === unitsCoincide.id,
    );
    expect(pack).toEqual(unitsCoincide);
    const result = async (readings?: Record<string, 'chosen' | 'alternative'>) => {
      const checked = await server.ezhou.compliance.community.query({
        code: EZHOU_COMMUNITY,
        asOf: '2026-12-01',
        ...(readings ? { readings } : {}),
      });
      expect(checked.interpretations).toContainEqual(unitsCoincide);
      expect(checked.fromRegister).toEqual(expect.arrayContaining(['grids', 'propertyAreas']));
      return checked.results.find((r) => r.rule === 'ezhou.groups-and-grids-coincide');
    };
    // 象山's registers: 第一网格's buildings hold 108 households, its one group 420 — apart both ways.
    // 象山花园 holds a building of each grid, so it matches neither (the same boundaries, as the register
    // finding names it with both grids) …
    expect(await result()).toMatchObject({
      status: 'warn',
      actual: '2个网格未与居民小组重合；1个物业服务区域未与网格重合；2个网格没有楼栋相同的物业服务区域',
    });
    // … and by nesting it straddles 第一网格 only, 第二网格 lying within it, as the register finding says.
    const nested = await result({ 'ezhou.units-coincide': 'alternative' });
    expect(nested).toMatchObject({
      status: 'warn',
      actual: '2个网格未与居民小组重合；1个物业服务区域跨越网格边界；1个网格的边界被物业服务区域跨越',
    });
    expect(nested?.expected).toContain('整个居民小组');
  });

  it('refuses a reading it does not have, naming the field in Chinese', async () => {
    const refused = await rejection(
      server.ezhou.people.organisation.query({
        code: EZHOU_COMMUNITY,
        readings: { 'ezhou.no-such-reading': 'alternative' },
      }),
    );
    expect(refused.data?.code).toBe('BAD_REQUEST');
    expect(refused.data?.fieldErrors?.['readings.ezhou.no-such-reading']?.[0]).toContain('没有此解释');
  });
});

describe('the imposed meetings card', () => {
  it('counts a Weihai community’s imposed meetings against Weihai 二（八）', async () => {
    const view = await server.weihai.democracy.community.query({ code: WEIHAI_COMMUNITY });
    expect(view.burden).toMatchObject({ districtMeetingsPerYear: 0, citation: { article: '二（八）' } });
  });

  it('gives a Nanjing and a 金山镇 community no count: Weihai’s limits are not theirs', async () => {
    expect((await server.daxinggong.democracy.community.query({ code: DAXINGGONG })).burden).toBeNull();
    expect((await server.xiangshan.democracy.community.query({ code: XIANGSHAN })).burden).toBeNull();
  });
});
