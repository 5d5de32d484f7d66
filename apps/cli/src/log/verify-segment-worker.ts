/**
 * A worker thread of `shequ log verify`: reads its byte range of the export in blocks and verifies
 * it with `LogSegmentVerifier`, posting the part's links and subtree roots (or undefined) back.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { LogSegmentVerifier } from '@shequ/archives';
import { z } from 'zod';

const job = z
  .strictObject({
    path: z.string(),
    start: z.int().min(0),
    end: z.int().min(0),
    treeSize: z.int().min(0),
  })
  .parse(workerData);

/** Large enough that per-block work is lost in the noise, small enough for many workers' memory. */
const BLOCK_BYTES = 16 * 1024 * 1024;

function verifyRange(): ReturnType<LogSegmentVerifier['finish']> {
  const verifier = new LogSegmentVerifier(job.treeSize);
  const fd = openSync(job.path, 'r');
  try {
    let buffer = Buffer.alloc(BLOCK_BYTES);
    let carried = 0;
    let position = job.start;
    while (position < job.end || carried > 0) {
      const wanted = Math.min(buffer.length - carried, job.end - position);
      const read = wanted > 0 ? readSync(fd, buffer, carried, wanted, position) : 0;
      position += read;
      const filled = carried + read;
      const atEnd = position >= job.end || read === 0;
      // Only whole lines go to the verifier; the rest waits for the next block.
      const lastNewline = atEnd ? filled : buffer.lastIndexOf(0x0a, filled - 1) + 1;
      if (lastNewline === 0) {
        // A line longer than the block: a bigger block.
        const bigger = Buffer.alloc(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
        carried = filled;
        continue;
      }
      const lines = buffer.subarray(0, lastNewline);
      const block = lines[lines.length - 1] === 0x0a ? lines.subarray(0, -1) : lines;
      if (block.length > 0 && !verifier.push(block)) return undefined;
      carried = filled - lastNewline;
      buffer.copy(buffer, 0, lastNewline, filled);
      if (atEnd) break;
    }
  } finally {
    closeSync(fd);
  }
  return verifier.finish();
}

parentPort?.postMessage(verifyRange());
