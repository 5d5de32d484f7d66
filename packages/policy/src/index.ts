export * from './engine/index.js';
export * from './packs/index.js';
export {
  type ArticleTexts,
  articleLabel,
  articleText,
  citationLabel,
  correctArticleText,
  documentTexts,
  type TextCorrection,
  textCorrections,
} from './texts/index.js';
