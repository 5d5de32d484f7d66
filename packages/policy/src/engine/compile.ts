/**
 * Composition and evaluation. `compile(packs)` resolves a chain of packs (province → city →
 * district → town) into one flat list of rules once; the evaluator it returns is synchronous and
 * allocates little per community, so a whole country can be checked in one pass.
 */
import { divisionLevel, isoDate, type JurisdictionLevel } from '@shequ/domain';
import { PackDefinitionError } from './define.js';
import { type FactGetter, factGetter } from './facts.js';
import type {
  AnyCheckRule,
  AnyQuantityRule,
  Binding,
  CheckOutcome,
  CheckResult,
  CheckStatus,
  Citation,
  CommunityFacts,
  EvaluateOptions,
  Evaluation,
  Explanation,
  FactPath,
  Interpretation,
  OutputCitation,
  Pack,
  PackDocument,
  Parameter,
  ParameterReading,
  QuantityValue,
  Reading,
  Rule,
  RuleInput,
  Setting,
  Summary,
  Text,
} from './types.js';

const levelDepth: Record<JurisdictionLevel, number> = {
  province: 0,
  city: 1,
  district: 2,
  street: 3,
  community: 4,
};

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

function packDepth(pack: Pack): number {
  const level = divisionLevel(pack.code);
  if (!level) throw new PackDefinitionError(`政策包 ${pack.code}：不是有效的行政区划代码`);
  return levelDepth[level];
}

const label = (pack: Pack) => `${pack.code}（${pack.name}）`;

/** Targets a pack touches at its level: its own rule ids, parameter and quantity names, and override targets. */
function touchedTargets(pack: Pack): Map<string, string> {
  const touched = new Map<string, string>();
  for (const rule of pack.rules) {
    touched.set(`rule:${rule.id}`, `规则 ${rule.id}`);
    if (rule.kind === 'quantity') touched.set(`quantity:${rule.name}`, `数量 ${rule.name}`);
  }
  for (const p of pack.parameters) touched.set(`parameter:${p.name}`, `参数 ${p.name}`);
  for (const o of pack.overrides) {
    const kind = o.action === 'replace-parameter' ? 'parameter' : 'rule';
    touched.set(`${kind}:${o.target}`, `${kind === 'parameter' ? '参数' : '规则'} ${o.target}`);
  }
  return touched;
}

function documentOf(pack: Pack, rule: Rule): PackDocument {
  const doc = pack.documents.find((d) => d.title === rule.citation.document);
  if (!doc) throw new PackDefinitionError(`政策包 ${label(pack)}：规则 ${rule.id} 引用的文件不在本包中`);
  return doc;
}

/**
 * Resolves a chain of packs into one evaluator. Packs may be given in any order; they are
 * applied shallowest first. Errors (thrown as `PackDefinitionError`): two packs at one level
 * touching the same target (names both), an override whose target no higher pack defines, a
 * rule or parameter redefined without an override, a read of a parameter or quantity the chain
 * lacks, a cycle between quantities.
 */
export function compile(packs: readonly Pack[]): Evaluator {
  const chain = [...packs].sort((a, b) => packDepth(a) - packDepth(b));
  assertNoSameLevelConflicts(chain);

  const rules: ChainRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleOwnerDepth = new Map<string, number>();
  const parameters = new Map<string, ChainParameter>();
  const parameterOwnerDepth = new Map<string, number>();
  const disabled: DisabledRule[] = [];

  for (const pack of chain) {
    const depth = packDepth(pack);
    for (const o of pack.overrides) {
      if (o.action === 'replace-parameter') {
        const current = parameters.get(o.target);
        if (!current || (parameterOwnerDepth.get(o.target) ?? depth) >= depth) {
          throw new PackDefinitionError(`政策包 ${label(pack)}：要替换的参数 ${o.target} 不在其上级政策包中`);
        }
        parameters.set(o.target, {
          parameter: o.parameter,
          suppliedBy: pack.code,
          replaces: o.target,
          overrideCitation: o.citation,
        });
        parameterOwnerDepth.set(o.target, depth);
        continue;
      }
      const at = ruleIndex.get(o.target);
      const current = at === undefined ? undefined : rules[at];
      if (at === undefined || !current || (ruleOwnerDepth.get(o.target) ?? depth) >= depth) {
        throw new PackDefinitionError(
          `政策包 ${label(pack)}：要${o.action === 'disable-rule' ? '停用' : '替换'}的规则 ${o.target} 不在其上级政策包中`,
        );
      }
      if (o.action === 'disable-rule') {
        rules.splice(at, 1);
        reindex(rules, ruleIndex);
        disabled.push({ target: o.target, by: pack.code, citation: o.citation, reason: o.reason });
        continue;
      }
      const replacement = o.rule;
      if (replacement.kind !== current.rule.kind) {
        throw new PackDefinitionError(
          `政策包 ${label(pack)}：替换规则 ${o.target} 时种类须相同（${current.rule.kind}）`,
        );
      }
      if (
        replacement.kind === 'quantity' &&
        current.rule.kind === 'quantity' &&
        replacement.name !== current.rule.name
      ) {
        throw new PackDefinitionError(
          `政策包 ${label(pack)}：替换数量规则 ${o.target} 时数量名须仍为 ${current.rule.name}`,
        );
      }
      rules[at] = {
        rule: replacement,
        jurisdiction: pack.code,
        document: documentOf(pack, replacement),
        settings: replacement.settings ?? pack.settings,
        replaces: o.target,
        overrideCitation: o.citation,
      };
      ruleIndex.delete(o.target);
      ruleIndex.set(replacement.id, at);
      ruleOwnerDepth.set(replacement.id, depth);
    }
    for (const p of pack.parameters) {
      const existing = parameters.get(p.name);
      if (existing) {
        throw new PackDefinitionError(
          `政策包 ${label(pack)}：参数 ${p.name} 已由上级政策包 ${existing.suppliedBy} 定义，请用 replaceParameter 覆盖`,
        );
      }
      parameters.set(p.name, { parameter: p, suppliedBy: pack.code });
      parameterOwnerDepth.set(p.name, depth);
    }
    for (const rule of pack.rules) {
      if (ruleIndex.has(rule.id)) {
        throw new PackDefinitionError(
          `政策包 ${label(pack)}：规则 ${rule.id} 已由上级政策包定义，请用 replaceRule 覆盖`,
        );
      }
      ruleIndex.set(rule.id, rules.length);
      ruleOwnerDepth.set(rule.id, depth);
      rules.push({
        rule,
        jurisdiction: pack.code,
        document: documentOf(pack, rule),
        settings: rule.settings ?? pack.settings,
      });
    }
  }
  return buildEvaluator(chain, rules, [...parameters.values()], disabled);
}

function reindex(rules: ChainRule[], index: Map<string, number>) {
  index.clear();
  rules.forEach((r, i) => {
    index.set(r.rule.id, i);
  });
}

function assertNoSameLevelConflicts(chain: readonly Pack[]) {
  for (let i = 0; i < chain.length; i++) {
    const a = chain[i]!;
    if (chain.slice(0, i).some((p) => p.code === a.code && p === a)) {
      throw new PackDefinitionError(`政策包 ${label(a)} 重复出现在组合中`);
    }
    const touchedA = touchedTargets(a);
    for (let j = i + 1; j < chain.length; j++) {
      const b = chain[j]!;
      if (packDepth(a) !== packDepth(b)) continue;
      for (const [key, what] of touchedTargets(b)) {
        if (touchedA.has(key)) {
          throw new PackDefinitionError(`同级政策包 ${label(a)} 与 ${label(b)} 都修改或定义了${what}`);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

interface CompiledRule {
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
  wrongSetting: { reason: string; actual: string };
  /** Messages for missing required facts, by the bit set of the missing ones, built when first needed. */
  missingFactTexts: Map<number, { reason: string; actual: string }>;
}

/** Per (asOf, params, readings): what does not depend on the community. */
interface Context {
  asOf: string;
  inForce: boolean[];
  notInForceReason: string[];
  params: Record<string, number>[];
  missingParams: string[][];
  alternative: (id: string) => boolean;
  readings: Readonly<Record<string, Reading>>;
  paramReadings: Map<string, ParameterReading>;
}

/** Why a rule could not run for a community (`none`: it can). */
enum Blocked {
  none,
  notInForce,
  wrongSetting,
  missingFacts,
  missingParams,
  missingQuantities,
}

const text = (t: Text): string => (typeof t === 'string' ? t : t());

/** The status of a check's outcome; `binding` is the rule's, which the outcome may override. */
function outcomeStatus(outcome: CheckOutcome, binding: Binding): CheckStatus {
  if ('holds' in outcome) {
    if (outcome.holds) return 'pass';
    return (outcome.binding ?? binding) === 'binding' ? 'fail' : 'warn';
  }
  return 'notApplicable' in outcome ? 'not-applicable' : 'unknown';
}

function count(summary: Summary, status: CheckStatus) {
  if (status === 'pass') summary.pass++;
  else if (status === 'fail') summary.fail++;
  else if (status === 'warn') summary.warn++;
  else if (status === 'not-applicable') summary.notApplicable++;
  else summary.unknown++;
}

const blockedStatus = (blocked: Blocked): CheckStatus =>
  blocked === Blocked.notInForce || blocked === Blocked.wrongSetting ? 'not-applicable' : 'unknown';

/**
 * `alternative` when the caller chose no readings: one function for every evaluator, so that a rule's
 * call to it stays the same call target from one pack chain to the next (a new closure per chain
 * made optimised rule code deoptimise each time another chain ran).
 */
const chosenReadings = (_id: string) => false;

const settingBit = (s: Setting) => (s === 'urban' ? 1 : 2);
/** A real calendar date as YYYY-MM-DD: 2024-02-30 is refused here, not only by the CLI. */
const isRealDate = (value: unknown) => isoDate.safeParse(value).success;

function compileRule(chainRule: ChainRule): CompiledRule {
  const { rule } = chainRule;
  const facts = Object.entries(rule.facts ?? {});
  const optional = Object.entries(rule.optionalFacts ?? {});
  const c = rule.citation;
  const blank = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, undefined]));
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
    wrongSetting: {
      reason: `本条仅适用于${chainRule.settings.map((x) => (x === 'urban' ? '城市' : '农村')).join('、')}社区`,
      actual: chainRule.settings.includes('urban') ? '农村社区' : '城市社区',
    },
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
    missingFactTexts: new Map(),
  };
}

/** Orders quantity rules so each comes after the quantities it reads. */
function orderQuantities(quantities: CompiledRule[]): CompiledRule[] {
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
interface Plan {
  /** Quantities first (in dependency order), then checks; indexes contexts. */
  order: readonly CompiledRule[];
  quantityCount: number;
}

/** The contexts of one evaluator: the last one used, and how to build another. */
interface Contexts {
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
function contextFor(contexts: Contexts, options: EvaluateOptions): Context {
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
function prepare(
  r: CompiledRule,
  i: number,
  context: Context,
  facts: CommunityFacts,
  settingMask: number,
  quantities: Record<string, QuantityValue>,
): Blocked {
  if (!context.inForce[i]) return Blocked.notInForce;
  if ((r.settingsMask & settingMask) === 0) return Blocked.wrongSetting;
  const input = r.input;
  let missingFacts = false;
  for (let k = 0; k < r.factGetters.length; k++) {
    const v = r.factGetters[k]!(facts);
    if (v === undefined) missingFacts = true;
    input.facts[r.factKeys[k]!] = v;
  }
  if (missingFacts) return Blocked.missingFacts;
  if (context.missingParams[i]!.length > 0) return Blocked.missingParams;
  let missingQuantities = false;
  for (let k = 0; k < r.quantityNames.length; k++) {
    const name = r.quantityNames[k]!;
    const v = quantities[name];
    if (v === undefined) missingQuantities = true;
    input.quantities[name] = v;
  }
  if (missingQuantities) return Blocked.missingQuantities;
  for (let k = 0; k < r.optionalGetters.length; k++) {
    input.optional[r.optionalKeys[k]!] = r.optionalGetters[k]!(facts);
  }
  input.params = context.params[i]!;
  input.alternative = context.alternative;
  input.asOf = context.asOf;
  return Blocked.none;
}

/**
 * Bulk runs (`statusesOnly`, `summaryOnly`, no `explain`): statuses, summary and quantities only.
 * Kept apart from the full path so that the code a whole-country run keeps hot is small (quick for
 * the JIT to optimise, nothing inlined for texts) and so that checks built by the rule helpers
 * answer through their text-free `holds`, allocating nothing. It and `prepare` live outside
 * `buildEvaluator` so that every compiled chain calls the same functions: a closure per chain made
 * optimised code deoptimise each time a community of another chain came along.
 */
function bulk(plan: Plan, facts: CommunityFacts, context: Context, withStatuses: boolean): Evaluation {
  const { order, quantityCount } = plan;
  const settingMask = settingBit(facts.setting ?? 'urban');
  const quantities: Record<string, QuantityValue> = {};
  for (let i = 0; i < quantityCount; i++) {
    const r = order[i]!;
    if (prepare(r, i, context, facts, settingMask, quantities) !== Blocked.none) continue;
    const v = r.compute!.call(r.rule, r.input as unknown as RuleInput);
    if (v !== undefined && (typeof v !== 'object' || !('unknown' in v))) quantities[r.quantityName] = v;
  }
  const summary: Summary = { pass: 0, fail: 0, warn: 0, notApplicable: 0, unknown: 0 };
  // Sized once: grown by `push`, the array's first store would reserve room for 17 statuses.
  const statuses: CheckStatus[] | undefined = withStatuses
    ? new Array<CheckStatus>(order.length - quantityCount)
    : undefined;
  for (let i = quantityCount; i < order.length; i++) {
    const r = order[i]!;
    const blocked = prepare(r, i, context, facts, settingMask, quantities);
    let status: CheckStatus;
    if (blocked !== Blocked.none) status = blockedStatus(blocked);
    else {
      const input = r.input as unknown as RuleInput;
      const holds = r.holds;
      if (holds === undefined) status = outcomeStatus(r.evaluate!.call(r.rule, input), r.binding);
      else if (holds(input)) status = 'pass';
      else status = r.guidingWhen?.(input) === true ? 'warn' : r.missStatus;
    }
    count(summary, status);
    if (statuses !== undefined) statuses[i - quantityCount] = status;
  }
  // One literal per shape: adding `statuses` afterwards would allocate a property store as well.
  return statuses === undefined
    ? { results: [], quantities, summary }
    : { results: [], quantities, summary, statuses };
}

function buildEvaluator(
  chain: readonly Pack[],
  chainRules: ChainRule[],
  chainParameters: ChainParameter[],
  disabled: DisabledRule[],
): Evaluator {
  const compiled = chainRules.map(compileRule);
  const quantityRules = orderQuantities(compiled.filter((r) => r.rule.kind === 'quantity'));
  const checkRules = compiled.filter((r) => r.rule.kind === 'check');
  const quantityNames = new Set(quantityRules.map((q) => (q.rule as { name: string }).name));
  const quantityRuleIds = new Map(quantityRules.map((q) => [(q.rule as { name: string }).name, q.rule.id]));
  const parameterByName = new Map(chainParameters.map((p) => [p.parameter.name, p]));

  const interpretations = new Map<string, Interpretation>();
  for (const r of compiled) {
    for (const p of r.paramNames) {
      if (!parameterByName.has(p)) {
        throw new PackDefinitionError(
          `规则 ${r.rule.id}（${r.chainRule.jurisdiction}）读取的参数 ${p} 在政策包组合中不存在`,
        );
      }
    }
    for (const q of r.quantityNames) {
      if (!quantityNames.has(q)) {
        throw new PackDefinitionError(
          `规则 ${r.rule.id}（${r.chainRule.jurisdiction}）读取的数量 ${q} 在政策包组合中不存在`,
        );
      }
    }
    for (const i of r.rule.interpretations ?? []) {
      const known = interpretations.get(i.id);
      if (known && (known.chosen !== i.chosen || known.alternative !== i.alternative)) {
        throw new PackDefinitionError(`解释 ${i.id} 在规则 ${r.rule.id} 中的内容与别处不一致`);
      }
      interpretations.set(i.id, i);
    }
  }
  // Evaluation order: quantities first (each once), then checks; `order` indexes contexts.
  const order = [...quantityRules, ...checkRules];

  const baseReading = (name: string, asOf: string): ParameterReading | undefined => {
    const chainParameter = parameterByName.get(name);
    if (!chainParameter) return undefined;
    const { parameter } = chainParameter;
    let picked: Parameter['values'][number] | undefined;
    for (const v of parameter.values) if (v.from <= asOf) picked = v;
    return picked
      ? {
          name,
          value: picked.value,
          unit: parameter.unit,
          suppliedBy: chainParameter.suppliedBy,
          citation: picked.citation,
          from: picked.from,
        }
      : { name, value: undefined, unit: parameter.unit, suppliedBy: chainParameter.suppliedBy };
  };

  const validate = (options: EvaluateOptions) => {
    const issues: { path: string; message: string }[] = [];
    if (!isRealDate(options.asOf)) {
      issues.push({ path: 'asOf', message: '应为有效日期，格式 YYYY-MM-DD' });
    }
    for (const [name, v] of Object.entries(options.params ?? {})) {
      if (!parameterByName.has(name))
        issues.push({ path: `params.${name}`, message: '政策包组合中没有此参数' });
      else if (typeof v !== 'number' || !Number.isFinite(v))
        issues.push({ path: `params.${name}`, message: '应为有限数值' });
    }
    for (const [id, reading] of Object.entries(options.readings ?? {})) {
      if (!interpretations.has(id))
        issues.push({ path: `readings.${id}`, message: '政策包组合中没有此解释' });
      else if (reading !== 'chosen' && reading !== 'alternative') {
        issues.push({ path: `readings.${id}`, message: '应为 "chosen" 或 "alternative"' });
      }
    }
    if (issues.length > 0) throw new EvaluationInputError(issues);
  };

  function buildContext(options: EvaluateOptions): Context {
    validate(options);
    const { asOf } = options;
    const overrides = options.params ?? {};
    const readings = options.readings ?? {};
    const paramReadings = new Map<string, ParameterReading>();
    for (const name of parameterByName.keys()) {
      const base = baseReading(name, asOf)!;
      const override = overrides[name];
      paramReadings.set(
        name,
        override === undefined ? base : { name, value: override, unit: base.unit, suppliedBy: 'caller' },
      );
    }
    const context: Context = {
      asOf,
      inForce: [],
      notInForceReason: [],
      params: [],
      missingParams: [],
      alternative: options.readings === undefined ? chosenReadings : (id) => readings[id] === 'alternative',
      readings,
      paramReadings,
    };
    for (const r of order) {
      const doc = r.chainRule.document;
      context.inForce.push(
        doc.inForceFrom <= asOf && (doc.inForceUntil === undefined || asOf < doc.inForceUntil),
      );
      context.notInForceReason.push(
        `《${doc.title}》施行期间为${doc.inForceFrom}起${doc.inForceUntil ? `至${doc.inForceUntil}` : ''}，评估日期${asOf}不在其内`,
      );
      const values: Record<string, number> = {};
      const missing: string[] = [];
      for (const name of r.paramNames) {
        const v = paramReadings.get(name)?.value;
        if (v === undefined) missing.push(name);
        else values[name] = v;
      }
      context.params.push(values);
      context.missingParams.push(missing);
    }
    contexts.last = { asOf, params: options.params, readings: options.readings, context };
    return context;
  }

  const quantityCount = quantityRules.length;
  const plan: Plan = { order, quantityCount };
  const contexts: Contexts = { last: undefined, build: buildContext };
  const checkIds = checkRules.map((r) => r.id);

  /** Why a rule could not run, in words; `input` still holds what `prepare` read for this rule. */
  const blockedReason = (
    blocked: Blocked,
    r: CompiledRule,
    i: number,
    context: Context,
    quantityGaps: Record<string, string> | undefined,
  ): { reason: string; actual: string } => {
    const input = r.input;
    switch (blocked) {
      case Blocked.notInForce:
        return { reason: context.notInForceReason[i]!, actual: `评估日期${context.asOf}` };
      case Blocked.wrongSetting:
        return r.wrongSetting;
      case Blocked.missingFacts: {
        // The same facts go missing for many communities: each combination is worded once
        // (keyed by a bit per declared fact, so only for rules declaring up to 30).
        const cacheable = r.factKeys.length <= 30;
        let mask = 0;
        for (let k = 0; k < r.factKeys.length; k++)
          if (input.facts[r.factKeys[k]!] === undefined) mask |= 1 << k;
        let texts = cacheable ? r.missingFactTexts.get(mask) : undefined;
        if (texts === undefined) {
          const missing = r.factPaths.filter((_, k) => input.facts[r.factKeys[k]!] === undefined).join('、');
          texts = { reason: `缺少事实 ${missing}`, actual: `未提供 ${missing}` };
          if (cacheable) r.missingFactTexts.set(mask, texts);
        }
        return texts;
      }
      case Blocked.missingParams: {
        const missing = context.missingParams[i]!.join('、');
        return {
          reason: `参数 ${missing} 在${context.asOf}没有取值，可通过 params 提供`,
          actual: `缺少参数 ${missing}`,
        };
      }
      default: {
        const missing = r.quantityNames.filter((name) => input.quantities[name] === undefined);
        return {
          reason: `依赖的数量 ${missing
            .map((name) => `${name}（${quantityGaps?.[name] ?? '无法计算'}）`)
            .join('、')} 无法计算`,
          actual: `缺少数量 ${missing.join('、')}`,
        };
      }
    }
  };

  /** The full result of a check whose status is known: texts built (or thunks called) here only. */
  const resultFor = (
    r: CompiledRule,
    i: number,
    status: CheckStatus,
    binding: Binding,
    blocked: Blocked,
    outcome: CheckOutcome | undefined,
    context: Context,
    quantityGaps: Record<string, string> | undefined,
  ): CheckResult => {
    let expected = r.title;
    let actual: string;
    let message: string | undefined;
    if (blocked !== Blocked.none || outcome === undefined) {
      const why = blockedReason(blocked, r, i, context, quantityGaps);
      actual = why.actual;
      message = `${status === 'unknown' ? '无法判断' : '不适用'}：${why.reason}。`;
    } else if ('holds' in outcome) {
      expected = text(outcome.expected);
      actual = text(outcome.actual);
      if (outcome.message !== undefined) message = text(outcome.message);
      else if (status === 'pass') message = `${r.passPrefix}${actual}）。`;
      else if (status === 'fail') message = `${r.failPrefix}${expected}，实际${actual}）。`;
      else message = `${r.warnPrefix}${expected}，实际${actual}）。`;
    } else if ('notApplicable' in outcome) {
      actual = '不适用';
      message = `不适用：${text(outcome.notApplicable)}。`;
    } else {
      actual = '无法判断';
      message = `无法判断：${text(outcome.unknown)}。`;
    }
    return {
      rule: r.id,
      jurisdiction: r.jurisdiction,
      citation: r.citation,
      title: r.title,
      binding,
      status,
      expected,
      actual,
      message,
    };
  };

  function evaluator(facts: CommunityFacts, options: EvaluateOptions): Evaluation {
    const context = contextFor(contexts, options);
    if (options.explain !== true) {
      if (options.statusesOnly === true) return bulk(plan, facts, context, true);
      if (options.summaryOnly === true) return bulk(plan, facts, context, false);
    }
    return full(facts, context, options);
  }

  /** Every other run: full results (texts, explanations), or a bulk run that also asked to explain. */
  function full(facts: CommunityFacts, context: Context, options: EvaluateOptions): Evaluation {
    const settingMask = settingBit(facts.setting ?? 'urban');
    const quantities: Record<string, QuantityValue> = {};
    const results: CheckResult[] = [];
    const summary: Summary = { pass: 0, fail: 0, warn: 0, notApplicable: 0, unknown: 0 };
    const explain = options.explain === true;
    const statuses: CheckStatus[] | undefined = options.statusesOnly === true ? [] : undefined;
    // Texts are built only for full results: joining strings is most of the cost of a result.
    const detail = statuses === undefined && options.summaryOnly !== true;
    // Why a quantity is missing, for the messages of the checks that read it; allocated only when one is.
    let quantityGaps: Record<string, string> | undefined;
    let quantityExplanations: Evaluation['quantityExplanations'];

    for (let i = 0; i < quantityCount; i++) {
      const r = order[i]!;
      const rule = r.rule as AnyQuantityRule;
      const blocked = prepare(r, i, context, facts, settingMask, quantities);
      let gap: string | undefined;
      if (blocked === Blocked.none) {
        const v = rule.compute(r.input as unknown as RuleInput);
        if (v === undefined) gap = '不适用于本社区';
        else if (typeof v === 'object' && 'unknown' in v) gap = v.unknown;
        else quantities[rule.name] = v;
      } else if (detail) {
        const { reason } = blockedReason(blocked, r, i, context, quantityGaps);
        gap =
          blocked === Blocked.notInForce || blocked === Blocked.wrongSetting ? `不适用（${reason}）` : reason;
      }
      if (detail && gap !== undefined) {
        quantityGaps ??= {};
        quantityGaps[rule.name] = gap;
      }
      if (explain) {
        quantityExplanations ??= {};
        quantityExplanations[rule.name] = {
          ...explanationFor(r, facts, context, quantities),
          rule: rule.id,
          jurisdiction: r.chainRule.jurisdiction,
          citation: r.citation,
        };
      }
    }

    for (let i = quantityCount; i < order.length; i++) {
      const r = order[i]!;
      const blocked = prepare(r, i, context, facts, settingMask, quantities);
      let status: CheckStatus;
      let binding = r.binding;
      let outcome: CheckOutcome | undefined;
      if (blocked !== Blocked.none) status = blockedStatus(blocked);
      else {
        outcome = (r.rule as AnyCheckRule).evaluate(r.input as unknown as RuleInput);
        if ('holds' in outcome && outcome.binding !== undefined) binding = outcome.binding;
        status = outcomeStatus(outcome, r.binding);
      }
      count(summary, status);
      if (statuses !== undefined) statuses.push(status);
      if (!detail) continue;
      const result = resultFor(r, i, status, binding, blocked, outcome, context, quantityGaps);
      if (explain) result.explanation = explanationFor(r, facts, context, quantities);
      results.push(result);
    }
    const evaluation: Evaluation = { results, quantities, summary };
    if (statuses !== undefined) evaluation.statuses = statuses;
    if (explain) evaluation.quantityExplanations = quantityExplanations ?? {};
    return evaluation;
  }

  const explanationFor = (
    r: CompiledRule,
    facts: CommunityFacts,
    context: Context,
    quantities: Record<string, QuantityValue>,
  ): Explanation => {
    const explanation: Explanation = {
      facts: [
        ...r.factPaths.map((path, k) => ({ path, value: r.factGetters[k]!(facts) })),
        ...r.optionalPaths.map((path, k) => ({ path, value: r.optionalGetters[k]!(facts) })),
      ],
      parameters: r.paramNames.map((name) => context.paramReadings.get(name)!),
      quantities: r.quantityNames.map((name) => ({
        name,
        value: quantities[name],
        rule: quantityRuleIds.get(name)!,
      })),
      interpretations: (r.rule.interpretations ?? []).map((i) => ({
        ...i,
        reading: context.readings[i.id] ?? 'chosen',
      })),
      document: r.chainRule.document,
    };
    if (r.chainRule.replaces) explanation.replaces = r.chainRule.replaces;
    return explanation;
  };

  return Object.assign(evaluator, {
    packs: chain,
    rules: chainRules,
    checkIds,
    parameters: chainParameters,
    disabled,
    interpretations: [...interpretations.values()],
    parameterValue: baseReading,
  });
}
