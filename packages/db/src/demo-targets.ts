/** Which communities a demo seeder fills: so that a second run adds nothing and no row lacks its community. */
import { inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';
import { communities } from './schema.js';

/** The communities among `codes` that exist and have no row yet in the table of `keptIn` (its community column). */
export async function communitiesAwaitingDemo(
  db: Database,
  codes: readonly string[],
  keptIn: PgColumn,
): Promise<Set<string>> {
  const present = await db
    .select({ code: communities.code })
    .from(communities)
    .where(inArray(communities.code, [...codes]));
  const keeping = new Set(
    (
      await db
        .selectDistinct({ code: keptIn })
        .from(keptIn.table)
        .where(inArray(keptIn, [...codes]))
    ).map((r) => r.code),
  );
  return new Set(present.map((r) => r.code).filter((code) => !keeping.has(code)));
}
