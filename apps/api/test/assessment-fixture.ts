/**
 * The Ezhou district of the assessment tests: 华容区 with two streets and three communities, and a
 * lawful scheme for 2026 whose routine and annual parts each have a resident-scored indicator.
 */
import { communities, type DatabaseHandle, jurisdictions } from '@shequ/db';

export const DISTRICT = '420703';
export const STREET = '420703001';
export const FIRST = '420703001001';
export const SECOND = '420703001002';
export const OTHER_STREET = '420703002001';

export async function seedEzhou(database: DatabaseHandle): Promise<void> {
  const nodes: [string, string, 'province' | 'city' | 'district' | 'street' | 'community', string | null][] =
    [
      ['420000', '湖北省', 'province', null],
      ['420700', '鄂州市', 'city', '420000'],
      [DISTRICT, '华容区', 'district', '420700'],
      [STREET, '华容镇', 'street', DISTRICT],
      ['420703002', '葛店镇', 'street', DISTRICT],
      [FIRST, '甲社区居委会', 'community', STREET],
      [SECOND, '乙社区居委会', 'community', STREET],
      [OTHER_STREET, '丙社区居委会', 'community', '420703002'],
    ];
  await database.db.insert(jurisdictions).values(
    nodes.map(([code, name, level, parentCode]) => ({
      code,
      name,
      level,
      parentCode,
      provinceCode: '420000',
      cityCode: level === 'province' ? null : '420700',
      districtCode: ['district', 'street', 'community'].includes(level) ? DISTRICT : null,
      streetCode: level === 'community' ? code.slice(0, 9) : null,
      communityCount: 0,
    })),
  );
  await database.db.insert(communities).values(
    nodes
      .filter(([, , level]) => level === 'community')
      .map(([code, name]) => ({
        code,
        name,
        provinceCode: '420000',
        cityCode: '420700',
        districtCode: DISTRICT,
        streetCode: code.slice(0, 9),
        setting: 'urban' as const,
        households: 1000,
        residents: 3000,
        facts: { households: 1000, residents: 3000 },
        asOf: '2026-06-30',
        version: 1,
        updatedAt: new Date('2026-07-01T00:00:00Z'),
      })),
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
