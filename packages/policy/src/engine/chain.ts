/**
 * What a compiled chain of packs is made of, shared by composition (`compile.ts`) and evaluation
 * (`evaluator.ts`): the rules and parameters as they stand after overrides, and the evaluator's shape.
 */
import type {
  Citation,
  CommunityFacts,
  EvaluateOptions,
  Evaluation,
  Interpretation,
  Pack,
  PackDocument,
  Parameter,
  ParameterReading,
  Rule,
  Setting,
} from './types.js';

/** A rule as it stands in a compiled chain: where it comes from and what it replaced. */
export interface ChainRule {
  rule: Rule;
  /** Code of the pack that supplies the rule (the replacing pack for a replaced rule). */
  jurisdiction: string;
  document: PackDocument;
  settings: readonly Setting[];
  /** Id of the higher pack's rule this one replaced. */
  replaces?: string;
  /** The override's own citation, when the rule replaced another. */
  overrideCitation?: Citation;
}

export interface ChainParameter {
  parameter: Parameter;
  suppliedBy: string;
  replaces?: string;
  overrideCitation?: Citation;
  /** The higher pack's parameter this one replaced: its values apply before the replacement's first. */
  previous?: ChainParameter;
}

/** A disabled rule, kept so that `explain` and `diff` can say why it is absent. */
export interface DisabledRule {
  target: string;
  by: string;
  citation: Citation;
  reason: string;
}

export interface Evaluator {
  (facts: CommunityFacts, options: EvaluateOptions): Evaluation;
  /** The chain, shallowest first. */
  readonly packs: readonly Pack[];
  readonly rules: readonly ChainRule[];
  /** Ids of the checks, in the order of `results` and of `statuses` (with `statusesOnly`). */
  readonly checkIds: readonly string[];
  readonly parameters: readonly ChainParameter[];
  readonly disabled: readonly DisabledRule[];
  readonly interpretations: readonly Interpretation[];
  /** The parameter value in effect on `asOf` (caller overrides not applied), with its provenance. */
  parameterValue(name: string, asOf: string): ParameterReading | undefined;
}

/** Thrown for a bad `asOf`, `params` or `readings` from the caller; `issues` name each field. */
export class EvaluationInputError extends Error {
  override name = 'EvaluationInputError';
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  }
}
