/**
 * A registry of policy packs: the shipped ones plus any a city adds (docs/interfaces.md §7). Every
 * entry point — evaluation, listing, article texts, explanation, diff, what-if, the CLI and the
 * API — finds packs through one, so an added pack is chosen by code prefix or by `jurisdiction`
 * exactly as a shipped one is, and composed with its parent chain.
 */
import { type CommunitySnapshot, isWithin, NATIONAL_CODE, UNIDENTIFIED_2013_CITY } from '@shequ/domain';
import {
  type CheckResult,
  codeDepth,
  compile,
  type Evaluation,
  EvaluationInputError,
  type Evaluator,
  type Pack,
  PackDefinitionError,
  type Reading,
} from '../engine/index.js';
import { articleTextIn, documentTextsIn } from '../texts/lookup.js';
import type { ArticleTexts } from '../texts/types.js';
import { type AssessmentScheme, type SchemeFindingsOptions, schemeFindings } from './schemes.js';

/** A pack as `shequ jurisdictions` prints it (docs/interfaces.md §3). */
export interface JurisdictionEntry {
  code: string;
  name: string;
  parent: string | null;
  documents: { title: string; inForceFrom: string; inForceUntil?: string }[];
}

export interface CheckOptions {
  /** A registered pack's code; default: every registered pack containing the community. */
  jurisdiction?: string;
  /** Default: the snapshot's `asOf`. */
  asOf?: string;
  params?: Readonly<Record<string, number>>;
  readings?: Readonly<Record<string, Reading>>;
  explain?: boolean;
}

/** The output of `shequ check` (docs/interfaces.md §3). */
export interface CheckReport extends Evaluation {
  jurisdictions: { code: string; name: string }[];
  asOf: string;
  community: { code: string; name: string };
}

export interface PackRegistry {
  /** Every registered pack by jurisdiction code. */
  readonly packs: Readonly<Record<string, Pack>>;
  /** The codes of the packs added to the shipped ones (empty for the shipped registry). */
  readonly added: readonly string[];
  /**
   * Every registered pack containing the community `code`, shallowest first: the deepest such pack
   * and its parents. The 2013 regulation's pack (`000013`) names no real place and is never
   * returned here: it applies only when chosen explicitly.
   */
  packsFor(code: string): Pack[];
  /** The chain of an explicitly chosen pack: its parents and itself, shallowest first; `[]` when unknown. */
  packChain(jurisdiction: string): Pack[];
  /**
   * The titles of the documents that govern the community `code`: those of every pack of its chain
   * (`packsFor`), the national law's always among them. A rule citing any other document does not
   * apply to the community.
   */
  documentsGoverning(code: string): string[];
  /** The `shequ jurisdictions` output. */
  jurisdictionsList(): JurisdictionEntry[];
  /** The evaluator of a chain, compiled once per chain of this registry and reused. */
  evaluatorFor(packs: readonly Pack[]): Evaluator;
  /**
   * Checks a validated community snapshot and returns the docs/interfaces.md §3 output. Throws
   * `EvaluationInputError` (issues naming the field) when no pack applies or an option is bad.
   */
  checkCommunity(snapshot: CommunitySnapshot, options?: CheckOptions): CheckReport;
  /** The article's text, from the shipped texts or the texts an added pack brings. */
  articleText(packCode: string, article: string, clause?: string, document?: string): string | undefined;
  /** A document text of a pack (the one titled `document`, else its first). */
  documentTexts(packCode: string, document?: string): ArticleTexts | undefined;
  /** `shequ assess`'s scheme findings (docs/interfaces.md §6) over this registry's packs. */
  assessmentSchemeFindings(scheme: AssessmentScheme, options: SchemeFindingsOptions): CheckResult[];
  /** A new registry holding these packs as well; throws `PackLoadError` as `createRegistry`. */
  with(packs: readonly Pack[]): PackRegistry;
  /**
   * A new registry where these packs take the place of the registered packs with their codes (another
   * version of a pack, `shequ impact`) and join where no pack has their code.
   */
  replacing(packs: readonly Pack[]): PackRegistry;
}

/** A pack that cannot join a registry; the message is one zh-CN line naming the pack. */
export class PackLoadError extends PackDefinitionError {
  override name = 'PackLoadError';
  constructor(
    readonly pack: string,
    message: string,
  ) {
    super(message);
  }
}

const label = (pack: Pack) => `${pack.code}（${pack.name}）`;

/**
 * The pack a loaded module exports by default (`--pack MODULE`, `SHEQU_PACKS`), or a `PackLoadError`
 * naming the module. Only the shape is checked here: `definePack` checked the rest when the module
 * built the pack, and the registry checks how it composes.
 */
export function packOfModule(module: string, namespace: unknown): Pack {
  const candidate = (namespace as { default?: unknown } | null)?.default;
  const pack = (typeof candidate === 'object' && candidate !== null ? candidate : {}) as Record<
    string,
    unknown
  >;
  const shaped =
    typeof pack.code === 'string' &&
    typeof pack.name === 'string' &&
    (pack.parent === null || typeof pack.parent === 'string') &&
    ['documents', 'settings', 'parameters', 'rules', 'overrides'].every((key) => Array.isArray(pack[key]));
  if (!shaped)
    throw new PackLoadError(module, `${module}: 默认导出应为用 @shequ/policy 的 definePack 定义的政策包`);
  return pack as unknown as Pack;
}

/**
 * Checks the packs as a whole and returns them by code. Errors (`PackLoadError`, naming the pack):
 * a code already taken, a `parent` not registered (the national pack alone has none), a code that
 * does not nest under its parent's (checked by `definePack`, checked again here for packs built by
 * hand), and a pack whose chain does not compile (a rule-id prefix another pack of its chain uses,
 * an override of a target the chain lacks).
 */
function registeredPacks(packs: readonly Pack[]): Map<string, Pack> {
  const byCode = new Map<string, Pack>();
  for (const pack of packs) {
    const taken = byCode.get(pack.code);
    if (taken) {
      throw new PackLoadError(
        pack.code,
        `政策包 ${label(pack)}：代码 ${pack.code} 已被政策包 ${label(taken)} 占用`,
      );
    }
    byCode.set(pack.code, pack);
  }
  for (const pack of byCode.values()) {
    if (pack.code === NATIONAL_CODE) continue;
    if (pack.parent === null) {
      throw new PackLoadError(
        pack.code,
        `政策包 ${label(pack)}：未声明上级（parent），省级或市级的最上层政策包填 ${NATIONAL_CODE}`,
      );
    }
    if (!byCode.has(pack.parent)) {
      throw new PackLoadError(
        pack.code,
        `政策包 ${label(pack)}：上级政策包 ${pack.parent} 未加载（已加载：${[...byCode.keys()].join('、')}）`,
      );
    }
    const depth = codeDepth(pack.code);
    const parentDepth = codeDepth(pack.parent);
    if (
      depth === undefined ||
      parentDepth === undefined ||
      parentDepth >= depth ||
      !isWithin(pack.code, pack.parent)
    ) {
      throw new PackLoadError(
        pack.code,
        `政策包 ${label(pack)}：代码 ${pack.code} 不在上级政策包 ${pack.parent} 的辖区之下`,
      );
    }
  }
  return byCode;
}

function chainOf(byCode: ReadonlyMap<string, Pack>, pack: Pack): Pack[] {
  const chain = [pack];
  for (let p = pack; p.parent !== null; ) {
    const parent = byCode.get(p.parent);
    if (!parent) break;
    chain.unshift(parent);
    p = parent;
  }
  return chain;
}

/** Texts an added pack brings, in the shape of the generated ones. */
function packTexts(pack: Pack): ArticleTexts[] {
  return Object.entries(pack.texts ?? {}).map(([document, articles]) => ({
    packCode: pack.code,
    document,
    source: `${pack.code}.texts`,
    articles,
  }));
}

/**
 * A registry of `packs` (the whole set: pass the shipped ones too, or use `shippedRegistry.with`).
 * Every added pack's chain is compiled once here, so a pack that cannot compose fails at load time
 * rather than on the first community it meets. `texts` are the document texts of the shipped packs
 * (`allDocumentTexts`); they are passed in rather than imported here so that code which only
 * evaluates, such as a web page's bundle, does not carry the regulation texts.
 */
export function createRegistry(
  packs: readonly Pack[],
  shipped: readonly string[] = [],
  texts: readonly ArticleTexts[] = [],
): PackRegistry {
  const byCode = registeredPacks(packs);
  const frozen: Readonly<Record<string, Pack>> = Object.freeze(Object.fromEntries(byCode));
  const added = [...byCode.keys()].filter((code) => !shipped.includes(code));
  const allTexts: ArticleTexts[] = [
    ...texts,
    ...[...byCode.values()].filter((p) => added.includes(p.code)).flatMap(packTexts),
  ];
  const evaluators = new Map<string, Evaluator>();

  const registry: PackRegistry = {
    packs: frozen,
    added,
    packsFor(code) {
      let deepest: Pack | undefined;
      for (const pack of byCode.values()) {
        if (pack.code === UNIDENTIFIED_2013_CITY || !isWithin(code, pack.code)) continue;
        if (!deepest || (codeDepth(pack.code) ?? -1) > (codeDepth(deepest.code) ?? -1)) deepest = pack;
      }
      return deepest ? chainOf(byCode, deepest) : [];
    },
    packChain(jurisdiction) {
      const chosen = byCode.get(jurisdiction);
      return chosen ? chainOf(byCode, chosen) : [];
    },
    documentsGoverning(code) {
      return [...new Set(registry.packsFor(code).flatMap((p) => p.documents.map((d) => d.title)))];
    },
    jurisdictionsList() {
      return [...byCode.values()].map((p) => ({
        code: p.code,
        name: p.name,
        parent: p.parent,
        documents: p.documents.map((d) => ({ ...d })),
      }));
    },
    evaluatorFor(chain) {
      const key = chain.map((p) => p.code).join('>');
      const cached = evaluators.get(key);
      // Codes identify this registry's packs; a caller's own pack under the same code gets its own evaluator.
      if (cached && cached.packs.length === chain.length && chain.every((p) => cached.packs.includes(p)))
        return cached;
      const evaluator = compile(chain);
      evaluators.set(key, evaluator);
      return evaluator;
    },
    checkCommunity(snapshot, options = {}) {
      const chain =
        options.jurisdiction === undefined
          ? registry.packsFor(snapshot.code)
          : registry.packChain(options.jurisdiction);
      if (chain.length === 0) {
        throw new EvaluationInputError([
          options.jurisdiction === undefined
            ? { path: 'code', message: `没有适用于社区 ${snapshot.code} 的政策包，请用 --jurisdiction 指定` }
            : { path: 'jurisdiction', message: `没有代码为 ${options.jurisdiction} 的政策包` },
        ]);
      }
      const asOf = options.asOf ?? snapshot.asOf;
      const evaluation = registry.evaluatorFor(chain)(snapshot, {
        asOf,
        ...(options.params ? { params: options.params } : {}),
        ...(options.readings ? { readings: options.readings } : {}),
        ...(options.explain ? { explain: true } : {}),
      });
      return {
        jurisdictions: chain.map((p) => ({ code: p.code, name: p.name })),
        asOf,
        community: { code: snapshot.code, name: snapshot.name },
        ...evaluation,
      };
    },
    articleText: (packCode, article, clause, document) =>
      articleTextIn(allTexts, packCode, article, clause, document),
    documentTexts: (packCode, document) => documentTextsIn(allTexts, packCode, document),
    assessmentSchemeFindings: (scheme, options) => schemeFindings(registry, scheme, options),
    with: (more) => createRegistry([...byCode.values(), ...more], shipped, texts),
    replacing: (versions) => {
      const codes = new Set(versions.map((p) => p.code));
      return createRegistry(
        [...[...byCode.values()].filter((p) => !codes.has(p.code)), ...versions],
        shipped.filter((code) => !codes.has(code)),
        texts,
      );
    },
  };
  for (const code of added) {
    const pack = byCode.get(code)!;
    try {
      registry.evaluatorFor(chainOf(byCode, pack));
    } catch (error) {
      if (error instanceof PackLoadError) throw error;
      const reason = error instanceof Error ? error.message.replaceAll('\n', '；') : String(error);
      throw new PackLoadError(code, `政策包 ${label(pack)} 无法与其上级组合：${reason}`);
    }
  }
  return registry;
}
