/**
 * What the archive, seal, handover and custody routers share: who is acting, the scope check on a
 * row's community, and turning the store's refusals into tRPC errors the console can show.
 */
import { type Citation, citeInline, TransitionRefused } from '@shequ/archives';
import { type ActingAs, ArchiveError, type Database } from '@shequ/db';
import { isDateInRange } from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { eq, like, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import { type Principal, scopePrefix } from '../auth/scope.js';
import type { Context } from '../context.js';
import { FieldProblems, forbidden, notFound } from '../errors.js';
import { requireScope } from '../trpc.js';

export function actingAs(ctx: Context & { principal: Principal }): ActingAs {
  return {
    actor: { id: ctx.principal.id, username: ctx.principal.username },
    now: ctx.settings.now(),
    ip: ctx.ip,
  };
}

/** Runs a store call, turning refusals and store errors into tRPC errors with zh-CN messages. */
export async function attempt<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asTrpcError(error);
  }
}

/**
 * A refusal as people read it: the reason, then where the rule comes from, once. The packages' reasons
 * often end in a short note of the rule (「（鄂州 第三十九条：指定专人保管）」「（严格按规定管理使用）」);
 * with a citation that note gives way to the full one, so the rule is not named twice.
 */
export function refusalMessage(refusal: { reason: string; citation?: Citation; basis?: string }): string {
  const { reason, citation, basis } = refusal;
  if (citation) return `${reason.replace(/（[^（）]*）$/, '')}（依据${citeInline(citation)}）`;
  return basis ? `${reason}（${basis}）` : reason;
}

export function asTrpcError(error: unknown): unknown {
  if (error instanceof TransitionRefused) {
    return new TRPCError({ code: 'CONFLICT', message: refusalMessage(error.refusal), cause: error });
  }
  if (error instanceof ArchiveError) {
    if (error.kind === 'notFound') return notFound(error.message);
    if (error.kind === 'conflict') return new TRPCError({ code: 'CONFLICT', message: error.message });
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: error.message,
      cause: new FieldProblems(error.fieldErrors),
    });
  }
  return error;
}

/**
 * The community of the row `id` in `table`, after checking the principal may see it. A row outside
 * the principal's scope is reported as missing, so ids of other communities reveal nothing.
 */
export async function communityOfRow(
  db: Database,
  principal: Principal,
  table: PgTable,
  columns: { id: PgColumn; communityCode: PgColumn },
  id: string,
  what: string,
): Promise<string> {
  const [row] = await db
    .select({ communityCode: columns.communityCode })
    .from(table)
    .where(eq(columns.id, id))
    .limit(1);
  const code = row?.communityCode as string | undefined;
  if (!code) throw notFound(`没有这个${what}`);
  try {
    requireScope(principal, code);
  } catch {
    throw notFound(`没有这个${what}`);
  }
  return code;
}

/**
 * Scope filter for a node of any level the principal may see: equality on the indexed
 * `community_code` or `street_code`, a prefix match above the town.
 */
export function underNode(
  principal: Principal,
  columns: { communityCode: PgColumn; streetCode: PgColumn },
  under: string | undefined,
): SQL | undefined {
  const node = under ?? principal.jurisdictionCode;
  if (under) requireScope(principal, under);
  if (node === COUNTRY_CODE) return undefined;
  const prefix = scopePrefix(node);
  if (prefix.length === 12) return eq(columns.communityCode, prefix);
  if (prefix.length === 9) return eq(columns.streetCode, prefix);
  if (!/^\d+$/.test(prefix)) throw forbidden();
  return like(columns.communityCode, `${prefix}%`);
}

/**
 * Keyset paging for the lists that used to return everything (seals out, overdue, requests, handovers,
 * the destruction list): the client passes the last row's sort date and id as `after` and gets the rows
 * that follow. Unlike an offset, a page does not shift when a seal comes back while someone reads.
 */
export const pageAfter = z.strictObject({
  // An ISO date or date-time within the years records carry: `Date.parse` alone let `"1"` and
  // `"+275760-09-13"` through to the database, which refused them with a server error.
  at: z
    .union([
      z.iso.datetime({ offset: true, error: '翻页位置应为 ISO 日期或时间' }),
      z.iso.date({ error: '翻页位置应为 ISO 日期或时间' }),
    ])
    .refine((value) => isDateInRange(value.slice(0, 10)), { error: '翻页位置应为 ISO 日期或时间' }),
  id: z.uuid({ error: '应为有效的编号' }),
});
export type PageAfter = z.infer<typeof pageAfter>;

export const paging = {
  after: pageAfter.optional(),
  limit: z
    .int()
    .min(1, { error: '每页条数应为 1–500' })
    .max(500, { error: '每页条数应为 1–500' })
    .default(100),
};

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
