/**
 * tRPC initialisation and the central authorisation layer. Every procedure is built from one of the
 * builders below, so the role check is never left to a resolver; scope checks on a given code go
 * through `requireScope`, and list queries filter by `scopePrefix` in SQL.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { canWrite, isAdminRole, isInScope, type Principal } from './auth/scope.js';
import type { Context } from './context.js';
import { forbidden, problemOf } from './errors.js';

const t = initTRPC.context<Context>().create({
  // Stack traces and driver messages stay in the server log, never in a response.
  isDev: false,
  errorFormatter({ shape, error }) {
    const { message, fieldErrors } = problemOf(error);
    return { ...shape, message, data: { ...shape.data, fieldErrors } };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** No session needed: login, health of the API itself. */
export const publicProcedure = t.procedure;

/** Signed in, possibly still holding a one-time password (only `auth.*` use this directly). */
export const sessionProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.principal || !ctx.sessionId) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  return next({ ctx: { ...ctx, principal: ctx.principal, sessionId: ctx.sessionId } });
});

/** Signed in with a password of their own: a one-time password opens nothing but the change-password form. */
export const authedProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.principal.mustChangePassword) {
    throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码', cause: new MustChangePassword() });
  }
  return next();
});

/** May change data in its scope: every role but the auditor. */
export const writerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!canWrite(ctx.principal.role)) throw forbidden('审计员只能查看，不能修改数据');
  return next();
});

/** Account administration: administrators of any level. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isAdminRole(ctx.principal.role)) throw forbidden('只有管理员可以管理账号');
  return next();
});

/** Throws FORBIDDEN unless `code` lies under the principal's node. */
export function requireScope(principal: Pick<Principal, 'jurisdictionCode'>, code: string): void {
  if (!isInScope(principal, code)) throw forbidden();
}

export class MustChangePassword extends Error {
  constructor() {
    super('must change password');
    this.name = 'MustChangePassword';
  }
}
