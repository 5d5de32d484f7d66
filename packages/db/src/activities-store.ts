/**
 * Volunteer activities, sign-ups and the hours served (`@shequ/services` activities). Sign-up and
 * hours each take the activity's row lock, so the capacity holds and hours are credited once however
 * many workers press at once; the hours go to the volunteer's points ledger and time bank in the same
 * transaction (`applyPoints`), so an activity never shows hours its volunteers were not credited.
 */
import type { FieldIssue } from '@shequ/domain';
import { type Activity, type ActivitySignUp, creditHours, maySignUp } from '@shequ/services';
import { and, asc, desc, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { markRegistersChanged } from './register-changes.js';
import { communities } from './schema.js';
import { serviceActivities, serviceActivitySignUps, serviceVolunteers } from './schema-services.js';
import { type ServicesActor, ServicesError } from './services-store.js';
import { applyPoints } from './volunteers-store.js';

const refused = (issues: FieldIssue[]): never => {
  throw new ServicesError('invalid', issues.map((i) => i.message).join('；'), issues);
};

function activityFromRow(row: typeof serviceActivities.$inferSelect): Activity {
  return {
    ...(row.record as Omit<Activity, 'id' | 'communityCode'>),
    id: row.id,
    communityCode: row.communityCode,
  };
}

export async function insertActivity(
  db: Database,
  activity: Activity,
  who: ServicesActor,
): Promise<Activity> {
  return db.transaction(async (tx) => {
    const { id, communityCode, ...record } = activity;
    await tx
      .insert(serviceActivities)
      .values({ id, communityCode, on: activity.on, record, createdAt: who.at });
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.activity.create',
      entityType: 'services.activity',
      entityId: id,
      jurisdictionCode: communityCode,
      before: null,
      after: record,
      ip: who.ip,
      at: who.at,
    });
    await markRegistersChanged(tx, communityCode, who.at);
    return activity;
  });
}

export async function findActivity(db: Database | Transaction, id: string): Promise<Activity | undefined> {
  const [row] = await db.select().from(serviceActivities).where(eq(serviceActivities.id, id)).limit(1);
  return row ? activityFromRow(row) : undefined;
}

async function lockedActivity(tx: Transaction, id: string) {
  const [row] = await tx.select().from(serviceActivities).where(eq(serviceActivities.id, id)).for('update');
  if (!row) throw new ServicesError('not-found', '没有这个志愿活动');
  const signUps = await tx
    .select({ volunteerId: serviceActivitySignUps.volunteerId, minutes: serviceActivitySignUps.minutes })
    .from(serviceActivitySignUps)
    .where(eq(serviceActivitySignUps.activityId, id));
  return { activity: activityFromRow(row), signUps: signUps as ActivitySignUp[] };
}

/** Signs a volunteer up, under the activity's lock (capacity, not twice). */
export async function signUpForActivity(
  db: Database,
  input: { activityId: string; volunteerId: string; today: string },
  who: ServicesActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { activity, signUps } = await lockedActivity(tx, input.activityId);
    const [volunteer] = await tx
      .select({ id: serviceVolunteers.id, communityCode: serviceVolunteers.communityCode })
      .from(serviceVolunteers)
      .where(eq(serviceVolunteers.id, input.volunteerId));
    if (!volunteer) throw new ServicesError('not-found', '没有这名志愿者');
    const decision = maySignUp(activity, volunteer, signUps, input.today);
    if (!decision.ok) refused(decision.issues);
    await tx
      .insert(serviceActivitySignUps)
      .values({ activityId: activity.id, volunteerId: volunteer.id, signedUpAt: who.at });
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.activity.signUp',
      entityType: 'services.activity',
      entityId: activity.id,
      jurisdictionCode: activity.communityCode,
      before: null,
      after: { volunteerId: volunteer.id },
      ip: who.ip,
      at: who.at,
    });
  });
}

/**
 * Records the minutes a signed-up volunteer served, once, and credits them: the points at the
 * activity's rate and the minutes in the time bank, in one transaction with the sign-up.
 */
export async function recordActivityHours(
  db: Database,
  input: { activityId: string; volunteerId: string; hours: unknown; today: string },
  who: ServicesActor,
): Promise<{ minutes: number; points: number; balance: number }> {
  return db.transaction(async (tx) => {
    const { activity, signUps } = await lockedActivity(tx, input.activityId);
    const signUp = signUps.find((s) => s.volunteerId === input.volunteerId);
    const credit = creditHours(activity, signUp, input.hours, input.today);
    if (!credit.ok) return refused(credit.issues);
    await tx
      .update(serviceActivitySignUps)
      .set({ minutes: credit.minutes, points: credit.points, hoursAt: who.at })
      .where(
        and(
          eq(serviceActivitySignUps.activityId, activity.id),
          eq(serviceActivitySignUps.volunteerId, input.volunteerId),
        ),
      );
    // A zero-point activity still banks the minutes: the ledger takes a bare time-bank update then.
    let balance: number;
    if (credit.points > 0) {
      ({ balance } = await applyPoints(
        tx,
        input.volunteerId,
        {
          kind: 'earn',
          points: credit.points,
          minutes: credit.minutes,
          reason: `志愿活动：${activity.title}`,
          on: activity.on,
        },
        who,
      ));
    } else {
      const [row] = await tx
        .update(serviceVolunteers)
        .set({
          bankedMinutes: sql`${serviceVolunteers.bankedMinutes} + ${credit.minutes}`,
          updatedAt: who.at,
        })
        .where(eq(serviceVolunteers.id, input.volunteerId))
        .returning({ points: serviceVolunteers.points });
      balance = row?.points ?? 0;
    }
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.activity.hours',
      entityType: 'services.activity',
      entityId: activity.id,
      jurisdictionCode: activity.communityCode,
      before: null,
      after: { volunteerId: input.volunteerId, minutes: credit.minutes, points: credit.points },
      ip: who.ip,
      at: who.at,
    });
    await markRegistersChanged(tx, activity.communityCode, who.at);
    return { minutes: credit.minutes, points: credit.points, balance };
  });
}

/** A community's activities, newest first, each with its sign-ups (volunteer name, minutes). */
export async function listActivities(db: Database, communityCode: string) {
  const rows = await db
    .select()
    .from(serviceActivities)
    .where(eq(serviceActivities.communityCode, communityCode))
    .orderBy(desc(serviceActivities.on), asc(serviceActivities.id))
    .limit(200);
  const ids = rows.map((r) => r.id);
  const signUps =
    ids.length === 0
      ? []
      : await db
          .select({
            activityId: serviceActivitySignUps.activityId,
            volunteerId: serviceActivitySignUps.volunteerId,
            name: serviceVolunteers.name,
            minutes: serviceActivitySignUps.minutes,
            points: serviceActivitySignUps.points,
          })
          .from(serviceActivitySignUps)
          .innerJoin(serviceVolunteers, eq(serviceVolunteers.id, serviceActivitySignUps.volunteerId))
          .where(inArray(serviceActivitySignUps.activityId, ids))
          .orderBy(asc(serviceActivitySignUps.signedUpAt));
  return rows.map((r) => ({
    ...activityFromRow(r),
    signUps: signUps.filter((s) => s.activityId === r.id),
  }));
}

/**
 * Volunteer hours per community under a prefix (a community's own code or a street's): the minutes
 * banked by its volunteers, how many volunteers, and the activities' recorded minutes since a date.
 */
export async function volunteerHoursByCommunity(db: Database, prefix: string, since: string) {
  const [banked, served] = await Promise.all([
    db
      .select({
        code: serviceVolunteers.communityCode,
        volunteers: sql<number>`count(*)`.mapWith(Number),
        bankedMinutes: sql<number>`coalesce(sum(${serviceVolunteers.bankedMinutes}), 0)`.mapWith(Number),
      })
      .from(serviceVolunteers)
      .where(like(serviceVolunteers.communityCode, `${prefix}%`))
      .groupBy(serviceVolunteers.communityCode),
    db
      .select({
        code: serviceActivities.communityCode,
        activities: sql<number>`count(distinct ${serviceActivities.id})`.mapWith(Number),
        minutes: sql<number>`coalesce(sum(${serviceActivitySignUps.minutes}), 0)`.mapWith(Number),
      })
      .from(serviceActivities)
      .leftJoin(
        serviceActivitySignUps,
        and(
          eq(serviceActivitySignUps.activityId, serviceActivities.id),
          isNotNull(serviceActivitySignUps.minutes),
        ),
      )
      .where(
        and(like(serviceActivities.communityCode, `${prefix}%`), sql`${serviceActivities.on} >= ${since}`),
      )
      .groupBy(serviceActivities.communityCode),
  ]);
  const names = await db
    .select({ code: communities.code, name: communities.name })
    .from(communities)
    .where(like(communities.code, `${prefix}%`))
    .orderBy(asc(communities.code));
  const bankedBy = new Map(banked.map((r) => [r.code, r]));
  const servedBy = new Map(served.map((r) => [r.code, r]));
  return names.map((n) => {
    const b = bankedBy.get(n.code);
    const s = servedBy.get(n.code);
    return {
      code: n.code,
      name: n.name,
      volunteers: b?.volunteers ?? 0,
      bankedMinutes: b?.bankedMinutes ?? 0,
      activities: s?.activities ?? 0,
      activityMinutes: s?.minutes ?? 0,
    };
  });
}
