import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../packs/index.js';
import { documentTexts } from './index.js';

const sources = new URL('../../sources/', import.meta.url);
/** What the generator changes inside a line: whitespace (page breaks, padding) and `(一)` → `（一）`. */
const squeeze = (text: string) =>
  text
    .replace(/[\s\u00a0]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

const shipped = Object.values(shippedPacks)
  .flatMap((pack) => pack.documents.map((d) => documentTexts(pack.code, d.title)))
  .filter((texts) => texts !== undefined);

describe('the regulation texts kept in the package', () => {
  it('are the sources of every shipped document text, and nothing else is there', () => {
    const files = readdirSync(sources).filter((name) => name.endsWith('.txt'));
    expect(shipped.map((texts) => texts.source).sort()).toEqual(
      files.map((name) => `sources/${name}`).sort(),
    );
  });

  it('hold every article the console shows, word for word', () => {
    for (const texts of shipped) {
      const source = squeeze(readFileSync(new URL(`../../${texts.source}`, import.meta.url), 'utf8'));
      const missing = Object.entries(texts.articles)
        .filter(([, text]) => !text.split('\n').every((line) => source.includes(squeeze(line))))
        .map(([article]) => article);
      expect({ source: texts.source, missing }).toEqual({ source: texts.source, missing: [] });
    }
  });

  it('are each described in sources/README.md', () => {
    const readme = readFileSync(new URL('README.md', sources), 'utf8');
    for (const texts of shipped) expect(readme).toContain(`\`${texts.source.replace('sources/', '')}\``);
  });
});
