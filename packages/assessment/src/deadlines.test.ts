import { describe, expect, it } from 'vitest';
import { assessmentDeadlines, scoreEntryDeadline } from './deadlines.js';

const scheme = {
  id: 's1',
  name: '华容区2026年方案',
  year: 2026,
  status: 'published',
  jurisdictionCode: '420703',
  periods: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
};

describe('assessment deadlines on the workbench (R-ASM-2)', () => {
  it('closes a period’s score entry at the end of the next month, the annual on 31 January', () => {
    expect(scoreEntryDeadline('2026-Q1', 2026)).toBe('2026-04-30');
    expect(scoreEntryDeadline('2026-01', 2026)).toBe('2026-02-28');
    expect(scoreEntryDeadline('2026-Q4', 2026)).toBe('2027-01-31');
    expect(scoreEntryDeadline('2026-12', 2026)).toBe('2027-01-31');
    expect(scoreEntryDeadline('annual', 2026)).toBe('2027-01-31');
  });

  it('lists what nears within 30 days, soonest first, each with the page where it is done', () => {
    const items = assessmentDeadlines({
      today: '2026-10-10',
      schemes: [scheme],
      surveys: [
        {
          id: 'v1',
          schemeId: 's1',
          schemeName: scheme.name,
          period: '2026-Q3',
          opensOn: '2026-10-01',
          closesOn: '2026-10-20',
        },
        {
          id: 'v2',
          schemeId: 's1',
          schemeName: scheme.name,
          period: '2026-Q4',
          opensOn: '2026-10-15',
          closesOn: '2026-10-25',
        },
      ],
      scores: true,
      makesSchemes: true,
      coveringCodes: ['420703', '420700', '420000'],
    });
    expect(items.map((i) => [i.kind, i.dueOn, i.daysLeft, i.link])).toEqual([
      ['surveyClosing', '2026-10-20', 10, '/assessment/s1/surveys'],
      ['scoreEntry', '2026-10-31', 21, '/assessment/s1'],
    ]);
    expect(items[1]?.title).toBe('华容区2026年方案：2026-Q3 平时考核分数录入截止（R-ASM-2）');
  });

  it('tells those who make schemes that the year has none published, and nobody else', () => {
    const base = { today: '2026-03-01', surveys: [], scores: true, coveringCodes: ['420703', '420700'] };
    const draft = { ...scheme, status: 'draft' };
    expect(assessmentDeadlines({ ...base, schemes: [draft], makesSchemes: true }).map((i) => i.kind)).toEqual(
      ['schemeUnpublished'],
    );
    expect(assessmentDeadlines({ ...base, schemes: [draft], makesSchemes: false })).toEqual([]);
    // A city's published scheme covers the district.
    const city = { ...scheme, jurisdictionCode: '420700' };
    expect(assessmentDeadlines({ ...base, schemes: [city], makesSchemes: true })).toEqual([]);
  });
});
