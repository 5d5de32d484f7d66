/**
 * `shequ diff CODE CODE [--as-of DATE] [--json]`: how two jurisdictions' rules differ, rule by
 * rule — rules only one applies, rules both apply with different parameters or citations — and,
 * because each city words its rules under its own ids, the figures both compute
 * (`minFacilityArea`, `fullTimeStaff`…) and the parameters both name, side by side.
 */

import type { PackRegistry } from '@shequ/policy';
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { asOfOption, parseOptions, todayInChina } from './check.js';
import {
  citationText,
  describeJurisdiction,
  type JurisdictionDescription,
  type ParameterDescription,
  parameterValueText,
  type RuleDescription,
} from './explain.js';

export const summary = '比较两个辖区的规则：diff 代码A 代码B [--as-of 日期] [--json]';

export interface RuleSummary {
  id: string;
  kind: 'check' | 'quantity';
  quantity?: string;
  title: string;
  jurisdiction: string;
  citation: RuleDescription['citation'];
}

export interface RuleChange {
  id: string;
  title: string;
  /** zh-CN, one line per difference. */
  differences: string[];
  a: RuleDescription;
  b: RuleDescription;
}

export interface JurisdictionDiff {
  a: { code: string; name: string };
  b: { code: string; name: string };
  asOf: string;
  rules: { onlyA: RuleSummary[]; onlyB: RuleSummary[]; changed: RuleChange[]; same: string[] };
  /** Every quantity either computes, with the rule and citation each uses (null: not computed there). */
  quantities: { name: string; a: RuleSummary | null; b: RuleSummary | null }[];
  parameters: {
    onlyA: ParameterDescription[];
    onlyB: ParameterDescription[];
    different: { name: string; a: ParameterDescription; b: ParameterDescription }[];
    same: string[];
  };
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
    ...packOption,
  });
  const registry = await registryWith(packModules(values.pack));
  const problems: string[] = [];
  if (positionals.length !== 2)
    problems.push(
      '用法: shequ diff 代码A 代码B [--as-of YYYY-MM-DD] [--json] [--pack 模块]…（代码见 shequ jurisdictions）',
    );
  const asOf = asOfOption(values['as-of'], problems) ?? todayInChina();
  if (problems.length > 0) throw new UsageError(problems);
  const [codeA, codeB] = positionals as [string, string];
  const a = describeOrExplain(codeA, asOf, 'A', registry);
  const b = describeOrExplain(codeB, asOf, 'B', registry);
  const diff = diffJurisdictions(a, b);
  process.stdout.write(values.json === true ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff));
  return 0;
}

function describeOrExplain(
  code: string,
  asOf: string,
  which: 'A' | 'B',
  registry: PackRegistry,
): JurisdictionDescription {
  try {
    return describeJurisdiction(code, asOf, registry);
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(error.problems.map((p) => p.replace('--jurisdiction', `代码${which}`)));
    throw error;
  }
}

const summarise = (r: RuleDescription): RuleSummary => ({
  id: r.id,
  kind: r.kind,
  ...(r.quantity ? { quantity: r.quantity } : {}),
  title: r.title,
  jurisdiction: r.jurisdiction,
  citation: r.citation,
});

export function diffJurisdictions(a: JurisdictionDescription, b: JurisdictionDescription): JurisdictionDiff {
  const rulesB = new Map(b.rules.map((r) => [r.id, r]));
  const idsA = new Set(a.rules.map((r) => r.id));
  const changed: RuleChange[] = [];
  const same: string[] = [];
  for (const ruleA of a.rules) {
    const ruleB = rulesB.get(ruleA.id);
    if (!ruleB) continue;
    const differences = ruleDifferences(ruleA, ruleB);
    if (differences.length === 0) same.push(ruleA.id);
    else changed.push({ id: ruleA.id, title: ruleA.title, differences, a: ruleA, b: ruleB });
  }

  const quantityNames = [
    ...new Set([...a.rules, ...b.rules].flatMap((r) => (r.quantity ? [r.quantity] : []))),
  ];
  const quantityRule = (d: JurisdictionDescription, name: string) => {
    const rule = d.rules.find((r) => r.quantity === name);
    return rule ? summarise(rule) : null;
  };

  const parametersB = new Map(b.parameters.map((p) => [p.name, p]));
  const namesA = new Set(a.parameters.map((p) => p.name));
  const different: JurisdictionDiff['parameters']['different'] = [];
  const sameParameters: string[] = [];
  for (const pa of a.parameters) {
    const pb = parametersB.get(pa.name);
    if (!pb) continue;
    if (pa.value === pb.value && pa.unit === pb.unit) sameParameters.push(pa.name);
    else different.push({ name: pa.name, a: pa, b: pb });
  }

  return {
    a: a.jurisdiction,
    b: b.jurisdiction,
    asOf: a.asOf,
    rules: {
      onlyA: a.rules.filter((r) => !rulesB.has(r.id)).map(summarise),
      onlyB: b.rules.filter((r) => !idsA.has(r.id)).map(summarise),
      changed,
      same,
    },
    quantities: quantityNames.map((name) => ({ name, a: quantityRule(a, name), b: quantityRule(b, name) })),
    parameters: {
      onlyA: a.parameters.filter((p) => !parametersB.has(p.name)),
      onlyB: b.parameters.filter((p) => !namesA.has(p.name)),
      different,
      same: sameParameters,
    },
  };
}

function ruleDifferences(a: RuleDescription, b: RuleDescription): string[] {
  const out: string[] = [];
  if (citationText(a.citation) !== citationText(b.citation) || a.citation.quote !== b.citation.quote)
    out.push(`出处：${citationText(a.citation)} → ${citationText(b.citation)}`);
  if (a.jurisdiction !== b.jurisdiction) out.push(`来自政策包：${a.jurisdiction} → ${b.jurisdiction}`);
  if (a.title !== b.title) out.push(`要求：${a.title} → ${b.title}`);
  if (a.binding !== b.binding) out.push(`效力：${a.binding ?? '—'} → ${b.binding ?? '—'}`);
  if (a.inForce !== b.inForce)
    out.push(
      `施行：${a.inForce ? '在施行期内' : '不在施行期内'} → ${b.inForce ? '在施行期内' : '不在施行期内'}`,
    );
  if (a.settings.join() !== b.settings.join())
    out.push(`适用：${a.settings.join('、')} → ${b.settings.join('、')}`);
  const paramsB = new Map(b.parameters.map((p) => [p.name, p]));
  for (const p of a.parameters) {
    const q = paramsB.get(p.name);
    if (!q) out.push(`参数 ${p.name}：${parameterValueText(p)} → 不再读取`);
    else if (p.value !== q.value)
      out.push(`参数 ${p.name}：${parameterValueText(p)} → ${parameterValueText(q)}`);
  }
  for (const q of b.parameters) {
    if (!a.parameters.some((p) => p.name === q.name))
      out.push(`参数 ${q.name}：不读取 → ${parameterValueText(q)}`);
  }
  return out;
}

function renderDiff(d: JurisdictionDiff): string {
  const name = (j: { code: string; name: string }) => `${j.name}（${j.code}）`;
  const rule = (r: RuleSummary) =>
    `  ${r.id}${r.quantity ? `［数量 ${r.quantity}］` : ''} ${r.title}  ${citationText(r.citation)}`;
  const lines: string[] = [`${name(d.a)} 与 ${name(d.b)} 的规则比较，按 ${d.asOf} 计`, ''];
  lines.push(`仅 ${name(d.a)} 有的规则（${d.rules.onlyA.length} 条）：`, ...d.rules.onlyA.map(rule), '');
  lines.push(`仅 ${name(d.b)} 有的规则（${d.rules.onlyB.length} 条）：`, ...d.rules.onlyB.map(rule), '');
  lines.push(`两者都有但不同的规则（${d.rules.changed.length} 条）：`);
  for (const c of d.rules.changed) {
    lines.push(`  ${c.id} ${c.title}`);
    for (const x of c.differences) lines.push(`    ${x}`);
  }
  lines.push(`两者相同的规则：${d.rules.same.length} 条`, '');
  lines.push('计算的数量：');
  const where = (r: RuleSummary | null) => (r ? `${r.id}（${citationText(r.citation)}）` : '不计算');
  for (const q of d.quantities) lines.push(`  ${q.name}：${where(q.a)} ｜ ${where(q.b)}`);
  lines.push('');
  lines.push(`同名但取值不同的参数（${d.parameters.different.length} 个）：`);
  for (const p of d.parameters.different) {
    lines.push(`  ${p.name}（${p.a.label}）：${parameterValueText(p.a)} ｜ ${parameterValueText(p.b)}`);
  }
  if (d.parameters.same.length > 0) lines.push(`同名同值的参数：${d.parameters.same.join('、')}`);
  lines.push(`仅 ${name(d.a)} 有的参数：${d.parameters.onlyA.map((p) => p.name).join('、') || '无'}`);
  lines.push(`仅 ${name(d.b)} 有的参数：${d.parameters.onlyB.map((p) => p.name).join('、') || '无'}`);
  return `${lines.join('\n')}\n`;
}
