/**
 * A resident's personal data on request (`@shequ/services` personal-data): what the service records
 * hold about them within a jurisdiction, and erasure that keeps the records but anonymises them. The
 * package decides (whether erasure may go ahead, what the kept record looks like); here the rows are
 * found, locked, rewritten and audited in one transaction. The audit records name the request by the
 * masked numbers only.
 */

import { maskIdNumber, maskPhone } from '@shequ/people';
import {
  birthDateOf,
  caseMatches,
  ERASED_NAME,
  erasedCase,
  erasedVolunteer,
  erasureProblems,
  maskedCase,
  type ResidentLookup,
  type ServiceCase,
  type VolunteerDraft,
} from '@shequ/services';
import { and, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { markRegistersChanged } from './register-changes.js';
import { serviceCases, servicePointsLedger, serviceVolunteers } from './schema-services.js';
import { type ServicesActor, ServicesError } from './services-store.js';

type Db = Database | Transaction;

function caseWhere(lookup: ResidentLookup, prefix: string): SQL | undefined {
  const matches: SQL[] = [];
  if (lookup.idNumber)
    matches.push(sql`(${serviceCases.record}->'resident'->>'idNumber') = ${lookup.idNumber}`);
  if (lookup.phone) matches.push(sql`(${serviceCases.record}->'resident'->>'phone') = ${lookup.phone}`);
  return and(or(...matches), like(serviceCases.communityCode, `${prefix}%`));
}

function volunteerWhere(lookup: ResidentLookup, name: string | undefined, prefix: string): SQL | undefined {
  // Volunteers keep no numbers: the same name and the birth date the identity number states.
  if (!lookup.idNumber || !name) return undefined;
  return and(
    eq(serviceVolunteers.name, name),
    sql`(${serviceVolunteers.record}->>'birthDate') = ${birthDateOf(lookup.idNumber)}`,
    like(serviceVolunteers.communityCode, `${prefix}%`),
  );
}

async function gather(db: Db, lookup: ResidentLookup, prefix: string, lock: boolean) {
  const caseQuery = db.select().from(serviceCases).where(caseWhere(lookup, prefix));
  const caseRows = await (lock ? caseQuery.for('update') : caseQuery);
  const cases = caseRows
    .map((row) => ({
      ...(row.record as Omit<ServiceCase, 'id' | 'communityCode'>),
      id: row.id,
      communityCode: row.communityCode,
    }))
    .filter((c) => caseMatches(c.resident, lookup));
  const name = cases.find((c) => c.resident.name !== ERASED_NAME)?.resident.name;
  const where = volunteerWhere(lookup, name, prefix);
  const volunteerRows = where
    ? await (lock
        ? db.select().from(serviceVolunteers).where(where).for('update')
        : db.select().from(serviceVolunteers).where(where))
    : [];
  const ledger =
    volunteerRows.length === 0
      ? []
      : await db
          .select()
          .from(servicePointsLedger)
          .where(
            inArray(
              servicePointsLedger.volunteerId,
              volunteerRows.map((v) => v.id),
            ),
          );
  return { cases, volunteerRows, ledger };
}

const lookupLabel = (lookup: ResidentLookup) => ({
  ...(lookup.idNumber ? { idNumber: maskIdNumber(lookup.idNumber) } : {}),
  ...(lookup.phone ? { phone: maskPhone(lookup.phone) } : {}),
});

/** Everything the service records hold about the resident within `prefix`, in full; the export is audited. */
export async function exportResidentData(
  db: Database,
  lookup: ResidentLookup,
  scope: { prefix: string; jurisdictionCode: string },
  who: ServicesActor,
) {
  return db.transaction(async (tx) => {
    const found = await gather(tx, lookup, scope.prefix, false);
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.resident.export',
      entityType: 'services.resident',
      entityId: lookupLabel(lookup).idNumber ?? lookupLabel(lookup).phone ?? '',
      jurisdictionCode: scope.jurisdictionCode,
      before: null,
      after: { ...lookupLabel(lookup), cases: found.cases.length, volunteers: found.volunteerRows.length },
      ip: who.ip,
      at: who.at,
    });
    return {
      cases: found.cases,
      volunteers: found.volunteerRows.map((v) => ({
        ...(v.record as Omit<VolunteerDraft, 'communityCode' | 'name'>),
        id: v.id,
        communityCode: v.communityCode,
        name: v.name,
        points: v.points,
        bankedMinutes: v.bankedMinutes,
        ledger: found.ledger
          .filter((e) => e.volunteerId === v.id)
          .map((e) => ({
            kind: e.kind,
            points: e.points,
            minutes: e.minutes,
            balance: e.balance,
            reason: e.reason,
            on: e.on,
          })),
      })),
    };
  });
}

/**
 * Anonymises the resident in every case and volunteer record within `prefix`; refused (nothing written)
 * while a case is open. Returns how many records were anonymised.
 */
export async function eraseResidentData(
  db: Database,
  lookup: ResidentLookup,
  scope: { prefix: string; jurisdictionCode: string },
  who: ServicesActor,
): Promise<{ cases: number; volunteers: number }> {
  return db.transaction(async (tx) => {
    const found = await gather(tx, lookup, scope.prefix, true);
    const problems = erasureProblems(found.cases);
    if (problems.length > 0)
      throw new ServicesError('invalid', problems.map((p) => p.message).join('；'), problems);
    if (found.cases.length === 0 && found.volunteerRows.length === 0)
      throw new ServicesError('not-found', '在您的辖区内没有找到该居民的服务记录');
    for (const c of found.cases) {
      const { id: _id, communityCode: _code, ...record } = erasedCase(c);
      await tx.update(serviceCases).set({ record, updatedAt: who.at }).where(eq(serviceCases.id, c.id));
      await markRegistersChanged(tx, c.communityCode, who.at);
    }
    for (const v of found.volunteerRows) {
      const { name, ...record } = erasedVolunteer({
        ...(v.record as Omit<VolunteerDraft, 'communityCode' | 'name'>),
        name: v.name,
      });
      await tx
        .update(serviceVolunteers)
        .set({ name, record, updatedAt: who.at })
        .where(eq(serviceVolunteers.id, v.id));
    }
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.resident.erase',
      entityType: 'services.resident',
      entityId: lookupLabel(lookup).idNumber ?? lookupLabel(lookup).phone ?? '',
      jurisdictionCode: scope.jurisdictionCode,
      before: { cases: found.cases.map((c) => maskedCase(c).id) },
      after: { ...lookupLabel(lookup), cases: found.cases.length, volunteers: found.volunteerRows.length },
      ip: who.ip,
      at: who.at,
    });
    return { cases: found.cases.length, volunteers: found.volunteerRows.length };
  });
}
