import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/index.js';
import { assessmentSchemeFindings } from '../index.js';
import { ezhouPack, ezhouInterpretations as readings } from './index.js';

const ezhou = compile([ezhouPack]);
const asOf = '2024-06-30';

describe('第三十五条 communities rate their street with residents’ scores of at least 50%', () => {
  const rule = 'ezhou.street-rating-resident-share';
  const status = (streetRatingResidentShare: number) =>
    ezhou({ assessment: { streetRatingResidentShare } }, { asOf }).results.find((r) => r.rule === rule);
  it('fails a share below 50%, passes at and above', () => {
    expect(status(0.49)?.status).toBe('fail');
    expect(status(0.5)?.status).toBe('pass');
    expect(status(0.51)?.status).toBe('pass');
    expect(status(0.49)?.citation.article).toBe('第三十五条');
    expect(status(0.49)?.message).toBe(
      '不符合：社区考评街道（乡镇）中居民打分应不低于50%（应不低于50%，实际49%）。',
    );
  });
  it('is unknown without the scheme', () => {
    expect(ezhou({}, { asOf }).results.find((r) => r.rule === rule)?.status).toBe('unknown');
  });
  it('is what the assessment package asks for a street rating scheme', () => {
    const findings = assessmentSchemeFindings(
      { streetRatingResidentShare: 0.4 },
      { community: '420703101006', asOf },
    );
    expect(findings.find((f) => f.rule === rule)?.status).toBe('fail');
    expect(findings.every((f) => f.rule.startsWith('ezhou.'))).toBe(true);
    expect(findings.some((f) => f.rule === 'ezhou.community-size')).toBe(false);
  });
});

describe('第三十四条 the message is right under both readings', () => {
  const rule = 'ezhou.resident-scoring-share-routine';
  const result = (residentShareRoutine: number, alternative = false) =>
    ezhou(
      { assessment: { residentShareRoutine } },
      {
        asOf,
        ...(alternative ? { readings: { [readings.residentScoringShare.id]: 'alternative' as const } } : {}),
      },
    ).results.find((r) => r.rule === rule);
  it('as written: below 50%', () => {
    expect(result(0.4)?.message).toBe('符合：按原文，平时考核居民打分占比低于50%（实际40%）。');
    expect(result(0.5)?.message).toBe('不符合：按原文，平时考核居民打分占比低于50%，实际50%。');
  });
  it('the other reading: not below 50%, never “应低于” in a pass', () => {
    const pass = result(0.5, true);
    expect(pass?.status).toBe('pass');
    expect(pass?.message).toBe('符合：按“均不低于50%”的解释，平时考核居民打分占比不低于50%（实际50%）。');
    expect(pass?.title).not.toContain('应低于');
    expect(result(0.49, true)?.status).toBe('fail');
  });
  it('both parts of 第三十四条 and 第三十五条 come back as the scheme’s findings', () => {
    const findings = assessmentSchemeFindings(
      {
        routineWeight: 0.6,
        annualWeight: 0.4,
        residentShareRoutine: 0.4,
        residentShareAnnual: 0.4,
        streetRatingResidentShare: 0.5,
      },
      { jurisdiction: '420700', asOf },
    );
    expect(findings.map((f) => [f.rule, f.status])).toEqual([
      ['ezhou.routine-assessment-weight', 'pass'],
      ['ezhou.resident-scoring-share-routine', 'pass'],
      ['ezhou.resident-scoring-share-annual', 'pass'],
      ['ezhou.street-rating-resident-share', 'pass'],
    ]);
  });
});
