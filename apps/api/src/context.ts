import type {} from '@fastify/cookie';
import type { Database, SignedInActor } from '@shequ/db';
import type { WebhookNetworkPolicy } from '@shequ/domain';
import type { PackRegistry } from '@shequ/policy';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from './auth/scope.js';
import { SESSION_COOKIE, type SessionCache } from './auth/sessions.js';
import type { ThrottlePolicy } from './auth/throttle.js';
import type { RateLimiter } from './rate-limit.js';

/** What the API needs from its surroundings; tests pass a clock they control. */
export interface ApiSettings {
  db: Database;
  now: () => Date;
  sessionTtlMs: number;
  /** A session unused this long ends (30 minutes), besides `sessionTtlMs`. */
  sessionIdleMs: number;
  /** Sessions looked up in the last two seconds; every change through this server empties it. */
  sessions: SessionCache;
  /** `Secure` cookie attribute: 'auto' sets it on HTTPS requests only (plain http://localhost still works). */
  cookieSecure: boolean | 'auto';
  throttle: ThrottlePolicy;
  /** Most rows a spreadsheet export writes; a longer list must be narrowed first. */
  exportRowLimit: number;
  /** Spreadsheet imports running on this server: at most one at a time, however many workers send files. */
  spreadsheetImports: { running: number };
  /** The policy packs: the shipped ones plus those `SHEQU_PACKS` names (apps/api/README.md). */
  packs: PackRegistry;
  /** Which addresses a webhook may point to (R-HOOK-2). */
  webhookPolicy: WebhookNetworkPolicy;
  /** The public feedback link's limit per client address (`SHEQU_FEEDBACK_RATE_LIMIT`). */
  feedbackLimiter: RateLimiter;
}

export interface Context {
  settings: ApiSettings;
  db: Database;
  req: FastifyRequest;
  res: FastifyReply;
  ip: string;
  userAgent: string;
  principal: Principal | null;
  sessionId: string | null;
}

export function contextFactory(settings: ApiSettings) {
  // Only the request and reply are read, so the upload route (outside tRPC) builds the same context.
  return async ({ req, res }: Pick<CreateFastifyContextOptions, 'req' | 'res'>): Promise<Context> => {
    const token = req.cookies[SESSION_COOKIE];
    const found = token
      ? await settings.sessions.principalFor(settings.db, token, settings.now(), settings.sessionIdleMs)
      : null;
    return {
      settings,
      db: settings.db,
      req,
      res,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? '',
      principal: found?.principal ?? null,
      sessionId: found?.sessionId ?? null,
    };
  };
}

/**
 * Who acts, from where and when, as every audited store write takes it: the signed-in principal, the
 * request's address and the server's clock.
 */
export function auditedAs(ctx: Context & { principal: Principal }): SignedInActor {
  return {
    actor: { id: ctx.principal.id, username: ctx.principal.username },
    ip: ctx.ip,
    at: ctx.settings.now(),
  };
}
