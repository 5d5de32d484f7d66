/**
 * The console and `shequ check` must agree. `shequ check` calls `checkCommunity` (full results); the
 * console's community page evaluates the same chain with `explain: true`, and its overview and
 * dashboards with `statusesOnly`. Three paths through the evaluator, one answer: checked here on
 * varied communities of every shipped chain, boundaries included.
 */
import { type CommunitySnapshot, communitySnapshot } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { checkCommunity, evaluatorFor, packChain, packsFor } from './index.js';

/** A small deterministic generator, so a failure names a reproducible community. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const maybe = <T>(value: () => T): T | undefined => (next() < 0.75 ? value() : undefined);
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!;
  return { int, maybe, pick, next };
}

function community(code: string, seed: number): CommunitySnapshot {
  const g = generator(seed);
  const households = g.pick([1000, 2000, 2978, 3000, 3220, g.int(0, 9000)]);
  const perHundred = g.pick([30, 50]);
  const exact = (households * perHundred) / 100;
  const snapshot = {
    code,
    name: '测试社区',
    asOf: g.pick(['2019-12-01', '2020-06-30', '2023-08-24', '2024-06-30']),
    setting: g.maybe(() => g.pick(['urban', 'rural'] as const)),
    townSeat: g.maybe(() => g.next() < 0.5),
    newlyBuilt: g.maybe(() => g.next() < 0.5),
    households: g.maybe(() => households),
    residents: g.maybe(() => g.int(0, 30000)),
    occupancyRate: g.maybe(() => g.pick([0.49, 0.5, 0.8])),
    newAreaHouseholds: g.maybe(() => g.pick([1999, 2000, 600])),
    facility: g.maybe(() => ({
      totalArea: g.maybe(() => g.pick([exact, exact - 0.01, 800, 1000, g.int(0, 3000)])),
      mainBuildingFloors: g.maybe(() => g.int(1, 5)),
      functions: g.maybe(() => ['convenience-hall' as const]),
      emergencyShelter: g.maybe(() => g.next() < 0.5),
      fireSafety: g.maybe(() => g.next() < 0.5),
      otherSignboards: g.maybe(() => g.int(0, 2)),
    })),
    committee: g.maybe(() => ({ members: g.int(3, 11), viceChairs: g.int(0, 3) })),
    staff: g.maybe(() => ({
      fullTime: g.maybe(() => g.int(2, 12)),
      twoCommittees: g.maybe(() => g.int(3, 10)),
      specialists: g.maybe(() => g.int(2, 6)),
    })),
    funds: g.maybe(() => ({ work: g.maybe(() => g.pick([60000, 107208, 107207.99])), partyService: 200000 })),
    assessment: g.maybe(() => ({
      annualWeight: g.pick([0.4, 0.41]),
      residentShareRoutine: g.pick([0.49, 0.5]),
      streetRatingResidentShare: g.pick([0.49, 0.5]),
    })),
    residentGroups: g.maybe(() => [{ households: g.int(50, 600) }]),
    subCommittees: g.maybe(() => [{ kind: 'mediation', members: g.int(1, 6) }]),
  };
  // Drop the undefined fields and any vice chairs beyond the members, as a stored snapshot would be.
  const parsed = communitySnapshot.safeParse(JSON.parse(JSON.stringify(snapshot)));
  if (parsed.success) return parsed.data;
  const { committee: _committee, ...rest } = JSON.parse(JSON.stringify(snapshot)) as CommunitySnapshot;
  return communitySnapshot.parse(rest);
}

const codes = ['420702001001', '371002001001', '370305111007', '320102001001'];

describe('the console and shequ check agree', () => {
  it.each(codes)('on 200 communities of %s: full results, explained results and statuses', (code) => {
    const evaluator = evaluatorFor(packsFor(code));
    for (let seed = 1; seed <= 200; seed++) {
      const snapshot = community(code, seed * 7919 + code.length);
      const cli = checkCommunity(snapshot);
      const { code: _code, name: _name, asOf, format: _format, ...facts } = snapshot;
      const page = evaluator(facts, { asOf, explain: true });
      const overview = evaluator(facts, { asOf, statusesOnly: true });
      const summaryOnly = evaluator(facts, { asOf, summaryOnly: true });
      const strip = (results: typeof cli.results) =>
        results.map(({ explanation: _explanation, ...result }) => result);
      expect(strip(page.results), `seed ${seed}`).toEqual(strip(cli.results));
      expect(overview.statuses, `seed ${seed}`).toEqual(cli.results.map((r) => r.status));
      expect(overview.summary).toEqual(cli.summary);
      expect(summaryOnly.summary).toEqual(cli.summary);
      expect(page.quantities).toEqual(cli.quantities);
      expect(overview.quantities).toEqual(cli.quantities);
    }
  });

  it('and so does the explicitly chosen 2013 regulation', () => {
    const evaluator = evaluatorFor(packChain('000013'));
    for (let seed = 1; seed <= 100; seed++) {
      const snapshot = community('110101001001', seed);
      const cli = checkCommunity(snapshot, { jurisdiction: '000013' });
      const { code: _code, name: _name, asOf, format: _format, ...facts } = snapshot;
      expect(evaluator(facts, { asOf, statusesOnly: true }).statuses).toEqual(
        cli.results.map((r) => r.status),
      );
    }
  });
});
