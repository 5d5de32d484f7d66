import { fictionalIdNumber } from '@shequ/people';
import { describe, expect, it } from 'vitest';
import {
  applyStep,
  type CaseActor,
  caseListRow,
  caseRegisterOf,
  caseStatus,
  currentHandler,
  DEMO_SERVICE_COMMUNITIES,
  demoCases,
  deriveServiceFacts,
  EZHOU_WINDOWS,
  isOverdue,
  maskedCase,
  monthsEnding,
  ONE_WINDOW,
  openCase,
  pointsAfter,
  promisedOn,
  type ServiceCase,
  satisfactionTrend,
  serviceCategories,
  type VisitTarget,
  visitCoverage,
  volunteerDraft,
  windowSetup,
} from './index.js';

const li: CaseActor = { userId: 'u-li', name: '李社工' };
const wang: CaseActor = { userId: 'u-wang', name: '王专干' };
const at = (iso: string) => new Date(iso);
const idNumber = fictionalIdNumber('420702', '1950-03-04', 21);

function opened(overrides: Record<string, unknown> = {}, when = '2026-03-02T09:00:00+08:00'): ServiceCase {
  const result = openCase(
    {
      communityCode: '420702001001',
      channel: 'window',
      category: 'assistance-welfare',
      subject: '申请临时救助',
      resident: { name: '陈大爷', idNumber, phone: '13912345678' },
      ...overrides,
    },
    { id: 'c1', at: at(when), by: li, windows: EZHOU_WINDOWS },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.case;
}

function step(
  c: ServiceCase,
  kind: Parameters<typeof applyStep>[1]['kind'],
  input: unknown,
  when: string,
  by = li,
) {
  return applyStep(c, { kind, input } as Parameters<typeof applyStep>[1], at(when), by);
}

describe('intake', () => {
  it('routes each category to one of Ezhou’s four windows; elsewhere to the one window', () => {
    expect(opened().window).toBe('livelihood');
    expect(opened({ category: 'complaint' }).window).toBe('agency-other');
    expect(windowSetup.safeParse(EZHOU_WINDOWS).success).toBe(true);
    expect(windowSetup.safeParse(ONE_WINDOW).success).toBe(true);
    const missing = windowSetup.safeParse([{ key: 'a', name: '甲', categories: ['party'] }]);
    expect(missing.success).toBe(false);
    const twice = windowSetup.safeParse([...EZHOU_WINDOWS, { key: 'x', name: '乙', categories: ['party'] }]);
    expect(twice.error?.issues[0]?.message).toContain('已由其他窗口受理');
    expect(serviceCategories.length).toBe(11);
  });

  it('makes the receiving worker first responder and promises by the commitment; priority residents in half', () => {
    const c = opened();
    expect(c.firstResponder).toEqual(li);
    expect(c.promisedOn).toBe('2026-03-07');
    const elderly = opened({ resident: { name: '陈大爷', conditions: ['elderly'] } });
    expect(elderly.priority).toBe(true);
    expect(elderly.promisedOn).toBe('2026-03-04');
  });

  it('counts working days when the jurisdiction commits working days', () => {
    expect(promisedOn('2026-03-06', 1, 'calendar')).toBe('2026-03-07');
    expect(promisedOn('2026-03-06', 1, 'working')).toBe('2026-03-09');
    expect(promisedOn('2026-03-02', 5, 'working')).toBe('2026-03-09');
  });

  it('refuses a wrong identity number, a hotline case without its ticket and an agency case without the agency', () => {
    const context = { id: 'x', at: at('2026-03-02T09:00:00+08:00'), by: li, windows: EZHOU_WINDOWS };
    const base = { communityCode: '420702001001', channel: 'window', category: 'other', subject: '咨询' };
    const wrongCheck = `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
    const badId = openCase({ ...base, resident: { name: '陈', idNumber: wrongCheck } }, context);
    expect(badId.ok ? [] : badId.issues.map((i) => i.path)).toEqual(['resident.idNumber']);
    const missing = openCase(
      { ...base, channel: 'hotline', category: 'agency', resident: { name: '陈' } },
      context,
    );
    expect(missing.ok ? [] : missing.issues.map((i) => i.path).sort()).toEqual(['agency', 'hotlineTicket']);
  });
});

describe('steps', () => {
  it('keeps the first responder responsible after a transfer and records the reason', () => {
    const t = step(opened(), 'transfer', { to: wang, reason: '属民政专干职责' }, '2026-03-02T10:00:00+08:00');
    if (!t.ok) throw new Error('refused');
    expect(currentHandler(t.case)).toEqual(wang);
    expect(t.case.firstResponder).toEqual(li);
    const again = step(t.case, 'transfer', { to: wang, reason: '再转' }, '2026-03-02T11:00:00+08:00');
    expect(again.ok).toBe(false);
    const noReason = step(opened(), 'transfer', { to: wang, reason: ' ' }, '2026-03-02T10:00:00+08:00');
    expect(noReason.ok ? [] : noReason.issues.map((i) => i.path)).toEqual(['reason']);
  });

  it('lists a case by what its row shows: the resident named only, the handler and closing date from the steps', () => {
    const t = step(opened(), 'transfer', { to: wang, reason: '属民政专干职责' }, '2026-03-02T10:00:00+08:00');
    if (!t.ok) throw new Error('refused');
    const closed = step(
      t.case,
      'close',
      { result: '已发放', toldOn: '2026-03-04', toldHow: 'phone' },
      '2026-03-04T23:30:00+08:00',
      wang,
    );
    if (!closed.ok) throw new Error('refused');
    expect(caseListRow(closed.case)).toStrictEqual({
      id: 'c1',
      communityCode: '420702001001',
      subject: '申请临时救助',
      category: 'assistance-welfare',
      channel: 'window',
      priority: false,
      promisedOn: closed.case.promisedOn,
      status: 'closed',
      closedOn: '2026-03-04',
      resident: { name: '陈大爷' },
      firstResponder: li,
      handler: wang,
    });
    expect(caseListRow(opened())).toMatchObject({ status: 'open', closedOn: null, handler: li });
  });

  it('closes only with a result and the date the resident was told, and nothing after closure', () => {
    const c = opened();
    const untold = step(c, 'close', { result: '已发放' }, '2026-03-05T10:00:00+08:00');
    expect(untold.ok ? [] : untold.issues.map((i) => i.path).sort()).toEqual(['toldHow', 'toldOn']);
    const early = step(
      c,
      'close',
      { result: '已发放', toldOn: '2026-03-01', toldHow: 'phone' },
      '2026-03-05T10:00:00+08:00',
    );
    expect(early.ok ? [] : early.issues.map((i) => i.path)).toEqual(['toldOn']);
    const closed = step(
      c,
      'close',
      { result: '已发放', toldOn: '2026-03-05', toldHow: 'phone' },
      '2026-03-05T10:00:00+08:00',
    );
    if (!closed.ok) throw new Error('refused');
    expect(caseStatus(closed.case)).toBe('closed');
    expect(step(closed.case, 'note', { text: '补记' }, '2026-03-06T10:00:00+08:00').ok).toBe(false);
  });

  it('tracks an agency case to the agency’s answer before it may close', () => {
    const c = opened({ category: 'agency', agency: '区医保局' });
    const close = { result: '已办理', toldOn: '2026-03-10', toldHow: 'in-person' };
    expect(step(c, 'close', close, '2026-03-10T10:00:00+08:00').ok).toBe(false);
    const sent = step(
      c,
      'agency-submitted',
      { agency: '区医保局', on: '2026-03-03' },
      '2026-03-03T10:00:00+08:00',
    );
    if (!sent.ok) throw new Error('refused');
    expect(caseStatus(sent.case)).toBe('awaiting-agency');
    expect(step(sent.case, 'close', close, '2026-03-10T10:00:00+08:00').ok).toBe(false);
    const answered = step(
      sent.case,
      'agency-answered',
      { answer: '已核准', on: '2026-03-09' },
      '2026-03-09T10:00:00+08:00',
    );
    if (!answered.ok) throw new Error('refused');
    expect(step(answered.case, 'close', close, '2026-03-10T10:00:00+08:00').ok).toBe(true);
  });

  it('is overdue open past its promised date, or closed after it', () => {
    const c = opened();
    expect(isOverdue(c, '2026-03-07')).toBe(false);
    expect(isOverdue(c, '2026-03-08')).toBe(true);
    const late = step(
      c,
      'close',
      { result: '已办', toldOn: '2026-03-09', toldHow: 'sms' },
      '2026-03-09T10:00:00+08:00',
    );
    if (!late.ok) throw new Error('refused');
    expect(isOverdue(late.case, '2026-12-31')).toBe(true);
  });

  it('masks the resident’s numbers', () => {
    const m = maskedCase(opened());
    expect(m.resident.idNumber).toBe(`4207**********${idNumber.slice(-4)}`);
    expect(m.resident.phone).toBe('139****5678');
  });
});

describe('snapshot facts', () => {
  it('counts complaints closed this year and those whose outcome was told (第四十四条)', () => {
    const complaint = opened({ category: 'complaint' });
    const closed = step(
      complaint,
      'close',
      { result: '已整改', toldOn: '2026-03-20', toldHow: 'phone' },
      '2026-03-20T10:00:00+08:00',
    );
    if (!closed.ok) throw new Error('refused');
    const open = { ...opened({ category: 'complaint' }), id: 'c2' };
    const derived = deriveServiceFacts(caseRegisterOf([closed.case, open, opened()]), '2026-06-30');
    expect(derived.facts.complaints).toEqual({ handled: 1, outcomeTold: 1 });
    expect(derived.fields).toEqual(['complaints.handled', 'complaints.outcomeTold']);
    expect(deriveServiceFacts(caseRegisterOf([closed.case]), '2027-01-10').facts.complaints).toEqual({
      handled: 0,
      outcomeTold: 0,
    });
    expect(deriveServiceFacts(caseRegisterOf([closed.case]), '2026-02-01')).toEqual({
      facts: {},
      fields: [],
    });
  });
});

describe('satisfaction trend', () => {
  it('sums scores per month over the months asked', () => {
    expect(monthsEnding('2026-02-15', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    const trend = satisfactionTrend(
      [
        { answeredOn: '2026-01-03', score: 5 },
        { answeredOn: '2026-01-20', score: 2 },
        { answeredOn: '2026-02-01', score: 4 },
        { answeredOn: '2025-06-01', score: 1 },
      ],
      monthsEnding('2026-02-15', 3),
    );
    expect(trend).toEqual([
      { month: '2025-12', responses: 0, scoreSum: 0, satisfied: 0 },
      { month: '2026-01', responses: 2, scoreSum: 7, satisfied: 1 },
      { month: '2026-02', responses: 1, scoreSum: 4, satisfied: 1 },
    ]);
  });
});

describe('demo cases', () => {
  it('builds months of valid cases: most closed with the resident told, a few late, the newest still open', () => {
    const cases = demoCases({
      communityCode: DEMO_SERVICE_COMMUNITIES.ezhou,
      region: '420703',
      workers: [li, wang],
      from: '2026-06-01',
      to: '2026-11-30',
      count: 30,
      prefix: 'd',
    });
    expect(cases).toHaveLength(30);
    const open = cases.filter((c) => caseStatus(c) !== 'closed');
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => isOverdue(c, '2026-11-30')).length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.window))).toEqual(new Set(EZHOU_WINDOWS.map((w) => w.key)));
    expect(deriveServiceFacts(caseRegisterOf(cases), '2026-11-30').facts.complaints?.handled).toBeGreaterThan(
      0,
    );
  });
});

describe('visits (三必到、五必访)', () => {
  const target = (id: string, kind: VisitTarget['kind'], since: string, until?: string): VisitTarget => ({
    id,
    communityCode: '420703101006',
    kind,
    name: id,
    since,
    ...(until ? { until } : {}),
  });
  const targets = [
    target('lonely', 'lonely-elderly', '2026-01-10'),
    target('ill', 'seriously-ill', '2026-03-01'),
    target('moved', 'poor-family', '2026-01-01', '2026-03-01'),
    target('dispute', 'family-dispute', '2026-03-20'),
    target('noise', 'discontent', '2026-03-25'),
  ];
  const visits = [
    { targetId: 'lonely', on: '2026-02-01' },
    { targetId: 'lonely', on: '2026-03-05' },
    { targetId: 'dispute', on: '2026-03-20' },
  ];

  it('lists who was due and not visited: households every 30 days, events within a day', () => {
    const coverage = visitCoverage(targets, visits, '2026-04-02');
    const byId = Object.fromEntries(coverage.items.map((i) => [i.target.id, i]));
    expect(coverage.onRegister).toBe(4);
    expect(byId.moved).toBeUndefined();
    expect(byId.lonely).toMatchObject({ lastVisitOn: '2026-03-05', dueOn: '2026-04-04', status: 'due' });
    expect(byId.ill).toMatchObject({ dueOn: '2026-03-31', status: 'overdue' });
    expect(byId.dispute?.status).toBe('covered');
    expect(byId.noise).toMatchObject({ dueOn: '2026-03-26', status: 'overdue' });
    expect(coverage.overdue).toBe(2);
    expect(coverage.visited).toBe(2);
    expect(coverage.items.slice(0, 2).map((i) => i.status)).toEqual(['overdue', 'overdue']);
  });

  it('takes a quarterly interval when the jurisdiction chooses it', () => {
    const coverage = visitCoverage(targets, visits, '2026-04-02', {
      householdIntervalDays: 90,
      attendWithinDays: 1,
    });
    expect(coverage.items.find((i) => i.target.id === 'ill')?.status).toBe('due');
  });
});

describe('welfare points', () => {
  it('earns, redeems, and refuses a redemption beyond the balance', () => {
    expect(pointsAfter(0, { kind: 'earn', points: 30 })).toEqual({ ok: true, balance: 30 });
    expect(pointsAfter(30, { kind: 'redeem', points: 30 })).toEqual({ ok: true, balance: 0 });
    expect(pointsAfter(20, { kind: 'redeem', points: 30 })).toEqual({
      ok: false,
      message: '积分不足：现有 20 分，兑换 30 分',
    });
    expect(
      volunteerDraft.safeParse({
        communityCode: '370305111007',
        name: '志愿者',
        sex: 'female',
        birthDate: '1960-01-01',
        wishes: '助老',
        availableTime: '周末',
        health: 'great',
      }).success,
    ).toBe(false);
  });
});
