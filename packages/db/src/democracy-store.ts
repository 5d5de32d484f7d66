/**
 * Storing and reading the democracy registers (`@shequ/democracy`). The package decides what is valid
 * and what is due; here each write runs in one transaction with its audit record, and the snapshot's
 * bulk loader reads every register of many communities in one query.
 */
import {
  type Charter,
  type Consultation,
  type DeliberationBody,
  type DemocracyRegisters,
  type Disclosure,
  type Election,
  emptyDemocracyRegisters,
  type ImposedMeeting,
  type Meeting,
  onPublicBoard,
  type PublicContact,
  publicBoardSince,
} from '@shequ/democracy';
import type { Committee, ResidentGroup } from '@shequ/people';
import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { type AuditedActor, writeAudit } from './audit.js';
import type { Database, DatabaseHandle, Transaction } from './client.js';
import { communitiesAwaitingDemo } from './demo-targets.js';
import { saveCommittee } from './people-committees.js';
import { replaceUnit } from './people-units.js';
import { markRegistersChanged } from './register-changes.js';
import { communities } from './schema.js';
import { communityContacts, type DemocracyRecordKind, democracyRecords } from './schema-democracy.js';
import { peopleCommittees } from './schema-people.js';

type Db = Database | Transaction;

export type DemocracyErrorCode = 'not-found' | 'conflict';

export class DemocracyError extends Error {
  constructor(
    readonly code: DemocracyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DemocracyError';
  }
}

/** Each kind of record and the register it belongs to. */
export interface DemocracyRecordOf {
  meeting: Meeting;
  'imposed-meeting': ImposedMeeting;
  consultation: Consultation;
  charter: Charter;
  disclosure: Disclosure;
  election: Election;
  'deliberation-body': DeliberationBody;
}

const registerOf = {
  meeting: 'meetings',
  'imposed-meeting': 'imposedMeetings',
  consultation: 'consultations',
  charter: 'charters',
  disclosure: 'disclosures',
  election: 'elections',
  'deliberation-body': 'deliberationBodies',
} as const satisfies Record<DemocracyRecordKind, keyof DemocracyRegisters>;

/** The date a record is ordered by within its kind. */
function orderingDate<K extends DemocracyRecordKind>(kind: K, record: DemocracyRecordOf[K]): string {
  if (kind === 'charter') {
    const versions = (record as Charter).versions;
    return (
      versions
        .map((v) => v.draftedOn)
        .sort()
        .at(-1) ?? '1900-01-01'
    );
  }
  if (kind === 'disclosure') return (record as Disclosure).on;
  if (kind === 'deliberation-body') return (record as DeliberationBody).establishedOn;
  return (record as Meeting | ImposedMeeting | Consultation | Election).heldOn;
}

type Row = typeof democracyRecords.$inferSelect;

/** A stored record as its package type: the row holds what the package validated before the write. */
function fromRow<T = object>(row: Row): T & { id: string; communityCode: string; version: number } {
  const record = {
    ...(row.record as object),
    id: row.id,
    communityCode: row.communityCode,
    version: row.version,
  };
  return record as unknown as T & { id: string; communityCode: string; version: number };
}

/** The registers as stored: each record with the version an edit must quote. */
export type StoredDemocracyRegisters = {
  [R in keyof DemocracyRegisters]: (DemocracyRegisters[R][number] & { version: number })[];
};

export type DemocracyActor = AuditedActor;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Every democracy register of the given communities (the snapshot's bulk loader); empty registers for none. */
export async function loadDemocracyRegisters(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, StoredDemocracyRegisters>> {
  const out = new Map<string, StoredDemocracyRegisters>(
    codes.map((code) => [code, emptyDemocracyRegisters() as StoredDemocracyRegisters]),
  );
  if (codes.length === 0) return out;
  const rows = await db
    .select()
    .from(democracyRecords)
    .where(inArray(democracyRecords.communityCode, [...codes]))
    .orderBy(asc(democracyRecords.on), asc(democracyRecords.id));
  for (const row of rows) {
    const registers = out.get(row.communityCode);
    if (!registers) continue;
    (registers[registerOf[row.kind]] as object[]).push(fromRow(row));
  }
  return out;
}

/** One community's records of one kind, newest first, each with its version for editing. */
export async function listDemocracyRecords<K extends DemocracyRecordKind>(
  db: Db,
  code: string,
  kind: K,
): Promise<(DemocracyRecordOf[K] & { version: number })[]> {
  const rows = await db
    .select()
    .from(democracyRecords)
    .where(and(eq(democracyRecords.communityCode, code), eq(democracyRecords.kind, kind)))
    .orderBy(desc(democracyRecords.on), asc(democracyRecords.id));
  return rows.map((r) => fromRow<DemocracyRecordOf[K]>(r));
}

export async function findDemocracyRecord(
  db: Db,
  id: string,
): Promise<
  { kind: DemocracyRecordKind; communityCode: string; version: number; record: object } | undefined
> {
  const [row] = await db.select().from(democracyRecords).where(eq(democracyRecords.id, id)).limit(1);
  return row
    ? { kind: row.kind, communityCode: row.communityCode, version: row.version, record: fromRow(row) }
    : undefined;
}

/** Disclosures on the public board on `today` (本系统规则 R-DEM-1), newest first. Public (§5). */
export async function currentDisclosures(db: Db, code: string, today: string): Promise<Disclosure[]> {
  const rows = await db
    .select()
    .from(democracyRecords)
    .where(
      and(
        eq(democracyRecords.communityCode, code),
        eq(democracyRecords.kind, 'disclosure'),
        lte(democracyRecords.on, today),
        // Candidates only: one with a take-down date may have been posted before the window.
        or(gte(democracyRecords.on, publicBoardSince(today)), sql`${democracyRecords.record} ? 'until'`),
      ),
    )
    .orderBy(desc(democracyRecords.on), asc(democracyRecords.id));
  return rows
    .map((r) => {
      const { version: _version, ...d } = fromRow<Disclosure>(r);
      return d;
    })
    .filter((d) => onPublicBoard(d, today));
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

export interface SaveDemocracyRecordInput<K extends DemocracyRecordKind> extends DemocracyActor {
  kind: K;
  /** Validated by `@shequ/democracy`; an empty `id` lets the database choose one. */
  record: DemocracyRecordOf[K];
  /** The version read before editing; absent for a new record. */
  expectedVersion?: number;
}

/** Refuses a write for a community that is not stored. */
async function requireCommunity(tx: Transaction, communityCode: string): Promise<void> {
  const [community] = await tx
    .select({ code: communities.code })
    .from(communities)
    .where(eq(communities.code, communityCode))
    .limit(1);
  if (!community) throw new DemocracyError('not-found', '没有这个社区');
}

/** Creates or replaces a record of one kind in one transaction with its audit record. Throws `DemocracyError`. */
export async function saveDemocracyRecord<K extends DemocracyRecordKind>(
  db: Database,
  input: SaveDemocracyRecordInput<K>,
): Promise<DemocracyRecordOf[K] & { version: number }> {
  return db.transaction(async (tx) => {
    const { id, communityCode, ...rest } = input.record;
    await requireCommunity(tx, communityCode);
    const columns = {
      communityCode,
      kind: input.kind,
      on: orderingDate(input.kind, input.record),
      record: rest,
      updatedAt: input.at,
    };
    let before: object | null = null;
    let row: Row | undefined;
    if (input.expectedVersion === undefined) {
      [row] = await tx
        .insert(democracyRecords)
        .values({ ...columns, ...(id ? { id } : {}) })
        .returning();
    } else {
      const old = await findDemocracyRecord(tx, id);
      if (!old || old.kind !== input.kind || old.communityCode !== communityCode)
        throw new DemocracyError('not-found', '没有这条记录');
      before = old.record;
      [row] = await tx
        .update(democracyRecords)
        .set({ ...columns, version: input.expectedVersion + 1 })
        .where(and(eq(democracyRecords.id, id), eq(democracyRecords.version, input.expectedVersion)))
        .returning();
      if (!row) throw new DemocracyError('conflict', '该记录已被他人修改，请刷新后重新编辑');
    }
    if (!row) throw new DemocracyError('conflict', '保存失败，请重试');
    const saved = fromRow<DemocracyRecordOf[K]>(row);
    await markRegistersChanged(tx, communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: `democracy.${input.kind}.${input.expectedVersion === undefined ? 'create' : 'update'}`,
      entityType: `democracy.${input.kind}`,
      entityId: saved.id,
      jurisdictionCode: communityCode,
      before,
      after: saved,
      ip: input.ip,
      at: input.at,
    });
    return saved;
  });
}

export interface SeatElectedCommitteeInput extends DemocracyActor {
  electionId: string;
  /** The committee the result seats, as `@shequ/democracy` made it. */
  seat: Omit<Committee, 'id'>;
  /** Stored committees whose term `@shequ/democracy` ended the day before the election. */
  close: Committee[];
}

/**
 * Enters an election's result in the committee register: the previous committees' terms ended and the
 * new committee seated, in one transaction with an audit record of the whole change.
 */
export async function seatElectedCommittee(
  db: Database,
  input: SeatElectedCommitteeInput,
): Promise<Committee & { version: number }> {
  return db.transaction(async (tx) => {
    const who = { actor: input.actor, ip: input.ip, at: input.at };
    for (const committee of input.close) {
      const [row] = await tx
        .select({ version: peopleCommittees.version })
        .from(peopleCommittees)
        .where(eq(peopleCommittees.id, committee.id))
        .limit(1);
      if (!row) throw new DemocracyError('not-found', '没有这个委员会');
      await saveCommittee(tx, { ...who, committee, expectedVersion: row.version });
    }
    const seated = await saveCommittee(tx, { ...who, committee: { ...input.seat, id: '' } });
    await writeAudit(tx, {
      actor: input.actor,
      action: 'democracy.election.apply',
      entityType: 'democracy.election',
      entityId: input.electionId,
      jurisdictionCode: input.seat.communityCode,
      before: null,
      after: { committeeId: seated.id, closed: input.close.map((c) => c.id) },
      ip: input.ip,
      at: input.at,
    });
    return seated;
  });
}

export interface SeatElectedGroupLeaderInput extends DemocracyActor {
  electionId: string;
  /** The resident group with its leader and the leader's term, as `@shequ/democracy` made it. */
  group: ResidentGroup;
  /** The group's version when it was read for the decision; changed since, nothing is written. */
  expectedVersion: number;
}

/**
 * Enters a resident-group election's result in the people register: the group's leader replaced, in
 * one transaction with the group's audit record and one of the election's result entered.
 */
export async function seatElectedGroupLeader(
  db: Database,
  input: SeatElectedGroupLeaderInput,
): Promise<ResidentGroup & { version: number }> {
  return db.transaction(async (tx) => {
    const group = await replaceUnit(tx, {
      actor: input.actor,
      ip: input.ip,
      at: input.at,
      kind: 'resident-group',
      unit: input.group,
      action: 'people.resident-group.leader',
      expectedVersion: input.expectedVersion,
    });
    await writeAudit(tx, {
      actor: input.actor,
      action: 'democracy.election.apply-group-leader',
      entityType: 'democracy.election',
      entityId: input.electionId,
      jurisdictionCode: input.group.communityCode,
      before: null,
      after: { residentGroupId: group.id, leaderName: group.leaderName ?? null },
      ip: input.ip,
      at: input.at,
    });
    return group;
  });
}

/** The community's public contact, or undefined when none was entered. */
export async function findPublicContact(
  db: Db,
  code: string,
): Promise<(PublicContact & { version: number }) | undefined> {
  const [row] = await db
    .select()
    .from(communityContacts)
    .where(eq(communityContacts.communityCode, code))
    .limit(1);
  return row
    ? { ...(row.record as Omit<PublicContact, 'communityCode'>), communityCode: code, version: row.version }
    : undefined;
}

/** Creates or replaces the public contact in one transaction with its audit record. */
export async function savePublicContact(
  db: Database,
  input: DemocracyActor & { contact: PublicContact; expectedVersion?: number },
): Promise<PublicContact & { version: number }> {
  return db.transaction(async (tx) => {
    const { communityCode, ...record } = input.contact;
    await requireCommunity(tx, communityCode);
    const before = await findPublicContact(tx, communityCode);
    if ((before?.version ?? undefined) !== input.expectedVersion)
      throw new DemocracyError('conflict', '该记录已被他人修改，请刷新后重新编辑');
    const version = (before?.version ?? 0) + 1;
    await tx
      .insert(communityContacts)
      .values({ communityCode, record, version, updatedAt: input.at })
      .onConflictDoUpdate({
        target: communityContacts.communityCode,
        set: { record, version, updatedAt: input.at },
      });
    const saved = { ...input.contact, version };
    await writeAudit(tx, {
      actor: input.actor,
      action: before ? 'democracy.contact.update' : 'democracy.contact.create',
      entityType: 'democracy.contact',
      entityId: communityCode,
      jurisdictionCode: communityCode,
      before: before ?? null,
      after: saved,
      ip: input.ip,
      at: input.at,
    });
    return saved;
  });
}

/**
 * Stores demo registers for the communities that exist and keep no democracy record yet, through the
 * same write path a user's entries take (audited, as the demo's actor). Returns how many were stored.
 */
export async function seedDemocracyRegisters(
  handle: Pick<DatabaseHandle, 'db'>,
  registers: ReadonlyMap<string, DemocracyRegisters>,
  at = new Date('2026-01-05T09:00:00+08:00'),
  contacts: readonly PublicContact[] = [],
): Promise<number> {
  const { db } = handle;
  const codes = [...registers.keys()];
  if (codes.length === 0) return 0;
  const awaiting = await communitiesAwaitingDemo(db, codes, democracyRecords.communityCode);
  const who: DemocracyActor = { actor: null, ip: null, at };
  let seeded = 0;
  for (const [code, r] of registers) {
    if (!awaiting.has(code)) continue;
    // One write at a time: the embedded database has one connection, and the audit log reads in order.
    const save = async <K extends DemocracyRecordKind>(kind: K, list: readonly DemocracyRecordOf[K][]) => {
      for (const record of list) await saveDemocracyRecord(db, { ...who, kind, record });
    };
    await save('meeting', r.meetings);
    await save('imposed-meeting', r.imposedMeetings);
    await save('consultation', r.consultations);
    await save('charter', r.charters);
    await save('disclosure', r.disclosures);
    await save('election', r.elections);
    await save('deliberation-body', r.deliberationBodies);
    const contact = contacts.find((c) => c.communityCode === code);
    if (contact && !(await findPublicContact(db, code))) await savePublicContact(db, { ...who, contact });
    seeded++;
  }
  return seeded;
}
