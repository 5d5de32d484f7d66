/**
 * Storing and reading the visit register (`@shequ/services` visits): the households to visit and the
 * events to attend, and the visits made. Each write runs in one transaction with its audit record.
 */
import type { Visit, VisitTarget } from '@shequ/services';
import { and, asc, eq, gt, inArray, isNull, lte, max, or } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { serviceVisits, serviceVisitTargets } from './schema-services.js';
import { type ServicesActor, ServicesError } from './services-store.js';

type Db = Database | Transaction;

function targetFromRow(row: typeof serviceVisitTargets.$inferSelect): VisitTarget {
  return {
    ...(row.record as Omit<VisitTarget, 'id' | 'communityCode'>),
    id: row.id,
    communityCode: row.communityCode,
  };
}

export async function insertVisitTarget(
  db: Database,
  target: VisitTarget,
  who: ServicesActor,
): Promise<VisitTarget> {
  return db.transaction(async (tx) => {
    const { id, communityCode, ...record } = target;
    const [row] = await tx
      .insert(serviceVisitTargets)
      .values({
        id,
        communityCode,
        kind: target.kind,
        since: target.since,
        until: target.until ?? null,
        record,
      })
      .returning();
    if (!row) throw new ServicesError('conflict', '保存失败，请重试');
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.visit-target.create',
      entityType: 'services.visit-target',
      entityId: id,
      jurisdictionCode: communityCode,
      before: null,
      after: target,
      ip: who.ip,
      at: who.at,
    });
    return targetFromRow(row);
  });
}

export async function findVisitTarget(db: Db, id: string): Promise<VisitTarget | undefined> {
  const [row] = await db.select().from(serviceVisitTargets).where(eq(serviceVisitTargets.id, id)).limit(1);
  return row ? targetFromRow(row) : undefined;
}

export async function insertVisit(
  db: Database,
  visit: Visit & { communityCode: string },
  who: ServicesActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(serviceVisits).values({
      id: visit.id,
      targetId: visit.targetId,
      communityCode: visit.communityCode,
      on: visit.on,
      byUserId: visit.by.userId,
      byName: visit.by.name,
      summary: visit.summary,
    });
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.visit.log',
      entityType: 'services.visit-target',
      entityId: visit.targetId,
      jurisdictionCode: visit.communityCode,
      before: null,
      after: { on: visit.on, summary: visit.summary },
      ip: who.ip,
      at: who.at,
    });
  });
}

/** A community's visit register: every target and every visit. */
export async function loadVisitRegister(
  db: Db,
  communityCode: string,
): Promise<{ targets: VisitTarget[]; visits: Visit[] }> {
  const [targets, visits] = await Promise.all([
    db
      .select()
      .from(serviceVisitTargets)
      .where(eq(serviceVisitTargets.communityCode, communityCode))
      .orderBy(asc(serviceVisitTargets.since), asc(serviceVisitTargets.id)),
    db
      .select()
      .from(serviceVisits)
      .where(and(eq(serviceVisits.communityCode, communityCode)))
      .orderBy(asc(serviceVisits.on), asc(serviceVisits.id)),
  ]);
  return {
    targets: targets.map(targetFromRow),
    visits: visits.map((v) => ({
      id: v.id,
      targetId: v.targetId,
      on: v.on,
      by: { userId: v.byUserId, name: v.byName },
      summary: v.summary,
    })),
  };
}

/** A target on the register on the day asked about, with its latest visit up to that day. */
export interface TargetWithLastVisit {
  target: VisitTarget;
  lastVisitOn: string | null;
}

/**
 * The targets on the register of each of `communityCodes` on `asOf`, each with its latest visit on or
 * before that day: in one query for all of them, however many communities a street or city has. The
 * latest visit is all `visitCoverage` reads of a target's visits, so the visit log itself stays unread.
 */
export async function visitTargetsWithLastVisit(
  db: Db,
  communityCodes: readonly string[],
  asOf: string,
): Promise<Map<string, TargetWithLastVisit[]>> {
  const byCommunity = new Map<string, TargetWithLastVisit[]>(communityCodes.map((code) => [code, []]));
  if (communityCodes.length === 0) return byCommunity;
  const codes = [...communityCodes];
  const lastVisits = db
    .select({ targetId: serviceVisits.targetId, lastVisitOn: max(serviceVisits.on).as('last_visit_on') })
    .from(serviceVisits)
    .where(and(inArray(serviceVisits.communityCode, codes), lte(serviceVisits.on, asOf)))
    .groupBy(serviceVisits.targetId)
    .as('last_visits');
  const rows = await db
    .select({ row: serviceVisitTargets, lastVisitOn: lastVisits.lastVisitOn })
    .from(serviceVisitTargets)
    .leftJoin(lastVisits, eq(lastVisits.targetId, serviceVisitTargets.id))
    .where(
      and(
        inArray(serviceVisitTargets.communityCode, codes),
        lte(serviceVisitTargets.since, asOf),
        or(isNull(serviceVisitTargets.until), gt(serviceVisitTargets.until, asOf)),
      ),
    )
    .orderBy(
      asc(serviceVisitTargets.communityCode),
      asc(serviceVisitTargets.since),
      asc(serviceVisitTargets.id),
    );
  for (const { row, lastVisitOn } of rows) {
    byCommunity.get(row.communityCode)?.push({ target: targetFromRow(row), lastVisitOn });
  }
  return byCommunity;
}
