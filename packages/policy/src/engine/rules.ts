/**
 * The per-community machinery of an evaluator: each chain rule compiled once (getters, reused
 * inputs, fixed message parts), the per-options context, and the two functions every evaluation
 * runs — `prepare` (read a rule's inputs) and `bulk` (statuses and counts without texts). They live
 * at module level so that every compiled chain calls the same functions (see `bulk`).
 */

import type { ChainRule } from './chain.js';
import { PackDefinitionError } from './define.js';
import { compareWithFactor, type ScaledFactor } from './exact.js';
import { type FactGetter, factGetter } from './facts.js';
import { comparisonOf } from './shapes.js';
import type {
  AnyCheckRule,
  AnyQuantityRule,
  Binding,
  CheckOutcome,
  CheckResult,
  CheckStatus,
  CommunityFacts,
  EvaluateOptions,
  Evaluation,
  FactPath,
  OutputCitation,
  ParameterReading,
  QuantityValue,
  Reading,
  Rule,
  RuleInput,
  Setting,
  Summary,
  Text,
} from './types.js';

export interface CompiledRule {
  chainRule: ChainRule;
  rule: Rule;
  factKeys: string[];
  factPaths: FactPath[];
  factGetters: FactGetter[];
  optionalKeys: string[];
  optionalPaths: FactPath[];
  optionalGetters: FactGetter[];
  paramNames: readonly string[];
  quantityNames: readonly string[];
  /**
   * The rule's functions, read off the rule once: rule objects differ in shape from pack to pack,
   * so reading them per community would be a megamorphic property load each time.
   */
  evaluate: AnyCheckRule['evaluate'] | undefined;
  compute: AnyQuantityRule['compute'] | undefined;
  /** The name a quantity rule fills (empty for a check). */
  quantityName: string;
  /** A check's text-free test (set by the rule helpers) and the status a miss gets from its binding. */
  holds: AnyCheckRule['holds'];
  guidingWhen: AnyCheckRule['guidingWhen'];
  missStatus: CheckStatus;
  citation: OutputCitation;
  settingsMask: number;
  /** Reused for every community: evaluation is synchronous and rules are pure, so no rule keeps it. */
  input: {
    facts: Record<string, unknown>;
    optional: Record<string, unknown>;
    params: Record<string, number>;
    quantities: Record<string, QuantityValue | undefined>;
    alternative: (id: string) => boolean;
    asOf: string;
  };
  id: string;
  title: string;
  binding: Binding;
  jurisdiction: string;
  /** Fixed parts of the default messages, joined once so a result costs two concatenations. */
  passPrefix: string;
  failPrefix: string;
  warnPrefix: string;
  /** Messages for a community of the wrong setting, built once. */
  wrongSetting: BlockedTexts;
  /** Messages for missing required facts, by the bit set of the missing ones, built when first needed. */
  missingFactTexts: (BlockedTexts | undefined)[];
  /** The bit set of the required facts `prepare` last found missing (bit k: `factKeys[k]`). */
  missingFactMask: number;
  /**
   * How many inputs a check's full result is remembered by (its required and optional facts and its
   * quantities, when 1 to `REMEMBERED_INPUTS`), or 0 for a rule whose results are not remembered.
   */
  rememberedInputs: number;
  /** The values `prepare` last read for the rule: facts, optional facts, then quantities. */
  inputValues: unknown[];
  /** For a check a rule helper built: what bulk runs decide it by, without its input or closures. */
  compared: Compared | undefined;
}

/**
 * A helper-built check as data (`comparisonOf`): the getter of its figure, and for each bound the
 * parameter (read once per context into its `Decision`) or the quantity it comes from.
 */
export interface Compared {
  kind: 'minimum' | 'maximum' | 'range' | 'flag' | 'share';
  read: FactGetter;
  /** For a share: the getter of the whole (`read` gives the part; the share is `lowParam`). */
  whole: FactGetter | undefined;
  lowParam: string | undefined;
  lowQuantity: string | undefined;
  highParam: string | undefined;
  highQuantity: string | undefined;
  tolerance: number | undefined;
}

function comparedOf(rule: Rule): Compared | undefined {
  const c = rule.kind === 'check' ? comparisonOf(rule) : undefined;
  if (c === undefined) return undefined;
  if (c.kind === 'share') {
    return {
      kind: c.kind,
      read: factGetter(c.fact),
      whole: factGetter(c.whole),
      lowParam: c.share,
      lowQuantity: undefined,
      highParam: undefined,
      highQuantity: undefined,
      tolerance: undefined,
    };
  }
  const low = c.kind === 'minimum' || c.kind === 'range' ? c.minimum : undefined;
  const high = c.kind === 'maximum' || c.kind === 'range' ? c.maximum : undefined;
  return {
    kind: c.kind,
    read: factGetter(c.fact),
    whole: undefined,
    lowParam: low !== undefined && 'param' in low ? low.param : undefined,
    lowQuantity: low !== undefined && 'quantity' in low ? low.quantity : undefined,
    highParam: high !== undefined && 'param' in high ? high.param : undefined,
    highQuantity: high !== undefined && 'quantity' in high ? high.quantity : undefined,
    tolerance: c.kind === 'minimum' ? c.tolerance : undefined,
  };
}

/**
 * A helper-built check as a bulk run decides it in one context: its comparison, its bounds from
 * parameters, whether it is in force and has its parameters, and the status of a miss, gathered
 * from the rule, its `Compared` and the context into one object of one shape. A community's check
 * then reads one small object, not a field of each of several per-context lists and of the rule.
 */
export interface Decision {
  kind: Compared['kind'];
  read: FactGetter;
  /** For a share: the getter of the whole (the share itself is `share`). */
  whole: FactGetter | undefined;
  settingsMask: number;
  inForce: boolean;
  missingParams: boolean;
  /** Bounds from parameters (NaN where a bound is a quantity or absent). */
  low: number;
  high: number;
  /** Quantity bounds by their place among the quantities (`Plan.values`), or -1. */
  lowSlot: number;
  highSlot: number;
  /** A minimum's slack, or undefined. */
  tolerance: number | undefined;
  share: ScaledFactor | undefined;
  /** The status of a miss in this context (`guidingWhen` reads only the date and readings). */
  miss: CheckStatus;
}

/** Checks reading at most this many inputs have their full results remembered (see `RememberedResult`). */
const REMEMBERED_INPUTS = 3;
/** Whole numbers below this (with `undefined` and booleans) are remembered by index (see `ResultMemo`). */
const INDEXED_VALUES = 8192;
/** With two inputs, each value's index stays below this, so that the index list holds at most its square. */
const PAIRED_VALUES = 128;
/** Results a check remembers by key per context, at most. */
const KEYED_RESULTS = 8192;
/** After this many keyed look-ups, a check that found fewer than half stops remembering by key. */
const KEYED_TRIAL = 2048;

/**
 * A check's full result, remembered whole. Rules are pure functions of their inputs, and the
 * parameters, as-of date and readings are the context's, so within one context a check reading the
 * same input values gives the same result: a bulk run words each combination once, and communities
 * with the same inputs share one frozen result object (a result carries no community of its own;
 * an explanation, which does, goes on a copy).
 */
export type RememberedResult = Readonly<CheckResult>;

/**
 * A check's remembered results in one context. Small whole figures and flags (counts, households)
 * are found by index in a list, several times quicker than hashing a key; other primitive values
 * (areas, shares, several figures) by key in nested `Map`s, one level per input, for as long as that
 * finds most of them (a check whose inputs rarely repeat would only pay for the look-ups).
 */
export interface ResultMemo {
  indexed: (RememberedResult | undefined)[];
  keyed: Map<unknown, unknown> | undefined;
  keyedSize: number;
  lookups: number;
  found: number;
}

/** The index of an input value: `undefined` 0, `false` 1, `true` 2, whole numbers 0… from 3; -1 for any other value. */
function indexOf(v: unknown): number {
  if (typeof v === 'number') {
    // Whole numbers only; -0 equals 0 but might be worded apart, so it is not remembered.
    return v >= 0 && v < INDEXED_VALUES && (v | 0) === v && (v !== 0 || 1 / v > 0) ? v + 3 : -1;
  }
  if (v === undefined) return 0;
  if (v === false) return 1;
  if (v === true) return 2;
  return -1;
}

/** Whether a value can key a remembered result: a primitive other than -0 (`Map` takes -0 for 0). */
const keyable = (v: unknown) =>
  v === undefined ||
  (typeof v === 'number' && (v !== 0 || 1 / v > 0)) ||
  typeof v === 'string' ||
  typeof v === 'boolean';

/** The index of the input values `prepare` just read, or -1 when they are not remembered by index. */
export function memoIndex(r: CompiledRule): number {
  const values = r.inputValues;
  if (values.length > 2) return -1;
  const first = indexOf(values[0]);
  if (values.length === 1 || first < 0) return first;
  const second = indexOf(values[1]);
  return first < PAIRED_VALUES && second >= 0 && second < PAIRED_VALUES ? first + PAIRED_VALUES * second : -1;
}

/** The rule's memo in this context, created when first needed. */
export function memoOf(context: Context, i: number): ResultMemo {
  let memo = context.memos[i];
  if (memo === undefined) {
    memo = { indexed: [], keyed: new Map(), keyedSize: 0, lookups: 0, found: 0 };
    context.memos[i] = memo;
  }
  return memo;
}

/** The result remembered by key for the input values `prepare` just read, if any. */
export function rememberedByKey(r: CompiledRule, memo: ResultMemo): RememberedResult | undefined {
  const values = r.inputValues;
  let node: unknown = memo.keyed;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    // An object would be given an identity hash by the look-up, and never match.
    if (!keyable(v)) return undefined;
    node = (node as Map<unknown, unknown>).get(v);
    if (node === undefined) break;
  }
  memo.lookups++;
  if (node !== undefined) {
    memo.found++;
    return node as RememberedResult;
  }
  if (memo.lookups >= KEYED_TRIAL && memo.found * 2 < memo.lookups) memo.keyed = undefined;
  return undefined;
}

/**
 * Remembers `result` at `index` (≥ 0) or, with index -1, by key, while the memo has room. The
 * remembered result is frozen, as other communities will share it; frozen only when kept (freezing
 * is not free), and a copy when the caller goes on to add to its own (`copy`).
 */
export function remember(
  r: CompiledRule,
  memo: ResultMemo,
  index: number,
  result: CheckResult,
  copy: boolean,
): void {
  if (index >= 0) {
    const indexed = memo.indexed;
    // Grown one element at a time, so the list stays packed and is indexed directly.
    while (indexed.length <= index) indexed.push(undefined);
    indexed[index] = Object.freeze(copy ? { ...result } : result);
    return;
  }
  let node = memo.keyed;
  if (node === undefined || memo.keyedSize >= KEYED_RESULTS) return;
  const values = r.inputValues;
  for (let k = 0; k < values.length; k++) if (!keyable(values[k])) return;
  const last = values.length - 1;
  for (let k = 0; k < last; k++) {
    let next = node.get(values[k]) as Map<unknown, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(values[k], next);
    }
    node = next;
  }
  node.set(values[last], Object.freeze(copy ? { ...result } : result));
  memo.keyedSize++;
}

/**
 * Why a rule could not run, in words: `reason` (also what a quantity's gap says), the result's
 * `actual`, and its whole `message`. A blocked rule's status follows from why it is blocked, so the
 * message is joined once per reason rather than once per result.
 */
export interface BlockedTexts {
  reason: string;
  actual: string;
  message: string;
}

/** The texts of a blocked result whose status is `status` (`not-applicable` or `unknown`). */
export function blockedTexts(reason: string, actual: string, status: CheckStatus): BlockedTexts {
  return { reason, actual, message: `${status === 'unknown' ? '无法判断' : '不适用'}：${reason}。` };
}

/** Per (asOf, params, readings): what does not depend on the community. */
export interface Context {
  asOf: string;
  inForce: boolean[];
  /** Per rule (in `order`): why it does not apply on `asOf`. */
  notInForce: BlockedTexts[];
  /** Per rule: why it cannot run for want of parameters, or undefined when it has them all. */
  missingParamTexts: (BlockedTexts | undefined)[];
  /** Per check: the note on replaced parameters its messages end with (`本地标准：…。`), or ''. */
  replacedNotes: string[];
  /** Per rule: full results remembered in this context (see `RememberedResult`), created when first needed. */
  memos: (ResultMemo | undefined)[];
  /** Per quantity: its values by the index of its input values (see `computedQuantity`), created when first needed. */
  quantityValues: (ComputedQuantity | undefined)[][];
  /** Per check: its blocked results, shared by every community blocked alike (see `blockedResultKey`). */
  blockedResults: ((RememberedResult | undefined)[] | undefined)[];
  params: Record<string, number>[];
  missingParams: string[][];
  /** Per helper-built check: all a bulk run decides it by in this context, in one object (see `Decision`). */
  decisions: (Decision | undefined)[];
  alternative: (id: string) => boolean;
  readings: Readonly<Record<string, Reading>>;
  paramReadings: Map<string, ParameterReading>;
}

/** Why a rule could not run for a community (`none`: it can). */
export enum Blocked {
  none,
  notInForce,
  wrongSetting,
  missingFacts,
  missingParams,
  missingQuantities,
}

export const text = (t: Text): string => (typeof t === 'string' ? t : t());

/** The status of a check's outcome; `binding` is the rule's, which the outcome may override. */
export function outcomeStatus(outcome: CheckOutcome, binding: Binding): CheckStatus {
  if ('holds' in outcome) {
    if (outcome.holds) return 'pass';
    return (outcome.binding ?? binding) === 'binding' ? 'fail' : 'warn';
  }
  return 'notApplicable' in outcome ? 'not-applicable' : 'unknown';
}

export function count(summary: Summary, status: CheckStatus) {
  if (status === 'pass') summary.pass++;
  else if (status === 'fail') summary.fail++;
  else if (status === 'warn') summary.warn++;
  else if (status === 'not-applicable') summary.notApplicable++;
  else summary.unknown++;
}

export const blockedStatus = (blocked: Blocked): CheckStatus =>
  blocked === Blocked.notInForce || blocked === Blocked.wrongSetting ? 'not-applicable' : 'unknown';

/**
 * `alternative` when the caller chose no readings: one function for every evaluator, so that a rule's
 * call to it stays the same call target from one pack chain to the next (a new closure per chain
 * made optimised rule code deoptimise each time another chain ran).
 */
export const chosenReadings = (_id: string) => false;

export const settingBit = (s: Setting) => (s === 'urban' ? 1 : 2);

export function compileRule(chainRule: ChainRule): CompiledRule {
  const { rule } = chainRule;
  const facts = Object.entries(rule.facts ?? {});
  const optional = Object.entries(rule.optionalFacts ?? {});
  const c = rule.citation;
  const blank = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, undefined]));
  const inputCount = facts.length + optional.length + (rule.quantities?.length ?? 0);
  return {
    input: {
      facts: blank(facts.map(([k]) => k)),
      optional: blank(optional.map(([k]) => k)),
      params: {},
      quantities: blank(rule.quantities ?? []),
      alternative: chosenReadings,
      asOf: '',
    },
    id: rule.id,
    title: rule.title,
    binding: rule.kind === 'check' ? rule.binding : 'binding',
    jurisdiction: chainRule.jurisdiction,
    passPrefix: `符合：${rule.title}（实际`,
    failPrefix: `不符合：${rule.title}（应`,
    warnPrefix: `未达到指导性要求：${rule.title}（宜`,
    wrongSetting: blockedTexts(
      `本条仅适用于${chainRule.settings.map((x) => (x === 'urban' ? '城市' : '农村')).join('、')}社区`,
      chainRule.settings.includes('urban') ? '农村社区' : '城市社区',
      blockedStatus(Blocked.wrongSetting),
    ),
    chainRule,
    rule,
    factKeys: facts.map(([k]) => k),
    factPaths: facts.map(([, p]) => p),
    factGetters: facts.map(([, p]) => factGetter(p)),
    optionalKeys: optional.map(([k]) => k),
    optionalPaths: optional.map(([, p]) => p),
    optionalGetters: optional.map(([, p]) => factGetter(p)),
    paramNames: rule.params ?? [],
    quantityNames: rule.quantities ?? [],
    evaluate: rule.kind === 'check' ? rule.evaluate : undefined,
    compute: rule.kind === 'quantity' ? rule.compute : undefined,
    quantityName: rule.kind === 'quantity' ? rule.name : '',
    holds: rule.kind === 'check' ? rule.holds : undefined,
    guidingWhen: rule.kind === 'check' ? rule.guidingWhen : undefined,
    missStatus: rule.kind === 'check' && rule.binding === 'guiding' ? 'warn' : 'fail',
    citation:
      c.clause === undefined
        ? { document: c.document, article: c.article, quote: c.quote }
        : { document: c.document, article: c.article, clause: c.clause, quote: c.quote },
    settingsMask: chainRule.settings.reduce((m, s) => m | settingBit(s), 0),
    missingFactTexts: [],
    missingFactMask: 0,
    rememberedInputs:
      rule.kind === 'check' && inputCount >= 1 && inputCount <= REMEMBERED_INPUTS ? inputCount : 0,
    inputValues: new Array<unknown>(inputCount).fill(undefined),
    compared: comparedOf(rule),
  };
}

/** Orders quantity rules so each comes after the quantities it reads. */
export function orderQuantities(quantities: CompiledRule[]): CompiledRule[] {
  const byName = new Map<string, CompiledRule>();
  for (const q of quantities) {
    if (q.rule.kind !== 'quantity') continue;
    const other = byName.get(q.rule.name);
    if (other) {
      throw new PackDefinitionError(
        `数量 ${q.rule.name} 由规则 ${other.rule.id}（${other.chainRule.jurisdiction}）与 ${q.rule.id}（${q.chainRule.jurisdiction}）重复定义`,
      );
    }
    byName.set(q.rule.name, q);
  }
  const ordered: CompiledRule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (q: CompiledRule, path: string[]) => {
    const name = (q.rule as { name: string }).name;
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting')
      throw new PackDefinitionError(`数量之间存在循环依赖：${[...path, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const dep of q.quantityNames) {
      const d = byName.get(dep);
      if (d) visit(d, [...path, name]);
    }
    state.set(name, 'done');
    ordered.push(q);
  };
  for (const q of quantities) visit(q, []);
  return ordered;
}

/** What the per-community functions need of a compiled chain: rules in evaluation order. */
export interface Plan {
  /** Quantities first (in dependency order), then checks; indexes contexts. */
  order: readonly CompiledRule[];
  quantityCount: number;
  /**
   * A bulk run's quantity values for the community at hand, by the quantity's place in `order`
   * (undefined where it has none), rewritten for every community: evaluation is synchronous and rules
   * are pure, so no other run sees it in between. Checks read their quantity bounds from it by slot.
   */
  values: (QuantityValue | undefined)[];
}

/** The contexts of one evaluator: the last one used, and how to build another. */
export interface Contexts {
  last:
    | {
        asOf: string;
        params: EvaluateOptions['params'];
        readings: EvaluateOptions['readings'];
        context: Context;
      }
    | undefined;
  build(options: EvaluateOptions): Context;
}

/** The context for these options, memoised: a bulk run passes the same options for every community. */
export function contextFor(contexts: Contexts, options: EvaluateOptions): Context {
  const last = contexts.last;
  if (
    last !== undefined &&
    last.asOf === options.asOf &&
    last.params === options.params &&
    last.readings === options.readings
  ) {
    return last.context;
  }
  return contexts.build(options);
}

/**
 * Reads a rule's inputs for one community into its reused `input` and says whether it can run;
 * returns `Blocked.none` or why not. No strings are built here: the reasons are spelled out by
 * `blockedReason` only when the caller wants full results.
 */
export function prepare(
  r: CompiledRule,
  i: number,
  context: Context,
  facts: CommunityFacts,
  settingMask: number,
  quantities: Record<string, QuantityValue>,
): Blocked {
  const blocked = gather(r, i, context, facts, settingMask, quantities);
  if (blocked === Blocked.none) fill(r, i, context);
  return blocked;
}

/**
 * `prepare`'s reading alone: the values into `inputValues` (facts, optional facts, then quantities,
 * as far as it got), and whether the rule can run. A full run looks the result up by these values
 * and fills the rule's `input` (`fill`) only when it has to call the rule.
 */
export function gather(
  r: CompiledRule,
  i: number,
  context: Context,
  facts: CommunityFacts,
  settingMask: number,
  quantities: Record<string, QuantityValue>,
): Blocked {
  if (!context.inForce[i]) return Blocked.notInForce;
  if ((r.settingsMask & settingMask) === 0) return Blocked.wrongSetting;
  const values = r.inputValues;
  const getters = r.factGetters;
  const factCount = getters.length;
  let missingFacts = 0;
  for (let k = 0; k < factCount; k++) {
    const v = getters[k]!(facts);
    if (v === undefined) missingFacts |= 1 << k;
    values[k] = v;
  }
  if (missingFacts !== 0) {
    r.missingFactMask = missingFacts;
    return Blocked.missingFacts;
  }
  if (context.missingParams[i]!.length > 0) return Blocked.missingParams;
  const names = r.quantityNames;
  const optional = r.optionalGetters;
  const quantitiesAt = factCount + optional.length;
  let missingQuantities = false;
  for (let k = 0; k < names.length; k++) {
    const v = quantities[names[k]!];
    if (v === undefined) missingQuantities = true;
    values[quantitiesAt + k] = v;
  }
  if (missingQuantities) return Blocked.missingQuantities;
  for (let k = 0; k < optional.length; k++) values[factCount + k] = optional[k]!(facts);
  return Blocked.none;
}

/** Copies what `gather` read into the rule's `input`, with the context's parameters, date and readings. */
export function fill(r: CompiledRule, i: number, context: Context): void {
  const input = r.input;
  const values = r.inputValues;
  const factCount = r.factKeys.length;
  for (let k = 0; k < factCount; k++) input.facts[r.factKeys[k]!] = values[k];
  const optionalCount = r.optionalKeys.length;
  for (let k = 0; k < optionalCount; k++) input.optional[r.optionalKeys[k]!] = values[factCount + k];
  const quantitiesAt = factCount + optionalCount;
  for (let k = 0; k < r.quantityNames.length; k++)
    input.quantities[r.quantityNames[k]!] = values[quantitiesAt + k] as QuantityValue | undefined;
  input.params = context.params[i]!;
  input.alternative = context.alternative;
  input.asOf = context.asOf;
}

/** What a quantity rule's `compute` returns. */
type ComputedQuantity = QuantityValue | { unknown: string } | typeof notApplicable;
/** Kept for a quantity that does not apply to the inputs (`compute` gave undefined). */
const notApplicable = Object.freeze({ notApplicable: true });

/**
 * A quantity's value for the inputs `gather` just read, computing it (with the input filled) only
 * the first time these inputs come along in this context: within a context a quantity is a pure
 * function of its facts and the quantities it reads, and most read a count or two (households,
 * residents), so a country's communities repeat a few thousand inputs. Kept values are frozen, as
 * every community with those inputs shares them.
 */
export function computedQuantity(
  r: CompiledRule,
  i: number,
  context: Context,
): QuantityValue | { unknown: string } | undefined {
  const index = memoIndex(r);
  if (index < 0) {
    fill(r, i, context);
    return r.compute!.call(r.rule, r.input as unknown as RuleInput);
  }
  const known = context.quantityValues[i]!;
  let v = known[index];
  if (v === undefined) {
    fill(r, i, context);
    const computed = r.compute!.call(r.rule, r.input as unknown as RuleInput);
    v =
      computed === undefined
        ? notApplicable
        : typeof computed === 'object'
          ? Object.freeze(computed)
          : computed;
    // Grown one element at a time, so the list stays packed and is indexed directly.
    while (known.length <= index) known.push(undefined);
    known[index] = v;
  }
  return v === notApplicable ? undefined : (v as QuantityValue | { unknown: string });
}

/**
 * Bulk runs (`statusesOnly`, `summaryOnly`, no `explain`): statuses, summary and quantities only.
 * Kept apart from the full path so that the code a whole-country run keeps hot is small (quick for
 * the JIT to optimise, nothing inlined for texts) and so that checks built by the rule helpers
 * answer through their text-free `holds`, allocating nothing. It and `prepare` live outside
 * `buildEvaluator` so that every compiled chain calls the same functions: a closure per chain made
 * optimised code deoptimise each time a community of another chain came along.
 */
export function bulk(plan: Plan, facts: CommunityFacts, context: Context, withStatuses: boolean): Evaluation {
  const { order, quantityCount, values } = plan;
  const settingMask = settingBit(facts.setting ?? 'urban');
  const quantities: Record<string, QuantityValue> = {};
  for (let i = 0; i < quantityCount; i++) {
    const r = order[i]!;
    values[i] = undefined;
    if (gather(r, i, context, facts, settingMask, quantities) !== Blocked.none) continue;
    const v = computedQuantity(r, i, context);
    if (v !== undefined && (typeof v !== 'object' || !('unknown' in v))) {
      values[i] = v;
      quantities[r.quantityName] = v;
    }
  }
  const summary: Summary = { pass: 0, fail: 0, warn: 0, notApplicable: 0, unknown: 0 };
  // Sized once: grown by `push`, the array's first store would reserve room for 17 statuses.
  const statuses: CheckStatus[] | undefined = withStatuses
    ? new Array<CheckStatus>(order.length - quantityCount)
    : undefined;
  for (let i = quantityCount; i < order.length; i++) {
    const decision = context.decisions[i];
    let status: CheckStatus;
    if (decision !== undefined) status = decide(decision, facts, settingMask, values);
    else {
      const r = order[i]!;
      const blocked = prepare(r, i, context, facts, settingMask, quantities);
      if (blocked !== Blocked.none) status = blockedStatus(blocked);
      else {
        const input = r.input as unknown as RuleInput;
        const holds = r.holds;
        if (holds === undefined) status = outcomeStatus(r.evaluate!.call(r.rule, input), r.binding);
        else if (holds(input)) status = 'pass';
        else status = r.guidingWhen?.(input) === true ? 'warn' : r.missStatus;
      }
    }
    count(summary, status);
    if (statuses !== undefined) statuses[i - quantityCount] = status;
  }
  // One literal per shape: adding `statuses` afterwards would allocate a property store as well.
  return statuses === undefined
    ? { results: [], quantities, summary }
    : { results: [], quantities, summary, statuses };
}

/**
 * The status of a helper-built check, as `prepare` and its `holds` would give it: not applicable out
 * of force or setting, unknown without its figure, a parameter or a quantity, else the comparison
 * `holds` makes, on the same values with the same operators.
 */
function decide(
  d: Decision,
  facts: CommunityFacts,
  settingMask: number,
  values: readonly (QuantityValue | undefined)[],
): CheckStatus {
  if (!d.inForce || (d.settingsMask & settingMask) === 0) return 'not-applicable';
  // Unknown without a parameter whatever the figure: the figure need not be read.
  if (d.missingParams) return 'unknown';
  const figure = d.read(facts) as number | boolean | undefined;
  if (figure === undefined) return 'unknown';
  let low = d.low;
  let high = d.high;
  if (d.lowSlot >= 0) {
    const q = values[d.lowSlot];
    if (q === undefined) return 'unknown';
    low = q as number;
  }
  if (d.highSlot >= 0) {
    const q = values[d.highSlot];
    if (q === undefined) return 'unknown';
    high = q as number;
  }
  // A flag's figure is a boolean, any other's a number (`NumericFactPath`).
  const n = figure as number;
  let holds: boolean;
  switch (d.kind) {
    case 'minimum':
      holds = d.tolerance === undefined ? n >= low : n >= low - d.tolerance;
      break;
    case 'maximum':
      holds = n <= high;
      break;
    case 'range':
      holds = n >= low && n <= high;
      break;
    case 'flag':
      holds = figure === true;
      break;
    default: {
      const whole = d.whole!(facts) as number | undefined;
      // No share of nothing: `evaluate` says so with `unknown`.
      if (whole === undefined || whole === 0) return 'unknown';
      holds = compareWithFactor(n, d.share!, whole) >= 0;
    }
  }
  return holds ? 'pass' : d.miss;
}
