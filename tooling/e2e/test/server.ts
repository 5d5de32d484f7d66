/**
 * Starts the real Shequ server (the same command as `pnpm --filter @shequ/api serve`) on a free port with
 * its own temporary database, and stops it the way an operator would (SIGTERM, so PGlite flushes).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from './launch.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const adminDist = join(repoRoot, 'apps/admin/dist');

/**
 * The password the demo's named people (象山's custodian, approvers, a plain worker; 金山镇纪委) get on
 * test servers (SHEQU_DEMO_PASSWORD); outside tests they cannot sign in until an administrator resets them.
 */
export const demoAccountPassword = 'E2e-Demo-People-2026!';

export interface RunningServer {
  url: string;
  adminPassword: string;
  /** Everything the server printed, for the failure report. */
  output: () => string;
  stop: () => Promise<void>;
  /**
   * Stops the server (cleanly, so PGlite flushes), runs `between` on its database folder — what
   * someone with access to the files could do — and starts it again on the same address, so the
   * browser's session carries on.
   */
  restart: (between: (dataDir: string) => Promise<void>) => Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

/** The test always runs on its own embedded database, never on a PostgreSQL the shell points at. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

/**
 * Starts a server on its own copy of the prepared database (see global-setup.ts), or on a new database
 * when none was prepared. Each test file gets its own server, so files never see each other's changes.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(adminDist, 'index.html'))) {
    throw new Error(
      '管理控制台尚未构建：先运行 pnpm --filter @shequ/admin build（turbo 的 test 任务会自动先构建）',
    );
  }
  const scratch = await mkdtemp(join(tmpdir(), 'shequ-e2e-'));
  const template = inject('shequTemplateDir');
  if (template) await cp(template, scratch, { recursive: true });
  return launch(scratch, { removeOnStop: true });
}

/**
 * Creates, migrates and loads the demo data into a database once (about a minute), then stops the server
 * cleanly so the PGlite folder can be copied. Returns the folder; the caller removes it.
 */
export async function prepareTemplate(): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'shequ-e2e-template-'));
  const server = await launch(scratch, { removeOnStop: false });
  await server.stop();
  return scratch;
}

async function launch(
  scratch: string,
  options: { removeOnStop: boolean; port?: number; restarting?: boolean },
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = join(scratch, 'pglite');
  // A new password for the existing `admin`: the first sign-in must still replace it, as in a real installation.
  const adminPassword = `E2e-${Math.random().toString(36).slice(2, 10)}-Start`;
  const child = spawn(
    process.execPath,
    ['--conditions=@shequ/source', '--import', 'tsx', 'apps/api/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...withoutDatabaseUrl(process.env),
        PORT: String(port),
        HOST: '127.0.0.1',
        SHEQU_DATA_DIR: dataDir,
        // Nothing of the test's may land in the repository's own .data folder.
        SHEQU_SIGNING_KEY_FILE: join(scratch, 'signing-key.pem'),
        SHEQU_WITNESS_KEY_DIR: join(scratch, 'witness-keys'),
        // A restart keeps the password the administrator chose, and their session.
        SHEQU_ADMIN_PASSWORD: options.restarting ? '' : adminPassword,
        SHEQU_ADMIN_PASSWORD_KEEP: '',
        SHEQU_ADMIN_DIST: adminDist,
        SHEQU_DEMO_PASSWORD: demoAccountPassword,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // SIGTERM lets the server close PGlite, which flushes its folder.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (options.removeOnStop) await rm(scratch, { recursive: true, force: true });
  };

  try {
    // A new database is created, migrated and loaded with the demo data first: about a minute here.
    await waitUntilReady(url, child, output, 180_000);
  } catch (error) {
    await stop();
    if (!options.removeOnStop) await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  const running: RunningServer = {
    url,
    adminPassword,
    output,
    stop,
    restart: async (between) => {
      // Stopped the way `stop` does, but the folder stays for `between` and the next start.
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await between(dataDir);
      const again = await launch(scratch, { ...options, port, restarting: true });
      running.stop = again.stop;
      running.output = again.output;
    },
  };
  return running;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding a migrated database with the demo data, copied for each test file's server. */
    shequTemplateDir: string | undefined;
  }
}
