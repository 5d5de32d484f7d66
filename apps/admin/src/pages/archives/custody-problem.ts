/**
 * Where a custody log first disagrees with the street's witnessed checkpoint, in words. Its own module
 * so the workbench can say it without loading the log page's status line (and its Alert).
 */
import type { RouterOutputs } from '../../lib/trpc.js';

type Problem = NonNullable<RouterOutputs['custody']['status']['problem']>;

export function firstBadSeq(problem: Problem): string {
  return problem.seq !== null ? `seq ${problem.seq}` : `seq ${problem.from}–${problem.to} 之间`;
}
