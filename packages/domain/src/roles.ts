/**
 * Roles of the platform's users (not posts in a community: see `communityRoles` in
 * organisation.ts). Each role is bound to one jurisdiction node; a systemAdmin to the country.
 *
 * Imports nothing: the console's first page loads this module (`@shequ/domain/roles`) without the
 * validation schemas and zod.
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

/** The roles that administer a jurisdiction: every role but the community worker and the read-only auditor. */
export const adminRoles = [
  'systemAdmin',
  'provinceAdmin',
  'cityAdmin',
  'districtAdmin',
  'streetAdmin',
] as const satisfies readonly AppRole[];
export type AdminRole = (typeof adminRoles)[number];

/** Whether the role administers its jurisdiction (manages accounts, starts schemes, approves seals). */
export function isAdminRole(role: AppRole): role is AdminRole {
  return (adminRoles as readonly AppRole[]).includes(role);
}

/** Auditors read; every other role may change what lies in its scope. */
export function canWrite(role: AppRole): boolean {
  return role !== 'auditor';
}

/** The Chinese names of the roles, here with the roles so the console's frame needs no other table. */
export const roleLabels: Record<AppRole, string> = {
  systemAdmin: '系统管理员',
  provinceAdmin: '省级管理员',
  cityAdmin: '市级管理员',
  districtAdmin: '区（县）级管理员',
  streetAdmin: '街道（乡镇）管理员',
  communityWorker: '社区工作者',
  auditor: '审计员',
};
