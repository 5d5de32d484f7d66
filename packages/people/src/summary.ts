/**
 * Staffing above one community: how many communities under a street, district or city keep a roster,
 * who is on post on a date, and how many communities have fewer full-time workers than the floor of
 * five (Weihai 二（四）, Jinshan 第十条). The store hands over each roster entry's stay and post only,
 * so a city's hundred thousand entries never have to be loaded as whole records.
 */
import { onPost, type Worker } from './registers.js';
import { STAFF_FLOOR, type StaffCounts, staffCounts } from './rules.js';

/** The part of a roster entry the summary needs. */
export type RosterStay = Pick<Worker, 'communityCode' | 'post' | 'fullTime' | 'joinedOn' | 'leftOn'>;

export interface StaffingSummary extends StaffCounts {
  communities: number;
  /** Communities with a roster: anyone on it joined on or before the date. */
  withRoster: number;
  /** Everyone on post on the date, whatever the post. */
  onPost: number;
  /** Communities with a roster and fewer full-time workers on post than `STAFF_FLOOR`. */
  belowFloor: number;
}

/** Stays grouped by community, so that each group of communities can be summed without a rescan. */
export function staysByCommunity(stays: readonly RosterStay[]): Map<string, RosterStay[]> {
  const out = new Map<string, RosterStay[]>();
  for (const stay of stays) {
    const list = out.get(stay.communityCode);
    if (list) list.push(stay);
    else out.set(stay.communityCode, [stay]);
  }
  return out;
}

/** The staffing of the given communities on `asOf`, summed. */
export function staffingSummary(
  communityCodes: readonly string[],
  stays: ReadonlyMap<string, readonly RosterStay[]>,
  asOf: string,
): StaffingSummary {
  const summary: StaffingSummary = {
    communities: communityCodes.length,
    withRoster: 0,
    onPost: 0,
    belowFloor: 0,
    twoCommittees: 0,
    specialists: 0,
    fullTime: 0,
  };
  for (const code of communityCodes) {
    const roster = (stays.get(code) ?? []).filter((s) => s.joinedOn <= asOf);
    if (roster.length === 0) continue;
    const counts = staffCounts(roster, asOf);
    summary.withRoster++;
    summary.onPost += roster.filter((s) => onPost(s, asOf)).length;
    summary.twoCommittees += counts.twoCommittees;
    summary.specialists += counts.specialists;
    summary.fullTime += counts.fullTime;
    if (counts.fullTime < STAFF_FLOOR) summary.belowFloor++;
  }
  return summary;
}
