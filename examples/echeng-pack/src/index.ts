/**
 * 鄂城区 (420704): an example pack extending Ezhou's (420700), written as a district would publish its
 * own — from `@shequ/policy`'s public API only. Its document is INVENTED for the example (the title says
 * so): Ezhou's rules let a district set its own figures, and this shows how a pack replaces one of
 * the city's parameters with its own dated, cited value and adds a rule of its own.
 */
import { check, citeFrom, definePack, later, parameter, replaceParameter, value } from '@shequ/policy';

/** The invented local document, marked as an example in its title. */
export const ECHENG_DOCUMENT = '鄂城区城市社区工作实施细则（示例文件，非真实文件）';
const cite = citeFrom(ECHENG_DOCUMENT);
const IN_FORCE = '2025-01-01';

/** The example document's articles, verbatim, for display beside a result (`articleText`). */
const articles = {
  第三条: '本区社区规模原则上不小于2500户。',
  第五条: '每个居民小组应当推选不少于2名居民代表。',
} as const;

export const echengPack = definePack({
  code: '420704',
  name: '鄂城区',
  parent: '420700',
  documents: [{ title: ECHENG_DOCUMENT, inForceFrom: IN_FORCE }],
  settings: ['urban'],
  parameters: [
    parameter({
      name: 'echengRepresentativesPerGroup',
      label: '每个居民小组居民代表下限',
      unit: '人',
      values: [value(IN_FORCE, 2, cite('第五条', articles.第五条))],
    }),
  ],
  overrides: [
    // Ezhou 第五条 sets 3000户; the district's own figure replaces it from its document's date.
    replaceParameter(
      'minCommunityHouseholds',
      parameter({
        name: 'minCommunityHouseholds',
        label: '社区规模下限（户）',
        unit: '户',
        values: [value(IN_FORCE, 2500, cite('第三条', articles.第三条))],
      }),
      cite('第三条', articles.第三条),
    ),
  ],
  rules: [
    check({
      id: 'echeng.representatives-per-group',
      title: '每个居民小组推选不少于2名居民代表',
      citation: cite('第五条', articles.第五条),
      binding: 'binding', // 应当
      facts: { representatives: 'representatives', groups: 'residentGroups' },
      params: ['echengRepresentativesPerGroup'],
      evaluate: ({ facts, params }) => {
        if (facts.groups.length === 0) return { notApplicable: '未设居民小组' };
        const least = facts.groups.length * params.echengRepresentativesPerGroup;
        return {
          holds: facts.representatives >= least,
          expected: later(() => `不少于${least}人（${facts.groups.length}个居民小组）`),
          actual: later(() => `${facts.representatives}人`),
        };
      },
    }),
  ],
  texts: { [ECHENG_DOCUMENT]: articles },
});

/** `shequ check --pack` and `SHEQU_PACKS` load the default export. */
export default echengPack;
