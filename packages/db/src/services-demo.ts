/**
 * The demo's service cases, visit registers and residents' answers (`seedDemo`): stored through the
 * same writes as a worker's, so the demo's history reads like a real one.
 */
import { createHash } from 'node:crypto';
import {
  closure,
  DEMO_SERVICE_COMMUNITIES,
  demoCases,
  demoVisits,
  type ServiceCase,
  type Visit,
  type VisitTarget,
} from '@shequ/services';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from './client.js';
import { communitiesAwaitingDemo } from './demo-targets.js';
import { communities, users } from './schema.js';
import { serviceCases, serviceFeedback, serviceVisitTargets } from './schema-services.js';
import { insertCase, type ServicesActor } from './services-store.js';
import { insertVisit, insertVisitTarget } from './visits-store.js';

/** Demo residents' answers: mostly satisfied, a few not; by the case's position so the demo is stable. */
const DEMO_SCORES = [5, 4, 5, 3, 4, 5, 2, 5, 4, 4] as const;

/**
 * Stores demo cases for the communities that exist and keep none yet (each with its intake audited
 * with no actor, as the demo's, at the time the case says it was received — a case's history must not
 * show its intake months before or after its own 受理 step), and an answered feedback row for most closed ones — with a token hash no
 * link can match — so the satisfaction trend has months to show.
 */
export async function seedServiceCases(
  handle: Pick<DatabaseHandle, 'db'>,
  cases: readonly ServiceCase[],
): Promise<number> {
  const { db } = handle;
  const codes = [...new Set(cases.map((c) => c.communityCode))];
  if (codes.length === 0) return 0;
  const awaiting = await communitiesAwaitingDemo(db, codes, serviceCases.communityCode);
  let stored = 0;
  for (const [i, c] of cases.entries()) {
    if (!awaiting.has(c.communityCode)) continue;
    await insertCase(db, c, { actor: null, ip: null, at: new Date(c.receivedAt) });
    const closed = closure(c);
    if (closed && i % 4 !== 3) {
      const answeredOn = closed.toldOn;
      await db.insert(serviceFeedback).values({
        caseId: c.id,
        communityCode: c.communityCode,
        tokenHash: createHash('sha256').update(`demo:${c.id}`).digest('hex'),
        issuedAt: new Date(closed.at),
        answeredAt: new Date(`${answeredOn}T20:00:00+08:00`),
        answeredOn,
        score: DEMO_SCORES[i % DEMO_SCORES.length] ?? 5,
      });
    }
    stored++;
  }
  return stored;
}

/** The demo's cases: half a year of 象山 (by its demo accounts) and of 大湾社区 in Ezhou. */
export async function seedServicesDemo(handle: Pick<DatabaseHandle, 'db'>): Promise<number> {
  const accounts = await handle.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.username, ['xs-sunli', 'xs-chenhong', 'xs-wangjianguo']))
    .orderBy(asc(users.username));
  const xiangshanWorkers = accounts.map((a) => ({ userId: a.id, name: a.displayName }));
  const ezhouWorkers = [
    { userId: 'demo-ezhou-1', name: '胡晓燕（社区工作者）' },
    { userId: 'demo-ezhou-2', name: '程国庆（民政专干）' },
  ];
  const window = { from: '2026-06-01', to: '2026-11-30' };
  if (xiangshanWorkers.length > 0)
    await seedVisitRegister(
      handle,
      demoVisits({
        communityCode: DEMO_SERVICE_COMMUNITIES.xiangshan,
        workers: xiangshanWorkers,
        prefix: 'demo-xs',
        ...window,
      }),
    );
  await seedVisitRegister(
    handle,
    demoVisits({
      communityCode: DEMO_SERVICE_COMMUNITIES.ezhou,
      workers: ezhouWorkers,
      prefix: 'demo-dw',
      ...window,
    }),
  );
  return seedServiceCases(handle, [
    ...(xiangshanWorkers.length > 0
      ? demoCases({
          communityCode: DEMO_SERVICE_COMMUNITIES.xiangshan,
          region: '370305',
          workers: xiangshanWorkers,
          count: 40,
          prefix: 'demo-xs',
          ...window,
        })
      : []),
    ...demoCases({
      communityCode: DEMO_SERVICE_COMMUNITIES.ezhou,
      region: '420703',
      workers: ezhouWorkers,
      count: 30,
      prefix: 'demo-dw',
      ...window,
    }),
  ]);
}

/** Stores a demo visit register unless the community keeps one already. */
async function seedVisitRegister(
  handle: Pick<DatabaseHandle, 'db'>,
  register: { targets: VisitTarget[]; visits: Visit[] },
): Promise<void> {
  const code = register.targets[0]?.communityCode;
  if (!code) return;
  const { db } = handle;
  const [present] = await db
    .select({ code: communities.code })
    .from(communities)
    .where(eq(communities.code, code));
  const [keeping] = await db
    .select({ id: serviceVisitTargets.id })
    .from(serviceVisitTargets)
    .where(eq(serviceVisitTargets.communityCode, code))
    .limit(1);
  if (!present || keeping) return;
  const who: ServicesActor = { actor: null, ip: null, at: new Date('2026-01-05T09:00:00+08:00') };
  for (const target of register.targets) await insertVisitTarget(db, target, who);
  for (const visit of register.visits) await insertVisit(db, { ...visit, communityCode: code }, who);
}
