import { escapeLike, jurisdictions } from '@shequ/db';
import { ancestorCodes, divisionCode, type JurisdictionLevel } from '@shequ/domain';
import { and, asc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import { isInScope, type Principal, scopePrefix } from '../auth/scope.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { authedProcedure, requireScope, router } from '../trpc.js';

export interface JurisdictionNode {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string | null;
  hasChildren: boolean;
  communityCount: number;
}

export interface PathEntry {
  code: string;
  name: string;
}

const nodeColumns = {
  code: jurisdictions.code,
  name: jurisdictions.name,
  level: jurisdictions.level,
  parentCode: jurisdictions.parentCode,
  communityCount: jurisdictions.communityCount,
  // Served by the parent_code index: one probe per listed node. The outer column is spelled out in full:
  // drizzle writes a single-table select's columns unqualified, and a bare "code" here would be the child's.
  hasChildren: sql<boolean>`exists (select 1 from ${jurisdictions} as child where child.parent_code = "jurisdictions"."code")`,
};

/** SQL condition: the jurisdiction lies under the principal's node (undefined: the whole country). */
export function jurisdictionScopeFilter(principal: Pick<Principal, 'jurisdictionCode'>): SQL | undefined {
  const prefix = scopePrefix(principal.jurisdictionCode);
  return prefix ? like(jurisdictions.code, `${prefix}%`) : undefined;
}

/**
 * Names of divisions already read, per database handle. A stored division's name never changes while
 * the server runs: the division import only adds rows (`on conflict do nothing`), and no procedure,
 * command or migration updates or deletes a division. So a name once read stays right; a code not
 * found is not remembered and is looked up again (an import may add it).
 */
const divisionNames = new WeakMap<Context['db'], Map<string, string>>();
const DIVISION_NAME_CACHE_SIZE = 50_000;

/** The stored names of those of `codes` that are divisions, read from the database only once each. */
export async function divisionNamesOf(
  db: Context['db'],
  codes: readonly string[],
): Promise<Map<string, string>> {
  let known = divisionNames.get(db);
  if (!known) {
    known = new Map();
    divisionNames.set(db, known);
  }
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const code of codes) {
    const name = known.get(code);
    if (name === undefined) missing.push(code);
    else out.set(code, name);
  }
  if (missing.length === 0) return out;
  const rows = await db
    .select({ code: jurisdictions.code, name: jurisdictions.name })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, [...new Set(missing)]));
  if (known.size + rows.length > DIVISION_NAME_CACHE_SIZE) known.clear();
  for (const row of rows) {
    known.set(row.code, row.name);
    out.set(row.code, row.name);
  }
  return out;
}

/** Names of the ancestors of `code` that the principal may see, top first (the node itself excluded). */
export async function visiblePath(
  ctx: Pick<Context, 'db'>,
  principal: Pick<Principal, 'jurisdictionCode'>,
  codes: readonly string[],
): Promise<Map<string, PathEntry[]>> {
  const ancestorsOf = new Map(
    codes.map((code) => [code, ancestorCodes(code).filter((a) => isInScope(principal, a))]),
  );
  const wanted = [...new Set([...ancestorsOf.values()].flat())];
  const names = await divisionNamesOf(ctx.db, wanted);
  const out = new Map<string, PathEntry[]>();
  for (const [code, ancestors] of ancestorsOf) {
    out.set(
      code,
      ancestors.flatMap((a) => {
        const name = names.get(a);
        return name === undefined ? [] : [{ code: a, name }];
      }),
    );
  }
  return out;
}

export const divisionSearchInput = z.strictObject({
  query: z.string().trim().min(1, '请输入名称或代码').max(50),
  limit: z.number().int().min(1).max(50).default(20),
});

export const divisionCodeInput = z.strictObject({ code: divisionCode });

export const jurisdictionsRouter = router({
  /** The top of the principal's tree: their own node, or the provinces for the whole country. */
  roots: authedProcedure.query(async ({ ctx }): Promise<JurisdictionNode[]> => {
    const code = ctx.principal.jurisdictionCode;
    const where = code === COUNTRY_CODE ? eq(jurisdictions.level, 'province') : eq(jurisdictions.code, code);
    return ctx.db.select(nodeColumns).from(jurisdictions).where(where).orderBy(asc(jurisdictions.code));
  }),

  children: authedProcedure
    .input(z.strictObject({ parentCode: z.union([z.literal(COUNTRY_CODE), divisionCode]) }))
    .query(async ({ ctx, input }): Promise<JurisdictionNode[]> => {
      requireScope(ctx.principal, input.parentCode);
      const where =
        input.parentCode === COUNTRY_CODE
          ? eq(jurisdictions.level, 'province')
          : eq(jurisdictions.parentCode, input.parentCode);
      return ctx.db.select(nodeColumns).from(jurisdictions).where(where).orderBy(asc(jurisdictions.code));
    }),

  search: authedProcedure.input(divisionSearchInput).query(async ({ ctx, input }) => {
    const text = escapeLike(input.query);
    const matches = /^\d+$/.test(input.query)
      ? like(jurisdictions.code, `${text}%`)
      : or(ilike(jurisdictions.name, `%${text}%`), like(jurisdictions.code, `${text}%`));
    const rows = await ctx.db
      .select(nodeColumns)
      .from(jurisdictions)
      .where(and(matches, jurisdictionScopeFilter(ctx.principal)))
      // Shallow nodes first (a search for 威海 shows the city before its streets), then by code.
      .orderBy(sql`length(${jurisdictions.code})`, asc(jurisdictions.code))
      .limit(input.limit);
    const paths = await visiblePath(
      ctx,
      ctx.principal,
      rows.map((r) => r.code),
    );
    return rows.map((row) => ({ ...row, path: paths.get(row.code) ?? [] }));
  }),

  get: authedProcedure.input(divisionCodeInput).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    const [row] = await ctx.db
      .select(nodeColumns)
      .from(jurisdictions)
      .where(eq(jurisdictions.code, input.code));
    if (!row) throw notFound('没有这个行政区划');
    const paths = await visiblePath(ctx, ctx.principal, [row.code]);
    return { ...row, path: paths.get(row.code) ?? [] };
  }),
});
