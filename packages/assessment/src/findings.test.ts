import { describe, expect, it } from 'vitest';
import { publicationBlockers, schemeFindings } from './findings.js';
import { sampleScheme } from './fixtures.test-helpers.js';
import { compileScheme } from './scheme.js';

const statusOf = (findings: ReturnType<typeof schemeFindings>, rule: string) =>
  findings.find((f) => f.rule === rule)?.status;

describe('schemeFindings: an Ezhou district scheme (420703)', () => {
  it('passes the sample scheme: routine 60%, residents below 50% in each part, no veto', () => {
    const findings = schemeFindings(compileScheme(sampleScheme()));
    expect(statusOf(findings, 'ezhou.routine-assessment-weight')).toBe('pass');
    expect(statusOf(findings, 'ezhou.resident-scoring-share-routine')).toBe('pass');
    expect(statusOf(findings, 'ezhou.assessment-no-veto')).toBe('pass');
    expect(publicationBlockers(findings)).toEqual([]);
  });

  it('fails a routine weight of 55% under 第三十四条, with the document and its date, and blocks publication', () => {
    const scheme = sampleScheme();
    scheme.routine.weight = 0.55;
    scheme.annual.weight = 0.45;
    const findings = schemeFindings(compileScheme(scheme));
    const finding = findings.find((f) => f.rule === 'ezhou.routine-assessment-weight');
    expect(finding).toMatchObject({
      status: 'fail',
      citation: { document: '鄂州市城市社区工作规则（试行）', article: '第三十四条' },
      documentDate: '2019-12-02',
      field: 'routine.weight',
    });
    expect(publicationBlockers(findings).map((f) => f.rule)).toEqual(['ezhou.routine-assessment-weight']);
  });

  it('reads the residents’ share of a part from the tree: 50% residents in the annual part fails (原文“均低于50%”)', () => {
    const scheme = sampleScheme();
    scheme.annual.indicators = [
      { id: 'review', name: '年度述职', weight: 0.5, scorer: 'department' },
      { id: 'annualSatisfaction', name: '年度满意度测评', weight: 0.5, scorer: 'residents' },
    ];
    expect(statusOf(schemeFindings(compileScheme(scheme)), 'ezhou.resident-scoring-share-annual')).toBe(
      'fail',
    );
  });

  it('fails a 一票否决 indicator, pointing at it', () => {
    const scheme = sampleScheme();
    (scheme.annual.indicators[0] as { veto?: boolean }).veto = true;
    const finding = schemeFindings(compileScheme(scheme)).find((f) => f.rule === 'ezhou.assessment-no-veto');
    expect(finding).toMatchObject({ status: 'fail', field: 'annual.indicators.0.veto', binding: 'binding' });
  });

  it('checks the street rating share (第三十五条) when the scheme sets one', () => {
    const compiled = compileScheme(sampleScheme({ streetRatingResidentShare: 0.4 }));
    expect(statusOf(schemeFindings(compiled), 'ezhou.street-rating-resident-share')).toBe('fail');
    expect(
      statusOf(schemeFindings(compileScheme(sampleScheme())), 'ezhou.street-rating-resident-share'),
    ).toBe(undefined);
  });
});

describe('schemeFindings elsewhere', () => {
  it('Weihai: asks for one integrated assessment a year and satisfaction as the main standard', () => {
    const findings = schemeFindings(compileScheme(sampleScheme({ jurisdiction: '371002' })));
    expect(findings.map((f) => [f.rule, f.status, f.citation.article])).toEqual([
      ['weihai.single-integrated-assessment', 'warn', '二（八）'],
      ['weihai.satisfaction-main-standard', 'warn', '三（四）'],
    ]);
    expect(findings[0]?.documentDate).toBe('2018-12-22');
    expect(publicationBlockers(findings)).toEqual([]);
  });

  it('the 2013 regulation: satisfaction must be the main standard (第四十一条), binding', () => {
    const scheme = sampleScheme({ jurisdiction: '000013' });
    const failing = schemeFindings(compileScheme(scheme));
    expect(statusOf(failing, 'city2013.satisfaction-main-standard')).toBe('fail');
    scheme.routine.indicators = [
      { id: 'satisfaction', name: '群众满意度', weight: 1, scorer: 'residents' },
    ] as never;
    expect(statusOf(schemeFindings(compileScheme(scheme)), 'city2013.satisfaction-main-standard')).toBe(
      'pass',
    );
  });

  it('a jurisdiction with no pack has no findings', () => {
    expect(schemeFindings(compileScheme(sampleScheme({ jurisdiction: '110101' })))).toEqual([]);
  });
});
