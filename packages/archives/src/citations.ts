/**
 * The articles this package implements, quoted from the regulations (packages/policy/sources) with each
 * document's date of entry into force, so that every refusal can say which rule it applies.
 */
import { citeDocument } from '@shequ/domain';
import type { Citation } from '@shequ/people';

export type { Citation } from '@shequ/people';
export { citeInline } from '@shequ/people';

export const citations = {
  /** Archives: four media, five content groups, a named custodian, use under rules. */
  ezhouArchives: citeDocument.ezhou(
    '第三十九条',
    '档案资料应包括纸质档案、电子档案、音像档案和实物四大类，各类档案资料应分类整理存放，指定专人保管，严格按规定管理使用。',
  ),
  /** Seals: a named custodian, a fixed place, no removal without approval, approved use. */
  ezhouSeals: citeDocument.ezhou(
    '第四十条',
    '社区党组织、居民委员会、监督委员会和各下属委员会印章应由专人保管，固定存放，无特殊情况未经批准不得带离办公室。应建立印章使用制度，严格印章使用审批手续。',
  ),
  /** Departure handover of finance records, archives and seals, under supervision. */
  jinshanHandover: citeDocument.jinshan(
    '第十八条',
    '社区工作人员离任，财务、档案、印章等移交工作，由镇纪委、党政办负责监督。对无故拖延移交的，给予批评教育。逾期拒不移交、涂改、损毁、丢失档案和印章的，扣除离任当年绩效奖金；情节严重的，给予党纪处分。',
  ),
  /** Archives: the residents' charter carries the community's rules on keeping its archives. */
  jiangsuArchives: citeDocument.jiangsu(
    '六、13（3）',
    '社区集体经济管理、基层群众自治组织特别法人统一社会信用代码证书管理、社区档案管理等有关规则。',
  ),
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof citations;
