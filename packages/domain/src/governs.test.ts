import { describe, expect, it } from 'vitest';
import { applicable, applies, governedBy, PROJECT_RULES } from './governs.js';

describe('which documents govern a community', () => {
  const jiangsu = { document: '江苏省城市社区居民委员会规范化建设工作指引' };
  const ezhou = { document: '鄂州市城市社区工作规则（试行）' };
  const project = { document: PROJECT_RULES };
  const nanjing = governedBy([jiangsu.document]);

  it('applies a document that governs the community, and the project’s own rules everywhere', () => {
    expect(applies(jiangsu, nanjing)).toBe(true);
    expect(applies(ezhou, nanjing)).toBe(false);
    expect(applies(project, governedBy([]))).toBe(true);
  });

  it('takes every document to govern without `governs`', () => {
    expect(applies(ezhou, undefined)).toBe(true);
  });

  it('keeps the governing citations of a rule in their order', () => {
    expect(applicable([ezhou, jiangsu, project], nanjing)).toEqual([jiangsu, project]);
    expect(applicable([ezhou], nanjing)).toEqual([]);
  });
});
