#!/usr/bin/env node
// Package hygiene of every public package (packages/*, not private), as npm users will get it:
// builds them, packs each with `pnpm pack` (workspace: and catalog: versions replaced, as on publish),
// and fails unless
//   - publint finds no error or warning (its CLI's `--strict`),
//   - @arethetypeswrong/core finds no problem for Node 16+ resolution, from ESM and from CJS (a
//     `require` of the ESM build is what Node >= 20.19 does, so that one rule is not a problem here),
//   - the package ships LICENSE and names its `repository` with its own `directory`,
//   - no source map is shipped (its sources are not, so a map would point nowhere).
// Both checkers run in this process on the packed tarballs (no second pack, TypeScript loaded once),
// which keeps the step well under a minute.
// Usage: node tooling/ci/package-hygiene.mjs [--no-build]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { buildPublicPackages, inParallel, pack, publicPackages } from './public-packages.mjs';

const started = Date.now();
if (!process.argv.includes('--no-build')) buildPublicPackages();
const built = Date.now();

/** attw's `--profile node16`: node10 resolution is not checked; `cjs-resolves-to-esm` is allowed. */
const ignoredResolutions = new Set(['node10']);
const ignoredProblems = new Set(['CJSResolvesToESM']);

const out = mkdtempSync(join(tmpdir(), 'shequ-pack-'));
let problems;
try {
  const tarballs = await inParallel(publicPackages, 3, (entry) => pack(entry, out));
  problems = (
    await inParallel(publicPackages, 3, async ({ dir, pkg }, index) => {
      const name = pkg.name;
      const found = [];
      if (pkg.repository?.directory !== dir || !pkg.repository?.url)
        found.push(`${name}: package.json 的 repository 应有 url，且 directory 为 ${dir}`);
      const data = readFileSync(tarballs[index]);
      const attwPackage = createPackageFromTarballData(new Uint8Array(data));
      const files = attwPackage
        .listFiles()
        .map((file) => file.replace(/^\/node_modules\/[^/]+(\/[^/]+)?\//, ''));
      if (!files.includes('LICENSE')) found.push(`${name}: 发布的包中没有 LICENSE`);
      const maps = files.filter((file) => file.endsWith('.map'));
      if (maps.length > 0)
        found.push(`${name}: 发布了 source map 而没有源码（${maps[0]} 等 ${maps.length} 个）`);
      const linted = await publint({
        pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
        level: 'warning',
        strict: true,
      });
      for (const message of linted.messages)
        found.push(
          `${name}: publint ${message.code}: ${formatMessage(message, linted.pkg, { color: false })}`,
        );
      const analysis = await checkPackage(attwPackage);
      if (analysis.types) {
        for (const problem of analysis.problems) {
          if (ignoredProblems.has(problem.kind)) continue;
          if ('resolutionKind' in problem && ignoredResolutions.has(problem.resolutionKind)) continue;
          found.push(`${name}: @arethetypeswrong ${problem.kind} ${JSON.stringify(problem)}`);
        }
      }
      return found;
    })
  ).flat();
} finally {
  rmSync(out, { recursive: true, force: true });
}

const seconds = (ms) => (ms / 1000).toFixed(1);
const timing = `build ${seconds(built - started)} s, checks ${seconds(Date.now() - built)} s`;
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `package hygiene: ${problems.length} problem(s) in ${publicPackages.length} packages (${timing})`,
  );
  process.exit(1);
}
console.log(
  `package hygiene: ${publicPackages.length} public packages pass publint and attw, ship LICENSE and repository (${timing})`,
);
