/**
 * The facts template: one row per community, one column per snapshot fact, headed in Chinese.
 * Only facts that fit one cell are here; lists of records (resident groups, buildings, meetings,
 * charters, disclosures, sub-committees) stay in JSON snapshots or the console.
 */
import {
  type FacilityFunction,
  facilityFunctionLabels,
  facilityFunctions,
  type HonourKind,
  honourKinds,
  honourLabels,
} from '@shequ/domain';

/** How a cell's text becomes a snapshot value. */
export type CellKind =
  | 'code'
  | 'text'
  | 'date'
  | 'integer'
  | 'number'
  | 'fraction'
  | 'boolean'
  | 'setting'
  | 'functions'
  | 'honours';

export interface FactColumn {
  /** The column header as the user sees it. */
  header: string;
  /** Dotted path in the community snapshot (docs/interfaces.md §2). */
  path: string;
  kind: CellKind;
  required?: boolean;
  /** zh-CN note for the template's instructions sheet. */
  note: string;
  example: string;
}

export { facilityFunctionLabels, honourLabels } from '@shequ/domain';

const functionList = facilityFunctions.map((f) => facilityFunctionLabels[f]).join('、');
const honourList = honourKinds.map((h) => honourLabels[h]).join('、');

export const factColumns: readonly FactColumn[] = [
  {
    header: '社区代码',
    path: 'code',
    kind: 'code',
    required: true,
    note: '12位统计用区划代码',
    example: '370305111007',
  },
  { header: '社区名称', path: 'name', kind: 'text', required: true, note: '', example: '象山社区居民委员会' },
  {
    header: '数据日期',
    path: 'asOf',
    kind: 'date',
    required: true,
    note: '数据所反映的日期，YYYY-MM-DD',
    example: '2024-06-30',
  },
  { header: '城乡类型', path: 'setting', kind: 'setting', note: '城市 或 农村，空白为城市', example: '城市' },
  { header: '乡镇政府所在地', path: 'townSeat', kind: 'boolean', note: '是 或 否', example: '否' },
  { header: '新建社区', path: 'newlyBuilt', kind: 'boolean', note: '是 或 否', example: '否' },
  { header: '户数', path: 'households', kind: 'integer', note: '常住户数', example: '2400' },
  { header: '人口', path: 'residents', kind: 'integer', note: '常住人口', example: '6800' },
  {
    header: '入住率',
    path: 'occupancyRate',
    kind: 'fraction',
    note: '新建住宅区，0到1的小数或百分数',
    example: '85%',
  },
  {
    header: '服务设施面积',
    path: 'facility.totalArea',
    kind: 'number',
    note: '综合服务设施总建筑面积，平方米',
    example: '820',
  },
  {
    header: '主楼层数',
    path: 'facility.mainBuildingFloors',
    kind: 'integer',
    note: '服务设施主楼层数',
    example: '3',
  },
  {
    header: '居民活动用房面积',
    path: 'facility.residentSpaceArea',
    kind: 'number',
    note: '用于居民服务和活动的面积，平方米',
    example: '600',
  },
  {
    header: '设施功能',
    path: 'facility.functions',
    kind: 'functions',
    note: `用顿号或逗号分隔，可选：${functionList}`,
    example: '便民服务大厅、党员活动、卫生健康服务',
  },
  {
    header: '应急避难场所',
    path: 'facility.emergencyShelter',
    kind: 'boolean',
    note: '有可作应急避难场所并设标识的室外场地：是 或 否',
    example: '是',
  },
  { header: '居委会成员数', path: 'committee.members', kind: 'integer', note: '含主任', example: '7' },
  { header: '居委会副主任数', path: 'committee.viceChairs', kind: 'integer', note: '', example: '2' },
  {
    header: '居务监督委员会成员数',
    path: 'supervisionCommittee.members',
    kind: 'integer',
    note: '',
    example: '3',
  },
  { header: '居民代表数', path: 'representatives', kind: 'integer', note: '', example: '45' },
  {
    header: '两委成员数',
    path: 'staff.twoCommittees',
    kind: 'integer',
    note: '社区“两委”成员（鄂州口径）',
    example: '7',
  },
  { header: '社区专干数', path: 'staff.specialists', kind: 'integer', note: '鄂州口径', example: '4' },
  {
    header: '专职工作者数',
    path: 'staff.fullTime',
    kind: 'integer',
    note: '全部专职社区工作者，含专职“两委”成员（威海、金山口径）',
    example: '10',
  },
  {
    header: '年平均工资',
    path: 'salary.annualAverage',
    kind: 'number',
    note: '社区工作者年平均工资，元',
    example: '62000',
  },
  { header: '工作经费', path: 'funds.work', kind: 'number', note: '每年社区工作经费，元', example: '100000' },
  {
    header: '党组织服务群众经费',
    path: 'funds.partyService',
    kind: 'number',
    note: '每年，元',
    example: '200000',
  },
  {
    header: '荣誉',
    path: 'honours',
    kind: 'honours',
    note: `用顿号或逗号分隔，可选：${honourList}`,
    example: '和谐社区建设示范单位',
  },
  {
    header: '平时考核权重',
    path: 'assessment.routineWeight',
    kind: 'fraction',
    note: '综合考核中平时考核所占比重，0到1或百分数',
    example: '60%',
  },
  { header: '年度考核权重', path: 'assessment.annualWeight', kind: 'fraction', note: '', example: '40%' },
  {
    header: '平时考核居民打分占比',
    path: 'assessment.residentShareRoutine',
    kind: 'fraction',
    note: '',
    example: '30%',
  },
  {
    header: '年度考核居民打分占比',
    path: 'assessment.residentShareAnnual',
    kind: 'fraction',
    note: '',
    example: '40%',
  },
];

export const columnByHeader: ReadonlyMap<string, FactColumn> = new Map(factColumns.map((c) => [c.header, c]));

const settingLabels: Record<string, string> = { urban: '城市', rural: '农村' };

/**
 * A community's value in one template column, written the way the template asks for it (是/否, 城市,
 * functions and honours by their Chinese names), so an exported row reads back as the same snapshot.
 * `snapshot`: the community's facts with its code, name and asOf; blank (null) where there is no value.
 */
export function factCellOf(
  column: FactColumn,
  snapshot: Readonly<Record<string, unknown>>,
): string | number | null {
  let value: unknown = snapshot;
  for (const key of column.path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined || value === null) return null;
  switch (column.kind) {
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : null;
    case 'setting':
      return typeof value === 'string' ? (settingLabels[value] ?? value) : null;
    case 'functions':
      return Array.isArray(value)
        ? value.map((f: string) => facilityFunctionLabels[f as FacilityFunction] ?? f).join('、')
        : null;
    case 'honours':
      return Array.isArray(value)
        ? value.map((h: string) => honourLabels[h as HonourKind] ?? h).join('、')
        : null;
    case 'integer':
    case 'number':
    case 'fraction':
      return typeof value === 'number' ? value : null;
    default:
      return typeof value === 'string' ? value : String(value);
  }
}
