/**
 * Constructors for pack authors. They type each rule's `evaluate`/`compute` against its declared
 * facts, parameters and quantities, and check a pack's internal consistency when it is defined.
 */
import { divisionLevel, isIsoDate, isWithin, NATIONAL_CODE } from '@shequ/domain';
import { isFactPath } from './facts.js';
import type {
  AnyCheckRule,
  AnyQuantityRule,
  CheckRule,
  Citation,
  FactMap,
  Override,
  Pack,
  PackDocument,
  Parameter,
  ParameterValue,
  QuantityRule,
  Rule,
  Setting,
} from './types.js';

/** Thrown when a pack (or a chain of packs) is inconsistent: the message names the pack(s) and the target. */
export class PackDefinitionError extends Error {
  override name = 'PackDefinitionError';
}

type NoFacts = Record<never, never>;
type NoNames = readonly [];

/** A check: evaluates to pass/fail/warn/not-applicable/unknown. */
export function check<
  const F extends FactMap = NoFacts,
  const O extends FactMap = NoFacts,
  const P extends readonly string[] = NoNames,
  const Q extends readonly string[] = NoNames,
>(rule: Omit<CheckRule<F, O, P, Q>, 'kind'>): AnyCheckRule {
  return { ...rule, kind: 'check' } as unknown as AnyCheckRule;
}

/** A quantity: computes a named figure once per evaluation, for checks to use. */
export function quantity<
  const N extends string,
  const F extends FactMap = NoFacts,
  const O extends FactMap = NoFacts,
  const P extends readonly string[] = NoNames,
  const Q extends readonly string[] = NoNames,
>(rule: Omit<QuantityRule<N, F, O, P, Q>, 'kind'>): AnyQuantityRule {
  return { ...rule, kind: 'quantity' } as unknown as AnyQuantityRule;
}

/** A parameter; values are sorted by `from` so lookups can pick the latest value in effect. */
export function parameter(definition: Parameter): Parameter {
  return { ...definition, values: [...definition.values].sort((a, b) => a.from.localeCompare(b.from)) };
}

/**
 * A citation helper bound to one document: `const cite = citeFrom(DOCUMENT)`, then
 * `cite('第十七条', '“两委”成员按照…')` or `cite('第七条（二）', '…')`. A clause passed apart
 * (`cite('第七条', '…', '（二）')`) is joined to the article: `citation.article` always carries the
 * whole reference as the document numbers it (docs/interfaces.md §3).
 */
export function citeFrom(document: string) {
  return (article: string, quote: string, clause?: string): Citation => ({
    document,
    article: clause === undefined || article.endsWith(clause) ? article : `${article}${clause}`,
    quote,
  });
}

/**
 * Parameters one document sets from its entry into force, one line each:
 * `const ezhouParameter = parametersFrom(cite, IN_FORCE)`, then
 * `ezhouParameter('minCommunityHouseholds', '社区规模下限（户）', '户', 3000, '第五条', quote)`.
 */
export function parametersFrom(cite: (article: string, quote: string) => Citation, inForceFrom: string) {
  return (name: string, label: string, unit: string, amount: number, article: string, quote: string) =>
    parameter({ name, label, unit, values: [value(inForceFrom, amount, cite(article, quote))] });
}

/** A parameter value citing the document that sets it. */
export function value(from: string, amount: number, citation: Citation): ParameterValue {
  return { from, value: amount, citation };
}

export function replaceParameter(target: string, replacement: Parameter, citation: Citation): Override {
  if (replacement.name !== target) {
    throw new PackDefinitionError(`替换参数 ${target} 时新参数须同名，实际为 ${replacement.name}`);
  }
  return { action: 'replace-parameter', target, parameter: parameter(replacement), citation };
}

export function replaceRule(target: string, rule: Rule, citation: Citation): Override {
  return { action: 'replace-rule', target, rule, citation };
}

export function disableRule(target: string, citation: Citation, reason: string): Override {
  return { action: 'disable-rule', target, citation, reason };
}

export interface PackDefinition {
  code: string;
  name: string;
  parent?: string | null;
  documents: readonly PackDocument[];
  settings?: readonly Setting[];
  parameters?: readonly Parameter[];
  rules?: readonly Rule[];
  overrides?: readonly Override[];
  texts?: Pack['texts'];
}

/**
 * The documented form of a rule id, `<pack>.<kebab-name>` (`ezhou.community-size`): a lowercase
 * pack prefix, a dot, lowercase words joined by hyphens. Ids are stable within a major version.
 */
export const RULE_ID_FORM = /^[a-z][a-z0-9]*\.[a-z0-9]+(-[a-z0-9]+)*$/;

/** The pack prefix of a rule id: `ezhou` of `ezhou.community-size`. */
export const rulePrefix = (id: string): string => id.slice(0, id.indexOf('.'));

/** Depth of a jurisdiction code: the national pack above every province, then the division levels. */
export function codeDepth(code: string): number | undefined {
  if (code === NATIONAL_CODE) return -1;
  const level = divisionLevel(code);
  return level === undefined
    ? undefined
    : { province: 0, city: 1, district: 2, street: 3, community: 4 }[level];
}

/**
 * Whether `code` may name `parent` as the pack it extends: the parent lies strictly above it and
 * its code begins with the parent's significant prefix (docs/interfaces.md §1, §7).
 */
export function nestsUnder(code: string, parent: string): boolean {
  const depth = codeDepth(code);
  const parentDepth = codeDepth(parent);
  if (depth === undefined || parentDepth === undefined || parentDepth >= depth) return false;
  return isWithin(code, parent);
}

/** Real calendar dates only (a pack dated 2019-02-30 is an error at load time). */
const isoDate = { test: isIsoDate };

/**
 * Defines a pack and checks it on its own: a valid jurisdiction code, dated documents, every
 * citation naming one of the pack's documents, unique rule ids, parameter names and quantity
 * names, declared fact paths that exist in the snapshot format, and parameter reads that resolve
 * within the pack or its overrides (reads of a parent's parameters are checked by `compile`).
 */
export function definePack(definition: PackDefinition): Pack {
  const pack: Pack = {
    code: definition.code,
    name: definition.name,
    parent: definition.parent ?? null,
    documents: definition.documents,
    settings: definition.settings ?? ['urban', 'rural'],
    parameters: (definition.parameters ?? []).map(parameter),
    rules: definition.rules ?? [],
    overrides: definition.overrides ?? [],
    ...(definition.texts ? { texts: definition.texts } : {}),
  };
  const problems = packProblems(pack);
  if (problems.length > 0) {
    throw new PackDefinitionError(`政策包 ${pack.code}（${pack.name}）定义有误：\n${problems.join('\n')}`);
  }
  return pack;
}

function packProblems(pack: Pack): string[] {
  const problems: string[] = [];
  if (pack.code !== NATIONAL_CODE && !divisionLevel(pack.code))
    problems.push(`code: ${pack.code} 不是有效的行政区划代码`);
  if (pack.code === NATIONAL_CODE) {
    if (pack.parent !== null) problems.push('parent: 全国政策包 000000 没有上级');
  } else if (pack.parent !== null && !nestsUnder(pack.code, pack.parent)) {
    problems.push(
      `parent: 代码 ${pack.code} 不在上级 ${pack.parent} 之下（须以上级的有效前缀开头且层级更低）`,
    );
  }
  if (pack.documents.length === 0) problems.push('documents: 至少需要一份文件');
  const titles = new Set<string>();
  for (const doc of pack.documents) {
    titles.add(doc.title);
    if (!isoDate.test(doc.inForceFrom))
      problems.push(`documents: 《${doc.title}》的 inForceFrom 应为 YYYY-MM-DD`);
    if (doc.inForceUntil !== undefined && !isoDate.test(doc.inForceUntil)) {
      problems.push(`documents: 《${doc.title}》的 inForceUntil 应为 YYYY-MM-DD`);
    }
  }
  const citationProblem = (where: string, citation: Citation) => {
    if (!citation.article) problems.push(`${where}: 引用缺少条款号`);
    if (!citation.quote) problems.push(`${where}: 引用缺少原文`);
  };
  const ownCitation = (where: string, citation: Citation) => {
    citationProblem(where, citation);
    if (!titles.has(citation.document))
      problems.push(`${where}: 引用的文件《${citation.document}》不在本包 documents 中`);
  };
  const parameterNames = new Set<string>();
  for (const p of pack.parameters) {
    if (parameterNames.has(p.name)) problems.push(`parameters: 参数 ${p.name} 重复定义`);
    parameterNames.add(p.name);
    for (const v of p.values) {
      if (!isoDate.test(v.from)) problems.push(`parameters.${p.name}: 取值的 from 应为 YYYY-MM-DD`);
      citationProblem(`parameters.${p.name}`, v.citation);
    }
  }
  const ruleIds = new Set<string>();
  const quantityNames = new Set<string>();
  const prefixes = new Set<string>();
  const ruleProblems = (rule: Rule, where: string) => {
    if (RULE_ID_FORM.test(rule.id)) prefixes.add(rulePrefix(rule.id));
    else problems.push(`${where}: 规则编号应为 <包名>.<小写连字符名称>，如 ezhou.community-size`);
    ownCitation(where, rule.citation);
    for (const path of [...Object.values(rule.facts ?? {}), ...Object.values(rule.optionalFacts ?? {})]) {
      if (!isFactPath(path)) problems.push(`${where}: 快照格式中没有事实 ${path}`);
    }
  };
  for (const rule of pack.rules) {
    const where = `rules.${rule.id}`;
    if (ruleIds.has(rule.id)) problems.push(`${where}: 规则编号重复`);
    ruleIds.add(rule.id);
    if (rule.kind === 'quantity') {
      if (quantityNames.has(rule.name)) problems.push(`${where}: 数量 ${rule.name} 重复定义`);
      quantityNames.add(rule.name);
    }
    ruleProblems(rule, where);
  }
  const targets = new Set<string>();
  for (const o of pack.overrides) {
    const where = `overrides.${o.target}`;
    if (targets.has(`${o.action}:${o.target}`)) problems.push(`${where}: 同一目标重复覆盖`);
    targets.add(`${o.action}:${o.target}`);
    ownCitation(where, o.citation);
    if (o.action === 'replace-rule') ruleProblems(o.rule, `${where}.rule`);
    if (o.action === 'replace-parameter') {
      for (const v of o.parameter.values) citationProblem(`${where}.parameter`, v.citation);
    }
  }
  if (prefixes.size > 1)
    problems.push(`rules: 本包规则编号的包名前缀应一致，实际有 ${[...prefixes].join('、')}`);
  return problems;
}

/**
 * A result text built only when the caller wants full results: `actual: later(() => `${n}户`)`.
 * Passing the function through `later` rather than writing a bare arrow as the property keeps
 * transpilers that preserve function names (tsx, vitest: esbuild `keepNames`) from wrapping every
 * closure in a renaming call as it is created — a cost per evaluation larger than the text saved.
 */
export function later(build: () => string): () => string {
  return build;
}
