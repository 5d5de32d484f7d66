/**
 * Evaluating stored communities in bulk: one query for every community under a node (equality on the
 * indexed ancestor column), then the compiled evaluator of each community's pack chain. The
 * evaluators are compiled once per chain of a registry (`registry.evaluatorFor` caches them, and the
 * chains found here are cached per registry); communities are grouped by chain so the evaluator's
 * per-options context is built once per chain rather than per community.
 */
import {
  communities,
  communitiesUnder,
  complianceDataStamps,
  parameterValuesAround,
  provinceOf,
  registerFactsOf,
  storedFactsColumns,
} from '@shequ/db';
import { type CommunityFacts, layDerivedFacts } from '@shequ/domain';
import {
  type CheckStatus,
  type Evaluator,
  type Pack,
  type PackRegistry,
  type ParameterEntry,
  parameterValuesInForce,
  shippedRegistry,
} from '@shequ/policy';
import { asc } from 'drizzle-orm';
import type { Context } from '../context.js';

export interface StoredCommunity {
  code: string;
  name: string;
  asOf: string;
  facts: CommunityFacts;
}

/**
 * Every community under `nodeCode` (the node itself may be a community), ordered by code, with the
 * facts its registers keep worked out as of `asOf` (each community's own date when absent) and laid
 * over the typed ones, as on the single community's page (docs/interfaces.md §5). The registers of
 * all the communities are loaded in a few queries per register kind, not one per community.
 */
export async function communitiesBelow(
  ctx: Pick<Context, 'db'>,
  nodeCode: string,
  asOf?: string,
): Promise<StoredCommunity[]> {
  const rows = await ctx.db
    .select(storedFactsColumns)
    .from(communities)
    .where(communitiesUnder(nodeCode))
    .orderBy(asc(communities.code));
  const stored = rows.map((r) => ({
    code: r.code,
    name: r.name,
    asOf: String(r.asOf),
    facts: r.facts,
  }));
  const layers = await registerFactsOf(
    ctx.db,
    stored.map((r) => ({ code: r.code, asOf: asOf ?? r.asOf })),
  );
  if (layers.size === 0) return stored;
  return stored.map((r) => {
    const derived = layers.get(r.code);
    return derived ? { ...r, facts: layDerivedFacts(r.facts, derived).facts } : r;
  });
}

/** A pack chain and its evaluator, shared by every community of the chain. */
export interface Chain {
  key: string;
  packs: readonly Pack[];
  evaluator: Evaluator;
}

interface ChainCache {
  byStreet: Map<string, Chain | null>;
  byKey: Map<string, Chain>;
}
// One cache per registry: a server configured with extra packs (SHEQU_PACKS) finds other chains.
const chainCaches = new WeakMap<PackRegistry, ChainCache>();

/**
 * The pack chain of a community, or null when no pack of the registry covers it. Packs reach down to
 * town level (docs/interfaces.md §1), so the nine-digit street code decides a community's chain.
 */
export function chainOf(communityCode: string, registry: PackRegistry = shippedRegistry): Chain | null {
  let cache = chainCaches.get(registry);
  if (!cache) {
    cache = { byStreet: new Map(), byKey: new Map() };
    chainCaches.set(registry, cache);
  }
  const street = communityCode.slice(0, 9);
  const known = cache.byStreet.get(street);
  if (known !== undefined) return known;
  const packs = registry.packsFor(communityCode);
  let chain: Chain | null = null;
  if (packs.length > 0) {
    const key = packs.map((p) => p.code).join('>');
    chain = cache.byKey.get(key) ?? { key, packs, evaluator: registry.evaluatorFor(packs) };
    cache.byKey.set(key, chain);
  }
  cache.byStreet.set(street, chain);
  return chain;
}

/** Communities grouped by chain, in order of first appearance; those without a pack apart. */
export function groupByChain(
  rows: readonly StoredCommunity[],
  registry: PackRegistry = shippedRegistry,
): {
  groups: { chain: Chain; rows: StoredCommunity[] }[];
  uncovered: StoredCommunity[];
} {
  const groups = new Map<string, { chain: Chain; rows: StoredCommunity[] }>();
  const uncovered: StoredCommunity[] = [];
  for (const row of rows) {
    const chain = chainOf(row.code, registry);
    if (!chain) {
      uncovered.push(row);
      continue;
    }
    let group = groups.get(chain.key);
    if (!group) {
      group = { chain, rows: [] };
      groups.set(chain.key, group);
    }
    group.rows.push(row);
  }
  return { groups: [...groups.values()], uncovered };
}

/** One community's status per check, in the order of its chain's results. */
export interface CommunityStatuses {
  community: Omit<StoredCommunity, 'facts'>;
  chain: Chain;
  /** The chain's check ids, one array shared by every community of the chain. */
  rules: readonly string[];
  statuses: CheckStatus[];
}

/**
 * Evaluates every community with its own `asOf` (or `asOf` when given), with the figures its
 * jurisdictions entered (`supplied`, the entries in force on that date) and the caller's overrides,
 * which win. Parameter objects are shared by every community of a chain with the same figures, so the
 * evaluator builds its per-options context once per distinct set rather than once per community.
 */
export function evaluateAll(
  rows: readonly StoredCommunity[],
  options: {
    asOf?: string;
    params?: Readonly<Record<string, number>>;
    supplied?: readonly (ParameterEntry & { id: number })[];
    registry?: PackRegistry;
  } = {},
): { evaluated: CommunityStatuses[]; uncovered: StoredCommunity[] } {
  const { groups, uncovered } = groupByChain(rows, options.registry);
  const evaluated: CommunityStatuses[] = [];
  const supplied = options.supplied ?? [];
  for (const { chain, rows: members } of groups) {
    const explicit = options.params ? paramsKnownTo(chain, options.params) : undefined;
    const shared = new Map<string, Readonly<Record<string, number>> | undefined>();
    // Statuses only: a dashboard over a province needs each rule's status, not its texts.
    const rules = chain.evaluator.checkIds;
    for (const { facts, ...community } of members) {
      const asOf = options.asOf ?? community.asOf;
      const inForce =
        supplied.length > 0 ? parameterValuesInForce(supplied, community.code, asOf) : undefined;
      const key = inForce ? [...inForce.values()].map((e) => e.id).join(',') : '';
      let params = shared.get(key);
      if (!shared.has(key)) {
        const entered = inForce
          ? paramsKnownTo(
              chain,
              Object.fromEntries([...inForce].map(([name, entry]) => [name, Number(entry.value)])),
            )
          : undefined;
        params = entered || explicit ? { ...entered, ...explicit } : undefined;
        shared.set(key, params);
      }
      const { statuses = [] } = chain.evaluator(facts, {
        asOf,
        statusesOnly: true,
        ...(params ? { params } : {}),
      });
      evaluated.push({ community, chain, rules, statuses });
    }
  }
  return { evaluated, uncovered };
}

/** The entered figures that can bear on communities under `nodeCode`, as `evaluateAll` takes them. */
export async function suppliedAround(
  ctx: Pick<Context, 'db'>,
  nodeCode: string,
): Promise<(ParameterEntry & { id: number })[]> {
  const rows = await parameterValuesAround(ctx.db, nodeCode);
  return rows.map((r) => ({
    id: r.id,
    jurisdiction: r.jurisdictionCode,
    name: r.name,
    value: r.value,
    effectiveFrom: r.effectiveFrom,
    enteredAt: r.enteredAt,
  }));
}

/** The overrides among `params` that `chain` defines; undefined when none does. */
export function paramsKnownTo(
  chain: Chain,
  params: Readonly<Record<string, number>>,
): Readonly<Record<string, number>> | undefined {
  const known = new Set(chain.evaluator.parameters.map((p) => p.parameter.name));
  const entries = Object.entries(params).filter(([name]) => known.has(name));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export interface NodeEvaluation {
  /** Every community under the node, in code order of its chain group. */
  evaluated: CommunityStatuses[];
  uncovered: Omit<StoredCommunity, 'facts'>[];
  communities: number;
}

/**
 * Evaluated communities by node, with the stamp of the data they were computed from. Fetching
 * thousands of facts documents costs far more than evaluating them, so a dashboard and its
 * drill-downs reuse one evaluation until a community under the node changes. The stamp is the
 * change stamp of the node's province (`communityChangeStamp`, kept by database triggers, so changes
 * made by another process — an import, a second API instance — are seen too) and that of the entered
 * parameter figures: two index lookups, where counting the node's communities read every row. Kept
 * per database handle: stamps of two databases say nothing about each other.
 */
const nodeEvaluations = new WeakMap<
  Context['db'],
  Map<string, { stamp: string; value: NodeEvaluation; registry: PackRegistry }>
>();
const NODE_CACHE_SIZE = 32;

async function dataStamp(ctx: Pick<Context, 'db'>, nodeCode: string): Promise<string> {
  // Both in one round trip; an entered parameter figure changes results as much as a community's facts do.
  const { communities: communitiesStamp, parameters } = await complianceDataStamps(
    ctx.db,
    provinceOf(nodeCode),
  );
  return `${communitiesStamp}|${parameters}`;
}

/** Every community under the node evaluated against its chain with its own date (cached, see above). */
export async function evaluatedUnder(
  ctx: Pick<Context, 'db'> & { settings: Pick<Context['settings'], 'packs'> },
  nodeCode: string,
): Promise<NodeEvaluation> {
  const registry = ctx.settings.packs;
  // Read before the data: a change committed in between makes the next stamp differ, never a stale hit.
  const stamp = await dataStamp(ctx, nodeCode);
  let nodeEvaluationsOfDb = nodeEvaluations.get(ctx.db);
  if (!nodeEvaluationsOfDb) {
    nodeEvaluationsOfDb = new Map();
    nodeEvaluations.set(ctx.db, nodeEvaluationsOfDb);
  }
  const cached = nodeEvaluationsOfDb.get(nodeCode);
  if (cached && cached.stamp === stamp && cached.registry === registry) {
    // Re-inserting keeps the map in least-recently-used order for eviction.
    nodeEvaluationsOfDb.delete(nodeCode);
    nodeEvaluationsOfDb.set(nodeCode, cached);
    return cached.value;
  }
  const [rows, supplied] = await Promise.all([
    communitiesBelow(ctx, nodeCode),
    suppliedAround(ctx, nodeCode),
  ]);
  const { evaluated, uncovered } = evaluateAll(rows, { supplied, registry });
  const value: NodeEvaluation = {
    evaluated,
    uncovered: uncovered.map(({ facts: _facts, ...community }) => community),
    communities: rows.length,
  };
  nodeEvaluationsOfDb.delete(nodeCode);
  nodeEvaluationsOfDb.set(nodeCode, { stamp, value, registry });
  while (nodeEvaluationsOfDb.size > NODE_CACHE_SIZE) {
    const oldest = nodeEvaluationsOfDb.keys().next().value;
    if (oldest === undefined) break;
    nodeEvaluationsOfDb.delete(oldest);
  }
  return value;
}
