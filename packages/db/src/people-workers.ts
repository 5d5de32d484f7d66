/**
 * The roster (社区工作者花名册) in `people_workers`. Each write runs in one transaction with its audit
 * record, and the roster write takes a lock on the identity number so that the caller's check against
 * the other entries holding it (duplicate, two communities at once) and the write are one step. Audit
 * records keep identity and mobile numbers masked: the audit log is read by more people than may see them.
 */
import { handedOverArchiveStatuses, handedOverSealStates } from '@shequ/archives';
import type { FieldIssue } from '@shequ/domain';
import {
  type LinkedAccount,
  maskIdNumber,
  maskPhone,
  type RosterEntry,
  type RosterStay,
  type Worker,
  type WorkerPost,
} from '@shequ/people';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { escapeLike } from './like.js';
import { type Db, type PeopleActor, PeopleError, streetOf, withoutKeys } from './people-shared.js';
import { markRegistersChanged } from './register-changes.js';
import { sessions, users } from './schema.js';
import { archiveItems, seals } from './schema-archives.js';
import { peopleWorkers } from './schema-people.js';

/** A worker record as the audit log keeps it: identity and mobile numbers masked. */
export function auditedWorker(w: Worker): Record<string, unknown> {
  return { ...w, idNumber: maskIdNumber(w.idNumber), ...(w.phone ? { phone: maskPhone(w.phone) } : {}) };
}

/** A roster row as the record it stores, with its version. */
export function workerFromRow(row: typeof peopleWorkers.$inferSelect): Worker & { version: number } {
  return {
    ...(row.record as Omit<Worker, 'id' | 'communityCode'>),
    id: row.id,
    communityCode: row.communityCode,
    version: row.version,
  };
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
