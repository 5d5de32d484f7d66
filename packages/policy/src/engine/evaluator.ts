/**
 * The evaluator of a compiled chain: validates the caller's options, builds the per-options context,
 * and evaluates a community fully (texts, explanations) or in bulk (`rules.ts`).
 */
import { isIsoDate } from '@shequ/domain';
import { documentInForce } from '../describe.js';
import {
  type ChainParameter,
  type ChainRule,
  type DisabledRule,
  EvaluationInputError,
  type Evaluator,
} from './chain.js';
import { PackDefinitionError } from './define.js';
import { scaledFactor } from './exact.js';
import {
  Blocked,
  type BlockedTexts,
  blockedStatus,
  blockedTexts,
  bulk,
  type CompiledRule,
  type Context,
  type Contexts,
  chosenReadings,
  compileRule,
  computedQuantity,
  contextFor,
  count,
  fill,
  gather,
  memoIndex,
  memoOf,
  orderQuantities,
  outcomeStatus,
  type Plan,
  type RememberedResult,
  type ResultMemo,
  remember,
  rememberedByKey,
  settingBit,
  text,
} from './rules.js';
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
  Explanation,
  Interpretation,
  Pack,
  Parameter,
  ParameterReading,
  QuantityValue,
  RuleInput,
  Summary,
} from './types.js';

/** A real calendar date as YYYY-MM-DD: 2024-02-30 is refused here, not only by the CLI. */
const isRealDate = isIsoDate;

export function buildEvaluator(
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
  // Each quantity's place among the quantities: where a bulk run keeps its value (`Plan.values`).
  // Every quantity a rule reads is in the chain (checked below), so each bound finds its place.
  const quantitySlots = new Map(quantityRules.map((q, slot) => [q.quantityName, slot]));

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
  // Parameters a lower pack replaced that a higher pack's check reads: the check's title still quotes
  // the higher document's figure, so its message names the value in force and the replacing document.
  const replacedReads = new Map<string, string[]>();
  for (const r of checkRules) {
    const replaced = r.paramNames.filter((name) => {
      const p = parameterByName.get(name);
      return p?.replaces !== undefined && p.suppliedBy !== r.chainRule.jurisdiction;
    });
    if (replaced.length > 0) replacedReads.set(r.id, replaced);
  }
  /** `本地标准：…为2500户（《…》第二条）。` for each replaced parameter in force from a document, or ''. */
  const replacedNote = (r: CompiledRule, paramReadings: Map<string, ParameterReading>): string => {
    const names = replacedReads.get(r.id);
    if (names === undefined) return '';
    const parts: string[] = [];
    for (const name of names) {
      const reading = paramReadings.get(name);
      // A caller's value shows in `expected`; before the replacement's first date the higher value stands.
      if (
        reading?.value === undefined ||
        reading.citation === undefined ||
        reading.suppliedBy === r.jurisdiction
      )
        continue;
      const label = parameterByName.get(name)?.parameter.label ?? name;
      parts.push(
        `${label}为${reading.value}${reading.unit}（《${reading.citation.document}》${reading.citation.article}）`,
      );
    }
    return parts.length > 0 ? `本地标准：${parts.join('；')}。` : '';
  };
  // Evaluation order: quantities first (each once), then checks; `order` indexes contexts.
  const order = [...quantityRules, ...checkRules];

  const baseReading = (name: string, asOf: string): ParameterReading | undefined => {
    let chainParameter = parameterByName.get(name);
    if (!chainParameter) return undefined;
    let picked: Parameter['values'][number] | undefined;
    // A replacing parameter's values carry their own dates: before its first one, the value of the
    // parameter it replaced (the higher document's) stays in force.
    for (let at: ChainParameter | undefined = chainParameter; at !== undefined && !picked; at = at.previous) {
      for (const v of at.parameter.values) if (v.from <= asOf) picked = v;
      if (picked) chainParameter = at;
    }
    const { parameter } = chainParameter;
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
      notInForce: [],
      params: [],
      missingParams: [],
      decisions: [],
      missingParamTexts: [],
      replacedNotes: [],
      memos: new Array<ResultMemo | undefined>(order.length).fill(undefined),
      quantityValues: order.map(() => []),
      blockedResults: new Array<(RememberedResult | undefined)[] | undefined>(order.length).fill(undefined),
      alternative: options.readings === undefined ? chosenReadings : (id) => readings[id] === 'alternative',
      readings,
      paramReadings,
    };
    for (const r of order) {
      const doc = r.chainRule.document;
      const inForce = documentInForce(doc, asOf);
      context.inForce.push(inForce);
      context.notInForce.push(
        blockedTexts(
          `《${doc.title}》施行期间为${doc.inForceFrom}起${doc.inForceUntil ? `至${doc.inForceUntil}` : ''}，评估日期${asOf}不在其内`,
          `评估日期${asOf}`,
          blockedStatus(Blocked.notInForce),
        ),
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
      context.missingParamTexts.push(
        missing.length === 0
          ? undefined
          : blockedTexts(
              `参数 ${missing.join('、')} 在${asOf}没有取值，可通过 params 提供`,
              `缺少参数 ${missing.join('、')}`,
              blockedStatus(Blocked.missingParams),
            ),
      );
      context.replacedNotes.push(r.rule.kind === 'check' ? replacedNote(r, paramReadings) : '');
      const compared = r.compared;
      if (compared === undefined) {
        context.decisions.push(undefined);
        continue;
      }
      const low = compared.lowParam === undefined ? Number.NaN : (values[compared.lowParam] ?? Number.NaN);
      const high = compared.highParam === undefined ? Number.NaN : (values[compared.highParam] ?? Number.NaN);
      const share = compared.kind === 'share' ? values[compared.lowParam!] : undefined;
      // A helper's `guidingWhen` reads only the date and the readings (`ComparisonBase`), so its
      // answer holds for every community of this context.
      const guiding =
        r.guidingWhen?.({
          facts: {},
          optional: {},
          params: values,
          quantities: {},
          alternative: context.alternative,
          asOf,
        }) === true;
      context.decisions.push({
        kind: compared.kind,
        read: compared.read,
        whole: compared.whole,
        settingsMask: r.settingsMask,
        inForce,
        missingParams: missing.length > 0,
        low,
        high,
        // Read by position in a bulk run: a look-up by name sees every quantity's name at one place.
        lowSlot: compared.lowQuantity === undefined ? -1 : quantitySlots.get(compared.lowQuantity)!,
        highSlot: compared.highQuantity === undefined ? -1 : quantitySlots.get(compared.highQuantity)!,
        tolerance: compared.tolerance,
        share: share === undefined ? undefined : scaledFactor(share),
        miss: guiding ? 'warn' : r.missStatus,
      });
    }
    contexts.last = { asOf, params: options.params, readings: options.readings, context };
    return context;
  }

  const quantityCount = quantityRules.length;
  const plan: Plan = {
    order,
    quantityCount,
    values: new Array<QuantityValue | undefined>(quantityCount).fill(undefined),
  };
  const contexts: Contexts = { last: undefined, build: buildContext };
  const checkIds = checkRules.map((r) => r.id);

  /** Why a rule could not run, in words; `inputValues` still holds what `gather` read for this rule. */
  const blockedReason = (
    blocked: Blocked,
    r: CompiledRule,
    i: number,
    context: Context,
    quantityGaps: Record<string, string> | undefined,
  ): BlockedTexts => {
    const values = r.inputValues;
    switch (blocked) {
      case Blocked.notInForce:
        return context.notInForce[i]!;
      case Blocked.wrongSetting:
        return r.wrongSetting;
      case Blocked.missingFacts: {
        // The same facts go missing for many communities: each combination is worded once, found by
        // its bit set (a bit per declared fact) in a list, as quick as reading an element (only for
        // rules declaring up to 10 facts; beyond, the combinations are too many to list).
        const cacheable = r.factKeys.length <= 10;
        const mask = r.missingFactMask;
        const known = r.missingFactTexts;
        let texts = cacheable ? known[mask] : undefined;
        if (texts === undefined) {
          const missing = r.factPaths.filter((_, k) => values[k] === undefined).join('、');
          texts = blockedTexts(`缺少事实 ${missing}`, `未提供 ${missing}`, blockedStatus(blocked));
          if (cacheable) {
            while (known.length <= mask) known.push(undefined);
            known[mask] = texts;
          }
        }
        return texts;
      }
      case Blocked.missingParams:
        return context.missingParamTexts[i]!;
      default: {
        const quantitiesAt = r.factKeys.length + r.optionalKeys.length;
        const missing = r.quantityNames.filter((_, k) => values[quantitiesAt + k] === undefined);
        return blockedTexts(
          `依赖的数量 ${missing
            .map((name) => `${name}（${quantityGaps?.[name] ?? '无法计算'}）`)
            .join('、')} 无法计算`,
          `缺少数量 ${missing.join('、')}`,
          blockedStatus(blocked),
        );
      }
    }
  };

  /**
   * Where a blocked check's shared result is kept in `Context.blockedResults`, or -1 when it is not
   * shared (it can run, its quantities are missing, or it declares too many facts to list every
   * combination of missing ones).
   */
  const blockedResultKey = (blocked: Blocked, r: CompiledRule): number => {
    switch (blocked) {
      case Blocked.notInForce:
        return 0;
      case Blocked.wrongSetting:
        return 1;
      case Blocked.missingParams:
        return 2;
      case Blocked.missingFacts:
        return r.factKeys.length <= 10 ? 3 + r.missingFactMask : -1;
      default:
        return -1;
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
      message = why.message;
    } else if ('holds' in outcome) {
      expected = text(outcome.expected);
      actual = text(outcome.actual);
      if (outcome.message !== undefined) message = text(outcome.message);
      else if (status === 'pass') message = `${r.passPrefix}${actual}）。`;
      else if (status === 'fail') message = `${r.failPrefix}${expected}，实际${actual}）。`;
      else message = `${r.warnPrefix}${expected}，实际${actual}）。`;
      const note = context.replacedNotes[i]!;
      if (note !== '') message += note;
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
    const summary: Summary = { pass: 0, fail: 0, warn: 0, notApplicable: 0, unknown: 0 };
    const explain = options.explain === true;
    const statuses: CheckStatus[] | undefined = options.statusesOnly === true ? [] : undefined;
    // Texts are built only for full results: joining strings is most of the cost of a result.
    const detail = statuses === undefined && options.summaryOnly !== true;
    // Sized once: a result per check; grown by `push`, the array was copied twice per community.
    const results: CheckResult[] = detail ? new Array<CheckResult>(order.length - quantityCount) : [];
    // Why a quantity is missing, for the messages of the checks that read it; allocated only when one is.
    let quantityGaps: Record<string, string> | undefined;
    let quantityExplanations: Evaluation['quantityExplanations'];

    for (let i = 0; i < quantityCount; i++) {
      const r = order[i]!;
      const rule = r.rule as AnyQuantityRule;
      const blocked = gather(r, i, context, facts, settingMask, quantities);
      let gap: string | undefined;
      if (blocked === Blocked.none) {
        const v = computedQuantity(r, i, context);
        if (v === undefined) gap = '不适用于本社区';
        else if (typeof v === 'object' && 'unknown' in v) gap = v.unknown;
        else quantities[r.quantityName] = v;
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
      // The values alone first: a remembered result needs no `input` filled.
      const blocked = gather(r, i, context, facts, settingMask, quantities);
      // This check's results in this context for the same inputs (see `RememberedResult`).
      const memo =
        detail && blocked === Blocked.none && r.rememberedInputs > 0 ? memoOf(context, i) : undefined;
      const index = memo === undefined ? -1 : memoIndex(r);
      if (memo !== undefined) {
        const known =
          index >= 0 ? memo.indexed[index] : memo.keyed === undefined ? undefined : rememberedByKey(r, memo);
        if (known !== undefined) {
          count(summary, known.status);
          results[i - quantityCount] = explain
            ? { ...known, explanation: explanationFor(r, facts, context, quantities) }
            : known;
          continue;
        }
      }
      // A blocked result's texts follow from why it is blocked (and which facts are missing) alone,
      // except for missing quantities, whose gaps are the community's: shared like remembered ones.
      const blockedKey = detail ? blockedResultKey(blocked, r) : -1;
      if (blockedKey >= 0) {
        let known = context.blockedResults[i];
        if (known === undefined) {
          known = [];
          context.blockedResults[i] = known;
        }
        let shared = known[blockedKey];
        if (shared === undefined) {
          const status = blockedStatus(blocked);
          shared = Object.freeze(
            resultFor(r, i, status, r.binding, blocked, undefined, context, quantityGaps),
          );
          // Grown one element at a time, so the list stays packed and is indexed directly.
          while (known.length <= blockedKey) known.push(undefined);
          known[blockedKey] = shared;
        }
        count(summary, shared.status);
        results[i - quantityCount] = explain
          ? { ...shared, explanation: explanationFor(r, facts, context, quantities) }
          : shared;
        continue;
      }
      let status: CheckStatus;
      let binding = r.binding;
      let outcome: CheckOutcome | undefined;
      if (blocked !== Blocked.none) status = blockedStatus(blocked);
      else {
        fill(r, i, context);
        outcome = (r.rule as AnyCheckRule).evaluate(r.input as unknown as RuleInput);
        if ('holds' in outcome && outcome.binding !== undefined) binding = outcome.binding;
        status = outcomeStatus(outcome, r.binding);
      }
      count(summary, status);
      if (statuses !== undefined) statuses.push(status);
      if (!detail) continue;
      const result = resultFor(r, i, status, binding, blocked, outcome, context, quantityGaps);
      // Remembered before its explanation (the community's own) is added.
      if (memo !== undefined) remember(r, memo, index, result, explain);
      if (explain) result.explanation = explanationFor(r, facts, context, quantities);
      results[i - quantityCount] = result;
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
