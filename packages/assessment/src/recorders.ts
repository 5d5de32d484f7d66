/**
 * Who may record what the regulations leave to a community or its residents: a residents' committee
 * member's democratic appraisal (江苏省指引 19（7）) and a community's rating of its street (鄂州市
 * 第三十五条). Pure: the API refuses with the message, the console hides the form for whom it refuses.
 */
import { type AppRole, COUNTRY_CODE, divisionLevel, isAdminRole, isWithin } from '@shequ/domain';

/** A signed-in account: its role and the node it is bound to (`000000` for the whole country). */
export interface Recorder {
  role: AppRole;
  jurisdictionCode: string;
}

/** The project's rule on who records democratic appraisals (docs/project-rules.md). */
export const appraisalRecorderRule = {
  id: 'R-ASM-4',
  title: '民主评议结果由社区或街道录入',
  text: '居民委员会成员的民主评议结果由本社区的社区工作者或所在街道（乡镇）的管理员录入；区（县）级及以上账号只能查看。',
} as const;

/** The project's rule on who records a community's rating of its street (docs/project-rules.md). */
export const streetRatingRecorderRule = {
  id: 'R-ASM-5',
  title: '社区考评街道由社区或组织考评的区（县）录入',
  text: '社区对街道的评分由该社区的社区工作者录入，或由组织考评的区（县）级及以上管理员代为录入；被考评的街道不能录入。',
} as const;

export const streetRatingCitation = {
  document: '鄂州市城市社区工作规则（试行）',
  article: '第三十五条',
  quote:
    '建立社区考评街道（乡镇）机制。社区考评街道（乡镇）由区组织部门会同民政、综治、人社、卫健等部门制定标准……组织实施',
} as const;

function isOwnCommunity(recorder: Recorder, communityCode: string): boolean {
  return recorder.role === 'communityWorker' && recorder.jurisdictionCode === communityCode;
}

function levelOf(code: string) {
  return code === COUNTRY_CODE ? 'country' : divisionLevel(code);
}

/**
 * Why the account may not record a democratic appraisal of the community's residents' committee
 * members (zh-CN), or undefined when it may. The residents' meeting appraises (19（7）「向居民会议述职
 * ……接受民主评议」); the result is recorded where the meeting is held — the community — or by the street
 * that guides its residents' committee. Higher levels read the results but do not rate members.
 */
export function appraisalRecorderProblem(recorder: Recorder, communityCode: string): string | undefined {
  if (isOwnCommunity(recorder, communityCode)) return undefined;
  if (
    recorder.role === 'streetAdmin' &&
    levelOf(recorder.jurisdictionCode) === 'street' &&
    isWithin(communityCode, recorder.jurisdictionCode)
  )
    return undefined;
  return `民主评议结果只能由本社区的社区工作者或所在街道（乡镇）管理员录入（依据本系统规则 ${appraisalRecorderRule.id}）`;
}

/** Whether the role, bound at its node, records democratic appraisals of some community (for the console). */
export function recordsAppraisals(recorder: Recorder): boolean {
  const level = levelOf(recorder.jurisdictionCode);
  return (
    (recorder.role === 'communityWorker' && level === 'community') ||
    (recorder.role === 'streetAdmin' && level === 'street')
  );
}

/** Administrators at district level or above: the level that organises the rating of streets (第三十五条). */
function organisesStreetRating(recorder: Recorder): boolean {
  const level = levelOf(recorder.jurisdictionCode);
  return isAdminRole(recorder.role) && level !== undefined && level !== 'street' && level !== 'community';
}

/**
 * Why the account may not record the community's rating of its street (zh-CN), or undefined when it
 * may. 第三十五条: the community rates its street, the district organises it; the street rated never
 * enters its own rating.
 */
export function streetRatingRecorderProblem(recorder: Recorder, communityCode: string): string | undefined {
  if (isOwnCommunity(recorder, communityCode)) return undefined;
  if (organisesStreetRating(recorder) && isInNode(recorder.jurisdictionCode, communityCode)) return undefined;
  if (recorder.role === 'streetAdmin')
    return `街道（乡镇）是被考评方，不能录入社区对街道的评分（${streetRatingCitation.document}${streetRatingCitation.article}；本系统规则 ${streetRatingRecorderRule.id}）`;
  return `社区对街道的评分只能由该社区的社区工作者或组织考评的区（县）级及以上管理员录入（依据本系统规则 ${streetRatingRecorderRule.id}）`;
}

/** Whether the role, bound at its node, records communities' ratings of their street (for the console). */
export function recordsStreetRatings(recorder: Recorder): boolean {
  return (
    (recorder.role === 'communityWorker' && levelOf(recorder.jurisdictionCode) === 'community') ||
    organisesStreetRating(recorder)
  );
}

function isInNode(node: string, code: string): boolean {
  return node === COUNTRY_CODE || isWithin(code, node);
}
