/**
 * What people read of the 档案 and their loans: the catalogue (one prepared statement per filter shape,
 * page and count in one round trip), an item's detail, the lending register and the overdue loans.
 */
import type { ArchiveStatus, archiveMedia, RetentionPeriod } from '@shequ/archives';
import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  isNotNull,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Database } from '../client.js';
import { escapeLike } from '../like.js';
import { kept, mapPerHandle } from '../per-handle.js';
import { archiveDestructions, archiveItems, archiveLoans, attachments } from '../schema-archives.js';
import { communityNameOf, displayNameOf } from './record.js';

/** What the catalogue (`archives.list`) and its export filter on; absent members do not filter. */
export interface ArchiveCatalogueFilter {
  community: string;
  medium?: (typeof archiveMedia)[number] | undefined;
  group?: string | undefined;
  status?: ArchiveStatus | undefined;
  retention?: RetentionPeriod | undefined;
  /** true: retention run out (on or before today) and still held; false: within retention or permanent. */
  expired?: boolean | undefined;
  custodianId?: string | undefined;
  /** Matches title, reference code, document number or issuer. */
  text?: string | undefined;
}

/** A filter value as written into the statement: the value itself, or a placeholder bound later. */
type Bind = <T>(name: string, value: T) => T | Placeholder;
const inline: Bind = (_name, value) => value;
const placeholder: Bind = (name) => sql.placeholder(name);

function catalogueWhere(input: ArchiveCatalogueFilter, today: string, bind: Bind): SQL | undefined {
  const search = input.text ? `%${escapeLike(input.text)}%` : undefined;
  return and(
    input.expired === true
      ? and(
          lte(archiveItems.expiresOn, bind('today', today)),
          notInArray(archiveItems.status, ['destroyed', 'transferred']),
        )
      : input.expired === false
        ? or(isNull(archiveItems.expiresOn), sql`${archiveItems.expiresOn} > ${bind('today', today)}`)
        : undefined,
    eq(archiveItems.communityCode, bind('community', input.community)),
    input.medium ? eq(archiveItems.medium, bind('medium', input.medium)) : undefined,
    input.group ? eq(archiveItems.contentGroup, bind('group', input.group)) : undefined,
    input.status ? eq(archiveItems.status, bind('status', input.status)) : undefined,
    input.retention ? eq(archiveItems.retention, bind('retention', input.retention)) : undefined,
    input.custodianId ? eq(archiveItems.custodianId, bind('custodianId', input.custodianId)) : undefined,
    search
      ? or(
          ilike(archiveItems.title, bind('search', search)),
          ilike(archiveItems.referenceCode, bind('search', search)),
          ilike(archiveItems.documentNumber, bind('search', search)),
          ilike(archiveItems.issuer, bind('search', search)),
        )
      : undefined,
  );
}

/**
 * The catalogue's WHERE, as `archives.list` builds it: community, medium, group, status, retention,
 * expiry (against `today`, in China), custodian, text.
 */
export function archiveCatalogueFilter(input: ArchiveCatalogueFilter, today: string): SQL | undefined {
  return catalogueWhere(input, today, inline);
}

/** What a catalogue row shows: the item's list columns with its custodian named. */
const catalogueColumns = {
  id: archiveItems.id,
  referenceCode: archiveItems.referenceCode,
  title: archiveItems.title,
  issuer: archiveItems.issuer,
  documentNumber: archiveItems.documentNumber,
  date: archiveItems.date,
  medium: archiveItems.medium,
  contentGroup: archiveItems.contentGroup,
  retention: archiveItems.retention,
  expiresOn: archiveItems.expiresOn,
  status: archiveItems.status,
  custodianId: archiveItems.custodianId,
  custodianName: displayNameOf(archiveItems.custodianId),
  locationRoom: archiveItems.locationRoom,
  locationCabinet: archiveItems.locationCabinet,
  locationShelf: archiveItems.locationShelf,
  version: archiveItems.version,
};

/** The catalogue's rows by reference code, with the custodian named: the list's page and the export. */
export function catalogueRows(
  db: Database,
  filter: ArchiveCatalogueFilter,
  today: string,
  window: { limit: number; offset: number },
) {
  return db
    .select(catalogueColumns)
    .from(archiveItems)
    .where(archiveCatalogueFilter(filter, today))
    .orderBy(asc(archiveItems.referenceCode))
    .limit(window.limit)
    .offset(window.offset);
}

export type CatalogueRow = Awaited<ReturnType<typeof catalogueRows>>[number];

/**
 * A catalogue page and its count in one statement, one round trip: the number matching beside the
 * page's rows as one JSON array (dates arrive as the same `YYYY-MM-DD` text, numbers as numbers).
 * Prepared once per database handle and filter shape, so a list is only bound and run.
 */
function catalogueStatement(db: Database, filter: ArchiveCatalogueFilter, name: string) {
  const where = catalogueWhere(filter, '', placeholder);
  const counted = db
    .select({ total: sql<number>`count(*)`.mapWith(Number).as('total') })
    .from(archiveItems)
    .where(where)
    .as('counted');
  const { custodianName, ...columns } = catalogueColumns;
  const page = db
    .select({ ...columns, custodianName: custodianName.as('custodian_name') })
    .from(archiveItems)
    .where(where)
    .orderBy(asc(archiveItems.referenceCode))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  const fields = Object.keys(catalogueColumns) as (keyof typeof catalogueColumns)[];
  const object = sql.join(
    fields.map((field) => sql`${sql.raw(`'${field}'`)}, ${page[field]}`),
    sql`, `,
  );
  const items = db
    .select({
      rows: sql<
        CatalogueRow[]
      >`coalesce(json_agg(json_build_object(${object}) order by ${page.referenceCode}), '[]')`.as('rows'),
    })
    .from(page)
    .as('items');
  return db.select({ total: counted.total, rows: items.rows }).from(counted).crossJoin(items).prepare(name);
}

const catalogueStatementsOf = mapPerHandle<ReturnType<typeof catalogueStatement>>();

/** A page of the catalogue, by reference code, with the custodian named, and how many match in all. */
export async function archiveCatalogue(
  db: Database,
  filter: ArchiveCatalogueFilter,
  today: string,
  window: { limit: number; offset: number },
): Promise<{ items: CatalogueRow[]; total: number }> {
  const shape = [
    filter.medium ? 'm' : '',
    filter.group ? 'g' : '',
    filter.status ? 's' : '',
    filter.retention ? 'r' : '',
    filter.custodianId ? 'c' : '',
    filter.text ? 't' : '',
    filter.expired === undefined ? '' : filter.expired ? 'e' : 'k',
  ].join('');
  const name = `archive_catalogue_${shape}`;
  const statement = kept(catalogueStatementsOf(db), name, () => catalogueStatement(db, filter, name));
  const [result] = await statement.execute({
    community: filter.community,
    today,
    medium: filter.medium ?? null,
    group: filter.group ?? null,
    status: filter.status ?? null,
    retention: filter.retention ?? null,
    custodianId: filter.custodianId ?? null,
    search: filter.text ? `%${escapeLike(filter.text)}%` : null,
    limit: window.limit,
    offset: window.offset,
  });
  return { items: result?.rows ?? [], total: result?.total ?? 0 };
}

/** One item with its custodian named, its loans (newest first), attachments and destruction decision. */
export async function archiveItemDetail(db: Database, itemId: string) {
  const [item] = await db
    .select({ item: archiveItems, custodianName: displayNameOf(archiveItems.custodianId) })
    .from(archiveItems)
    .where(eq(archiveItems.id, itemId));
  const [loans, files, destruction] = await Promise.all([
    db.select().from(archiveLoans).where(eq(archiveLoans.itemId, itemId)).orderBy(desc(archiveLoans.lentOn)),
    db.select().from(attachments).where(eq(attachments.itemId, itemId)).orderBy(asc(attachments.uploadedAt)),
    db.select().from(archiveDestructions).where(eq(archiveDestructions.itemId, itemId)),
  ]);
  return {
    ...item?.item,
    custodianName: item?.custodianName ?? null,
    loans,
    attachments: files,
    destruction: destruction[0] ?? null,
  };
}

/** The lending register's filter: a community's loans; `open` true / false for unreturned / returned only. */
export interface LoanListFilter {
  communityCode: string;
  open?: boolean | undefined;
}

/** The lending register's WHERE: a community's loans, open or returned when asked. */
function loanFilter(input: LoanListFilter): SQL | undefined {
  return and(
    eq(archiveLoans.communityCode, input.communityCode),
    input.open === undefined
      ? undefined
      : input.open
        ? isNull(archiveLoans.returnedOn)
        : isNotNull(archiveLoans.returnedOn),
  );
}

/** The lending register (借阅登记) with names, open loans first by due date: the list and its export. */
export function loanRows(db: Database, input: LoanListFilter, window: { limit: number; offset: number }) {
  return db
    .select({
      loanId: archiveLoans.id,
      itemId: archiveLoans.itemId,
      referenceCode: archiveItems.referenceCode,
      title: archiveItems.title,
      /** The item's custodian now: the one who takes it back. */
      custodianId: archiveItems.custodianId,
      borrower: archiveLoans.borrower,
      borrowerId: archiveLoans.borrowerId,
      borrowerName: displayNameOf(archiveLoans.borrowerId),
      purpose: archiveLoans.purpose,
      lentOn: archiveLoans.lentOn,
      dueOn: archiveLoans.dueOn,
      returnedOn: archiveLoans.returnedOn,
      lentBy: archiveLoans.lentBy,
      lenderName: displayNameOf(archiveLoans.lentBy),
    })
    .from(archiveLoans)
    .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
    .where(loanFilter(input))
    .orderBy(
      sql`${archiveLoans.returnedOn} is not null`,
      asc(archiveLoans.dueOn),
      desc(archiveLoans.lentOn),
      asc(archiveLoans.id),
    )
    .limit(window.limit)
    .offset(window.offset);
}

/** Loans among `where` not returned by their due date (before `today`), most overdue first: the list and its export. */
export function overdueLoanRows(db: Database, where: SQL | undefined, today: string, limit: number) {
  return db
    .select({
      loanId: archiveLoans.id,
      itemId: archiveLoans.itemId,
      communityCode: archiveLoans.communityCode,
      communityName: communityNameOf(archiveLoans.communityCode),
      referenceCode: archiveItems.referenceCode,
      title: archiveItems.title,
      borrower: archiveLoans.borrower,
      borrowerId: archiveLoans.borrowerId,
      borrowerName: displayNameOf(archiveLoans.borrowerId),
      lentOn: archiveLoans.lentOn,
      dueOn: archiveLoans.dueOn,
    })
    .from(archiveLoans)
    .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
    .where(and(where, isNull(archiveLoans.returnedOn), lt(archiveLoans.dueOn, today)))
    .orderBy(asc(archiveLoans.dueOn))
    .limit(limit);
}

/** A page of the lending register and how many loans match in all: `archives.loans`. */
export async function lendingRegister(
  db: Database,
  filter: LoanListFilter,
  window: { limit: number; offset: number },
) {
  const [items, [counted]] = await Promise.all([
    loanRows(db, filter, window),
    db.select({ total: count() }).from(archiveLoans).where(loanFilter(filter)),
  ]);
  return { items, total: counted?.total ?? 0 };
}
