/**
 * The Ezhou district of the assessment tests: 华容区 with two streets and three communities, and a
 * lawful scheme for 2026 whose routine and annual parts each have a resident-scored indicator.
 */
import type { DatabaseHandle } from '@shequ/db';
import { insertDivisions } from './fixture.js';

export const DISTRICT = '420703';
export const STREET = '420703001';
export const FIRST = '420703001001';
export const SECOND = '420703001002';
export const OTHER_STREET = '420703002001';

export async function seedEzhou(database: DatabaseHandle): Promise<void> {
  await insertDivisions(
    database,
    [
      ['420000', '湖北省', 'province', null],
      ['420700', '鄂州市', 'city', '420000'],
      [DISTRICT, '华容区', 'district', '420700'],
      [STREET, '华容镇', 'street', DISTRICT],
      ['420703002', '葛店镇', 'street', DISTRICT],
      [FIRST, '甲社区居委会', 'community', STREET],
      [SECOND, '乙社区居委会', 'community', STREET],
      [OTHER_STREET, '丙社区居委会', 'community', '420703002'],
    ],
    () => ({ households: 1000, residents: 3000 }),
  );
}

export function definition(overrides: Record<string, unknown> = {}) {
  return {
    name: '华容区2026年社区综合考核方案',
    jurisdiction: DISTRICT,
    year: 2026,
    version: 1,
    routine: {
      periodicity: 'quarter' as const,
      weight: 0.6,
      indicators: [
        { id: 'party', name: '党建引领', weight: 0.4, scorer: 'department' as const, maxScore: 10 },
        { id: 'service', name: '为民服务', weight: 0.3, scorer: 'street' as const },
        { id: 'satisfaction', name: '居民满意度', weight: 0.3, scorer: 'residents' as const },
      ],
    },
    annual: {
      weight: 0.4,
      indicators: [
        { id: 'review', name: '年度述职', weight: 0.6, scorer: 'department' as const },
        { id: 'annualSatisfaction', name: '年度满意度测评', weight: 0.4, scorer: 'residents' as const },
      ],
    },
    grades: [
      {
        name: '优秀',
        min: 90,
        honours: ['assessment-qualified' as const, 'district-assessment-advanced' as const],
      },
      { name: '合格', min: 60, honours: ['assessment-qualified' as const] },
      { name: '不合格', min: 0 },
    ],
    streetRatingResidentShare: 0.5,
    ...overrides,
  };
}
