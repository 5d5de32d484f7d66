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
      expiresAt: sessions.expiresAt,
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

export interface FoundSession {
  principal: Principal;
  sessionId: string;
}

export async function principalForToken(
  db: Database,
  token: string,
  now: Date,
  idleMs: number = DEFAULT_SESSION_IDLE_MS,
): Promise<FoundSession | null> {
  const found = await lookUpSession(db, hashToken(token), now, idleMs);
  return found && { principal: found.principal, sessionId: found.sessionId };
}

async function lookUpSession(
  db: Database,
  id: string,
  now: Date,
  idleMs: number,
): Promise<(FoundSession & { expiresAt: Date; lastSeenAt: Date }) | null> {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = sessionLookupFor(db);
    sessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ id, now, seenAfter: new Date(now.getTime() - idleMs) });
  if (!row) return null;
  let lastSeenAt = row.lastSeenAt;
  // Touch at most once a minute: a write per request would serialise PGlite for nothing.
  if (now.getTime() - lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    lastSeenAt = now;
  }
  const { lastSeenAt: _seen, expiresAt, ...principal } = row;
  return {
    principal: { ...principal, role: principal.role as AppRole },
    sessionId: id,
    expiresAt,
    lastSeenAt,
  };
}

/** How long this process may answer a session from memory (`SessionCache`). */
export const SESSION_CACHE_MS = 2_000;
const SESSION_CACHE_SIZE = 10_000;

interface CachedSession {
  found: FoundSession;
  expiresAt: number;
  lastSeenAt: number;
  /** The server clock when looked up (tests move it) and the monotonic clock, which nobody moves. */
  cachedAt: number;
  cachedAtMonotonic: number;
}

/**
 * Sessions this process looked up in the last `boundMs` (2 s), so that a burst of reads from one
 * console does not look the same session up once per request.
 *
 * Every change made through this server (any tRPC mutation: sign-out, password change or reset,
 * disabling an account or a worker's leaving, a new role or scope) drops the whole cache as it
 * answers, so this process refuses a signed-out or disabled account at once. Another server
 * instance on the same database, or the CLI, is not told: until its own entry ages out, that
 * instance may go on accepting a session ended elsewhere, or an account's previous role and scope,
 * for at most `boundMs`.
 */
export class SessionCache {
  readonly #entries = new Map<string, CachedSession>();
  /** Moves on every `clear`, so a lookup that began before a change is not cached after it. */
  #generation = 0;

  constructor(readonly boundMs: number = SESSION_CACHE_MS) {}

  async principalFor(db: Database, token: string, now: Date, idleMs: number): Promise<FoundSession | null> {
    const id = hashToken(token);
    const at = now.getTime();
    const atMonotonic = performance.now();
    const cached = this.#entries.get(id);
    if (
      cached &&
      at >= cached.cachedAt &&
      at - cached.cachedAt <= this.boundMs &&
      atMonotonic - cached.cachedAtMonotonic <= this.boundMs &&
      at < cached.expiresAt &&
      at - cached.lastSeenAt < idleMs
    ) {
      return cached.found;
    }
    if (cached) this.#entries.delete(id);
    const generation = this.#generation;
    const found = await lookUpSession(db, id, now, idleMs);
    if (!found || this.boundMs <= 0 || generation !== this.#generation) {
      return found && { principal: found.principal, sessionId: found.sessionId };
    }
    const entry: CachedSession = {
      found: { principal: found.principal, sessionId: found.sessionId },
      expiresAt: found.expiresAt.getTime(),
      lastSeenAt: found.lastSeenAt.getTime(),
      cachedAt: at,
      cachedAtMonotonic: atMonotonic,
    };
    this.#entries.set(id, entry);
    if (this.#entries.size > SESSION_CACHE_SIZE) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry.found;
  }

  /** Forgets every session: the next request of each looks its session up again. */
  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
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
