/**
 * A check's texts as a person reads them. The rule engine names what is missing by its place in the
 * community's data (`meetings`, `subCommittees[].members`, the parameter `cityAverageWage`); no such
 * identifier may reach the screen. Each is replaced by its Chinese name, and the engine's hint for
 * developers ("可通过 params 提供") by who supplies the value.
 */
import { snapshotFieldLabels } from '@shequ/domain/labels';
import { COUNTRY_CODE } from '@shequ/domain/roles';
import { allFactFields } from '../community/factFields.js';
import { quantityLabels } from './explain.js';

/** Facts kept in the community's data that the form does not edit field by field. */
const otherFactLabels: Record<string, string> = {
  meetings: '会议记录',
  charters: '章程和制度',
  disclosures: '居务公开记录',
  buildings: '楼栋（单元）清单',
  residentGroups: '居民小组',
  subCommittees: '下属委员会',
  'subCommittees[].members': '下属委员会成员人数',
  committee: '居委会',
  supervisionCommittee: '居务监督委员会',
  staff: '社区工作者',
  facility: '综合服务设施',
  salary: '薪酬',
  funds: '经费',
  assessment: '考核',
  members: '人数',
};

const factLabels: Record<string, string> = {
  ...otherFactLabels,
  // Facts the registers give (election votes, trainings…), named as the snapshot schema names them.
  ...snapshotFieldLabels,
  ...Object.fromEntries(allFactFields.map((field) => [field.path.join('.'), field.label])),
};

/** An identifier as the engine writes it: a dotted path, perhaps with `[]` for list members. */
const IDENTIFIER = /[A-Za-z][A-Za-z0-9]*(?:\[\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\])?)*/g;

/** The Chinese name of a fact path, a parameter or a derived quantity; a neutral phrase when unknown. */
export function readableName(
  identifier: string,
  parameterLabels: Readonly<Record<string, string>> = {},
): string {
  return factLabels[identifier] ?? parameterLabels[identifier] ?? quantityLabels[identifier] ?? '相关数据';
}

/**
 * `text` with every identifier replaced by its Chinese name, and the engine's developer wording by
 * a reader's: "缺少事实 buildings" → "缺少楼栋（单元）清单", "参数 x 在… 可通过 params 提供" → "…由辖区管理员录入".
 */
export function readableCheckText(
  text: string,
  parameterLabels: Readonly<Record<string, string>> = {},
): string {
  return (
    text
      .replace(/，?可通过 ?params ?提供/g, '，需由辖区管理员录入')
      .replace(/缺少事实 /g, '缺少')
      .replace(/缺少参数 /g, '缺少')
      .replace(/缺少数量 /g, '无法计算')
      .replace(/未提供 /g, '未提供')
      .replace(/参数 /g, '')
      .replace(/依赖的数量 /g, '依赖的')
      .replace(/（([A-Za-z][A-Za-z0-9.[\]]*)）/g, '')
      .replace(IDENTIFIER, (identifier) => readableName(identifier, parameterLabels))
      .replace(/\s*\/\s*/g, '、')
      // Spaces that set an identifier apart from Chinese text have nothing left to set apart.
      .replace(/(?<=[\u4e00-\u9fff）])\s+(?=[\u4e00-\u9fff（])/g, '')
  );
}

/** Whether a result's missing piece is community data a person can enter on the community's page. */
export function missesCommunityFacts(text: string): boolean {
  return /缺少事实|未提供/.test(text);
}

/** A benchmark a jurisdiction enters (辖区参数), as the community's check reports them. */
export interface SuppliedParameterRef {
  name: string;
  label: string;
  jurisdiction: string;
  jurisdictionName: string;
}

/**
 * The jurisdiction-entered parameter whose figure a result lacked (the engine writes "参数 <name> 在…
 * 没有取值"), so the page can link to where it is entered; undefined for any other result.
 */
export function missingSuppliedParameter<P extends SuppliedParameterRef>(
  text: string,
  supplied: readonly P[],
): P | undefined {
  return supplied.find((p) => new RegExp(`参数 ${p.name}(?![A-Za-z0-9])`).test(text));
}

/** Where a supplied parameter is entered: its pack's jurisdiction, or for a national one the community's district. */
export function parametersPageFor(parameter: SuppliedParameterRef, communityCode: string): string {
  const jurisdiction =
    parameter.jurisdiction === '000000' ? communityCode.slice(0, 6) : parameter.jurisdiction;
  return `/parameters?${new URLSearchParams({ jurisdiction, parameter: parameter.name })}`;
}

/** A policy pack's jurisdiction as the check page heads it: the country by its name alone, others with their code. */
export function packJurisdictionText(pack: { code: string; name: string }): string {
  return pack.code === COUNTRY_CODE ? pack.name : `${pack.name}（${pack.code}）`;
}
