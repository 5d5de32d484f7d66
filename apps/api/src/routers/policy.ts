/**
 * The policy explorer: the shipped packs, every rule of a jurisdiction with its citation, two
 * jurisdictions side by side, and a what-if over the stored communities of a node. The packs are
 * public documents, so any signed-in user may read them; the what-if reads communities and is
 * scope-checked. Nothing here changes data, so nothing is audited.
 */
import { divisionCode, isoDate } from '@shequ/domain';
import { type CheckStatus, describeChain, diffChains, parameterValuesInForce } from '@shequ/policy';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import type { Principal } from '../auth/scope.js';
import { communitiesBelow, evaluateAll, groupByChain, suppliedAround } from '../compliance/evaluate.js';
import type { Context } from '../context.js';
import { fieldError } from '../errors.js';
import { authedProcedure, requireScope, router } from '../trpc.js';
import { asBadRequest } from './compliance.js';

// Whether a pack has the code is up to the server's registry (`SHEQU_PACKS`): `describePack` checks it.
const packCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3})?$/, { message: '没有这个代码的政策包' });

const nodeCode = z.union([z.literal(COUNTRY_CODE), divisionCode]);

export const explainInput = z.strictObject({
  jurisdictionCode: packCode,
  asOf: isoDate.optional(),
});

/** One article (and clause) of a document a pack ships the text of, as a result's citation names it. */
export const articleTextInput = z.strictObject({
  jurisdictionCode: packCode,
  document: z.string().trim().min(1).max(200),
  article: z.string().trim().min(1).max(40),
  clause: z.string().trim().min(1).max(40).optional(),
});

export const diffInput = z.strictObject({
  a: packCode,
  b: packCode,
  asOf: isoDate.optional(),
});

export const whatIfInput = z.strictObject({
  jurisdictionCode: nodeCode,
  parameters: z
    .record(
      z.string().trim().min(1),
      z.number({ message: '应为数值' }).refine(Number.isFinite, { message: '应为有限数值' }),
    )
    .refine((p) => Object.keys(p).length > 0, { message: '请至少修改一个参数' }),
  asOf: isoDate.optional(),
});

/** The server's date (the settings' clock, so tests control it). */
export const today = (ctx: Pick<Context, 'settings'>) => ctx.settings.now().toISOString().slice(0, 10);

/**
 * A pack's chain as the explorer shows it on `asOf`, from the server's registry; shared with the rule
 * list's export. A code no pack has is a 400 on `field`.
 */
export function describePack(
  ctx: Pick<Context, 'settings'>,
  code: string,
  asOf: string,
  field = 'jurisdictionCode',
) {
  const registry = ctx.settings.packs;
  const chain = registry.packChain(code);
  if (chain.length === 0) throw fieldError('BAD_REQUEST', field, '没有这个代码的政策包');
  return describeChain(chain, asOf, registry);
}

export interface Transition {
  from: CheckStatus;
  to: CheckStatus;
  count: number;
}

/** Two jurisdictions' chains rule by rule on `asOf` (default today); shared with the diff's export. */
export function diffPacks(ctx: Pick<Context, 'settings'>, input: z.infer<typeof diffInput>) {
  const asOf = input.asOf ?? today(ctx);
  return diffChains(describePack(ctx, input.a, asOf, 'a'), describePack(ctx, input.b, asOf, 'b'));
}

/**
 * How many communities under a node change status, rule by rule, when parameters take other
 * values; shared with the what-if's export. Scope-checked: FORBIDDEN outside the principal's node.
 */
export async function whatIf(ctx: Context & { principal: Principal }, input: z.infer<typeof whatIfInput>) {
  requireScope(ctx.principal, input.jurisdictionCode);
  const registry = ctx.settings.packs;
  const [rows, supplied] = await Promise.all([
    communitiesBelow(ctx, input.jurisdictionCode, input.asOf),
    suppliedAround(ctx, input.jurisdictionCode),
  ]);
  const { groups } = groupByChain(rows, registry);
  const known = new Map<string, { label: string; unit: string }>();
  for (const { chain } of groups) {
    for (const { parameter } of chain.evaluator.parameters) {
      known.set(parameter.name, { label: parameter.label, unit: parameter.unit });
    }
  }
  for (const name of Object.keys(input.parameters)) {
    if (!known.has(name)) {
      throw fieldError('BAD_REQUEST', `parameters.${name}`, `该辖区的社区适用的政策包中没有参数 ${name}`);
    }
  }
  const asOf = input.asOf ? { asOf: input.asOf, supplied } : { supplied };
  const startedAt = performance.now();
  let before: ReturnType<typeof evaluateAll>;
  let after: ReturnType<typeof evaluateAll>;
  try {
    before = evaluateAll(rows, { ...asOf, registry });
    after = evaluateAll(rows, { ...asOf, params: input.parameters, registry });
  } catch (error) {
    asBadRequest(error, 'parameters');
  }
  const byRule = new Map<string, { title: string; transitions: Map<string, Transition>; changed: number }>();
  const titles = new Map<string, string>();
  for (const { chain } of groups) {
    for (const { rule } of chain.evaluator.rules) titles.set(rule.id, rule.title);
  }
  let changedCommunities = 0;
  // evaluateAll keeps the order of its groups and members, so the two passes line up entry by entry.
  before.evaluated.forEach((entry, index) => {
    const other = after.evaluated[index];
    if (!other) return;
    let changed = false;
    entry.statuses.forEach((from, i) => {
      const to = other.statuses[i];
      if (to === undefined || to === from) return;
      changed = true;
      const rule = entry.rules[i] as string;
      let tallied = byRule.get(rule);
      if (!tallied) {
        tallied = { title: titles.get(rule) ?? rule, transitions: new Map(), changed: 0 };
        byRule.set(rule, tallied);
      }
      tallied.changed += 1;
      const key = `${from}>${to}`;
      const transition = tallied.transitions.get(key) ?? { from, to, count: 0 };
      transition.count += 1;
      tallied.transitions.set(key, transition);
    });
    if (changed) changedCommunities += 1;
  });
  const parameters = Object.entries(input.parameters).map(([name, value]) => {
    const chain = groups.find((g) => g.chain.evaluator.parameters.some((p) => p.parameter.name === name));
    const on = input.asOf ?? today(ctx);
    const reading = chain?.chain.evaluator.parameterValue(name, on);
    // A figure the jurisdiction entered stands where its pack has none.
    const entered = parameterValuesInForce(supplied, input.jurisdictionCode, on).get(name);
    return {
      name,
      label: known.get(name)?.label ?? name,
      unit: known.get(name)?.unit ?? '',
      before: reading?.value ?? (entered ? Number(entered.value) : null),
      after: value,
    };
  });
  return {
    communities: rows.length,
    evaluated: before.evaluated.length,
    changedCommunities,
    parameters,
    rules: [...byRule.entries()].map(([rule, t]) => ({
      rule,
      title: t.title,
      changed: t.changed,
      transitions: [...t.transitions.values()].sort((x, y) => y.count - x.count),
    })),
    evaluationMs: Math.round(performance.now() - startedAt),
  };
}

export const policyRouter = router({
  /** The server's packs (as `shequ jurisdictions` prints them, `SHEQU_PACKS` included), each with its chain. */
  jurisdictions: authedProcedure.query(({ ctx }) =>
    ctx.settings.packs.jurisdictionsList().map((entry) => ({
      ...entry,
      chain: ctx.settings.packs.packChain(entry.code).map((p) => ({ code: p.code, name: p.name })),
    })),
  ),

  /** Every rule of a jurisdiction's chain with citation, parameters (values in effect on `asOf`) and interpretations. */
  explain: authedProcedure
    .input(explainInput)
    .query(({ ctx, input }) => describePack(ctx, input.jurisdictionCode, input.asOf ?? today(ctx))),

  /** The text of an article a citation names, from the documents the pack ships. */
  articleText: authedProcedure.input(articleTextInput).query(({ ctx, input }) => {
    const registry = ctx.settings.packs;
    if (registry.packChain(input.jurisdictionCode).length === 0)
      throw fieldError('BAD_REQUEST', 'jurisdictionCode', '没有这个代码的政策包');
    const text = registry.articleText(input.jurisdictionCode, input.article, input.clause, input.document);
    if (text === undefined)
      throw fieldError('NOT_FOUND', 'article', `该政策包没有《${input.document}》${input.article}的条文`);
    return { ...input, text };
  }),

  /** Two jurisdictions rule by rule. */
  diff: authedProcedure.input(diffInput).query(({ ctx, input }) => diffPacks(ctx, input)),

  /**
   * How many communities under a node change status, rule by rule, when parameters take other
   * values. Each community is evaluated with its own date, before and after.
   */
  whatIf: authedProcedure.input(whatIfInput).query(({ ctx, input }) => whatIf(ctx, input)),
});
