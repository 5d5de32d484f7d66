/**
 * Role names and the country-wide binding code.
 * TODO(domain engineer): replace with `appRoles` from `@shequ/domain` (src/roles.ts) once it lands.
 */
export const appRoles = [
  'systemAdmin',
  'provinceAdmin',
  'cityAdmin',
  'districtAdmin',
  'streetAdmin',
  'communityWorker',
  'auditor',
] as const;
export type AppRole = (typeof appRoles)[number];

/** The node a systemAdmin is bound to: the whole country. */
export const COUNTRY_CODE = '000000';
