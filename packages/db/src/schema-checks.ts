/**
 * CHECK constraints that hold a column to its package's vocabulary. The type on the column keeps
 * TypeScript honest; the constraint keeps the database honest whoever writes to it (a migration, a
 * script, psql), so a status no transition knows can never be stored.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/** `(…values)` as SQL literals, for a constraint's text (drizzle-kit cannot put parameters in DDL). */
export function literalList(values: readonly string[]) {
  return sql.raw(`(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`);
}

/** `column in (…values)`; the values are the package's constants. */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} in ${literalList(values)}`);
}
