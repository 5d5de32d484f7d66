/**
 * 离任移交 (金山镇 第十八条): the list of what a leaver holds, the three confirmations and the problems
 * found item by item; the supervisor's confirmation passes custody of every item and seal on the list.
 */

import { randomUUID } from 'node:crypto';
import {
  applySealEvent,
  confirmHandover as confirmHandoverList,
  type DepartureHandover,
  departureHandover,
  type HandoverRole,
  handedOverArchiveStatuses,
  handedOverSealStates,
  handoverComplete,
  handoverConsequences,
  handoverListEntries,
  handoverOpeningProblems,
  mayRecordHandoverProblem,
  orThrow,
} from '@shequ/archives';
import { chinaDate } from '@shequ/domain';
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { notify } from '../notices-store.js';
import { users } from '../schema.js';
import { archiveItems, archiveLoans, handoverItems, handovers, seals } from '../schema-archives.js';
import { aboutItem, loadItem, stepItem } from './items.js';
import { keysetPage, type ListPage } from './paging.js';
import {
  type ActingAs,
  ArchiveError,
  about,
  communityNameOf,
  displayNameOf,
  firstProblem,
  inCommunity,
  invalid,
  isUniqueViolation,
  record,
  requirePeople,
  streetOf,
  stripUndefined,
  won,
} from './record.js';
import { aboutSeal, loadSeal, moveSeal } from './seals.js';

export type HandoverRow = typeof handovers.$inferSelect;
export type HandoverItemRow = typeof handoverItems.$inferSelect;

export interface NewHandover {
  communityCode: string;
  leaverId: string;
  successorId: string;
  supervisorId: string;
  supervisorBody: DepartureHandover['supervisor']['body'];
  dueOn: string;
  /** Finance records live outside Shequ; the leaver lists them by name. */
  financeRecords: { ref: string; description: string }[];
}

export function handoverOf(row: HandoverRow, items: HandoverItemRow[]): DepartureHandover {
  return {
    id: row.id,
    community: row.communityCode,
    leaver: row.leaverId,
    successor: row.successorId,
    supervisor: {
      person: row.supervisorId,
      body: row.supervisorBody as DepartureHandover['supervisor']['body'],
    },
    dueOn: row.dueOn,
    items: items.map((item) => ({
      kind: item.kind,
      ref: item.ref,
      description: item.description,
      condition: item.condition as DepartureHandover['items'][number]['condition'],
      ...(item.note ? { note: item.note } : {}),
    })),
    confirmations: stripUndefined({
      leaver: row.leaverConfirmedOn ?? undefined,
      successor: row.successorConfirmedOn ?? undefined,
      supervisor: row.supervisorConfirmedOn ?? undefined,
    }),
    serious: row.serious,
  };
}

export const aboutHandover = (row: HandoverRow) => about('handover', row, { handover: row.id });

/**
 * A handover and its items. `lock`: inside a transaction that will change it — the row is locked as it
 * is read, so a confirmation and a problem recorded at the same moment run one after the other, each
 * deciding on what the other left (a confirmation never completes a list changed since it was read).
 */
export async function loadHandover(db: Database | Transaction, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(handovers).where(eq(handovers.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new ArchiveError('notFound', '没有这份移交清单');
  const items = await db
    .select()
    .from(handoverItems)
    .where(eq(handoverItems.handoverId, id))
    .orderBy(handoverItems.position);
  return { row, items, handover: handoverOf(row, items) };
}

/** 离任移交清单: gathers every archive item and seal in the leaver's custody, plus the finance records named. */
export async function createHandover(db: Database, acting: ActingAs, input: NewHandover) {
  return db.transaction(async (tx) => {
    await requirePeople(
      tx,
      { leaverId: input.leaverId, successorId: input.successorId },
      inCommunity(input.communityCode),
    );
    const street = streetOf(input.communityCode);
    await requirePeople(tx, { supervisorId: input.supervisorId }, { level: 'town', code: street });
    const items = await tx
      .select()
      .from(archiveItems)
      .where(
        and(
          eq(archiveItems.communityCode, input.communityCode),
          eq(archiveItems.custodianId, input.leaverId),
          inArray(archiveItems.status, [...handedOverArchiveStatuses]),
        ),
      )
      .orderBy(archiveItems.referenceCode);
    const sealRows = await tx
      .select()
      .from(seals)
      .where(
        and(
          eq(seals.communityCode, input.communityCode),
          eq(seals.custodianId, input.leaverId),
          inArray(seals.state, [...handedOverSealStates]),
        ),
      )
      .orderBy(seals.name);
    // Checked here, in the transaction that reads the seals: a seal taken out a moment ago still counts.
    const problems = handoverOpeningProblems({
      leaver: input.leaverId,
      openedOn: chinaDate(acting.at),
      dueOn: input.dueOn,
      seals: sealRows.map((s) => ({ name: s.name, state: s.state, custodian: s.custodianId })),
    });
    const [firstOpeningProblem] = problems;
    if (firstOpeningProblem) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) fieldErrors[p.field] = [...(fieldErrors[p.field] ?? []), p.message];
      throw new ArchiveError('invalid', firstOpeningProblem.message, fieldErrors);
    }
    const list = handoverListEntries({
      leaver: input.leaverId,
      financeRecords: input.financeRecords,
      archives: items.map((item) => ({ ...item, custodian: item.custodianId })),
      seals: sealRows.map((s) => ({ ...s, custodian: s.custodianId })),
    });
    const id = randomUUID();
    const check = departureHandover.safeParse({
      id,
      community: input.communityCode,
      leaver: input.leaverId,
      successor: input.successorId,
      supervisor: { person: input.supervisorId, body: input.supervisorBody },
      dueOn: input.dueOn,
      items: list.map(({ kind, ref, description }) => ({ kind, ref, description, condition: 'intact' })),
    });
    if (!check.success) {
      throw firstProblem(
        check.error,
        { field: 'leaverId', message: '移交清单有误' },
        (path) => handoverFields.get(path) ?? path,
      );
    }
    let row: HandoverRow | undefined;
    try {
      [row] = await tx
        .insert(handovers)
        .values({
          id,
          communityCode: input.communityCode,
          streetCode: street,
          leaverId: input.leaverId,
          successorId: input.successorId,
          supervisorId: input.supervisorId,
          supervisorBody: input.supervisorBody,
          dueOn: input.dueOn,
          state: 'open',
          createdAt: acting.at,
          createdBy: acting.actor.id,
        })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw invalid('leaverId', '该离任人已有未完成的移交清单');
      throw error;
    }
    if (!row) throw new Error('insert failed');
    await tx.insert(handoverItems).values(
      list.map((item, position) => ({
        handoverId: id,
        communityCode: input.communityCode,
        kind: item.kind,
        refId: item.refId,
        ref: item.ref,
        description: item.description,
        // Nobody has looked yet: each item's condition is recorded by a person before anyone confirms.
        condition: 'unchecked' as const,
        position,
      })),
    );
    // The list now waits for the successor's and then the supervisor's confirmation.
    await notify(
      tx,
      acting.at,
      acting.actor.id,
      [input.successorId, input.supervisorId].map((recipientId) => ({
        recipientId,
        kind: 'handover.confirm' as const,
        title: '离任移交清单待您核对确认',
        link: `/archives/handovers/${id}`,
        jurisdictionCode: input.communityCode,
        entityType: 'handover',
        entityId: id,
      })),
    );
    await record(tx, acting, aboutHandover(row), 'handover.open', {
      before: null,
      after: { ...row, items: list },
      payload: {
        leaver: input.leaverId,
        successor: input.successorId,
        supervisor: input.supervisorId,
        supervisorBody: input.supervisorBody,
        dueOn: input.dueOn,
        items: list.map((item) => ({ kind: item.kind, ref: item.ref })),
      },
    });
    return loadHandover(tx, id);
  });
}

/** The package's handover fields, by the names `NewHandover` gives them. */
export const handoverFields = new Map([
  ['supervisor.person', 'supervisorId'],
  ['successor', 'successorId'],
  ['items', 'financeRecords'],
]);

export const confirmationColumn = {
  leaver: 'leaverConfirmedOn',
  successor: 'successorConfirmedOn',
  supervisor: 'supervisorConfirmedOn',
} as const;

/**
 * One of the three confirms the list. When the supervisor confirms (last, by the package's rule),
 * custody of every archive item and seal on the list passes to the successor, in the same transaction.
 */
export async function confirmHandover(
  db: Database,
  acting: ActingAs,
  input: { handoverId: string; role: HandoverRole },
) {
  return db.transaction(async (tx) => {
    const { row, items, handover } = await loadHandover(tx, input.handoverId, { lock: true });
    const on = chinaDate(acting.at);
    const next = orThrow(confirmHandoverList(handover, input.role, acting.actor.id, on));
    const column = confirmationColumn[input.role];
    const complete = handoverComplete(next);
    const conditions: SQL[] = [eq(handovers.id, row.id), isNull(handovers[column])];
    const updated = won(
      await tx
        .update(handovers)
        .set({
          [column]: on,
          ...(complete
            ? {
                state: 'completed' as const,
                consequences: handoverConsequences(next, on) as unknown as Record<string, unknown>,
              }
            : {}),
        })
        .where(and(...conditions))
        .returning(),
      '该移交确认',
    );
    await record(tx, acting, aboutHandover(row), 'handover.confirm', {
      before: { [column]: null },
      after: { [column]: on, state: updated.state },
      payload: { role: input.role, on },
    });
    if (complete) await passCustody(tx, acting, row, items);
    return loadHandover(tx, row.id);
  });
}

export async function passCustody(
  tx: Transaction,
  acting: ActingAs,
  handover: HandoverRow,
  items: HandoverItemRow[],
): Promise<void> {
  const on = chinaDate(acting.at);
  for (const entry of items) {
    if (!entry.refId) continue;
    // Written only when the leaver still holds the item or seal, and both machines give it to `to`,
    // so the handover alone says who held it before and after.
    const passed = {
      before: { custodianId: handover.leaverId },
      after: { custodianId: handover.successorId },
      payload: {
        from: handover.leaverId,
        to: handover.successorId,
        handover: handover.id,
        condition: entry.condition,
      },
    };
    const departure = { by: handover.leaverId, to: handover.successorId, departure: true };
    if (entry.kind === 'archive') {
      const { row, item } = await loadItem(tx, entry.refId);
      // Destroyed meanwhile (a destruction that raced the opening of the list): nothing left to pass on.
      if (item.custodian !== handover.leaverId || item.status === 'destroyed') continue;
      const event = {
        type: 'changeCustodian',
        on,
        supervisedBy: handover.supervisorId,
        ...departure,
      } as const;
      await stepItem(tx, acting, { row, item }, event, (next) => ({ custodianId: next.custodian }));
      await record(tx, acting, aboutItem(row), 'archive.changeCustodian', passed);
    } else if (entry.kind === 'seal') {
      const { row, seal } = await loadSeal(tx, entry.refId);
      if (seal.custodian !== handover.leaverId) continue;
      const next = orThrow(
        applySealEvent(seal, {
          type: 'handOverCustody',
          at: acting.at.toISOString(),
          supervisedBy: handover.supervisorId,
          ...departure,
        }),
      );
      await moveSeal(tx, row, { custodianId: next.custodian });
      await record(tx, acting, aboutSeal(row), 'seal.handOverCustody', passed);
    }
  }
}

export interface HandoverProblem {
  handoverId: string;
  itemId: string;
  condition: 'missing' | 'altered' | 'damaged' | 'intact';
  note?: string | undefined;
  /** 情节严重: only the supervisor records it. */
  serious?: boolean | undefined;
}

/**
 * Records an item found missing, altered or damaged (or back to intact), and the consequences
 * 金山镇 第十八条 attaches. The list the leaver and successor confirmed has changed, so their
 * confirmations are cleared and they confirm the corrected list again.
 */
export async function recordHandoverProblem(db: Database, acting: ActingAs, input: HandoverProblem) {
  return db.transaction(async (tx) => {
    const { row, items, handover: listed } = await loadHandover(tx, input.handoverId, { lock: true });
    orThrow(mayRecordHandoverProblem(listed, acting.actor.id, input.serious !== undefined));
    const entry = items.find((item) => item.id === input.itemId);
    if (!entry) throw invalid('itemId', '该项目不在这份移交清单上');
    const refreshedItems = items.map((item) =>
      item.id === entry.id ? { ...item, condition: input.condition, note: input.note ?? null } : item,
    );
    const serious = input.serious ?? row.serious;
    const handover = handoverOf(
      { ...row, serious, leaverConfirmedOn: null, successorConfirmedOn: null },
      refreshedItems,
    );
    const consequences = handoverConsequences(handover, chinaDate(acting.at));
    // Only while still open: the supervisor's final confirmation at the same moment wins or loses whole.
    won(
      await tx
        .update(handovers)
        .set({
          serious,
          leaverConfirmedOn: null,
          successorConfirmedOn: null,
          consequences: consequences as unknown as Record<string, unknown>,
        })
        .where(and(eq(handovers.id, row.id), eq(handovers.state, 'open')))
        .returning({ id: handovers.id }),
      '移交清单',
    );
    await tx
      .update(handoverItems)
      .set({ condition: input.condition, note: input.note ?? null })
      .where(eq(handoverItems.id, entry.id));
    await record(tx, acting, aboutHandover(row), 'handover.recordProblem', {
      before: { item: entry.id, condition: entry.condition, note: entry.note },
      after: { item: entry.id, condition: input.condition, note: input.note ?? null, serious },
      payload: {
        kind: entry.kind,
        ref: entry.ref,
        condition: input.condition,
        note: input.note,
        serious,
        // What the list as a whole now carries, beside the problem that brought it; an item found
        // intact brings none, so its entry does not read as a sanction.
        ...(input.condition === 'intact'
          ? {}
          : { consequences: consequences.consequences.map((c) => c.kind) }),
      },
    });
    return loadHandover(tx, row.id);
  });
}

// ── What people read ────────────────────────────────────────────────────────

/**
 * A community's handovers, newest first, with leaver, successor and supervisor named; `partyId`: only
 * those that person is one of the three in.
 */
export async function handoversOfCommunity(
  db: Database,
  community: string,
  page: ListPage & { partyId?: string | undefined },
) {
  const query = db
    .select({
      handover: handovers,
      leaverName: displayNameOf(handovers.leaverId),
      successorName: displayNameOf(handovers.successorId),
      supervisorName: displayNameOf(handovers.supervisorId),
    })
    .from(handovers)
    .$dynamic();
  const party = page.partyId
    ? or(
        eq(handovers.leaverId, page.partyId),
        eq(handovers.successorId, page.partyId),
        eq(handovers.supervisorId, page.partyId),
      )
    : undefined;
  const where = and(eq(handovers.communityCode, community), party);
  const rows = await keysetPage(query, where, 'desc', { at: handovers.createdAt, id: handovers.id }, page);
  return rows.map(({ handover, ...names }) => ({
    ...handover,
    leaverName: names.leaverName ?? '',
    successorName: names.successorName ?? '',
    supervisorName: names.supervisorName ?? '',
  }));
}

/** A handover with its community's name and the three people's names, as the printed form shows them. */
export async function handoverWithNames(db: Database, id: string) {
  const loaded = await loadHandover(db, id);
  const { row } = loaded;
  const [people, [community]] = await Promise.all([
    db
      .select({ id: users.id, displayName: users.displayName, username: users.username })
      .from(users)
      .where(inArray(users.id, [row.leaverId, row.successorId, row.supervisorId])),
    db
      .select({ name: communityNameOf(handovers.communityCode) })
      .from(handovers)
      .where(eq(handovers.id, id)),
  ]);
  const person = (userId: string) =>
    people.find((p) => p.id === userId) ?? { id: userId, displayName: '', username: '' };
  // Read now, not when the list was opened: an item lent or returned since shows where it is today.
  const archiveIds = loaded.items.flatMap((item) =>
    item.kind === 'archive' && item.refId ? [item.refId] : [],
  );
  const openLoans = archiveIds.length
    ? await db
        .select({ itemId: archiveLoans.itemId, borrower: archiveLoans.borrower, dueOn: archiveLoans.dueOn })
        .from(archiveLoans)
        .where(and(inArray(archiveLoans.itemId, archiveIds), isNull(archiveLoans.returnedOn)))
    : [];
  const loanOf = (item: HandoverItemRow) => {
    const loan = item.kind === 'archive' ? openLoans.find((l) => l.itemId === item.refId) : undefined;
    return loan ? { borrower: loan.borrower, dueOn: loan.dueOn } : null;
  };
  return { ...loaded, community: community?.name ?? '', person, loanOf };
}
