/**
 * A fixed-window request limit per client address, kept in this process's memory: the public
 * feedback link needs no sign-in, so without a limit anyone could try tokens or flood the form. A
 * refusal is tRPC's TOO_MANY_REQUESTS (HTTP 429) with a zh-CN message. Several API processes each
 * keep their own count, which only makes the limit looser by that factor — acceptable for a
 * deterrent; the token itself (32 random bytes) is what keeps answers to their case.
 */
import { TRPCError } from '@trpc/server';

export interface RateLimitPolicy {
  /** Requests allowed per address in each window. */
  max: number;
  windowMs: number;
}

/** 30 requests a minute: a resident opening and answering the page a few times is far below it. */
export const defaultFeedbackRateLimit: RateLimitPolicy = { max: 30, windowMs: 60_000 };

/** `SHEQU_FEEDBACK_RATE_LIMIT` as `<max>/<seconds>` (e.g. `30/60`), else the default. */
export function parseRateLimit(value: string | undefined): RateLimitPolicy {
  const match = value?.trim().match(/^(\d{1,6})\/(\d{1,6})$/);
  if (!match) return defaultFeedbackRateLimit;
  const max = Number(match[1]);
  const seconds = Number(match[2]);
  if (max < 1 || seconds < 1) return defaultFeedbackRateLimit;
  return { max, windowMs: seconds * 1000 };
}

/** Most addresses remembered; beyond it the expired windows are dropped first. */
const MAX_KEYS = 50_000;

export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(readonly policy: RateLimitPolicy) {}

  /** Counts a request; throws 429 when the address has used up its window. */
  hit(key: string, now: Date): void {
    const at = now.getTime();
    const current = this.windows.get(key);
    if (!current || at - current.startedAt >= this.policy.windowMs) {
      if (this.windows.size >= MAX_KEYS) this.prune(at);
      this.windows.set(key, { startedAt: at, count: 1 });
      return;
    }
    current.count++;
    if (current.count > this.policy.max) {
      const seconds = Math.ceil((current.startedAt + this.policy.windowMs - at) / 1000);
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `请求过于频繁，请 ${seconds} 秒后再试`,
      });
    }
  }

  private prune(at: number): void {
    for (const [key, w] of this.windows)
      if (at - w.startedAt >= this.policy.windowMs) this.windows.delete(key);
    // Still full: forget the oldest windows (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break;
      this.windows.delete(key);
    }
  }
}
