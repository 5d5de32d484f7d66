/**
 * The snapshot's counts worked out from the registers as of a date (docs/interfaces.md §2 and §5):
 * `staff.*`, `salary.annualAverage`, `committee.*`, `supervisionCommittee.*`, `subCommittees`,
 * `residentGroups`, `buildings`, `grids`, `propertyAreas`, `grid.*` and `representatives`. A register that is empty (or has
 * nothing in force on the date) derives nothing, so a typed value remains where no register exists;
 * `layDerivedFacts` of `@shequ/domain` lays the derived fields over the typed ones.
 */
import { type CommunityFacts, type DerivedFacts, derivedFacts } from '@shequ/domain';
import { type CommunityRegisters, membersOn, onPost, representing } from './registers.js';
import {
  chairIsCommitteeMember,
  chairOn,
  committeeMemberWorkerIds,
  countyTrainingsInYear,
  currentCommittee,
  financeOrManagementMembers,
  memberTrainings,
  staffCounts,
} from './rules.js';
import { buildingsOfGridsAndAreas, gridWithGroups, householdsPerGrid } from './units.js';

/** Average pay rounded half up to the fen; undefined unless every worker on the roster has pay entered. */
export function averagePay(pays: readonly (number | undefined)[]): number | undefined {
  if (pays.length === 0 || pays.some((p) => p === undefined)) return undefined;
  const fen = pays.reduce<number>((sum, p) => sum + Math.round((p ?? 0) * 100), 0);
  return Math.round(fen / pays.length) / 100;
}

export function deriveSnapshotFacts(registers: CommunityRegisters, asOf: string): DerivedFacts {
  const facts: CommunityFacts = {};

  const current = registers.workers.filter((w) => onPost(w, asOf));
  // A roster that has anyone who joined by the date is a register for the date, even if all have left.
  if (registers.workers.some((w) => w.joinedOn <= asOf)) {
    facts.staff = staffCounts(registers.workers, asOf);
    const average = averagePay(current.map((w) => w.annualPay));
    if (average !== undefined) facts.salary = { annualAverage: average };
  }

  const chairTrainings = (kind: 'residents' | 'supervision') => {
    const chair = chairOn(registers, kind, asOf);
    const trainings = chair ? memberTrainings(registers, chair) : undefined;
    return trainings ? countyTrainingsInYear({ trainings }, asOf) : undefined;
  };

  const residents = currentCommittee(registers, 'residents', asOf);
  if (residents) {
    const members = membersOn(residents, asOf);
    const trainings = chairTrainings('residents');
    facts.committee = {
      members: members.length,
      viceChairs: members.filter((m) => m.role === 'vice-chair').length,
      ...(trainings === undefined ? {} : { chairTrainings: trainings }),
    };
  }
  const supervision = currentCommittee(registers, 'supervision', asOf);
  if (supervision) {
    const trainings = chairTrainings('supervision');
    const members = membersOn(supervision, asOf);
    const knowing = financeOrManagementMembers(members);
    facts.supervisionCommittee = {
      members: members.length,
      ...(knowing === undefined ? {} : { financeOrManagementMembers: knowing }),
      ...(trainings === undefined ? {} : { chairTrainings: trainings }),
    };
  }
  const committeeIds = committeeMemberWorkerIds(registers, asOf);
  const subs = registers.committees.filter((c) => c.kind === 'sub' && membersOn(c, asOf).length > 0);
  if (subs.length > 0) {
    facts.subCommittees = subs.map((s) => ({
      kind: s.subKind ?? 'other',
      members: membersOn(s, asOf).length,
      ...(residents ? { chairIsCommitteeMember: chairIsCommitteeMember(s, committeeIds, asOf) } : {}),
    }));
  }
  if (registers.residentGroups.length > 0)
    facts.residentGroups = registers.residentGroups.map((g) => ({ households: g.households }));
  if (registers.buildings.length > 0)
    facts.buildings = registers.buildings.map((b) => ({
      households: b.households,
      leader: b.leaderName !== undefined,
    }));
  const position = new Map(registers.buildings.map((b, i) => [b.id, i]));
  const positions = (ids: readonly string[]) => ids.flatMap((id) => position.get(id) ?? []);
  const inUnits = buildingsOfGridsAndAreas(registers);
  if (inUnits.areas.length > 0)
    facts.propertyAreas = inUnits.areas.map((ids) => ({ buildings: positions(ids) }));
  if (registers.grids.length > 0) {
    // Ezhou 第七条（二）: each grid's households, its groups' and its buildings (positions in `buildings[]`),
    // for the pack's groups-and-grids-coincide, which also weighs the property-service areas against them.
    facts.grids = householdsPerGrid(registers).map((g, i) => ({
      ...gridWithGroups(registers, g),
      buildings: positions(inUnits.grids[i] ?? []),
    }));
    const leaders = registers.grids.filter((g) => g.leaderWorkerId !== undefined);
    facts.grid = {
      leaders: leaders.length,
      ...(residents
        ? { leadersOnCommittee: leaders.filter((g) => committeeIds.has(g.leaderWorkerId ?? '')).length }
        : {}),
    };
  }
  // Like the roster: a register with anyone whose term began by the date counts, even if none serves now.
  const representatives = registers.representatives ?? [];
  if (representatives.some((r) => r.from <= asOf))
    facts.representatives = representatives.filter((r) => representing(r, asOf)).length;
  return derivedFacts(facts);
}
