/**
 * Checks on committees entered in bulk (a committee sheet) against one community's stored registers:
 * which roster entry a member's identity number names, and whether a sub-committee's chair is a
 * residents' committee member where `subCommitteesLedByMember` binds. Pure: the importer loads the
 * registers, calls these, and writes nothing when one finds a problem.
 */

import type { GoverningOptions } from './citations.js';
import {
  type Committee,
  type CommunityRegisters,
  committeeKindLabels,
  type Grid,
  onPost,
  type Worker,
} from './registers.js';
import { gridLeadersOnCommittee, subCommitteesLedByMember } from './rules.js';

/**
 * The community's roster entry for an identity number: the stay covering `on` (the member's first
 * day), else the latest stay, since a committee term may be entered for someone who has since left.
 */
export function rosterEntryFor(
  registers: Pick<CommunityRegisters, 'workers'>,
  idNumber: string,
  on: string,
): Worker | undefined {
  const stays = registers.workers.filter((w) => w.idNumber === idNumber);
  return stays.find((w) => onPost(w, on)) ?? stays.at(-1);
}

/** A sub-committee of `incoming` whose chair the rule refuses, and the chair's position in it. */
export interface SubCommitteeChairProblem {
  committee: number;
  /** The chair's index in the committee's members; `undefined` when it has no chair. */
  member: number | undefined;
  message: string;
}

/**
 * Ezhou 第七条（一）, Jiangsu 10（1）: each sub-committee is led by a residents' committee member. For
 * each incoming sub-committee the rule is evaluated on the day its chair starts (or its term does),
 * with the stored committees and the incoming residents' committees together; where no residents'
 * committee serves that day the rule cannot tell (`unknown`) and nothing is refused, as the
 * organisation page reports it. Only a `binding` finding refuses, and only where Ezhou 第七条（一） or
 * Jiangsu 10（1） governs the community (`governs`; absent, both are taken to govern). The committee
 * sheet checks its sub-committees with it, and so does a sub-committee entered on its own.
 */
export function subCommitteeChairProblems(
  registers: CommunityRegisters,
  incoming: readonly Committee[],
  options: GoverningOptions = {},
): SubCommitteeChairProblem[] {
  const others = [...registers.committees, ...incoming].filter((c) => c.kind !== 'sub');
  const problems: SubCommitteeChairProblem[] = [];
  incoming.forEach((sub, index) => {
    if (sub.kind !== 'sub') return;
    const chair = sub.members.findIndex((m) => m.role === 'chair');
    const from = sub.members[chair]?.from;
    const asOf = from !== undefined && from > sub.termFrom ? from : sub.termFrom;
    const finding = subCommitteesLedByMember({ ...registers, committees: [...others, sub] }, asOf, options);
    if (finding?.status !== 'fail' || finding.binding !== 'binding') return;
    problems.push({
      committee: index,
      member: chair >= 0 ? chair : undefined,
      message:
        chair >= 0
          ? `下属委员会主任应由本届居民委员会成员兼任（${asOf}），此人不是居委会成员`
          : `下属委员会应由本届居民委员会成员兼任主任（${asOf}），未填写主任`,
    });
  });
  return problems;
}

/** Whether two committees are the same body (kind, and a sub-committee's category) with terms sharing a day. */
function sameBodyOverlapping(a: Committee, b: Committee): boolean {
  return (
    a.kind === b.kind &&
    (a.subKind ?? '') === (b.subKind ?? '') &&
    a.termFrom <= b.termTo &&
    b.termFrom <= a.termTo
  );
}

/**
 * A community has one committee of a kind (one sub-committee of a category) at a time: each incoming
 * committee whose term shares a day with a stored one, or with an earlier incoming one, and why.
 */
export function committeeTermClashes(
  registers: Pick<CommunityRegisters, 'committees'>,
  incoming: readonly Committee[],
): { committee: number; message: string }[] {
  const clashes: { committee: number; message: string }[] = [];
  incoming.forEach((c, index) => {
    const stored = registers.committees.find((s) => sameBodyOverlapping(s, c));
    const earlier = incoming.slice(0, index).find((s) => sameBodyOverlapping(s, c));
    const other = stored ?? earlier;
    if (!other) return;
    const what = c.kind === 'sub' ? `下属委员会“${c.subKind ?? ''}”` : committeeKindLabels[c.kind];
    clashes.push({
      committee: index,
      message: `${stored ? '本社区已登记' : '表中已有'}${what}${other.termFrom}至${other.termTo}一届，任期不能重叠`,
    });
  });
  return clashes;
}

/**
 * Ezhou 第七条（一）: why `workerId` may not be a grid's 网格长 on `asOf`, or `undefined`. The leader is
 * someone on this community's roster on that day; where a residents' committee serves then, they
 * must sit on it, refused because the rule binds (`gridLeadersOnCommittee`); where none is registered
 * the rule cannot tell and the organisation page reports it instead.
 */
export function gridLeaderProblem(
  registers: CommunityRegisters,
  workerId: string,
  asOf: string,
  options: GoverningOptions = {},
): string | undefined {
  const entry = registers.workers.find((w) => w.id === workerId);
  if (!entry || !onPost(entry, asOf)) return '网格长应为本社区花名册上在岗的工作者';
  const finding = gridLeadersOnCommittee(
    {
      ...registers,
      grids: [
        {
          id: '-',
          communityCode: registers.communityCode,
          name: '-',
          leaderWorkerId: workerId,
          workerIds: [],
        },
      ],
    },
    asOf,
    options,
  );
  if (finding?.status !== 'fail' || finding.binding !== 'binding') return undefined;
  return `网格长应由本届居民委员会成员兼任（${asOf}），${entry.name}不是居委会成员`;
}

/** The community's grid of that name (a building or resident group names the grid it lies in). */
export function gridNamed(registers: Pick<CommunityRegisters, 'grids'>, name: string): Grid | undefined {
  return registers.grids.find((g) => g.name === name);
}
