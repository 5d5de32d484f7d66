/**
 * The public vocabulary of the policy engine. A pack is plain data plus small pure functions;
 * `compile()` turns a chain of packs into one synchronous evaluator.
 */
import type { CommunityFacts } from '@shequ/domain';
import type { FactPath, FactValue } from './facts.js';

/** Statuses of a check, exactly as docs/interfaces.md §3. */
export const checkStatuses = ['pass', 'fail', 'warn', 'not-applicable', 'unknown'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/**
 * `binding`: 应、不得、不低于、不少于、最多不超过、必须 — a miss is `fail`.
 * `guiding`: 一般、原则上、为宜、左右 — a miss is `warn`.
 */
export type Binding = 'binding' | 'guiding';

/**
 * Where a rule or a parameter value comes from. `article` is the article as its document numbers
 * it: `第十七条`, `第二十一条（一）`, Weihai's `二（四）`, Jiangsu's `7`. `quote` is the sentence
 * the rule implements, verbatim from its text in `sources/`.
 */
export interface Citation {
  document: string;
  article: string;
  /** @deprecated `article` carries the clause (`第七条（一）`); `citeFrom` never sets this. */
  clause?: string;
  quote: string;
}

/** A document a pack implements, with the period it is in force (ISO dates; `inForceUntil` exclusive). */
export interface PackDocument {
  title: string;
  inForceFrom: string;
  inForceUntil?: string;
}

export type Setting = 'urban' | 'rural';

/** A figure a rule computes; `fullTimeStaff` is a range. */
export type QuantityValue = number | { min: number; max: number };

/** The quantity names fixed by docs/interfaces.md §3, with their value types. Packs may add more names. */
export interface ContractQuantities {
  minFacilityArea: number;
  twoCommitteesQuota: number;
  specialistQuota: number;
  fullTimeStaff: { min: number; max: number };
  minWorkFunds: number;
  minPartyServiceFunds: number;
  bonusMonths: number;
}
export type ContractQuantityName = keyof ContractQuantities;
export const contractQuantityNames = [
  'minFacilityArea',
  'twoCommitteesQuota',
  'specialistQuota',
  'fullTimeStaff',
  'minWorkFunds',
  'minPartyServiceFunds',
  'bonusMonths',
] as const satisfies readonly ContractQuantityName[];

export type QuantityName = ContractQuantityName | (string & {});
export type QuantityType<N extends string> = N extends ContractQuantityName
  ? ContractQuantities[N]
  : QuantityValue;

/**
 * Ambiguous wording, resolved explicitly. The evaluator applies `chosen` unless the caller asks
 * for `{ readings: { [id]: 'alternative' } }`. Several rules may share one interpretation id.
 */
export interface Interpretation {
  id: string;
  /** Short zh-CN name of the question, e.g. "每增加3000名居民：按起算还是按满额". */
  name: string;
  chosen: string;
  alternative: string;
}
export type Reading = 'chosen' | 'alternative';

/** One dated value of a parameter: in effect from `from` (ISO date) until the next value's `from`. */
export interface ParameterValue {
  from: string;
  value: number;
  citation: Citation;
}

/**
 * Jurisdiction-wide data a rule reads (a city's average wage, a threshold a lower pack may
 * change). Names are camelCase and unique within a pack chain; callers override by name.
 */
export interface Parameter {
  name: string;
  /** zh-CN label for the console. */
  label: string;
  unit: string;
  /**
   * Dated values. Empty when the pack's documents set no figure (a statistics bureau publishes it
   * every year): rules reading it report `unknown` until a value is supplied in `params`.
   */
  values: readonly ParameterValue[];
  /** zh-CN note on where values come from, for callers who must supply them. */
  source?: string;
}

/** Declared inputs of a rule: facts it needs (missing → `unknown`), facts it may read, parameters, quantities. */
export type FactMap = Readonly<Record<string, FactPath>>;

export type FactsOf<M extends FactMap> = { readonly [K in keyof M]: FactValue<M[K]> };
export type OptionalFactsOf<M extends FactMap> = { readonly [K in keyof M]: FactValue<M[K]> | undefined };
export type ParamsOf<P extends readonly string[]> = { readonly [K in P[number]]: number };
export type QuantitiesOf<Q extends readonly string[]> = { readonly [K in Q[number]]: QuantityType<K> };

export interface RuleInput<
  F extends FactMap = FactMap,
  O extends FactMap = FactMap,
  P extends readonly string[] = readonly string[],
  Q extends readonly string[] = readonly string[],
> {
  /** The required facts, all present. */
  facts: FactsOf<F>;
  /** The optional facts, each possibly undefined. */
  optional: OptionalFactsOf<O>;
  params: ParamsOf<P>;
  quantities: QuantitiesOf<Q>;
  /** Whether the caller asked for the alternative reading of interpretation `id`. */
  alternative(id: string): boolean;
  asOf: string;
}

/**
 * A text of a result: the string itself, or a function that builds it. The engine calls the
 * function only when the caller wants full results, so bulk runs (`statusesOnly`, `summaryOnly`)
 * never pay for joining strings and formatting figures. The function must be pure.
 */
export type Text = string | (() => string);

/** What a check's `evaluate` returns. The engine turns `holds` into pass, or fail/warn by `binding`. */
export type CheckOutcome =
  | {
      holds: boolean;
      expected: Text;
      actual: Text;
      message?: Text;
      /** Overrides the rule's `binding` for this outcome (e.g. a standard that binds only after a deadline). */
      binding?: Binding;
    }
  | { notApplicable: Text }
  | { unknown: Text };

interface RuleBase<
  F extends FactMap,
  O extends FactMap,
  P extends readonly string[],
  Q extends readonly string[],
> {
  /** Stable id, `<pack>.<kebab-name>`, e.g. `ezhou.community-size`. Never reuse an id for another meaning. */
  id: string;
  /** zh-CN title of the requirement, e.g. "社区规模原则上不小于3000户10000人". */
  title: string;
  citation: Citation;
  facts?: F;
  optionalFacts?: O;
  params?: P;
  quantities?: Q;
  interpretations?: readonly Interpretation[];
  /** Community settings the rule applies to; defaults to the pack's `settings`. */
  settings?: readonly Setting[];
}

export interface CheckRule<
  F extends FactMap = FactMap,
  O extends FactMap = FactMap,
  P extends readonly string[] = readonly string[],
  Q extends readonly string[] = readonly string[],
> extends RuleBase<F, O, P, Q> {
  kind: 'check';
  binding: Binding;
  evaluate(input: RuleInput<F, O, P, Q>): CheckOutcome;
  /**
   * Set by the rule helpers (`minimumCheck`, `maximumCheck`, `rangeCheck`), which derive it and
   * `evaluate` from one comparison: whether the requirement holds, `evaluate`'s `holds` without its
   * texts. Bulk runs (`statusesOnly`, `summaryOnly`) call it instead of `evaluate`. Only for checks
   * whose `evaluate` always returns `{ holds }`; a miss then fails or warns by `binding`, or warns
   * when `guidingWhen` says so.
   */
  holds?(input: RuleInput<F, O, P, Q>): boolean;
  /** With `holds`: whether a miss only warns for this input (`evaluate` then returns `binding: 'guiding'`). */
  guidingWhen?(input: RuleInput<F, O, P, Q>): boolean;
}

export interface QuantityRule<
  N extends string = string,
  F extends FactMap = FactMap,
  O extends FactMap = FactMap,
  P extends readonly string[] = readonly string[],
  Q extends readonly string[] = readonly string[],
> extends RuleBase<F, O, P, Q> {
  kind: 'quantity';
  /** Name in the output's `quantities` (docs/interfaces.md §3 names are fixed). */
  name: N;
  /**
   * `undefined` when the figure does not apply to this community; `{ unknown: reason }` when an
   * optional fact it needs is missing (checks reading it then say why they are `unknown`).
   */
  compute(input: RuleInput<F, O, P, Q>): QuantityType<N> | undefined | { unknown: string };
}

/**
 * The erased rule type packs store. Rules are built with `check()` / `quantity()`, which type
 * `evaluate`/`compute` against their declarations; the stored form forgets those generics.
 */
export type Rule = AnyCheckRule | AnyQuantityRule;
export interface AnyCheckRule extends Omit<CheckRule, 'evaluate' | 'holds' | 'guidingWhen'> {
  evaluate(input: RuleInput): CheckOutcome;
  holds?(input: RuleInput): boolean;
  guidingWhen?(input: RuleInput): boolean;
}
export interface AnyQuantityRule extends Omit<QuantityRule, 'compute'> {
  compute(input: RuleInput): QuantityValue | undefined | { unknown: string };
}

/** A lower pack's change to a rule or parameter of a higher pack. Each names its target and its legal basis. */
export type Override =
  | { action: 'replace-parameter'; target: string; parameter: Parameter; citation: Citation }
  | { action: 'replace-rule'; target: string; rule: Rule; citation: Citation }
  | { action: 'disable-rule'; target: string; citation: Citation; reason: string };

export interface Pack {
  /** Jurisdiction code (docs/interfaces.md §1): `420700`, `370305111`, `000013`. */
  code: string;
  /** zh-CN name of the jurisdiction, e.g. "鄂州市". */
  name: string;
  /** Code of the shipped pack this one extends (the nearest above it), or null. */
  parent: string | null;
  documents: readonly PackDocument[];
  /** Settings the pack's rules apply to unless a rule says otherwise (Ezhou's rule covers urban communities only). */
  settings: readonly Setting[];
  parameters: readonly Parameter[];
  rules: readonly Rule[];
  overrides: readonly Override[];
  /**
   * The articles of the pack's documents, by document title and then by article as the document
   * numbers it (`第七条`, `第七条（二）`), for display beside a result (`articleText`). Optional: the
   * shipped packs' texts are generated into `src/texts/`; a pack published on its own brings its own.
   */
  texts?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Caller's options for one evaluation. */
export interface EvaluateOptions {
  /** ISO date: rules whose document is in force on this date apply; dated parameter values are picked for it. */
  asOf: string;
  /** Parameter overrides, name → value (`--params FILE`). */
  params?: Readonly<Record<string, number>>;
  /** Alternative readings of interpretations, by interpretation id. */
  readings?: Readonly<Record<string, Reading>>;
  /** Attach an `explanation` to each result and quantity (slower; for the console and `shequ explain`). */
  explain?: boolean;
  /** Count statuses and compute quantities only; `results` stays empty (for whole-country runs and dashboards). */
  summaryOnly?: boolean;
  /**
   * Each check's status without its texts: fills `statuses` (in the order of the evaluator's
   * `checkIds`), the summary and the quantities; `results` stays empty. For bulk runs that need
   * per-rule statuses (a national check, a dashboard's breakdown by rule).
   */
  statusesOnly?: boolean;
}

export interface OutputCitation {
  document: string;
  article: string;
  clause?: string;
  quote: string;
}

/** Where a parameter's value in one evaluation came from. */
export interface ParameterReading {
  name: string;
  value: number | undefined;
  unit: string;
  /** Code of the pack that supplied the value, or `caller` for an override passed in `params`. */
  suppliedBy: string;
  citation?: Citation;
  /** The date from which the value applies (absent for a caller's override). */
  from?: string;
}

export interface Explanation {
  facts: { path: FactPath; value: unknown }[];
  parameters: ParameterReading[];
  /** Quantities read, each with the rule that computed it (see `quantityExplanations` for its inputs). */
  quantities: { name: string; value: QuantityValue | undefined; rule: string }[];
  interpretations: (Interpretation & { reading: Reading })[];
  /** The rule this one replaced in a higher pack, if any. */
  replaces?: string;
  /** In-force period of the rule's document. */
  document: PackDocument;
}

/** One check's result, in the shape of docs/interfaces.md §3 `results[]` (plus `title` and optional `explanation`). */
export interface CheckResult {
  rule: string;
  jurisdiction: string;
  citation: OutputCitation;
  title: string;
  binding: Binding;
  status: CheckStatus;
  expected: string;
  actual: string;
  message: string;
  explanation?: Explanation;
}

export interface Summary {
  pass: number;
  fail: number;
  warn: number;
  notApplicable: number;
  unknown: number;
}

export interface Evaluation {
  results: CheckResult[];
  quantities: Record<string, QuantityValue>;
  summary: Summary;
  /** With `statusesOnly: true`: the status of each check, in the order of the evaluator's `checkIds`. */
  statuses?: CheckStatus[];
  /** With `explain: true`: how each quantity was computed. */
  quantityExplanations?: Record<
    string,
    Explanation & { rule: string; jurisdiction: string; citation: OutputCitation }
  >;
}

export type { CommunityFacts, FactPath, FactValue };
