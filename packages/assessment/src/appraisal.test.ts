import { governedBy } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import {
  type AppraisalRecord,
  appraisalCitation,
  appraisalEntry,
  appraisalOutcome,
  appraisalYearProblem,
  endsOffice,
  memberKeyOf,
  officeEndedText,
  officeEndsByAppraisalText,
} from './appraisal.js';

describe('appraisalOutcome (江苏 19（7）: 连续两次不称职，职务终止)', () => {
  it('one incompetent appraisal does not end the office', () => {
    expect(appraisalOutcome([{ year: 2023, grade: 'incompetent' }]).terminated).toBe(false);
  });

  it('two incompetent appraisals in a row end it, whatever order they were recorded in', () => {
    const outcome = appraisalOutcome([
      { year: 2024, grade: 'incompetent' },
      { year: 2022, grade: 'competent' },
      { year: 2023, grade: 'incompetent' },
    ]);
    expect(outcome).toMatchObject({ terminated: true, becauseOf: [2023, 2024] });
  });

  it('an appraisal in between that is not 不称职 breaks the run', () => {
    const outcome = appraisalOutcome([
      { year: 2022, grade: 'incompetent' },
      { year: 2023, grade: 'basicallyCompetent' },
      { year: 2024, grade: 'incompetent' },
    ]);
    expect(outcome.terminated).toBe(false);
  });

  it('a year with no appraisal held does not break the run; the calendar-year reading says it does', () => {
    const history = [
      { year: 2022, grade: 'incompetent' as const },
      { year: 2024, grade: 'incompetent' as const },
    ];
    expect(appraisalOutcome(history).terminated).toBe(true);
    expect(appraisalOutcome(history, { consecutive: 'calendarYears' }).terminated).toBe(false);
  });
});

describe('recording a year’s appraisal', () => {
  it('the second consecutive 不称职 is the rating that ends the office, and says so plainly', () => {
    const history = [{ year: 2025, grade: 'incompetent' as const }];
    expect(endsOffice(history, { year: 2026, grade: 'incompetent' })).toBe(true);
    expect(endsOffice(history, { year: 2026, grade: 'basicallyCompetent' })).toBe(false);
    // Re-entering a year already decisive does not end the office a second time.
    expect(
      endsOffice([...history, { year: 2026, grade: 'incompetent' }], { year: 2026, grade: 'incompetent' }),
    ).toBe(false);
    expect(officeEndedText(appraisalOutcome([...history, { year: 2026, grade: 'incompetent' }]))).toBe(
      '2025年、2026年连续两次被评议为不称职，职务终止（江苏省城市社区居民委员会规范化建设工作指引19（7））',
    );
  });

  it('rates only a year the member served, and refuses an unknown grade in zh-CN', () => {
    expect(appraisalYearProblem([{ from: '2024-03-01' }], 2023)).toBe(
      '该成员2023年不在居民委员会任职，不能评议该年度',
    );
    expect(appraisalYearProblem([{ from: '2024-03-01', to: '2025-01-31' }], 2025)).toBeUndefined();
    expect(appraisalYearProblem([{ from: '2021-03-01', to: '2024-12-31' }], 2025)).toBeDefined();
    // A new term: the year before it counts through the earlier term.
    expect(
      appraisalYearProblem([{ from: '2021-06-01', to: '2026-05-31' }, { from: '2026-06-01' }], 2025),
    ).toBeUndefined();
    expect(appraisalEntry.safeParse({ year: 2026, grade: 'good' }).error?.issues[0]?.message).toBe(
      '评议结果应为 称职、基本称职 或 不称职',
    );
  });

  it('names a member by roster entry, or by name when they have none', () => {
    expect(memberKeyOf({ workerId: 'w1', name: '张三' })).toBe('w1');
    expect(memberKeyOf({ name: '张三' })).toBe('name:张三');
  });
});

describe('only where Jiangsu 19（7） governs the community', () => {
  const twice: AppraisalRecord[] = [
    { year: 2025, grade: 'incompetent' },
    { year: 2026, grade: 'incompetent' },
  ];
  const nanjing = governedBy([
    '中华人民共和国城市居民委员会组织法（2018年修正）',
    appraisalCitation.document,
  ]);
  const weihai = governedBy([
    '中华人民共和国城市居民委员会组织法（2018年修正）',
    '中共威海市委 威海市人民政府关于加强和完善城乡社区治理的实施意见（威发〔2018〕39号）',
  ]);

  it('ends the office of a member of a Nanjing community, as without `governs`', () => {
    const outcome = appraisalOutcome(twice, { governs: nanjing });
    expect(outcome).toEqual(appraisalOutcome(twice));
    expect(officeEndedText(outcome, { governs: nanjing })).toBe(officeEndedText(outcome));
    expect(endsOffice(twice.slice(0, 1), twice[1] as AppraisalRecord, { governs: nanjing })).toBe(true);
  });

  it('ends no office of a member of a Weihai community: no other document says so', () => {
    expect(appraisalOutcome(twice, { governs: weihai }).terminated).toBe(false);
    expect(officeEndedText(appraisalOutcome(twice), { governs: weihai })).toBeUndefined();
    expect(endsOffice(twice.slice(0, 1), twice[1] as AppraisalRecord, { governs: weihai })).toBe(false);
  });

  it('says the rule for the rating form only where it governs', () => {
    expect(officeEndsByAppraisalText({ governs: nanjing })).toBe(
      '居民委员会成员连续两次被评议为不称职的，其职务终止（江苏省城市社区居民委员会规范化建设工作指引19（7））。',
    );
    expect(officeEndsByAppraisalText()).toBe(officeEndsByAppraisalText({ governs: nanjing }));
    expect(officeEndsByAppraisalText({ governs: weihai })).toBeUndefined();
  });
});
