/**
 * Archives (档案): catalogue, lending, appraisal and destruction, attachments and fixity checks
 * (鄂州 第三十九条). Only the community's custodians, administrators above it and auditors
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
  archiveCatalogue,
  archiveItemDetail,
  archiveItems,
  archiveLoans,
  attachFile,
  attachments,
  checkFixity,
  chinaDate,
  createArchiveItem,
  destroyArchiveItem,
  destructionRows,
  fixityHistory,
  lendArchiveItem,
  lendingRegister,
  overdueLoanRows,
  peopleToName,
  returnArchiveItem,
  stageBlob,
  updateArchiveItem,
} from '@shequ/db';
import { boundedInt, communityCode, divisionCode, isoDate, safeMultilineText } from '@shequ/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { blobStore } from '../archives/blob-store.js';
import { id, text } from '../archives/inputs.js';
import { attempt, communityOfRow, paging, underNode } from '../archives/shared.js';
import {
  type ArchivesNeed,
  CANNOT_KEEP_ITEM,
  requireArchivesAccess,
  requireOwnCommunityAccess,
} from '../auth/archives-access.js';
import type { Principal } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { fieldError, forbidden } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';

/**
 * tRPC requests are JSON under Fastify's 1 MiB body limit, and Base64 adds a third: 700 KiB of file
 * is what fits `archives.attach`. Scans, photos and video go through the streaming upload route
 * (`../archives/upload.ts`).
 */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;

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
    const { page, pageSize, ...filter } = input;
    return archiveCatalogue(ctx.db, filter, chinaDate(ctx.settings.now()), {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
  }),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await itemAccess(ctx, input.id, 'catalogue');
    return archiveItemDetail(ctx.db, input.id);
  }),

  create: writerProcedure
    .meta({ leavesSessions: true })
    .input(createArchiveInput)
    .mutation(async ({ ctx, input }) => {
      const standing = await access(ctx, input.community, 'keep');
      // Assigning a custodian is the administrators' part; a custodian files items into their own keeping.
      if (!standing.admin && input.custodianId !== ctx.principal.id) {
        throw forbidden('只有上级管理员可以指定其他保管人；保管人只能登记由自己保管的档案');
      }
      const { community, ...rest } = input;
      return attempt(() => createArchiveItem(ctx.db, auditedAs(ctx), { communityCode: community, ...rest }));
    }),

  update: writerProcedure.input(updateArchiveInput).mutation(async ({ ctx, input }) => {
    await itemAccess(ctx, input.id, 'keep');
    return attempt(() => updateArchiveItem(ctx.db, auditedAs(ctx), input));
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
      return attempt(() => lendArchiveItem(ctx.db, auditedAs(ctx), { itemId, ...rest }));
    }),

  return: writerProcedure
    .input(z.strictObject({ id, returnedOn: isoDate.optional() }))
    .mutation(async ({ ctx, input }) => {
      await itemAccess(ctx, input.id, 'keep');
      return attempt(() =>
        returnArchiveItem(ctx.db, auditedAs(ctx), { itemId: input.id, returnedOn: input.returnedOn }),
      );
    }),

  /** A community's lending register (借阅登记), open loans due soonest first, then the rest newest first. */
  loans: authedProcedure.input(listLoansInput).query(async ({ ctx, input }) => {
    await access(ctx, input.communityCode, 'catalogue');
    return lendingRegister(ctx.db, input, {
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    });
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
      return attempt(() => appraiseForDestruction(ctx.db, auditedAs(ctx), { itemId, ...rest }));
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
          auditedAs(ctx),
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
        destroyArchiveItem(ctx.db, auditedAs(ctx), {
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
        attachFile(ctx.db, auditedAs(ctx), {
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
      return attempt(() => checkFixity(ctx.db, auditedAs(ctx), blobStore(), input));
    }),

  fixityHistory: authedProcedure.input(z.strictObject({ attachmentId: id })).query(async ({ ctx, input }) => {
    await attachmentAccess(ctx, input.attachmentId, 'catalogue');
    return fixityHistory(ctx.db, input.attachmentId);
  }),

  /** Accounts the forms offer: the community's workers, and the town's people (handover supervisors). */
  people: authedProcedure
    .input(z.strictObject({ community: communityCode }))
    .query(async ({ ctx, input }) => {
      await access(ctx, input.community, 'catalogue');
      return peopleToName(ctx.db, input.community);
    }),
});
