/**
 * Reading the stored communities: the list's WHERE (a node, a name or code search, household bounds),
 * one page of it in one prepared statement with the number matching, and one community by its code.
 * The caller checks that the node lies in the reader's scope.
 */
import { createHash } from 'node:crypto';
import { COUNTRY_CODE, divisionLevel } from '@shequ/domain';
import { and, arrayContains, asc, count, desc, eq, gte, ilike, like, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';
import { changeStampOfRows, changesStamping } from './community-changes.js';
import { escapeLike, nameSearchGrams } from './like.js';
import { keepRecent, mapPerHandle } from './per-handle.js';
import { communities, communityChanges, jurisdictions, users } from './schema.js';

export const communitySortFields = ['code', 'name', 'households', 'residents', 'updatedAt'] as const;
export type CommunitySortField = (typeof communitySortFields)[number];

/** What narrows the list under its node; absent members do not filter. */
export interface CommunityListFilter {
  /** Digits: a code prefix; anything else: part of the name. */
  search?: string | undefined;
  minHouseholds?: number | undefined;
  maxHouseholds?: number | undefined;
}

/** Which page of the list, in which order. */
export interface CommunityPageInput {
  /** From 1. */
  page: number;
  pageSize: number;
  sortField: CommunitySortField;
  sortOrder: 'ascend' | 'descend';
}

/**
 * SQL condition: the community lies under `code` (a node of any level), by equality on the indexed
 * ancestor column of that level — no prefix scan, no per-row function.
 */
export function communitiesUnder(code: string): SQL | undefined {
  if (code === COUNTRY_CODE) return undefined;
  switch (divisionLevel(code)) {
    case 'province':
      return eq(communities.provinceCode, code);
    case 'city':
      return eq(communities.cityCode, code);
    case 'district':
      return eq(communities.districtCode, code);
    case 'street':
      return eq(communities.streetCode, code);
    case 'community':
      return eq(communities.code, code);
    default:
      // A malformed binding sees nothing rather than everything.
      return eq(communities.code, '');
  }
}

/** The province whose change stamp (`communityChangeStamp`) covers `nodeCode`; undefined for the whole country. */
export function provinceOf(nodeCode: string): string | undefined {
  return nodeCode === COUNTRY_CODE ? undefined : `${nodeCode.slice(0, 2)}0000`;
}

const sortColumns = {
  code: communities.code,
  name: communities.name,
  households: communities.households,
  residents: communities.residents,
  updatedAt: communities.updatedAt,
} as const;

/** The list's WHERE under a node, without a scope check (the caller has made it). */
export function communityListWhere(nodeCode: string, input: CommunityListFilter): SQL | undefined {
  const search = input.search ?? '';
  return and(
    communitiesUnder(nodeCode),
    search
      ? /^\d+$/.test(search)
        ? like(communities.code, `${escapeLike(search)}%`)
        : nameContains(search)
      : undefined,
    input.minHouseholds !== undefined ? gte(communities.households, input.minHouseholds) : undefined,
    input.maxHouseholds !== undefined ? lte(communities.households, input.maxHouseholds) : undefined,
  );
}

/** Names containing `text`: narrowed by the index of name pieces, confirmed by ILIKE. */
function nameContains(text: string): SQL | undefined {
  return and(
    arrayContains(communities.nameGrams, nameSearchGrams(text)),
    ilike(communities.name, `%${escapeLike(text)}%`),
  );
}

/**
 * Numbers of communities matching a list's WHERE, per database handle, each with the change stamp of
 * the province (or country) it was counted under. Counting a common search ("社区" matches most of a
 * province) reads every community under the node; the stamp comes with the page, so a count is kept
 * until a community there changes, by whatever process.
 */
const countsOf = mapPerHandle<{ stamp: string; total: number }>();
const COUNT_CACHE_SIZE = 256;

async function matchingCount(db: Database, where: SQL | undefined, node: string | undefined, stamp: string) {
  const query = db.select({ total: count() }).from(communities).where(where);
  const { sql: text, params } = query.toSQL();
  const key = `${node ?? ''}|${text}|${JSON.stringify(params)}`;
  const known = countsOf(db);
  const hit = known.get(key);
  if (hit && hit.stamp === stamp) {
    keepRecent(known, key, hit, COUNT_CACHE_SIZE);
    return hit.total;
  }
  const [counted] = await query;
  const total = counted?.total ?? 0;
  keepRecent(known, key, { stamp, total }, COUNT_CACHE_SIZE);
  return total;
}

/** A listed community as the page statement returns it (`updatedAt` as JSON gives it). */
interface ListedCommunity {
  code: string;
  name: string;
  streetCode: string;
  streetName: string | null;
  districtName: string | null;
  households: number | null;
  residents: number | null;
  updatedAt: string;
}

/**
 * One statement, one round trip, for a page: the change stamp of the province (read in the same snapshot
 * as the rows, so before any count made after it) and the page's rows as one JSON array. The WHERE is
 * built into the statement with its values; `communityPage` keeps the prepared statements of recent lists.
 */
function pageStatement(db: Database, where: SQL | undefined, input: CommunityPageInput, byProvince: boolean) {
  const street = alias(jurisdictions, 'street');
  const district = alias(jurisdictions, 'district');
  const direction = input.sortOrder === 'ascend' ? asc : desc;
  const orderBy =
    input.sortField === 'code'
      ? [direction(communities.code)]
      : // The code breaks ties so pages never overlap.
        [direction(sortColumns[input.sortField]), asc(communities.code)];
  const page = db
    .select({
      code: communities.code,
      name: communities.name,
      streetCode: communities.streetCode,
      streetName: sql<string | null>`${street.name}`.as('street_name'),
      districtName: sql<string | null>`${district.name}`.as('district_name'),
      households: communities.households,
      residents: communities.residents,
      updatedAt: communities.updatedAt,
    })
    .from(communities)
    .leftJoin(street, eq(street.code, communities.streetCode))
    .leftJoin(district, eq(district.code, communities.districtCode))
    .where(where)
    .orderBy(...orderBy)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  // The JSON array in the page's order: the same keys, on the page's columns.
  const inOrder =
    input.sortField === 'code' ? [direction(page.code)] : [direction(page[input.sortField]), asc(page.code)];
  const rows = db
    .select({
      rows: sql<
        ListedCommunity[]
      >`coalesce(json_agg(json_build_object('code', ${page.code}, 'name', ${page.name}, 'streetCode', ${page.streetCode}, 'streetName', ${page.streetName}, 'districtName', ${page.districtName}, 'households', ${page.households}, 'residents', ${page.residents}, 'updatedAt', ${page.updatedAt}) order by ${sql.join(inOrder, sql`, `)}), '[]')`.as(
        'rows',
      ),
    })
    .from(page)
    .as('rows');
  const stamp = db
    .select({ stamp: changeStampOfRows().as('stamp') })
    .from(communityChanges)
    .where(changesStamping(byProvince ? sql.placeholder('province') : undefined))
    .as('stamp');
  return db.select({ stamp: stamp.stamp, rows: rows.rows }).from(stamp).crossJoin(rows);
}

type PageStatement = ReturnType<ReturnType<typeof pageStatement>['prepare']>;
const pageStatementsOf = mapPerHandle<PageStatement>();
const PAGE_STATEMENT_CACHE_SIZE = 256;

/**
 * One page of communities matching `where`, with their street and district and the number matching.
 * `node` is the division `where` lies under (the country when absent), whose change stamp keeps the
 * number. Read by the list procedure and by the load benchmark's bare route, which measures what tRPC adds.
 */
export async function communityPage(
  db: Database,
  where: SQL | undefined,
  input: CommunityPageInput,
  node?: string,
) {
  const province = node === undefined ? undefined : provinceOf(node);
  const { sql: text, params } = db.select({ code: communities.code }).from(communities).where(where).toSQL();
  const shape = `${text}|${input.sortField}|${input.sortOrder}|${province !== undefined}`;
  // The server-side statement is named by its text (the same text is parsed and planned once per
  // connection); the prepared query object also carries the WHERE's values, so it is kept per values.
  const key = `${shape}|${JSON.stringify(params)}`;
  const known = pageStatementsOf(db);
  const statement =
    known.get(key) ??
    pageStatement(db, where, input, province !== undefined).prepare(
      `community_page_${createHash('sha256').update(shape).digest('hex').slice(0, 24)}`,
    );
  keepRecent(known, key, statement, PAGE_STATEMENT_CACHE_SIZE);
  const [result] = await statement.execute({
    province: province ?? null,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const stamp = result?.stamp ?? '0:0';
  const items = result?.rows ?? [];
  const total = await matchingCount(db, where, node, stamp);
  return {
    items: items.map((item) => ({ ...item, updatedAt: new Date(item.updatedAt).toISOString() })),
    total,
  };
}

/** One stored community by its code, with the name of who last changed its facts; undefined if none. */
export async function findCommunity(db: Database, code: string) {
  const [row] = await db
    .select({
      code: communities.code,
      name: communities.name,
      asOf: communities.asOf,
      facts: communities.facts,
      version: communities.version,
      updatedAt: communities.updatedAt,
      updatedBy: users.displayName,
    })
    .from(communities)
    .leftJoin(users, eq(users.id, communities.updatedBy))
    .where(eq(communities.code, code))
    .limit(1);
  return row;
}
