/**
 * Reading the registers of organisation and people (`@shequ/people`): every register of some
 * communities at once, which of them keep any, and a register entry's history from the audit log.
 */
import type {
  Building,
  Committee,
  CommunityRegisters,
  Grid,
  PropertyArea,
  Representative,
  ResidentGroup,
} from '@shequ/people';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Db, PeopleError } from './people-shared.js';
import { workerFromRow } from './people-workers.js';
import { auditLog } from './schema.js';
import { peopleCommittees, peopleUnits, peopleWorkers } from './schema-people.js';

/** Every register of the given communities; a community without any gets empty registers. */
export async function loadRegisters(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, CommunityRegisters>> {
  const out = new Map<string, CommunityRegisters>(
    codes.map((code) => [
      code,
      { communityCode: code, workers: [], committees: [], grids: [], buildings: [], residentGroups: [] },
    ]),
  );
  if (codes.length === 0) return out;
  const list = [...codes];
  const [workers, committees, units] = await Promise.all([
    db
      .select()
      .from(peopleWorkers)
      .where(inArray(peopleWorkers.communityCode, list))
      .orderBy(asc(peopleWorkers.joinedOn), asc(peopleWorkers.id)),
    db
      .select()
      .from(peopleCommittees)
      .where(inArray(peopleCommittees.communityCode, list))
      .orderBy(asc(peopleCommittees.termFrom), asc(peopleCommittees.id)),
    db
      .select()
      .from(peopleUnits)
      .where(inArray(peopleUnits.communityCode, list))
      .orderBy(asc(peopleUnits.name), asc(peopleUnits.id)),
  ]);
  for (const row of workers) out.get(row.communityCode)?.workers.push(workerFromRow(row));
  for (const row of committees)
    out.get(row.communityCode)?.committees.push({
      ...(row.record as Omit<Committee, 'id' | 'communityCode'>),
      id: row.id,
      communityCode: row.communityCode,
    });
  for (const row of units) {
    const registers = out.get(row.communityCode);
    if (!registers) continue;
    const unit = { ...(row.record as object), id: row.id, communityCode: row.communityCode };
    if (row.kind === 'grid') registers.grids.push(unit as Grid);
    else if (row.kind === 'building') registers.buildings.push(unit as Building);
    else if (row.kind === 'representative')
      registers.representatives = [...(registers.representatives ?? []), unit as Representative];
    else if (row.kind === 'property-area')
      registers.propertyAreas = [...(registers.propertyAreas ?? []), unit as PropertyArea];
    else registers.residentGroups.push(unit as ResidentGroup);
  }
  return out;
}

export async function loadCommunityRegisters(db: Db, code: string): Promise<CommunityRegisters> {
  const registers = (await loadRegisters(db, [code])).get(code);
  if (!registers) throw new PeopleError('not-found', '没有这个社区');
  return registers;
}

/** Which of the communities keep any register (roster, committee or unit). */
export async function communitiesWithRegisters(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const list = [...codes];
  const found = await Promise.all([
    db
      .selectDistinct({ code: peopleWorkers.communityCode })
      .from(peopleWorkers)
      .where(inArray(peopleWorkers.communityCode, list)),
    db
      .selectDistinct({ code: peopleCommittees.communityCode })
      .from(peopleCommittees)
      .where(inArray(peopleCommittees.communityCode, list)),
    db
      .selectDistinct({ code: peopleUnits.communityCode })
      .from(peopleUnits)
      .where(inArray(peopleUnits.communityCode, list)),
  ]);
  return new Set(found.flat().map((r) => r.code));
}

export interface HistoryEntry {
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** A register entry's changes and full views, newest first, from the audit log. */
export async function registerHistory(db: Db, entityType: string, id: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      at: auditLog.at,
      actorName: auditLog.actorName,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
