// The public packages (packages/*, not private), and packing them as npm users get them: `pnpm pack`
// replaces workspace: and catalog: versions as `pnpm publish` does. Shared by package-hygiene.mjs and
// registry-release.mjs.
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const root = new URL('../..', import.meta.url).pathname;
const execFileAsync = promisify(execFile);

export const publicPackages = readdirSync(join(root, 'packages'))
  .map((name) => ({
    dir: `packages/${name}`,
    pkg: JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

/** Builds every public package from empty dist folders (stale files would be packed too; turbo's cache refills them). */
export function buildPublicPackages() {
  for (const { dir } of publicPackages) rmSync(join(root, dir, 'dist'), { recursive: true, force: true });
  execFileSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

/** Runs `task` over `items`, `limit` at a time, keeping the order of the results. */
export async function inParallel(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Packs one package into `out` and returns the tarball's path. */
export async function pack({ dir }, out) {
  const { stdout } = await execFileAsync('pnpm', ['pack', '--pack-destination', out], {
    cwd: join(root, dir),
  });
  return stdout.trim().split('\n').pop();
}
