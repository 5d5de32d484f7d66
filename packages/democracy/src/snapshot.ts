/**
 * The snapshot's facts worked out from the democracy registers as of a date (docs/interfaces.md §2,
 * §5): `meetings`, `charters`, `disclosures`, `consultation.contestedUnsubmitted`, `burden.*` and, from
 * the election in force, `committee.competitiveElection/secretBallot` and
 * `supervisionCommittee.chairVotes/lowestElectedVotes/votesCast`, and from the deliberation body
 * `deliberation.body/rules`. A register with nothing on or before the date derives nothing, so a typed
 * value remains.
 */
import { type CommunityFacts, type DerivedFacts, derivedFacts } from '@shequ/domain';
import type { DemocracyRegisters } from './records.js';
import { contestedUnsubmitted, deliberationBodyOn, electionInForce, meetingBurden } from './rules.js';

export function deriveDemocracyFacts(registers: DemocracyRegisters, asOf: string): DerivedFacts {
  const facts: CommunityFacts = {};

  const meetings = [
    ...registers.meetings
      .filter((m) => m.heldOn <= asOf)
      .map((m) => ({
        kind: m.kind,
        noticeOn: m.noticeOn,
        heldOn: m.heldOn,
        ...(m.annualReport === undefined ? {} : { annualReport: m.annualReport }),
      })),
    ...registers.consultations
      .filter((c) => c.heldOn <= asOf)
      .map((c) => ({ kind: 'consultation-meeting', noticeOn: c.noticeOn, heldOn: c.heldOn })),
  ]
    .map(({ noticeOn, ...m }) => (noticeOn === undefined ? m : { ...m, noticeOn }))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.kind.localeCompare(b.kind));
  if (meetings.length > 0) facts.meetings = meetings;

  const charters = registers.charters.flatMap((c) =>
    c.versions
      .filter((v) => v.adoptedOn !== undefined && v.adoptedOn <= asOf)
      .map((v) => ({
        kind: c.kind,
        adoptedOn: v.adoptedOn as string,
        ...(v.filedOn !== undefined && v.filedOn <= asOf ? { filedOn: v.filedOn } : {}),
      })),
  );
  if (charters.length > 0) facts.charters = charters.sort((a, b) => a.adoptedOn.localeCompare(b.adoptedOn));

  // Each disclosure keeps its category; whether the accounts count as routine is the pack's reading.
  const disclosures = registers.disclosures
    .filter((d) => d.on <= asOf)
    .map((d) => ({ kind: d.category, on: d.on }))
    .sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind));
  if (registers.disclosures.some((d) => d.on <= asOf)) facts.disclosures = disclosures;

  if (registers.consultations.some((c) => c.heldOn <= asOf))
    facts.consultation = { contestedUnsubmitted: contestedUnsubmitted(registers.consultations, asOf).length };

  if (registers.imposedMeetings.some((m) => m.heldOn <= asOf)) {
    const {
      period: _period,
      citation: _citation,
      ...burden
    } = meetingBurden(registers.imposedMeetings, asOf);
    facts.burden = burden;
  }

  // The election in force: the latest held by the date whose term has not ended.
  const inForce = (kind: 'committee' | 'supervision') => electionInForce(registers.elections, kind, asOf);
  const committee = inForce('committee');
  if (committee)
    facts.committee = {
      // 差额: more candidates than seats (Jiangsu 7（2））.
      competitiveElection: committee.candidates.length > committee.seats,
      secretBallot: committee.secretBallot,
    };
  const supervision = inForce('supervision');
  const chair = supervision?.candidates.find((c) => c.post === 'chair' && c.elected);
  if (supervision && chair) {
    // The fewest votes of any elected member, the chair among them: what the reading that every
    // member needs more than half of the votes cast (Jiangsu 17（4）, alternative) is decided on.
    let lowestElectedVotes = chair.votes;
    for (const c of supervision.candidates)
      if (c.elected && c.votes < lowestElectedVotes) lowestElectedVotes = c.votes;
    facts.supervisionCommittee = {
      chairVotes: chair.votes,
      lowestElectedVotes,
      votesCast: supervision.votesCast,
    };
  }

  // 第十七、十八条: a body working on the date, and whether it had adopted its rules by then. With no
  // body on record nothing is derived, so a typed value remains.
  const bodies = registers.deliberationBodies ?? [];
  if (bodies.some((b) => b.establishedOn <= asOf)) {
    const body = deliberationBodyOn(bodies, asOf);
    facts.deliberation = {
      body: body !== undefined,
      rules: body?.rulesAdoptedOn !== undefined && body.rulesAdoptedOn <= asOf,
    };
  }

  return derivedFacts(facts);
}
