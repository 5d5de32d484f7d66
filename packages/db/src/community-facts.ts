/**
 * The stored facts of every community in a jurisdiction, for whole-jurisdiction evaluations outside
 * the server (`shequ impact`): the typed facts with what each community's registers keep laid over
 * them as of its date, as the console's overview does. Reads only; the decisions are the packages'.
 */
import { type CommunityFacts, layDerivedFacts, significantPrefix } from '@shequ/domain';
import { asc, like } from 'drizzle-orm';
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
