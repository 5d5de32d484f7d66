/**
 * Roles of the platform's users (not posts in a community: see `communityRoles` in
 * organisation.ts). Each role is bound to one jurisdiction node; a systemAdmin to the country.
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
