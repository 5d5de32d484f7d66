export * from './engine/index.js';
export * from './packs/index.js';
export { type ArticleTexts, articleText, documentTexts } from './texts/index.js';
