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
import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';

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
  /** Verify the password; should it be wrong, the keys are locked until `lockedIfWrong` (null: not yet). */
  | { verify: true; lockedIfWrong: Date | null }
  /** Do not verify: locked until then. */
  | { verify: false; lockedUntil: Date };

/**
 * Counts one attempt against every key, atomically, before any verification. `verify: false` (with when the
 * lock ends) when any key is already past the limit: the password must then not be checked at all.
 */
export async function reserveAttempt(
  db: Database,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy,
): Promise<Reservation> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const lockEnd = new Date(now.getTime() + policy.lockMs);
  const lockEndIso = lockEnd.toISOString();
  const locked = sql`coalesce(${loginAttempts.lockedUntil} > ${nowIso}::timestamptz, false)`;
  // A key starts a new window when its window has passed or its lock has ended (and it is not locked).
  const fresh = sql`(not ${locked} and (${loginAttempts.windowStartedAt} <= ${windowStart}::timestamptz or coalesce(${loginAttempts.lockedUntil} <= ${nowIso}::timestamptz, false)))`;
  const attemptsAfter = sql`(case when ${fresh} then 1 else ${loginAttempts.failures} + 1 end)`;
  const rows = await db
    .insert(loginAttempts)
    .values(
      keys.map((key) => ({
        key,
        failures: 1,
        windowStartedAt: now,
        lockedUntil: policy.maxFailures <= 1 ? lockEnd : null,
      })),
    )
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: attemptsAfter,
        windowStartedAt: sql`case when ${fresh} then ${nowIso}::timestamptz else ${loginAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when ${locked} then ${loginAttempts.lockedUntil} when ${attemptsAfter} >= ${policy.maxFailures} then ${lockEndIso}::timestamptz else null end`,
      },
    })
    .returning({ failures: loginAttempts.failures, lockedUntil: loginAttempts.lockedUntil });
  const lock = latestLock(rows);
  if (rows.every((row) => row.failures <= policy.maxFailures))
    return { verify: true, lockedIfWrong: lock && lock > now ? lock : null };
  return { verify: false, lockedUntil: lock ?? lockEnd };
}

/**
 * A verified sign-in gives its slot back on every key (an office behind one address is not locked out by
 * its own successful sign-ins) and unlocks a key the slot had locked; keys back at zero are removed.
 */
export async function releaseAttempt(db: Database, keys: string[], policy: ThrottlePolicy): Promise<void> {
  await db
    .update(loginAttempts)
    .set({
      failures: sql`greatest(${loginAttempts.failures} - 1, 0)`,
      lockedUntil: sql`case when ${loginAttempts.failures} - 1 >= ${policy.maxFailures} then ${loginAttempts.lockedUntil} else null end`,
    })
    .where(inArray(loginAttempts.key, keys));
  await db
    .delete(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), sql`${loginAttempts.failures} = 0`));
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

/** "登录失败次数过多，账号已暂时锁定，请于11月3日 14:05（约15分钟后）再试" */
export function lockoutMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，已暂时锁定，请于${clock.format(until)}（约${minutes}分钟后）再试`;
}
