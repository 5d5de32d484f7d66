/**
 * The signed-in person's notices (the bell in the console's header): a page of them, the unread
 * count, and marking read (audited as `notice.read`). Each person sees and marks only their own; the store functions that make
 * something wait for a person write the notices (`notify` in `@shequ/db`).
 */
import { markNoticesRead, noticesOf, unreadNoticeCount } from '@shequ/db';
import { z } from 'zod';
import { auditedAs } from '../context.js';
import { authedProcedure, router } from '../trpc.js';

const PAGE_SIZE = 20;

export const noticesInput = z.strictObject({
  /** The last id of the previous page; the newest page when absent. */
  before: z.number().int().positive().optional(),
  unreadOnly: z.boolean().optional(),
});

export const markReadInput = z.strictObject({
  /** The notices to mark; every unread notice of the person when absent. */
  ids: z.array(z.number().int().positive()).min(1).max(100).optional(),
});

export const notificationsRouter = router({
  list: authedProcedure.input(noticesInput).query(async ({ ctx, input }) => {
    const rows = await noticesOf(ctx.db, ctx.principal.id, {
      limit: PAGE_SIZE + 1,
      before: input.before,
      unreadOnly: input.unreadOnly,
    });
    const items = rows.slice(0, PAGE_SIZE).map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    }));
    return { items, nextBefore: rows.length > PAGE_SIZE ? (items.at(-1)?.id ?? null) : null };
  }),
  unreadCount: authedProcedure.query(({ ctx }) => unreadNoticeCount(ctx.db, ctx.principal.id)),
  markRead: authedProcedure.input(markReadInput).mutation(async ({ ctx, input }) => ({
    marked: await markNoticesRead(ctx.db, { ...auditedAs(ctx), actor: ctx.principal }, input.ids),
  })),
});
