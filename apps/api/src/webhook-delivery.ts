/**
 * Drains the webhook outbox in the server process (本系统规则 R-HOOK-1): every `intervalMs` (5 s by
 * default) the due deliveries are POSTed, signed, to their jurisdiction's endpoint; a non-2xx answer,
 * a timeout or a refused connection is recorded and tried again after `webhookRetryDelayMs`, until
 * `WEBHOOK_MAX_ATTEMPTS`. Each connection goes only to an address R-HOOK-2 allows, checked as it is
 * resolved (`postWebhook`). The user's action never waits for this: the notice and its outbox row were
 * committed together, and delivery happens afterwards. Runs never overlap; the timer does not keep
 * the process alive.
 *
 * Signature: `X-Shequ-Timestamp` is the attempt's time in Unix seconds, `X-Shequ-Signature` is
 * `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the jurisdiction's secret
 * (docs/interfaces.md, "Outbound webhooks").
 */
import { createHmac } from 'node:crypto';
import { type Database, dueWebhookDeliveries, recordWebhookAttempt } from '@shequ/db';
import {
  publicNetworkOnly,
  WEBHOOK_MAX_ATTEMPTS,
  type WebhookNetworkPolicy,
  webhookRetryDelayMs,
} from '@shequ/domain';
import { postWebhook } from './webhook-target.js';

const BATCH = 20;

/** The headers that sign `body` at `timestamp` (Unix seconds) with `secret`. */
export function webhookSignatureHeaders(
  secret: string,
  timestamp: string,
  body: string,
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'X-Shequ-Timestamp': timestamp, 'X-Shequ-Signature': `sha256=${signature}` };
}

export interface WebhookDelivery {
  /** One pass over the due deliveries (what the timer does): how many were delivered and failed. */
  runOnce(): Promise<{ delivered: number; failed: number }>;
  stop(): void;
}

export function startWebhookDelivery(
  db: Database,
  options: {
    intervalMs?: number;
    timeoutMs?: number;
    now?: () => Date;
    log?: (message: string) => void;
    /** Which addresses a delivery may connect to (R-HOOK-2); public ones only by default. */
    policy?: WebhookNetworkPolicy;
  } = {},
): WebhookDelivery {
  const policy = options.policy ?? publicNetworkOnly;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = options.log ?? ((message: string) => console.log(message));
  let running: Promise<{ delivered: number; failed: number }> | undefined;

  const attempt = async (delivery: Awaited<ReturnType<typeof dueWebhookDeliveries>>[number]) => {
    const at = now();
    const body = JSON.stringify(delivery.payload);
    const timestamp = String(Math.floor(at.getTime() / 1000));
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await postWebhook(
        delivery.url,
        { 'Content-Type': 'application/json', ...webhookSignatureHeaders(delivery.secret, timestamp, body) },
        body,
        { policy, timeoutMs },
      );
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : 'error';
    }
    const ok = error === null;
    const attempts = delivery.attempts + 1;
    const retryAt =
      ok || attempts >= WEBHOOK_MAX_ATTEMPTS ? null : new Date(at.getTime() + webhookRetryDelayMs(attempts));
    await recordWebhookAttempt(db, delivery.id, { at, ok, statusCode, error, retryAt });
    return ok;
  };

  const runOnce = () => {
    running ??= (async () => {
      try {
        let delivered = 0;
        let failed = 0;
        for (const delivery of await dueWebhookDeliveries(db, now(), BATCH)) {
          if (await attempt(delivery)) delivered += 1;
          else failed += 1;
        }
        if (failed > 0) log(`消息推送：${delivered} 条送达，${failed} 条失败，稍后重试`);
        return { delivered, failed };
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) =>
      log(`消息推送出错：${error instanceof Error ? error.message : String(error)}`),
    );
  }, options.intervalMs ?? 5_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
