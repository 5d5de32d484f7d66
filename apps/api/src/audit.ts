/** Audit records are written by `@shequ/db` for every write path; the API's modules import them from here. */

export type { Transaction } from '@shequ/db';
export { type AuditEntry, writeAudit } from '@shequ/db';
