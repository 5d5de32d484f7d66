/** The committees (with their members and terms) in `people_committees`, each write audited. */
import type { Committee } from '@shequ/people';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import { type Db, type PeopleActor, PeopleError, streetOf, withoutKeys } from './people-shared.js';
import { markRegistersChanged } from './register-changes.js';
import { peopleCommittees } from './schema-people.js';

/**
 * Creates or replaces a committee (with its members); audited. Takes a transaction too, so an election's
 * result can seat its committee in the same transaction as its own record.
 */
export async function saveCommittee(
  db: Db,
  input: PeopleActor & { committee: Committee; expectedVersion?: number },
): Promise<Committee & { version: number }> {
  return db.transaction(async (tx) => {
    await streetOf(tx, input.committee.communityCode);
    const columns = {
      communityCode: input.committee.communityCode,
      kind: input.committee.kind,
      termFrom: input.committee.termFrom,
      termTo: input.committee.termTo,
      record: withoutKeys(input.committee),
      updatedAt: input.at,
    };
    let before: unknown = null;
    let row: typeof peopleCommittees.$inferSelect | undefined;
    if (input.expectedVersion === undefined) {
      [row] = await tx
        .insert(peopleCommittees)
        .values({ ...columns, ...(input.committee.id ? { id: input.committee.id } : {}) })
        .returning();
    } else {
      const [old] = await tx
        .select()
        .from(peopleCommittees)
        .where(eq(peopleCommittees.id, input.committee.id));
      if (!old) throw new PeopleError('not-found', '没有这个委员会');
      before = { ...(old.record as object), version: old.version };
      [row] = await tx
        .update(peopleCommittees)
        .set({ ...columns, version: input.expectedVersion + 1 })
        .where(
          and(
            eq(peopleCommittees.id, input.committee.id),
            eq(peopleCommittees.version, input.expectedVersion),
          ),
        )
        .returning();
      if (!row) throw new PeopleError('conflict', '该记录已被他人修改，请刷新后重新编辑');
    }
    if (!row) throw new PeopleError('conflict', '保存失败，请重试');
    const saved = {
      ...(row.record as Omit<Committee, 'id' | 'communityCode'>),
      id: row.id,
      communityCode: row.communityCode,
      version: row.version,
    };
    await markRegistersChanged(tx, saved.communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: input.expectedVersion === undefined ? 'people.committee.create' : 'people.committee.update',
      entityType: 'people.committee',
      entityId: saved.id,
      jurisdictionCode: saved.communityCode,
      before,
      after: saved,
      ip: input.ip,
      at: input.at,
    });
    return saved;
  });
}
