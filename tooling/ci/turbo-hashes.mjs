#!/usr/bin/env node
// Proves that Turborepo's cache cannot replay a stale pass: after a source file of a low package
// changes, every task of that package and of every workspace package that depends on it
// (directly or through others, as the package.json files say) must get a new hash, and the tasks
// of unrelated packages must keep theirs. Also checks that `@shequ/admin#build` lists every
// workspace package the console imports among its inputs.
//
// Reads hashes with `turbo run … --dry=json` (nothing is built or run). The probed file gets one
// comment line appended and is restored byte for byte afterwards, also on Ctrl-C or a failure; a
// probe line left by a run that was killed outright is removed at the next start.
//
// Usage: node tooling/ci/turbo-hashes.mjs   (exit 0: proven; 1: a hash did not move, or an input
// is missing; 2: turbo could not be run)
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** The tasks whose hashes must follow their dependencies. */
const TASKS = ['test', 'typecheck', 'test:db', 'build'];
/** Low packages to touch: their entry file, or their first tracked source file if that one moved. */
const PROBES = [
  { pkg: '@shequ/domain', dir: 'packages/domain' },
  { pkg: '@shequ/db', dir: 'packages/db' },
].map((probe) => ({ ...probe, file: probeFile(probe.dir) }));
/** Bundled into the console by `vite build`; their files must be among `@shequ/admin#build`'s inputs. */
const ADMIN = '@shequ/admin';
/** Configuration packages whose files every task hashes already (turbo.json `globalDependencies`). */
const GLOBAL_CONFIG = new Set(['@shequ/tsconfig', '@shequ/vitest-config']);
const MARK = '// turbo-hashes probe';

function probeFile(dir) {
  const entry = `${dir}/src/index.ts`;
  if (existsSync(join(root, entry))) return entry;
  const { stdout } = spawnSync('git', ['ls-files', '--', `${dir}/src/*.ts`], { cwd: root, encoding: 'utf8' });
  const first = stdout.split('\n').find((file) => file.endsWith('.ts'));
  if (!first) {
    console.error(`no TypeScript source to probe in ${dir}/src`);
    process.exit(2);
  }
  return first;
}

/** @typedef {{ taskId: string, package: string, hash: string, directory: string, inputs: Record<string, string> }} DryTask */

/** @returns {Promise<DryTask[]>} */
async function dryRun() {
  try {
    const { stdout } = await run('pnpm', ['exec', 'turbo', 'run', ...TASKS, '--dry=json'], {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(stdout).tasks;
  } catch (error) {
    console.error(`turbo --dry=json failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

/** Workspace package name → the names of the workspace packages it depends on, from package.json. */
function workspaceGraph(tasks) {
  const directories = new Map(tasks.map((t) => [t.package, t.directory]));
  const graph = new Map();
  for (const [name, directory] of directories) {
    const manifest = JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8'));
    const declared = Object.keys({
      ...manifest.dependencies,
      ...manifest.devDependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    });
    graph.set(
      name,
      declared.filter((dep) => directories.has(dep)),
    );
  }
  return { graph, directories };
}

/** The package itself and every package that reaches it through dependencies. */
function dependantsOf(pkg, graph) {
  const found = new Set([pkg]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, deps] of graph) {
      if (!found.has(name) && deps.some((dep) => found.has(dep))) {
        found.add(name);
        grew = true;
      }
    }
  }
  return found;
}

/** Removes the probe line a killed run may have left behind (with the newline added before it). */
function withoutProbe(text) {
  return text.replaceAll(new RegExp(`\\n${MARK}[^\\n]*\\n?`, 'g'), '');
}

let pending = null;
function restore() {
  if (pending) {
    writeFileSync(pending.path, pending.original);
    pending = null;
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}
process.on('exit', restore);

for (const probe of PROBES) {
  const path = join(root, probe.file);
  const found = readFileSync(path, 'utf8');
  if (withoutProbe(found) !== found) writeFileSync(path, withoutProbe(found));
}

const failures = [];
const before = await dryRun();
const { graph, directories } = workspaceGraph(before);
const hashesBefore = new Map(before.map((t) => [t.taskId, t.hash]));

for (const probe of PROBES) {
  const path = join(root, probe.file);
  const original = readFileSync(path, 'utf8');
  pending = { path, original };
  let after;
  try {
    writeFileSync(path, `${original}\n${MARK} ${process.pid} ${Date.now()}\n`);
    after = await dryRun();
  } finally {
    restore();
  }

  const expected = dependantsOf(probe.pkg, graph);
  let moved = 0;
  let kept = 0;
  for (const task of after) {
    const changed = hashesBefore.get(task.taskId) !== task.hash;
    if (expected.has(task.package)) {
      if (changed) moved++;
      else
        failures.push(
          `${task.taskId}: hash unchanged after editing ${probe.file} (a stale pass could be replayed)`,
        );
    } else if (changed) {
      failures.push(`${task.taskId}: hash changed after editing ${probe.file}, which it does not depend on`);
    } else {
      kept++;
    }
  }
  console.log(
    `${probe.file}: ${moved} task hashes of ${expected.size} packages changed, ${kept} of unrelated packages kept`,
  );
}

const adminBuild = before.find((t) => t.taskId === `${ADMIN}#build`);
if (!adminBuild) {
  failures.push(`${ADMIN}#build: not in the task graph`);
} else {
  const adminDirectory = join(root, adminBuild.directory);
  const inputDirectories = Object.keys(adminBuild.inputs).map((file) =>
    relative(root, resolve(adminDirectory, file)),
  );
  for (const dep of graph.get(ADMIN) ?? []) {
    if (GLOBAL_CONFIG.has(dep)) continue;
    const depDirectory = directories.get(dep);
    if (!inputDirectories.some((file) => file.startsWith(`${depDirectory}/`))) {
      failures.push(
        `${ADMIN}#build: no input from ${dep}; add "$TURBO_ROOT$/${depDirectory}/src/**" to its inputs in turbo.json`,
      );
    }
  }
}

if (failures.length > 0) {
  for (const failure of failures) console.error(failure);
  process.exit(1);
}
console.log('turbo hashes follow workspace dependencies');
