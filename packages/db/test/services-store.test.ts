import {
  applyStep,
  type CaseActor,
  caseListRow,
  EZHOU_WINDOWS,
  isOverdue,
  isOverdueOn,
  openCase,
  type ServiceCase,
  type StepInput,
  visitCoverage,
} from '@shequ/services';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  closedCaseFeedback,
  findCase,
  insertCase,
  listCaseRows,
  listCases,
  loadVisitRegister,
  registerHistory,
  ServicesError,
  seedServicesDemo,
  serviceCases,
  serviceFeedback,
  stepCase,
  storedSnapshot,
} from '../src/index.js';
import { insertTestCommunity } from '../src/testing.js';
import { testDatabaseForTheseTests } from './test-database.js';

const DAWAN = '420703101006';
const worker: CaseActor = { userId: 'w-1', name: '胡晓燕' };

describe('service cases in the database', () => {
  const database = testDatabaseForTheseTests(async (database) => {
    await insertTestCommunity(database, { code: DAWAN, name: '大湾社区居委会', setting: 'urban' });
  });

  it('seeds half a year of demo cases once, with answered feedback, and the snapshot counts its complaints', async () => {
    const seeded = await seedServicesDemo(database);
    expect(seeded).toBe(30);
    expect(await seedServicesDemo(database)).toBe(0);
    const feedback = await database.db
      .select()
      .from(serviceFeedback)
      .where(eq(serviceFeedback.communityCode, DAWAN));
    expect(feedback.length).toBeGreaterThan(10);
    const page = await listCases(database.db, { communityCode: DAWAN, asOf: '2026-11-30', limit: 50 });
    expect(page.open).toBeGreaterThanOrEqual(4);
    expect(page.items.every((c) => !c.steps.some((s) => s.kind === 'close'))).toBe(true);
    // Each demo case's intake is on its history at the moment the case says it was received.
    for (const c of page.items) {
      const intake = (await registerHistory(database.db, 'services.case', c.id)).filter(
        (h) => h.action === 'services.case.open',
      );
      expect(intake.map((h) => h.at)).toEqual([new Date(c.receivedAt).toISOString()]);
    }
    const snapshot = await storedSnapshot(database.db, DAWAN, '2026-11-30');
    expect(snapshot?.snapshot.complaints?.handled).toBeGreaterThan(0);
    expect(snapshot?.fromRegister).toContain('complaints.handled');
    const register = await loadVisitRegister(database.db, DAWAN);
    expect(register.targets).toHaveLength(7);
    const coverage = visitCoverage(register.targets, register.visits, '2026-11-30');
    // The seriously ill resident not visited for two months and the last emergency not attended.
    expect(
      coverage.items
        .filter((i) => i.status === 'overdue')
        .map((i) => i.target.kind)
        .sort(),
    ).toEqual(['emergency', 'seriously-ill']);
  });

  it('reads the answered feedback of the cases closed in a date range, by community and closing day', async () => {
    // The demo cases seeded above: every answered feedback row of a case closed in 2026-09.
    const rows = await database.db
      .select({ closedOn: serviceCases.closedOn, score: serviceFeedback.score })
      .from(serviceFeedback)
      .innerJoin(serviceCases, eq(serviceCases.id, serviceFeedback.caseId));
    const inSeptember = rows.filter(
      (r) =>
        r.score !== null && r.closedOn !== null && r.closedOn >= '2026-09-01' && r.closedOn <= '2026-09-30',
    );
    expect(inSeptember.length).toBeGreaterThan(0);
    const read = await closedCaseFeedback(database.db, {
      communityPrefix: '420703',
      from: '2026-09-01',
      to: '2026-09-30',
    });
    expect(read.map((r) => r.score).sort()).toEqual(inSeptember.map((r) => r.score).sort());
    expect(read.every((r) => r.communityCode === DAWAN && r.closedOn.startsWith('2026-09'))).toBe(true);
    // Another district's prefix reads nothing.
    expect(
      await closedCaseFeedback(database.db, {
        communityPrefix: '420704',
        from: '2026-01-01',
        to: '2026-12-31',
      }),
    ).toEqual([]);
  });

  it('applies two closures of one case one after the other: the second is refused, one close step kept', async () => {
    const opened = openCase(
      {
        communityCode: DAWAN,
        channel: 'window',
        category: 'other',
        subject: '咨询',
        resident: { name: '居民甲' },
      },
      { id: 'race-1', at: new Date('2026-03-02T09:00:00+08:00'), by: worker, windows: EZHOU_WINDOWS },
    );
    if (!opened.ok) throw new Error('refused');
    await insertCase(database.db, opened.case, { actor: null, ip: null, at: new Date() });
    const close = () =>
      stepCase(database.db, {
        actor: null,
        ip: null,
        at: new Date('2026-03-03T09:00:00+08:00'),
        id: 'race-1',
        action: 'services.case.close',
        check: () => undefined,
        decide: (c) =>
          applyStep(
            c,
            { kind: 'close', input: { result: '已答复', toldOn: '2026-03-03', toldHow: 'phone' } },
            new Date('2026-03-03T09:00:00+08:00'),
            worker,
          ),
      });
    const results = await Promise.allSettled([close(), close()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason instanceof ServicesError).toBe(true);
    const stored = await findCase(database.db, 'race-1');
    expect(stored?.steps.filter((s) => s.kind === 'close')).toHaveLength(1);
    const [row] = await database.db.select().from(serviceCases).where(eq(serviceCases.id, 'race-1'));
    expect(row?.closedOn).toBe('2026-03-03');
    expect(row?.status).toBe('closed');
  });

  it('lists a page of rows in working order with the counts, each row as the package reads the whole case', async () => {
    const LIST = '420703101007';
    await insertTestCommunity(database, { code: LIST, name: '列表社区居委会', setting: 'urban' });
    const colleague: CaseActor = { userId: 'w-2', name: '程国庆' };
    const third: CaseActor = { userId: 'w-3', name: '王芳' };
    const stepped = (c: ServiceCase, step: StepInput, day: string): ServiceCase => {
      const outcome = applyStep(c, step, new Date(`${day}T10:00:00+08:00`), worker);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
      return outcome.case;
    };
    for (let i = 0; i < 12; i++) {
      const opened = openCase(
        {
          communityCode: LIST,
          channel: 'window',
          category: i % 4 === 3 ? 'agency' : 'other',
          subject: `事项${i}`,
          resident: { name: `居民${i}`, phone: '13912345678', conditions: i % 3 === 0 ? ['elderly'] : [] },
          ...(i % 4 === 3 ? { agency: '区政务服务中心' } : {}),
        },
        {
          id: `list-${String(i).padStart(2, '0')}`,
          at: new Date(`2026-10-${String(10 + i).padStart(2, '0')}T09:00:00+08:00`),
          by: worker,
          windows: EZHOU_WINDOWS,
        },
      );
      if (!opened.ok) throw new Error('refused');
      let c = opened.case;
      if (i % 4 === 1) {
        c = stepped(c, { kind: 'transfer', input: { to: colleague, reason: '分工' } }, '2026-10-25');
        c = stepped(c, { kind: 'transfer', input: { to: third, reason: '休假' } }, '2026-10-26');
      }
      // Transferred away and back: the first responder handles it again.
      if (i === 4) {
        c = stepped(c, { kind: 'transfer', input: { to: colleague, reason: '分工' } }, '2026-10-25');
        c = stepped(c, { kind: 'transfer', input: { to: worker, reason: '销假' } }, '2026-10-26');
      }
      if (i % 4 === 3)
        c = stepped(
          c,
          { kind: 'agency-submitted', input: { agency: '区政务服务中心', on: '2026-10-27' } },
          '2026-10-27',
        );
      if (i % 4 === 2) {
        c = stepped(c, { kind: 'transfer', input: { to: colleague, reason: '分工' } }, '2026-10-25');
        c = stepped(
          c,
          { kind: 'close', input: { result: '已办结', toldOn: '2026-11-20', toldHow: 'phone' } },
          '2026-11-20',
        );
      }
      await insertCase(database.db, c, { actor: null, ip: null, at: new Date() });
    }
    const asOf = '2026-11-05';
    const queries = [
      { communityCode: LIST },
      { communityCode: LIST, includeClosed: true },
      { communityCode: LIST, overdueOnly: true },
      { communityCode: LIST, includeClosed: true, limit: 4, offset: 4 },
      { communityCode: LIST, offset: 50 },
      { userId: 'w-2', includeClosed: true },
      { userId: 'w-3' },
      { userId: 'w-1', limit: 3 },
      { streetCode: '420703101', includeClosed: true, limit: 200 },
      { communityCode: '420703101099' },
    ];
    for (const query of queries) {
      const q = { limit: 50, asOf, ...query };
      const whole = await listCases(database.db, q);
      const rows = await listCaseRows(database.db, q);
      expect(rows.open).toBe(whole.open);
      expect(rows.overdue).toBe(whole.overdue);
      // Each row is exactly the package's list row of the whole case: its fields and no others.
      expect(rows.items).toStrictEqual(whole.items.map(caseListRow));
      for (const [i, row] of rows.items.entries()) {
        const c = whole.items[i];
        if (c) expect(isOverdueOn(row.promisedOn, row.closedOn, asOf)).toBe(isOverdue(c, asOf));
      }
    }
    const all = await listCaseRows(database.db, {
      communityCode: LIST,
      includeClosed: true,
      asOf,
      limit: 50,
    });
    expect(all.items).toHaveLength(12);
    // Open ones first, priority residents first among them, then by promised date.
    expect(all.items.map((r) => r.status === 'closed')).toEqual([
      ...Array(9).fill(false),
      ...Array(3).fill(true),
    ]);
    expect(all.items.slice(0, 9).map((r) => r.priority)).toEqual([
      ...Array(3).fill(true),
      ...Array(6).fill(false),
    ]);
    expect(all.items.find((r) => r.id === 'list-01')?.handler).toEqual(third);
    expect(all.items.find((r) => r.id === 'list-03')?.status).toBe('awaiting-agency');
    expect(all.items.find((r) => r.id === 'list-04')?.handler).toEqual(worker);
    // None of the resident's numbers, nor the case's text or steps, reach a list.
    expect(all.items.every((r) => Object.keys(r.resident).join() === 'name')).toBe(true);
    expect(JSON.stringify(all)).not.toContain('13912345678');
    expect(all.items.some((r) => 'steps' in r || 'detail' in r || 'receivedAt' in r)).toBe(false);
    // A page past the end still brings the counts.
    const past = await listCaseRows(database.db, { communityCode: LIST, asOf, limit: 50, offset: 50 });
    expect(past).toEqual({ items: [], open: 9, overdue: all.overdue });
    expect(all.overdue).toBeGreaterThan(0);
  });
});
