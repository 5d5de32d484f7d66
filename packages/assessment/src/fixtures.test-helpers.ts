/** A small scheme used across the tests: two routine indicators (one a parent), one annual. */
export function sampleScheme(overrides: Record<string, unknown> = {}) {
  return {
    name: '2024年社区综合考核方案',
    jurisdiction: '420703',
    year: 2024,
    version: 1,
    routine: {
      periodicity: 'quarter',
      weight: 0.6,
      indicators: [
        {
          id: 'work',
          name: '工作实绩',
          weight: 0.7,
          children: [
            { id: 'party', name: '党建引领', weight: 0.5, scorer: 'department', maxScore: 10 },
            { id: 'service', name: '为民服务', weight: 0.5, scorer: 'street' },
          ],
        },
        { id: 'satisfaction', name: '居民满意度', weight: 0.3, scorer: 'residents' },
      ],
    },
    annual: {
      weight: 0.4,
      indicators: [
        { id: 'review', name: '年度述职', weight: 0.6, scorer: 'department' },
        { id: 'annualSatisfaction', name: '年度满意度测评', weight: 0.4, scorer: 'residents' },
      ],
    },
    grades: [
      { name: '优秀', min: 90 },
      { name: '合格', min: 60 },
      { name: '不合格', min: 0 },
    ],
    ...overrides,
  };
}

export function fullScores(
  code: string,
  value: { party: number; service: number; satisfaction: number; review: number; annualSatisfaction: number },
) {
  const round = { party: value.party, service: value.service, satisfaction: value.satisfaction };
  return {
    code,
    routine: { '2024-Q1': round, '2024-Q2': round, '2024-Q3': round, '2024-Q4': round },
    annual: { review: value.review, annualSatisfaction: value.annualSatisfaction },
  };
}
