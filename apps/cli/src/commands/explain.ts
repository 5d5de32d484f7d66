/**
 * `shequ explain --jurisdiction CODE [--as-of DATE] [--json]`: every rule a jurisdiction applies —
 * its own and those it inherits — with its citation, its document's in-force period and the
 * parameters it reads with their values on the date, so a reader can check the code against the text.
 */
import type {
  Binding,
  Citation,
  Evaluator,
  Interpretation,
  PackDocument,
  ParameterReading,
  Setting,
} from '@shequ/policy';
import { type PackRegistry, shippedRegistry } from '@shequ/policy';
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { asOfOption, chainOf, optionalString, parseOptions, todayInChina } from './check.js';

export const summary =
  '说明一个辖区适用的全部规则、出处与参数：explain --jurisdiction 代码 [--as-of 日期] [--json] [--pack 模块]…';

export interface ParameterDescription {
  name: string;
  label: string;
  unit: string;
  /** The value in effect on the date; null when the documents set none (callers supply it with --params). */
  value: number | null;
  /** The date the value applies from. */
  from?: string;
  /** Code of the pack that supplies the parameter. */
  suppliedBy: string;
  citation?: Citation;
  /** Where values come from when no document sets one. */
  source?: string;
  /** With no value on the date: the date the first value applies from, if any. */
  firstFrom?: string;
  /** The higher pack's parameter this one replaced, with the override's citation. */
  replaces?: string;
  overrideCitation?: Citation;
}

export interface RuleDescription {
  id: string;
  kind: 'check' | 'quantity';
  /** For a quantity: its name in `shequ check`'s `quantities`. */
  quantity?: string;
  title: string;
  jurisdiction: string;
  binding?: Binding;
  citation: Citation;
  document: PackDocument;
  /** Whether the document is in force on the date. */
  inForce: boolean;
  settings: readonly Setting[];
  facts: string[];
  optionalFacts: string[];
  parameters: ParameterDescription[];
  quantities: string[];
  interpretations: readonly Interpretation[];
  replaces?: string;
  overrideCitation?: Citation;
}

export interface JurisdictionDescription {
  jurisdiction: { code: string; name: string };
  asOf: string;
  /** The chain applied, shallowest first. */
  packs: { code: string; name: string; parent: string | null; documents: readonly PackDocument[] }[];
  rules: RuleDescription[];
  parameters: ParameterDescription[];
  disabled: { rule: string; by: string; citation: Citation; reason: string }[];
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    jurisdiction: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
    ...packOption,
  });
  const registry = await registryWith(packModules(values.pack));
  const problems: string[] = [];
  const code = optionalString(values.jurisdiction) ?? positionals[0];
  if (code === undefined) problems.push('--jurisdiction: 必填（政策包代码，见 shequ jurisdictions）');
  if (positionals.length > (values.jurisdiction === undefined ? 1 : 0))
    problems.push(`多余的参数：${positionals.join(' ')}`);
  const asOf = asOfOption(values['as-of'], problems) ?? todayInChina();
  if (problems.length > 0 || code === undefined) throw new UsageError(problems);

  const description = describeJurisdiction(code, asOf, registry);
  process.stdout.write(
    values.json === true ? `${JSON.stringify(description, null, 2)}\n` : renderDescription(description),
  );
  return 0;
}

/** Every rule and parameter of a shipped jurisdiction's pack chain as it stands on `asOf`. */
export function describeJurisdiction(
  code: string,
  asOf: string,
  registry: PackRegistry = shippedRegistry,
): JurisdictionDescription {
  const chain = chainOf(code, '--jurisdiction', registry);
  const evaluator = registry.evaluatorFor(chain);
  const chosen = chain[chain.length - 1]!;
  const parameterOf = parameterDescriber(evaluator, asOf);
  return {
    jurisdiction: { code: chosen.code, name: chosen.name },
    asOf,
    packs: chain.map((p) => ({ code: p.code, name: p.name, parent: p.parent, documents: p.documents })),
    rules: evaluator.rules.map(({ rule, jurisdiction, document, settings, replaces, overrideCitation }) => ({
      id: rule.id,
      kind: rule.kind,
      ...(rule.kind === 'quantity' ? { quantity: rule.name } : {}),
      title: rule.title,
      jurisdiction,
      ...(rule.kind === 'check' ? { binding: rule.binding } : {}),
      citation: rule.citation,
      document,
      inForce:
        document.inForceFrom <= asOf && (document.inForceUntil === undefined || asOf < document.inForceUntil),
      settings,
      facts: Object.values(rule.facts ?? {}),
      optionalFacts: Object.values(rule.optionalFacts ?? {}),
      parameters: (rule.params ?? []).map(parameterOf),
      quantities: [...(rule.quantities ?? [])],
      interpretations: rule.interpretations ?? [],
      ...(replaces ? { replaces } : {}),
      ...(overrideCitation ? { overrideCitation } : {}),
    })),
    parameters: evaluator.parameters.map((p) => parameterOf(p.parameter.name)),
    disabled: evaluator.disabled.map((d) => ({
      rule: d.target,
      by: d.by,
      citation: d.citation,
      reason: d.reason,
    })),
  };
}

function parameterDescriber(evaluator: Evaluator, asOf: string) {
  const byName = new Map(evaluator.parameters.map((p) => [p.parameter.name, p]));
  return (name: string): ParameterDescription => {
    const chainParameter = byName.get(name);
    const reading: ParameterReading | undefined = evaluator.parameterValue(name, asOf);
    const parameter = chainParameter?.parameter;
    return {
      name,
      label: parameter?.label ?? name,
      unit: parameter?.unit ?? '',
      value: reading?.value ?? null,
      ...(reading?.from ? { from: reading.from } : {}),
      suppliedBy: chainParameter?.suppliedBy ?? '',
      ...(reading?.citation ? { citation: reading.citation } : {}),
      ...(parameter?.source ? { source: parameter.source } : {}),
      ...(reading?.value === undefined && parameter?.values[0]
        ? { firstFrom: parameter.values[0].from }
        : {}),
      ...(chainParameter?.replaces ? { replaces: chainParameter.replaces } : {}),
      ...(chainParameter?.overrideCitation ? { overrideCitation: chainParameter.overrideCitation } : {}),
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Text for people

export function citationText(c: Citation): string {
  return `《${c.document}》${c.article}${c.clause ? c.clause : ''}`;
}

export function documentPeriod(d: PackDocument): string {
  return d.inForceUntil ? `${d.inForceFrom} 起至 ${d.inForceUntil} 止` : `${d.inForceFrom} 起施行`;
}

export function parameterValueText(p: ParameterDescription): string {
  if (p.value === null && p.firstFrom) return `未定（${p.firstFrom} 起才有取值）`;
  if (p.value === null) return `未定（${p.source ?? '文件未规定数值'}，可用 --params 提供）`;
  return `${p.value}${p.unit ? ` ${p.unit}` : ''}`;
}

const settingNames: Record<Setting, string> = { urban: '城市', rural: '农村' };
const bindingNames: Record<Binding, string> = {
  binding: '约束性（不符合为 fail）',
  guiding: '指导性（不符合为 warn）',
};

function renderDescription(d: JurisdictionDescription): string {
  const lines: string[] = [];
  lines.push(`${d.jurisdiction.name}（${d.jurisdiction.code}）适用的政策规则，按 ${d.asOf} 计`);
  lines.push('');
  lines.push('政策包与文件：');
  for (const p of d.packs) {
    for (const doc of p.documents)
      lines.push(`  ${p.name}（${p.code}）《${doc.title}》${documentPeriod(doc)}`);
  }
  const checks = d.rules.filter((r) => r.kind === 'check').length;
  lines.push('');
  lines.push(`规则 ${d.rules.length} 条（检查 ${checks} 条，计算数量 ${d.rules.length - checks} 条）：`);
  for (const r of d.rules) {
    lines.push('');
    const kind = r.kind === 'quantity' ? `数量 ${r.quantity}` : '检查';
    lines.push(`■ ${r.id}［${kind}］${r.title}`);
    lines.push(
      `  出处：${citationText(r.citation)}${r.inForce ? '' : `（${d.asOf} 不在施行期内：${documentPeriod(r.document)}）`}`,
    );
    lines.push(`  原文：${r.citation.quote}`);
    if (r.binding) lines.push(`  效力：${bindingNames[r.binding]}`);
    lines.push(`  适用：${r.settings.map((s) => settingNames[s]).join('、')}社区`);
    if (r.facts.length > 0 || r.optionalFacts.length > 0) {
      const optional = r.optionalFacts.map((f) => `${f}（可选）`);
      lines.push(`  事实：${[...r.facts, ...optional].join('、')}`);
    }
    if (r.quantities.length > 0) lines.push(`  使用数量：${r.quantities.join('、')}`);
    for (const p of r.parameters) {
      const where = p.citation ? `，${citationText(p.citation)}${p.from ? `，自 ${p.from}` : ''}` : '';
      lines.push(`  参数 ${p.name}（${p.label}）= ${parameterValueText(p)}${where}`);
    }
    for (const i of r.interpretations) {
      lines.push(`  解释 ${i.id}：${i.name}`);
      lines.push(`    采用：${i.chosen}`);
      lines.push(`    另一读法（--alternative ${i.id}）：${i.alternative}`);
    }
    if (r.replaces) {
      const basis = r.overrideCitation ? `，依据 ${citationText(r.overrideCitation)}` : '';
      lines.push(`  替换上级规则 ${r.replaces}${basis}`);
    }
  }
  if (d.disabled.length > 0) {
    lines.push('');
    lines.push('停用的上级规则：');
    for (const x of d.disabled)
      lines.push(`  ${x.rule}：由 ${x.by} 停用，${x.reason}（${citationText(x.citation)}）`);
  }
  lines.push('');
  lines.push(`参数 ${d.parameters.length} 个（check 时可用 --params 覆盖）：`);
  for (const p of d.parameters) {
    const where = p.citation ? `（${citationText(p.citation)}）` : '';
    lines.push(`  ${p.name}  ${p.label} = ${parameterValueText(p)}${where}`);
  }
  return `${lines.join('\n')}\n`;
}
