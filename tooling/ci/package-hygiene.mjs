#!/usr/bin/env node
// Package hygiene of every public package (packages/*, not private), as npm users will get it:
// builds them, packs each with `pnpm pack` (workspace: and catalog: versions replaced, as on publish),
// and fails unless
//   - publint finds nothing (strict),
//   - @arethetypeswrong/cli finds no problem for Node 16+ resolution, from ESM and from CJS (a
//     `require` of the ESM build is what Node >= 20.19 does, so that one rule is not a problem here),
//   - the package ships LICENSE and names its `repository` with its own `directory`,
//   - no source map is shipped (its sources are not, so a map would point nowhere).
// Usage: node tooling/ci/package-hygiene.mjs [--no-build]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const run = (cmd, args, cwd = root) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const started = Date.now();
const problems = [];

const packages = readdirSync(join(root, 'packages'))
  .map((name) => ({
    dir: `packages/${name}`,
    pkg: JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

if (!process.argv.includes('--no-build')) {
  // Stale files of an earlier build would be packed too: build from empty folders (turbo's cache refills them).
  for (const { dir } of packages) rmSync(join(root, dir, 'dist'), { recursive: true, force: true });
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only']);
}

const out = mkdtempSync(join(tmpdir(), 'shequ-pack-'));
try {
  for (const { dir, pkg } of packages) {
    const name = pkg.name;
    if (pkg.repository?.directory !== dir || !pkg.repository?.url)
      problems.push(`${name}: package.json 的 repository 应有 url，且 directory 为 ${dir}`);
    const tarball = run('pnpm', ['pack', '--pack-destination', out], join(root, dir))
      .trim()
      .split('\n')
      .pop();
    const files = run('tar', ['-tzf', tarball]).split('\n').filter(Boolean);
    if (!files.includes('package/LICENSE')) problems.push(`${name}: 发布的包中没有 LICENSE`);
    const maps = files.filter((f) => f.endsWith('.map'));
    if (maps.length > 0)
      problems.push(`${name}: 发布了 source map 而没有源码（${maps[0]} 等 ${maps.length} 个）`);
    try {
      run('pnpm', ['exec', 'publint', dir, '--strict', '--pack', 'pnpm']);
    } catch (error) {
      problems.push(`${name}: publint\n${error.stdout}${error.stderr}`);
    }
    try {
      run('pnpm', [
        'exec',
        'attw',
        tarball,
        '--profile',
        'node16',
        '--ignore-rules',
        'cjs-resolves-to-esm',
        '--format',
        'ascii',
      ]);
    } catch (error) {
      problems.push(`${name}: @arethetypeswrong/cli\n${error.stdout}${error.stderr}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `package hygiene: ${problems.length} problem(s) in ${packages.length} packages (${seconds} s)`,
  );
  process.exit(1);
}
console.log(
  `package hygiene: ${packages.length} public packages pass publint and attw, ship LICENSE and repository (${seconds} s)`,
);
