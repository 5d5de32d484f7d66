/**
 * Finding an article in a list of document texts. Kept apart from the shipped texts (`index.ts`) so
 * the registry can look texts up without importing them: a bundle that only evaluates leaves them out.
 */
import { correctArticleText } from './corrections.js';
import type { ArticleTexts } from './types.js';

/** `documentTexts` over a given list of texts (a registry's: the shipped ones and those added packs bring). */
export function documentTextsIn(
  texts: readonly ArticleTexts[],
  packCode: string,
  document?: string,
): ArticleTexts | undefined {
  return texts.find((t) => t.packCode === packCode && (document === undefined || t.document === document));
}

/** `articleText` over a given list of texts. */
export function articleTextIn(
  texts: readonly ArticleTexts[],
  packCode: string,
  article: string,
  clause?: string,
  document?: string,
): string | undefined {
  const found = documentTextsIn(texts, packCode, document);
  if (!found) return undefined;
  const key = clause ? `${article}${clause}` : article;
  const exact = found.articles[key];
  if (exact !== undefined) return correctArticleText(packCode, exact);
  const base = key.replace(/（[^（）]*）$/, '');
  return base === key ? undefined : articleTextIn(texts, packCode, base, undefined, document);
}
