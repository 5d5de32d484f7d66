/**
 * What the console's audit page would show for the audit records a test wrote: each action and entity
 * type through the labels it uses, so a test can assert no English identifier reaches the screen.
 */
import { auditLog, type DatabaseHandle } from '@shequ/db';
import { auditActionLabels, entityTypeLabels } from '@shequ/domain';

/** The actions and entity types, among the records whose action starts with one of `prefixes`, that would show in Latin letters. */
export async function unlabelledAudit(
  database: DatabaseHandle,
  prefixes: readonly string[],
): Promise<string[]> {
  const rows = await database.db
    .select({ action: auditLog.action, entityType: auditLog.entityType })
    .from(auditLog);
  const shown = rows
    .filter((r) => prefixes.some((p) => r.action.startsWith(p)))
    .flatMap((r) => [
      { raw: r.action, label: auditActionLabels[r.action] ?? r.action },
      { raw: r.entityType, label: entityTypeLabels[r.entityType] ?? r.entityType },
    ]);
  return [...new Set(shown.filter((s) => /[A-Za-z]/.test(s.label)).map((s) => s.raw))];
}
