/**
 * Checks a new or changed roster entry against the others before anything is written: the same
 * identity number twice in one community at the same time, or one person on two communities'
 * rosters at once. Each problem is a field message; the caller writes nothing when there is one.
 */
import type { FieldIssue } from '@shequ/domain';
import { maskIdNumber } from './masking.js';
import type { Worker } from './registers.js';

/** The part of another roster entry a check needs (the store can answer with just this). */
export type RosterEntry = Pick<Worker, 'id' | 'communityCode' | 'name' | 'idNumber' | 'joinedOn' | 'leftOn'>;

/** Whether two stays on a roster share a day; an open stay lasts until further notice. */
export function staysOverlap(
  a: Pick<Worker, 'joinedOn' | 'leftOn'>,
  b: Pick<Worker, 'joinedOn' | 'leftOn'>,
): boolean {
  // `leftOn` is the first day off the roster, so a stay is [joinedOn, leftOn).
  const aEndsAfterBStarts = a.leftOn === undefined || a.leftOn > b.joinedOn;
  const bEndsAfterAStarts = b.leftOn === undefined || b.leftOn > a.joinedOn;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/**
 * Problems of `candidate` against `others` (entries with the same identity number, from any
 * community; the candidate's own earlier version, same id, is ignored). Someone who left and came
 * back has two entries whose stays do not overlap, and that is allowed.
 */
export function rosterConflicts(candidate: RosterEntry, others: readonly RosterEntry[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const other of others) {
    if (other.id === candidate.id || other.idNumber !== candidate.idNumber) continue;
    if (!staysOverlap(candidate, other)) continue;
    if (other.communityCode === candidate.communityCode) {
      issues.push({
        path: 'idNumber',
        message: `身份证号码 ${maskIdNumber(candidate.idNumber)} 已登记在本社区花名册（${other.name}，${other.joinedOn}起），不能重复登记`,
      });
    } else {
      issues.push({
        path: 'joinedOn',
        message: `此人同期已在社区 ${other.communityCode} 任职（${other.joinedOn}起${other.leftOn ? `至${other.leftOn}` : ''}），不能同时在两个社区任职`,
      });
    }
  }
  return issues;
}
