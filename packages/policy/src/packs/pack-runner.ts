/**
 * How the pack tests read one compiled chain on a fixed as-of date: the evaluation, one rule's result
 * (an error when the rule gave none, so a renamed rule cannot pass unnoticed), its status, and the
 * options that choose an interpretation's alternative reading.
 */
import type { CommunityFacts } from '@shequ/domain';
import { compile, type EvaluateOptions, type Pack } from '../engine/index.js';

export function packRunner(packs: Pack[], asOf: string) {
  const evaluate = compile(packs);
  const run = (facts: CommunityFacts, options: Partial<EvaluateOptions> = {}) =>
    evaluate(facts, { asOf, ...options });
  const result = (facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) => {
    const found = run(facts, options).results.find((r) => r.rule === rule);
    if (!found) throw new Error(`no result for ${rule}`);
    return found;
  };
  const status = (facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) =>
    result(facts, rule, options).status;
  return { run, result, status };
}

export const alternative = (id: string): Partial<EvaluateOptions> => ({ readings: { [id]: 'alternative' } });
