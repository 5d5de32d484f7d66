/**
 * Storing and reading service cases and residents' feedback (`@shequ/services`). The package decides
 * what a step may do; here each write runs in one transaction with its audit record, and a step takes
 * the case's row lock so two workers acting on one case at once are applied one after the other.
 *
 * Audit records keep residents' identity and mobile numbers masked: the audit log is read by more
 * people than may see them.
 */
import { chinaDate, type FieldIssue } from '@shequ/domain';
import {
  type CaseActor,
  type CaseListRow,
  type CaseRegister,
  type CaseStatus,
  caseStatus,
  closure,
  currentHandler,
  maskedCase,
  type Outcome,
  type ServiceCase,
} from '@shequ/services';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { type AuditedActor, writeAudit } from './audit.js';
import type { Database, Transaction } from './client.js';
import { kept, mapPerHandle } from './per-handle.js';
import { markRegistersChanged } from './register-changes.js';
import { communities } from './schema.js';
import { serviceCases, serviceFeedback } from './schema-services.js';

type Db = Database | Transaction;

export type ServicesErrorCode = 'not-found' | 'conflict' | 'invalid';

/** A refused write: `invalid` carries the field problems, `not-found` a missing row. */
export class ServicesError extends Error {
  constructor(
    readonly code: ServicesErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ServicesError';
  }
}

export type ServicesActor = AuditedActor;

type CaseRow = typeof serviceCases.$inferSelect;

function caseFromRow(row: CaseRow): ServiceCase & { version: number } {
  return {
    ...(row.record as Omit<ServiceCase, 'id' | 'communityCode'>),
    id: row.id,
    communityCode: row.communityCode,
    version: row.version,
  };
}

function columnsOf(c: ServiceCase) {
  const { id: _id, communityCode: _code, ...record } = c;
  const closed = closure(c);
  return {
    category: c.category,
    status: caseStatus(c),
    priority: c.priority,
    firstResponderId: c.firstResponder.userId,
    handlerId: currentHandler(c).userId,
    receivedAt: new Date(c.receivedAt),
    receivedOn: c.receivedOn,
    promisedOn: c.promisedOn,
    closedOn: closed ? chinaDate(new Date(closed.at)) : null,
    record,
  };
}

async function streetOf(db: Db, code: string): Promise<string> {
  const [row] = await db
    .select({ streetCode: communities.streetCode })
    .from(communities)
    .where(eq(communities.code, code))
    .limit(1);
  if (!row) throw new ServicesError('not-found', '没有这个社区');
  return row.streetCode;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Stores a newly received case with its audit record. */
export async function insertCase(db: Database, c: ServiceCase, who: ServicesActor): Promise<ServiceCase> {
  return db.transaction(async (tx) => {
    const streetCode = await streetOf(tx, c.communityCode);
    const [row] = await tx
      .insert(serviceCases)
      .values({ id: c.id, communityCode: c.communityCode, streetCode, ...columnsOf(c), updatedAt: who.at })
      .returning();
    if (!row) throw new ServicesError('conflict', '保存失败，请重试');
    await writeAudit(tx, {
      actor: who.actor,
      action: 'services.case.open',
      entityType: 'services.case',
      entityId: c.id,
      jurisdictionCode: c.communityCode,
      before: null,
      after: maskedCase(c),
      ip: who.ip,
      at: who.at,
    });
    await markRegistersChanged(tx, c.communityCode, who.at);
    return caseFromRow(row);
  });
}

/**
 * Applies a step under the case's row lock: `decide` (the package's `applyStep`) sees the case as
 * stored; a refusal writes nothing. `check` sees the stored case first (the caller's scope check).
 * `afterSave` runs in the same transaction (a closure's feedback link).
 */
export async function stepCase(
  db: Database,
  input: ServicesActor & {
    id: string;
    action: string;
    check: (c: ServiceCase) => void;
    decide: (c: ServiceCase) => Outcome;
    afterSave?: (tx: Transaction, c: ServiceCase) => Promise<void>;
  },
): Promise<ServiceCase> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(serviceCases).where(eq(serviceCases.id, input.id)).for('update');
    if (!row) throw new ServicesError('not-found', '没有这个服务事项');
    const { version: _v, ...before } = caseFromRow(row);
    input.check(before);
    const outcome = input.decide(before);
    if (!outcome.ok)
      throw new ServicesError('invalid', outcome.issues.map((i) => i.message).join('；'), outcome.issues);
    const [saved] = await tx
      .update(serviceCases)
      .set({ ...columnsOf(outcome.case), version: row.version + 1, updatedAt: input.at })
      .where(eq(serviceCases.id, input.id))
      .returning();
    if (!saved) throw new ServicesError('conflict', '保存失败，请重试');
    await writeAudit(tx, {
      actor: input.actor,
      action: input.action,
      entityType: 'services.case',
      entityId: input.id,
      jurisdictionCode: row.communityCode,
      before: null,
      after: outcome.case.steps.at(-1) ?? null,
      ip: input.ip,
      at: input.at,
    });
    await markRegistersChanged(tx, row.communityCode, input.at);
    await input.afterSave?.(tx, outcome.case);
    return caseFromRow(saved);
  });
}

/** Records that someone saw a resident's identity and mobile numbers unmasked. */
export async function recordCaseFullView(
  db: Db,
  c: Pick<ServiceCase, 'id' | 'communityCode'>,
  who: ServicesActor,
): Promise<void> {
  await writeAudit(db, {
    actor: who.actor,
    action: 'services.case.viewFull',
    entityType: 'services.case',
    entityId: c.id,
    jurisdictionCode: c.communityCode,
    before: null,
    after: { fields: ['resident.idNumber', 'resident.phone'] },
    ip: who.ip,
    at: who.at,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export async function findCase(db: Db, id: string): Promise<(ServiceCase & { version: number }) | undefined> {
  const [row] = await db.select().from(serviceCases).where(eq(serviceCases.id, id)).limit(1);
  return row ? caseFromRow(row) : undefined;
}

export interface CaseListQuery {
  /** Exactly one of these: a community, a street, or a worker's own (first responder or handler). */
  communityCode?: string;
  streetCode?: string;
  userId?: string;
  /** Only the open cases (the default), or closed ones too. */
  includeClosed?: boolean;
  overdueOnly?: boolean;
  asOf: string;
  limit: number;
  offset?: number;
}

type ListMode = 'open' | 'all' | 'overdue';

const listMode = (q: CaseListQuery): ListMode =>
  q.overdueOnly ? 'overdue' : q.includeClosed ? 'all' : 'open';

/**
 * The values of a list are parameters of a statement prepared once per shape (which filters, which
 * cases, whole records or list rows), so each list is only bound and executed, never parsed or planned
 * afresh, and a connection keeps the statement for its lifetime.
 */
const listParam = {
  communityCode: sql.placeholder('communityCode'),
  streetCode: sql.placeholder('streetCode'),
  userId: sql.placeholder('userId'),
  asOf: sql.placeholder('asOf'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
};

interface ListShape {
  community: boolean;
  street: boolean;
  user: boolean;
  mode: ListMode;
  rows: boolean;
}

function listWhere(shape: ListShape, mode: ListMode): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (shape.community) where.push(eq(serviceCases.communityCode, listParam.communityCode));
  if (shape.street) where.push(eq(serviceCases.streetCode, listParam.streetCode));
  if (shape.user)
    where.push(
      or(eq(serviceCases.firstResponderId, listParam.userId), eq(serviceCases.handlerId, listParam.userId)),
    );
  if (mode !== 'all') where.push(isNull(serviceCases.closedOn));
  if (mode === 'overdue') where.push(lt(serviceCases.promisedOn, listParam.asOf));
  return and(...where);
}

/**
 * One statement per list, one round trip: the counts of open and overdue cases over the whole selection
 * beside the page as one JSON array in working order. The client parses one value instead of a row per
 * case. One aggregate, not one per part: the page is sorted once and its JSON written and parsed once.
 *
 * A whole case's entry is its record and what is kept beside it (`WholeEntry`), the record arriving as
 * the object the caller returns. A list row's entry (`RowEntry`) is built from the columns and the few
 * record keys a list shows, so a page carries neither the residents' personal data nor the cases' text,
 * and the server writes (and the client parses) a fraction of the JSON. Its handler is the last
 * transfer's recipient, else the first responder (`@shequ/services` `currentHandler`), read from the
 * steps as the package reads them: the handler column holds only an id, and a name recorded with a
 * transfer is the one the case shows.
 */
function listStatement(db: Db, shape: ListShape, name: string) {
  const counts = db
    .select({
      open: sql<number>`count(*)`.mapWith(Number).as('open'),
      overdue: sql<number>`count(*) filter (where ${serviceCases.promisedOn} < ${listParam.asOf})`
        .mapWith(Number)
        .as('overdue'),
    })
    .from(serviceCases)
    .where(listWhere(shape, 'open'))
    .as('counts');
  // Open-only lists leave out the first key, so the order is the open-case indexes' own.
  const closedLast = shape.mode === 'all';
  const page = db
    .select({
      id: serviceCases.id,
      communityCode: serviceCases.communityCode,
      category: serviceCases.category,
      status: serviceCases.status,
      priority: serviceCases.priority,
      promisedOn: serviceCases.promisedOn,
      closedOn: serviceCases.closedOn,
      version: serviceCases.version,
      record: serviceCases.record,
    })
    .from(serviceCases)
    .where(listWhere(shape, shape.mode))
    .orderBy(
      ...(closedLast ? [asc(sql`${serviceCases.closedOn} is not null`)] : []),
      desc(serviceCases.priority),
      asc(serviceCases.promisedOn),
      asc(serviceCases.id),
    )
    .limit(listParam.limit)
    .offset(listParam.offset)
    .as('page');
  const inOrder = sql`order by ${closedLast ? sql`${page.closedOn} is not null, ` : sql``}${page.priority} desc, ${page.promisedOn}, ${page.id}`;
  // Each entry is built on the page's rows only, after the sort.
  const entry = shape.rows
    ? sql`json_build_array(${page.id}, ${page.communityCode}, ${page.record} ->> 'subject', ${page.category}, ${page.record} ->> 'channel', ${page.priority}, ${page.promisedOn}, ${page.status}, ${page.closedOn}, ${page.record} -> 'resident' ->> 'name', ${page.record} -> 'firstResponder', jsonb_path_query_array(${page.record}, '$.steps[*] ? (@.kind == "transfer").to') -> -1)`
    : sql`json_build_array(${page.record}, ${page.id}, ${page.communityCode}, ${page.version})`;
  const items = db
    .select({
      entries: sql<unknown[]>`coalesce(json_agg(${entry} ${inOrder}), '[]')`.as('entries'),
    })
    .from(page)
    .as('items');
  return db
    .select({ open: counts.open, overdue: counts.overdue, entries: items.entries })
    .from(counts)
    .crossJoin(items)
    .prepare(name);
}

/** A listed whole case: its record, then its id, community and version. */
type WholeEntry = [Record<string, unknown>, string, string, number];

/**
 * A list row as the statement writes it, in `CaseListRow`'s order; the handler is `null` when the case
 * was never transferred (its first responder handles it).
 */
type RowEntry = [
  string,
  string,
  string,
  CaseListRow['category'],
  CaseListRow['channel'],
  boolean,
  string,
  CaseStatus,
  string | null,
  string,
  CaseActor,
  CaseActor | null,
];

type ListStatement = ReturnType<typeof listStatement>;
const listStatementsOf = mapPerHandle<ListStatement>();

async function runList<Entry>(db: Db, q: CaseListQuery, rows: boolean) {
  const shape: ListShape = {
    community: q.communityCode !== undefined,
    street: q.streetCode !== undefined,
    user: q.userId !== undefined,
    mode: listMode(q),
    rows,
  };
  const name = `service_cases_${rows ? 'rows' : 'cases'}_${shape.community ? 'c' : ''}${shape.street ? 's' : ''}${shape.user ? 'u' : ''}_${shape.mode}`;
  const statement = kept(listStatementsOf(db), name, () => listStatement(db, shape, name));
  const [result] = await statement.execute({
    communityCode: q.communityCode ?? null,
    streetCode: q.streetCode ?? null,
    userId: q.userId ?? null,
    asOf: q.asOf,
    limit: q.limit,
    offset: q.offset ?? 0,
  });
  return {
    open: result?.open ?? 0,
    overdue: result?.overdue ?? 0,
    // The statement's own output: `WholeEntry`s or `RowEntry`s as `rows` asked.
    entries: (result?.entries ?? []) as Entry[],
  };
}

/**
 * A page of cases in working order (priority first, then promised date) with the counts of open and
 * overdue ones over the whole selection.
 */
export async function listCases(
  db: Db,
  q: CaseListQuery,
): Promise<{ items: ServiceCase[]; open: number; overdue: number }> {
  const { open, overdue, entries } = await runList<WholeEntry>(db, q, false);
  const items = entries.map(
    ([record, id, communityCode, version]) =>
      Object.assign(record, { id, communityCode, version }) as unknown as ServiceCase,
  );
  return { items, open, overdue };
}

/**
 * `listCases` as the lists show it (`@shequ/services` `CaseListRow`): the page the case lists and the
 * workbench read, with the same counts.
 */
export async function listCaseRows(
  db: Db,
  q: CaseListQuery,
): Promise<{ items: CaseListRow[]; open: number; overdue: number }> {
  const { open, overdue, entries } = await runList<RowEntry>(db, q, true);
  const items = entries.map(
    ([
      id,
      communityCode,
      subject,
      category,
      channel,
      priority,
      promisedOn,
      status,
      closedOn,
      residentName,
      firstResponder,
      handler,
    ]): CaseListRow => ({
      id,
      communityCode,
      subject,
      category,
      channel,
      priority,
      promisedOn,
      status,
      closedOn,
      resident: { name: residentName },
      firstResponder,
      handler: handler ?? firstResponder,
    }),
  );
  return { items, open, overdue };
}

/** Open and overdue cases per community of a street (or any list of communities). */
export async function caseCountsByCommunity(
  db: Db,
  codes: readonly string[],
  asOf: string,
): Promise<Map<string, { open: number; overdue: number }>> {
  const out = new Map(codes.map((c) => [c, { open: 0, overdue: 0 }]));
  if (codes.length === 0) return out;
  const rows = await db
    .select({
      code: serviceCases.communityCode,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${serviceCases.promisedOn} < ${asOf})`.mapWith(Number),
    })
    .from(serviceCases)
    .where(and(inArray(serviceCases.communityCode, [...codes]), isNull(serviceCases.closedOn)))
    .groupBy(serviceCases.communityCode);
  for (const r of rows) out.set(r.code, { open: r.open, overdue: r.overdue });
  return out;
}

/**
 * What the snapshot needs of each community's cases (`@shequ/services` `CaseRegister`): the date of
 * its first case and its complaint cases.
 */
export async function loadCaseRegisters(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, CaseRegister>> {
  const out = new Map<string, { firstReceivedOn?: string; complaints: ServiceCase[] }>(
    codes.map((c) => [c, { complaints: [] }]),
  );
  if (codes.length === 0) return out;
  const list = [...codes];
  const [firsts, complaints] = await Promise.all([
    db
      .select({ code: serviceCases.communityCode, first: sql<string>`min(${serviceCases.receivedOn})::text` })
      .from(serviceCases)
      .where(inArray(serviceCases.communityCode, list))
      .groupBy(serviceCases.communityCode),
    db
      .select()
      .from(serviceCases)
      .where(and(inArray(serviceCases.communityCode, list), eq(serviceCases.category, 'complaint'))),
  ]);
  for (const f of firsts) {
    const r = out.get(f.code);
    if (r) r.firstReceivedOn = f.first;
  }
  for (const row of complaints) out.get(row.communityCode)?.complaints.push(caseFromRow(row));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Feedback
// ---------------------------------------------------------------------------------------------

/** Creates the one feedback link of a closed case (its token's hash); inside the closure's transaction. */
export async function createFeedbackLink(
  tx: Transaction,
  c: Pick<ServiceCase, 'id' | 'communityCode'>,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await tx
    .insert(serviceFeedback)
    .values({ caseId: c.id, communityCode: c.communityCode, tokenHash, issuedAt: at })
    .onConflictDoNothing();
}

/** The case a feedback link belongs to, while it is unanswered. */
export async function feedbackLinkCase(
  db: Db,
  tokenHash: string,
): Promise<{ caseId: string; communityCode: string; subject: string; answered: boolean } | undefined> {
  const [row] = await db
    .select({
      caseId: serviceFeedback.caseId,
      communityCode: serviceFeedback.communityCode,
      answeredAt: serviceFeedback.answeredAt,
      record: serviceCases.record,
    })
    .from(serviceFeedback)
    .innerJoin(serviceCases, eq(serviceCases.id, serviceFeedback.caseId))
    .where(eq(serviceFeedback.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  return {
    caseId: row.caseId,
    communityCode: row.communityCode,
    subject: (row.record as { subject: string }).subject,
    answered: row.answeredAt !== null,
  };
}

/** Records the answer once: a second answer through the same link finds nothing to update. */
export async function answerFeedback(
  db: Database,
  input: {
    tokenHash: string;
    score: number;
    comment?: string;
    at: Date;
    answeredOn: string;
    ip: string | null;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(serviceFeedback)
      .set({
        answeredAt: input.at,
        answeredOn: input.answeredOn,
        score: input.score,
        comment: input.comment ?? null,
      })
      .where(and(eq(serviceFeedback.tokenHash, input.tokenHash), isNull(serviceFeedback.answeredAt)))
      .returning({ caseId: serviceFeedback.caseId, communityCode: serviceFeedback.communityCode });
    if (!row) return false;
    await writeAudit(tx, {
      actor: null,
      action: 'services.feedback.answer',
      entityType: 'services.case',
      entityId: row.caseId,
      jurisdictionCode: row.communityCode,
      before: null,
      after: { score: input.score },
      ip: input.ip,
      at: input.at,
    });
    return true;
  });
}

/** The answers given in the communities since a date, for the satisfaction trend. */
export async function feedbackAnswers(
  db: Db,
  codes: readonly string[],
  since: string,
): Promise<{ answeredOn: string; score: number }[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ answeredOn: serviceFeedback.answeredOn, score: serviceFeedback.score })
    .from(serviceFeedback)
    .where(and(inArray(serviceFeedback.communityCode, [...codes]), gte(serviceFeedback.answeredOn, since)));
  return rows.flatMap((r) =>
    r.answeredOn !== null && r.score !== null ? [{ answeredOn: r.answeredOn, score: r.score }] : [],
  );
}

/**
 * The answered feedback of cases closed from `from` through `to` (China dates) in the communities whose
 * code starts with `communityPrefix`: the assessment counts it by the day the case was closed.
 */
export async function closedCaseFeedback(
  db: Db,
  filter: { communityPrefix: string; from: string; to: string },
): Promise<{ communityCode: string; closedOn: string; score: number }[]> {
  const rows = await db
    .select({
      communityCode: serviceCases.communityCode,
      closedOn: serviceCases.closedOn,
      score: serviceFeedback.score,
    })
    .from(serviceFeedback)
    .innerJoin(serviceCases, eq(serviceCases.id, serviceFeedback.caseId))
    .where(
      and(
        like(serviceCases.communityCode, `${filter.communityPrefix}%`),
        gte(serviceCases.closedOn, filter.from),
        lte(serviceCases.closedOn, filter.to),
        isNotNull(serviceFeedback.score),
      ),
    );
  return rows.flatMap((r) =>
    r.closedOn !== null && r.score !== null
      ? [{ communityCode: r.communityCode, closedOn: r.closedOn, score: r.score }]
      : [],
  );
}
