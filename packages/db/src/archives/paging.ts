/**
 * Keyset paging for the archive lists: the client passes the last row's sort date and id as `after` and
 * gets the rows that follow. Unlike an offset, a page does not shift when a seal comes back while
 * someone reads.
 */
import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';

/** The last row a client has seen: its sort date (ISO) and id. */
export interface PageAfter {
  at: string;
  id: string;
}

/** A page of a list: after the keyset `after`, at most `limit` rows. */
export interface ListPage {
  after?: PageAfter | undefined;
  limit: number;
}

/** The WHERE part for rows after `after` in the order (`at`, `id`) ascending or descending. */
export function rowsAfter(
  order: 'asc' | 'desc',
  columns: { at: PgColumn; id: PgColumn },
  after: PageAfter | undefined,
): SQL | undefined {
  if (!after) return undefined;
  return order === 'asc'
    ? sql`(${columns.at}, ${columns.id}) > (${after.at}, ${after.id})`
    : sql`(${columns.at}, ${columns.id}) < (${after.at}, ${after.id})`;
}

/**
 * One page of `query` (a dynamic select) narrowed to `where`: the rows after `page.after` in the order
 * (`at`, `id`), at most `page.limit` of them. Every keyset list is read through this.
 */
export function keysetPage<T extends PgSelect>(
  query: T,
  where: SQL | undefined,
  order: 'asc' | 'desc',
  columns: { at: PgColumn; id: PgColumn },
  page: ListPage,
) {
  const direction = order === 'asc' ? asc : desc;
  return query
    .where(and(where, rowsAfter(order, columns, page.after)))
    .orderBy(direction(columns.at), direction(columns.id))
    .limit(page.limit);
}
