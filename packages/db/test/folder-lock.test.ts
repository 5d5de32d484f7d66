/**
 * One process per PGlite data folder (README "One process per data folder"): two real processes, the
 * second refused with one zh-CN line naming the folder and the holder's pid; a lock left by a killed
 * process is taken over; a clean close frees the folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderLocked, LOCK_FILE_NAME, openPglite } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/hold-data-folder.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'shequ-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Opener {
  child: ChildProcess;
  /** Resolves with the pid once the folder is open, or with the exit status and stderr when refused. */
  outcome: Promise<{ opened: number } | { status: number | null; stderr: string }>;
  exited: Promise<number | null>;
}

function openInAnotherProcess(folder: string): Opener {
  const child = spawn(process.execPath, ['--conditions=@shequ/source', '--import', 'tsx', fixture, folder], {
    cwd: packageDir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (status) => done(status)));
  const outcome = new Promise<{ opened: number } | { status: number | null; stderr: string }>((done) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /opened (\d+)/.exec(stdout);
      if (match) done({ opened: Number(match[1]) });
    });
    void exited.then((status) => done({ status, stderr }));
  });
  return { child, outcome, exited };
}

describe('PGlite data folder lock', () => {
  it('refuses a second process with status 1 and one line naming the folder and the holder', async () => {
    const folder = join(root, 'shared');
    const first = openInAnotherProcess(folder);
    const held = await first.outcome;
    expect(held).toHaveProperty('opened');
    const holderPid = (held as { opened: number }).opened;

    const second = openInAnotherProcess(folder);
    const refused = await second.outcome;
    expect(refused).toEqual({ status: 1, stderr: expect.any(String) });
    const lines = (refused as { stderr: string }).stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(folder);
    expect(lines[0]).toContain(String(holderPid));
    expect(lines[0]).toMatch(/正被进程/);

    first.child.stdin?.end();
    expect(await first.exited).toBe(0);
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
    // Freed by the clean close: the next opener gets it.
    const third = openInAnotherProcess(folder);
    expect(await third.outcome).toHaveProperty('opened');
    third.child.stdin?.end();
    expect(await third.exited).toBe(0);
  }, 180_000);

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const folder = join(root, 'killed');
    const first = openInAnotherProcess(folder);
    expect(await first.outcome).toHaveProperty('opened');
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(true);

    const second = openInAnotherProcess(folder);
    expect(await second.outcome).toHaveProperty('opened');
    second.child.stdin?.end();
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('refuses a second open of one folder inside one process, and a lock file of a live process', async () => {
    const folder = join(root, 'same-process');
    const database = await openPglite(folder);
    try {
      await expect(openPglite(folder)).rejects.toBeInstanceOf(DataFolderLocked);
    } finally {
      await database.close();
    }
    // A lock naming a live process other than us (our parent) is respected, not taken over.
    writeFileSync(join(folder, LOCK_FILE_NAME), `${process.ppid}\n`);
    await expect(openPglite(folder)).rejects.toThrow(new RegExp(`进程 ${process.ppid}`));
  }, 180_000);
});
