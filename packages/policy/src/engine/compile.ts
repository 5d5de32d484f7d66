/**
 * Composition. `compile(packs)` resolves a chain of packs (nation → province → city → district → town) into
 * one flat list of rules once, and hands it to `buildEvaluator` (`evaluator.ts`), whose evaluator is
 * synchronous and allocates little per community, so a whole country can be checked in one pass.
 */
import type { ChainParameter, ChainRule, DisabledRule, Evaluator } from './chain.js';
import { codeDepth, PackDefinitionError, rulePrefix } from './define.js';
import { buildEvaluator } from './evaluator.js';
import type { Pack, PackDocument, Rule } from './types.js';

export {
  type ChainParameter,
  type ChainRule,
  type DisabledRule,
  EvaluationInputError,
  type Evaluator,
} from './chain.js';

function packDepth(pack: Pack): number {
  // The national pack sits above every province: its rules are the ones a province replaces.
  const depth = codeDepth(pack.code);
  if (depth === undefined) throw new PackDefinitionError(`政策包 ${pack.code}：不是有效的行政区划代码`);
  return depth;
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
  assertParentsInChain(chain);

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
          previous: current,
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

/**
 * Every pack but the shallowest extends a pack of the chain: its `parent` is there (so composing
 * Jiangsu with a Hubei city is an error, not a chain of foreign rules), and no two packs share a
 * rule-id prefix. The shallowest pack may stand without its ancestors, so a pack can be compiled
 * and tested alone (`compile([ezhouPack])`); a registry always composes the whole chain.
 */
function assertParentsInChain(chain: readonly Pack[]) {
  const top = chain[0];
  const codes = new Set(chain.map((p) => p.code));
  const prefixOwner = new Map<string, Pack>();
  for (const pack of chain) {
    if (
      pack !== top &&
      packDepth(pack) > packDepth(top!) &&
      (pack.parent === null || !codes.has(pack.parent))
    ) {
      throw new PackDefinitionError(
        `政策包 ${label(pack)} 的上级 ${pack.parent ?? '（未声明）'} 不在组合中：只能与其上级政策包链组合（组合中有 ${chain
          .filter((p) => p !== pack)
          .map(label)
          .join('、')}）`,
      );
    }
    for (const rule of [
      ...pack.rules,
      ...pack.overrides.flatMap((o) => (o.action === 'replace-rule' ? [o.rule] : [])),
    ]) {
      const prefix = rulePrefix(rule.id);
      const owner = prefixOwner.get(prefix);
      if (owner && owner !== pack)
        throw new PackDefinitionError(
          `政策包 ${label(owner)} 与 ${label(pack)} 的规则编号使用了同一前缀 ${prefix}`,
        );
      prefixOwner.set(prefix, pack);
    }
  }
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
