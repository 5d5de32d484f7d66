/**
 * The demo's assessment: 金山镇's 2026 scheme for its urban communities, and a year of scores for its
 * four communities (象山 among them) — four quarters and the annual assessment — so results, ranks,
 * grades, a community's breakdown and the publication page have content. The packs the town comes
 * under (national, 金山镇) set no rule on schemes, so nothing blocks publication; the scheme still
 * keeps to what the packs that do rule ask — residents' satisfaction the largest share, no 一票否决.
 * The scores are fictional, in each indicator's range, and spread the communities over three grades.
 */
import { ANNUAL_PERIOD, type ScoreCellInput } from './cells.js';
import type { AssessmentSchemeDefinition, Scorer } from './scheme.js';

/** 金山镇 (Linzi, Zibo), the street of the demo community 象山社区居委会. */
export const DEMO_ASSESSMENT_STREET = '370305111';
export const DEMO_ASSESSMENT_YEAR = 2026;

/** The communities of 金山镇 in the demo data (`residents-committees.tsv.gz`), by code. */
export const demoAssessmentCommunities = {
  shihuajian: '370305111006',
  xiangshan: '370305111007',
  shenglian: '370305111012',
  fengshan: '370305111013',
} as const;

export function demoAssessmentScheme(): AssessmentSchemeDefinition {
  return {
    name: '金山镇2026年城市社区综合考核方案',
    jurisdiction: DEMO_ASSESSMENT_STREET,
    year: DEMO_ASSESSMENT_YEAR,
    version: 1,
    routine: {
      periodicity: 'quarter',
      weight: 0.6,
      indicators: [
        { id: 'party', name: '党建引领', weight: 0.25, scorer: 'department' },
        {
          id: 'governance',
          name: '社区治理',
          weight: 0.3,
          children: [
            { id: 'selfGovernance', name: '民主自治', weight: 0.5, scorer: 'street' },
            { id: 'safety', name: '平安建设', weight: 0.5, scorer: 'department' },
          ],
        },
        { id: 'satisfaction', name: '居民满意度', weight: 0.45, scorer: 'residents' },
      ],
    },
    annual: {
      weight: 0.4,
      indicators: [
        { id: 'work', name: '年度工作实绩', weight: 0.35, scorer: 'department' },
        { id: 'review', name: '年度述职评议', weight: 0.2, scorer: 'street' },
        { id: 'annualSatisfaction', name: '年度居民满意度测评', weight: 0.45, scorer: 'residents' },
      ],
    },
    grades: [
      { name: '优秀', min: 90 },
      { name: '良好', min: 80 },
      { name: '合格', min: 60 },
      { name: '不合格', min: 0 },
    ],
    residentScoreCombination: 'pooled',
  };
}

type RoutineScores = { party: number; selfGovernance: number; safety: number; satisfaction: number };
type AnnualScores = { work: number; review: number; annualSatisfaction: number };

/** Each community's first-quarter scores and annual scores; later quarters move by `quarterSteps`. */
const profiles: Record<string, { routine: RoutineScores; annual: AnnualScores }> = {
  [demoAssessmentCommunities.xiangshan]: {
    routine: { party: 93, selfGovernance: 92, safety: 90, satisfaction: 91 },
    annual: { work: 94, review: 92, annualSatisfaction: 93 },
  },
  [demoAssessmentCommunities.shihuajian]: {
    routine: { party: 86, selfGovernance: 84, safety: 88, satisfaction: 85 },
    annual: { work: 87, review: 85, annualSatisfaction: 86 },
  },
  [demoAssessmentCommunities.shenglian]: {
    routine: { party: 82, selfGovernance: 80, safety: 79, satisfaction: 81 },
    annual: { work: 83, review: 80, annualSatisfaction: 82 },
  },
  [demoAssessmentCommunities.fengshan]: {
    routine: { party: 75, selfGovernance: 72, safety: 70, satisfaction: 74 },
    annual: { work: 76, review: 73, annualSatisfaction: 75 },
  },
};

/** A year's movement: a slow start, then steady gains — whole points, so totals stay readable. */
const quarterSteps = [0, 1, 2, 2] as const;

const routineScorers: Record<keyof RoutineScores, Scorer> = {
  party: 'department',
  selfGovernance: 'street',
  safety: 'department',
  satisfaction: 'residents',
};
const annualScorers: Record<keyof AnnualScores, Scorer> = {
  work: 'department',
  review: 'street',
  annualSatisfaction: 'residents',
};

export interface DemoScoreBatch {
  /** When the batch is entered (ISO instant, Beijing time): within R-ASM-2's deadline for its period. */
  enteredAt: string;
  /** Who enters it: the district (departments' and residents' scores) or the street (the street's), as the API lets each. */
  enteredBy: 'district' | 'street';
  cells: ScoreCellInput[];
}

const entryDates: Record<string, string> = {
  [`${DEMO_ASSESSMENT_YEAR}-Q1`]: '2026-04-20',
  [`${DEMO_ASSESSMENT_YEAR}-Q2`]: '2026-07-20',
  [`${DEMO_ASSESSMENT_YEAR}-Q3`]: '2026-10-20',
  [`${DEMO_ASSESSMENT_YEAR}-Q4`]: '2027-01-15',
  [ANNUAL_PERIOD]: '2027-01-22',
};

/**
 * The demo's score batches in the order they are entered: per period, the street's scores at 10:00
 * and the district's at 15:00 of the day, each for the communities that `exists` accepts.
 */
export function demoAssessmentScoreBatches(exists: (code: string) => boolean = () => true): DemoScoreBatch[] {
  const codes = Object.values(demoAssessmentCommunities).filter(exists);
  const batches: DemoScoreBatch[] = [];
  const periods = [...quarterSteps.map((_, i) => `${DEMO_ASSESSMENT_YEAR}-Q${i + 1}`), ANNUAL_PERIOD];
  periods.forEach((period, i) => {
    const step = quarterSteps[i] ?? 0;
    const scoresOf = (code: string): [string, number, Scorer][] => {
      const profile = profiles[code];
      if (!profile) return [];
      if (period === ANNUAL_PERIOD)
        return Object.entries(profile.annual).map(([id, score]) => [
          id,
          score,
          annualScorers[id as keyof AnnualScores],
        ]);
      return Object.entries(profile.routine).map(([id, score]) => [
        id,
        Math.min(100, score + step),
        routineScorers[id as keyof RoutineScores],
      ]);
    };
    for (const enteredBy of ['street', 'district'] as const) {
      const cells = codes.flatMap((communityCode) =>
        scoresOf(communityCode)
          .filter(([, , scorer]) => (scorer === 'street') === (enteredBy === 'street'))
          .map(([indicatorId, score]) => ({ communityCode, period, indicatorId, score })),
      );
      const time = enteredBy === 'street' ? '10:00:00' : '15:00:00';
      if (cells.length > 0)
        batches.push({ enteredAt: `${entryDates[period]}T${time}+08:00`, enteredBy, cells });
    }
  });
  return batches;
}

/** When the demo scheme is drafted and published (ISO instants, Beijing time). */
export const demoAssessmentSchemeDates = {
  createdAt: '2026-01-06T09:30:00+08:00',
  publishedAt: '2026-01-09T16:00:00+08:00',
} as const;

/** The demo's steps in the order they are stored, each with the moment it is recorded. */
export interface DemoAssessmentEntries {
  createdAt: Date;
  publishedAt: Date;
  batches: (Omit<DemoScoreBatch, 'enteredAt'> & { enteredAt: Date })[];
}

/** How far apart the steps that `demoAssessmentEntries` moves back to `now` are kept, in their order. */
const STEP_MS = 60_000;

/**
 * The demo's scheme and score batches dated no later than `now`, the moment they are loaded: demo data is
 * never dated in the future (an audit log lists newest first, and a future entry would stay on top). A
 * step planned after `now` is recorded just before it, a minute before the next step, so the steps keep
 * their order (drafted, published, each period's street then district batch) and all the scores are there.
 */
export function demoAssessmentEntries(
  now: Date,
  exists: (code: string) => boolean = () => true,
): DemoAssessmentEntries {
  const planned = [
    demoAssessmentSchemeDates.createdAt,
    demoAssessmentSchemeDates.publishedAt,
    ...demoAssessmentScoreBatches(exists).map((b) => b.enteredAt),
  ].map((at) => new Date(at).getTime());
  const at: number[] = [];
  let latest = now.getTime();
  for (let i = planned.length - 1; i >= 0; i--) {
    at[i] = Math.min(planned[i] ?? latest, latest);
    latest = (at[i] ?? latest) - STEP_MS;
  }
  const dated = (i: number) => new Date(at[i] ?? now.getTime());
  return {
    createdAt: dated(0),
    publishedAt: dated(1),
    batches: demoAssessmentScoreBatches(exists).map((b, i) => ({ ...b, enteredAt: dated(i + 2) })),
  };
}
