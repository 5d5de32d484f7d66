/**
 * Assessment schemes checked against the rules about them (Ezhou 第三十四条 for the comprehensive
 * assessment of communities, 第三十五条 for communities' rating of their street): the findings of
 * docs/interfaces.md §6 `scheme.findings`, in the shape of `shequ check`'s results.
 */
import type { CheckResult, Reading } from '../engine/index.js';
import type { PackRegistry } from './registry.js';

/** The weights and shares of a scheme, each 0–1; a share the scheme does not set stays undefined. */
export interface AssessmentScheme {
  routineWeight?: number;
  annualWeight?: number;
  residentShareRoutine?: number;
  residentShareAnnual?: number;
  /** The residents' share in communities' rating of their street (社区考评街道). */
  streetRatingResidentShare?: number;
}

export interface SchemeFindingsOptions {
  /** A community code the scheme applies to (its packs are found by prefix), or `jurisdiction`. */
  community?: string;
  /** A registered pack's code, as `--jurisdiction`. */
  jurisdiction?: string;
  asOf: string;
  readings?: Readonly<Record<string, Reading>>;
}

/**
 * The results of every rule of the jurisdiction's packs that reads the scheme (facts under
 * `assessment.`), evaluated for the scheme alone; rules about anything else are left out. A scheme
 * value the rules need but the caller did not give makes that rule `unknown`.
 */
export function schemeFindings(
  registry: PackRegistry,
  scheme: AssessmentScheme,
  options: SchemeFindingsOptions,
): CheckResult[] {
  const packs =
    options.jurisdiction !== undefined
      ? registry.packChain(options.jurisdiction)
      : options.community !== undefined
        ? registry.packsFor(options.community)
        : [];
  if (packs.length === 0) return [];
  const evaluate = registry.evaluatorFor(packs);
  const schemeRules = new Set(
    evaluate.rules
      .filter(({ rule }) =>
        [...Object.values(rule.facts ?? {}), ...Object.values(rule.optionalFacts ?? {})].some((path) =>
          path.startsWith('assessment.'),
        ),
      )
      .map(({ rule }) => rule.id),
  );
  const assessment = Object.fromEntries(Object.entries(scheme).filter(([, v]) => v !== undefined));
  const { results } = evaluate(
    { assessment },
    { asOf: options.asOf, ...(options.readings ? { readings: options.readings } : {}) },
  );
  return results.filter((r) => schemeRules.has(r.rule));
}
