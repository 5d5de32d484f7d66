/**
 * One process per PGlite data folder (docs/interfaces.md §8; see the db README). PGlite has no
 * lock of its own: two processes on one folder both start, both hand out the same numbers and the folder
 * is corrupted when they close. As PostgreSQL does with `postmaster.pid`, the opener creates a lock file
 * holding its process id, atomically (`wx` = O_CREAT|O_EXCL), and removes it on close or exit.
 *
 * A lock whose process no longer exists (a kill -9, a power cut) is taken over. Two processes recovering
 * the same stale lock at once must not both win, so the takeover itself is serialised by a second
 * exclusive file: only its holder may delete the stale lock, after reading it again.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'shequ.pid';
const TAKEOVER_FILE_NAME = 'shequ.pid.takeover';

/** Thrown when another live process holds the data folder. The message is the one line a user sees. */
export class DataFolderLocked extends Error {
  readonly folder: string;
  readonly holderPid: number;
  constructor(folder: string, holderPid: number) {
    super(`数据目录 ${folder} 正被进程 ${holderPid} 使用：同一数据目录只能由一个进程打开，请先停止该进程`);
    this.name = 'DataFolderLocked';
    this.folder = folder;
    this.holderPid = holderPid;
  }
}

/** Folders this process holds: a second open in the same process would corrupt the folder just the same. */
const heldHere = new Set<string>();

export interface FolderLock {
  readonly path: string;
  release(): void;
}

/** Takes the folder's lock or throws `DataFolderLocked`; the folder must exist. */
export function lockDataFolder(folder: string): FolderLock {
  const path = join(folder, LOCK_FILE_NAME);
  if (heldHere.has(folder)) throw new DataFolderLocked(folder, process.pid);
  // A few rounds only: each one either creates the file, finds a live holder, or removes a stale lock.
  for (let round = 0; round < 5; round++) {
    if (tryCreate(path)) return held(folder, path);
    const holder = readPid(path);
    if (holder !== null && isAlive(holder)) throw new DataFolderLocked(folder, holder);
    // An empty file may be a holder that has created it and not yet written its pid: look again shortly.
    if (holder === null && round < 3) {
      pause(50);
      continue;
    }
    takeOverStale(folder, path, holder);
  }
  const holder = readPid(path);
  throw new DataFolderLocked(folder, holder ?? 0);
}

function held(folder: string, path: string): FolderLock {
  heldHere.add(folder);
  const onExit = () => removeIfOurs(path);
  // A process that ends without closing (process.exit after an error) still leaves the folder free.
  process.once('exit', onExit);
  return {
    path,
    release() {
      if (!heldHere.delete(folder)) return;
      process.removeListener('exit', onExit);
      removeIfOurs(path);
    },
  };
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, `${process.pid}\n${new Date().toISOString()}\n`, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The holder's pid, or null when the file is gone or unreadable (a writer cut off mid-write). */
function readPid(path: string): number | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  // Our own pid in a lock we do not hold (heldHere says so) is a previous run's lock that happened to get
  // the same pid again, as often happens in containers: stale.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still a live holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeOverStale(folder: string, path: string, stalePid: number | null): void {
  const takeover = join(folder, TAKEOVER_FILE_NAME);
  if (!tryCreate(takeover)) {
    const recoverer = readPid(takeover);
    if (recoverer !== null && isAlive(recoverer)) throw new DataFolderLocked(folder, recoverer);
    // A recoverer that died between its two steps: its takeover file is as stale as the lock.
    try {
      unlinkSync(takeover);
    } catch {}
    return;
  }
  try {
    // Read again under the takeover file: someone may have taken the folder since we looked.
    const now = readPid(path);
    if (now === stalePid && (now === null || !isAlive(now))) {
      try {
        unlinkSync(path);
      } catch {}
    }
  } finally {
    try {
      unlinkSync(takeover);
    } catch {}
  }
}

function removeIfOurs(path: string): void {
  if (readPid(path) !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {}
}
