import { describe, expect, it } from 'vitest';
import { articleText, documentTexts } from './index.js';

describe('articleText', () => {
  it('returns an article as its document numbers it', () => {
    expect(articleText('420700', '第十七条')).toMatch(/^社区“两委”成员和社区专干统称社区工作者/);
    expect(articleText('371000', '二（四）')).toMatch(/^（四）加强专业化社区工作者队伍建设/);
    expect(articleText('370305111', '第十条')).toContain('每个社区的工作人员不少于5人');
    expect(articleText('320000', '7')).toMatch(/^居民委员会成员组成/);
    expect(articleText('000013', '第三十七条')).toContain('不低于 800 平方米');
  });
  it('returns a clause, joined or apart, and falls back to the article for an unmarked clause', () => {
    const clause = articleText('420700', '第二十一条（一）');
    expect(clause).toMatch(/^（一）社区工作者所在社区获得/);
    expect(articleText('420700', '第二十一条', '（一）')).toBe(clause);
    expect(articleText('420700', '第五条', '（九）')).toBe(articleText('420700', '第五条'));
  });
  it('rejoins fragments broken across pages', () => {
    expect(articleText('420700', '第四条')).toContain('抓基层党建工作述职评议考核');
  });
  it('knows nothing of unknown packs or articles', () => {
    expect(articleText('110000', '第一条')).toBeUndefined();
    expect(articleText('420700', '第九十九条')).toBeUndefined();
    expect(documentTexts('420700')?.document).toBe('鄂州市城市社区工作规则（试行）');
  });
});
