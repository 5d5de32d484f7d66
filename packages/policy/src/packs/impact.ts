/**
 * What changes when a pack changes (`shequ impact --from OLD --to NEW`): the communities whose
 * status under some rule differs between two registries — one with the old version of a pack, one
 * with the new — each community evaluated on its own date (or one date for all). A rule only one
 * version has counts as `absent` in the other.
 */
import type { CommunityFacts } from '@shequ/domain';
import type { CheckStatus } from '../engine/index.js';
import type { PackRegistry } from './registry.js';

export type ImpactStatus = CheckStatus | 'absent';

export interface ImpactCommunity {
  code: string;
  name: string;
  asOf: string;
  facts: CommunityFacts;
}

export interface ImpactReport {
  /** Communities evaluated (those no pack covers are left out). */
  communities: number;
  /** Communities with at least one changed status, in input order. */
  changed: {
    code: string;
    name: string;
    changes: { rule: string; from: ImpactStatus; to: ImpactStatus }[];
  }[];
  /** Per rule: how many communities moved from one status to another, most first. */
  rules: {
    rule: string;
    changed: number;
    transitions: { from: ImpactStatus; to: ImpactStatus; count: number }[];
  }[];
}

function statusesOf(registry: PackRegistry, community: ImpactCommunity, asOf: string | undefined) {
  const chain = registry.packsFor(community.code);
  if (chain.length === 0) return undefined;
  const evaluator = registry.evaluatorFor(chain);
  const { statuses = [] } = evaluator(community.facts, { asOf: asOf ?? community.asOf, statusesOnly: true });
  return new Map(evaluator.checkIds.map((id, i) => [id, statuses[i] as CheckStatus]));
}

export function packImpact(
  before: PackRegistry,
  after: PackRegistry,
  communities: readonly ImpactCommunity[],
  options: { asOf?: string } = {},
): ImpactReport {
  const changed: ImpactReport['changed'] = [];
  const tallies = new Map<string, Map<string, { from: ImpactStatus; to: ImpactStatus; count: number }>>();
  let evaluated = 0;
  for (const community of communities) {
    const old = statusesOf(before, community, options.asOf);
    const now = statusesOf(after, community, options.asOf);
    if (!old && !now) continue;
    evaluated++;
    const changes: ImpactReport['changed'][number]['changes'] = [];
    const rules = new Set([...(old?.keys() ?? []), ...(now?.keys() ?? [])]);
    for (const rule of rules) {
      const from: ImpactStatus = old?.get(rule) ?? 'absent';
      const to: ImpactStatus = now?.get(rule) ?? 'absent';
      if (from === to) continue;
      changes.push({ rule, from, to });
      const byRule = tallies.get(rule) ?? new Map();
      const tally = byRule.get(`${from}>${to}`) ?? { from, to, count: 0 };
      tally.count++;
      byRule.set(`${from}>${to}`, tally);
      tallies.set(rule, byRule);
    }
    if (changes.length > 0) changed.push({ code: community.code, name: community.name, changes });
  }
  const rules = [...tallies.entries()]
    .map(([rule, byRule]) => {
      const transitions = [...byRule.values()].sort((a, b) => b.count - a.count);
      return { rule, changed: transitions.reduce((n, t) => n + t.count, 0), transitions };
    })
    .sort((a, b) => b.changed - a.changed || a.rule.localeCompare(b.rule));
  return { communities: evaluated, changed, rules };
}
