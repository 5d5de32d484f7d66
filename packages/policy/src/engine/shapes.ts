/**
 * Rule shapes the packs repeat: a figure of the snapshot compared with a minimum, a maximum or a
 * range that a parameter or a quantity supplies ("每个社区的工作人员不少于5人", "一般不超过三层",
 * "一般为5—9人"). One helper per shape writes the comparison once, so that a pack states only what
 * differs (the fact, the bound, the wording) and every such check reads and decides alike.
 *
 * Each helper derives both the check's `evaluate` and its text-free `holds` from the same
 * comparison: bulk runs (`statusesOnly`, `summaryOnly`) call `holds` and allocate nothing, while
 * full results build `expected` and `actual` as the pack's own `evaluate` would.
 */
import { compareProducts } from './exact.js';
import type { FactPath, FactValue } from './facts.js';
import type {
  AnyCheckRule,
  Binding,
  CheckOutcome,
  Citation,
  Interpretation,
  RuleInput,
  Setting,
} from './types.js';

/** A fact path whose value is a number: what a comparison can measure. */
export type NumericFactPath = { [P in FactPath]: FactValue<P> extends number ? P : never }[FactPath];

/** Where a bound comes from: a parameter of the pack chain, or a (numeric) quantity of the community. */
export type Bound = { readonly param: string } | { readonly quantity: string };

interface ComparisonBase {
  /** Stable id, `<pack>.<kebab-name>`. */
  id: string;
  title: string;
  citation: Citation;
  binding: Binding;
  /** Community settings the check applies to; defaults to the pack's. */
  settings?: readonly Setting[];
  /** Interpretations recorded on the check (e.g. of how the quantity it reads is computed). */
  interpretations?: readonly Interpretation[];
  /** The figure compared; missing → `unknown`, as for any required fact. */
  fact: NumericFactPath;
  /** How a figure reads in `expected` and `actual`: `fmt.people`, `(n) => \`${n}层\``. */
  format: (n: number) => string;
  /**
   * Whether a miss only warns in this evaluation, though the check binds (a standard that binds
   * only after a deadline, or a hedge read as governing the figure); the outcome then carries
   * `binding: 'guiding'`.
   */
  guidingWhen?: (input: Pick<RuleInput, 'asOf' | 'alternative'>) => boolean;
}

export interface MinimumCheck extends ComparisonBase {
  minimum: Bound;
  /** The words before the minimum in `expected`; `不少于` unless the article says otherwise (`不低于`). */
  wording?: string;
  /**
   * Slack: holds when the figure ≥ minimum − tolerance. Bounds are exact (`multiplyDivide`), so the
   * shipped packs use none; kept for third-party packs.
   */
  tolerance?: number;
}

export interface MaximumCheck extends ComparisonBase {
  maximum: Bound;
  /** The words before the maximum in `expected`; `不超过` by default. */
  wording?: string;
}

export interface RangeCheck extends ComparisonBase {
  minimum: Bound;
  maximum: Bound;
}

/** Local name of the compared fact in every comparison's `facts`. */
type Compared = { readonly value: number };
type Read = (input: RuleInput) => number;

const figureOf = (input: RuleInput) => (input.facts as Compared).value;

function reader(bound: Bound): Read {
  if ('param' in bound) {
    const name = bound.param;
    return (input) => (input.params as Readonly<Record<string, number>>)[name]!;
  }
  const name = bound.quantity;
  return (input) => (input.quantities as Readonly<Record<string, number>>)[name]!;
}

/** How many figures a check keeps the text of: a country's communities repeat a few hundred figures. */
const REMEMBERED_FIGURES = 4096;

/**
 * `format` remembering its texts: a comparison's `evaluate` runs only for full results, where every
 * text is read, so texts are built at once rather than deferred; and as communities repeat the same
 * figures and bounds, each text is built once per check rather than once per result. `format` is a
 * pure function of the figure, so a remembered text is the text it would build.
 */
function remembering(format: (n: number) => string): (n: number) => string {
  const texts = new Map<number, string>();
  return (n) => {
    let text = texts.get(n);
    if (text === undefined) {
      text = format(n);
      if (texts.size < REMEMBERED_FIGURES) texts.set(n, text);
    }
    return text;
  };
}

/** `build(bound)` for the last bound asked for: a bound is a parameter, the same for a whole run. */
function lastOf<T>(build: (bound: T) => string): (bound: T) => string {
  let lastBound: T | undefined;
  let lastText: string | undefined;
  return (bound) => {
    if (lastText === undefined || bound !== lastBound) {
      lastText = build(bound);
      lastBound = bound;
    }
    return lastText;
  };
}

/**
 * What a check built by a helper compares, as data: with it a bulk run decides the check from the
 * figure and bounds directly (bounds from parameters read once per run), without filling the rule's
 * input or calling its closures. `holds` and `evaluate` stay the definition; this says the same.
 */
export type Comparison =
  | { kind: 'minimum'; fact: FactPath; minimum: Bound; tolerance: number | undefined }
  | { kind: 'maximum'; fact: FactPath; maximum: Bound }
  | { kind: 'range'; fact: FactPath; minimum: Bound; maximum: Bound }
  | { kind: 'flag'; fact: FactPath }
  | { kind: 'share'; fact: FactPath; whole: FactPath; share: string };

/**
 * The comparison of each rule object a helper returned. Kept beside the rule rather than on it, so
 * that the rule's public shape is unchanged; a copy of the rule (`{ ...rule }`) has no entry and is
 * evaluated through its functions like any check.
 */
const comparisons = new WeakMap<AnyCheckRule, Comparison>();

/** What `rule` compares, when a helper here built it. */
export const comparisonOf = (rule: AnyCheckRule): Comparison | undefined => comparisons.get(rule);

/** The check both `evaluate` and `holds` come from, with the declarations the bounds need. */
function comparison(
  spec: ComparisonBase,
  bounds: readonly Bound[],
  holds: (input: RuleInput) => boolean,
  outcome: (input: RuleInput, holds: boolean) => CheckOutcome,
  compared: Comparison,
): AnyCheckRule {
  const rule: AnyCheckRule = {
    kind: 'check',
    id: spec.id,
    title: spec.title,
    citation: spec.citation,
    binding: spec.binding,
    facts: { value: spec.fact },
    params: bounds.flatMap((b) => ('param' in b ? [b.param] : [])),
    quantities: bounds.flatMap((b) => ('quantity' in b ? [b.quantity] : [])),
    evaluate: (input) => outcome(input, holds(input)),
    holds,
  };
  if (spec.settings !== undefined) rule.settings = spec.settings;
  if (spec.interpretations !== undefined) rule.interpretations = spec.interpretations;
  if (spec.guidingWhen !== undefined) rule.guidingWhen = spec.guidingWhen;
  comparisons.set(rule, compared);
  return rule;
}

/** The outcome, made guiding when the spec says a miss only warns for this input. */
function withGuidance(
  spec: Pick<ComparisonBase, 'guidingWhen'>,
  input: RuleInput,
  outcome: CheckOutcome,
): CheckOutcome {
  return spec.guidingWhen?.(input) ? { ...outcome, binding: 'guiding' } : outcome;
}

/** A figure that must reach a minimum: `expected` reads `不少于5人`, `actual` `4人`. */
export function minimumCheck(spec: MinimumCheck): AnyCheckRule {
  const minimum = reader(spec.minimum);
  const { tolerance } = spec;
  const format = remembering(spec.format);
  const wording = spec.wording ?? '不少于';
  const expectedText = lastOf((bound: number) => `${wording}${spec.format(bound)}`);
  const holds =
    tolerance === undefined
      ? (input: RuleInput) => figureOf(input) >= minimum(input)
      : (input: RuleInput) => figureOf(input) >= minimum(input) - tolerance;
  const rule = comparison(
    spec,
    [spec.minimum],
    holds,
    (input, holds) => {
      return withGuidance(spec, input, {
        holds,
        expected: expectedText(minimum(input)),
        actual: format(figureOf(input)),
      });
    },
    { kind: 'minimum', fact: spec.fact, minimum: spec.minimum, tolerance },
  );
  return rule;
}

/** A figure that must not exceed a maximum: `expected` reads `不超过3层`. */
export function maximumCheck(spec: MaximumCheck): AnyCheckRule {
  const maximum = reader(spec.maximum);
  const format = remembering(spec.format);
  const wording = spec.wording ?? '不超过';
  const expectedText = lastOf((bound: number) => `${wording}${spec.format(bound)}`);
  return comparison(
    spec,
    [spec.maximum],
    (input) => figureOf(input) <= maximum(input),
    (input, holds) =>
      withGuidance(spec, input, {
        holds,
        expected: expectedText(maximum(input)),
        actual: format(figureOf(input)),
      }),
    { kind: 'maximum', fact: spec.fact, maximum: spec.maximum },
  );
}

/** A figure within a range, both ends included: `expected` reads `5—9人`. */
export function rangeCheck(spec: RangeCheck): AnyCheckRule {
  const minimum = reader(spec.minimum);
  const maximum = reader(spec.maximum);
  const format = remembering(spec.format);
  // Both ends change together (one pair of parameters), so the last pair's text is kept.
  let lastLow: number | undefined;
  let lastHigh: number | undefined;
  let lastExpected: string | undefined;
  const expectedText = (low: number, high: number) => {
    if (lastExpected === undefined || low !== lastLow || high !== lastHigh) {
      lastExpected = `${low}—${spec.format(high)}`;
      lastLow = low;
      lastHigh = high;
    }
    return lastExpected;
  };
  return comparison(
    spec,
    [spec.minimum, spec.maximum],
    (input) => {
      const figure = figureOf(input);
      return figure >= minimum(input) && figure <= maximum(input);
    },
    (input, holds) =>
      withGuidance(spec, input, {
        holds,
        expected: expectedText(minimum(input), maximum(input)),
        actual: format(figureOf(input)),
      }),
    { kind: 'range', fact: spec.fact, minimum: spec.minimum, maximum: spec.maximum },
  );
}

/** A fact path whose value is a boolean: a practice in place or not. */
export type FlagFactPath = { [P in FactPath]: FactValue<P> extends boolean ? P : never }[FactPath];

export interface FlagCheck extends Omit<ComparisonBase, 'fact' | 'format'> {
  /** The practice the article requires, recorded as true when in place; missing → `unknown`. */
  fact: FlagFactPath;
  /** `expected`, e.g. “已成立社区议事协商组织”. */
  expected: string;
  /** `actual` when the practice is missing, e.g. “未成立”. */
  missing: string;
}

/** A practice the article requires, recorded as a yes/no fact: `expected` when true, `missing` when false. */
export function flagCheck(spec: FlagCheck): AnyCheckRule {
  const { expected, missing } = spec;
  const holds = (input: RuleInput) => (input.facts as { readonly value: boolean }).value === true;
  const rule: AnyCheckRule = {
    kind: 'check',
    id: spec.id,
    title: spec.title,
    citation: spec.citation,
    binding: spec.binding,
    facts: { value: spec.fact },
    evaluate: (input) => {
      const ok = holds(input);
      const outcome: CheckOutcome = { holds: ok, expected, actual: ok ? expected : missing };
      return spec.guidingWhen?.(input) ? { ...outcome, binding: 'guiding' } : outcome;
    },
    holds,
  };
  if (spec.settings !== undefined) rule.settings = spec.settings;
  if (spec.interpretations !== undefined) rule.interpretations = spec.interpretations;
  if (spec.guidingWhen !== undefined) rule.guidingWhen = spec.guidingWhen;
  comparisons.set(rule, { kind: 'flag', fact: spec.fact });
  return rule;
}

export interface ShareCheck extends Omit<ComparisonBase, 'fact' | 'format'> {
  /** The part whose share is measured; missing → `unknown`. */
  part: NumericFactPath;
  /** What it is a share of; missing → `unknown`, 0 → `unknown` with `emptyWhole`. */
  whole: NumericFactPath;
  /** The parameter holding the least share (0.7 for 70%). */
  share: string;
  /** `expected` for the share in force, e.g. “不少于总面积的70%”. */
  expected: (share: number) => string;
  /** `actual` for the figures and the share they make, e.g. “700平方米，占1000平方米的70%”. */
  actual: (part: number, whole: number, share: number) => string;
  /** Why the share cannot be computed when the whole is 0. */
  emptyWhole: string;
}

/**
 * A part that must make at least a share of a whole, compared exactly without dividing (70.7 of
 * 101 m² is exactly 70%): `compareProducts([part], [share, whole]) >= 0`. A whole of 0 gives no
 * share, so the check cannot be decided. It has no `holds` (a boolean cannot say `unknown`): a bulk
 * run decides it from the comparison, a copy of the rule through `evaluate`.
 */
export function shareCheck(spec: ShareCheck): AnyCheckRule {
  const name = spec.share;
  const expectedText = lastOf(spec.expected);
  const rule: AnyCheckRule = {
    kind: 'check',
    id: spec.id,
    title: spec.title,
    citation: spec.citation,
    binding: spec.binding,
    facts: { part: spec.part, whole: spec.whole },
    params: [name],
    evaluate: (input) => {
      const { part, whole } = input.facts as { readonly part: number; readonly whole: number };
      if (whole === 0) return { unknown: spec.emptyWhole };
      const share = (input.params as Readonly<Record<string, number>>)[name]!;
      return withGuidance(spec, input, {
        holds: compareProducts([part], [share, whole]) >= 0,
        expected: expectedText(share),
        actual: spec.actual(part, whole, part / whole),
      });
    },
  };
  if (spec.settings !== undefined) rule.settings = spec.settings;
  if (spec.interpretations !== undefined) rule.interpretations = spec.interpretations;
  if (spec.guidingWhen !== undefined) rule.guidingWhen = spec.guidingWhen;
  comparisons.set(rule, { kind: 'share', fact: spec.part, whole: spec.whole, share: name });
  return rule;
}
