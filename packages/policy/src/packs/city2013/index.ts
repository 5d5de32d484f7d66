/**
 * 社区建设和治理条例 (`sources/city2013.txt`): a city's local regulation, in force from 2013-12-01 (第四十七条).
 * The text names no city, so the pack ships under the placeholder code `000013` (docs/interfaces.md
 * §1) and applies only when chosen explicitly. REQUIREMENTS.md lists what the regulation asks
 * and what a snapshot cannot show.
 *
 * The regulation's 社区 is the area one 社区服务管理机构 serves and may hold several residents'
 * committees (第二十条). A snapshot describes one committee; the pack reads it as the 社区, the
 * common one-committee case.
 */
import { UNIDENTIFIED_2013_CITY } from '@shequ/domain';
import { check, citeFrom, definePack, later, parameter, quantity, value } from '../../engine/index.js';

export const CITY2013_DOCUMENT = '社区建设和治理条例';
export const CITY2013_IN_FORCE = '2013-12-01';
const cite = citeFrom(CITY2013_DOCUMENT);

const buildingQuote =
  '县级以上人民政府应当将社区服务管理用房纳入城市建设规划按照利于服务、便于管理和综合利用的原则配套建设。每个社区的服务管理用房不低于 800 平方米。';

/**
 * "服务管理用房" could be the whole community service facility or only the rooms of the service
 * administration. The regulation makes the 社区服务管理机构 provide the community's services
 * (第十条、第十一条、第二十七条), so its rooms are the facility: the total floor area counts.
 */
const buildingScope = {
  id: 'city2013.service-building-scope',
  name: '“服务管理用房”是社区服务设施的全部还是仅服务管理机构的办公服务用房',
  chosen: '社区服务设施总建筑面积（facility.totalArea）',
  alternative: '总面积减去居民服务和活动空间（facility.residentSpaceArea）',
} as const;

export const city2013Pack = definePack({
  code: UNIDENTIFIED_2013_CITY,
  name: '社区建设和治理条例（2013）',
  parent: null,
  documents: [{ title: CITY2013_DOCUMENT, inForceFrom: CITY2013_IN_FORCE }],
  parameters: [
    parameter({
      name: 'minServiceBuildingArea',
      label: '每个社区服务管理用房最低面积',
      unit: '平方米',
      values: [value(CITY2013_IN_FORCE, 800, cite('第三十七条', buildingQuote))],
    }),
  ],
  rules: [
    quantity({
      id: 'city2013.min-facility-area',
      name: 'minFacilityArea',
      title: '每个社区的服务管理用房不低于800平方米',
      citation: cite('第三十七条', buildingQuote),
      params: ['minServiceBuildingArea'],
      compute: ({ params }) => params.minServiceBuildingArea,
    }),
    check({
      id: 'city2013.service-building-area',
      title: '每个社区的服务管理用房不低于800平方米',
      citation: cite('第三十七条', buildingQuote),
      binding: 'binding',
      facts: { totalArea: 'facility.totalArea' },
      optionalFacts: { residentSpaceArea: 'facility.residentSpaceArea' },
      quantities: ['minFacilityArea'],
      interpretations: [buildingScope],
      evaluate: ({ facts, optional, quantities, alternative }) => {
        const expected = later(() => `不低于${quantities.minFacilityArea}平方米`);
        if (!alternative(buildingScope.id)) {
          return {
            holds: facts.totalArea >= quantities.minFacilityArea,
            expected,
            actual: later(() => `${facts.totalArea}平方米`),
          };
        }
        if (optional.residentSpaceArea === undefined) {
          return {
            unknown:
              '按仅计服务管理机构用房的解释，需知道居民服务和活动空间面积（facility.residentSpaceArea）',
          };
        }
        const serviceRooms = facts.totalArea - optional.residentSpaceArea;
        return {
          holds: serviceRooms >= quantities.minFacilityArea,
          expected,
          actual: later(
            () =>
              `总面积${facts.totalArea}平方米减去居民服务和活动空间${optional.residentSpaceArea}平方米，为${serviceRooms}平方米`,
          ),
        };
      },
    }),
  ],
});
