/**
 * 消息推送 (本系统规则 R-HOOK-1): a jurisdiction's outbound webhook, set by its administrators or those
 * above. `get` shows the URL and the recent deliveries, never the secret; `set` returns the secret only
 * when it generated one. The rules are `@shequ/domain`'s; the store writes and audits.
 */
import { recentWebhookDeliveries, removeWebhook, setWebhook, webhookOf } from '@shequ/db';
import { webhookConfigRefusal } from '@shequ/domain';
import { z } from 'zod';
import { auditedAs } from '../context.js';
import { fieldError, forbidden } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { webhookTargetProblem } from '../webhook-target.js';

const RECENT_DELIVERIES = 20;

const jurisdictionCode = z
  .string()
  .regex(/^(000000|\d{6}|\d{9}|\d{12})$/, { error: '行政区划代码应为6位、9位或12位数字' });

export const webhookGetInput = z.strictObject({
  /** The principal's own node when absent. */
  jurisdictionCode: jurisdictionCode.optional(),
});

export const webhookSetInput = z.strictObject({
  jurisdictionCode,
  url: z
    .string({ error: '推送地址必填' })
    .trim()
    .min(1, { error: '推送地址必填' })
    .max(2000, { error: '推送地址过长' })
    // The scheme and the address are the deployment's to judge (R-HOOK-2): checked in the procedure.
    .refine((url) => URL.canParse(url), { error: '推送地址应为完整的网址，如 https://example.cn/hook' }),
  /** Replace the signing secret (a new one is always generated the first time). */
  newSecret: z.boolean().optional(),
});

export const webhookRemoveInput = z.strictObject({ jurisdictionCode });

function requireWebhookAdmin(principal: Parameters<typeof webhookConfigRefusal>[0], code: string): void {
  const refusal = webhookConfigRefusal(principal, code);
  if (refusal) throw forbidden(refusal);
}

export const webhooksRouter = router({
  get: authedProcedure.input(webhookGetInput).query(async ({ ctx, input }) => {
    const code = input.jurisdictionCode ?? ctx.principal.jurisdictionCode;
    requireWebhookAdmin(ctx.principal, code);
    const [hook, deliveries] = await Promise.all([
      webhookOf(ctx.db, code),
      recentWebhookDeliveries(ctx.db, code, RECENT_DELIVERIES),
    ]);
    return {
      jurisdictionCode: code,
      url: hook?.url ?? null,
      updatedAt: hook?.updatedAt.toISOString() ?? null,
      deliveries: deliveries.map((d) => ({
        id: d.id,
        noticeId: d.noticeId,
        title: (d.payload as { title?: string }).title ?? '',
        status: d.status,
        attempts: d.attempts,
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      })),
    };
  }),

  /** Sets the URL; `secret` is the new signing secret, shown this once, or null when the old one stays. */
  set: writerProcedure.input(webhookSetInput).mutation(async ({ ctx, input }) => {
    requireWebhookAdmin(ctx.principal, input.jurisdictionCode);
    const problem = await webhookTargetProblem(input.url, ctx.settings.webhookPolicy);
    if (problem) throw fieldError('BAD_REQUEST', 'url', problem);
    const saved = await setWebhook(ctx.db, auditedAs(ctx), {
      jurisdictionCode: input.jurisdictionCode,
      url: input.url,
      newSecret: input.newSecret ?? false,
    });
    if (!saved) throw fieldError('BAD_REQUEST', 'jurisdictionCode', '没有这个辖区');
    return saved;
  }),

  remove: writerProcedure.input(webhookRemoveInput).mutation(async ({ ctx, input }) => {
    requireWebhookAdmin(ctx.principal, input.jurisdictionCode);
    return {
      removed: await removeWebhook(ctx.db, auditedAs(ctx), input.jurisdictionCode),
    };
  }),
});
