/**
 * Importing a roster sheet (`@shequ/facts-io`'s `parseWorkerTable`) all or nothing: in one transaction
 * the stored entries holding each identity number are read, the caller's rule check (`@shequ/people`'s
 * `rosterConflicts`) runs on every entry, and only when no entry has a problem are they written in
 * batches, each with its audit record. The roster table is locked against other writers for the
 * import's duration, so no one enters a person the check has just cleared.
 */
import type { FieldIssue } from '@shequ/domain';
import type {
  Building,
  Committee,
  CommunityRegisters,
  Grid,
  PropertyArea,
  Representative,
  ResidentGroup,
  RosterEntry,
  Worker,
} from '@shequ/people';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { auditRow } from './audit.js';
import type { Database, Transaction } from './client.js';
import { loadRegisters } from './people-registers.js';
import type { PeopleActor } from './people-shared.js';
import { auditedWorker, rosterEntriesWithIdNumbers, workerFromRow } from './people-workers.js';
import { markRegistersChanged } from './register-changes.js';
import { sameJson } from './same-json.js';
import { auditLog, communities } from './schema.js';
import { peopleCommittees, peopleUnits, peopleWorkers } from './schema-people.js';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters a statement. */
const INSERT_BATCH = 1_000;
/** Values per `IN (…)` lookup. */
const LOOKUP_BATCH = 5_000;

export interface ImportWorkersInput extends PeopleActor {
  /** The entries to add, each with its id. */
  workers: readonly Worker[];
  /** The rule check of one entry against the stored entries holding its identity number. */
  check: (worker: Worker, others: RosterEntry[]) => FieldIssue[];
  /** Check everything, write nothing. */
  dryRun?: boolean;
}

export type ImportWorkersResult =
  /** `unchanged`: rows that say again an entry the roster holds as it is (not written, not audited). */
  | { ok: true; created: number; unchanged: number; dryRun: boolean }
  /** `index` is the entry's position in `workers`. */
  | { ok: false; problems: { index: number; issue: FieldIssue }[] };

class RolledBack extends Error {
  constructor(readonly result: ImportWorkersResult) {
    super('rolled back');
  }
}

/** Whether two roster entries say the same of one person, their ids (and the stored version) aside. */
function sameWorker(a: Worker & { version?: number }, b: Worker): boolean {
  const { id: _a, version: _version, ...left } = a;
  const { id: _b, ...right } = b;
  return sameJson(left, right);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function importWorkers(db: Database, input: ImportWorkersInput): Promise<ImportWorkersResult> {
  try {
    return await db.transaction(async (tx) => {
      // Blocks single entries (and other imports) until this one commits; readers are not blocked.
      await tx.execute(sql`lock table ${peopleWorkers} in share row exclusive mode`);
      const problems: { index: number; issue: FieldIssue }[] = [];

      const streetOf = new Map<string, string>();
      for (const batch of chunks([...new Set(input.workers.map((w) => w.communityCode))], LOOKUP_BATCH)) {
        const rows = await tx
          .select({ code: communities.code, streetCode: communities.streetCode })
          .from(communities)
          .where(inArray(communities.code, batch));
        for (const r of rows) streetOf.set(r.code, r.streetCode);
      }

      const stored = new Map<string, RosterEntry[]>();
      const storedWorkers: Worker[] = [];
      for (const batch of chunks([...new Set(input.workers.map((w) => w.idNumber))], LOOKUP_BATCH)) {
        for (const entry of await rosterEntriesWithIdNumbers(tx, batch)) {
          stored.set(entry.idNumber, [...(stored.get(entry.idNumber) ?? []), entry]);
        }
        const rows = await tx.select().from(peopleWorkers).where(inArray(peopleWorkers.idNumber, batch));
        storedWorkers.push(...rows.map(workerFromRow));
      }
      // A row that says again what an entry holds (an exported roster imported back) is that entry.
      const isStored = (w: Worker) => storedWorkers.some((s) => sameWorker(s, w));
      const unchanged = input.workers.filter(isStored).length;
      const workers = input.workers.filter((w) => !isStored(w));

      input.workers.forEach((w, index) => {
        if (isStored(w)) return;
        if (!streetOf.has(w.communityCode))
          problems.push({
            index,
            issue: { path: 'communityCode', message: `没有这个社区：${w.communityCode}` },
          });
        for (const issue of input.check(w, stored.get(w.idNumber) ?? [])) problems.push({ index, issue });
      });
      if (problems.length > 0) throw new RolledBack({ ok: false, problems });

      await markRegistersChanged(
        tx,
        workers.map((w) => w.communityCode),
        input.at,
      );
      for (const batch of chunks(workers, INSERT_BATCH)) {
        await tx.insert(peopleWorkers).values(
          batch.map((w) => {
            const { id, communityCode, ...record } = w;
            return {
              id,
              communityCode,
              streetCode: streetOf.get(communityCode) ?? '',
              name: w.name,
              idNumber: w.idNumber,
              post: w.post,
              joinedOn: w.joinedOn,
              leftOn: w.leftOn ?? null,
              record,
              updatedAt: input.at,
            };
          }),
        );
        await tx.insert(auditLog).values(
          batch.map((w) =>
            auditRow({
              actor: input.actor,
              action: 'people.worker.import',
              entityType: 'people.worker',
              entityId: w.id,
              jurisdictionCode: w.communityCode,
              before: null,
              after: auditedWorker(w),
              ip: input.ip,
              at: input.at,
            }),
          ),
        );
      }
      const done: ImportWorkersResult = {
        ok: true,
        created: workers.length,
        unchanged,
        dryRun: input.dryRun ?? false,
      };
      if (input.dryRun) throw new RolledBack(done);
      return done;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}

type UnitOfKind = {
  grid: Grid;
  building: Building;
  'resident-group': ResidentGroup;
  representative: Representative;
  'property-area': PropertyArea;
};

export interface ImportUnitsInput<K extends keyof UnitOfKind, P> extends PeopleActor {
  kind: K;
  /** The communities the units belong to. */
  communityCodes: readonly string[];
  /**
   * The caller's rules, run in the transaction on the communities' registers as they stand (a
   * community that does not exist is absent): the units to add and the stored ones to replace (same
   * id), or the problems, and then nothing is written.
   */
  prepare: (
    registers: Map<string, CommunityRegisters>,
  ) =>
    | { ok: true; units: { created: UnitOfKind[K][]; updated: UnitOfKind[K][]; unchanged?: number } }
    | { ok: false; problems: P[] };
  dryRun?: boolean;
}

/**
 * Adds grids, buildings, resident groups or representatives and replaces the stored ones the caller
 * updates (each a new version, audited with the record before), all or nothing. The registers are
 * locked against other writers while the caller's rules run, so the grid a building names, or the
 * roster entry and committee seat a 网格长 was checked against, are still there when the units are
 * written.
 */
export function importUnits<K extends keyof UnitOfKind, P>(
  db: Database,
  input: ImportUnitsInput<K, P>,
): Promise<ImportCommitteesResult<P>> {
  return importRegisterRecords(db, input, {
    lock: sql`lock table ${peopleUnits}, ${peopleCommittees}, ${peopleWorkers} in share row exclusive mode`,
    entityType: `people.${input.kind}`,
    prepare: (registers) => {
      const prepared = input.prepare(registers);
      return prepared.ok ? { ok: true, ...prepared.units } : prepared;
    },
    replace: async (tx, u) => {
      const { id, communityCode, ...record } = u;
      const [old] = await tx
        .select()
        .from(peopleUnits)
        .where(
          and(
            eq(peopleUnits.id, id),
            eq(peopleUnits.kind, input.kind),
            eq(peopleUnits.communityCode, communityCode),
          ),
        );
      if (!old) throw new Error(`unit ${id} vanished during an import`);
      await tx
        .update(peopleUnits)
        .set({ name: u.name, record, version: old.version + 1, updatedAt: input.at })
        .where(eq(peopleUnits.id, id));
      return { ...(old.record as object), id, communityCode };
    },
    insert: async (tx, batch) => {
      await tx.insert(peopleUnits).values(
        batch.map((u) => {
          const { id, communityCode, ...record } = u;
          return { id, communityCode, kind: input.kind, name: u.name, record, updatedAt: input.at };
        }),
      );
    },
  });
}

export interface ImportCommitteesInput<P> extends PeopleActor {
  /** The communities the committees belong to. */
  communityCodes: readonly string[];
  /**
   * The caller's rules, run in the transaction on the communities' registers as they stand: the
   * committees to add and the stored ones to replace (same id, member ids resolved), or the problems,
   * and then nothing is written.
   */
  prepare: (
    registers: Map<string, CommunityRegisters>,
  ) =>
    | { ok: true; committees: { created: Committee[]; updated: Committee[]; unchanged?: number } }
    | { ok: false; problems: P[] };
  dryRun?: boolean;
}

export type ImportCommitteesResult<P> =
  /** `unchanged`: stored records the sheet says again as they are (not rewritten, not audited). */
  | { ok: true; created: number; updated: number; unchanged: number; dryRun: boolean }
  | { ok: false; problems: P[] };

class CommitteesRolledBack<P> extends Error {
  constructor(readonly result: ImportCommitteesResult<P>) {
    super('rolled back');
  }
}

/**
 * Adds committees with their members, and replaces the stored ones the caller updates (each a new
 * version, audited with the record before), all or nothing. Committees and the roster are locked against
 * other writers while the caller's rules run, so a member the rules found on the roster (or a
 * residents' committee a sub-committee's chair sits on) is still there when the committees are written.
 */
export function importCommittees<P>(
  db: Database,
  input: ImportCommitteesInput<P>,
): Promise<ImportCommitteesResult<P>> {
  return importRegisterRecords(db, input, {
    lock: sql`lock table ${peopleCommittees}, ${peopleWorkers} in share row exclusive mode`,
    entityType: 'people.committee',
    prepare: (registers) => {
      const prepared = input.prepare(registers);
      return prepared.ok ? { ok: true, ...prepared.committees } : prepared;
    },
    replace: async (tx, c) => {
      const { id, communityCode, ...record } = c;
      const [old] = await tx
        .select()
        .from(peopleCommittees)
        .where(and(eq(peopleCommittees.id, id), eq(peopleCommittees.communityCode, communityCode)));
      // The tables are locked, so the committee the rules saw is still the stored one.
      if (!old) throw new Error(`committee ${id} vanished during an import`);
      await tx
        .update(peopleCommittees)
        .set({
          termFrom: c.termFrom,
          termTo: c.termTo,
          record,
          version: old.version + 1,
          updatedAt: input.at,
        })
        .where(eq(peopleCommittees.id, id));
      return { ...(old.record as object), id, communityCode, version: old.version };
    },
    insert: async (tx, batch) => {
      await tx.insert(peopleCommittees).values(
        batch.map((c) => {
          const { id, communityCode, ...record } = c;
          return {
            id,
            communityCode,
            kind: c.kind,
            termFrom: c.termFrom,
            termTo: c.termTo,
            record,
            updatedAt: input.at,
          };
        }),
      );
    },
  });
}

interface RegisterRecordImport<R extends { id: string; communityCode: string }, P> {
  /** The tables to lock against other writers while the caller's rules run. */
  lock: SQL;
  /** The audit's entity type; the actions are `<entityType>.import` and `.import-update`. */
  entityType: string;
  prepare: (
    registers: Map<string, CommunityRegisters>,
  ) => { ok: true; created: R[]; updated: R[]; unchanged?: number } | { ok: false; problems: P[] };
  /** Writes the new version of a stored record and returns the record before, for the audit. */
  replace: (tx: Transaction, record: R) => Promise<unknown>;
  insert: (tx: Transaction, batch: R[]) => Promise<void>;
}

/**
 * The skeleton every register import shares: lock, load the known communities' registers, run the
 * caller's rules, then write updates and additions with their audit records, or roll everything back.
 */
async function importRegisterRecords<R extends { id: string; communityCode: string }, P>(
  db: Database,
  input: PeopleActor & { communityCodes: readonly string[]; dryRun?: boolean },
  spec: RegisterRecordImport<R, P>,
): Promise<ImportCommitteesResult<P>> {
  const audit = (record: R, action: string, before: unknown) =>
    auditRow({
      actor: input.actor,
      action: `${spec.entityType}.${action}`,
      entityType: spec.entityType,
      entityId: record.id,
      jurisdictionCode: record.communityCode,
      before,
      after: record,
      ip: input.ip,
      at: input.at,
    });
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(spec.lock);
      const codes = [...new Set(input.communityCodes)];
      const known = new Set<string>();
      for (const batch of chunks(codes, LOOKUP_BATCH)) {
        const found = await tx
          .select({ code: communities.code })
          .from(communities)
          .where(inArray(communities.code, batch));
        for (const r of found) known.add(r.code);
      }
      const registers = await loadRegisters(
        tx,
        codes.filter((c) => known.has(c)),
      );
      const prepared = spec.prepare(registers);
      if (!prepared.ok) throw new CommitteesRolledBack<P>(prepared);
      const { created, updated } = prepared;
      await markRegistersChanged(
        tx,
        [...created, ...updated].map((r) => r.communityCode),
        input.at,
      );
      for (const r of updated) {
        const before = await spec.replace(tx, r);
        await tx.insert(auditLog).values(audit(r, 'import-update', before));
      }
      for (const batch of chunks(created, INSERT_BATCH)) {
        await spec.insert(tx, batch);
        await tx.insert(auditLog).values(batch.map((r) => audit(r, 'import', null)));
      }
      const done: ImportCommitteesResult<P> = {
        ok: true,
        created: created.length,
        updated: updated.length,
        unchanged: prepared.unchanged ?? 0,
        dryRun: input.dryRun ?? false,
      };
      if (input.dryRun) throw new CommitteesRolledBack(done);
      return done;
    });
  } catch (error) {
    if (error instanceof CommitteesRolledBack) return error.result as ImportCommitteesResult<P>;
    throw error;
  }
}
