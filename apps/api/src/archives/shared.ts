/**
 * What the archive, seal, handover and custody routers share: the scope check on a
 * row's community, and turning the store's refusals into tRPC errors the console can show.
 */
import { type Citation, citeInline, TransitionRefused } from '@shequ/archives';
import { ArchiveError, type Database } from '@shequ/db';
import { isDateInRange } from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { eq, like, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import { type Principal, scopePrefix } from '../auth/scope.js';
import { FieldProblems, forbidden, notFound } from '../errors.js';
import { requireScope } from '../trpc.js';

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
 * that note gives way to the rule the refusal applies — the community's own article, or the project
 * rule (本系统规则 R-…) where its regulation is silent — so no rule is named twice or wrongly.
 */
export function refusalMessage(refusal: { reason: string; citation?: Citation; basis?: string }): string {
  const { reason, citation, basis } = refusal;
  const rule = citation ? citeInline(citation) : basis;
  return rule ? `${reason.replace(/（[^（）]*）$/, '')}（依据${rule}）` : reason;
}

export function asTrpcError(error: unknown): unknown {
  if (error instanceof TransitionRefused) {
    const { field, reason } = error.refusal;
    // A refusal about one input field is that field's problem, shown beside it in the form.
    if (field) {
      return new TRPCError({
        code: 'BAD_REQUEST',
        message: refusalMessage(error.refusal),
        cause: new FieldProblems({ [field]: [reason] }),
      });
    }
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
 * the destruction list): the input side of `@shequ/db`'s `rowsAfter`, which says what a page is.
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

export const paging = {
  after: pageAfter.optional(),
  limit: z
    .int()
    .min(1, { error: '每页条数应为 1–500' })
    .max(500, { error: '每页条数应为 1–500' })
    .default(100),
};
