import { jurisdictions, users } from '@shequ/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit.js';
import { accountNoticesAtSignIn } from '../auth/notices.js';
import { decoyPasswordHash, hashPassword, passwordProblems, verifyPassword } from '../auth/password.js';
import { COUNTRY_CODE } from '../auth/roles.js';
import type { Principal } from '../auth/scope.js';
import { createSession, deleteSession, deleteSessionsOfUser, SESSION_COOKIE } from '../auth/sessions.js';
import {
  attemptKeys,
  BUSY_MESSAGE,
  lockoutMessage,
  recordFailure,
  releaseAttempt,
  reserveAttempt,
} from '../auth/throttle.js';
import type { Context } from '../context.js';
import { FieldProblems } from '../errors.js';
import { publicProcedure, router, sessionProcedure } from '../trpc.js';

const WRONG_CREDENTIALS = '用户名或密码错误';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Principal['role'];
  jurisdictionCode: string;
  jurisdictionName: string;
  mustChangePassword: boolean;
}

async function sessionUser(ctx: Context, principal: Principal): Promise<SessionUser> {
  return { ...principal, jurisdictionName: await nodeName(ctx, principal.jurisdictionCode) };
}

async function nodeName(ctx: Context, code: string): Promise<string> {
  if (code === COUNTRY_CODE) return '全国';
  const [row] = await ctx.db
    .select({ name: jurisdictions.name })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code))
    .limit(1);
  return row?.name ?? code;
}

function setSessionCookie(ctx: Context, token: string, expiresAt: Date): void {
  ctx.res.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.settings.cookieSecure,
    expires: expiresAt,
  });
}

function lockedError(until: Date | null, now: Date): TRPCError {
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: until ? lockoutMessage(until, now) : BUSY_MESSAGE,
  });
}

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const now = ctx.settings.now();
    const username = input.username.toLowerCase();
    const keys = attemptKeys(username, ctx.ip);
    // Counted before verifying: of any number of concurrent guesses only the policy's few are checked.
    const reservation = await reserveAttempt(ctx.db, keys, now, ctx.settings.throttle);
    if (!reservation.verify) throw lockedError(reservation.lockedUntil, now);

    const [user] = await ctx.db.select().from(users).where(eq(users.username, username)).limit(1);
    // Unknown and disabled accounts cost one argon2 verification too, and get the same answer.
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
    if (!user || !matches || user.disabledAt) {
      ctx.req.log.warn({ username, ip: ctx.ip }, 'login refused');
      const lockedNow = await recordFailure(ctx.db, keys, now, ctx.settings.throttle);
      if (lockedNow) throw lockedError(lockedNow, now);
      throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });
    }

    await releaseAttempt(ctx.db, keys, ctx.settings.throttle);
    // Read before this sign-in is recorded: what others changed since the previous one.
    const notices = await accountNoticesAtSignIn(ctx.db, user.id);
    const session = await ctx.db.transaction(async (tx) => {
      const created = await createSession(tx, {
        userId: user.id,
        now,
        ttlMs: ctx.settings.sessionTtlMs,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      await writeAudit(tx, {
        actor: user,
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        jurisdictionCode: user.jurisdictionCode,
        before: null,
        after: { sessionExpiresAt: created.expiresAt.toISOString() },
        ip: ctx.ip,
        at: now,
      });
      return created;
    });
    setSessionCookie(ctx, session.token, session.expiresAt);
    const principal: Principal = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Principal['role'],
      jurisdictionCode: user.jurisdictionCode,
      mustChangePassword: user.mustChangePassword,
    };
    return { user: await sessionUser(ctx, principal), notices };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    const { principal, sessionId } = ctx;
    if (principal && sessionId) {
      await ctx.db.transaction(async (tx) => {
        await deleteSession(tx, sessionId);
        await writeAudit(tx, {
          actor: principal,
          action: 'auth.logout',
          entityType: 'user',
          entityId: principal.id,
          jurisdictionCode: principal.jurisdictionCode,
          before: null,
          after: null,
          ip: ctx.ip,
          at: ctx.settings.now(),
        });
      });
    }
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  }),

  me: publicProcedure.query(async ({ ctx }): Promise<SessionUser | null> => {
    return ctx.principal ? sessionUser(ctx, ctx.principal) : null;
  }),

  changePassword: sessionProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const now = ctx.settings.now();
    const { principal } = ctx;
    // A stolen session must not become a way to guess the password: same throttle as login.
    const keys = attemptKeys(principal.username, ctx.ip);
    const reservation = await reserveAttempt(ctx.db, keys, now, ctx.settings.throttle);
    if (!reservation.verify) throw lockedError(reservation.lockedUntil, now);
    const [user] = await ctx.db.select().from(users).where(eq(users.id, principal.id)).limit(1);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      const lockedNow = await recordFailure(ctx.db, keys, now, ctx.settings.throttle);
      if (lockedNow) throw lockedError(lockedNow, now);
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: '当前密码不正确',
        cause: new FieldProblems({ currentPassword: ['当前密码不正确'] }),
      });
    }
    // The current password was right: the attempt gives its slot back whatever the new one's problems.
    await releaseAttempt(ctx.db, keys, ctx.settings.throttle);
    const problems = passwordProblems(input.newPassword, user.username);
    if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同');
    if (problems.length > 0) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: problems.join('；'),
        cause: new FieldProblems({ newPassword: problems }),
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
      // Whoever else held a session with the old password loses it.
      await deleteSessionsOfUser(tx, user.id, ctx.sessionId);
      await writeAudit(tx, {
        actor: principal,
        action: 'auth.changePassword',
        entityType: 'user',
        entityId: user.id,
        jurisdictionCode: user.jurisdictionCode,
        before: { mustChangePassword: user.mustChangePassword },
        after: { mustChangePassword: false },
        ip: ctx.ip,
        at: now,
      });
    });
    return { user: await sessionUser(ctx, { ...principal, mustChangePassword: false }) };
  }),
});
