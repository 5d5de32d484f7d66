/**
 * The assessment's values and the Chinese shown for them, in one module that imports no zod and no
 * schema, so the console can show them (`@shequ/assessment/labels`) without the validation code. The
 * main entry exports the same.
 */

export const scorers = ['department', 'street', 'residents'] as const;

export type Scorer = (typeof scorers)[number];

export const scorerLabels: Record<Scorer, string> = {
  department: '职能部门',
  street: '街道',
  residents: '居民',
};

export const periodicities = ['month', 'quarter'] as const;

export type Periodicity = (typeof periodicities)[number];

export const periodicityLabels: Record<Periodicity, string> = { month: '按月', quarter: '按季度' };

/**
 * How a residents' score combines a satisfaction survey with the feedback on closed service cases
 * (本系统规则 R-ASM-3): `pooled` counts every answer once, `surveyFirst` uses the feedback only where no
 * survey was answered, `surveyOnly` leaves the feedback out.
 */
export const residentScoreCombinations = ['pooled', 'surveyFirst', 'surveyOnly'] as const;

export type ResidentScoreCombination = (typeof residentScoreCombinations)[number];

export const residentScoreCombinationLabels: Record<ResidentScoreCombination, string> = {
  pooled: '调查与服务事项回访按份数合并计算',
  surveyFirst: '有调查时以调查为准，无调查时用服务事项回访',
  surveyOnly: '只用满意度调查',
};

export const satisfactionLevels = [
  'verySatisfied',
  'satisfied',
  'fair',
  'dissatisfied',
  'veryDissatisfied',
] as const;

export type SatisfactionLevel = (typeof satisfactionLevels)[number];

export const satisfactionLevelLabels: Record<SatisfactionLevel, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  fair: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};

export const appraisalGrades = ['competent', 'basicallyCompetent', 'incompetent'] as const;

export const appraisalGradeLabels: Record<(typeof appraisalGrades)[number], string> = {
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
};

/** A committee member as the register names them: by roster entry, or by name for a resident serving unpaid. */
export function memberKeyOf(member: { workerId?: string | undefined; name: string }): string {
  return member.workerId ?? `name:${member.name}`;
}

export const assessmentHonours = ['assessment-qualified', 'district-assessment-advanced'] as const;

export type AssessmentHonour = (typeof assessmentHonours)[number];

export const assessmentHonourLabels: Record<AssessmentHonour, string> = {
  'assessment-qualified': '综合考核合格单位',
  'district-assessment-advanced': '区级以上年度综合考核先进单位',
};
