/**
 * The article texts shipped with the packs, looked up for a citation. A pack's texts carry only its
 * own documents, so the code to pass is the pack whose document the citation names (a result's
 * `jurisdiction`), which for an inherited rule is the higher pack.
 */
import { type PackRegistry, shippedRegistry } from '@shequ/policy';

export function articleTextOf(
  packCode: string,
  citation: { document: string; article: string; clause?: string | undefined },
  registry: PackRegistry = shippedRegistry,
): string | undefined {
  // The document picks the version where a pack holds several (the national law's 2018 text and 2025 revision).
  return registry.articleText(packCode, citation.article, citation.clause, citation.document);
}
