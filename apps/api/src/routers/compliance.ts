/**
 * Compliance of stored communities with their jurisdictions' packs: one community with its
 * explanation, and a node's dashboard computed on the fly (no stored results to go stale).
 * Read-only, so no audit records; every procedure checks the principal's scope first.
 */
import { communities, factsWithRegisters, parameterValuesAround, storedFactsColumns } from '@shequ/db';
import { boundedInt, communityCode, divisionCode, divisionLevel, isoDate } from '@shequ/domain';
import {
  type CheckResult,
  type CheckStatus,
  checkStatuses,
  EvaluationInputError,
  parameterValuesInForce,
  suppliedParameters,
} from '@shequ/policy';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import type { Principal } from '../auth/scope.js';
import {
  type CommunityStatuses,
  evaluatedUnder,
  type NodeEvaluation,
  type StoredCommunity,
} from '../compliance/evaluate.js';
import type { Context } from '../context.js';
import { FieldProblems, notFound } from '../errors.js';
import { authedProcedure, requireScope, router } from '../trpc.js';
import { divisionNamesOf, type PathEntry, visiblePath } from './jurisdictions.js';

const nodeCode = z.union([z.literal(COUNTRY_CODE), divisionCode]);

export const communityComplianceInput = z.strictObject({
  code: communityCode,
  asOf: isoDate.optional(),
  readings: z.record(z.string(), z.enum(['chosen', 'alternative'])).optional(),
});

export const dashboardInput = z.strictObject({ jurisdictionCode: nodeCode });

export const failingInput = z.strictObject({
  jurisdictionCode: nodeCode,
  /** A check's id; absent: communities with at least one result of `status` on any rule. */
  rule: z.string().trim().min(1).max(120).optional(),
  status: z.enum(checkStatuses).default('fail'),
  page: boundedInt({ min: 1 }).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** Engine input problems (an unknown reading, a bad parameter) as field errors of the request. */
export function asBadRequest(error: unknown, prefix = ''): never {
  if (error instanceof EvaluationInputError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key =
        prefix && issue.path.startsWith('params.') ? `${prefix}.${issue.path.slice(7)}` : issue.path;
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: error.issues.map((i) => i.message).join('；'),
      cause: new FieldProblems(fieldErrors),
    });
  }
  throw error;
}

export type StatusCounts = Record<CheckStatus, number>;
const emptyCounts = (): StatusCounts => ({ pass: 0, fail: 0, warn: 0, 'not-applicable': 0, unknown: 0 });

export interface RuleTally {
  rule: string;
  title: string;
  jurisdiction: string;
  citation: CheckResult['citation'];
  binding: CheckResult['binding'];
  counts: StatusCounts;
}

export interface ChildTally {
  code: string;
  name: string;
  communities: number;
  /** Communities with at least one `fail`. */
  failing: number;
  /** Communities with at least one `warn` and no `fail`. */
  warningOnly: number;
}

/** The level under a node that the dashboard breaks a node down by, and the column that names it. */
function childKey(node: string): ((c: Pick<StoredCommunity, 'code'>) => string) | undefined {
  if (node === COUNTRY_CODE) return (c) => `${c.code.slice(0, 2)}0000`;
  switch (divisionLevel(node)) {
    case 'province':
      return (c) => `${c.code.slice(0, 4)}00`;
    case 'city':
      return (c) => c.code.slice(0, 6);
    case 'district':
      return (c) => c.code.slice(0, 9);
    case 'street':
      return (c) => c.code;
    default:
      return undefined;
  }
}

async function nodeInfo(
  ctx: Pick<Context, 'db' | 'principal'>,
  code: string,
): Promise<{ code: string; name: string; path: PathEntry[] }> {
  if (code === COUNTRY_CODE) return { code, name: '全国', path: [] };
  const name = (await divisionNamesOf(ctx.db, [code])).get(code);
  if (name === undefined) throw notFound('没有这个行政区划');
  const principal = ctx.principal;
  const paths = principal ? await visiblePath(ctx, principal, [code]) : new Map<string, PathEntry[]>();
  return { code, name, path: paths.get(code) ?? [] };
}

/** Tallies per rule (in the order the chains list them) and per child node. */
export function tally(
  evaluated: readonly CommunityStatuses[],
  keyOf: ((c: Pick<StoredCommunity, 'code'>) => string) | undefined,
): { rules: RuleTally[]; children: Map<string, Omit<ChildTally, 'name' | 'code'>>; withFail: number } {
  const rules = new Map<string, RuleTally>();
  const children = new Map<string, Omit<ChildTally, 'name' | 'code'>>();
  let withFail = 0;
  const describedChains = new Set<string>();
  for (const entry of evaluated) {
    if (!describedChains.has(entry.chain.key)) {
      describedChains.add(entry.chain.key);
      for (const { rule, jurisdiction } of entry.chain.evaluator.rules) {
        if (rule.kind !== 'check' || rules.has(rule.id)) continue;
        rules.set(rule.id, {
          rule: rule.id,
          title: rule.title,
          jurisdiction,
          citation: rule.citation,
          binding: rule.binding,
          counts: emptyCounts(),
        });
      }
    }
    let fails = false;
    let warns = false;
    for (let i = 0; i < entry.rules.length; i++) {
      const status = entry.statuses[i] as CheckStatus;
      const tallied = rules.get(entry.rules[i] as string);
      if (tallied) tallied.counts[status] += 1;
      if (status === 'fail') fails = true;
      else if (status === 'warn') warns = true;
    }
    if (fails) withFail += 1;
    if (keyOf) {
      const key = keyOf(entry.community);
      const child = children.get(key) ?? { communities: 0, failing: 0, warningOnly: 0 };
      child.communities += 1;
      if (fails) child.failing += 1;
      else if (warns) child.warningOnly += 1;
      children.set(key, child);
    }
  }
  return { rules: [...rules.values()], children, withFail };
}

/**
 * Tallies of a node's evaluation, kept as long as the evaluation is (it is replaced when a community
 * under the node changes), so that a dashboard opened again does not count every community again.
 */
const talliesOf = new WeakMap<NodeEvaluation, ReturnType<typeof tally>>();

/**
 * The dashboard of a node: counts per rule over its communities and, per child node, the communities
 * with at least one `fail`. Shared by the procedure and the load benchmark's bare route.
 */
export async function dashboardOf(
  ctx: Pick<Context, 'db' | 'principal'> & { settings: Pick<Context['settings'], 'packs'> },
  nodeCode: string,
) {
  const startedAt = performance.now();
  const [node, evaluation] = await Promise.all([nodeInfo(ctx, nodeCode), evaluatedUnder(ctx, nodeCode)]);
  const { evaluated, uncovered, communities: total } = evaluation;
  let tallied = talliesOf.get(evaluation);
  if (!tallied) {
    tallied = tally(evaluated, childKey(nodeCode));
    talliesOf.set(evaluation, tallied);
  }
  const { rules, children, withFail } = tallied;
  const names = await divisionNamesOf(ctx.db, [...children.keys()]);
  // A child without a division name is a community: named from the evaluation, looked up only then
  // (a map of a province's communities per request cost more than the rest of a cached answer).
  const unnamed = new Set([...children.keys()].filter((code) => !names.has(code)));
  const communityNames = new Map(
    unnamed.size === 0
      ? []
      : evaluated
          .filter((e) => unnamed.has(e.community.code))
          .map((e) => [e.community.code, e.community.name]),
  );
  return {
    node,
    communities: total,
    evaluated: evaluated.length,
    /** Communities no shipped pack covers. */
    uncovered: uncovered.length,
    withFail,
    rules,
    children: [...children.entries()]
      .map(
        ([code, counts]): ChildTally => ({
          code,
          name: names.get(code) ?? communityNames.get(code) ?? code,
          ...counts,
        }),
      )
      .sort((x, y) => x.code.localeCompare(y.code)),
    /** Server time for the whole answer, database included. */
    elapsedMs: Math.round(performance.now() - startedAt),
  };
}

export const complianceRouter = router({
  /**
   * A stored community checked against its packs: the docs/interfaces.md §3 output, each result with the
   * text of the article it cites and the explanation (facts and parameters read, with provenance).
   */
  community: authedProcedure.input(communityComplianceInput).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    const [row] = await ctx.db
      .select(storedFactsColumns)
      .from(communities)
      .where(eq(communities.code, input.code))
      .limit(1);
    if (!row) throw notFound('没有这个社区');
    const registry = ctx.settings.packs;
    const packs = registry.packsFor(row.code);
    if (packs.length === 0) {
      throw new TRPCError({ code: 'NOT_FOUND', message: '该社区所在辖区还没有政策包' });
    }
    const asOf = input.asOf ?? String(row.asOf);
    const evaluator = registry.evaluatorFor(packs);
    // Counts a register keeps (staff, committees, groups…) come from it as of the date checked.
    const { facts, fromRegister } = await factsWithRegisters(ctx.db, row.code, row.facts, asOf);
    // The figures its jurisdictions entered for the benchmarks the regulations leave to them.
    const entered = parameterValuesInForce(
      (await parameterValuesAround(ctx.db, row.code)).map((v) => ({
        ...v,
        jurisdiction: v.jurisdictionCode,
      })),
      row.code,
      asOf,
    );
    const params = Object.fromEntries([...entered].map(([name, v]) => [name, Number(v.value)]));
    let evaluation: ReturnType<typeof evaluator>;
    try {
      evaluation = evaluator(facts, {
        asOf,
        explain: true,
        ...(entered.size > 0 ? { params } : {}),
        ...(input.readings ? { readings: input.readings } : {}),
      });
    } catch (error) {
      asBadRequest(error);
    }
    const paths = await visiblePath(ctx, ctx.principal, [row.code]);
    const labels = new Map(evaluator.parameters.map((p) => [p.parameter.name, p.parameter.label]));
    return {
      jurisdictions: packs.map((p) => ({ code: p.code, name: p.name })),
      documents: packs.flatMap((p) => p.documents.map((d) => ({ ...d, jurisdiction: p.code }))),
      asOf,
      factsAsOf: String(row.asOf),
      fromRegister,
      community: { code: row.code, name: row.name, path: paths.get(row.code) ?? [] },
      results: evaluation.results.map(({ explanation, ...result }) => {
        const { article, clause, document } = result.citation;
        // A pack's texts carry only its own documents: the result's jurisdiction is the pack the
        // citation names, and the document picks the version where the pack holds several.
        const text = registry.articleText(result.jurisdiction, article, clause, document);
        return {
          ...result,
          ...(explanation
            ? {
                explanation: {
                  ...explanation,
                  parameters: explanation.parameters.map((p) => ({
                    ...p,
                    label: labels.get(p.name) ?? p.name,
                  })),
                },
              }
            : {}),
          ...(text === undefined ? {} : { articleText: text }),
        };
      }),
      quantities: evaluation.quantities,
      quantityExplanations: evaluation.quantityExplanations ?? {},
      summary: evaluation.summary,
      interpretations: [...evaluator.interpretations],
      /** Each parameter's name in Chinese, for texts that name a parameter the checks lacked. */
      parameterLabels: Object.fromEntries(labels),
      /**
       * The benchmarks a jurisdiction supplies (辖区参数), with the figure in force on `asOf` if one
       * was entered: a check unknown for want of one links to the page where it is entered.
       */
      suppliedParameters: suppliedParameters(packs).map((p) => {
        const value = entered.get(p.name);
        return {
          name: p.name,
          label: p.label,
          unit: p.unit,
          jurisdiction: p.jurisdiction,
          jurisdictionName: p.jurisdictionName,
          inForce: value
            ? { value: value.value, effectiveFrom: value.effectiveFrom, source: value.source }
            : null,
        };
      }),
    };
  }),

  /**
   * Every community under a node evaluated with its own facts and date: counts per rule, and per
   * child node the communities with at least one `fail`.
   */
  dashboard: authedProcedure.input(dashboardInput).query(({ ctx, input }) => {
    requireScope(ctx.principal, input.jurisdictionCode);
    return dashboardOf(ctx, input.jurisdictionCode);
  }),

  /** The communities under a node with `status` on `rule` (or on any rule), paged, by code. */
  failing: authedProcedure.input(failingInput).query(async ({ ctx, input }) => {
    const matching = await failingCommunities(ctx, input);
    const start = (input.page - 1) * input.pageSize;
    return {
      total: matching.length,
      items: await failingItems(ctx, matching.slice(start, start + input.pageSize)),
    };
  }),
});

/**
 * The drill-down's filter, shared by the list and its export: the communities under a node (checked
 * to lie in the principal's scope) with `status` on `rule`, or on any rule, in code order.
 */
export async function failingCommunities(
  ctx: Context & { principal: Principal },
  input: Pick<z.output<typeof failingInput>, 'jurisdictionCode' | 'rule' | 'status'>,
): Promise<CommunityStatuses[]> {
  requireScope(ctx.principal, input.jurisdictionCode);
  const { evaluated } = await evaluatedUnder(ctx, input.jurisdictionCode);
  return (
    evaluated
      .filter((entry) =>
        input.rule === undefined
          ? entry.statuses.includes(input.status)
          : entry.statuses[entry.rules.indexOf(input.rule)] === input.status,
      )
      // Entries come grouped by pack chain; a stable page order needs the code order.
      .sort((x, y) => x.community.code.localeCompare(y.community.code))
  );
}

/** Drill-down rows as the list shows them: the community, its street, its numbers of fails and warnings. */
export async function failingItems(ctx: Context, entries: readonly CommunityStatuses[]) {
  const streets = await divisionNamesOf(ctx.db, [
    ...new Set(entries.map((entry) => entry.community.code.slice(0, 9))),
  ]);
  return entries.map((entry) => ({
    code: entry.community.code,
    name: entry.community.name,
    asOf: entry.community.asOf,
    streetName: streets.get(entry.community.code.slice(0, 9)) ?? null,
    fail: entry.statuses.filter((s) => s === 'fail').length,
    warn: entry.statuses.filter((s) => s === 'warn').length,
  }));
}
