/**
 * Login throttling, kept in `login_attempts` so a restart does not reset it. Each attempt is counted
 * against two keys: the account (whatever address guesses it) and the client address (whatever accounts it
 * guesses). The attempt is counted *before* the password is verified, in one statement that returns the
 * new counts, so however many guesses arrive at once at most `maxFailures` per window are ever verified per
 * account and per address (check-then-verify-then-record let 199 of 200 concurrent guesses through).
 * A successful sign-in gives its slot back. Unknown usernames are counted exactly like known ones: the lock
 * never tells an attacker which exist.
 */
import { type Database, loginAttempts } from '@shequ/db';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';

export interface ThrottlePolicy {
  /** Attempts within `windowMs` that lock the key; no attempt beyond them is verified. */
  maxFailures: number;
  windowMs: number;
  /** How long the key stays locked after the last allowed attempt. */
  lockMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** The keys an attempt counts against: the account and the client address. */
export function attemptKeys(username: string, ip: string): string[] {
  // Distinct prefixes: no username can name an address's key, nor the other way round.
  return [`account ${username.trim().toLowerCase()}`, `address ${ip}`];
}

export type Reservation =
  /** Verify the password now; report the outcome with `recordFailure` or `releaseAttempt`. */
  | { verify: true }
  /** Do not verify: locked until `lockedUntil`, or (null) too many attempts in flight — retry shortly. */
  | { verify: false; lockedUntil: Date | null };

/**
 * Counts one attempt against every key, atomically, before any verification. The count is the window's
 * failed verifications plus the verifications in flight, so whatever arrives at once, no more than
 * `maxFailures` are verified per key and window. Refused attempts are not verified and give their count
 * back at once.
 */
export async function reserveAttempt(
  db: Database,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy,
): Promise<Reservation> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const locked = sql`coalesce(${loginAttempts.lockedUntil} > ${nowIso}::timestamptz, false)`;
  // A key starts a new window when its window has passed or its lock has ended (and it is not locked).
  const fresh = sql`(not ${locked} and (${loginAttempts.windowStartedAt} <= ${windowStart}::timestamptz or ${loginAttempts.lockedUntil} is not null))`;
  const rows = await db
    .insert(loginAttempts)
    .values(keys.map((key) => ({ key, failures: 1, windowStartedAt: now, lockedUntil: null })))
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${fresh} then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${nowIso}::timestamptz else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${locked} then ${loginAttempts.lockedUntil} else null end`,
      },
    })
    .returning({ failures: loginAttempts.failures, lockedUntil: loginAttempts.lockedUntil });
  const lock = latestLock(rows);
  const isLocked = lock !== null && lock > now;
  if (!isLocked && rows.every((row) => row.failures <= policy.maxFailures)) return { verify: true };
  await giveBack(db, keys);
  return { verify: false, lockedUntil: isLocked ? lock : null };
}

/**
 * A verified wrong password: its count stays; keys that reached the limit are locked for `lockMs`.
 * Returns until when the attempt's keys are now locked, or null.
 */
export async function recordFailure(
  db: Database,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy,
): Promise<Date | null> {
  const lockEnd = new Date(now.getTime() + policy.lockMs).toISOString();
  const rows: { lockedUntil: Date | null }[] = [];
  // One key per statement, in the order reserved: no statement waits for one row while holding another.
  for (const key of keys) {
    rows.push(
      ...(await db
        .update(loginAttempts)
        .set({
          lockedUntil: sql`case when ${loginAttempts.failures} >= ${policy.maxFailures} then greatest(coalesce(${loginAttempts.lockedUntil}, ${lockEnd}::timestamptz), ${lockEnd}::timestamptz) else ${loginAttempts.lockedUntil} end`,
        })
        .where(eq(loginAttempts.key, key))
        .returning({ lockedUntil: loginAttempts.lockedUntil })),
    );
  }
  const lock = latestLock(rows);
  return lock && lock > now ? lock : null;
}

/**
 * A verified sign-in gives its count back on every key (an office behind one address is not locked out
 * by its own sign-ins); keys back at zero are removed.
 */
export async function releaseAttempt(db: Database, keys: string[], policy: ThrottlePolicy): Promise<void> {
  for (const key of keys) {
    // A failure that finished while this sign-in was being checked counted it as a failure and may have
    // locked the key: below the limit without it, the lock goes.
    await db
      .update(loginAttempts)
      .set({
        failures: sql`greatest(${loginAttempts.failures} - 1, 0)`,
        lockedUntil: sql`case when ${loginAttempts.failures} - 1 >= ${policy.maxFailures} then ${loginAttempts.lockedUntil} else null end`,
      })
      .where(eq(loginAttempts.key, key));
    await db
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.key, key), sql`${loginAttempts.failures} <= 0`));
  }
}

/** One key per statement, in the order reserved (see `recordFailure`). */
async function giveBack(db: Database, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db
      .update(loginAttempts)
      .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
      .where(eq(loginAttempts.key, key));
  }
}

/** Rows whose window and lock have both passed count for nothing: removed on a schedule. */
export async function deleteStaleAttempts(db: Database, now: Date, policy: ThrottlePolicy): Promise<number> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const deleted = await db
    .delete(loginAttempts)
    .where(
      and(
        lt(loginAttempts.windowStartedAt, windowStart),
        or(isNull(loginAttempts.lockedUntil), lt(loginAttempts.lockedUntil, now)),
      ),
    )
    .returning({ key: loginAttempts.key });
  return deleted.length;
}

function latestLock(rows: { lockedUntil: Date | null }[]): Date | null {
  let latest: Date | null = null;
  for (const row of rows)
    if (row.lockedUntil && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  return latest;
}

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** While other attempts for the same account or address are being checked. */
export const BUSY_MESSAGE = '登录尝试过于频繁，请稍后再试';

/** "登录失败次数过多，已暂时锁定，请于11月3日 14:05（约15分钟后）再试" */
export function lockoutMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，已暂时锁定，请于${clock.format(until)}（约${minutes}分钟后）再试`;
}
