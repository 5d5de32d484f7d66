/**
 * Who sees a resident's identity and mobile numbers unmasked: the community's workers, who serve the
 * resident, and the street's administrators, who supervise the cases (the roster's rule in
 * `@shequ/people`). Each full view is audited by the API.
 */
import { auditActionLabels } from '@shequ/domain/labels';

export { maySeePersonalData } from '@shequ/people/labels';

/** How the audit log names the changes to service records. */
export const servicesAuditActionLabels: Record<string, string> = Object.fromEntries(
  Object.entries(auditActionLabels).filter(([action]) => action.startsWith('services.')),
);
