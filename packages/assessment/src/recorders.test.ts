import { describe, expect, it } from 'vitest';
import {
  appraisalRecorderProblem,
  recordsAppraisals,
  recordsStreetRatings,
  streetRatingRecorderProblem,
} from './recorders.js';

const COMMUNITY = '420703001001';
const STREET = '420703001';
const DISTRICT = '420703';

describe('who records a democratic appraisal (江苏省指引 19（7）)', () => {
  it('lets the community and its street record, and nobody else', () => {
    expect(
      appraisalRecorderProblem({ role: 'communityWorker', jurisdictionCode: COMMUNITY }, COMMUNITY),
    ).toBe(undefined);
    expect(appraisalRecorderProblem({ role: 'streetAdmin', jurisdictionCode: STREET }, COMMUNITY)).toBe(
      undefined,
    );
    for (const recorder of [
      { role: 'communityWorker', jurisdictionCode: '420703001002' },
      { role: 'streetAdmin', jurisdictionCode: '420703002' },
      { role: 'districtAdmin', jurisdictionCode: DISTRICT },
      { role: 'systemAdmin', jurisdictionCode: '000000' },
      { role: 'auditor', jurisdictionCode: COMMUNITY },
    ] as const)
      expect(appraisalRecorderProblem(recorder, COMMUNITY)).toContain('R-ASM-4');
  });

  it('tells the console which accounts record appraisals', () => {
    expect(recordsAppraisals({ role: 'communityWorker', jurisdictionCode: COMMUNITY })).toBe(true);
    expect(recordsAppraisals({ role: 'streetAdmin', jurisdictionCode: STREET })).toBe(true);
    expect(recordsAppraisals({ role: 'districtAdmin', jurisdictionCode: DISTRICT })).toBe(false);
    expect(recordsAppraisals({ role: 'auditor', jurisdictionCode: COMMUNITY })).toBe(false);
  });
});

describe('who records a community’s rating of its street (鄂州市第三十五条)', () => {
  it('lets the community itself and the organising district (or above) record', () => {
    expect(
      streetRatingRecorderProblem({ role: 'communityWorker', jurisdictionCode: COMMUNITY }, COMMUNITY),
    ).toBe(undefined);
    expect(
      streetRatingRecorderProblem({ role: 'districtAdmin', jurisdictionCode: DISTRICT }, COMMUNITY),
    ).toBe(undefined);
    expect(streetRatingRecorderProblem({ role: 'systemAdmin', jurisdictionCode: '000000' }, COMMUNITY)).toBe(
      undefined,
    );
  });

  it('never lets the street rated record, nor another community, another district or an auditor', () => {
    expect(
      streetRatingRecorderProblem({ role: 'streetAdmin', jurisdictionCode: STREET }, COMMUNITY),
    ).toContain('被考评方');
    for (const recorder of [
      { role: 'communityWorker', jurisdictionCode: '420703001002' },
      { role: 'districtAdmin', jurisdictionCode: '420704' },
      { role: 'auditor', jurisdictionCode: DISTRICT },
    ] as const)
      expect(streetRatingRecorderProblem(recorder, COMMUNITY)).toContain('R-ASM-5');
    expect(recordsStreetRatings({ role: 'streetAdmin', jurisdictionCode: STREET })).toBe(false);
    expect(recordsStreetRatings({ role: 'cityAdmin', jurisdictionCode: '420700' })).toBe(true);
  });
});
