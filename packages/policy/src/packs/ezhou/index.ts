/**
 * Ezhou (420700): 鄂州市城市社区工作规则（试行）, urban communities only (第二条). The rules are split along
 * the document: organisation, facility, staffing and pay, assessment, and the obligations kept in registers.
 */
import { NATIONAL_CODE } from '@shequ/domain';
import { definePack } from '../../engine/index.js';
import { assessmentParameters, assessmentRules } from './assessment.js';
import { EZHOU_DOCUMENT, EZHOU_IN_FORCE } from './document.js';
import { facilityParameters, facilityRules } from './facility.js';
import { ezhouObligationParameters, ezhouObligationRules } from './obligations.js';
import { organisationParameters, organisationRules } from './organisation.js';
import { staffingParameters, staffingRules } from './staffing.js';

export { EZHOU_DOCUMENT } from './document.js';
export { ezhouInterpretations } from './interpretations.js';

export const ezhouPack = definePack({
  code: '420700',
  name: '鄂州市',
  parent: NATIONAL_CODE, // docs/interfaces.md §1: every chain begins with the national pack
  documents: [{ title: EZHOU_DOCUMENT, inForceFrom: EZHOU_IN_FORCE }],
  settings: ['urban'],
  parameters: [
    ...organisationParameters,
    ...facilityParameters,
    ...staffingParameters,
    ...assessmentParameters,
    ...ezhouObligationParameters,
  ],
  rules: [
    ...organisationRules,
    ...facilityRules,
    ...staffingRules,
    ...assessmentRules,
    ...ezhouObligationRules,
  ],
});
