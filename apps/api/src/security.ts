/**
 * What every response and every change request goes through, besides authentication: the browser
 * security headers of the console, the `Origin` check on changes, and the scheduled removal of records
 * that no longer count (expired or idle sessions, login attempts whose window and lock have passed).
 */
import { type Database, deleteSettledWebhookDeliveries, foldCommunityChanges } from '@shequ/db';
import { webhookOutboxPurgeBefore } from '@shequ/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteExpiredSessions } from './auth/sessions.js';
import { deleteStaleAttempts, type ThrottlePolicy } from './auth/throttle.js';

/**
 * The console is the built React app: scripts and styles from this origin only — antd writes its styles
 * into `<style>` elements at run time, hence `'unsafe-inline'` for styles (never for scripts); icons and
 * downloads use data: and blob: URLs. No frames, no plugins, forms post to this origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Nothing of the console uses these: a script that found its way in cannot either. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()';

export function securityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  // A hashed script or stylesheet is never a document: CSP, frame and feature policies do nothing on it,
  // and on a cold page load of ~20 of them they cost kilobytes of headers (the console's size goal).
  if (isHashedAsset(request)) return;
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'same-origin');
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  // Only over HTTPS (the socket's, or a trusted proxy's X-Forwarded-Proto): over plain http a browser
  // ignores it, and a localhost install must stay reachable over http.
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
}

function isHashedAsset(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    /^\/assets\/[^/?]+\.(?:js|css)(?:\?|$)/.test(request.url)
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a change request (any method but GET/HEAD/OPTIONS: every tRPC mutation, every upload) comes from
 * somewhere it may not, or undefined. A browser sends `Origin` with every such request; it must be this
 * server's own origin (as the browser saw it: scheme and host, through trusted proxies) or one listed in
 * `allowedOrigins`. Clients that are not browsers (the CLI, scripts) send none and are let through: the
 * session cookie, `SameSite=Lax`, is what a forged cross-site form would lack anyway.
 */
export function originProblem(
  request: FastifyRequest,
  allowedOrigins: readonly string[],
): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const origin = request.headers.origin;
  if (origin === undefined) {
    return request.headers['sec-fetch-site'] === 'cross-site' ? '不接受来自其他网站的修改请求' : undefined;
  }
  const own = withoutDefaultPort(`${request.protocol}://${request.host}`);
  const claimed = withoutDefaultPort(origin);
  if (claimed === own || allowedOrigins.map(withoutDefaultPort).includes(claimed)) return undefined;
  return `不接受来自 ${origin === 'null' ? '未知来源' : origin} 的修改请求`;
}

/** `http://host:80` and `http://host` are one origin (browsers leave the default port out). */
function withoutDefaultPort(origin: string): string {
  return origin.toLowerCase().replace(/^(http:\/\/[^/]+):80$|^(https:\/\/[^/]+):443$/, '$1$2');
}

/** `SHEQU_ALLOWED_ORIGINS`: further origins whose pages may send changes (`https://console.example.cn`). */
export function allowedOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => withoutDefaultPort(origin.trim().replace(/\/$/, '')))
    .filter(Boolean);
}

export function registerOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    const problem = originProblem(request, allowedOrigins);
    if (!problem) return;
    // Shaped as a tRPC error, so the console shows the message like any other refusal.
    return reply.code(403).send({
      error: {
        message: problem,
        code: -32003,
        data: { code: 'FORBIDDEN', httpStatus: 403, fieldErrors: null },
      },
    });
  });
}

/**
 * Removes expired and idle sessions, spent login attempts and settled webhook deliveries past their
 * retention (R-HOOK-3); returns how many of each. Also folds the noted community changes into one row
 * per province (their stamps keep their sums), so that table stays small.
 */
export async function sweepExpired(
  db: Database,
  now: Date,
  settings: { sessionIdleMs: number; throttle: ThrottlePolicy },
): Promise<{ sessions: number; loginAttempts: number; webhookDeliveries: number }> {
  await foldCommunityChanges(db);
  return {
    sessions: await deleteExpiredSessions(db, now, settings.sessionIdleMs),
    loginAttempts: await deleteStaleAttempts(db, now, settings.throttle),
    webhookDeliveries: await deleteSettledWebhookDeliveries(db, webhookOutboxPurgeBefore(now)),
  };
}

/** Runs `sweepExpired` every `intervalMs` while the server runs (first run at start); stops on close. */
export function scheduleSweep(app: FastifyInstance, run: () => Promise<unknown>, intervalMs: number): void {
  let timer: NodeJS.Timeout | undefined;
  const sweep = () =>
    run().catch((error: unknown) =>
      app.log.warn({ err: error }, 'sweeping expired sessions and settled deliveries failed'),
    );
  app.addHook('onReady', async () => {
    void sweep();
    timer = setInterval(sweep, intervalMs);
    // The schedule alone never keeps the process alive.
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
