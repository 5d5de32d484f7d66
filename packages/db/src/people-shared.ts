/**
 * What the stores of the people registers (`@shequ/people`) share: the refused write (`PeopleError`),
 * who writes (`PeopleActor`), and the helpers that keep a record's keys in their columns and find a
 * community's street. The package decides what is valid; each store runs a write in one transaction
 * with its audit record. The registers are stored by aggregate: people-workers.ts (the roster),
 * people-committees.ts, people-units.ts (grids, buildings, resident groups, representatives,
 * property-service areas), people-registers.ts (reading a community's registers, an entry's history)
 * and people-seed.ts (the demo's); people-import.ts imports sheets.
 */
import type { FieldIssue } from '@shequ/domain';
import { eq } from 'drizzle-orm';
import type { AuditedActor } from './audit.js';
import type { Database, Transaction } from './client.js';
import { communities } from './schema.js';

export type PeopleErrorCode = 'not-found' | 'conflict' | 'invalid';

/** A refused write: `invalid` carries the field problems, `conflict` a stale version, `not-found` a missing row. */
export class PeopleError extends Error {
  constructor(
    readonly code: PeopleErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'PeopleError';
  }
}

export type PeopleActor = AuditedActor;

/** A database or a transaction open on it. */
export type Db = Database | Transaction;

/** A record without the keys its row keeps in columns. */
export const withoutKeys = <T extends { id: string; communityCode: string }>({
  id: _id,
  communityCode: _c,
  ...rest
}: T) => rest;

/** The street of a stored community; `not-found` when there is none. */
export async function streetOf(db: Db, code: string): Promise<string> {
  const [row] = await db
    .select({ streetCode: communities.streetCode })
    .from(communities)
    .where(eq(communities.code, code))
    .limit(1);
  if (!row) throw new PeopleError('not-found', '没有这个社区');
  return row.streetCode;
}
