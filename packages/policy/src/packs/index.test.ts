import { describe, expect, it } from 'vitest';
import { contractQuantityNames, type EvaluationInputError, type Rule } from '../engine/index.js';
import { articleText } from '../texts/index.js';
import {
  checkCommunity,
  documentsGoverning,
  evaluatorFor,
  jurisdictionsList,
  NATIONAL_LAW_2018,
  NATIONAL_LAW_2025,
  packChain,
  packsFor,
  shippedPacks,
} from './index.js';

const allRules = Object.values(shippedPacks).flatMap((pack) =>
  [...pack.rules, ...pack.overrides.flatMap((o) => (o.action === 'replace-rule' ? [o.rule] : []))].map(
    (rule): [string, string, Rule] => [pack.code, rule.id, rule],
  ),
);
/** Whitespace, and range dashes the extraction lost (004's "5—9人" reads "59人"), do not count. */
const squash = (text: string) => text.replace(/[\s—]+/g, '');

describe('shipped packs', () => {
  it('are the national pack and the five jurisdictions of docs/interfaces.md §1', () => {
    expect(Object.keys(shippedPacks).sort()).toEqual([
      '000000',
      '000013',
      '320000',
      '370305111',
      '371000',
      '420700',
    ]);
  });

  it.each(allRules)('%s %s quotes its article verbatim', (code, _id, rule) => {
    const text = articleText(code, rule.citation.article, rule.citation.clause, rule.citation.document);
    expect(text, `${rule.citation.article}${rule.citation.clause ?? ''}`).toBeDefined();
    expect(squash(text ?? '')).toContain(squash(rule.citation.quote));
  });

  it('quote every parameter value verbatim too', () => {
    for (const pack of Object.values(shippedPacks)) {
      for (const p of pack.parameters) {
        for (const v of p.values) {
          expect(
            squash(articleText(pack.code, v.citation.article, v.citation.clause, v.citation.document) ?? ''),
            p.name,
          ).toContain(squash(v.citation.quote));
        }
      }
    }
  });

  it('use only the quantity names of docs/interfaces.md §3', () => {
    const names = allRules.flatMap(([, , r]) => (r.kind === 'quantity' ? [r.name] : []));
    for (const name of names) expect(contractQuantityNames).toContain(name);
  });

  it('cite the whole reference in citation.article (第七条（一）, 二（四）, 9（1）), never a separate clause', () => {
    const citations = Object.values(shippedPacks).flatMap((pack) => [
      ...allRules.filter(([code]) => code === pack.code).map(([, , r]) => r.citation),
      ...pack.parameters.flatMap((p) => p.values.map((v) => v.citation)),
    ]);
    for (const c of citations) expect(c.clause, `${c.document}${c.article}`).toBeUndefined();
    const articles = new Set(citations.map((c) => c.article));
    for (const whole of ['第七条（一）', '第七条（二）', '第二十一条（一）', '二（四）', '9（1）']) {
      expect(articles).toContain(whole);
    }
  });

  it('have unique rule ids across packs', () => {
    const ids = allRules.map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('packsFor', () => {
  it('finds a community’s packs by code prefix, the national pack first, deepest last', () => {
    expect(packsFor('420702001001').map((p) => p.code)).toEqual(['000000', '420700']);
    expect(packsFor('371002001001').map((p) => p.code)).toEqual(['000000', '371000']);
    expect(packsFor('370305111007').map((p) => p.code)).toEqual(['000000', '370305111']);
    expect(packsFor('320102001001').map((p) => p.code)).toEqual(['000000', '320000']);
    expect(packsFor('370305112001').map((p) => p.code)).toEqual(['000000']);
    expect(packsFor('440305001001').map((p) => p.code)).toEqual(['000000']);
  });
  it('names the documents governing a community: its chain’s, the national law’s everywhere', () => {
    const national = [NATIONAL_LAW_2018, NATIONAL_LAW_2025];
    expect(documentsGoverning('370305111007')).toEqual([...national, '金山镇城市社区工作管理办法（试行）']);
    expect(documentsGoverning('320102002002')).toEqual([
      ...national,
      '江苏省城市社区居民委员会规范化建设工作指引',
    ]);
    expect(documentsGoverning('440305001001')).toEqual(national);
    // The 2013 regulation names no real place, so it governs no community found by code.
    expect(documentsGoverning('000013001001')).toEqual(national);
  });
  it('never returns the 2013 regulation’s pack unless chosen explicitly', () => {
    expect(packsFor('000013001001').map((p) => p.code)).not.toContain('000013');
    expect(packChain('000013').map((p) => p.code)).toEqual(['000000', '000013']);
    expect(packChain('420700').map((p) => p.code)).toEqual(['000000', '420700']);
    expect(packChain('000000').map((p) => p.code)).toEqual(['000000']);
    expect(packChain('999999')).toEqual([]);
  });
  it('every shipped pack compiles, alone and with the packs above it', () => {
    for (const code of Object.keys(shippedPacks))
      expect(() => checkCommunity(snapshot('420702001001'), { jurisdiction: code })).not.toThrow();
  });
});

describe('evaluatorFor', () => {
  it('compiles a chain once and tells apart a different pack under the same code', () => {
    const ezhou = shippedPacks['420700']!;
    expect(evaluatorFor([ezhou])).toBe(evaluatorFor([ezhou]));
    const lookalike = { ...ezhou, rules: ezhou.rules.slice(0, 1) };
    expect(evaluatorFor([lookalike]).rules).toHaveLength(1);
    expect(evaluatorFor([ezhou]).rules.length).toBeGreaterThan(1);
  });
});

describe('jurisdictionsList', () => {
  it('prints code, name, parent and documents for each shipped pack', () => {
    const list = jurisdictionsList();
    expect(list).toHaveLength(6);
    for (const j of list) {
      expect(Object.keys(j).sort()).toEqual(['code', 'documents', 'name', 'parent']);
      expect(j.documents.length).toBeGreaterThan(0);
      for (const d of j.documents) expect(d.inForceFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(list.find((j) => j.code === '000000')).toMatchObject({ name: '全国', parent: null });
    expect(list.filter((j) => j.parent === null).map((j) => j.code)).toEqual(['000000']);
    expect(list.find((j) => j.code === '420700')).toMatchObject({
      name: '鄂州市',
      parent: '000000',
      documents: [{ title: '鄂州市城市社区工作规则（试行）', inForceFrom: '2019-12-02' }],
    });
    expect(list.find((j) => j.code === '370305111')).toMatchObject({ name: '金山镇', parent: '000000' });
  });
  it('gives each parent as a shipped pack above it', () => {
    const codes = new Set(Object.keys(shippedPacks));
    for (const j of jurisdictionsList()) if (j.parent !== null) expect(codes).toContain(j.parent);
  });
});

function snapshot(code: string) {
  return { code, name: '测试社区居委会', asOf: '2024-06-30', households: 3200, residents: 9000 };
}

describe('checkCommunity', () => {
  it('returns the docs/interfaces.md §3 shape', () => {
    const report = checkCommunity(snapshot('420702001001'));
    expect(report.jurisdictions).toEqual([
      { code: '000000', name: '全国' },
      { code: '420700', name: '鄂州市' },
    ]);
    expect(report.asOf).toBe('2024-06-30');
    expect(report.community).toEqual({ code: '420702001001', name: '测试社区居委会' });
    expect(report.quantities).toMatchObject({
      twoCommitteesQuota: 6,
      minFacilityArea: 1600,
      specialistQuota: 4,
    });
    const counted = Object.values(report.summary).reduce((a, b) => a + b, 0);
    expect(counted).toBe(report.results.length);
    for (const r of report.results) {
      expect(['pass', 'fail', 'warn', 'not-applicable', 'unknown']).toContain(r.status);
      expect(r.message.length).toBeGreaterThan(0);
      expect(typeof r.expected).toBe('string');
      expect(typeof r.actual).toBe('string');
    }
  });
  it('applies rules in force on the chosen date', () => {
    const early = checkCommunity(snapshot('420702001001'), { asOf: '2019-01-01' });
    const local = early.results.filter((r) => r.jurisdiction === '420700');
    expect(local.length).toBeGreaterThan(0);
    expect(local.every((r) => r.status === 'not-applicable')).toBe(true);
    expect(early.quantities).toEqual({});
  });
  it('checks a community of a province without a pack of its own against the national law', () => {
    const nanshan = checkCommunity(snapshot('440305001001'));
    expect(nanshan.jurisdictions).toEqual([{ code: '000000', name: '全国' }]);
    expect(nanshan.results.every((r) => r.jurisdiction === '000000')).toBe(true);
    // 3200 households: outside the 2018 text's 100—700 (guidance, so a warning).
    expect(nanshan.results.find((r) => r.rule === 'national.committee-scale')?.status).toBe('warn');
  });
  it('composes the 2013 regulation, chosen explicitly, below the national pack', () => {
    const report = checkCommunity(snapshot('110101001001'), { jurisdiction: '000013' });
    expect(report.jurisdictions.map((j) => j.code)).toEqual(['000000', '000013']);
    expect(new Set(report.results.map((r) => r.jurisdiction))).toEqual(new Set(['000000', '000013']));
  });
  it('names the field when no pack applies', () => {
    try {
      checkCommunity(snapshot('420702001001'), { jurisdiction: '999999' });
    } catch (error) {
      expect((error as EvaluationInputError).issues[0]?.path).toBe('jurisdiction');
    }
  });
});
