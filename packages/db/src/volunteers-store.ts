/**
 * The volunteer registry and the welfare points ledger (`@shequ/services` volunteers). A redemption
 * is one conditional update (`points >= n`) of the volunteer's row, so of two redemptions at once that
 * together exceed the balance only one passes, whatever the isolation level; a check constraint keeps
 * the balance at zero or above as the last guard. Each entry is audited with the balance it left.
 */
import { type PointsEntryDraft, pointsAfter, type VolunteerDraft } from '@shequ/services';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { servicePointsLedger, serviceVolunteers } from './schema-services.js';
import { type ServicesActor, ServicesError } from './services-store.js';

export async function insertVolunteer(
  db: Database,
  volunteer: VolunteerDraft & { id: string },
  who: ServicesActor,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { id, communityCode, name, ...record } = volunteer;
    await tx.insert(serviceVolunteers).values({ id, communityCode, name, record });
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.volunteer.create',
      entityType: 'services.volunteer',
      entityId: id,
      jurisdictionCode: communityCode,
      before: null,
      after: { name, ...record },
      ip: who.ip,
      at: who.at,
    });
    return { id };
  });
}

/** Earns or redeems points; a redemption beyond the balance is refused and writes nothing. */
export async function recordPoints(
  db: Database,
  volunteerId: string,
  entry: PointsEntryDraft,
  who: ServicesActor,
): Promise<{ balance: number }> {
  return db.transaction((tx) => applyPoints(tx, volunteerId, entry, who));
}

/** `recordPoints` inside a caller's transaction (an activity's hours credit points with the sign-up). */
export async function applyPoints(
  tx: Transaction,
  volunteerId: string,
  entry: PointsEntryDraft,
  who: ServicesActor,
): Promise<{ balance: number }> {
  {
    const delta = entry.kind === 'earn' ? entry.points : -entry.points;
    const [row] = await tx
      .update(serviceVolunteers)
      .set({
        points: sql`${serviceVolunteers.points} + ${delta}`,
        bankedMinutes: sql`${serviceVolunteers.bankedMinutes} + ${entry.kind === 'earn' ? entry.minutes : 0}`,
        updatedAt: who.at,
      })
      .where(
        and(
          eq(serviceVolunteers.id, volunteerId),
          entry.kind === 'redeem' ? gte(serviceVolunteers.points, entry.points) : undefined,
        ),
      )
      .returning({ points: serviceVolunteers.points, communityCode: serviceVolunteers.communityCode });
    if (!row) {
      const [current] = await tx
        .select({ points: serviceVolunteers.points })
        .from(serviceVolunteers)
        .where(eq(serviceVolunteers.id, volunteerId));
      if (!current) throw new ServicesError('not-found', '没有这名志愿者');
      const refusal = pointsAfter(current.points, entry);
      throw new ServicesError('invalid', refusal.ok ? '积分不足' : refusal.message, [
        { path: 'points', message: refusal.ok ? '积分不足' : refusal.message },
      ]);
    }
    await tx.insert(servicePointsLedger).values({
      volunteerId,
      kind: entry.kind,
      points: entry.points,
      minutes: entry.kind === 'earn' ? entry.minutes : 0,
      balance: row.points,
      reason: entry.reason,
      on: entry.on,
      at: who.at,
    });
    await writeAudit(tx, {
      actor: who.actor,
      action: `services.points.${entry.kind}`,
      entityType: 'services.volunteer',
      entityId: volunteerId,
      jurisdictionCode: row.communityCode,
      before: null,
      after: { ...entry, balance: row.points },
      ip: who.ip,
      at: who.at,
    });
    return { balance: row.points };
  }
}

export async function findVolunteer(
  db: Database,
  id: string,
): Promise<{ id: string; communityCode: string } | undefined> {
  const [row] = await db
    .select({ id: serviceVolunteers.id, communityCode: serviceVolunteers.communityCode })
    .from(serviceVolunteers)
    .where(eq(serviceVolunteers.id, id))
    .limit(1);
  return row;
}

/** A community's volunteers, by name, with points and banked minutes. */
export async function listVolunteers(db: Database, communityCode: string) {
  const rows = await db
    .select()
    .from(serviceVolunteers)
    .where(eq(serviceVolunteers.communityCode, communityCode))
    .orderBy(asc(serviceVolunteers.name), asc(serviceVolunteers.id));
  return rows.map((r) => ({
    ...(r.record as Omit<VolunteerDraft, 'communityCode' | 'name'>),
    id: r.id,
    communityCode: r.communityCode,
    name: r.name,
    points: r.points,
    bankedMinutes: r.bankedMinutes,
  }));
}
