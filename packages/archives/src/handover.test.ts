import { describe, expect, it } from 'vitest';
import {
  confirmHandover,
  departureHandover,
  handoverComplete,
  handoverConsequences,
  handoverListEntries,
  handoverOpeningProblems,
  mayRecordHandoverProblem,
} from './handover.js';
import { orThrow } from './transition.js';

const handover = departureHandover.parse({
  id: 'h-1',
  community: '370305111007',
  leaver: 'w-li',
  successor: 'w-chen',
  supervisor: { person: 't-jiwei', body: 'town-discipline-committee' },
  dueOn: '2024-06-30',
  items: [
    { kind: 'finance', ref: '2024 财务台账', description: '现金日记账', condition: 'intact' },
    {
      kind: 'archive',
      ref: 'X007-WS·2014-D10-JWH-0003',
      description: '居民代表会议记录',
      condition: 'intact',
    },
    { kind: 'seal', ref: 's-1', description: '居委会印章', condition: 'intact' },
  ],
});

describe('departure handover (金山镇 第十八条)', () => {
  it('refuses a supervisor who is one of the parties', () => {
    const result = departureHandover.safeParse({
      ...handover,
      supervisor: { person: 'w-chen', body: 'town-discipline-committee' },
    });
    expect(result.error?.issues[0]?.message).toContain('监督人不能是移交或接收的一方');
  });

  it('completes when leaver, successor and then the supervisor have confirmed', () => {
    expect(confirmHandover(handover, 'supervisor', 't-jiwei', '2024-06-20').ok).toBe(false);
    const byLeaver = orThrow(confirmHandover(handover, 'leaver', 'w-li', '2024-06-20'));
    expect(confirmHandover(byLeaver, 'successor', 'w-li', '2024-06-20')).toMatchObject({
      ok: false,
      citation: { article: '第十八条' },
    });
    const bySuccessor = orThrow(confirmHandover(byLeaver, 'successor', 'w-chen', '2024-06-20'));
    expect(handoverComplete(bySuccessor)).toBe(false);
    const done = orThrow(confirmHandover(bySuccessor, 'supervisor', 't-jiwei', '2024-06-21'));
    expect(handoverComplete(done)).toBe(true);
    expect(handoverConsequences(done, '2024-07-15').consequences).toEqual([]);
  });

  it('gives criticism for an unexcused delay, and none when the delay is excused', () => {
    expect(handoverConsequences(handover, '2024-07-02').consequences.map((c) => c.kind)).toEqual([
      'criticism',
    ]);
    expect(handoverConsequences(handover, '2024-07-02', { delayExcused: true }).consequences).toEqual([]);
    expect(handoverConsequences(handover, '2024-06-29').consequences).toEqual([]);
  });

  it('forfeits the year’s bonus for refusing after the deadline or for a lost or altered archive or seal', () => {
    expect(
      handoverConsequences(handover, '2024-07-02', { refused: true }).consequences.map((c) => c.kind),
    ).toEqual(['forfeitBonus']);
    const lostSeal = {
      ...handover,
      items: handover.items.map((item) =>
        item.kind === 'seal' ? { ...item, condition: 'missing' as const } : item,
      ),
    };
    const outcome = handoverConsequences(lostSeal, '2024-06-20');
    expect(outcome.consequences).toEqual([
      { kind: 'forfeitBonus', reason: expect.stringContaining('s-1（丢失）') },
    ]);
    expect(outcome.citation.article).toBe('第十八条');
  });

  it('escalates a finance problem without a bonus sanction, and adds party discipline only when serious', () => {
    const alteredLedger = {
      ...handover,
      items: handover.items.map((item) =>
        item.kind === 'finance' ? { ...item, condition: 'altered' as const } : item,
      ),
    };
    expect(handoverConsequences(alteredLedger, '2024-06-20').consequences.map((c) => c.kind)).toEqual([
      'escalate',
    ]);
    const damagedArchive = {
      ...handover,
      serious: true,
      items: handover.items.map((item) =>
        item.kind === 'archive' ? { ...item, condition: 'damaged' as const } : item,
      ),
    };
    expect(handoverConsequences(damagedArchive, '2024-06-20').consequences.map((c) => c.kind)).toEqual([
      'forfeitBonus',
      'partyDiscipline',
    ]);
  });

  it('says the sanctions are in force in Jinshan town only', () => {
    expect(handoverConsequences(handover, '2024-07-02').inForce).toBe(true);
    expect(handoverConsequences({ ...handover, community: '420702001001' }, '2024-07-02').inForce).toBe(
      false,
    );
    expect(handoverConsequences(handover, '2019-07-02').inForce).toBe(false);
  });

  it('refuses every confirmation while an item is still 待核对, and counts no consequence for it', () => {
    const unchecked = {
      ...handover,
      items: handover.items.map((item) =>
        item.kind === 'seal' ? { ...item, condition: 'unchecked' as const } : item,
      ),
    };
    expect(departureHandover.safeParse(unchecked).success).toBe(true);
    for (const [role, by] of [
      ['leaver', 'w-li'],
      ['successor', 'w-chen'],
    ] as const) {
      expect(confirmHandover(unchecked, role, by, '2024-06-20')).toMatchObject({
        ok: false,
        reason: expect.stringContaining('还有 1 项待核对（s-1）'),
        citation: { article: '第十八条' },
      });
    }
    expect(handoverConsequences(unchecked, '2024-06-20').consequences).toEqual([]);
    // A note does not change what the person chose.
    const noted = {
      ...handover,
      items: handover.items.map((item) => ({ ...item, note: '原件缺第3页' })),
    };
    expect(handoverConsequences(noted, '2024-06-20').consequences).toEqual([]);
    expect(confirmHandover(noted, 'leaver', 'w-li', '2024-06-20').ok).toBe(true);
  });
});

describe('opening a departure handover', () => {
  const opening = { leaver: 'w-li', openedOn: '2026-11-27', dueOn: '2026-12-04', seals: [] };

  it('refuses a deadline before the day the list is opened, on the deadline field', () => {
    expect(handoverOpeningProblems({ ...opening, dueOn: '2026-10-01' })).toEqual([
      {
        field: 'dueOn',
        message: '移交期限不能早于清单建立之日（2026-11-27）',
        citation: expect.objectContaining({ article: '第十八条' }),
      },
    ]);
    expect(handoverOpeningProblems({ ...opening, dueOn: '2026-11-27' })).toEqual([]);
    expect(handoverOpeningProblems(opening)).toEqual([]);
  });

  it('refuses while a seal in the leaver’s custody is taken out, naming it', () => {
    const seals = [
      { name: '象山社区居民委员会印章', state: 'takenOut', custodian: 'w-li' },
      { name: '中共象山社区委员会印章', state: 'inUse', custodian: 'w-li' },
      { name: '象山社区监督委员会印章', state: 'takenOut', custodian: 'w-chen' },
    ];
    const problems = handoverOpeningProblems({ ...opening, seals });
    expect(problems).toEqual([
      {
        field: 'leaverId',
        message: expect.stringContaining('「象山社区居民委员会印章」正在外带，须先归还固定存放处'),
        citation: expect.objectContaining({ article: '第四十条' }),
      },
    ]);
    expect(problems[0]?.message).toContain('金山镇 第十八条');
    expect(problems[0]?.message).not.toContain('监督委员会');
    expect(handoverOpeningProblems({ ...opening, seals: seals.slice(1) })).toEqual([]);
  });
});

describe('recording what was found, and what goes on the list', () => {
  it.each([
    ['w-li', false, {}],
    ['w-chen', false, {}],
    ['t-jiwei', true, {}],
    [
      'w-zhao',
      false,
      {
        reason: '只有离任人、接任人和监督人可以登记移交问题',
        field: 'handoverId',
        basis: '本系统规则 R-HND-2',
      },
    ],
    ['w-chen', true, { reason: '情节是否严重由监督人认定（金山镇 第十八条）', field: 'serious' }],
  ] as const)('%s recording a problem (stating seriousness: %s): %o', (by, serious, refusal) => {
    const outcome = mayRecordHandoverProblem(handover, by, serious);
    expect(outcome).toMatchObject('reason' in refusal ? { ok: false, ...refusal } : { ok: true });
  });

  it('refuses changes and confirmations once the supervisor has confirmed', () => {
    const completed = {
      ...handover,
      confirmations: { leaver: '2024-06-20', successor: '2024-06-20', supervisor: '2024-06-21' },
    };
    expect(mayRecordHandoverProblem(completed, 'w-li', false)).toMatchObject({
      reason: '该移交已完成，不能再修改清单',
    });
    expect(confirmHandover(completed, 'supervisor', 't-jiwei', '2024-06-22')).toMatchObject({
      reason: '该移交已完成',
    });
  });

  it('lists the finance records named, then the leaver’s kept items, then their seals not destroyed', () => {
    const seal = { ownerName: '居委会', storagePlace: '保密柜', custodian: 'w-li' };
    const entries = handoverListEntries({
      leaver: 'w-li',
      financeRecords: [{ ref: '2024 财务台账', description: '现金日记账' }],
      archives: [
        { id: 'a-1', referenceCode: 'X-1', title: '会议记录', status: 'shelved', custodian: 'w-li' },
        { id: 'a-2', referenceCode: 'X-2', title: '台账', status: 'onLoan', custodian: 'w-li' },
        { id: 'a-3', referenceCode: 'X-3', title: '简报', status: 'destroyed', custodian: 'w-li' },
        { id: 'a-4', referenceCode: 'X-4', title: '他人保管', status: 'shelved', custodian: 'w-zhao' },
      ],
      seals: [
        { ...seal, id: 's-1', name: '居委会章', state: 'takenOut' },
        { ...seal, id: 's-2', name: '旧章', state: 'retired' },
        { ...seal, id: 's-3', name: '废章', state: 'destroyed' },
      ],
    });
    expect(entries).toEqual([
      { kind: 'finance', refId: null, ref: '2024 财务台账', description: '现金日记账' },
      { kind: 'archive', refId: 'a-1', ref: 'X-1', description: '会议记录' },
      { kind: 'archive', refId: 'a-2', ref: 'X-2', description: '台账（借出中）' },
      { kind: 'seal', refId: 's-1', ref: '居委会章', description: '居委会，存放于保密柜（外带中）' },
      { kind: 'seal', refId: 's-2', ref: '旧章', description: '居委会，存放于保密柜' },
    ]);
  });
});
