/** Role names, role predicates and the country-wide binding code live in the domain package; re-exported for the API's modules. */
export {
  type AdminRole,
  type AppRole,
  adminRoles,
  appRoles,
  COUNTRY_CODE,
  canWrite,
  isAdminRole,
} from '@shequ/domain';
