/**
 * A pack chain described for a reader — every rule with its citation, article text, document and
 * whether that document is in force on a date; every parameter with the value in effect on the date,
 * its dated history and where values come from; the interpretations of ambiguous wording; the rules
 * a lower pack disabled — and two such descriptions compared. The policy explorer, its spreadsheet
 * exports and `shequ explain` / `shequ diff` all read these, so they cannot drift apart.
 */
import type { ChainParameter, Evaluator } from './engine/index.js';
import type {
  Binding,
  Citation,
  Interpretation,
  Pack,
  PackDocument,
  ParameterReading,
  Setting,
} from './engine/types.js';
import type { PackRegistry } from './packs/registry.js';

/** Whether a document is in force on `asOf` (ISO dates; `inForceUntil` is exclusive). */
export function documentInForce(document: PackDocument, asOf: string): boolean {
  return (
    document.inForceFrom <= asOf && (document.inForceUntil === undefined || asOf < document.inForceUntil)
  );
}

export interface ParameterDescription extends ParameterReading {
  label: string;
  /** Where values come from when no document sets one (a yearly published figure, say). */
  source?: string;
  /** With no value on the date: the date the first value applies from, if any. */
  firstFrom?: string;
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
  /** The cited article's text, where the pack ships its document's text. */
  articleText?: string;
  document: PackDocument;
  /** Whether `document` is in force on the description's date. */
  inForce: boolean;
  settings: readonly Setting[];
  facts: string[];
  optionalFacts: string[];
  /** Names of the parameters the rule reads (described in the chain's `parameters`). */
  parameters: string[];
  quantities: string[];
  interpretations: Interpretation[];
  replaces?: string;
  overrideCitation?: Citation;
}

export interface ChainDescription {
  asOf: string;
  /** The chain, shallowest first: the last entry is the jurisdiction described. */
  jurisdictions: { code: string; name: string; parent: string | null; documents: PackDocument[] }[];
  rules: RuleDescription[];
  parameters: ParameterDescription[];
  interpretations: Interpretation[];
  disabled: { target: string; by: string; citation: Citation; reason: string }[];
}

/** The registry's part a description reads: the chain's evaluator and the shipped article texts. */
export type DescriptionRegistry = Pick<PackRegistry, 'evaluatorFor' | 'articleText'>;

/**
 * Every rule and parameter of a pack chain as it stands on `asOf`. Pass the chain's evaluator, or
 * the chain itself (compiled with `registry`). Article texts come from `registry`: a pack's texts
 * carry only its own documents, so each rule's text is looked up under the pack whose document it cites.
 */
export function describeChain(
  evaluatorOrChain: Evaluator | readonly Pack[],
  asOf: string,
  registry: DescriptionRegistry,
): ChainDescription {
  const evaluator = isEvaluator(evaluatorOrChain)
    ? evaluatorOrChain
    : registry.evaluatorFor(evaluatorOrChain);
  const parameters = evaluator.parameters.map((p) => describeParameter(evaluator, p, asOf));
  const rules = evaluator.rules.map(
    ({ rule, jurisdiction, document, settings, replaces, overrideCitation }): RuleDescription => {
      const { citation } = rule;
      // The document picks the version where a pack holds several (the national law's 2018 text and 2025 revision).
      const text = registry.articleText(jurisdiction, citation.article, citation.clause, citation.document);
      return {
        id: rule.id,
        kind: rule.kind,
        ...(rule.kind === 'quantity' ? { quantityName: rule.name } : { binding: rule.binding }),
        title: rule.title,
        jurisdiction,
        citation,
        ...(text !== undefined ? { articleText: text } : {}),
        document,
        inForce: documentInForce(document, asOf),
        settings: [...settings],
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

function isEvaluator(x: Evaluator | readonly Pack[]): x is Evaluator {
  return typeof x === 'function';
}

function describeParameter(evaluator: Evaluator, chainParameter: ChainParameter, asOf: string) {
  const { parameter } = chainParameter;
  // The reading names the pack whose value is in effect: before a replacing parameter's first
  // date, that is the higher pack whose value still stands.
  const reading = evaluator.parameterValue(parameter.name, asOf) ?? {
    name: parameter.name,
    value: undefined,
    unit: parameter.unit,
    suppliedBy: chainParameter.suppliedBy,
  };
  const first = parameter.values[0];
  return {
    ...reading,
    label: parameter.label,
    ...(parameter.source ? { source: parameter.source } : {}),
    ...(reading.value === undefined && first ? { firstFrom: first.from } : {}),
    ...(chainParameter.replaces ? { replaces: chainParameter.replaces } : {}),
    ...(chainParameter.overrideCitation ? { overrideCitation: chainParameter.overrideCitation } : {}),
    history: parameter.values.map((v) => ({ from: v.from, value: v.value, citation: v.citation })),
  } satisfies ParameterDescription;
}

/**
 * The parameter a rule reads, as its chain describes it. A name the chain does not describe (which
 * compilation prevents) reads as a parameter without value, label or unit rather than failing.
 */
export function ruleParameter(chain: ChainDescription, name: string): ParameterDescription {
  return (
    chain.parameters.find((p) => p.name === name) ?? {
      name,
      value: undefined,
      unit: '',
      suppliedBy: '',
      label: name,
      history: [],
    }
  );
}

// ---------------------------------------------------------------------------------------------
// Two chains compared

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

/** One way a rule both chains apply under the same id differs between them. */
export type RuleDifference =
  | { field: 'citation'; a: Citation; b: Citation }
  | { field: 'jurisdiction' | 'title'; a: string; b: string }
  | { field: 'binding'; a?: Binding; b?: Binding }
  | { field: 'inForce'; a: boolean; b: boolean }
  | { field: 'settings'; a: readonly Setting[]; b: readonly Setting[] }
  /** A parameter only one side reads (the other side absent) or that the two read with other values. */
  | { field: 'parameter'; name: string; a?: ParameterDescription; b?: ParameterDescription };

export interface ChainDiff {
  a: ChainDescription;
  b: ChainDescription;
  /** Rules paired by requirement (topic, or failing that the parameters they read), side by side. */
  rules: RuleDiffRow[];
  /**
   * Rules paired by id only: those both chains apply (inherited ones, or an id both packs use) with
   * what differs between them, and the ids only one chain applies, each in its chain's order.
   */
  byId: {
    onlyA: string[];
    onlyB: string[];
    changed: { id: string; differences: RuleDifference[] }[];
    same: string[];
  };
  /** Every quantity either chain computes, with the id of the rule computing it on each side (null: not computed). */
  quantities: { name: string; a: string | null; b: string | null }[];
  /** Parameters by name; `same` when the values are equal. */
  parameters: ParameterDiffRow[];
  /** How many rows of `rules` are in each state. */
  summary: Record<DiffState, number>;
}

/**
 * Two chains side by side, as they stand on their dates. Only the rules in force are rows of `rules`
 * (their document in force on the chain's `asOf`, `documentInForce`, as the checks decide): a superseded
 * version, such as the 2018 national text beside its 2025 revision, is no row; `byId` still says when a
 * rule came into force or ceased between the two. Rules pair up by topic;
 * a pair is `same` when both come from the same pack rule (a chain shared above both jurisdictions) or
 * read equal parameter values under the same citation, `different` otherwise.
 */
export function diffChains(a: ChainDescription, b: ChainDescription): ChainDiff {
  const paramsA = new Map(a.parameters.map((p) => [p.name, p]));
  const paramsB = new Map(b.parameters.map((p) => [p.name, p]));
  const rulesA = new Map(a.rules.filter((r) => r.inForce).map((r) => [ruleTopic(r.id), r]));
  const rulesB = new Map(b.rules.filter((r) => r.inForce).map((r) => [ruleTopic(r.id), r]));
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
    // The value alone decides: packs write one unit differently (`平方米/百户`, `平方米` for the
    // same area per hundred households), and a parameter's name fixes what it measures.
    const state: DiffState = !pb ? 'onlyA' : !pa ? 'onlyB' : pa.value === pb.value ? 'same' : 'different';
    return { name, state, ...(pa ? { a: pa } : {}), ...(pb ? { b: pb } : {}) };
  });

  const quantityNames = [...new Set([...a.rules, ...b.rules].flatMap((r) => r.quantityName ?? []))];
  const computing = (chain: ChainDescription, name: string) =>
    chain.rules.find((r) => r.quantityName === name)?.id ?? null;

  const summary: Record<DiffState, number> = { same: 0, different: 0, onlyA: 0, onlyB: 0 };
  for (const row of rules) summary[row.state] += 1;
  return {
    a,
    b,
    rules,
    byId: diffById(a, b),
    quantities: quantityNames.map((name) => ({ name, a: computing(a, name), b: computing(b, name) })),
    parameters,
    summary,
  };
}

function diffById(a: ChainDescription, b: ChainDescription): ChainDiff['byId'] {
  const idsA = new Set(a.rules.map((r) => r.id));
  const rulesB = new Map(b.rules.map((r) => [r.id, r]));
  const changed: ChainDiff['byId']['changed'] = [];
  const same: string[] = [];
  for (const ruleA of a.rules) {
    const ruleB = rulesB.get(ruleA.id);
    if (!ruleB) continue;
    const differences = ruleDifferences(a, ruleA, b, ruleB);
    if (differences.length === 0) same.push(ruleA.id);
    else changed.push({ id: ruleA.id, differences });
  }
  return {
    onlyA: a.rules.filter((r) => !rulesB.has(r.id)).map((r) => r.id),
    onlyB: b.rules.filter((r) => !idsA.has(r.id)).map((r) => r.id),
    changed,
    same,
  };
}

function ruleDifferences(
  chainA: ChainDescription,
  a: RuleDescription,
  chainB: ChainDescription,
  b: RuleDescription,
): RuleDifference[] {
  const out: RuleDifference[] = [];
  if (!sameCitation(a.citation, b.citation) || a.citation.quote !== b.citation.quote)
    out.push({ field: 'citation', a: a.citation, b: b.citation });
  if (a.jurisdiction !== b.jurisdiction)
    out.push({ field: 'jurisdiction', a: a.jurisdiction, b: b.jurisdiction });
  if (a.title !== b.title) out.push({ field: 'title', a: a.title, b: b.title });
  if (a.binding !== b.binding)
    out.push({
      field: 'binding',
      ...(a.binding ? { a: a.binding } : {}),
      ...(b.binding ? { b: b.binding } : {}),
    });
  if (a.inForce !== b.inForce) out.push({ field: 'inForce', a: a.inForce, b: b.inForce });
  if (a.settings.join() !== b.settings.join()) out.push({ field: 'settings', a: a.settings, b: b.settings });
  for (const name of a.parameters) {
    const pa = ruleParameter(chainA, name);
    if (!b.parameters.includes(name)) out.push({ field: 'parameter', name, a: pa });
    else {
      const pb = ruleParameter(chainB, name);
      if (pa.value !== pb.value) out.push({ field: 'parameter', name, a: pa, b: pb });
    }
  }
  for (const name of b.parameters) {
    if (!a.parameters.includes(name)) out.push({ field: 'parameter', name, b: ruleParameter(chainB, name) });
  }
  return out;
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
