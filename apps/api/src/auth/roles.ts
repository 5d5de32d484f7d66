/** Role names and the country-wide binding code live in the domain package; re-exported for the API's modules. */
export { type AppRole, appRoles, COUNTRY_CODE } from '@shequ/domain';
