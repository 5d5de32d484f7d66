import { describe, expect, it } from 'vitest';
import { citeAlso, citing } from './citation.js';

const cite = citing('鄂州市城市社区工作规则（试行）', '2019-12-02');
const other = citing('江苏省城市社区居民委员会规范化建设工作指引', '2023-08-24');

describe('citing an article also', () => {
  it('adds an article not yet cited after the others', () => {
    const first = cite('第七条（一）', '甲');
    const extra = other('第七条（一）', '乙');
    expect(citeAlso([first], extra)).toEqual([first, extra]);
  });

  it('joins two passages of one article, saying the words they share once', () => {
    const joined = citeAlso(
      [cite('第七条（二）', '居民小组原则上设立，一般应尽可能重合')],
      cite('第七条（二）', '应尽可能重合，可同时兼任'),
    );
    expect(joined.map((c) => c.quote)).toEqual(['居民小组原则上设立，一般应尽可能重合，可同时兼任']);
  });

  it('keeps the longer passage when one contains the other, and marks a gap between passages apart', () => {
    expect(citeAlso([cite('第十七条', '甲乙丙')], cite('第十七条', '乙'))[0]?.quote).toBe('甲乙丙');
    expect(citeAlso([cite('第十七条', '乙')], cite('第十七条', '甲乙丙'))[0]?.quote).toBe('甲乙丙');
    expect(citeAlso([cite('第十七条', '甲')], cite('第十七条', '丙'))[0]?.quote).toBe('甲……丙');
  });
});
