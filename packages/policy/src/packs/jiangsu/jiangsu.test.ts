import { readFileSync } from 'node:fs';
import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { compile, type Reading } from '../../engine/index.js';
import { nationalPack } from '../national/index.js';
import { jiangsuPack } from './index.js';

// Item 7 replaces a national rule, so Jiangsu composes below the national pack, as it ships.
const jiangsu = compile([nationalPack, jiangsuPack]);
const asOf = '2024-06-30';

function evaluate(facts: CommunityFacts, options: { asOf?: string; alternative?: string[] } = {}) {
  const readings: Record<string, Reading> = {};
  for (const id of options.alternative ?? []) readings[id] = 'alternative';
  return jiangsu(facts, { asOf: options.asOf ?? asOf, readings });
}

function result(rule: string, facts: CommunityFacts, options?: { asOf?: string; alternative?: string[] }) {
  const found = evaluate(facts, options).results.find((r) => r.rule === `jiangsu.${rule}`);
  if (!found) throw new Error(`no result for jiangsu.${rule}`);
  return found;
}

const statusOf = (rule: string, facts: CommunityFacts, options?: { asOf?: string; alternative?: string[] }) =>
  result(rule, facts, options).status;

const statuses = (
  rule: string,
  cases: CommunityFacts[],
  options?: { asOf?: string; alternative?: string[] },
) => cases.map((facts) => statusOf(rule, facts, options));

describe('the pack', () => {
  const source = readFileSync(new URL('../../../sources/jiangsu.txt', import.meta.url), 'utf8');
  // The copy lost the dash of ranges ("59人" is 5—9); the quotes restore it and change nothing else.
  const inSource = (quote: string) =>
    new RegExp(quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/—/g, '—?')).test(source);

  it('quotes the document verbatim in every rule and parameter citation', () => {
    const quotes = [
      ...jiangsuPack.rules.map((r) => r.citation.quote),
      ...jiangsuPack.parameters.flatMap((p) => p.values.map((v) => v.citation.quote)),
    ];
    expect(quotes.filter((q) => !inSource(q))).toEqual([]);
  });

  it('cites items as the guideline numbers them', () => {
    for (const rule of jiangsuPack.rules) expect(rule.citation.article).toMatch(/^\d+(（\d）)?$/);
  });

  it('applies to urban communities from 2023-08-24 only', () => {
    const facts: CommunityFacts = { households: 1000, committee: { members: 4 } };
    expect(statusOf('community-size', facts, { asOf: '2023-08-23' })).toBe('not-applicable');
    expect(statusOf('community-size', facts, { asOf: '2023-08-24' })).toBe('warn');
    expect(statusOf('committee-size', { ...facts, setting: 'rural' })).toBe('not-applicable');
  });

  it('reports unknown, not pass, when a fact is missing', () => {
    const evaluation = evaluate({});
    const notUnknown = evaluation.results.filter(
      (r) => r.status !== 'unknown' && r.status !== 'not-applicable',
    );
    expect(notUnknown).toEqual([]);
  });
});

describe('1 community size and new residential areas', () => {
  it('warns outside 2000—3000 households', () => {
    expect(
      statuses(
        'community-size',
        [1999, 2000, 3000, 3001].map((households) => ({ households })),
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
  });

  it('fails a new area at 50% occupancy and 2000 households, not below either', () => {
    expect(statusOf('new-area-committee', { occupancyRate: 0.49, newAreaHouseholds: 2500 })).toBe(
      'not-applicable',
    );
    expect(statusOf('new-area-committee', { occupancyRate: 0.5, newAreaHouseholds: 2000 })).toBe('fail');
    expect(statusOf('new-area-committee', { occupancyRate: 0.8, newAreaHouseholds: 1999 })).toBe(
      'not-applicable',
    );
    expect(statusOf('new-area-committee', { occupancyRate: 0.8 })).toBe('unknown');
  });

  it('item 1: the new area’s own households decide, not the community’s', () => {
    expect(
      statusOf('new-area-committee', { occupancyRate: 0.8, households: 3000, newAreaHouseholds: 600 }),
    ).toBe('not-applicable');
    expect(statusOf('new-area-committee', { occupancyRate: 0.8, households: 3000 })).toBe('unknown');
    expect(
      statusOf('new-area-committee', { occupancyRate: 0.8, households: 1500, newAreaHouseholds: 2100 }),
    ).toBe('fail');
  });

  it('read alternatively, occupancy alone decides', () => {
    const alternative = ['jiangsu.new-area-size'];
    expect(
      statusOf('new-area-committee', { occupancyRate: 0.5, newAreaHouseholds: 1999 }, { alternative }),
    ).toBe('fail');
    expect(statusOf('new-area-committee', { occupancyRate: 0.5 }, { alternative })).toBe('fail');
    expect(statusOf('new-area-committee', { occupancyRate: 0.49 }, { alternative })).toBe('not-applicable');
  });

  it('without an occupancy no new area is reported: not applicable, or unknown when read as unrecorded', () => {
    const unrecorded = { alternative: ['new-area-unreported'] };
    expect(statusOf('new-area-committee', { households: 3000 })).toBe('not-applicable');
    expect(statusOf('new-area-committee', { households: 3000 }, unrecorded)).toBe('unknown');
    // The new area's households report the area, so its missing occupancy is unknown under either reading.
    expect(statusOf('new-area-committee', { newAreaHouseholds: 2500 })).toBe('unknown');
    expect(statusOf('new-area-committee', { newAreaHouseholds: 2500 }, unrecorded)).toBe('unknown');
    // A reported occupancy is judged the same under either reading.
    expect(statusOf('new-area-committee', { occupancyRate: 0.5, newAreaHouseholds: 2000 }, unrecorded)).toBe(
      'fail',
    );
  });

  it('says what was found when the committee is missing, under either reading', () => {
    const fail = result('new-area-committee', { occupancyRate: 0.5, newAreaHouseholds: 2000 });
    expect(fail.expected).toBe('已成立社区居民委员会');
    expect(fail.actual).toBe('入住率50%、新建住宅区常住2000户，尚未成立居民委员会');
    const read = result(
      'new-area-committee',
      { occupancyRate: 0.5 },
      { alternative: ['jiangsu.new-area-size'] },
    );
    expect(read.actual).toBe('入住率50%，尚未成立居民委员会');
  });
});

describe('7 residents committee', () => {
  it('warns outside 5—9 members', () => {
    expect(
      statuses(
        'committee-size',
        [4, 5, 9, 10].map((members) => ({ committee: { members } })),
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
  });

  it('warns outside 1—2 vice chairs', () => {
    expect(
      statuses(
        'vice-chairs',
        [0, 1, 2, 3].map((viceChairs) => ({ committee: { viceChairs } })),
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
  });

  it('prefers an odd number of members', () => {
    expect(
      statuses(
        'committee-odd',
        [7, 8].map((members) => ({ committee: { members } })),
      ),
    ).toEqual(['pass', 'warn']);
  });
});

describe('8 resident groups', () => {
  const groups = (...sizes: number[]) => sizes.map((households) => ({ households }));

  it('warns for a group outside 100—150 households', () => {
    expect(
      statuses('resident-group-size', [
        { residentGroups: groups(100, 150) },
        { residentGroups: groups(99, 120) },
        { residentGroups: groups(151) },
      ]),
    ).toEqual(['pass', 'warn', 'warn']);
    expect(statusOf('resident-group-size', { residentGroups: [] })).toBe('not-applicable');
  });

  it('read alternatively, only the average per group counts', () => {
    const alternative = ['jiangsu.resident-group-size'];
    const uneven = { households: 250, residentGroups: groups(80, 170) };
    expect(statusOf('resident-group-size', uneven)).toBe('warn');
    expect(statusOf('resident-group-size', uneven, { alternative })).toBe('pass');
    expect(
      statuses(
        'resident-group-size',
        [
          { households: 999, residentGroups: groups(1, 1, 1, 1, 1, 1, 1, 1, 1, 1) },
          { households: 1000, residentGroups: groups(1, 1, 1, 1, 1, 1, 1, 1, 1, 1) },
          { households: 1500, residentGroups: groups(1, 1, 1, 1, 1, 1, 1, 1, 1, 1) },
          { households: 1501, residentGroups: groups(1, 1, 1, 1, 1, 1, 1, 1, 1, 1) },
          { residentGroups: groups(120) },
        ],
        { alternative },
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn', 'unknown']);
    // Three groups: the bounds are 300 and 450 households, an average of 99⅔ or 150⅓ is outside.
    expect(
      statuses(
        'resident-group-size',
        [299, 300, 450, 451].map((households) => ({ households, residentGroups: groups(1, 1, 1) })),
        { alternative },
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
    // The message does not round 99⅔ up to the bound it misses.
    const below = result(
      'resident-group-size',
      { households: 299, residentGroups: groups(1, 1, 1) },
      { alternative },
    );
    expect(below.actual).toBe('299户、3个居民小组，平均约99.7户');
  });
});

describe('9（1） representatives', () => {
  it('warns outside 50—100 representatives', () => {
    expect(
      statuses(
        'representatives-count',
        [49, 50, 100, 101].map((representatives) => ({ representatives, households: 3000 })),
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
  });

  it('leaves a community above 3000 households to its residents meeting', () => {
    expect(statusOf('representatives-count', { representatives: 120, households: 3001 })).toBe(
      'not-applicable',
    );
    expect(statusOf('representatives-count', { representatives: 120 })).toBe('unknown');
    expect(statusOf('representatives-count', { representatives: 80 })).toBe('pass');
  });

  it('read alternatively, holds every community to 50—100', () => {
    const alternative = ['jiangsu.large-community-representatives'];
    expect(
      statusOf('representatives-count', { representatives: 120, households: 3001 }, { alternative }),
    ).toBe('warn');
    expect(statusOf('representatives-count', { representatives: 120 }, { alternative })).toBe('warn');
  });

  it('accepts one representative per 30—50 households', () => {
    // 3000 households: 60—100 representatives; 40 groups (120—200) fail, so only households decide.
    const facts = (representatives: number) => ({
      representatives,
      households: 3000,
      residentGroups: Array.from({ length: 40 }, () => ({ households: 75 })),
    });
    expect(statuses('representatives-ratio', [59, 60, 100, 101].map(facts))).toEqual([
      'warn',
      'pass',
      'pass',
      'warn',
    ]);
    // 60 representatives: 1800—3000 households.
    const households = (n: number) => ({ ...facts(60), households: n });
    expect(statuses('representatives-ratio', [1799, 1800, 3000, 3001].map(households))).toEqual([
      'warn',
      'pass',
      'pass',
      'warn',
    ]);
  });

  it('accepts 3—5 representatives per resident group instead', () => {
    // 10 groups: 30—50 representatives; 100 000 households (2000—3333) fail, so only groups decide.
    const facts = (representatives: number) => ({
      representatives,
      households: 100_000,
      residentGroups: Array.from({ length: 10 }, () => ({ households: 120 })),
    });
    expect(statuses('representatives-ratio', [29, 30, 50, 51].map(facts))).toEqual([
      'warn',
      'pass',
      'pass',
      'warn',
    ]);
  });

  it('is unknown when the basis that could hold is missing', () => {
    expect(statusOf('representatives-ratio', { representatives: 120, households: 3000 })).toBe('unknown');
    expect(statusOf('representatives-ratio', { representatives: 80, households: 3000 })).toBe('pass');
    expect(statusOf('representatives-ratio', { representatives: 80 })).toBe('unknown');
  });
});

describe('10 sub-committees', () => {
  const all = ['mediation', 'security', 'health', 'womenChildren'];

  it('warns when one of the four usual sub-committees is missing', () => {
    expect(statusOf('sub-committees', { subCommittees: [...all, 'culture'].map((kind) => ({ kind })) })).toBe(
      'pass',
    );
    const missing = result('sub-committees', { subCommittees: all.slice(0, 3).map((kind) => ({ kind })) });
    expect(missing.status).toBe('warn');
    expect(missing.actual).toContain('妇女和儿童');
  });

  it('warns for a sub-committee outside 3—5 members', () => {
    expect(
      statuses(
        'sub-committee-size',
        [2, 3, 5, 6].map((members) => ({
          subCommittees: [
            { kind: 'mediation', members: 4 },
            { kind: 'health', members },
          ],
        })),
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
    const large = result('sub-committee-size', { subCommittees: [{ kind: 'health', members: 6 }] });
    expect(large.actual).toBe('公共卫生委员会6人');
    expect(statusOf('sub-committee-size', { subCommittees: [{ kind: 'health' }] })).toBe('unknown');
    expect(statusOf('sub-committee-size', { subCommittees: [] })).toBe('not-applicable');
  });
});

describe('17（1） supervision committee', () => {
  it('warns outside 3—5 members', () => {
    expect(
      statuses(
        'supervision-committee-size',
        [2, 3, 5, 6].map((members) => ({ supervisionCommittee: { members } })),
      ),
    ).toEqual(['warn', 'pass', 'pass', 'warn']);
  });
});

describe('17（4） majority in the supervision committee vote', () => {
  const alternative = ['jiangsu.supervision-majority'];
  // The chair won 600 of 1,000 votes; a member was elected by order of votes with `lowest`.
  const vote = (lowestElectedVotes: number) => ({
    supervisionCommittee: { chairVotes: 600, lowestElectedVotes, votesCast: 1000 },
  });

  it('as the text reads it, only the chair needs more than half; members go by order of votes', () => {
    expect(statuses('supervision-chair-majority', [vote(300), vote(500)])).toEqual(['pass', 'pass']);
    const half = { supervisionCommittee: { chairVotes: 500, votesCast: 1000 } };
    expect(result('supervision-chair-majority', half)).toMatchObject({
      status: 'fail',
      expected: '超过参加投票的1000人的半数',
      actual: '赞成500票',
    });
    expect(result('supervision-chair-majority', { supervisionCommittee: { votesCast: 1000 } }).message).toBe(
      '无法判断：缺少事实 supervisionCommittee.chairVotes。',
    );
  });

  it('read alternatively, every elected member needs more than half: exactly half fails', () => {
    expect(statuses('supervision-chair-majority', [vote(500), vote(501)], { alternative })).toEqual([
      'fail',
      'pass',
    ]);
    expect(result('supervision-chair-majority', vote(500), { alternative })).toMatchObject({
      expected: '每名当选成员的得票均超过参加投票的1000人的半数',
      actual: '当选成员最少得500票',
    });
    // The chair's votes are not needed: the fewest votes include the chair's.
    const noChair = { supervisionCommittee: { lowestElectedVotes: 3, votesCast: 5 } };
    expect(statusOf('supervision-chair-majority', noChair, { alternative })).toBe('pass');
    const unrecorded = result(
      'supervision-chair-majority',
      { supervisionCommittee: { chairVotes: 600, votesCast: 1000 } },
      { alternative },
    );
    expect(unrecorded.status).toBe('unknown');
    expect(unrecorded.message).toContain('当选成员（含主任）中的最少得票数');
  });
});

describe('11（1） notice of residents meetings', () => {
  const meeting = (noticeOn: string | undefined, heldOn = '2024-05-11', kind = 'residents-meeting') =>
    noticeOn === undefined ? { kind, heldOn } : { kind, noticeOn, heldOn };

  it('needs ten days, the notice day not counted', () => {
    expect(
      statuses('residents-meeting-notice', [
        { meetings: [meeting('2024-05-01')] },
        { meetings: [meeting('2024-04-30')] },
        { meetings: [meeting('2024-05-02')] },
      ]),
    ).toEqual(['pass', 'pass', 'warn']);
  });

  it('is unknown without a notice date, and not applicable without meetings since the guideline', () => {
    expect(statusOf('residents-meeting-notice', { meetings: [meeting(undefined)] })).toBe('unknown');
    expect(statusOf('residents-meeting-notice', { meetings: [meeting('2023-08-01', '2023-08-05')] })).toBe(
      'not-applicable',
    );
    expect(statusOf('residents-meeting-notice', { meetings: [] })).toBe('not-applicable');
  });

  it('read alternatively, also covers representatives meetings', () => {
    const facts = { meetings: [meeting('2024-05-06', '2024-05-11', 'representatives-meeting')] };
    expect(statusOf('residents-meeting-notice', facts)).toBe('not-applicable');
    expect(
      statusOf('residents-meeting-notice', facts, { alternative: ['jiangsu.residents-meeting-kinds'] }),
    ).toBe('warn');
  });
});

describe('12（4） notice of consultations', () => {
  const consultation = (noticeOn: string) => ({
    meetings: [{ kind: 'consultation-meeting', noticeOn, heldOn: '2024-05-11' }],
  });

  it('needs the notice at least a day before', () => {
    expect(statuses('consultation-notice', ['2024-05-10', '2024-05-11'].map(consultation))).toEqual([
      'pass',
      'warn',
    ]);
  });

  it('read alternatively, a same-day notice counts', () => {
    const alternative = ['jiangsu.consultation-advance'];
    expect(
      statuses('consultation-notice', ['2024-05-11', '2024-05-12'].map(consultation), { alternative }),
    ).toEqual(['pass', 'warn']);
  });
});

describe('15（5） filing charters and covenants', () => {
  const charter = (filedOn?: string) => ({
    charters: [
      filedOn === undefined
        ? { kind: 'residents-covenant' as const, adoptedOn: '2024-03-01' }
        : { kind: 'autonomy-charter' as const, adoptedOn: '2024-03-01', filedOn },
    ],
  });

  it('fails a filing later than ten days after adoption', () => {
    expect(statuses('charter-filing', ['2024-03-01', '2024-03-11', '2024-03-12'].map(charter))).toEqual([
      'pass',
      'pass',
      'fail',
    ]);
  });

  it('waits out the ten days before asking for a filing date', () => {
    expect(statusOf('charter-filing', charter(), { asOf: '2024-03-11' })).toBe('pass');
    expect(statusOf('charter-filing', charter(), { asOf: '2024-03-12' })).toBe('unknown');
    expect(statusOf('charter-filing', charter('2024-02-28'))).toBe('unknown');
    expect(statusOf('charter-filing', { charters: [] })).toBe('not-applicable');
  });

  it('read alternatively, a missing filing date past the deadline is a failure', () => {
    const alternative = ['jiangsu.unrecorded-filing'];
    expect(statusOf('charter-filing', charter(), { asOf: '2024-03-11', alternative })).toBe('pass');
    expect(statusOf('charter-filing', charter(), { asOf: '2024-03-12', alternative })).toBe('fail');
  });
});

describe('16（3） disclosure cadence', () => {
  const disclosures = (kind: 'routine' | 'important' | 'finance', ...on: string[]) => ({
    disclosures: on.map((d) => ({ kind, on: d })),
  });
  const during = '2024-05-10';

  it('wants a routine disclosure in the last complete calendar quarter', () => {
    expect(
      statuses(
        'routine-disclosure',
        [
          disclosures('routine', '2024-01-01'),
          disclosures('routine', '2024-03-31'),
          disclosures('routine', '2023-12-31', '2024-04-01'),
          disclosures('important', '2024-02-01'),
          disclosures('routine'),
        ],
        { asOf: during },
      ),
    ).toEqual(['pass', 'pass', 'warn', 'warn', 'warn']);
    expect(statusOf('routine-disclosure', disclosures('routine', '2024-06-30'), { asOf: '2024-06-30' })).toBe(
      'pass',
    );
  });

  it('counts the accounts disclosed as a routine disclosure, and read alternatively does not (jiangsu.accounts-routine)', () => {
    const accounts = disclosures('finance', '2024-02-15');
    expect(statusOf('routine-disclosure', accounts, { asOf: during })).toBe('pass');
    expect(
      statusOf('routine-disclosure', accounts, { asOf: during, alternative: ['jiangsu.accounts-routine'] }),
    ).toBe('warn');
    // The accounts are never an important matter.
    expect(statusOf('important-disclosure', disclosures('finance', '2024-04-15'), { asOf: during })).toBe(
      'warn',
    );
  });

  it('read alternatively, wants one within the 3 months up to asOf', () => {
    const alternative = ['jiangsu.calendar-periods'];
    expect(
      statuses(
        'routine-disclosure',
        [disclosures('routine', '2024-02-10'), disclosures('routine', '2024-02-11')],
        {
          asOf: during,
          alternative,
        },
      ),
    ).toEqual(['warn', 'pass']);
  });

  it('wants an important disclosure in the last complete calendar month', () => {
    expect(
      statuses(
        'important-disclosure',
        [
          disclosures('important', '2024-04-01'),
          disclosures('important', '2024-04-30'),
          disclosures('important', '2024-05-01'),
        ],
        { asOf: during },
      ),
    ).toEqual(['pass', 'pass', 'warn']);
    const alternative = ['jiangsu.calendar-periods'];
    expect(
      statuses(
        'important-disclosure',
        [disclosures('important', '2024-04-10'), disclosures('important', '2024-04-11')],
        {
          asOf: during,
          alternative,
        },
      ),
    ).toEqual(['warn', 'pass']);
  });

  it('does not judge a period that began before the guideline', () => {
    expect(statusOf('routine-disclosure', disclosures('routine'), { asOf: '2023-12-30' })).toBe(
      'not-applicable',
    );
    expect(statusOf('routine-disclosure', disclosures('routine'), { asOf: '2024-01-01' })).toBe('warn');
  });
});

describe('19（3） monthly work meeting', () => {
  const held = (...on: string[]) => ({
    meetings: on.map((heldOn) => ({ kind: 'monthly-work-meeting', heldOn })),
  });

  it('fails a calendar month without one', () => {
    expect(
      statuses(
        'monthly-work-meeting',
        [held('2024-04-01'), held('2024-04-30'), held('2024-03-31', '2024-05-01')],
        {
          asOf: '2024-05-10',
        },
      ),
    ).toEqual(['pass', 'pass', 'fail']);
  });

  it('read alternatively, wants one within the month up to asOf', () => {
    const alternative = ['jiangsu.calendar-periods'];
    expect(
      statuses('monthly-work-meeting', [held('2024-04-10'), held('2024-04-11')], {
        asOf: '2024-05-10',
        alternative,
      }),
    ).toEqual(['fail', 'pass']);
  });
});

describe('19（7） yearly report to the residents meeting', () => {
  const held = (heldOn: string, kind = 'residents-meeting') => ({ meetings: [{ kind, heldOn }] });
  const asOfNextYear = { asOf: '2025-03-01' };

  it('fails a calendar year without a residents meeting, and cannot confirm the report otherwise', () => {
    expect(
      statuses('annual-report', [held('2024-01-01'), held('2024-12-31'), held('2025-01-05')], asOfNextYear),
    ).toEqual(['unknown', 'unknown', 'fail']);
    expect(statusOf('annual-report', held('2024-06-01'), { asOf })).toBe('not-applicable');
  });

  it('passes when a meeting of the year records the report, fails when every one records none', () => {
    const meetings = (...reports: (boolean | undefined)[]) => ({
      meetings: reports.map((annualReport, i) => ({
        kind: 'residents-meeting',
        heldOn: `2024-0${i + 1}-15`,
        ...(annualReport === undefined ? {} : { annualReport }),
      })),
    });
    expect(
      statuses(
        'annual-report',
        [meetings(false, true), meetings(false, false), meetings(false, undefined)],
        asOfNextYear,
      ),
    ).toEqual(['pass', 'fail', 'unknown']);
  });

  it('read alternatively, counts the 12 months up to asOf and representatives meetings', () => {
    expect(
      statusOf('annual-report', held('2025-01-05'), {
        ...asOfNextYear,
        alternative: ['jiangsu.calendar-periods'],
      }),
    ).toBe('unknown');
    const representatives = held('2024-06-01', 'representatives-meeting');
    expect(statusOf('annual-report', representatives, asOfNextYear)).toBe('fail');
    expect(
      statusOf('annual-report', representatives, {
        ...asOfNextYear,
        alternative: ['jiangsu.residents-meeting-kinds'],
      }),
    ).toBe('unknown');
  });
});

describe('21 service centre', () => {
  it('computes 30 m² per hundred households and fails below it', () => {
    const at = (totalArea: number) => ({ households: 2000, facility: { totalArea } });
    expect(evaluate(at(600)).quantities.minFacilityArea).toBe(600);
    expect(statuses('facility-area', [599.9, 600, 600.1].map(at))).toEqual(['fail', 'pass', 'pass']);
    expect(statusOf('facility-area', { facility: { totalArea: 900 } })).toBe('unknown');
  });

  it('scales proportionally, or read alternatively per started hundred', () => {
    const facts = { households: 2050, facility: { totalArea: 620 } };
    const alternative = ['jiangsu.facility-area-per-hundred'];
    expect(evaluate(facts).quantities.minFacilityArea).toBe(615);
    expect(evaluate(facts, { alternative }).quantities.minFacilityArea).toBe(630);
    expect(statusOf('facility-area', facts)).toBe('pass');
    expect(statusOf('facility-area', facts, { alternative })).toBe('fail');
  });

  it('warns when residents get less than 70% of the space', () => {
    const at = (residentSpaceArea: number, totalArea = 1000) => ({
      facility: { residentSpaceArea, totalArea },
    });
    expect(statuses('resident-space', [at(699), at(700), at(701), at(2.1, 3)])).toEqual([
      'warn',
      'pass',
      'pass',
      'pass',
    ]);
    expect(statusOf('resident-space', at(0, 0))).toBe('unknown');
  });
});

describe('explanations', () => {
  it('shows the facts, the cited parameter and the interpretation behind the facility figure', () => {
    const facts = { households: 2050, facility: { totalArea: 620 } };
    const evaluation = jiangsu(facts, { asOf, explain: true });
    const explanation = evaluation.quantityExplanations?.minFacilityArea;
    expect(explanation?.facts).toEqual([{ path: 'households', value: 2050 }]);
    expect(explanation?.parameters[0]).toMatchObject({
      name: 'facilityAreaPerHundredHouseholds',
      value: 30,
      suppliedBy: '320000',
      citation: { article: '21' },
    });
    expect(explanation?.interpretations.map((i) => [i.id, i.reading])).toEqual([
      ['jiangsu.facility-area-per-hundred', 'chosen'],
    ]);
  });

  it('lets a caller change a figure for a what-if', () => {
    const facts = { households: 2000, facility: { totalArea: 700 } };
    expect(statusOf('facility-area', facts)).toBe('pass');
    const stricter = jiangsu(facts, { asOf, params: { facilityAreaPerHundredHouseholds: 40 } });
    expect(stricter.quantities.minFacilityArea).toBe(800);
    expect(stricter.results.find((r) => r.rule === 'jiangsu.facility-area')?.status).toBe('fail');
  });
});
