/**
 * The whole country (`000000`, 全国): 中华人民共和国城市居民委员会组织法, the law every residents'
 * committee works under and every shipped pack elaborates. The law exists in two versions a check
 * can need, held as two documents of this one pack, each with its in-force period, so that a result
 * always cites the version in force on the as-of date:
 *
 * - the text as amended on 2018-12-29 (`sources/national-2018.txt`), applied to as-of dates from the
 *   law's entry into force on 1990-01-01 until 2025-12-31. The articles checked here (第六、七、十三、
 *   十七条) read the same since 1990; the amendment changed only the term of office (第八条);
 * - the revision of 2025-10-28 (`sources/national-2025.txt`), from 2026-01-01.
 *
 * README.md ("The national pack") lists every article of both versions, which are checked and why the
 * others cannot be.
 */
import { NATIONAL_CODE, subCommitteeKindLabel } from '@shequ/domain';
import {
  check,
  citeFrom,
  definePack,
  fmt,
  parameter,
  parametersFrom,
  rangeCheck,
  value,
} from '../../engine/index.js';

export const NATIONAL_LAW_2018 = '中华人民共和国城市居民委员会组织法（2018年修正）';
export const NATIONAL_LAW_2025 = '中华人民共和国城市居民委员会组织法（2025年修订）';
/** The law's entry into force, as the 1989 text provides. */
export const NATIONAL_LAW_IN_FORCE = '1990-01-01';
/** The revision's entry into force; the 2018 text applies to as-of dates before it. */
export const NATIONAL_REVISION_IN_FORCE = '2026-01-01';

const cite2018 = citeFrom(NATIONAL_LAW_2018);
const cite2025 = citeFrom(NATIONAL_LAW_2025);
const nationalParameter = parametersFrom(cite2018, NATIONAL_LAW_IN_FORCE);

const scale2018Quote =
  '居民委员会根据居民居住状况，按照便于居民自治的原则，一般在一百户至七百户的范围内设立。';
const scale2025Quote =
  '居民委员会根据居民居住状况,按照便于居民自治,有利于基层治理的原则,一般在一千户至三千户的范围内设立,也可以根据实际需要,在适当范围内设立。';
const committeeQuote = '居民委员会由主任、副主任和委员共五至九人组成。';
const subCommitteesQuote =
  '居民委员会根据需要设人民调解、治安保卫、公共卫生等委员会。居民委员会成员可以兼任下属的委员会的成员。居民较少的居民委员会可以不设下属的委员会，由居民委员会的成员分工负责有关工作。';
/**
 * The scale check of either version of the law: the same guiding range on the households, read from
 * the same parameters (whose values follow the version in force); only the wording and article differ.
 */
const committeeScale = (id: string, title: string, citation: ReturnType<typeof cite2018>) =>
  rangeCheck({
    id,
    title,
    citation,
    binding: 'guiding',
    fact: 'households',
    minimum: { param: 'nationalMinCommitteeHouseholds' },
    maximum: { param: 'nationalMaxCommitteeHouseholds' },
    format: fmt.households,
  });
/** The three sub-committees 第十三条 names, by their snapshot kind (docs/glossary.md). */
const namedSubCommittees = (['mediation', 'security', 'health'] as const).map((kind) => ({
  kind,
  label: subCommitteeKindLabel(kind),
}));

/** `actual` of the sub-committee check, by the bit set of the named committees missing (bit k: the k-th). */
const missingSubCommitteeTexts = Array.from({ length: 1 << namedSubCommittees.length }, (_, missing) =>
  missing === 0
    ? '均已设立'
    : `未设${namedSubCommittees
        .filter((_, k) => (missing & (1 << k)) !== 0)
        .map((c) => c.label)
        .join('、')}`,
);
const missingSubCommitteesText = (missing: number) => missingSubCommitteeTexts[missing]!;

export const nationalPack = definePack({
  code: NATIONAL_CODE,
  name: '全国',
  parent: null,
  documents: [
    {
      title: NATIONAL_LAW_2018,
      inForceFrom: NATIONAL_LAW_IN_FORCE,
      inForceUntil: NATIONAL_REVISION_IN_FORCE,
    },
    { title: NATIONAL_LAW_2025, inForceFrom: NATIONAL_REVISION_IN_FORCE },
  ],
  // The law governs urban residents' committees; villagers' committees have their own law.
  settings: ['urban'],
  parameters: [
    // One parameter per bound, with a dated value for each version: the scale rule of each version reads
    // the same names, and a province or a what-if overrides one name.
    parameter({
      name: 'nationalMinCommitteeHouseholds',
      label: '居民委员会设立规模下限（法定一般范围）',
      unit: '户',
      values: [
        value(NATIONAL_LAW_IN_FORCE, 100, cite2018('第六条', scale2018Quote)),
        value(NATIONAL_REVISION_IN_FORCE, 1000, cite2025('第三条', scale2025Quote)),
      ],
    }),
    parameter({
      name: 'nationalMaxCommitteeHouseholds',
      label: '居民委员会设立规模上限（法定一般范围）',
      unit: '户',
      values: [
        value(NATIONAL_LAW_IN_FORCE, 700, cite2018('第六条', scale2018Quote)),
        value(NATIONAL_REVISION_IN_FORCE, 3000, cite2025('第三条', scale2025Quote)),
      ],
    }),
    nationalParameter(
      'nationalMinCommitteeMembers',
      '居民委员会成员人数下限（法定）',
      '人',
      5,
      '第七条',
      committeeQuote,
    ),
    nationalParameter(
      'nationalMaxCommitteeMembers',
      '居民委员会成员人数上限（法定）',
      '人',
      9,
      '第七条',
      committeeQuote,
    ),
    // 第十七条 leaves the figures to each government: a parameter without values, which a province's pack
    // sets with `replaceParameter` (or a caller with `params`).
    parameter({
      name: 'committeeMemberAllowance',
      label: '居民委员会成员生活补贴标准',
      unit: '元/年',
      values: [],
      source: `由不设区的市、市辖区的人民政府或者上级人民政府规定并拨付（${NATIONAL_LAW_2018}第十七条）；省级政策包或调用方提供`,
    }),
  ],
  rules: [
    committeeScale(
      'national.committee-scale',
      '居民委员会一般在100—700户的范围内设立',
      cite2018('第六条', scale2018Quote),
    ),
    committeeScale(
      'national.committee-scale-2025',
      '居民委员会一般在1000—3000户的范围内设立，也可以根据实际需要在适当范围内设立',
      cite2025('第三条', scale2025Quote),
    ),
    rangeCheck({
      id: 'national.committee-size',
      title: '居民委员会由主任、副主任和委员共5—9人组成',
      citation: cite2018('第七条', committeeQuote),
      binding: 'binding',
      fact: 'committee.members',
      minimum: { param: 'nationalMinCommitteeMembers' },
      maximum: { param: 'nationalMaxCommitteeMembers' },
      format: fmt.people,
    }),
    check({
      id: 'national.sub-committees',
      title: '居民委员会根据需要设人民调解、治安保卫、公共卫生等委员会',
      citation: cite2018('第十三条', subCommitteesQuote),
      // 根据需要, and a committee with few residents may set up none: a missing one only warns.
      binding: 'guiding',
      facts: { subCommittees: 'subCommittees' },
      evaluate: ({ facts }) => {
        // Which named committees are set up, a bit each: the text for each combination is built once.
        const subCommittees = facts.subCommittees;
        let missing = 0;
        for (let k = 0; k < namedSubCommittees.length; k++) {
          const kind = namedSubCommittees[k]!.kind;
          let set = false;
          for (let j = 0; j < subCommittees.length && !set; j++) set = subCommittees[j]!.kind === kind;
          if (!set) missing |= 1 << k;
        }
        return {
          holds: missing === 0,
          expected: '设人民调解、治安保卫、公共卫生委员会（居民较少的可不设，由居委会成员分工负责）',
          actual: missingSubCommitteesText(missing),
        };
      },
    }),
  ],
});
