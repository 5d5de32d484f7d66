/**
 * `@shequ/policy/testing`: table-driven tests for pack authors. A case is the facts of a community on
 * a date and the status each rule should give; `packCases` turns a table into Vitest tests, and
 * `caseMismatches` (no test runner needed) says what differs. A rule id the chain does not have is a
 * mismatch, never a silent pass, so a misspelt or renamed id fails the table.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluator } from './engine/chain.js';
import { compile } from './engine/compile.js';
import type { CheckStatus, CommunityFacts, Pack, QuantityValue, Reading } from './engine/types.js';

export interface PackCase {
  /** What the case shows, in the words of the document ("3000户整：不少于3000户"). */
  name: string;
  /** The date the rules are read for. */
  asOf: string;
  /** The community's facts, as in a `shequ.community-snapshot/v1` (code, name and asOf left out). */
  facts: CommunityFacts;
  /** Caller's parameter values (`--params`). */
  params?: Readonly<Record<string, number>>;
  /** Alternative readings, by interpretation id. */
  readings?: Readonly<Record<string, Reading>>;
  /** The status each listed rule must give; rules not listed are not checked. */
  expect: Readonly<Record<string, CheckStatus>>;
  /** Quantities the chain must compute (`minFacilityArea`: 1000). */
  quantities?: Readonly<Record<string, QuantityValue>>;
}

/** Each way the chain's results differ from the case, one zh-CN line each; empty when it holds. */
export function caseMismatches(evaluator: Evaluator, testCase: PackCase): string[] {
  const { results, quantities } = evaluator(testCase.facts, {
    asOf: testCase.asOf,
    ...(testCase.params ? { params: testCase.params } : {}),
    ...(testCase.readings ? { readings: testCase.readings } : {}),
  });
  const known = new Set(evaluator.rules.map(({ rule }) => rule.id));
  const mismatches: string[] = [];
  for (const [rule, status] of Object.entries(testCase.expect)) {
    if (!known.has(rule)) {
      mismatches.push(`${rule}: 政策包组合中没有这条规则（${evaluator.packs.map((p) => p.code).join('>')}）`);
      continue;
    }
    const result = results.find((r) => r.rule === rule);
    if (!result) mismatches.push(`${rule}: 是数量规则，没有状态，请在 quantities 中断言`);
    else if (result.status !== status)
      mismatches.push(`${rule}: 应为 ${status}，实际 ${result.status}（${result.message}）`);
  }
  for (const [name, value] of Object.entries(testCase.quantities ?? {})) {
    if (JSON.stringify(quantities[name]) !== JSON.stringify(value))
      mismatches.push(
        `数量 ${name}: 应为 ${JSON.stringify(value)}，实际 ${JSON.stringify(quantities[name])}`,
      );
  }
  return mismatches;
}

/**
 * One Vitest test per case, in a `describe` block named `title`: the chain (packs, compiled once, or an
 * evaluator) must give every listed status and quantity. A failure lists each mismatch.
 *
 * ```ts
 * packCases('鄂城区', [nationalPack, ezhouPack, echengPack], [
 *   { name: '2600户：达到本区2500户', asOf: '2025-06-30', facts: { households: 2600, residents: 9000, townSeat: false },
 *     expect: { 'ezhou.community-size': 'warn' } },
 * ]);
 * ```
 */
export function packCases(
  title: string,
  chain: readonly Pack[] | Evaluator,
  cases: readonly PackCase[],
): void {
  describe(title, () => {
    const evaluator = typeof chain === 'function' ? chain : compile(chain);
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
      expect(caseMismatches(evaluator, testCase)).toEqual([]);
    });
  });
}
