/**
 * A pack chain as the policy explorer shows it: every rule with its citation, article text and
 * parameters (each with the value in effect on a date and where that value comes from), the
 * interpretations of ambiguous wording, and the rules a lower pack disabled. `diffChains` lines two
 * chains up rule by rule.
 */
import type {
  Binding,
  Citation,
  Evaluator,
  Interpretation,
  PackDocument,
  PackRegistry,
  ParameterReading,
} from '@shequ/policy';
import { shippedRegistry } from '@shequ/policy';
import { articleTextOf } from './texts.js';

export interface ParameterDescription extends ParameterReading {
  label: string;
  source?: string;
  /** The higher pack's parameter this one replaced, with the override's citation. */
  replaces?: string;
  overrideCitation?: Citation;
  /** Every dated value, oldest first. */
  history: { from: string; value: number; citation: Citation }[];
}

export interface RuleDescription {
  id: string;
  kind: 'check' | 'quantity';
  /** The quantity's output name (docs/interfaces.md §3) for a quantity rule. */
  quantityName?: string;
  title: string;
  /** Code of the pack whose document the citation names. */
  jurisdiction: string;
  binding?: Binding;
  citation: Citation;
  articleText?: string;
  document: PackDocument;
  inForce: boolean;
  facts: string[];
  optionalFacts: string[];
  parameters: string[];
  quantities: string[];
  interpretations: Interpretation[];
  replaces?: string;
  overrideCitation?: Citation;
}

export interface ChainDescription {
  asOf: string;
  jurisdictions: { code: string; name: string; parent: string | null; documents: PackDocument[] }[];
  rules: RuleDescription[];
  parameters: ParameterDescription[];
  interpretations: Interpretation[];
  disabled: { target: string; by: string; citation: Citation; reason: string }[];
}

export function describeChain(
  evaluator: Evaluator,
  asOf: string,
  registry: PackRegistry = shippedRegistry,
): ChainDescription {
  const parameters = evaluator.parameters.map((chainParameter): ParameterDescription => {
    const { parameter } = chainParameter;
    const reading = evaluator.parameterValue(parameter.name, asOf) ?? {
      name: parameter.name,
      value: undefined,
      unit: parameter.unit,
      suppliedBy: chainParameter.suppliedBy,
    };
    return {
      ...reading,
      label: parameter.label,
      ...(parameter.source ? { source: parameter.source } : {}),
      ...(chainParameter.replaces ? { replaces: chainParameter.replaces } : {}),
      ...(chainParameter.overrideCitation ? { overrideCitation: chainParameter.overrideCitation } : {}),
      history: parameter.values.map((v) => ({ from: v.from, value: v.value, citation: v.citation })),
    };
  });
  const rules = evaluator.rules.map(
    ({ rule, jurisdiction, document, replaces, overrideCitation }): RuleDescription => {
      const inForce =
        document.inForceFrom <= asOf && (document.inForceUntil === undefined || asOf < document.inForceUntil);
      const text = articleTextOf(jurisdiction, rule.citation, registry);
      return {
        id: rule.id,
        kind: rule.kind,
        ...(rule.kind === 'quantity' ? { quantityName: rule.name } : { binding: rule.binding }),
        title: rule.title,
        jurisdiction,
        citation: rule.citation,
        ...(text !== undefined ? { articleText: text } : {}),
        document,
        inForce,
        facts: Object.values(rule.facts ?? {}),
        optionalFacts: Object.values(rule.optionalFacts ?? {}),
        parameters: [...(rule.params ?? [])],
        quantities: [...(rule.quantities ?? [])],
        interpretations: [...(rule.interpretations ?? [])],
        ...(replaces ? { replaces } : {}),
        ...(overrideCitation ? { overrideCitation } : {}),
      };
    },
  );
  return {
    asOf,
    jurisdictions: evaluator.packs.map((p) => ({
      code: p.code,
      name: p.name,
      parent: p.parent,
      documents: p.documents.map((d) => ({ ...d })),
    })),
    rules,
    parameters,
    interpretations: [...evaluator.interpretations],
    disabled: evaluator.disabled.map((d) => ({ ...d })),
  };
}

/**
 * The part of a rule id after its pack prefix (`ezhou.community-size` → `community-size`): packs
 * name the same requirement alike, so two jurisdictions' rules about one thing line up by it.
 */
export function ruleTopic(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(dot + 1);
}

export type DiffState = 'same' | 'different' | 'onlyA' | 'onlyB';

export interface RuleDiffRow {
  topic: string;
  state: DiffState;
  a?: RuleDescription;
  b?: RuleDescription;
  /** Parameters the two rules read, with each side's value, where either side reads them. */
  parameters: { name: string; label: string; unit: string; a?: number; b?: number }[];
}

export interface ParameterDiffRow {
  name: string;
  state: DiffState;
  a?: ParameterDescription;
  b?: ParameterDescription;
}

export interface ChainDiff {
  a: ChainDescription;
  b: ChainDescription;
  rules: RuleDiffRow[];
  parameters: ParameterDiffRow[];
  summary: Record<DiffState, number>;
}

/**
 * Two chains side by side. Rules pair up by topic; a pair is `same` when both come from the same
 * pack rule (a chain shared above both jurisdictions) or read equal parameter values under the same
 * citation, `different` otherwise.
 */
export function diffChains(a: ChainDescription, b: ChainDescription): ChainDiff {
  const paramsA = new Map(a.parameters.map((p) => [p.name, p]));
  const paramsB = new Map(b.parameters.map((p) => [p.name, p]));
  const rulesA = new Map(a.rules.map((r) => [ruleTopic(r.id), r]));
  const rulesB = new Map(b.rules.map((r) => [ruleTopic(r.id), r]));
  pairBySignature(rulesA, rulesB);
  const topics = [...new Set([...rulesA.keys(), ...rulesB.keys()])];

  const rules = topics.map((topic): RuleDiffRow => {
    const ra = rulesA.get(topic);
    const rb = rulesB.get(topic);
    const names = [...new Set([...(ra?.parameters ?? []), ...(rb?.parameters ?? [])])];
    const parameters = names.map((name) => {
      const pa = paramsA.get(name);
      const pb = paramsB.get(name);
      const described = pa ?? pb;
      return {
        name,
        label: described?.label ?? name,
        unit: described?.unit ?? '',
        ...(ra?.parameters.includes(name) && pa?.value !== undefined ? { a: pa.value } : {}),
        ...(rb?.parameters.includes(name) && pb?.value !== undefined ? { b: pb.value } : {}),
      };
    });
    let state: DiffState;
    if (!rb) state = 'onlyA';
    else if (!ra) state = 'onlyB';
    else {
      const sameSource =
        ra.id === rb.id && ra.jurisdiction === rb.jurisdiction && sameCitation(ra.citation, rb.citation);
      const sameFigures = parameters.every((p) => p.a === p.b);
      // Equal figures read as the same requirement, whichever document states them; a rule without
      // figures is the same only when it is the same rule of the same document.
      state = sameFigures && (parameters.length > 0 || sameSource) ? 'same' : 'different';
    }
    return { topic, state, ...(ra ? { a: ra } : {}), ...(rb ? { b: rb } : {}), parameters };
  });

  const parameterNames = [...new Set([...paramsA.keys(), ...paramsB.keys()])];
  const parameters = parameterNames.map((name): ParameterDiffRow => {
    const pa = paramsA.get(name);
    const pb = paramsB.get(name);
    const state: DiffState = !pb ? 'onlyA' : !pa ? 'onlyB' : pa.value === pb.value ? 'same' : 'different';
    return { name, state, ...(pa ? { a: pa } : {}), ...(pb ? { b: pb } : {}) };
  });

  const summary: Record<DiffState, number> = { same: 0, different: 0, onlyA: 0, onlyB: 0 };
  for (const row of rules) summary[row.state] += 1;
  return { a, b, rules, parameters, summary };
}

/**
 * Packs written apart do not always name one requirement alike (Jinshan's `staff-minimum`, Weihai's
 * `full-time-staff-minimum`). A rule left without a partner is paired with the other side's unpaired
 * rule of the same kind and binding that reads the same parameters; it is then listed under the
 * left side's topic.
 */
function pairBySignature(rulesA: Map<string, RuleDescription>, rulesB: Map<string, RuleDescription>): void {
  const signature = (r: RuleDescription) =>
    r.parameters.length === 0
      ? undefined
      : `${r.kind}|${r.binding ?? ''}|${[...r.parameters].sort().join(',')}`;
  const unpairedB = new Map<string, string>();
  for (const [topic, rule] of rulesB) {
    const key = signature(rule);
    if (!rulesA.has(topic) && key !== undefined && !unpairedB.has(key)) unpairedB.set(key, topic);
  }
  for (const [topic, rule] of rulesA) {
    if (rulesB.has(topic)) continue;
    const key = signature(rule);
    const partner = key === undefined ? undefined : unpairedB.get(key);
    if (key === undefined || partner === undefined) continue;
    const partnerRule = rulesB.get(partner);
    if (!partnerRule) continue;
    unpairedB.delete(key);
    rulesB.delete(partner);
    rulesB.set(topic, partnerRule);
  }
}

function sameCitation(x: Citation, y: Citation): boolean {
  return x.document === y.document && x.article === y.article && x.clause === y.clause;
}
