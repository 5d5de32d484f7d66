import { describe, expect, it } from 'vitest';
import { committeeTermClashes, rosterEntryFor, subCommitteeChairProblems } from './committee-import.js';
import { demoRegisters } from './demo.js';
import { type Committee, committee, endRepresentativeTerm, representative } from './registers.js';

const [xiangshan] = demoRegisters();
if (!xiangshan) throw new Error('demo registers missing');
const code = xiangshan.communityCode;
const named = (name: string) => {
  const w = xiangshan.workers.find((x) => x.name === name);
  if (!w) throw new Error(name);
  return w;
};

const sub = (chair: { id?: string; name: string } | undefined, extra: Partial<Committee> = {}): Committee =>
  committee.parse({
    id: `sub-${chair?.name ?? 'none'}`,
    communityCode: code,
    kind: 'sub',
    subKind: '人民调解委员会',
    termFrom: '2026-07-01',
    termTo: '2031-05-31',
    members: chair ? [{ workerId: chair.id, name: chair.name, role: 'chair', from: '2026-07-01' }] : [],
    ...extra,
  });

describe('committees entered in bulk', () => {
  it('finds a member’s roster entry by identity number in the community', () => {
    const w = named('张委员');
    expect(rosterEntryFor(xiangshan, w.idNumber, '2026-07-01')?.id).toBe(w.id);
    expect(rosterEntryFor(xiangshan, '110101199003070016', '2026-07-01')).toBeUndefined();
  });

  it('refuses a sub-committee chaired by someone not on the residents’ committee, or with no chair', () => {
    const member = named('张委员');
    const outsider = named('孙网格员');
    expect(subCommitteeChairProblems(xiangshan, [sub(member)])).toEqual([]);
    expect(subCommitteeChairProblems(xiangshan, [sub(member), sub(outsider)])).toEqual([
      { committee: 1, member: 0, message: expect.stringContaining('不是居委会成员') },
    ]);
    expect(subCommitteeChairProblems(xiangshan, [sub(undefined)])).toEqual([
      { committee: 0, member: undefined, message: expect.stringContaining('未填写主任') },
    ]);
  });

  it('cannot tell, and so refuses nothing, when no residents’ committee serves that day', () => {
    const outsider = named('孙网格员');
    const earlyChair = committee.parse({
      id: 'sub-early',
      communityCode: code,
      kind: 'sub',
      subKind: '人民调解委员会',
      termFrom: '2010-01-01',
      termTo: '2012-12-31',
      members: [{ workerId: outsider.id, name: outsider.name, role: 'chair', from: '2010-01-01' }],
    });
    expect(subCommitteeChairProblems(xiangshan, [earlyChair])).toEqual([]);
  });

  it('refuses a second committee of a kind whose term overlaps, stored or earlier in the sheet', () => {
    const residents = committee.parse({
      id: 'rc-new',
      communityCode: code,
      kind: 'residents',
      termFrom: '2031-06-01',
      termTo: '2036-05-31',
      members: [],
    });
    expect(committeeTermClashes(xiangshan, [residents])).toEqual([]);
    expect(committeeTermClashes(xiangshan, [{ ...residents, termFrom: '2031-05-31' }])).toEqual([
      { committee: 0, message: expect.stringContaining('本社区已登记居民委员会2026-06-01至2031-05-31') },
    ]);
    const mediation = sub(named('张委员'));
    expect(committeeTermClashes(xiangshan, [mediation, { ...mediation, subKind: '治安保卫委员会' }])).toEqual(
      [],
    );
    expect(committeeTermClashes(xiangshan, [mediation, mediation])).toEqual([
      { committee: 1, message: expect.stringContaining('表中已有') },
    ]);
  });
});

describe('ending a representative’s term', () => {
  const rep = representative.parse({ id: 'r1', communityCode: code, name: '代表甲', from: '2026-06-01' });
  it('sets the last day, and refuses one before the term began', () => {
    expect(endRepresentativeTerm(rep, '2026-11-30')).toEqual({
      ok: true,
      representative: { ...rep, to: '2026-11-30' },
    });
    expect(endRepresentativeTerm(rep, '2026-05-31')).toEqual({
      ok: false,
      issues: [{ path: 'to', message: '任期结束日期不能早于开始日期' }],
    });
  });
});
