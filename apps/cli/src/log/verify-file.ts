/**
 * `shequ log verify` over a file, on every core: the export is cut at line ends into one part per
 * core, worker threads verify the parts (`LogSegmentVerifier`) and the parts are joined
 * (`joinLogSegments`); with one thread, one worker streams the file. A log that does not pass that way, or a small one, is
 * verified whole by `verifyLogBytes` in this thread, which names the first problem exactly.
 */

import { open, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import {
  type CustodyCheckpoint,
  joinLogSegments,
  type LogVerification,
  type VerifiedLogSegment,
  type VerifyLogOptions,
  verifyLogBytes,
} from '@shequ/archives';
import { startModuleWorker } from '@shequ/db/worker-thread';

/** Below this, starting workers costs more than it saves. */
const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;

const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(
  fromSource ? './verify-segment-worker.ts' : './verify-segment-worker.js',
  import.meta.url,
);

export interface FileVerification {
  result: LogVerification;
  /** How many worker threads verified it (0: this thread alone). */
  workers: number;
}

export async function verifyLogFile(
  path: string,
  checkpoints: readonly CustodyCheckpoint[],
  options: VerifyLogOptions = {},
  threads = availableParallelism(),
): Promise<FileVerification[]> {
  const { size } = await stat(path);
  if (size >= PARALLEL_FROM_BYTES) {
    const bounds = await lineBounds(path, size, threads);
    // One pass of the workers serves every checkpoint whose tree size it was asked for.
    const results: FileVerification[] = [];
    for (const checkpoint of checkpoints) {
      const segments = await Promise.all(
        bounds
          .slice(0, -1)
          .map((start, i) => verifySegment(path, start, bounds[i + 1] as number, checkpoint.size)),
      );
      const joined = joinLogSegments(segments, checkpoint, options);
      if (joined === undefined) break;
      results.push({ result: joined, workers: segments.length });
    }
    if (results.length === checkpoints.length) return results;
  }
  const bytes = await readFile(path);
  return checkpoints.map((checkpoint) => ({
    result: verifyLogBytes(bytes, checkpoint, options),
    workers: 0,
  }));
}

/** Where each part starts (just after a newline) and the file's end, about `parts` parts. */
async function lineBounds(path: string, size: number, parts: number): Promise<number[]> {
  const bounds = [0];
  const file = await open(path, 'r');
  try {
    const probe = Buffer.alloc(64 * 1024);
    for (let i = 1; i < parts; i += 1) {
      let at = Math.floor((size * i) / parts);
      if (at <= (bounds[bounds.length - 1] as number)) continue;
      for (;;) {
        const { bytesRead } = await file.read(probe, 0, probe.length, at);
        if (bytesRead === 0) {
          at = size;
          break;
        }
        const newline = probe.subarray(0, bytesRead).indexOf(0x0a);
        if (newline >= 0) {
          at += newline + 1;
          break;
        }
        at += bytesRead;
      }
      if (at < size && at > (bounds[bounds.length - 1] as number)) bounds.push(at);
    }
  } finally {
    await file.close();
  }
  bounds.push(size);
  return bounds;
}

function verifySegment(
  path: string,
  start: number,
  end: number,
  treeSize: number,
): Promise<VerifiedLogSegment | undefined> {
  return new Promise((resolve) => {
    // Run from source (`bin/shequ.js` starts Node with `--import tsx`), the worker loads TypeScript too.
    const worker = startModuleWorker(workerUrl, {
      workerData: { path, start, end, treeSize },
      resolve: import.meta.resolve,
    });
    let settled = false;
    worker.once('message', (segment: VerifiedLogSegment | undefined) => {
      settled = true;
      resolve(segment);
    });
    // A worker that fails to start or throws leaves the file to this thread.
    worker.once('error', () => {
      if (!settled) resolve(undefined);
      settled = true;
    });
    worker.once('exit', () => {
      if (!settled) resolve(undefined);
    });
  });
}
