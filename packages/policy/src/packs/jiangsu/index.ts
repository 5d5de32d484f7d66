/**
 * Jiangsu (320000): 江苏省城市社区居民委员会规范化建设工作指引. The guideline governs urban
 * residents' committees only. REQUIREMENTS.md lists every requirement read from it, the
 * interpretations chosen, and what a snapshot cannot show.
 */
import { NATIONAL_CODE } from '@shequ/domain';
import { definePack } from '../../engine/index.js';
import { JIANGSU_DOCUMENT, JIANGSU_IN_FORCE } from './document.js';
import { facilityParameters, facilityRules } from './facility.js';
import { obligationParameters, obligationRules } from './obligations.js';
import { organisationOverrides, organisationParameters, organisationRules } from './organisation.js';
import { procedureParameters, procedureRules } from './procedure.js';

export { JIANGSU_DOCUMENT, JIANGSU_IN_FORCE } from './document.js';

export const jiangsuPack = definePack({
  code: '320000',
  name: '江苏省',
  parent: NATIONAL_CODE, // docs/interfaces.md §1: every chain begins with the national pack
  documents: [{ title: JIANGSU_DOCUMENT, inForceFrom: JIANGSU_IN_FORCE }],
  settings: ['urban'],
  parameters: [
    ...organisationParameters,
    ...facilityParameters,
    ...procedureParameters,
    ...obligationParameters,
  ],
  rules: [...organisationRules, ...facilityRules, ...procedureRules, ...obligationRules],
  overrides: organisationOverrides,
});
