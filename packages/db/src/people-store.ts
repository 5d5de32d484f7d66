/**
 * Storing and reading the registers of organisation and people (`@shequ/people`). The package
 * decides what is valid; here each write runs in one transaction with its audit record, and the
 * roster write takes a lock on the identity number so that the caller's check against the other
 * entries holding it (duplicate, two communities at once) and the write are one step.
 *
 * Audit records keep identity and mobile numbers masked: the audit log is read by more people than
 * may see them.
 */
import { handedOverArchiveStatuses, handedOverSealStates } from '@shequ/archives';
import type { FieldIssue } from '@shequ/domain';
import {
  type Building,
  type Committee,
  type CommunityRegisters,
  type Grid,
  type LinkedAccount,
  maskIdNumber,
  maskPhone,
  type PeopleUnitKind,
  type PropertyArea,
  type Representative,
  type ResidentGroup,
  type RosterEntry,
  type RosterStay,
  type Worker,
  type WorkerPost,
} from '@shequ/people';
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, DatabaseHandle, Transaction } from './client.js';
import { escapeLike } from './like.js';
import { markRegistersChanged } from './register-changes.js';
import { auditLog, communities, sessions, users } from './schema.js';
import { archiveItems, seals } from './schema-archives.js';
import { peopleCommittees, peopleUnits, peopleWorkers } from './schema-people.js';

export type PeopleErrorCode = 'not-found' | 'conflict' | 'invalid';

/** A refused write: `invalid` carries the field problems, `conflict` a stale version, `not-found` a missing row. */
export class PeopleError extends Error {
  constructor(
    readonly code: PeopleErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'PeopleError';
  }
}

export interface PeopleActor {
  actor: { id: string; username: string } | null;
  ip: string | null;
  at: Date;
}

type Db = Database | Transaction;

/** A worker record as the audit log keeps it: identity and mobile numbers masked. */
export function auditedWorker(w: Worker): Record<string, unknown> {
  return { ...w, idNumber: maskIdNumber(w.idNumber), ...(w.phone ? { phone: maskPhone(w.phone) } : {}) };
}

function workerFromRow(row: typeof peopleWorkers.$inferSelect): Worker & { version: number } {
  return {
    ...(row.record as Omit<Worker, 'id' | 'communityCode'>),
    id: row.id,
    communityCode: row.communityCode,
    version: row.version,
  };
}

const withoutKeys = <T extends { id: string; communityCode: string }>({
  id: _id,
  communityCode: _c,
  ...rest
}: T) => rest;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

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

export async function findWorker(db: Db, id: string): Promise<(Worker & { version: number }) | undefined> {
  const [row] = await db.select().from(peopleWorkers).where(eq(peopleWorkers.id, id)).limit(1);
  return row ? workerFromRow(row) : undefined;
}

/** Every roster entry, in any community, holding one of the identity numbers. */
export async function rosterEntriesWithIdNumbers(
  db: Db,
  idNumbers: readonly string[],
): Promise<RosterEntry[]> {
  if (idNumbers.length === 0) return [];
  const rows = await db
    .select({
      id: peopleWorkers.id,
      communityCode: peopleWorkers.communityCode,
      name: peopleWorkers.name,
      idNumber: peopleWorkers.idNumber,
      joinedOn: peopleWorkers.joinedOn,
      leftOn: peopleWorkers.leftOn,
    })
    .from(peopleWorkers)
    .where(inArray(peopleWorkers.idNumber, [...idNumbers]));
  return rows.map((r) => ({ ...r, leftOn: r.leftOn ?? undefined }));
}

/** Every roster entry, in any community, holding the identity number. */
export function rosterEntriesWithIdNumber(db: Db, idNumber: string): Promise<RosterEntry[]> {
  return rosterEntriesWithIdNumbers(db, [idNumber]);
}

/**
 * Each roster entry's community, post and stay in the communities whose codes start with `prefix`
 * ('' for the whole country): what a summary of a street, district or city needs, without the records.
 */
export async function rosterStaysUnder(db: Db, prefix: string): Promise<RosterStay[]> {
  const rows = await db
    .select({
      communityCode: peopleWorkers.communityCode,
      post: peopleWorkers.post,
      fullTime: sql<boolean | null>`(${peopleWorkers.record}->>'fullTime')::boolean`,
      joinedOn: peopleWorkers.joinedOn,
      leftOn: peopleWorkers.leftOn,
    })
    .from(peopleWorkers)
    .where(prefix === '' ? undefined : like(peopleWorkers.communityCode, `${escapeLike(prefix)}%`));
  return rows.map((r) => ({
    communityCode: r.communityCode,
    post: r.post as WorkerPost,
    // A record stored before `fullTime` had a default counts as full-time, as the schema's default does.
    fullTime: r.fullTime ?? true,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn ?? undefined,
  }));
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

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

async function streetOf(db: Db, code: string): Promise<string> {
  const [row] = await db
    .select({ streetCode: communities.streetCode })
    .from(communities)
    .where(eq(communities.code, code))
    .limit(1);
  if (!row) throw new PeopleError('not-found', '没有这个社区');
  return row.streetCode;
}

export interface SaveWorkerInput extends PeopleActor {
  worker: Worker;
  /** The version read before editing; absent for a new entry. */
  expectedVersion?: number;
  /** The audit action, e.g. `people.worker.create`, `people.worker.leave`. */
  action: string;
  /** The caller's rule check against the other entries holding the same identity number. */
  check: (others: RosterEntry[]) => FieldIssue[];
  /**
   * On leaving (本系统规则 R-STF-2): given the console accounts holding the entry's identity number and
   * those of them that hold the community's archives or seals, which to disable and which stay for the
   * handover. Disabled in the same transaction, sessions ended, each audited.
   */
  accountsOnLeaving?: (
    accounts: LinkedAccount[],
    holdingCustody: ReadonlySet<string>,
  ) => { disable: LinkedAccount[]; keptForHandover: LinkedAccount[] };
}

export interface LeaverAccounts {
  disabled: string[];
  keptForHandover: string[];
  /** Archive items and seals of the community the person's accounts still hold. */
  custody: { archives: number; seals: number };
}

async function settleLeaverAccounts(
  tx: Transaction,
  worker: Worker,
  input: SaveWorkerInput,
): Promise<LeaverAccounts | undefined> {
  if (!input.accountsOnLeaving) return undefined;
  const rows = await tx
    .select({
      id: users.id,
      idNumber: users.idNumber,
      jurisdictionCode: users.jurisdictionCode,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.idNumber, worker.idNumber));
  const accounts = rows.map((r) => ({ ...r, disabled: r.disabledAt !== null }));
  const ids = accounts.map((a) => a.id);
  const held =
    ids.length === 0
      ? { items: [], sealRows: [] }
      : {
          items: await tx
            .select({ custodianId: archiveItems.custodianId })
            .from(archiveItems)
            .where(
              and(
                eq(archiveItems.communityCode, worker.communityCode),
                inArray(archiveItems.custodianId, ids),
                inArray(archiveItems.status, [...handedOverArchiveStatuses]),
              ),
            ),
          sealRows: await tx
            .select({ custodianId: seals.custodianId })
            .from(seals)
            .where(
              and(
                eq(seals.communityCode, worker.communityCode),
                inArray(seals.custodianId, ids),
                inArray(seals.state, [...handedOverSealStates]),
              ),
            ),
        };
  const holding = new Set([...held.items, ...held.sealRows].map((r) => r.custodianId));
  const decision = input.accountsOnLeaving(accounts, holding);
  for (const account of decision.disable) {
    await tx.update(users).set({ disabledAt: input.at }).where(eq(users.id, account.id));
    await tx.delete(sessions).where(eq(sessions.userId, account.id));
    await writeAudit(tx, {
      actor: input.actor,
      action: 'user.setDisabled',
      entityType: 'user',
      entityId: account.id,
      jurisdictionCode: account.jurisdictionCode,
      before: { disabledAt: null },
      after: { disabledAt: input.at.toISOString(), basis: '本系统规则 R-STF-2', worker: worker.id },
      ip: input.ip,
      at: input.at,
    });
  }
  return {
    disabled: decision.disable.map((a) => a.id),
    keptForHandover: decision.keptForHandover.map((a) => a.id),
    custody: { archives: held.items.length, seals: held.sealRows.length },
  };
}

/**
 * Creates (no `expectedVersion`) or replaces a roster entry, after `check` finds no problem among the
 * entries sharing its identity number; returns the stored entry. Throws `PeopleError`.
 */
export async function saveWorker(
  db: Database,
  input: SaveWorkerInput,
): Promise<Worker & { version: number; accounts?: LeaverAccounts }> {
  return db.transaction(async (tx) => {
    // Two clerks entering the same person at once: the second waits here and then sees the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`people.id:${input.worker.idNumber}`}))`);
    const issues = input.check(await rosterEntriesWithIdNumber(tx, input.worker.idNumber));
    if (issues.length > 0) throw new PeopleError('invalid', issues.map((i) => i.message).join('；'), issues);
    const streetCode = await streetOf(tx, input.worker.communityCode);
    const columns = {
      communityCode: input.worker.communityCode,
      streetCode,
      name: input.worker.name,
      idNumber: input.worker.idNumber,
      post: input.worker.post,
      joinedOn: input.worker.joinedOn,
      leftOn: input.worker.leftOn ?? null,
      record: withoutKeys(input.worker),
      updatedAt: input.at,
    };
    let before: (Worker & { version: number }) | undefined;
    let row: typeof peopleWorkers.$inferSelect | undefined;
    if (input.expectedVersion === undefined) {
      [row] = await tx
        .insert(peopleWorkers)
        .values({ ...columns, ...(input.worker.id ? { id: input.worker.id } : {}) })
        .returning();
    } else {
      before = await findWorker(tx, input.worker.id);
      if (!before) throw new PeopleError('not-found', '没有这名工作者');
      [row] = await tx
        .update(peopleWorkers)
        .set({ ...columns, version: input.expectedVersion + 1 })
        .where(and(eq(peopleWorkers.id, input.worker.id), eq(peopleWorkers.version, input.expectedVersion)))
        .returning();
      if (!row) throw new PeopleError('conflict', '该记录已被他人修改，请刷新后重新编辑');
    }
    if (!row) throw new PeopleError('conflict', '保存失败，请重试');
    const saved = workerFromRow(row);
    await markRegistersChanged(tx, saved.communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: input.action,
      entityType: 'people.worker',
      entityId: saved.id,
      jurisdictionCode: saved.communityCode,
      before: before ? auditedWorker(before) : null,
      after: auditedWorker(saved),
      ip: input.ip,
      at: input.at,
    });
    const accounts = await settleLeaverAccounts(tx, saved, input);
    return accounts ? { ...saved, accounts } : saved;
  });
}

/** Records that someone saw a worker's identity and mobile numbers unmasked. */
export async function recordFullView(
  db: Db,
  worker: Pick<Worker, 'id' | 'communityCode'>,
  who: PeopleActor,
): Promise<void> {
  await writeAudit(db, {
    actor: who.actor,
    action: 'people.worker.viewFull',
    entityType: 'people.worker',
    entityId: worker.id,
    jurisdictionCode: worker.communityCode,
    before: null,
    after: { fields: ['idNumber', 'phone'] },
    ip: who.ip,
    at: who.at,
  });
}

type UnitRecord =
  | { kind: 'grid'; unit: Grid }
  | { kind: 'building'; unit: Building }
  | { kind: 'resident-group'; unit: ResidentGroup }
  | { kind: 'representative'; unit: Representative }
  | { kind: 'property-area'; unit: PropertyArea };

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

/** Creates a grid, building, resident group, representative or property-service area; audited. */
export async function saveUnit(db: Database, input: PeopleActor & UnitRecord): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await streetOf(tx, input.unit.communityCode);
    const [row] = await tx
      .insert(peopleUnits)
      .values({
        ...(input.unit.id ? { id: input.unit.id } : {}),
        communityCode: input.unit.communityCode,
        kind: input.kind,
        name: input.unit.name,
        record: withoutKeys(input.unit),
        updatedAt: input.at,
      })
      .returning({ id: peopleUnits.id });
    if (!row) throw new PeopleError('conflict', '保存失败，请重试');
    await markRegistersChanged(tx, input.unit.communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: `people.${input.kind}.create`,
      entityType: `people.${input.kind}`,
      entityId: row.id,
      jurisdictionCode: input.unit.communityCode,
      before: null,
      after: input.unit,
      ip: input.ip,
      at: input.at,
    });
    return row;
  });
}

/**
 * Stores demo registers for the communities that exist and keep none yet, through the same write
 * paths a user's entries take (audited, as the demo's seed actor).
 */
export async function seedPeopleRegisters(
  handle: Pick<DatabaseHandle, 'db'>,
  registers: readonly CommunityRegisters[],
  at = new Date('2026-01-05T09:00:00+08:00'),
): Promise<number> {
  const { db } = handle;
  const codes = registers.map((r) => r.communityCode);
  const present = await db
    .select({ code: communities.code })
    .from(communities)
    .where(inArray(communities.code, codes));
  const existing = await communitiesWithRegisters(db, codes);
  const who: PeopleActor = { actor: null, ip: null, at };
  let seeded = 0;
  for (const r of registers) {
    if (!present.some((p) => p.code === r.communityCode) || existing.has(r.communityCode)) continue;
    for (const worker of r.workers)
      await saveWorker(db, { ...who, worker, action: 'people.worker.create', check: () => [] });
    for (const committee of r.committees) await saveCommittee(db, { ...who, committee });
    for (const unit of r.grids) await saveUnit(db, { ...who, kind: 'grid', unit });
    // Before the buildings, which name them.
    for (const unit of r.propertyAreas ?? []) await saveUnit(db, { ...who, kind: 'property-area', unit });
    for (const unit of r.buildings) await saveUnit(db, { ...who, kind: 'building', unit });
    for (const unit of r.residentGroups) await saveUnit(db, { ...who, kind: 'resident-group', unit });
    for (const unit of r.representatives ?? []) await saveUnit(db, { ...who, kind: 'representative', unit });
    seeded++;
  }
  return seeded;
}

/** One stored resident representative with the version an edit must name, or `undefined`. */
export async function findRepresentative(
  db: Db,
  id: string,
): Promise<(Representative & { version: number }) | undefined> {
  const [row] = await db
    .select()
    .from(peopleUnits)
    .where(and(eq(peopleUnits.id, id), eq(peopleUnits.kind, 'representative')));
  return row
    ? ({
        ...(row.record as object),
        id: row.id,
        communityCode: row.communityCode,
        version: row.version,
      } as Representative & { version: number })
    : undefined;
}

/** The stored version of each grid, building, resident group and representative of a community, by id. */
export async function unitVersions(db: Db, code: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: peopleUnits.id, version: peopleUnits.version })
    .from(peopleUnits)
    .where(eq(peopleUnits.communityCode, code));
  return new Map(rows.map((r) => [r.id, r.version]));
}

const unitWords: Record<UnitRecord['kind'], { missing: string; changed: string }> = {
  grid: { missing: '没有这个网格', changed: '该网格' },
  building: { missing: '没有这个楼栋', changed: '该楼栋' },
  'resident-group': { missing: '没有这个居民小组', changed: '该居民小组' },
  representative: { missing: '没有这位居民代表', changed: '该居民代表' },
  'property-area': { missing: '没有这个物业服务区域', changed: '该物业服务区域' },
};

/**
 * Replaces a grid, building, resident group, representative or property-service area of the kind named (a representative's
 * term ended, a group's leader elected), audited with the record before; the caller has decided the new
 * record. Takes a transaction too, so an election's result can change a unit in its own transaction.
 */
export async function replaceUnit<R extends UnitRecord>(
  db: Db,
  input: PeopleActor &
    R & {
      action: string;
      /** The version the editor read; a record changed since is refused, nothing written. */
      expectedVersion: number;
    },
): Promise<R['unit'] & { version: number }> {
  return db.transaction(async (tx) => {
    const { unit, kind } = input;
    const [old] = await tx
      .select()
      .from(peopleUnits)
      .where(and(eq(peopleUnits.id, unit.id), eq(peopleUnits.kind, kind)))
      .for('update');
    if (!old || old.communityCode !== unit.communityCode)
      throw new PeopleError('not-found', unitWords[kind].missing);
    if (old.version !== input.expectedVersion)
      throw new PeopleError('conflict', `${unitWords[kind].changed}已被他人修改，请刷新后重新操作`);
    await tx
      .update(peopleUnits)
      .set({ name: unit.name, record: withoutKeys(unit), version: old.version + 1, updatedAt: input.at })
      .where(eq(peopleUnits.id, unit.id));
    await markRegistersChanged(tx, unit.communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: input.action,
      entityType: `people.${kind}`,
      entityId: unit.id,
      jurisdictionCode: unit.communityCode,
      before: { ...(old.record as object), id: old.id, communityCode: old.communityCode },
      after: unit,
      ip: input.ip,
      at: input.at,
    });
    return { ...unit, version: old.version + 1 };
  });
}

/**
 * Replaces a property-service area's record (an edit in the console), audited with the record before;
 * the version the editor read must still be the stored one.
 */
export async function replacePropertyArea(
  db: Database,
  input: PeopleActor & { area: PropertyArea; expectedVersion: number },
): Promise<PropertyArea & { version: number }> {
  const { area, ...rest } = input;
  return replaceUnit(db, {
    ...rest,
    kind: 'property-area',
    unit: area,
    action: 'people.property-area.update',
  });
}

/** The community a stored unit of the kind belongs to, or `undefined`. */
export async function unitCommunity(db: Db, kind: PeopleUnitKind, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ communityCode: peopleUnits.communityCode })
    .from(peopleUnits)
    .where(and(eq(peopleUnits.id, id), eq(peopleUnits.kind, kind)));
  return row?.communityCode;
}

/**
 * Replaces a resident representative's record (a term ended or its end corrected), audited with the
 * record before; the caller has decided the new record.
 */
export function replaceRepresentative(
  db: Database,
  input: PeopleActor & {
    representative: Representative;
    action: string;
    /** The version the editor read; a record changed since is refused, nothing written. */
    expectedVersion: number;
  },
): Promise<Representative & { version: number }> {
  const { representative, ...rest } = input;
  return replaceUnit(db, { ...rest, kind: 'representative', unit: representative });
}
