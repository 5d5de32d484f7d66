import { describe, expect, it } from 'vitest';
import { articleLabel, citationLabel } from './article-label.js';
import { textCorrections } from './corrections.js';
import { articleText, documentTexts } from './index.js';

describe('text corrections', () => {
  it('shows the ranges the copied Jiangsu text lost', () => {
    const members = articleText('320000', '7');
    expect(members).toContain('一般为5—9人');
    expect(members).toContain('副主任1—2人');
    expect(members).not.toContain('一般为59人');
    const representatives = articleText('320000', '9', '（1）');
    expect(representatives).toContain('按30—50户推选一人');
    expect(representatives).toContain('推选3—5人');
    expect(representatives).toContain('50—100人');
    expect(articleText('320000', '10')).toContain('一般由3—5人组成');
    expect(articleText('320000', '17', '（1）')).toContain('委员共3—5人组成');
  });

  it('lists only corrections whose lost text occurs in the article it names', () => {
    for (const correction of textCorrections) {
      const copied = documentTexts(correction.packCode)?.articles[correction.article];
      expect(copied, `${correction.packCode} ${correction.article}`).toContain(correction.lost);
    }
  });
});

describe('article labels', () => {
  it('cites the Jiangsu guide’s numbered items as items, other documents as written', () => {
    expect(citationLabel({ document: '江苏省城市社区居民委员会规范化建设工作指引', article: '21' })).toBe(
      '《江苏省城市社区居民委员会规范化建设工作指引》第21项',
    );
    expect(articleLabel('7', '（1）')).toBe('第7项（1）');
    expect(articleLabel('7（1）')).toBe('第7项（1）');
    expect(articleLabel('第二十一条', '（一）')).toBe('第二十一条（一）');
    expect(articleLabel('二（四）')).toBe('二（四）');
  });
});
