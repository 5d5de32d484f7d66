/**
 * Storing democratic appraisals (民主评议) of residents' committee members. Decides nothing: the API asks
 * `@shequ/assessment` whether the member may be rated for the year and whether this rating ends the
 * office (江苏省指引 19（7）), and passes the answer in; the rating, its audit record and, when it ends the
 * office, the record of that are written in one transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type SignedInActor, writeAudit } from './audit.js';
import type { Database } from './client.js';
import { committeeAppraisals } from './schema-assessment.js';

export type StoredAppraisal = typeof committeeAppraisals.$inferSelect;

export async function recordAppraisal(
  db: Database,
  acting: SignedInActor,
  input: {
    committeeId: string;
    communityCode: string;
    memberKey: string;
    memberName: string;
    workerId: string | null;
    year: number;
    grade: string;
    /** The package's answer: this rating is the second consecutive 不称职. */
    endsOffice: { because: string } | null;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const key = and(
      eq(committeeAppraisals.communityCode, input.communityCode),
      eq(committeeAppraisals.memberKey, input.memberKey),
      eq(committeeAppraisals.year, input.year),
    );
    const [before] = await tx.select().from(committeeAppraisals).where(key);
    const { endsOffice, ...values } = input;
    const row = { ...values, recordedBy: acting.actor.id, recordedAt: acting.at };
    await tx
      .insert(committeeAppraisals)
      .values(row)
      .onConflictDoUpdate({
        target: [committeeAppraisals.communityCode, committeeAppraisals.memberKey, committeeAppraisals.year],
        set: {
          committeeId: input.committeeId,
          grade: input.grade,
          memberName: input.memberName,
          recordedBy: acting.actor.id,
          recordedAt: acting.at,
        },
      });
    const entity = `${input.communityCode}/${input.memberKey}`;
    await writeAudit(tx, {
      actor: acting.actor,
      action: 'people.committee.appraisal',
      entityType: 'committeeMember',
      entityId: entity,
      jurisdictionCode: input.communityCode,
      before: before ?? null,
      after: row,
      ip: acting.ip,
      at: acting.at,
    });
    if (endsOffice)
      await writeAudit(tx, {
        actor: acting.actor,
        action: 'people.committee.officeEnded',
        entityType: 'committeeMember',
        entityId: entity,
        jurisdictionCode: input.communityCode,
        before: null,
        after: { memberName: input.memberName, year: input.year, because: endsOffice.because },
        ip: acting.ip,
        at: acting.at,
      });
  });
}

/** Every appraisal of a community's members, oldest year first. */
export async function appraisalsOfCommunity(db: Database, communityCode: string): Promise<StoredAppraisal[]> {
  return db
    .select()
    .from(committeeAppraisals)
    .where(eq(committeeAppraisals.communityCode, communityCode))
    .orderBy(asc(committeeAppraisals.year));
}

/** Every appraisal of one person on the roster, oldest year first. */
export async function appraisalsOfWorker(db: Database, workerId: string): Promise<StoredAppraisal[]> {
  return db
    .select()
    .from(committeeAppraisals)
    .where(eq(committeeAppraisals.workerId, workerId))
    .orderBy(asc(committeeAppraisals.year));
}
