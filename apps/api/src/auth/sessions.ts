/**
 * Server-side sessions. The cookie holds a random 256-bit token; the database holds only its SHA-256, so a
 * leaked database (or backup) does not hand out live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type Database, sessions, users } from '@shequ/db';
import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { AppRole } from './roles.js';
import type { Principal } from './scope.js';

export const SESSION_COOKIE = 'shequ_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  id: string;
  expiresAt: Date;
}

export async function createSession(
  db: Database,
  input: { userId: string; now: Date; ttlMs: number; ip: string; userAgent: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await db.insert(sessions).values({
    id,
    userId: input.userId,
    createdAt: input.now,
    expiresAt,
    lastSeenAt: input.now,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 500),
  });
  return { token, id, expiresAt };
}

/** The signed-in account for a cookie token, or null when the session is unknown, expired or the account disabled. */
/** A session unused this long ends, whatever its 12-hour limit says (a console left open on a shared desk). */
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;

/**
 * The session lookup every signed-in request makes, built once per database handle and prepared on
 * the server (a named statement), so a request neither rebuilds its SQL nor has it planned again.
 */
function sessionLookupFor(db: Database) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      jurisdictionCode: users.jurisdictionCode,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        // Seen within the idle limit; `lastSeenAt` moves at most once a minute, so the limit is met to the minute.
        gt(sessions.lastSeenAt, sql.placeholder('seenAfter')),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare('shequ_session_lookup');
}
const sessionLookups = new WeakMap<Database, ReturnType<typeof sessionLookupFor>>();

export async function principalForToken(
  db: Database,
  token: string,
  now: Date,
  idleMs: number = DEFAULT_SESSION_IDLE_MS,
): Promise<{ principal: Principal; sessionId: string } | null> {
  const id = hashToken(token);
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = sessionLookupFor(db);
    sessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ id, now, seenAfter: new Date(now.getTime() - idleMs) });
  if (!row) return null;
  // Touch at most once a minute: a write per request would serialise PGlite for nothing.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const { lastSeenAt: _seen, ...principal } = row;
  return { principal: { ...principal, role: principal.role as AppRole }, sessionId: id };
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of an account (password reset, disabling), optionally keeping the caller's own. */
export async function deleteSessionsOfUser(
  db: Database,
  userId: string,
  keepSessionId?: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
}

/** Sessions past their limit or idle too long: removed on a schedule (they already sign nobody in). */
export async function deleteExpiredSessions(
  db: Database,
  now: Date,
  idleMs: number = DEFAULT_SESSION_IDLE_MS,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))))
    .returning({ id: sessions.id });
  return deleted.length;
}
