/**
 * Assessment deadlines for the workbench (工作台): score entry of a period closing, a residents' survey
 * closing, and no published scheme for the year. Each item says what is due, by when, and where it
 * is done.
 *
 * The regulations set no date by which scores are entered. 本系统规则 R-ASM-2 (docs/project-rules.md):
 * a routine period's scores are entered by the last day of the month after the period ends (2026-Q1 by
 * 2026-04-30, 2026-03 by 2026-04-30), the annual assessment's by 31 January of the next year.
 */
import { ANNUAL_PERIOD } from './cells.js';

export const scoreEntryRule = {
  id: 'R-ASM-2',
  title: '分数录入期限',
  text: '平时考核分数在该周期结束后的次月月底前录入；年度考核分数在次年1月31日前录入。',
} as const;

/** How many days ahead the workbench shows a deadline. */
export const DEADLINE_NOTICE_DAYS = 30;

const lastDayOfMonth = (year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;

/** The last day scores of `period` may be entered under R-ASM-2. */
export function scoreEntryDeadline(period: string, year: number): string {
  if (period === ANNUAL_PERIOD) return `${year + 1}-01-31`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const [y, lastMonth] = quarter
    ? [Number(quarter[1]), Number(quarter[2]) * 3]
    : month
      ? [Number(month[1]), Number(month[2])]
      : [year, 12];
  return lastMonth === 12 ? lastDayOfMonth(y + 1, 1) : lastDayOfMonth(y, lastMonth + 1);
}

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface DeadlineScheme {
  id: string;
  name: string;
  year: number;
  status: string;
  jurisdictionCode: string;
  /** Routine periods of the scheme (`compileScheme(...).periods`). */
  periods: readonly string[];
}

export interface DeadlineSurvey {
  id: string;
  schemeId: string;
  schemeName: string;
  period: string;
  opensOn: string;
  closesOn: string;
}

export interface AssessmentDeadline {
  kind: 'scoreEntry' | 'surveyClosing' | 'schemeUnpublished';
  title: string;
  /** The last day, ISO; for an unpublished scheme, the year's last day. */
  dueOn: string;
  daysLeft: number;
  /** The console page where it is done. */
  link: string;
}

/**
 * What nears for one person on `today`: score entry closing within `DEADLINE_NOTICE_DAYS` for the
 * published schemes they score (`scores: true`), open surveys closing within as many days, and — for
 * those who make schemes — the year without a published scheme for their own node or one above it.
 * Soonest first.
 */
export function assessmentDeadlines(input: {
  today: string;
  schemes: readonly DeadlineScheme[];
  surveys: readonly DeadlineSurvey[];
  scores: boolean;
  makesSchemes: boolean;
  /** The person's own node and the nodes above it: a scheme made for any of them covers them. */
  coveringCodes: readonly string[];
}): AssessmentDeadline[] {
  const { today } = input;
  const near = (dueOn: string) => {
    const daysLeft = daysBetween(today, dueOn);
    return daysLeft >= 0 && daysLeft <= DEADLINE_NOTICE_DAYS ? daysLeft : undefined;
  };
  const out: AssessmentDeadline[] = [];
  if (input.scores)
    for (const scheme of input.schemes.filter((s) => s.status === 'published'))
      for (const period of [...scheme.periods, ANNUAL_PERIOD]) {
        const dueOn = scoreEntryDeadline(period, scheme.year);
        const daysLeft = near(dueOn);
        if (daysLeft === undefined) continue;
        const label = period === ANNUAL_PERIOD ? `${scheme.year}年度考核` : `${period} 平时考核`;
        out.push({
          kind: 'scoreEntry',
          title: `${scheme.name}：${label}分数录入截止（${scoreEntryRule.id}）`,
          dueOn,
          daysLeft,
          link: `/assessment/${scheme.id}`,
        });
      }
  for (const survey of input.surveys) {
    const daysLeft = near(survey.closesOn);
    if (daysLeft === undefined || survey.opensOn > today) continue;
    const label = survey.period === ANNUAL_PERIOD ? '年度' : survey.period;
    out.push({
      kind: 'surveyClosing',
      title: `${survey.schemeName}：${label}居民满意度调查截止`,
      dueOn: survey.closesOn,
      daysLeft,
      link: `/assessment/${survey.schemeId}/surveys`,
    });
  }
  const year = Number(today.slice(0, 4));
  const covered = input.schemes.some(
    (s) => s.year === year && s.status === 'published' && input.coveringCodes.includes(s.jurisdictionCode),
  );
  if (input.makesSchemes && !covered) {
    const dueOn = `${year}-12-31`;
    out.push({
      kind: 'schemeUnpublished',
      title: `${year}年度考核方案尚未发布`,
      dueOn,
      daysLeft: daysBetween(today, dueOn),
      link: '/assessment',
    });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
