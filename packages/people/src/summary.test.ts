import { describe, expect, it } from 'vitest';
import { type RosterStay, staffingSummary, staysByCommunity } from './summary.js';

const stay = (communityCode: string, joinedOn: string, extra: Partial<RosterStay> = {}): RosterStay => ({
  communityCode,
  post: 'full-time',
  fullTime: true,
  joinedOn,
  ...extra,
});

describe('staffingSummary', () => {
  const stays = staysByCommunity([
    // A: five full-time on post, one of them a two-committee member, plus one part-time specialist.
    ...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'].map((d) => stay('A', d)),
    stay('A', '2024-01-01', { post: 'two-committees' }),
    stay('A', '2024-01-01', { post: 'specialist', fullTime: false }),
    // B: four on post and one who left before the date.
    ...['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01'].map((d) => stay('B', d)),
    stay('B', '2023-01-01', { leftOn: '2025-06-01' }),
    // C: everyone joins after the date, so on the date it keeps no roster.
    stay('C', '2027-01-01'),
  ]);

  it('sums who is on post and counts the communities below the floor of five', () => {
    expect(staffingSummary(['A', 'B', 'C', 'D'], stays, '2026-01-01')).toEqual({
      communities: 4,
      withRoster: 2,
      onPost: 10,
      twoCommittees: 1,
      specialists: 1,
      fullTime: 9,
      belowFloor: 1,
    });
  });

  it('counts a leaver on the days before the leaving date', () => {
    const before = staffingSummary(['B'], stays, '2025-05-31');
    expect(before).toMatchObject({ onPost: 5, fullTime: 5, belowFloor: 0 });
    const after = staffingSummary(['B'], stays, '2025-06-01');
    expect(after).toMatchObject({ onPost: 4, fullTime: 4, belowFloor: 1 });
  });
});
