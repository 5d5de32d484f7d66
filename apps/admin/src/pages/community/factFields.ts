/**
 * The community facts the console edits, one entry per form field, in the order shown. The path is the
 * field's place in `CommunityFacts` (and, prefixed with `facts.`, in the API's `fieldErrors`).
 * Facts not listed here (meeting records, buildings, …) are kept unchanged when the form is saved.
 */
import type { CommunityFacts, facilityFunctions, honourKinds } from '@shequ/domain';

export type FactKind =
  | 'count'
  | 'positiveCount'
  | 'amount'
  | 'share'
  | 'boolean'
  | 'setting'
  | 'functions'
  | 'honours';

export interface FactField {
  path: string[];
  label: string;
  kind: FactKind;
  unit?: string;
  help?: string;
}

export interface FactSection {
  title: string;
  fields: FactField[];
}

export const facilityFunctionLabels: Record<(typeof facilityFunctions)[number], string> = {
  'convenience-hall': '便民服务大厅',
  'party-activities': '党员活动',
  policing: '警务（治安）',
  education: '教育培训',
  'culture-sports': '文化体育',
  'elderly-child-disabled': '养老、托幼、助残',
  'family-women': '妇女儿童家庭',
  health: '卫生健康',
  'environment-property': '环境与物业',
  'social-organizations': '社会组织',
};

export const honourLabels: Record<(typeof honourKinds)[number], string> = {
  'city-advanced-party-organization': '市级先进基层党组织',
  'harmonious-community-model': '和谐社区建设示范社区',
  'city-civilized-unit': '市级文明单位',
  'assessment-qualified': '综合考核合格',
  'district-assessment-advanced': '区级考核先进',
};

export const settingLabels = { urban: '城市社区', rural: '农村社区' } as const;

export const factSections: FactSection[] = [
  {
    title: '基本情况',
    fields: [
      { path: ['setting'], label: '社区类型', kind: 'setting' },
      { path: ['townSeat'], label: '乡镇政府所在地', kind: 'boolean' },
      { path: ['newlyBuilt'], label: '新建住宅区', kind: 'boolean' },
      { path: ['households'], label: '户数', kind: 'count', unit: '户' },
      { path: ['residents'], label: '常住人口', kind: 'count', unit: '人' },
      { path: ['occupancyRate'], label: '入住率', kind: 'share', help: '0 到 1 之间，如 0.5 表示 50%' },
      { path: ['representatives'], label: '居民代表', kind: 'count', unit: '人' },
    ],
  },
  {
    title: '组织与人员',
    fields: [
      { path: ['committee', 'members'], label: '居委会成员', kind: 'count', unit: '人' },
      { path: ['committee', 'viceChairs'], label: '居委会副主任', kind: 'count', unit: '人' },
      { path: ['supervisionCommittee', 'members'], label: '居务监督委员会成员', kind: 'count', unit: '人' },
      { path: ['staff', 'twoCommittees'], label: '“两委”成员', kind: 'count', unit: '人' },
      { path: ['staff', 'specialists'], label: '社区专干', kind: 'count', unit: '人' },
      { path: ['staff', 'fullTime'], label: '社区专职工作者', kind: 'count', unit: '人' },
    ],
  },
  {
    title: '服务设施',
    fields: [
      { path: ['facility', 'totalArea'], label: '综合服务设施面积', kind: 'amount', unit: '平方米' },
      { path: ['facility', 'mainBuildingFloors'], label: '主楼层数', kind: 'positiveCount', unit: '层' },
      { path: ['facility', 'residentSpaceArea'], label: '居民活动用房面积', kind: 'amount', unit: '平方米' },
      { path: ['facility', 'functions'], label: '设施功能', kind: 'functions' },
      { path: ['facility', 'emergencyShelter'], label: '应急避难场所', kind: 'boolean' },
    ],
  },
  {
    title: '经费、薪酬与考核',
    fields: [
      { path: ['salary', 'annualAverage'], label: '社区工作者年平均薪酬', kind: 'amount', unit: '元' },
      { path: ['funds', 'work'], label: '社区工作经费', kind: 'amount', unit: '元/年' },
      { path: ['funds', 'partyService'], label: '党组织服务群众专项经费', kind: 'amount', unit: '元/年' },
      { path: ['assessment', 'routineWeight'], label: '平时考核权重', kind: 'share', help: '0 到 1 之间' },
      { path: ['assessment', 'annualWeight'], label: '年度考核权重', kind: 'share', help: '0 到 1 之间' },
      {
        path: ['assessment', 'residentShareRoutine'],
        label: '平时考核居民打分占比',
        kind: 'share',
        help: '0 到 1 之间',
      },
      {
        path: ['assessment', 'residentShareAnnual'],
        label: '年度考核居民打分占比',
        kind: 'share',
        help: '0 到 1 之间',
      },
      { path: ['honours'], label: '荣誉', kind: 'honours' },
    ],
  },
];

export const allFactFields: FactField[] = factSections.flatMap((section) => section.fields);

const fieldsByPath = new Map(allFactFields.map((field) => [field.path.join('.'), field]));

export function factField(dottedPath: string): FactField | undefined {
  return fieldsByPath.get(dottedPath);
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(source: unknown, path: readonly string[]): unknown {
  let current = source;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * An unknown fact. An empty list is not unknown: `honours: []` says the community has none, while a
 * missing `honours` makes a rule report "unknown"; clearing a multiple choice therefore saves `[]`.
 */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Form values for the facts (missing facts stay empty; the form shows them as 未填). */
export function factsToFormValues(facts: CommunityFacts): Json {
  const values: Json = {};
  for (const field of allFactFields) {
    const value = getPath(facts, field.path);
    if (isEmpty(value)) continue;
    let target = values;
    for (const key of field.path.slice(0, -1)) {
      const next = isObject(target[key]) ? (target[key] as Json) : {};
      target[key] = next;
      target = next;
    }
    target[field.path.at(-1)!] = value;
  }
  return values;
}

/**
 * The facts to save: the stored facts with every form field applied. A cleared number or choice removes
 * the fact (so a rule reports "unknown" rather than judging a zero), and a group left empty is removed too.
 */
export function applyFormValues(stored: CommunityFacts, values: Json): CommunityFacts {
  const result: Json = structuredClone(stored) as Json;
  for (const field of allFactFields) {
    const value = getPath(values, field.path);
    const parents: Json[] = [result];
    let target = result;
    for (const key of field.path.slice(0, -1)) {
      if (!isObject(target[key])) target[key] = {};
      target = target[key] as Json;
      parents.push(target);
    }
    const last = field.path.at(-1)!;
    if (isEmpty(value)) delete target[last];
    else target[last] = value;
    // Drop groups the form emptied, innermost first.
    for (let depth = field.path.length - 1; depth > 0; depth--) {
      const group = parents[depth]!;
      if (Object.keys(group).length === 0) delete parents[depth - 1]![field.path[depth - 1]!];
    }
  }
  return result as CommunityFacts;
}
