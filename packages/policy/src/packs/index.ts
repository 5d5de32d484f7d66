/**
 * The packs shipped with Shequ, and how a community finds its packs (docs/interfaces.md §1).
 */
import type { CommunitySnapshot } from '@shequ/domain';
import type { CheckResult, Evaluator, Pack } from '../engine/index.js';
import { allDocumentTexts } from '../texts/index.js';
import { city2013Pack } from './city2013/index.js';
import { ezhouPack } from './ezhou/index.js';
import { jiangsuPack } from './jiangsu/index.js';
import { jinshanPack } from './jinshan/index.js';
import { nationalPack } from './national/index.js';
import {
  type CheckOptions,
  type CheckReport,
  createRegistry,
  type JurisdictionEntry,
  type PackRegistry,
} from './registry.js';
import type { AssessmentScheme, SchemeFindingsOptions } from './schemes.js';
import { weihaiPack } from './weihai/index.js';

const shippedPackList: readonly Pack[] = [
  nationalPack,
  jiangsuPack,
  ezhouPack,
  weihaiPack,
  jinshanPack,
  city2013Pack,
];
const shippedCodes = shippedPackList.map((p) => p.code);

/**
 * The shipped packs without their article texts, behind the free functions below (`checkCommunity`,
 * `packsFor`, …). Evaluation never reads a text, so a bundle that only evaluates (a web page) leaves
 * the regulation texts out; `shippedRegistry` and `articleText` bring them to those who ask.
 */
const evaluationRegistry: PackRegistry = createRegistry(shippedPackList, shippedCodes);

/**
 * The packs shipped with Shequ with their article texts, and every entry point's registry unless a
 * caller adds packs. Marked pure so a bundler drops it, and the texts with it, where it is unused.
 */
export const shippedRegistry: PackRegistry = /* @__PURE__ */ createRegistry(
  shippedPackList,
  shippedCodes,
  allDocumentTexts,
);

/** Every shipped pack by jurisdiction code. */
export const shippedPacks: Readonly<Record<string, Pack>> = evaluationRegistry.packs;

/**
 * Every shipped pack whose jurisdiction contains the community `code`, shallowest first (deepest
 * last): the national pack `000000` first, for every community. The 2013 regulation's pack
 * (`000013`) names no real place and is never returned here: it applies only when chosen explicitly.
 */
export function packsFor(code: string): Pack[] {
  return evaluationRegistry.packsFor(code);
}

/** `shippedRegistry.documentsGoverning`: the titles of the documents of the community's pack chain. */
export function documentsGoverning(code: string): string[] {
  return evaluationRegistry.documentsGoverning(code);
}

/** The shipped packs as `shequ jurisdictions` prints them (docs/interfaces.md §3). */
export function jurisdictionsList(): JurisdictionEntry[] {
  return evaluationRegistry.jurisdictionsList();
}

/**
 * The chain of shipped packs for an explicitly chosen jurisdiction: the pack itself and every
 * shipped pack above it, shallowest first. `000013` composes with the national pack alone.
 */
export function packChain(jurisdiction: string): Pack[] {
  return evaluationRegistry.packChain(jurisdiction);
}

/** The compiled evaluator of a chain of packs, compiled once per chain and reused. */
export function evaluatorFor(packs: readonly Pack[]): Evaluator {
  return evaluationRegistry.evaluatorFor(packs);
}

/** `shippedRegistry.checkCommunity`: the docs/interfaces.md §3 output for a validated snapshot. */
export function checkCommunity(snapshot: CommunitySnapshot, options: CheckOptions = {}): CheckReport {
  return evaluationRegistry.checkCommunity(snapshot, options);
}

/** `shequ assess`'s scheme findings over the shipped packs (docs/interfaces.md §6). */
export function assessmentSchemeFindings(
  scheme: AssessmentScheme,
  options: SchemeFindingsOptions,
): CheckResult[] {
  return evaluationRegistry.assessmentSchemeFindings(scheme, options);
}

export { type ImpactCommunity, type ImpactReport, type ImpactStatus, packImpact } from './impact.js';
export { NATIONAL_LAW_2018, NATIONAL_LAW_2025, nationalPack } from './national/index.js';
export {
  type CheckOptions,
  type CheckReport,
  createRegistry,
  type JurisdictionEntry,
  PackLoadError,
  type PackRegistry,
  packOfModule,
} from './registry.js';
export { checkReportSchema, checkResultSchema, jurisdictionEntrySchema } from './report-schema.js';
export type { AssessmentScheme, SchemeFindingsOptions } from './schemes.js';
