/**
 * The democracy records' values and the Chinese shown for them, in one module that imports no zod and
 * no schema, so the console can show them (`@shequ/democracy/labels`) without the validation code.
 * The main entry exports the same.
 */
export { type Citation, citeInline } from './citations.js';

/**
 * Meetings the community holds. The values are the snapshot's meeting kinds (docs/interfaces.md §2),
 * so a meeting goes into `meetings[]` as it is.
 */
export const meetingKinds = [
  'residents-meeting',
  'representatives-meeting',
  'joint-meeting',
  'monthly-work-meeting',
  'consultation-meeting',
] as const;

export type MeetingKind = (typeof meetingKinds)[number];

export const meetingKindLabels: Record<MeetingKind, string> = {
  'residents-meeting': '居民会议',
  'representatives-meeting': '居民代表会议',
  'joint-meeting': '两委联席会议',
  'monthly-work-meeting': '月度工作例会',
  'consultation-meeting': '议事协商会',
};

/** Who a residents' meeting is made of (组织法第九条): all adults, household delegates, or group delegates. */
export const attendanceBases = ['residents', 'households', 'group-delegates'] as const;

export type AttendanceBasis = (typeof attendanceBases)[number];

export const attendanceBasisLabels: Record<AttendanceBasis, string> = {
  residents: '十八周岁以上居民',
  households: '户代表',
  'group-delegates': '居民小组推选的代表',
};

/**
 * Meetings a higher level makes the community attend, as Weihai 二（八） counts them: those a 区市 or
 * 开发区 organises, the street's weekly work meeting for the community's head, and the street's others.
 */
export const imposedMeetingLevels = ['district', 'street-work', 'street-other'] as const;

export type ImposedMeetingLevel = (typeof imposedMeetingLevels)[number];

export const imposedMeetingLevelLabels: Record<ImposedMeetingLevel, string> = {
  district: '区市、开发区组织的会议',
  'street-work': '街道（镇）工作例会',
  'street-other': '街道（镇）其他会议',
};

export const charterKinds = ['autonomy-charter', 'residents-covenant'] as const;

export type CharterKind = (typeof charterKinds)[number];

export const charterKindLabels: Record<CharterKind, string> = {
  'autonomy-charter': '居民自治章程',
  'residents-covenant': '居民公约',
};

/**
 * Categories by cadence (Jiangsu 16（3）): routine matters quarterly, important matters monthly;
 * accounts (收支账目) regularly (Jinshan 第九条（三）), read here as quarterly like routine matters.
 */
export const disclosureCategories = ['routine', 'important', 'finance'] as const;

export type DisclosureCategory = (typeof disclosureCategories)[number];

export const disclosureCategoryLabels: Record<DisclosureCategory, string> = {
  routine: '常规性事项',
  important: '重要事项',
  finance: '财务收支',
};

export const electionKinds = ['committee', 'supervision', 'resident-group'] as const;

export type ElectionKind = (typeof electionKinds)[number];

export const electionKindLabels: Record<ElectionKind, string> = {
  committee: '居民委员会选举',
  supervision: '居务监督委员会推选',
  'resident-group': '居民小组长推选',
};

export const electedPosts = ['chair', 'vice-chair', 'member', 'group-leader'] as const;

export type ElectedPost = (typeof electedPosts)[number];

export const electedPostLabels: Record<ElectedPost, string> = {
  chair: '主任',
  'vice-chair': '副主任',
  member: '委员',
  'group-leader': '居民小组长',
};

/** Who sits on the body (第十七条): residents, units in the community, other organisations, the committee's head. */
export const deliberationSectors = ['resident', 'unit', 'organisation', 'committee-head'] as const;

export type DeliberationSector = (typeof deliberationSectors)[number];

export const deliberationSectorLabels: Record<DeliberationSector, string> = {
  resident: '社区居民代表',
  unit: '驻社区单位代表',
  organisation: '其他组织代表',
  'committee-head': '居民委员会主要负责人',
};

/** How a member came onto the body: 公开报名 or 民主推荐 (第十七条). */
export const deliberationSelections = ['application', 'recommendation'] as const;

export type DeliberationSelection = (typeof deliberationSelections)[number];

export const deliberationSelectionLabels: Record<DeliberationSelection, string> = {
  application: '公开报名',
  recommendation: '民主推荐',
};
