/**
 * Login throttling per username + client address, kept in `login_attempts` so a restart does not reset it.
 * Unknown usernames are counted exactly like known ones: the lock never tells an attacker which exist.
 */
import { type Database, loginAttempts } from '@shequ/db';
import { eq, sql } from 'drizzle-orm';

export interface ThrottlePolicy {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  /** How long the key stays locked after the last allowed failure. */
  lockMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export function attemptKey(username: string, ip: string): string {
  // The address goes first: it never contains a space, so no username can forge another pair's key.
  return `${ip} ${username.trim().toLowerCase()}`;
}

/** When the key's lock ends, or null when it may try now. */
export async function lockedUntil(db: Database, key: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(eq(loginAttempts.key, key))
    .limit(1);
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure in a single atomic upsert (two concurrent guesses cannot both read "4 failures");
 * returns when the key is now locked until, or null.
 */
export async function recordFailure(
  db: Database,
  key: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<Date | null> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const lockEnd = new Date(now.getTime() + policy.lockMs).toISOString();
  const windowExpired = sql`${loginAttempts.windowStartedAt} <= ${windowStart}::timestamptz`;
  const failuresAfter = sql`case when ${windowExpired} then 1 else ${loginAttempts.failures} + 1 end`;
  const [row] = await db
    .insert(loginAttempts)
    .values({
      key,
      failures: 1,
      windowStartedAt: now,
      lockedUntil: policy.maxFailures <= 1 ? new Date(lockEnd) : null,
    })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: failuresAfter,
        windowStartedAt: sql`case when ${windowExpired} then ${nowIso}::timestamptz else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${failuresAfter} >= ${policy.maxFailures} then ${lockEnd}::timestamptz else null end`,
      },
    })
    .returning({ lockedUntil: loginAttempts.lockedUntil });
  return row?.lockedUntil ?? null;
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "登录失败次数过多，请于11月3日 14:05（约15分钟后）再试" */
export function lockoutMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，账号在本设备上已暂时锁定，请于${clock.format(until)}（约${minutes}分钟后）再试`;
}
