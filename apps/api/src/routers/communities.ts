import {
  communityListWhere,
  communityPage,
  communitySortFields,
  factsWithRegisters,
  findCommunity,
  updateCommunityFacts,
} from '@shequ/db';
import {
  boundedInt,
  type CommunityFacts,
  type CommunitySnapshot,
  communityCode,
  communityFacts,
  divisionCode,
  isoDate,
  SNAPSHOT_FORMAT,
} from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Principal } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { notFound } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';
import { type PathEntry, visiblePath } from './jurisdictions.js';

// Compared with integer columns: a value past int4 would fail in the database, not here.
const nonNegativeInt = boundedInt();

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
  const row = await findCommunity(ctx.db, code);
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
    const refused = await updateCommunityFacts(ctx.db, auditedAs(ctx), input);
    if (refused === 'notFound') throw notFound('没有这个社区');
    if (refused === 'stale') throw conflict();
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
