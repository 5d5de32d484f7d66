/**
 * The stored facts of every community in a jurisdiction, for whole-jurisdiction evaluations outside
 * the server (`shequ impact`). Reads only; the decisions are the policy package's.
 */
import { type CommunityFacts, significantPrefix } from '@shequ/domain';
import { asc, like } from 'drizzle-orm';
import type { Database } from './client.js';
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
    .select({
      code: communities.code,
      name: communities.name,
      asOf: communities.asOf,
      facts: communities.facts,
    })
    .from(communities)
    .where(like(communities.code, `${prefix}%`))
    .orderBy(asc(communities.code));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    asOf: String(r.asOf),
    facts: r.facts as CommunityFacts,
  }));
}
