/** The text of one document, keyed by article as the document numbers it (`第七条`, `第七条（二）`, `二（四）`, `7`, `7（1）`). */
export interface ArticleTexts {
  packCode: string;
  document: string;
  /** The file the text was generated from, relative to the package (`sources/ezhou.txt`). */
  source: string;
  articles: Readonly<Record<string, string>>;
}
