/**
 * Importing a roster sheet (`@shequ/facts-io`'s `parseWorkerTable`) all or nothing: in one transaction
 * the stored entries holding each identity number are read, the caller's rule check (`@shequ/people`'s
 * `rosterConflicts`) runs on every entry, and only when no entry has a problem are they written in
 * batches, each with its audit record. The roster table is locked against other writers for the
 * import's duration, so no one enters a person the check has just cleared.
 */
import type { FieldIssue } from '@shequ/domain';
import type { RosterEntry, Worker } from '@shequ/people';
import { inArray, sql } from 'drizzle-orm';
import { auditRow } from './audit.js';
import type { Database } from './client.js';
import { auditedWorker, type PeopleActor } from './people-store.js';
import { auditLog, communities } from './schema.js';
import { peopleWorkers } from './schema-people.js';

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
  | { ok: true; created: number; dryRun: boolean }
  /** `index` is the entry's position in `workers`. */
  | { ok: false; problems: { index: number; issue: FieldIssue }[] };

class RolledBack extends Error {
  constructor(readonly result: ImportWorkersResult) {
    super('rolled back');
  }
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
      for (const batch of chunks([...new Set(input.workers.map((w) => w.idNumber))], LOOKUP_BATCH)) {
        const rows = await tx
          .select({
            id: peopleWorkers.id,
            communityCode: peopleWorkers.communityCode,
            name: peopleWorkers.name,
            idNumber: peopleWorkers.idNumber,
            joinedOn: peopleWorkers.joinedOn,
            leftOn: peopleWorkers.leftOn,
          })
          .from(peopleWorkers)
          .where(inArray(peopleWorkers.idNumber, batch));
        for (const r of rows) {
          const entry = { ...r, leftOn: r.leftOn ?? undefined };
          stored.set(r.idNumber, [...(stored.get(r.idNumber) ?? []), entry]);
        }
      }

      input.workers.forEach((w, index) => {
        if (!streetOf.has(w.communityCode))
          problems.push({
            index,
            issue: { path: 'communityCode', message: `没有这个社区：${w.communityCode}` },
          });
        for (const issue of input.check(w, stored.get(w.idNumber) ?? [])) problems.push({ index, issue });
      });
      if (problems.length > 0) throw new RolledBack({ ok: false, problems });

      for (const batch of chunks(input.workers, INSERT_BATCH)) {
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
        created: input.workers.length,
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
