/** The "1+9" functions of a community service facility, apart from the snapshot's schema so that rule code can read them without zod. */
export const facilityFunctions = [
  'convenience-hall',
  'party-activities',
  'policing',
  'education',
  'culture-sports',
  'elderly-child-disabled',
  'family-women',
  'health',
  'environment-property',
  'social-organizations',
] as const;

/** The "1+9" functions under the names 鄂州市城市社区工作规则 第十二条 gives them. */
export const facilityFunctionLabels: Record<(typeof facilityFunctions)[number], string> = {
  'convenience-hall': '便民服务大厅',
  'party-activities': '党员活动',
  policing: '综治警务',
  education: '教育培训',
  'culture-sports': '文体活动',
  'elderly-child-disabled': '老幼残服务',
  'family-women': '家庭与妇女服务',
  health: '卫生健康服务',
  'environment-property': '环境物业服务',
  'social-organizations': '社会组织活动',
};
