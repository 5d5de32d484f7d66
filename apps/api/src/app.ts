/**
 * Builds the HTTP server without listening, so tests drive it with `app.inject` and `main.ts` serves it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { DatabaseHandle } from '@shequ/db';
import { publicNetworkOnly, type WebhookNetworkPolicy } from '@shequ/domain';
import { type PackRegistry, shippedRegistry } from '@shequ/policy';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import { maxAttachmentBytesFromEnv, registerAttachmentRoutes } from './archives/upload.js';
import { DEFAULT_SESSION_IDLE_MS, SESSION_CACHE_MS, SessionCache } from './auth/sessions.js';
import { defaultThrottlePolicy, type ThrottlePolicy } from './auth/throttle.js';
import { registerJsonCompression } from './compression.js';
import { type ApiSettings, contextFactory } from './context.js';
import type { TrustProxySetting } from './proxy.js';
import { registerPublicRoutes } from './public-page.js';
import {
  registerPublicSurveyRoutes,
  type SurveyRateLimits,
  surveyRateLimitsFromEnv,
} from './public-survey.js';
import { defaultFeedbackRateLimit, RateLimiter, type RateLimitPolicy } from './rate-limit.js';
import { checkReadiness } from './readiness.js';
import { registerRestRoutes } from './rest.js';
import { appRouter } from './router.js';
import { DEFAULT_EXPORT_ROW_LIMIT } from './routers/spreadsheet-file.js';
import { registerOriginCheck, scheduleSweep, securityHeaders, sweepExpired } from './security.js';
import { consoleStaticOptions } from './static-assets.js';
import { registerTrpcHttp } from './trpc-http.js';

// zod's messages in Chinese for every input error the API reports; an app (not a package) may set this.
z.config(z.locales.zhCN());

export const defaultAdminDist = fileURLToPath(new URL('../../admin/dist', import.meta.url));

export interface BuildAppOptions {
  database: DatabaseHandle;
  /** Pino options, or false for silence (tests). Passwords, tokens and cookies are always redacted. */
  logger?: boolean | Exclude<FastifyServerOptions['logger'], undefined>;
  now?: () => Date;
  throttle?: ThrottlePolicy;
  sessionTtlMs?: number;
  /** A session unused this long ends (default 30 minutes). */
  sessionIdleMs?: number;
  /** How long a looked-up session is answered from memory (default 2 s, at most that; 0: never). */
  sessionCacheMs?: number;
  /** How often expired sessions and spent login attempts are deleted (default every 10 minutes; 0: never). */
  sweepIntervalMs?: number;
  /**
   * Whether plain JSON calls take the direct path of `trpc-http.ts` (default) or, like every other call,
   * tRPC's own Fastify adapter: the reference the direct path is compared with.
   */
  trpcDirect?: boolean;
  /** Origins besides the server's own whose pages may send changes (`SHEQU_ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  cookieSecure?: boolean | 'auto';
  /** The built console; `null` serves no console. */
  adminDist?: string | null;
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto count (`parseTrustProxy` of `SHEQU_TRUST_PROXY`): the
   * throttle and the audit log key on the client address, the session cookie's `Secure` on the scheme.
   */
  trustProxy?: TrustProxySetting;
  /** Most rows a spreadsheet export writes (default 20,000); tests lower it to see the refusal. */
  exportRowLimit?: number;
  /** The policy packs (default: the shipped ones; `main.ts` adds those `SHEQU_PACKS` names). */
  packs?: PackRegistry;
  /** Largest attachment upload in bytes (default `SHEQU_MAX_ATTACHMENT_MB`, else 200 MiB). */
  maxAttachmentBytes?: number;
  /** Limits on the public survey page (default `SHEQU_SURVEY_RATE_*`, else 120 per address and 600 per link in 10 minutes). */
  surveyRateLimits?: SurveyRateLimits;
  /** Whether webhooks may point into this deployment's own network (`SHEQU_WEBHOOK_ALLOW_PRIVATE`; R-HOOK-2). */
  webhookPolicy?: WebhookNetworkPolicy;
  /** Requests per client address to the public feedback link (default 30 a minute; `SHEQU_FEEDBACK_RATE_LIMIT`). */
  feedbackRateLimit?: RateLimitPolicy;
}

/** Log paths that may carry a secret; pino replaces their values. */
export const redactedLogPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.oneTimePassword',
  '*.token',
  '*.passwordHash',
];

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === false || options.logger === undefined
      ? false
      : { ...(options.logger === true ? {} : options.logger), redact: redactedLogPaths };
  const app = Fastify({
    logger,
    trustProxy: options.trustProxy ?? false,
    // Batched tRPC calls put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
  });

  const settings: ApiSettings = {
    db: options.database.db,
    now: options.now ?? (() => new Date()),
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60_000,
    sessionIdleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
    // Never longer than the bound the README promises for what another instance may see.
    sessions: new SessionCache(Math.min(options.sessionCacheMs ?? SESSION_CACHE_MS, SESSION_CACHE_MS)),
    cookieSecure: options.cookieSecure ?? 'auto',
    throttle: options.throttle ?? defaultThrottlePolicy,
    exportRowLimit: options.exportRowLimit ?? DEFAULT_EXPORT_ROW_LIMIT,
    spreadsheetImports: { running: 0 },
    packs: options.packs ?? shippedRegistry,
    webhookPolicy: options.webhookPolicy ?? publicNetworkOnly,
    feedbackLimiter: new RateLimiter(options.feedbackRateLimit ?? defaultFeedbackRateLimit),
  };

  app.addHook('onSend', async (request, reply) => securityHeaders(request, reply));
  // JSON answers (tRPC, REST) in Brotli or gzip when the client accepts it; the console's files are
  // shipped compressed by its build and pass through untouched.
  registerJsonCompression(app);
  registerOriginCheck(app, options.allowedOrigins ?? []);
  const sweepIntervalMs = options.sweepIntervalMs ?? 10 * 60_000;
  if (sweepIntervalMs > 0) {
    scheduleSweep(app, () => sweepExpired(settings.db, settings.now(), settings), sweepIntervalMs);
  }

  await app.register(fastifyCookie);
  await registerTrpcHttp(app, {
    prefix: '/trpc',
    direct: options.trpcDirect ?? true,
    router: appRouter,
    createContext: contextFactory(settings),
    onError({ path, error, req }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error, path }, 'procedure failed');
    },
  });

  await registerAttachmentRoutes(app, settings, {
    maxBytes: options.maxAttachmentBytes ?? maxAttachmentBytesFromEnv(),
  });

  registerRestRoutes(app, settings);
  registerPublicRoutes(app, settings);
  await registerPublicSurveyRoutes(
    app,
    settings.db,
    settings.now,
    options.surveyRateLimits ?? surveyRateLimitsFromEnv(),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(options.database);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  const adminDist = options.adminDist === undefined ? defaultAdminDist : options.adminDist;
  const consoleBuilt = adminDist !== null && existsSync(resolve(adminDist, 'index.html'));
  if (consoleBuilt) {
    await app.register(fastifyStatic, consoleStaticOptions(resolve(adminDist)));
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/trpc') &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html');
    if (!isPage) return reply.code(404).send({ error: 'Not Found', message: '没有这个地址' });
    // The console routes on the client: any page URL gets its index.html.
    if (consoleBuilt) return reply.type('text/html').sendFile('index.html');
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send(
        '管理控制台尚未构建。请在仓库根目录运行 `pnpm start`，或先运行 `pnpm --filter @shequ/admin build`。\n',
      );
  });

  return app;
}
