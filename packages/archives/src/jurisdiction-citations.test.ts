import { describe, expect, it } from 'vitest';
import { custodyRuleSource, ownCitation } from './jurisdiction-citations.js';

describe('which rule an archives, seal or handover refusal cites', () => {
  it.each([
    ['420704001001', 'archives', '鄂州市城市社区工作规则（试行）第三十九条'],
    ['420704001001', 'seals', '鄂州市城市社区工作规则（试行）第四十条'],
    ['420704001001', 'handover', '本系统规则 R-HND-0'],
    ['370305111007', 'archives', '本系统规则 R-ARC-0'],
    ['370305111007', 'seals', '本系统规则 R-SEA-0'],
    ['370305111007', 'handover', '金山镇城市社区工作管理办法（试行）第十八条'],
    ['320102001001', 'archives', '江苏省城市社区居民委员会规范化建设工作指引六、13（3）'],
    ['320102001001', 'seals', '本系统规则 R-SEA-0'],
    ['371002001001', 'archives', '本系统规则 R-ARC-0'],
    ['371002001001', 'seals', '本系统规则 R-SEA-0'],
    ['370305112001', 'handover', '本系统规则 R-HND-0'],
  ] as const)('%s, %s: %s', (community, matter, cited) => {
    const source = custodyRuleSource(community, matter);
    expect(
      'citation' in source ? `${source.citation.document}${source.citation.article}` : source.basis,
    ).toBe(cited);
  });

  it('gives an article only where the community’s own regulation speaks of the matter', () => {
    expect(ownCitation('420704001001', 'seals')?.inForceFrom).toBe('2019-12-02');
    expect(ownCitation('371002001001', 'seals')).toBeUndefined();
  });
});
