import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedPacks } from './index.js';

const document = readFileSync(new URL('../../INTERPRETATIONS.md', import.meta.url), 'utf8');
const rules = Object.values(shippedPacks).flatMap((p) => p.rules);

describe('INTERPRETATIONS.md', () => {
  it('lists every interpretation the packs make, with its alternative', () => {
    for (const rule of rules) {
      for (const i of rule.interpretations ?? []) {
        expect(document, i.id).toContain(`\`${i.id}\``);
        expect(document, i.id).toContain(i.alternative);
      }
    }
  });
  it('gives every check’s binding', () => {
    for (const rule of rules) {
      if (rule.kind !== 'check') continue;
      const id = rule.id.replace(/\./g, '\\.');
      const binding = rule.binding === 'binding' ? 'fail' : 'warn';
      expect(document, rule.id).toMatch(new RegExp(`\\|\\s*\`${id}\`\\s*\\|[^|]+\\|\\s*${binding}`));
    }
  });
});
