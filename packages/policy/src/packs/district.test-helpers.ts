import { citeFrom, type PackDefinition, parameter, replaceParameter, value } from '../engine/index.js';

/** A district document under Ezhou, for tests of packs a city adds below a shipped one. */
export const DISTRICT_DOCUMENT = '测试区社区工作细则（示例）';
export const citeDistrict = citeFrom(DISTRICT_DOCUMENT);

/** 鄂城区 under Ezhou, whose document lowers the community-size minimum to `households`. */
export function lowerSizeDistrict(households: number) {
  const citation = citeDistrict('第二条', `社区规模原则上不小于${households}户。`);
  return {
    code: '420704',
    name: '鄂城区',
    parent: '420700',
    documents: [{ title: DISTRICT_DOCUMENT, inForceFrom: '2024-01-01' }],
    overrides: [
      replaceParameter(
        'minCommunityHouseholds',
        parameter({
          name: 'minCommunityHouseholds',
          label: '社区规模下限（户）',
          unit: '户',
          values: [value('2024-01-01', households, citation)],
        }),
        citation,
      ),
    ],
  } satisfies PackDefinition;
}
