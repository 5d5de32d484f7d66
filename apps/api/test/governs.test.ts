/**
 * A community's register findings and its meeting-burden card come from the documents that govern it
 * (its pack chain): 象山 (金山镇, Shandong) gets neither Ezhou's nor Jiangsu's register findings,
 * 大行宫 (Nanjing) gets Jiangsu's; only a Weihai community gets Weihai 二（八）'s meeting count.
 */
import { seedDemocracyRegisters, seedPeopleRegisters } from '@shequ/db';
import { demoDemocracyRegisters } from '@shequ/democracy';
import { DAXINGGONG, demoRegisters } from '@shequ/people';
import { describe, expect, it } from 'vitest';
import { nanjing, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { fakeClock, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    xiangshan: { username: 'xiangshan', role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    daxinggong: { username: 'daxinggong', role: 'communityWorker', jurisdictionCode: DAXINGGONG },
    weihai: { username: 'weihai', role: 'communityWorker', jurisdictionCode: WEIHAI_COMMUNITY },
  },
  {
    more: nanjing,
    seed: async (database) => {
      await seedPeopleRegisters(database, demoRegisters());
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
