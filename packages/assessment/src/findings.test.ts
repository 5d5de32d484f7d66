import { describe, expect, it } from 'vitest';
import { checkScoreCells, communityScoresFromCells } from './cells.js';
import { scoreCommunities } from './compute.js';
import { scoreEntryDeadline } from './deadlines.js';
import { demoAssessmentScheme, demoAssessmentScoreBatches } from './demo.js';
import { publicationBlockers, resultsPublicationBasis, schemeFindings } from './findings.js';
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

describe('the demo scheme of 金山镇 (the console’s demo data)', () => {
  it('may be published, and its year of scores ranks the four communities of 金山镇 over three grades', () => {
    const compiled = compileScheme(demoAssessmentScheme());
    expect(publicationBlockers(schemeFindings(compiled))).toEqual([]);
    // No pack over 金山镇 rules on schemes; under the stricter packs the same shape still passes.
    for (const jurisdiction of ['420703', '371002'])
      expect(
        publicationBlockers(schemeFindings(compileScheme({ ...demoAssessmentScheme(), jurisdiction }))),
      ).toEqual([]);

    const batches = demoAssessmentScoreBatches();
    const cells = batches.flatMap((b) => b.cells);
    for (const batch of batches)
      expect(
        checkScoreCells(compiled, batch.cells, {
          scorers: batch.enteredBy === 'street' ? ['street'] : ['department', 'residents'],
          communityAllowed: (code) => code.startsWith('370305111'),
        }),
      ).toEqual([]);
    // Entered within R-ASM-2's deadline for its period.
    for (const batch of batches)
      for (const cell of batch.cells)
        expect(batch.enteredAt.slice(0, 10) <= scoreEntryDeadline(cell.period, 2026)).toBe(true);

    const { complete, incomplete } = communityScoresFromCells(compiled, cells);
    expect(incomplete).toEqual([]);
    const results = scoreCommunities(compiled, complete);
    expect(results.map((r) => [r.code, r.rank, r.grade])).toEqual([
      ['370305111007', 1, '优秀'],
      ['370305111006', 2, '良好'],
      ['370305111012', 3, '良好'],
      ['370305111013', 4, '合格'],
    ]);
  });

  it('holds only the communities the database has', () => {
    const batches = demoAssessmentScoreBatches((code) => code === '370305111007');
    expect(new Set(batches.flatMap((b) => b.cells.map((c) => c.communityCode)))).toEqual(
      new Set(['370305111007']),
    );
  });
});

describe('resultsPublicationBasis', () => {
  it('cites Ezhou 第三十四条 for an Ezhou scheme, Weihai 三（四） for a Weihai one, nothing for 金山镇', () => {
    expect(resultsPublicationBasis('420703')).toMatchObject({
      document: '鄂州市城市社区工作规则（试行）',
      article: '第三十四条',
    });
    expect(resultsPublicationBasis('371002')?.article).toBe('三（四）');
    expect(resultsPublicationBasis('370305111')).toBeUndefined();
  });
});
