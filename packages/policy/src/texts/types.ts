/** The text of one document, keyed by article as the document numbers it (`第七条`, `第七条（二）`, `二（四）`, `7`, `7（1）`). */
export interface ArticleTexts {
  packCode: string;
  document: string;
  /** The seed file the text was generated from. */
  seed: string;
  articles: Readonly<Record<string, string>>;
}
