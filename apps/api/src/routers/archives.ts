/**
 * Archives (档案): catalogue, lending, appraisal and destruction, attachments and fixity checks
 * (issue 4; 鄂州 第三十九条). Only the community's custodians, administrators above it and auditors
 * see a community's archives (`../auth/archives-access.ts`); an id from outside one's scope is "not found".
 */
import {
  archiveContentGroup,
  archiveMedia,
  archiveStatuses,
  classificationLevels,
  retentionPeriods,
} from '@shequ/archives';
import {
  appraiseArchiveItem,
  appraiseForDestruction,
  archiveDestructions,
  archiveItems,
  archiveLoans,
  attachFile,
  attachments,
  checkFixity,
  chinaDate,
  communities,
  createArchiveItem,
  type Database,
  destroyArchiveItem,
  fixityChecks,
  lendArchiveItem,
  returnArchiveItem,
  stageBlob,
  updateArchiveItem,
  users,
} from '@shequ/db';
import { boundedInt, communityCode, divisionCode, isoDate, safeMultilineText, safeText } from '@shequ/domain';
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  isNotNull,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { blobStore } from '../archives/blob-store.js';
import { actingAs, attempt, communityOfRow, paging, rowsAfter, underNode } from '../archives/shared.js';
import {
  type ArchivesNeed,
  CANNOT_KEEP_ITEM,
  requireArchivesAccess,
  requireOwnCommunityAccess,
} from '../auth/archives-access.js';
import type { Principal } from '../auth/scope.js';
import type { Context } from '../context.js';
import { fieldError, forbidden } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { escapeLike } from './jurisdictions.js';

/**
 * tRPC requests are JSON under Fastify's 1 MiB body limit, and Base64 adds a third: 700 KiB of file
 * is what fits `archives.attach`. Scans, photos and video go through the streaming upload route
 * (`../archives/upload.ts`).
 */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;

const id = z.uuid({ error: '应为有效的编号' });
// Names and titles: no control characters, no bidi overrides, not only invisible characters.
const text = (field: string, max = 500) => safeText(field, max);
/** An attachment's name as shown and downloaded: no folders, no control characters. */
export const attachmentFileName = text('文件名', 200).refine((name) => !/[/\\\p{Cc}]/u.test(name), {
  error: '文件名不能包含斜杠或控制字符',
});
export const attachmentMediaType = z
  .string()
  .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: '文件类型应为 MIME 类型，如 image/jpeg' });
const location = z.strictObject({
  room: text('存放位置（室）', 50),
  cabinet: text('柜', 50).optional(),
  shelf: text('架（层）', 50).optional(),
});

export const createArchiveInput = z.strictObject({
  community: communityCode,
  fonds: z.string().regex(/^[A-Z0-9]{1,10}$/, { error: '全宗号应为 1–10 位大写字母或数字' }),
  category: z.string().regex(/^[A-Z]{2}$/, { error: '门类代码应为两位大写字母，如 WS（文书）' }),
  organisation: z
    .string()
    .regex(/^[A-Z0-9]{1,6}$/, { error: '机构（问题）代码应为 1–6 位大写字母或数字' })
    .optional(),
  documentNumber: text('文号', 100).optional(),
  issuer: text('责任者', 200),
  title: text('题名', 500),
  date: isoDate,
  classification: z.enum(classificationLevels).optional(),
  pages: boundedInt({ min: 1, message: '页数应为正整数' }).optional(),
  notes: safeMultilineText('备注', 2000).optional(),
  medium: z.enum(archiveMedia),
  contentGroup: archiveContentGroup,
  retention: z.enum(retentionPeriods),
  custodianId: id,
  location: location.optional(),
});

export const updateArchiveInput = z.strictObject({
  id,
  expectedVersion: boundedInt({ min: 1 }),
  documentNumber: text('文号', 100).nullable().optional(),
  issuer: text('责任者', 200).optional(),
  title: text('题名', 500).optional(),
  classification: z.enum(classificationLevels).optional(),
  pages: boundedInt({ min: 1, message: '页数应为正整数' }).nullable().optional(),
  notes: safeMultilineText('备注', 2000).nullable().optional(),
  contentGroup: archiveContentGroup.optional(),
  location: location.optional(),
});

export const listLoansInput = z.strictObject({
  communityCode,
  /** true: only loans not yet returned; false: only returned ones; absent: all. */
  open: z.boolean().optional(),
  page: boundedInt({ min: 1 }).default(1),
  pageSize: z.int().min(1).max(100).default(20),
});

export const listArchivesInput = z.strictObject({
  community: communityCode,
  medium: z.enum(archiveMedia).optional(),
  group: archiveContentGroup.optional(),
  status: z.enum(archiveStatuses).optional(),
  retention: z.enum(retentionPeriods).optional(),
  /**
   * true: items whose retention has run out (expiry on or before today) and that are still held, the
   * ones due for appraisal; false: items still within their retention or kept permanently.
   */
  expired: z.boolean().optional(),
  /** Items this person keeps: the handover wizard's "what the leaver holds". */
  custodianId: id.optional(),
  /** Matches title, reference code, document number or issuer. */
  text: z.string().trim().max(50).optional(),
  page: boundedInt({ min: 1 }).default(1),
  pageSize: z.int().min(1).max(100).default(20),
});

/**
 * The catalogue's WHERE, as `archives.list` builds it: community, medium, group, status, retention,
 * expiry (against `today`, in China), custodian, text.
 */
export function archiveCatalogueFilter(
  input: Omit<z.output<typeof listArchivesInput>, 'page' | 'pageSize'>,
  today: string,
): SQL | undefined {
  const search = input.text ? `%${escapeLike(input.text)}%` : undefined;
  return and(
    input.expired === true
      ? and(lte(archiveItems.expiresOn, today), notInArray(archiveItems.status, ['destroyed', 'transferred']))
      : input.expired === false
        ? or(isNull(archiveItems.expiresOn), sql`${archiveItems.expiresOn} > ${today}`)
        : undefined,
    eq(archiveItems.communityCode, input.community),
    input.medium ? eq(archiveItems.medium, input.medium) : undefined,
    input.group ? eq(archiveItems.contentGroup, input.group) : undefined,
    input.status ? eq(archiveItems.status, input.status) : undefined,
    input.retention ? eq(archiveItems.retention, input.retention) : undefined,
    input.custodianId ? eq(archiveItems.custodianId, input.custodianId) : undefined,
    search
      ? or(
          ilike(archiveItems.title, search),
          ilike(archiveItems.referenceCode, search),
          ilike(archiveItems.documentNumber, search),
          ilike(archiveItems.issuer, search),
        )
      : undefined,
  );
}

/**
 * The permanent destruction list (销毁清册) of a community, oldest decision first, with the approvers
 * and whoever destroyed each item named, as people read the list (the ids stay in `approvedBy`, `destroyedBy`).
 */
export function destructionRows(
  db: Database,
  community: string,
  after: Parameters<typeof rowsAfter>[2],
  limit: number,
) {
  const destroyer = alias(users, 'destroyer');
  return db
    .select({
      ...getTableColumns(archiveDestructions),
      approverNames: sql<
        string | null
      >`(select string_agg(${users.displayName}, '、' order by ${users.displayName}) from ${users} where ${users.id}::text in (select jsonb_array_elements_text(${archiveDestructions.approvedBy})))`,
      destroyerName: destroyer.displayName,
    })
    .from(archiveDestructions)
    .leftJoin(destroyer, eq(destroyer.id, archiveDestructions.destroyedBy))
    .where(
      and(
        eq(archiveDestructions.communityCode, community),
        rowsAfter('asc', { at: archiveDestructions.decidedOn, id: archiveDestructions.id }, after),
      ),
    )
    .orderBy(asc(archiveDestructions.decidedOn), asc(archiveDestructions.id))
    .limit(limit);
}

type LoanListInput = Pick<z.output<typeof listLoansInput>, 'communityCode' | 'open'>;

/** The lending register's WHERE: a community's loans, open or returned when asked. */
function loanFilter(input: LoanListInput): SQL | undefined {
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
export function loanRows(db: Database, input: LoanListInput, window: { limit: number; offset: number }) {
  const borrowerAccount = alias(users, 'borrower_account');
  const lender = alias(users, 'lender');
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
      borrowerName: borrowerAccount.displayName,
      purpose: archiveLoans.purpose,
      lentOn: archiveLoans.lentOn,
      dueOn: archiveLoans.dueOn,
      returnedOn: archiveLoans.returnedOn,
      lentBy: archiveLoans.lentBy,
      lenderName: lender.displayName,
    })
    .from(archiveLoans)
    .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
    .leftJoin(borrowerAccount, eq(borrowerAccount.id, archiveLoans.borrowerId))
    .leftJoin(lender, eq(lender.id, archiveLoans.lentBy))
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
  const borrowerAccount = alias(users, 'borrower_account');
  return db
    .select({
      loanId: archiveLoans.id,
      itemId: archiveLoans.itemId,
      communityCode: archiveLoans.communityCode,
      communityName: communities.name,
      referenceCode: archiveItems.referenceCode,
      title: archiveItems.title,
      borrower: archiveLoans.borrower,
      borrowerId: archiveLoans.borrowerId,
      borrowerName: borrowerAccount.displayName,
      lentOn: archiveLoans.lentOn,
      dueOn: archiveLoans.dueOn,
    })
    .from(archiveLoans)
    .innerJoin(archiveItems, eq(archiveItems.id, archiveLoans.itemId))
    .leftJoin(communities, eq(communities.code, archiveLoans.communityCode))
    .leftJoin(borrowerAccount, eq(borrowerAccount.id, archiveLoans.borrowerId))
    .where(and(where, isNull(archiveLoans.returnedOn), lt(archiveLoans.dueOn, today)))
    .orderBy(asc(archiveLoans.dueOn))
    .limit(limit);
}

export type Ctx = Context & { principal: Principal };

/** The principal's standing in the community, refused unless it covers `need`. */
const access = (ctx: Ctx, community: string, need: ArchivesNeed) =>
  requireArchivesAccess(ctx.db, ctx.principal, community, need);

/** The row's community, after the scope check ("not found" outside) and the standing check. */
async function rowAccess(
  ctx: Ctx,
  table: typeof archiveItems | typeof attachments,
  rowId: string,
  need: ArchivesNeed,
): Promise<string> {
  const what = table === archiveItems ? '档案' : '附件';
  const community = await communityOfRow(ctx.db, ctx.principal, table, table, rowId, what);
  const standing = await access(ctx, community, need);
  // Keeping one item (or a seal) makes a worker a keeper in the community, not of every item in it:
  // the keeper's own acts on an item are for that item's custodian (administrators above excepted).
  if (need === 'keep' && !standing.admin) {
    const mine = eq(archiveItems.custodianId, ctx.principal.id);
    const [own] = await (table === archiveItems
      ? ctx.db
          .select({ id: archiveItems.id })
          .from(archiveItems)
          .where(and(eq(archiveItems.id, rowId), mine))
      : ctx.db
          .select({ id: archiveItems.id })
          .from(attachments)
          .innerJoin(archiveItems, eq(archiveItems.id, attachments.itemId))
          .where(and(eq(attachments.id, rowId), mine))
    ).limit(1);
    if (!own) throw forbidden(CANNOT_KEEP_ITEM);
  }
  return community;
}
export const itemAccess = (ctx: Ctx, itemId: string, need: ArchivesNeed) =>
  rowAccess(ctx, archiveItems, itemId, need);
export const attachmentAccess = (ctx: Ctx, attachmentId: string, need: ArchivesNeed) =>
  rowAccess(ctx, attachments, attachmentId, need);

export const archivesRouter = router({
  list: authedProcedure.input(listArchivesInput).query(async ({ ctx, input }) => {
    await access(ctx, input.community, 'catalogue');
    const where = archiveCatalogueFilter(input, chinaDate(ctx.settings.now()));
    const custodian = alias(users, 'custodian');
    const [items, [counted]] = await Promise.all([
      ctx.db
        .select({
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
          custodianName: custodian.displayName,
          locationRoom: archiveItems.locationRoom,
          locationCabinet: archiveItems.locationCabinet,
          locationShelf: archiveItems.locationShelf,
          version: archiveItems.version,
        })
        .from(archiveItems)
        .leftJoin(custodian, eq(custodian.id, archiveItems.custodianId))
        .where(where)
        .orderBy(asc(archiveItems.referenceCode))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ total: count() }).from(archiveItems).where(where),
    ]);
    return { items, total: counted?.total ?? 0 };
  }),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await itemAccess(ctx, input.id, 'catalogue');
    const custodian = alias(users, 'custodian');
    const [item] = await ctx.db
      .select({ item: archiveItems, custodianName: custodian.displayName })
      .from(archiveItems)
      .leftJoin(custodian, eq(custodian.id, archiveItems.custodianId))
      .where(eq(archiveItems.id, input.id));
    const [loans, files, destruction] = await Promise.all([
      ctx.db
        .select()
        .from(archiveLoans)
        .where(eq(archiveLoans.itemId, input.id))
        .orderBy(desc(archiveLoans.lentOn)),
      ctx.db
        .select()
        .from(attachments)
        .where(eq(attachments.itemId, input.id))
        .orderBy(asc(attachments.uploadedAt)),
      ctx.db.select().from(archiveDestructions).where(eq(archiveDestructions.itemId, input.id)),
    ]);
    return {
      ...item?.item,
      custodianName: item?.custodianName ?? null,
      loans,
      attachments: files,
      destruction: destruction[0] ?? null,
    };
  }),

  create: writerProcedure.input(createArchiveInput).mutation(async ({ ctx, input }) => {
    const standing = await access(ctx, input.community, 'keep');
    // Assigning a custodian is the administrators' part; a custodian files items into their own keeping.
    if (!standing.admin && input.custodianId !== ctx.principal.id) {
      throw forbidden('只有上级管理员可以指定其他保管人；保管人只能登记由自己保管的档案');
    }
    const { community, ...rest } = input;
    return attempt(() => createArchiveItem(ctx.db, actingAs(ctx), { communityCode: community, ...rest }));
  }),

  update: writerProcedure.input(updateArchiveInput).mutation(async ({ ctx, input }) => {
    await itemAccess(ctx, input.id, 'keep');
    return attempt(() => updateArchiveItem(ctx.db, actingAs(ctx), input));
  }),

  lend: writerProcedure
    .input(
      z.strictObject({
        id,
        borrower: text('借阅人', 100),
        borrowerId: id.optional(),
        purpose: text('借阅事由', 200).optional(),
        lentOn: isoDate.optional(),
        dueOn: isoDate,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      // Checked here as well as by the package, so the console shows it on 应还日期 rather than above the form.
      const today = chinaDate(ctx.settings.now());
      const lentOn = input.lentOn ?? today;
      if (lentOn > today) throw fieldError('BAD_REQUEST', 'lentOn', '借出日期不能晚于今天');
      if (input.dueOn < today)
        throw fieldError('BAD_REQUEST', 'dueOn', `应还日期 ${input.dueOn} 已过，不能早于今天`);
      if (input.dueOn <= lentOn) throw fieldError('BAD_REQUEST', 'dueOn', '应还日期须晚于借出日期');
      const { id: itemId, ...rest } = input;
      return attempt(() => lendArchiveItem(ctx.db, actingAs(ctx), { itemId, ...rest }));
    }),

  return: writerProcedure
    .input(z.strictObject({ id, returnedOn: isoDate.optional() }))
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      return attempt(() =>
        returnArchiveItem(ctx.db, actingAs(ctx), { itemId: input.id, returnedOn: input.returnedOn }),
      );
    }),

  /** A community's lending register (借阅登记), open loans due soonest first, then the rest newest first. */
  loans: authedProcedure.input(listLoansInput).query(async ({ ctx, input }) => {
    await access(ctx, input.communityCode, 'catalogue');
    const [items, [counted]] = await Promise.all([
      loanRows(ctx.db, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
      ctx.db.select({ total: count() }).from(archiveLoans).where(loanFilter(input)),
    ]);
    return { items, total: counted?.total ?? 0 };
  }),

  /** Loans past due in the principal's scope (or under `under`), most overdue first: the dashboard's list. */
  overdueLoans: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional(), limit: z.int().min(1).max(500).default(100) }))
    .query(async ({ ctx, input }) => {
      await requireOwnCommunityAccess(ctx.db, ctx.principal, 'catalogue');
      return overdueLoanRows(
        ctx.db,
        underNode(ctx.principal, archiveLoans, input.under),
        chinaDate(ctx.settings.now()),
        input.limit,
      );
    }),

  appraiseForDestruction: writerProcedure
    .input(
      z.strictObject({
        id,
        decisionNumber: text('鉴定结论文号', 100),
        decidedOn: isoDate,
        opinion: text('鉴定意见', 1000),
        approvedBy: z.array(id).min(1, { error: '须有保管人以外的批准人' }).max(10),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      const { id: itemId, ...rest } = input;
      return attempt(() => appraiseForDestruction(ctx.db, actingAs(ctx), { itemId, ...rest }));
    }),

  /**
   * 鉴定 of an expired item, either way: `destroy` records the decision the custodian then carries out
   * (as `appraiseForDestruction`); `retain` extends the retention to a longer `retention` (延长保管期限).
   */
  appraise: writerProcedure
    .input(
      z
        .strictObject({
          id,
          decision: z.enum(['destroy', 'retain'], { error: '鉴定结论应为销毁或延长保管期限' }),
          retention: z.enum(retentionPeriods, { error: '保管期限应为永久、定期30年或定期10年' }).optional(),
          decisionNumber: text('鉴定结论文号', 100),
          decidedOn: isoDate,
          opinion: text('鉴定意见', 1000),
          approvedBy: z.array(id).min(1, { error: '须有保管人以外的批准人' }).max(10),
        })
        .superRefine((input, context) => {
          if (input.decision === 'retain' && !input.retention) {
            context.addIssue({
              code: 'custom',
              path: ['retention'],
              message: '延长保管期限须选择新的保管期限',
            });
          }
          if (input.decision === 'destroy' && input.retention) {
            context.addIssue({ code: 'custom', path: ['retention'], message: '鉴定销毁不改变保管期限' });
          }
        }),
    )
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      const { id: itemId, decision, retention, ...rest } = input;
      return attempt(() =>
        appraiseArchiveItem(
          ctx.db,
          actingAs(ctx),
          decision === 'retain' && retention
            ? { decision, retention, itemId, ...rest }
            : { decision: 'destroy', itemId, ...rest },
        ),
      );
    }),

  destroy: writerProcedure
    .input(z.strictObject({ id, method: text('销毁方式', 200), destroyedOn: isoDate.optional() }))
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      return attempt(() =>
        destroyArchiveItem(ctx.db, actingAs(ctx), {
          itemId: input.id,
          method: input.method,
          destroyedOn: input.destroyedOn,
        }),
      );
    }),

  /** The permanent destruction list (销毁清册) of a community. */
  destructions: authedProcedure
    .input(z.strictObject({ community: communityCode, ...paging }))
    .query(async ({ ctx, input }) => {
      await access(ctx, input.community, 'catalogue');
      return destructionRows(ctx.db, input.community, input.after, input.limit);
    }),

  /** Small files (≤700 KiB) as Base64 in JSON; the console uploads through `POST /api/archives/items/:id/attachments`. */
  attach: writerProcedure
    .input(
      z.strictObject({
        id,
        fileName: attachmentFileName,
        mediaType: attachmentMediaType,
        contentBase64: z
          .base64({ error: '文件内容应为 Base64 编码' })
          .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, {
            error: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024} KB`,
          }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      const bytes = Buffer.from(input.contentBase64, 'base64');
      return attempt(async () =>
        attachFile(ctx.db, actingAs(ctx), {
          itemId: input.id,
          fileName: input.fileName,
          mediaType: input.mediaType,
          blob: await stageBlob(blobStore(), [bytes]),
        }),
      );
    }),

  fixityCheck: writerProcedure
    .input(z.strictObject({ attachmentId: id }))
    .mutation(async ({ ctx, input }) => {
      await attachmentAccess(ctx, input.attachmentId, 'keep');
      return attempt(() => checkFixity(ctx.db, actingAs(ctx), blobStore(), input));
    }),

  fixityHistory: authedProcedure.input(z.strictObject({ attachmentId: id })).query(async ({ ctx, input }) => {
    await attachmentAccess(ctx, input.attachmentId, 'catalogue');
    return ctx.db
      .select()
      .from(fixityChecks)
      .where(eq(fixityChecks.attachmentId, input.attachmentId))
      .orderBy(desc(fixityChecks.checkedAt));
  }),

  /** Accounts the forms offer: the community's workers, and the town's people (handover supervisors). */
  people: authedProcedure
    .input(z.strictObject({ community: communityCode }))
    .query(async ({ ctx, input }) => {
      await access(ctx, input.community, 'catalogue');
      return ctx.db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          jurisdictionCode: users.jurisdictionCode,
        })
        .from(users)
        .where(
          and(
            or(
              eq(users.jurisdictionCode, input.community),
              eq(users.jurisdictionCode, input.community.slice(0, 9)),
            ),
            isNull(users.disabledAt),
          ),
        )
        .orderBy(asc(users.jurisdictionCode), asc(users.username));
    }),
});
