/**
 * The packs shipped with Shequ, and how a community finds its packs (docs/interfaces.md §1).
 */
import { type CommunitySnapshot, isWithin, significantPrefix, UNIDENTIFIED_2013_CITY } from '@shequ/domain';
import {
  compile,
  type Evaluation,
  EvaluationInputError,
  type Evaluator,
  type Pack,
  type Reading,
} from '../engine/index.js';
import { city2013Pack } from './city2013/index.js';
import { ezhouPack } from './ezhou/index.js';
import { jiangsuPack } from './jiangsu/index.js';
import { jinshanPack } from './jinshan/index.js';
import { nationalPack } from './national/index.js';
import { weihaiPack } from './weihai/index.js';

/** Every shipped pack by jurisdiction code. */
export const shippedPacks: Readonly<Record<string, Pack>> = Object.freeze(
  Object.fromEntries(
    [nationalPack, jiangsuPack, ezhouPack, weihaiPack, jinshanPack, city2013Pack].map((p) => [p.code, p]),
  ),
);

/**
 * Every shipped pack whose jurisdiction contains the community `code`, shallowest first (deepest
 * last): the national pack `000000` first, for every community. The 2013 regulation's pack
 * (`000013`) names no real place and is never returned here: it applies only when chosen explicitly.
 */
export function packsFor(code: string): Pack[] {
  return Object.values(shippedPacks)
    .filter((p) => p.code !== UNIDENTIFIED_2013_CITY && isWithin(code, p.code))
    .sort((a, b) => significantPrefix(a.code).length - significantPrefix(b.code).length);
}

/** A shipped pack as `shequ jurisdictions` prints it (docs/interfaces.md §3). */
export interface JurisdictionEntry {
  code: string;
  name: string;
  parent: string | null;
  documents: { title: string; inForceFrom: string; inForceUntil?: string }[];
}

export function jurisdictionsList(): JurisdictionEntry[] {
  return Object.values(shippedPacks).map((p) => ({
    code: p.code,
    name: p.name,
    parent: p.parent,
    documents: p.documents.map((d) => ({ ...d })),
  }));
}

/**
 * The chain of shipped packs for an explicitly chosen jurisdiction: the pack itself and every
 * shipped pack above it, shallowest first. `000013` composes with the national pack alone.
 */
export function packChain(jurisdiction: string): Pack[] {
  const chosen = shippedPacks[jurisdiction];
  if (!chosen) return [];
  if (chosen.code === UNIDENTIFIED_2013_CITY) return [nationalPack, chosen];
  return packsFor(jurisdiction);
}

const evaluators = new Map<string, Evaluator>();

/** The compiled evaluator of a chain of packs, compiled once per chain and reused. */
export function evaluatorFor(packs: readonly Pack[]): Evaluator {
  const key = packs.map((p) => p.code).join('>');
  const cached = evaluators.get(key);
  // Codes identify shipped packs; a caller's own pack under the same code gets its own evaluator.
  if (cached && cached.packs.length === packs.length && packs.every((p) => cached.packs.includes(p)))
    return cached;
  const evaluator = compile(packs);
  evaluators.set(key, evaluator);
  return evaluator;
}

export interface CheckOptions {
  /** A shipped pack's code; default: every shipped pack containing the community. */
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

/**
 * Checks a validated community snapshot against its packs and returns the docs/interfaces.md §3 output.
 * Throws `EvaluationInputError` (issues naming the field) when no pack applies or an option is bad.
 */
export function checkCommunity(snapshot: CommunitySnapshot, options: CheckOptions = {}): CheckReport {
  const packs =
    options.jurisdiction === undefined ? packsFor(snapshot.code) : packChain(options.jurisdiction);
  if (packs.length === 0) {
    throw new EvaluationInputError([
      options.jurisdiction === undefined
        ? { path: 'code', message: `没有适用于社区 ${snapshot.code} 的政策包，请用 --jurisdiction 指定` }
        : { path: 'jurisdiction', message: `没有代码为 ${options.jurisdiction} 的政策包` },
    ]);
  }
  const asOf = options.asOf ?? snapshot.asOf;
  const evaluation = evaluatorFor(packs)(snapshot, {
    asOf,
    ...(options.params ? { params: options.params } : {}),
    ...(options.readings ? { readings: options.readings } : {}),
    ...(options.explain ? { explain: true } : {}),
  });
  return {
    jurisdictions: packs.map((p) => ({ code: p.code, name: p.name })),
    asOf,
    community: { code: snapshot.code, name: snapshot.name },
    ...evaluation,
  };
}

export { NATIONAL_LAW_2018, NATIONAL_LAW_2025, nationalPack } from './national/index.js';
export { type AssessmentScheme, assessmentSchemeFindings, type SchemeFindingsOptions } from './schemes.js';
