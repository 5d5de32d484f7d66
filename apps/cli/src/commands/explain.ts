/**
 * `shequ explain --jurisdiction CODE [--as-of DATE] [--json]`: every rule a jurisdiction applies —
 * its own and those it inherits — with its citation, its document's in-force period and the
 * parameters it reads with their values on the date, so a reader can check the code against the text.
 */
import type {
  Binding,
  ChainDescription,
  Citation,
  Interpretation,
  PackDocument,
  ParameterDescription,
  Setting,
} from '@shequ/policy';
import {
  citationLabel,
  describeChain,
  type PackRegistry,
  ruleParameter,
  shippedRegistry,
} from '@shequ/policy';
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { asOfOption, chainOf, optionalString, parseOptions, todayInChina } from './check.js';

export const summary =
  '说明一个辖区适用的全部规则、出处与参数：explain --jurisdiction 代码 [--as-of 日期] [--json] [--pack 模块]…';

/** A parameter in `--json` output (a stable shape for scripts: `value` is null where none is set). */
export interface ParameterJson {
  name: string;
  label: string;
  unit: string;
  /** The value in effect on the date; null when the documents set none (callers supply it with --params). */
  value: number | null;
  /** The date the value applies from. */
  from?: string;
  /** Code of the pack that supplies the value. */
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

/** A rule in `--json` output, with the parameters it reads described in place. */
export interface RuleJson {
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
  parameters: ParameterJson[];
  quantities: string[];
  interpretations: readonly Interpretation[];
  replaces?: string;
  overrideCitation?: Citation;
}

/** `shequ explain --json`. */
export interface ExplainJson {
  jurisdiction: { code: string; name: string };
  asOf: string;
  /** The chain applied, shallowest first. */
  packs: { code: string; name: string; parent: string | null; documents: readonly PackDocument[] }[];
  rules: RuleJson[];
  parameters: ParameterJson[];
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
    values.json === true
      ? `${JSON.stringify(explainJson(description), null, 2)}\n`
      : renderDescription(description),
  );
  return 0;
}

/** Every rule and parameter of a jurisdiction's pack chain as it stands on `asOf`. */
export function describeJurisdiction(
  code: string,
  asOf: string,
  registry: PackRegistry = shippedRegistry,
): ChainDescription {
  return describeChain(chainOf(code, '--jurisdiction', registry), asOf, registry);
}

/** The jurisdiction a description is of: the last pack of its chain. */
export function describedJurisdiction(d: ChainDescription): { code: string; name: string } {
  const chosen = d.jurisdictions[d.jurisdictions.length - 1];
  return { code: chosen?.code ?? '', name: chosen?.name ?? '' };
}

export function parameterJson(p: ParameterDescription): ParameterJson {
  return {
    name: p.name,
    label: p.label,
    unit: p.unit,
    value: p.value ?? null,
    ...(p.from ? { from: p.from } : {}),
    suppliedBy: p.suppliedBy,
    ...(p.citation ? { citation: p.citation } : {}),
    ...(p.source ? { source: p.source } : {}),
    ...(p.firstFrom ? { firstFrom: p.firstFrom } : {}),
    ...(p.replaces ? { replaces: p.replaces } : {}),
    ...(p.overrideCitation ? { overrideCitation: p.overrideCitation } : {}),
  };
}

export function ruleJson(d: ChainDescription, r: ChainDescription['rules'][number]): RuleJson {
  return {
    id: r.id,
    kind: r.kind,
    ...(r.quantityName ? { quantity: r.quantityName } : {}),
    title: r.title,
    jurisdiction: r.jurisdiction,
    ...(r.binding ? { binding: r.binding } : {}),
    citation: r.citation,
    document: r.document,
    inForce: r.inForce,
    settings: r.settings,
    facts: r.facts,
    optionalFacts: r.optionalFacts,
    parameters: r.parameters.map((name) => parameterJson(ruleParameter(d, name))),
    quantities: r.quantities,
    interpretations: r.interpretations,
    ...(r.replaces ? { replaces: r.replaces } : {}),
    ...(r.overrideCitation ? { overrideCitation: r.overrideCitation } : {}),
  };
}

export function explainJson(d: ChainDescription): ExplainJson {
  return {
    jurisdiction: describedJurisdiction(d),
    asOf: d.asOf,
    packs: d.jurisdictions,
    rules: d.rules.map((r) => ruleJson(d, r)),
    parameters: d.parameters.map(parameterJson),
    disabled: d.disabled.map((x) => ({ rule: x.target, by: x.by, citation: x.citation, reason: x.reason })),
  };
}

// ---------------------------------------------------------------------------------------------
// Text for people

export function documentPeriod(d: PackDocument): string {
  return d.inForceUntil ? `${d.inForceFrom} 起至 ${d.inForceUntil} 止` : `${d.inForceFrom} 起施行`;
}

/** A parameter's value for people, from a description (`undefined`: none) or its JSON (`null`: none). */
export function parameterValueText(
  p: Pick<ParameterDescription, 'unit' | 'source' | 'firstFrom'> & { value: number | null | undefined },
): string {
  if (p.value == null && p.firstFrom) return `未定（${p.firstFrom} 起才有取值）`;
  if (p.value == null) return `未定（${p.source ?? '文件未规定数值'}，可用 --params 提供）`;
  return `${p.value}${p.unit ? ` ${p.unit}` : ''}`;
}

const settingNames: Record<Setting, string> = { urban: '城市', rural: '农村' };
const bindingNames: Record<Binding, string> = {
  binding: '约束性（不符合为 fail）',
  guiding: '指导性（不符合为 warn）',
};

function renderDescription(d: ChainDescription): string {
  const lines: string[] = [];
  const jurisdiction = describedJurisdiction(d);
  lines.push(`${jurisdiction.name}（${jurisdiction.code}）适用的政策规则，按 ${d.asOf} 计`);
  lines.push('');
  lines.push('政策包与文件：');
  for (const p of d.jurisdictions) {
    for (const doc of p.documents)
      lines.push(`  ${p.name}（${p.code}）《${doc.title}》${documentPeriod(doc)}`);
  }
  const checks = d.rules.filter((r) => r.kind === 'check').length;
  lines.push('');
  lines.push(`规则 ${d.rules.length} 条（检查 ${checks} 条，计算数量 ${d.rules.length - checks} 条）：`);
  for (const r of d.rules) {
    lines.push('');
    const kind = r.kind === 'quantity' ? `数量 ${r.quantityName}` : '检查';
    lines.push(`■ ${r.id}［${kind}］${r.title}`);
    lines.push(
      `  出处：${citationLabel(r.citation)}${r.inForce ? '' : `（${d.asOf} 不在施行期内：${documentPeriod(r.document)}）`}`,
    );
    lines.push(`  原文：${r.citation.quote}`);
    if (r.binding) lines.push(`  效力：${bindingNames[r.binding]}`);
    lines.push(`  适用：${r.settings.map((s) => settingNames[s]).join('、')}社区`);
    if (r.facts.length > 0 || r.optionalFacts.length > 0) {
      const optional = r.optionalFacts.map((f) => `${f}（可选）`);
      lines.push(`  事实：${[...r.facts, ...optional].join('、')}`);
    }
    if (r.quantities.length > 0) lines.push(`  使用数量：${r.quantities.join('、')}`);
    for (const p of r.parameters.map((name) => ruleParameter(d, name))) {
      const where = p.citation ? `，${citationLabel(p.citation)}${p.from ? `，自 ${p.from}` : ''}` : '';
      lines.push(`  参数 ${p.name}（${p.label}）= ${parameterValueText(p)}${where}`);
    }
    for (const i of r.interpretations) {
      lines.push(`  解释 ${i.id}：${i.name}`);
      lines.push(`    采用：${i.chosen}`);
      lines.push(`    另一读法（--alternative ${i.id}）：${i.alternative}`);
    }
    if (r.replaces) {
      const basis = r.overrideCitation ? `，依据 ${citationLabel(r.overrideCitation)}` : '';
      lines.push(`  替换上级规则 ${r.replaces}${basis}`);
    }
  }
  if (d.disabled.length > 0) {
    lines.push('');
    lines.push('停用的上级规则：');
    for (const x of d.disabled)
      lines.push(`  ${x.target}：由 ${x.by} 停用，${x.reason}（${citationLabel(x.citation)}）`);
  }
  lines.push('');
  lines.push(`参数 ${d.parameters.length} 个（check 时可用 --params 覆盖）：`);
  for (const p of d.parameters) {
    const where = p.citation ? `（${citationLabel(p.citation)}）` : '';
    lines.push(`  ${p.name}  ${p.label} = ${parameterValueText(p)}${where}`);
  }
  return `${lines.join('\n')}\n`;
}
