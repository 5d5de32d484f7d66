/**
 * Which documents govern a community. A community is governed by the documents of its pack chain
 * (@shequ/policy `documentsGoverning`): a rule of Jiangsu's guideline is no rule for a community in
 * Weihai, and the reverse. Every package whose rules cite a regional document takes an optional
 * `governs` and leaves out, for a community the document does not govern, the finding, warning or
 * refusal it would give; the project's own rules (本系统规则, docs/project-rules.md) apply everywhere.
 */

/** The document title of the project's own rules (docs/project-rules.md): they apply to every community. */
export const PROJECT_RULES = '本系统规则';

/**
 * Whether the document titled so governs the community at hand. The API answers it from the community's
 * pack chain (@shequ/policy `documentsGoverning`), so a rule of another province or town is left out.
 */
export type Governs = (document: string) => boolean;

/** How a rule is told which documents govern the community; absent, every document is taken to govern. */
export interface GoverningOptions {
  governs?: Governs | undefined;
}

/** The predicate for a community governed by exactly these documents (and the project's own rules). */
export function governedBy(titles: Iterable<string>): Governs {
  const governing = new Set(titles);
  return (document) => governing.has(document);
}

/**
 * Whether a citation applies to the community: 本系统规则 always; any other document when it governs the
 * community. Without `governs` every document is taken to govern (the rule's arithmetic alone).
 */
export function applies(citation: { readonly document: string }, governs: Governs | undefined): boolean {
  return governs === undefined || citation.document === PROJECT_RULES || governs(citation.document);
}

/** The citations of a rule that apply to the community, in their order (empty: the rule does not apply). */
export function applicable<C extends { readonly document: string }>(
  citations: readonly C[],
  governs: Governs | undefined,
): C[] {
  return citations.filter((c) => applies(c, governs));
}
