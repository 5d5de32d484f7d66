/**
 * The stored facts of communities: every community's in a jurisdiction, for whole-jurisdiction
 * evaluations outside the server (`shequ impact`), with what each community's registers keep laid over
 * them as of its date, as the console's overview does; and the entry of one community's facts. Decides
 * nothing: the caller validates the facts and checks the writer's scope.
 */
import { type CommunityFacts, layDerivedFacts, significantPrefix } from '@shequ/domain';
import { and, asc, eq, like } from 'drizzle-orm';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database } from './client.js';
import { registerFactsOf, storedFactsColumns } from './community-snapshot.js';
import { communities } from './schema.js';

export interface StoredCommunityFacts {
  code: string;
  name: string;
  asOf: string;
  facts: CommunityFacts;
}

/** Every stored community whose code lies within `jurisdiction` (`000000`: all), ordered by code. */
export async function communityFactsWithin(
  db: Database,
  jurisdiction: string,
): Promise<StoredCommunityFacts[]> {
  // A significant prefix is digits only, so it needs no LIKE escaping.
  const prefix = significantPrefix(jurisdiction);
  const rows = await db
    .select(storedFactsColumns)
    .from(communities)
    .where(like(communities.code, `${prefix}%`))
    .orderBy(asc(communities.code));
  const stored = rows.map((r) => ({ ...r, asOf: String(r.asOf) }));
  const layers = await registerFactsOf(db, stored);
  return stored.map((r) => {
    const derived = layers.get(r.code);
    return derived ? { ...r, facts: layDerivedFacts(r.facts, derived).facts } : r;
  });
}

/**
 * Why an entry of facts was not stored: no community has the code, or its version is no longer the one
 * the writer edited (someone else saved in between).
 */
export type FactsEntryRefusal = 'notFound' | 'stale';

/**
 * Replaces one community's facts and date if its version is still `expectedVersion`, raising the
 * version by one, with its audit record (`community.updateFacts`, before and after) in one transaction.
 * Returns null when stored, else why nothing was written.
 */
export async function updateCommunityFacts(
  db: Database,
  acting: SignedInActor,
  entry: { code: string; expectedVersion: number; asOf: string; facts: CommunityFacts },
): Promise<FactsEntryRefusal | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ asOf: communities.asOf, facts: communities.facts, version: communities.version })
      .from(communities)
      .where(eq(communities.code, entry.code))
      .limit(1);
    if (!before) return 'notFound';
    if (before.version !== entry.expectedVersion) return 'stale';
    const version = entry.expectedVersion + 1;
    const updated = await tx
      .update(communities)
      .set({
        facts: entry.facts,
        asOf: entry.asOf,
        households: entry.facts.households ?? null,
        residents: entry.facts.residents ?? null,
        version,
        updatedAt: acting.at,
        updatedBy: acting.actor.id,
      })
      // The version in the WHERE makes the check and the write one atomic step.
      .where(and(eq(communities.code, entry.code), eq(communities.version, entry.expectedVersion)))
      .returning({ version: communities.version });
    if (updated.length === 0) return 'stale';
    await writeAudit(tx, {
      ...acting,
      action: 'community.updateFacts',
      entityType: 'community',
      entityId: entry.code,
      jurisdictionCode: entry.code,
      before: { asOf: String(before.asOf), facts: before.facts, version: before.version },
      after: { asOf: entry.asOf, facts: entry.facts, version },
    });
    return null;
  });
}
