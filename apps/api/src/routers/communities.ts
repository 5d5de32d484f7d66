import { createHash } from 'node:crypto';
import {
  communities,
  communityChanges,
  escapeLike,
  factsWithRegisters,
  jurisdictions,
  nameSearchGrams,
  users,
} from '@shequ/db';
import {
  boundedInt,
  type CommunityFacts,
  type CommunitySnapshot,
  communityCode,
  communityFacts,
  divisionCode,
  divisionLevel,
  isoDate,
  SNAPSHOT_FORMAT,
} from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  like,
  lte,
  max,
  type SQL,
  sql,
  sum,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { writeAudit } from '../audit.js';
import { COUNTRY_CODE } from '../auth/roles.js';
import type { Principal } from '../auth/scope.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';
import { type PathEntry, visiblePath } from './jurisdictions.js';

// Compared with integer columns: a value past int4 would fail in the database, not here.
const nonNegativeInt = boundedInt();

export const communitySortFields = ['code', 'name', 'households', 'residents', 'updatedAt'] as const;

export const listCommunitiesInput = z
  .strictObject({
    under: divisionCode.optional(),
    search: z.string().trim().max(50).optional(),
    page: boundedInt({ min: 1 }).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
    sortField: z.enum(communitySortFields).default('code'),
    sortOrder: z.enum(['ascend', 'descend']).default('ascend'),
    minHouseholds: nonNegativeInt.optional(),
    maxHouseholds: nonNegativeInt.optional(),
  })
  .refine(
    (i) =>
      i.minHouseholds === undefined || i.maxHouseholds === undefined || i.minHouseholds <= i.maxHouseholds,
    {
      message: '最少户数不能大于最多户数',
      path: ['maxHouseholds'],
    },
  );

/** One stored community by its code (`communities.get`, `communities.snapshot`). */
export const communityCodeInput = z.strictObject({ code: communityCode });

export const updateFactsInput = z.strictObject({
  code: communityCode,
  expectedVersion: boundedInt({ min: 1 }),
  asOf: isoDate,
  facts: communityFacts,
});

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

export interface CommunityRecord {
  code: string;
  name: string;
  path: PathEntry[];
  asOf: string;
  facts: CommunityFacts;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

async function loadCommunity(ctx: Context, principal: Principal, code: string): Promise<CommunityRecord> {
  const [row] = await ctx.db
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
  if (!row) throw notFound('没有这个社区');
  const paths = await visiblePath(ctx, principal, [code]);
  return {
    ...row,
    asOf: String(row.asOf),
    updatedAt: row.updatedAt.toISOString(),
    path: paths.get(code) ?? [],
  };
}

/**
 * The list's WHERE: the node asked for (checked to lie in the principal's scope, so filtering by it alone
 * also enforces the scope), name or code search, and household bounds. Shared by the list and its export.
 */
export function communityListFilter(
  principal: Principal,
  input: Pick<z.output<typeof listCommunitiesInput>, 'under' | 'search' | 'minHouseholds' | 'maxHouseholds'>,
): SQL | undefined {
  if (input.under) requireScope(principal, input.under);
  // `under` was checked to lie in scope, so filtering by it alone also enforces the scope.
  return communityListWhere(input.under ?? principal.jurisdictionCode, input);
}

/** The list's WHERE under a node, without a scope check (the caller has made it). */
export function communityListWhere(
  nodeCode: string,
  input: Pick<z.output<typeof listCommunitiesInput>, 'search' | 'minHouseholds' | 'maxHouseholds'>,
): SQL | undefined {
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
const counts = new WeakMap<Context['db'], Map<string, { stamp: string; total: number }>>();
const COUNT_CACHE_SIZE = 256;

async function matchingCount(
  db: Context['db'],
  where: SQL | undefined,
  node: string | undefined,
  stamp: string,
) {
  const query = db.select({ total: count() }).from(communities).where(where);
  const { sql: text, params } = query.toSQL();
  const key = `${node ?? ''}|${text}|${JSON.stringify(params)}`;
  let known = counts.get(db);
  if (!known) {
    known = new Map();
    counts.set(db, known);
  }
  const hit = known.get(key);
  // Re-inserting keeps the map in least-recently-used order for eviction.
  known.delete(key);
  if (hit && hit.stamp === stamp) {
    known.set(key, hit);
    return hit.total;
  }
  const [counted] = await query;
  const total = counted?.total ?? 0;
  known.set(key, { stamp, total });
  while (known.size > COUNT_CACHE_SIZE) {
    const oldest = known.keys().next().value;
    if (oldest === undefined) break;
    known.delete(oldest);
  }
  return total;
}

type PageInput = Pick<z.output<typeof listCommunitiesInput>, 'page' | 'pageSize' | 'sortField' | 'sortOrder'>;

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
function pageStatement(db: Context['db'], where: SQL | undefined, input: PageInput, byProvince: boolean) {
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
    .select({
      stamp:
        sql<string>`coalesce(${sum(communityChanges.weight)}, 0)::text || ':' || coalesce(${max(communityChanges.id)}, 0)::text`.as(
          'stamp',
        ),
    })
    .from(communityChanges)
    .where(byProvince ? inArray(communityChanges.provinceCode, [sql.placeholder('province'), '']) : undefined)
    .as('stamp');
  return db.select({ stamp: stamp.stamp, rows: rows.rows }).from(stamp).crossJoin(rows);
}

type PageStatement = ReturnType<ReturnType<typeof pageStatement>['prepare']>;
const pageStatements = new WeakMap<Context['db'], Map<string, PageStatement>>();
const PAGE_STATEMENT_CACHE_SIZE = 256;

/**
 * One page of communities matching `where`, with their street and district and the number matching.
 * `node` is the division `where` lies under (the country when absent), whose change stamp keeps the
 * number. Shared by the list procedure and the load benchmark's bare route, which measures what tRPC adds.
 */
export async function communityPage(
  db: Context['db'],
  where: SQL | undefined,
  input: PageInput,
  node?: string,
) {
  const province = node === undefined ? undefined : provinceOf(node);
  const { sql: text, params } = db.select({ code: communities.code }).from(communities).where(where).toSQL();
  const shape = `${text}|${input.sortField}|${input.sortOrder}|${province !== undefined}`;
  // The server-side statement is named by its text (the same text is parsed and planned once per
  // connection); the prepared query object also carries the WHERE's values, so it is kept per values.
  const key = `${shape}|${JSON.stringify(params)}`;
  let known = pageStatements.get(db);
  if (!known) {
    known = new Map();
    pageStatements.set(db, known);
  }
  let statement = known.get(key);
  known.delete(key);
  if (!statement) {
    const name = `community_page_${createHash('sha256').update(shape).digest('hex').slice(0, 24)}`;
    statement = pageStatement(db, where, input, province !== undefined).prepare(name);
  }
  // Re-inserting keeps the map in least-recently-used order for eviction.
  known.set(key, statement);
  while (known.size > PAGE_STATEMENT_CACHE_SIZE) {
    const oldest = known.keys().next().value;
    if (oldest === undefined) break;
    known.delete(oldest);
  }
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

export const communitiesRouter = router({
  list: authedProcedure
    .input(listCommunitiesInput)
    .query(({ ctx, input }) =>
      communityPage(
        ctx.db,
        communityListFilter(ctx.principal, input),
        input,
        input.under ?? ctx.principal.jurisdictionCode,
      ),
    ),

  get: authedProcedure.input(communityCodeInput).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    return loadCommunity(ctx, ctx.principal, input.code);
  }),

  updateFacts: writerProcedure.input(updateFactsInput).mutation(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    const now = ctx.settings.now();
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ asOf: communities.asOf, facts: communities.facts, version: communities.version })
        .from(communities)
        .where(eq(communities.code, input.code))
        .limit(1);
      if (!before) throw notFound('没有这个社区');
      if (before.version !== input.expectedVersion) throw conflict();
      const updated = await tx
        .update(communities)
        .set({
          facts: input.facts,
          asOf: input.asOf,
          households: input.facts.households ?? null,
          residents: input.facts.residents ?? null,
          version: input.expectedVersion + 1,
          updatedAt: now,
          updatedBy: ctx.principal.id,
        })
        // The version in the WHERE makes the check and the write one atomic step.
        .where(and(eq(communities.code, input.code), eq(communities.version, input.expectedVersion)))
        .returning({ version: communities.version });
      if (updated.length === 0) throw conflict();
      await writeAudit(tx, {
        actor: ctx.principal,
        action: 'community.updateFacts',
        entityType: 'community',
        entityId: input.code,
        jurisdictionCode: input.code,
        before: { asOf: String(before.asOf), facts: before.facts, version: before.version },
        after: { asOf: input.asOf, facts: input.facts, version: input.expectedVersion + 1 },
        ip: ctx.ip,
        at: now,
      });
    });
    return loadCommunity(ctx, ctx.principal, input.code);
  }),

  /** The stored community as a `shequ.community-snapshot/v1` document (docs/interfaces.md §2). */
  snapshot: authedProcedure
    .input(communityCodeInput)
    .query(async ({ ctx, input }): Promise<CommunitySnapshot> => {
      requireScope(ctx.principal, input.code);
      const record = await loadCommunity(ctx, ctx.principal, input.code);
      // docs/interfaces.md §5: facts a register keeps are worked out from it as of the date.
      const { facts } = await factsWithRegisters(ctx.db, record.code, record.facts, record.asOf);
      return {
        format: SNAPSHOT_FORMAT,
        code: record.code,
        name: record.name,
        asOf: record.asOf,
        ...facts,
      };
    }),
});

function conflict(): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message: '该社区的数据已被他人修改，请刷新后重新编辑' });
}
