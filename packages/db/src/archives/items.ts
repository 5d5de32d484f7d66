/**
 * 档案 and their loans (借出、归还) and appraisal (鉴定: destroy or keep longer) and destruction: the
 * commands, each one transaction holding the row change, its audit record and its custody-log entry.
 * `@shequ/archives` decides whether a change is legal; the UPDATEs repeat the state they read in their
 * WHERE clause, so of two people acting on one item at once exactly one changes it.
 */
import { randomUUID } from 'node:crypto';
import {
  type ArchiveEvent,
  type ArchiveItem,
  type ArchiveStatus,
  applyArchiveEvent,
  archiveItem,
  documentDateProblem,
  editableArchiveItem,
  nextReferenceCode,
  orThrow,
  parseReferenceCode,
  referenceCodeSeriesPrefix,
  retentionExpiry,
} from '@shequ/archives';
import { chinaDate, fieldErrorRecord } from '@shequ/domain';
import { and, desc, eq, isNull, like } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { lockCustodyHead } from '../custody.js';
import { escapeLike } from '../like.js';
import { type EndingWrites, transactionCommittingWithLastWrites } from '../pipelined-commit.js';
import { archiveItems, archiveLoans } from '../schema-archives.js';
import {
  type ActingAs,
  ArchiveError,
  about,
  firstProblem,
  inCommunity,
  inserted,
  invalid,
  isUniqueViolation,
  record,
  requirePeople,
  streetOf,
  stripUndefined,
  won,
} from './record.js';

export type ArchiveRow = typeof archiveItems.$inferSelect;

export const aboutItem = (row: ArchiveRow) =>
  about('archiveItem', row, { item: row.id, referenceCode: row.referenceCode });

export async function loadItem(tx: Transaction, id: string): Promise<{ row: ArchiveRow; item: ArchiveItem }> {
  const [row] = await tx.select().from(archiveItems).where(eq(archiveItems.id, id)).limit(1);
  if (!row) throw new ArchiveError('notFound', '没有这份档案');
  let loan: ArchiveItem['loan'];
  if (row.status === 'onLoan') {
    const [open] = await tx
      .select()
      .from(archiveLoans)
      .where(and(eq(archiveLoans.itemId, id), isNull(archiveLoans.returnedOn)))
      .limit(1);
    if (open) loan = { borrower: open.borrower, lentOn: open.lentOn, dueOn: open.dueOn };
  }
  return { row, item: archiveItemOf(row, loan) };
}

export function archiveItemOf(row: ArchiveRow, loan?: ArchiveItem['loan']): ArchiveItem {
  return {
    id: row.id,
    community: row.communityCode,
    referenceCode: row.referenceCode,
    ...(row.documentNumber ? { documentNumber: row.documentNumber } : {}),
    issuer: row.issuer,
    title: row.title,
    date: row.date,
    classification: row.classification as ArchiveItem['classification'],
    ...(row.pages ? { pages: row.pages } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
    medium: row.medium as ArchiveItem['medium'],
    contentGroup: row.contentGroup,
    retention: row.retention as ArchiveItem['retention'],
    custodian: row.custodianId,
    ...(row.locationRoom
      ? {
          location: {
            room: row.locationRoom,
            ...(row.locationCabinet ? { cabinet: row.locationCabinet } : {}),
            ...(row.locationShelf ? { shelf: row.locationShelf } : {}),
          },
        }
      : {}),
    status: row.status as ArchiveStatus,
    ...(loan ? { loan } : {}),
  };
}

export interface NewArchiveItem {
  communityCode: string;
  /** 全宗号 */
  fonds: string;
  /** 门类代码, e.g. WS 文书 */
  category: string;
  /** 机构（问题）代码, optional */
  organisation?: string | undefined;
  documentNumber?: string | undefined;
  issuer: string;
  title: string;
  date: string;
  classification?: ArchiveItem['classification'] | undefined;
  pages?: number | undefined;
  notes?: string | undefined;
  medium: ArchiveItem['medium'];
  contentGroup: string;
  retention: ArchiveItem['retention'];
  custodianId: string;
  location?: { room: string; cabinet?: string | undefined; shelf?: string | undefined } | undefined;
}

/** 归档: files a new item under the next reference code of its series. */
export async function createArchiveItem(
  db: Database,
  acting: ActingAs,
  input: NewArchiveItem,
): Promise<ArchiveRow> {
  // Filings of one community queue on its custody chain in `insertArchiveItem`; the retry is a last guard
  // should a number still be taken meanwhile (an item written outside this function).
  for (let attempt = 0; ; attempt++) {
    try {
      return await transactionCommittingWithLastWrites(db, (tx) => insertArchiveItem(tx, acting, input));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function insertArchiveItem(
  tx: Transaction,
  acting: ActingAs,
  input: NewArchiveItem,
): Promise<EndingWrites<ArchiveRow>> {
  const future = documentDateProblem(input.date, chinaDate(acting.at));
  if (future) throw invalid('date', future);
  const year = Number(input.date.slice(0, 4));
  // One filing of a community at a time: the next number is read and taken under the lock of the
  // community's custody chain, which the filing's log entry needs anyway, so concurrent filings queue
  // once, not first on a series lock and then on the chain (50 at once used to exhaust the retries
  // when they collided on the unique index instead).
  const seriesOfItem = {
    fonds: input.fonds,
    category: input.category,
    year,
    retention: input.retention,
    ...(input.organisation ? { organisation: input.organisation } : {}),
  };
  // The custodian's check, the lock and the read are sent together, so the read costs no round trip under
  // the lock and the check none before it. PostgreSQL runs them in order and the read, a statement of its
  // own, sees what was committed until it starts, after the lock is granted: the last number of the filing
  // that held it before is there. A refused custodian rolls the lock back with the rest.
  // Only the series' highest number matters to the next one: read through the series index from the
  // top, so the time under the lock does not grow with the series (a whole year's filings at a busy office).
  const [, head, highest] = await Promise.all([
    requirePeople(tx, { custodianId: input.custodianId }, inCommunity(input.communityCode)),
    lockCustodyHead(tx, input.communityCode),
    tx
      .select({ code: archiveItems.referenceCode })
      .from(archiveItems)
      .where(
        and(
          eq(archiveItems.communityCode, input.communityCode),
          eq(archiveItems.fonds, input.fonds),
          eq(archiveItems.category, input.category),
          eq(archiveItems.year, year),
          // The prefix of a series without an organisation is also the start of those with one.
          input.organisation
            ? eq(archiveItems.organisation, input.organisation)
            : isNull(archiveItems.organisation),
          like(archiveItems.referenceCode, `${escapeLike(referenceCodeSeriesPrefix(seriesOfItem))}%`),
        ),
      )
      .orderBy(desc(archiveItems.itemNumber))
      .limit(1),
  ]);
  let referenceCode: string;
  try {
    referenceCode = nextReferenceCode(
      highest.map((s) => s.code),
      seriesOfItem,
    );
  } catch (error) {
    throw invalid('fonds', error instanceof Error ? error.message : String(error));
  }
  const parsed = archiveItem.safeParse({
    id: randomUUID(),
    community: input.communityCode,
    referenceCode,
    ...(input.documentNumber ? { documentNumber: input.documentNumber } : {}),
    issuer: input.issuer,
    title: input.title,
    date: input.date,
    classification: input.classification ?? 'none',
    ...(input.pages ? { pages: input.pages } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    medium: input.medium,
    contentGroup: input.contentGroup,
    retention: input.retention,
    custodian: input.custodianId,
    ...(input.location ? { location: stripUndefined(input.location) } : {}),
    status: 'shelved',
  });
  if (!parsed.success) {
    const problems = fieldErrorRecord(parsed.error);
    throw new ArchiveError('invalid', `档案信息有误：${Object.keys(problems).join('、')}`, problems);
  }
  const item = parsed.data;
  const parts = parseReferenceCode(referenceCode);
  if (!parts.ok) throw invalid('referenceCode', parts.problems.join('；'));
  // The row is built here and stored as it is, so it is known without reading it back: the item, its audit
  // record and its log entry are sent together and the chain stays locked for one round trip fewer.
  const row: ArchiveRow = {
    id: item.id,
    communityCode: input.communityCode,
    streetCode: streetOf(input.communityCode),
    referenceCode,
    fonds: parts.parts.fonds,
    category: parts.parts.category,
    year: parts.parts.year,
    organisation: parts.parts.organisation ?? null,
    itemNumber: parts.parts.item,
    documentNumber: item.documentNumber ?? null,
    issuer: item.issuer,
    title: item.title,
    date: item.date,
    classification: item.classification,
    pages: item.pages ?? null,
    notes: item.notes ?? null,
    medium: item.medium,
    contentGroup: item.contentGroup,
    retention: item.retention,
    expiresOn: retentionExpiry(year, item.retention),
    custodianId: item.custodian,
    locationRoom: item.location?.room ?? null,
    locationCabinet: item.location?.cabinet ?? null,
    locationShelf: item.location?.shelf ?? null,
    status: 'shelved',
    version: 1,
    createdAt: acting.at,
    createdBy: acting.actor.id,
    updatedAt: acting.at,
  };
  const lastWrites = Promise.all([
    tx.insert(archiveItems).values(row).execute(),
    record(
      tx,
      acting,
      aboutItem(row),
      'archive.file',
      {
        before: null,
        after: row,
        payload: {
          title: row.title,
          medium: row.medium,
          contentGroup: row.contentGroup,
          retention: row.retention,
          custodian: row.custodianId,
        },
      },
      head,
    ),
  ]);
  return { result: row, lastWrites };
}

export interface ArchiveItemEdit {
  id: string;
  expectedVersion: number;
  documentNumber?: string | null | undefined;
  issuer?: string | undefined;
  title?: string | undefined;
  classification?: ArchiveItem['classification'] | undefined;
  pages?: number | null | undefined;
  notes?: string | null | undefined;
  contentGroup?: string | undefined;
  location?: { room: string; cabinet?: string | undefined; shelf?: string | undefined } | undefined;
}

/**
 * Corrects catalogue fields. The reference code, date, retention and medium define the item's place
 * in the fonds and are not edited; custody changes go through a handover.
 */
export async function updateArchiveItem(
  db: Database,
  acting: ActingAs,
  edit: ArchiveItemEdit,
): Promise<ArchiveRow> {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, edit.id);
    orThrow(editableArchiveItem(item));
    const changes = stripUndefined({
      documentNumber: edit.documentNumber,
      issuer: edit.issuer,
      title: edit.title,
      classification: edit.classification,
      pages: edit.pages,
      notes: edit.notes,
      contentGroup: edit.contentGroup,
      locationRoom: edit.location?.room,
      locationCabinet: edit.location ? (edit.location.cabinet ?? null) : undefined,
      locationShelf: edit.location ? (edit.location.shelf ?? null) : undefined,
    });
    const next = archiveItem.safeParse({
      ...item,
      ...stripUndefined({
        documentNumber: edit.documentNumber ?? undefined,
        issuer: edit.issuer,
        title: edit.title,
        classification: edit.classification,
        pages: edit.pages ?? undefined,
        notes: edit.notes ?? undefined,
        contentGroup: edit.contentGroup,
        location: edit.location ? stripUndefined(edit.location) : undefined,
      }),
    });
    if (!next.success) throw firstProblem(next.error, { field: '(root)', message: '档案信息有误' });
    const [updated] = await tx
      .update(archiveItems)
      .set({ ...changes, version: row.version + 1, updatedAt: acting.at })
      .where(and(eq(archiveItems.id, row.id), eq(archiveItems.version, edit.expectedVersion)))
      .returning();
    if (!updated) throw new ArchiveError('conflict', '该档案已被他人修改，请刷新后重新编辑');
    await record(tx, acting, aboutItem(row), 'archive.update', {
      before: row,
      after: updated,
      payload: { changed: Object.keys(changes).sort() },
    });
    return updated;
  });
}

/**
 * One step of an item's life (借出, 归还, 销毁, 保管人变更) as the package allows it for the item as
 * read, written only if the item is still at the version it was read at, so the check and the write
 * are one step.
 */
export async function stepItem(
  tx: Transaction,
  acting: ActingAs,
  { row, item }: { row: ArchiveRow; item: ArchiveItem },
  event: ArchiveEvent,
  set: (next: ArchiveItem) => Partial<typeof archiveItems.$inferInsert>,
): Promise<{ next: ArchiveItem; updated: ArchiveRow }> {
  const next = orThrow(applyArchiveEvent(item, event));
  const updated = won(
    await tx
      .update(archiveItems)
      .set({ ...set(next), version: row.version + 1, updatedAt: acting.at })
      .where(and(eq(archiveItems.id, row.id), eq(archiveItems.version, row.version)))
      .returning(),
    `档案 ${row.referenceCode} `,
  );
  return { next, updated };
}

export const statusOf = (next: ArchiveItem) => ({ status: next.status });

export interface LendInput {
  itemId: string;
  borrower: string;
  borrowerId?: string | undefined;
  purpose?: string | undefined;
  dueOn: string;
  /** Defaults to today in China. */
  lentOn?: string | undefined;
}

/** 借出, by the custodian. */
export async function lendArchiveItem(db: Database, acting: ActingAs, input: LendInput) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    if (input.borrowerId) {
      await requirePeople(tx, { borrowerId: input.borrowerId }, inCommunity(row.communityCode));
    }
    const lentOn = input.lentOn ?? chinaDate(acting.at);
    const { updated } = await stepItem(
      tx,
      acting,
      { row, item },
      { type: 'lend', by: acting.actor.id, borrower: input.borrower, on: lentOn, dueOn: input.dueOn },
      statusOf,
    );
    const loan = inserted(
      await tx
        .insert(archiveLoans)
        .values({
          communityCode: row.communityCode,
          streetCode: row.streetCode,
          itemId: row.id,
          borrower: input.borrower,
          borrowerId: input.borrowerId ?? null,
          purpose: input.purpose ?? null,
          lentOn,
          dueOn: input.dueOn,
          lentBy: acting.actor.id,
        })
        .returning(),
    );
    await record(tx, acting, aboutItem(row), 'archive.lend', {
      before: { status: row.status },
      after: { status: updated.status, loan },
      payload: {
        loan: loan.id,
        borrower: input.borrower,
        lentOn,
        dueOn: input.dueOn,
      },
    });
    return { item: updated, loan };
  });
}

/** 归还, received by the custodian. */
export async function returnArchiveItem(
  db: Database,
  acting: ActingAs,
  input: { itemId: string; returnedOn?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    const returnedOn = input.returnedOn ?? chinaDate(acting.at);
    const event = { type: 'return', by: acting.actor.id, on: returnedOn } as const;
    const { updated } = await stepItem(tx, acting, { row, item }, event, statusOf);
    const loan = won(
      await tx
        .update(archiveLoans)
        .set({ returnedOn, receivedBy: acting.actor.id })
        .where(and(eq(archiveLoans.itemId, row.id), isNull(archiveLoans.returnedOn)))
        .returning(),
      `档案 ${row.referenceCode} 的借阅`,
    );
    await record(tx, acting, aboutItem(row), 'archive.return', {
      before: { status: row.status },
      after: { status: updated.status, loan },
      payload: { loan: loan.id, returnedOn },
    });
    return { item: updated, loan };
  });
}
