/**
 * Item 21: the community service centre's floor area and the share kept for residents.
 */
import { minimumCheck, perHouseholds, quantity, shareCheck } from '../../engine/index.js';
import { cite, figure, jiangsuParameter, percent } from './document.js';

const areaQuote = '按照每百户不低于30平方米的标准建设社区综合服务中心(设施)。';
const spaceQuote = '推行开放式、节约化办公,原则上居民服务和活动空间不少于70%。';

/**
 * "每百户不低于30平方米" scales with households; whether a started hundred counts as a full one
 * is not said. Chosen: proportionally (2,050 households → 615 m²), as a rate per hundred is
 * normally applied. Alternative: per started hundred (2,050 households → 21 × 30 = 630 m²).
 */
const perHundred = {
  id: 'jiangsu.facility-area-per-hundred',
  name: '每百户不低于30平方米：按户数比例计算还是不足百户按百户计',
  chosen: '按户数比例计算：户数 ÷ 100 × 30 平方米',
  alternative: '不足一百户的部分按一百户计：向上取整的百户数 × 30 平方米',
} as const;

export const facilityParameters = [
  jiangsuParameter(
    'facilityAreaPerHundredHouseholds',
    '社区综合服务设施面积标准（每百户）',
    '平方米/百户',
    30,
    '21',
    areaQuote,
  ),
  jiangsuParameter('minResidentSpaceShare', '居民服务和活动空间最低占比', '比例', 0.7, '21', spaceQuote),
];

export const facilityRules = [
  quantity({
    id: 'jiangsu.min-facility-area',
    name: 'minFacilityArea',
    title: '社区综合服务设施最低面积：每百户不低于30平方米',
    citation: cite('21', areaQuote),
    facts: { households: 'households' },
    params: ['facilityAreaPerHundredHouseholds'],
    interpretations: [perHundred],
    compute: ({ facts, params, alternative }) => {
      return perHouseholds(
        facts.households,
        100,
        params.facilityAreaPerHundredHouseholds,
        alternative(perHundred.id),
      );
    },
  }),
  minimumCheck({
    id: 'jiangsu.facility-area',
    title: '社区综合服务设施面积每百户不低于30平方米',
    citation: cite('21', areaQuote),
    binding: 'binding',
    fact: 'facility.totalArea',
    minimum: { quantity: 'minFacilityArea' },
    wording: '不低于',
    format: (area) => `${figure(area)}平方米`,
    interpretations: [perHundred],
  }),
  // "原则上…不少于70%": the hedge governs the whole clause, so a shortfall warns. The 70% is
  // read as a share of the centre's total floor area, the only whole the sentence can mean.
  // Compared without dividing, on the decimals as given: 70.7 of 101 m² is exactly 70%.
  shareCheck({
    id: 'jiangsu.resident-space',
    title: '居民服务和活动空间原则上不少于70%',
    citation: cite('21', spaceQuote),
    binding: 'guiding',
    part: 'facility.residentSpaceArea',
    whole: 'facility.totalArea',
    share: 'minResidentSpaceShare',
    expected: (share) => `不少于总面积的${percent(share)}`,
    actual: (part, whole, share) => `${figure(part)}平方米，占${figure(whole)}平方米的${percent(share)}`,
    emptyWhole: '服务设施总面积为0，无法计算居民服务和活动空间占比',
  }),
];
