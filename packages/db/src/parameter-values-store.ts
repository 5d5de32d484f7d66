/**
 * Storing the figures of jurisdiction-wide parameters. Decides nothing: the caller validates the entry
 * with `parameterEntryInput` and checks who may enter it (`parameterEntryRefusal`, `@shequ/policy`),
 * and picks the figure in force with `parameterValuesInForce`. Every entry is kept; each is written
 * with its audit record in one transaction.
 */
import { ancestorCodes, COUNTRY_CODE, significantPrefix } from '@shequ/domain';
import { count, desc, inArray, like, max, or } from 'drizzle-orm';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { escapeLike } from './like.js';
import { parameterValues } from './schema-parameters.js';

export type StoredParameterValue = typeof parameterValues.$inferSelect;

/** Records one entered figure (a correction is a new entry, never an update). */
export async function enterParameterValue(
  db: Database | Transaction,
  acting: SignedInActor,
  entry: { jurisdictionCode: string; name: string; value: string; effectiveFrom: string; source: string },
): Promise<StoredParameterValue> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(parameterValues)
      .values({
        ...entry,
        enteredBy: acting.actor.id,
        enteredByName: acting.actor.username,
        enteredAt: acting.at,
      })
      .returning();
    if (!row) throw new Error('parameter value not inserted');
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'parameter.enter',
      entityType: 'parameterValue',
      entityId: String(row.id),
      jurisdictionCode: entry.jurisdictionCode,
      before: null,
      after: {
        name: row.name,
        value: row.value,
        effectiveFrom: row.effectiveFrom,
        source: row.source,
      },
      ip: acting.ip,
      at: acting.at,
    });
    return row;
  });
}

/**
 * Every entry that can bear on communities under `code`: those for `code`, for any node above it
 * (the country included) and for any node below it, oldest entry first.
 */
export async function parameterValuesAround(
  db: Database | Transaction,
  code: string,
): Promise<StoredParameterValue[]> {
  const above = [COUNTRY_CODE, ...ancestorCodes(code), code];
  const below = significantPrefix(code);
  return db
    .select()
    .from(parameterValues)
    .where(
      below === ''
        ? undefined
        : or(
            inArray(parameterValues.jurisdictionCode, above),
            like(parameterValues.jurisdictionCode, `${escapeLike(below)}%`),
          ),
    )
    .orderBy(parameterValues.enteredAt, parameterValues.id);
}

/** The entries made for exactly these jurisdictions, newest first: the history a page shows. */
export async function parameterValueHistory(
  db: Database | Transaction,
  jurisdictionCodes: readonly string[],
  limit = 200,
): Promise<StoredParameterValue[]> {
  if (jurisdictionCodes.length === 0) return [];
  return db
    .select()
    .from(parameterValues)
    .where(inArray(parameterValues.jurisdictionCode, [...jurisdictionCodes]))
    .orderBy(desc(parameterValues.enteredAt), desc(parameterValues.id))
    .limit(limit);
}

/** Changes whenever a figure is entered anywhere: part of the compliance overview's data stamp. */
export async function parameterValuesStamp(db: Database | Transaction): Promise<string> {
  const [row] = await db.select({ total: count(), last: max(parameterValues.id) }).from(parameterValues);
  return `${row?.total ?? 0}:${row?.last ?? 0}`;
}
