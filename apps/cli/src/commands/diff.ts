/**
 * `shequ diff CODE CODE [--as-of DATE] [--json]`: how two jurisdictions' rules differ, rule by
 * rule — rules only one applies, rules both apply with different parameters or citations — and,
 * because each city words its rules under its own ids, the figures both compute
 * (`minFacilityArea`, `fullTimeStaff`…) and the parameters both name, side by side.
 */

import {
  type ChainDescription,
  type ChainDiff,
  citationLabel,
  diffChains,
  type PackRegistry,
  type RuleDescription,
  type RuleDifference,
} from '@shequ/policy';
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { asOfOption, parseOptions, todayInChina } from './check.js';
import {
  describedJurisdiction,
  describeJurisdiction,
  type ParameterJson,
  parameterJson,
  parameterValueText,
  type RuleJson,
  ruleJson,
} from './explain.js';

export const summary = '比较两个辖区的规则：diff 代码A 代码B [--as-of 日期] [--json]';

/** A rule named in `--json` output. */
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
  a: RuleJson;
  b: RuleJson;
}

/** `shequ diff --json`: rules compared by id (the rules both apply, and those only one applies). */
export interface DiffJson {
  a: { code: string; name: string };
  b: { code: string; name: string };
  asOf: string;
  rules: { onlyA: RuleSummary[]; onlyB: RuleSummary[]; changed: RuleChange[]; same: string[] };
  /** Every quantity either computes, with the rule and citation each uses (null: not computed there). */
  quantities: { name: string; a: RuleSummary | null; b: RuleSummary | null }[];
  parameters: {
    onlyA: ParameterJson[];
    onlyB: ParameterJson[];
    different: { name: string; a: ParameterJson; b: ParameterJson }[];
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
  const diff = diffChains(a, b);
  process.stdout.write(
    values.json === true ? `${JSON.stringify(diffJson(diff), null, 2)}\n` : renderDiff(diffJson(diff)),
  );
  return 0;
}

function describeOrExplain(
  code: string,
  asOf: string,
  which: 'A' | 'B',
  registry: PackRegistry,
): ChainDescription {
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
  ...(r.quantityName ? { quantity: r.quantityName } : {}),
  title: r.title,
  jurisdiction: r.jurisdiction,
  citation: r.citation,
});

/** The comparison as `--json` gives it and the text reads it. */
export function diffJson(diff: ChainDiff): DiffJson {
  const { a, b, byId } = diff;
  const ruleOf = (d: ChainDescription, id: string | null) => d.rules.find((r) => r.id === id);
  const summaryOf = (d: ChainDescription, id: string | null) => {
    const rule = ruleOf(d, id);
    return rule ? summarise(rule) : null;
  };
  const changed = byId.changed.flatMap(({ id, differences }): RuleChange[] => {
    const ra = ruleOf(a, id);
    const rb = ruleOf(b, id);
    if (!ra || !rb) return [];
    return [
      {
        id,
        title: ra.title,
        differences: differences.map(differenceText),
        a: ruleJson(a, ra),
        b: ruleJson(b, rb),
      },
    ];
  });
  const sides = (state: 'onlyA' | 'onlyB') =>
    diff.parameters.flatMap((row) => {
      const p = state === 'onlyA' ? row.a : row.b;
      return row.state === state && p ? [parameterJson(p)] : [];
    });
  return {
    a: describedJurisdiction(a),
    b: describedJurisdiction(b),
    asOf: a.asOf,
    rules: {
      onlyA: byId.onlyA.flatMap((id) => summaryOf(a, id) ?? []),
      onlyB: byId.onlyB.flatMap((id) => summaryOf(b, id) ?? []),
      changed,
      same: byId.same,
    },
    quantities: diff.quantities.map((q) => ({ name: q.name, a: summaryOf(a, q.a), b: summaryOf(b, q.b) })),
    parameters: {
      onlyA: sides('onlyA'),
      onlyB: sides('onlyB'),
      different: diff.parameters.flatMap((row) =>
        row.state === 'different' && row.a && row.b
          ? [{ name: row.name, a: parameterJson(row.a), b: parameterJson(row.b) }]
          : [],
      ),
      same: diff.parameters.filter((row) => row.state === 'same').map((row) => row.name),
    },
  };
}

const inForceText = (inForce: boolean) => (inForce ? '在施行期内' : '不在施行期内');

function differenceText(d: RuleDifference): string {
  switch (d.field) {
    case 'citation':
      return `出处：${citationLabel(d.a)} → ${citationLabel(d.b)}`;
    case 'jurisdiction':
      return `来自政策包：${d.a} → ${d.b}`;
    case 'title':
      return `要求：${d.a} → ${d.b}`;
    case 'binding':
      return `效力：${d.a ?? '—'} → ${d.b ?? '—'}`;
    case 'inForce':
      return `施行：${inForceText(d.a)} → ${inForceText(d.b)}`;
    case 'settings':
      return `适用：${d.a.join('、')} → ${d.b.join('、')}`;
    case 'parameter':
      return `参数 ${d.name}：${d.a ? parameterValueText(d.a) : '不读取'} → ${d.b ? parameterValueText(d.b) : '不再读取'}`;
  }
}

function renderDiff(d: DiffJson): string {
  const name = (j: { code: string; name: string }) => `${j.name}（${j.code}）`;
  const rule = (r: RuleSummary) =>
    `  ${r.id}${r.quantity ? `［数量 ${r.quantity}］` : ''} ${r.title}  ${citationLabel(r.citation)}`;
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
  const where = (r: RuleSummary | null) => (r ? `${r.id}（${citationLabel(r.citation)}）` : '不计算');
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
