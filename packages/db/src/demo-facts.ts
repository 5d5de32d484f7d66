/**
 * Plausible facts for a community, derived from its code alone: the same code always gives the same
 * facts, so the demo data, the tests and the benchmarks agree from one machine to the next.
 * The ranges are those a civil-affairs bureau would find ordinary, with a share of communities falling
 * short of one rule or another so that compliance views have something to show.
 */
import { type CommunityFacts, facilityFunctions, type HonourKind, honourKinds } from '@shequ/domain';

/** A small, fast, seedable generator (mulberry32); statistical quality is ample for demo figures. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the code, so neighbouring codes get unrelated figures. */
function seedOf(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function demoFacts(code: string): CommunityFacts {
  const random = generator(seedOf(code));
  const between = (min: number, max: number) => Math.floor(min + random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const roundTo = (value: number, step: number) => Math.round(value / step) * step;

  const households = between(500, 4800);
  const residents = Math.round(households * (2.3 + random() * 0.8));
  const totalArea = roundTo(households * (0.18 + random() * 0.3), 10);
  const groupCount = Math.max(3, Math.round(households / between(60, 160)));
  const perGroup = Math.floor(households / groupCount);
  const committeeMembers = between(5, 9);
  const fullTime = Math.max(3, Math.round(households / between(280, 460)));
  const honours: HonourKind[] = honourKinds.filter(() => chance(0.15));
  const routineWeight = chance(0.85) ? 0.4 : 0.5;

  return {
    setting: 'urban',
    households,
    residents,
    facility: {
      totalArea,
      mainBuildingFloors: between(1, 4),
      residentSpaceArea: roundTo(totalArea * (0.55 + random() * 0.3), 10),
      functions: facilityFunctions.filter(() => chance(0.9)),
      emergencyShelter: chance(0.7),
    },
    committee: { members: committeeMembers, viceChairs: between(1, 2) },
    supervisionCommittee: { members: between(3, 5) },
    subCommittees: ['mediation', 'security', 'health', 'culture', 'welfare']
      .filter(() => chance(0.85))
      .map((kind) => ({ kind, members: between(3, 5) })),
    residentGroups: Array.from({ length: Math.min(groupCount, 40) }, () => ({ households: perGroup })),
    representatives: between(20, 60),
    staff: {
      twoCommittees: committeeMembers - between(0, 2),
      specialists: between(2, 8),
      fullTime,
    },
    salary: { annualAverage: roundTo(between(45_000, 95_000), 100) },
    funds: {
      work: roundTo(between(60_000, 320_000), 1000),
      partyService: roundTo(between(10_000, 60_000), 1000),
    },
    honours,
    assessment: {
      routineWeight,
      annualWeight: Math.round((1 - routineWeight) * 10) / 10,
      residentShareRoutine: chance(0.9) ? 0.5 : 0.4,
      residentShareAnnual: chance(0.9) ? 0.5 : 0.4,
    },
  };
}
