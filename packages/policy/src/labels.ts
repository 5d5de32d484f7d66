/**
 * How the console names an article and a citation, in a module that imports nothing, so the console
 * can show them (`@shequ/policy/labels`) without the engine, the packs and zod. The main entry exports
 * the same.
 */
export { articleLabel, citationLabel } from './texts/article-label.js';
