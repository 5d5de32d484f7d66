/**
 * The resident satisfaction survey page (居民满意度调查): `GET /public/surveys/{survey}/{community}` needs
 * no sign-in and serves a small HTML form, phone first, that works without JavaScript (the console's
 * security headers and CSP apply: no script at all, styles inline, the form posts to this origin);
 * `POST` the same address submits one resident's answers with their one-time code (本系统规则 R-ASM-1).
 * Bad input answers 400 with the page again, each problem beside its field, nothing written.
 *
 * Both addresses are rate-limited, per client address and per community link (`surveyRateLimitsFromEnv`,
 * apps/api/README.md): past either limit the answer is 429 with a zh-CN page and `Retry-After`, nothing
 * written. The one-time codes already stop repeat answers; the limits stop a script guessing codes or
 * flooding one community's link.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import {
  compileScheme,
  type SatisfactionLevel,
  satisfactionLevelLabels,
  satisfactionLevels,
  surveyCitation,
  surveyCodeProblem,
  surveyIndicators,
  surveyResponseSchema,
  surveyWindowMessages,
  surveyWindowState,
} from '@shequ/assessment';
import { communities, type Database, getSurvey, submitSurveyResponse } from '@shequ/db';
import { chinaDate, isWithin } from '@shequ/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { surveyCodeHash } from './routers/assessment-surveys.js';

/** How many requests (page views and submissions together) a window allows. */
export interface SurveyRateLimits {
  windowMs: number;
  /** From one client address, across every survey link (a meeting on one Wi-Fi shares an address). */
  perAddress: number;
  /** To one community's link of one survey, from everyone. */
  perLink: number;
}

export const defaultSurveyRateLimits: SurveyRateLimits = {
  windowMs: 10 * 60_000,
  perAddress: 120,
  perLink: 600,
};

const positiveInteger = z.coerce.number().int().positive();

/**
 * `SHEQU_SURVEY_RATE_WINDOW_SECONDS`, `SHEQU_SURVEY_RATE_PER_ADDRESS`, `SHEQU_SURVEY_RATE_PER_LINK`
 * (positive integers), each unset one at its default.
 */
export function surveyRateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): SurveyRateLimits {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const parsed = positiveInteger.safeParse(raw);
    if (!parsed.success) throw new Error(`${name} 应为正整数（现为 ${raw}）`);
    return parsed.data;
  };
  return {
    windowMs: read('SHEQU_SURVEY_RATE_WINDOW_SECONDS', defaultSurveyRateLimits.windowMs / 1000) * 1000,
    perAddress: read('SHEQU_SURVEY_RATE_PER_ADDRESS', defaultSurveyRateLimits.perAddress),
    perLink: read('SHEQU_SURVEY_RATE_PER_LINK', defaultSurveyRateLimits.perLink),
  };
}

/** Thrown by the limiter; the scope's error handler renders it as the 429 page. */
class TooManyRequests extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterMs: number) {
    super('too many survey requests');
  }
}

function linkKey(request: FastifyRequest): string {
  const { surveyId, communityCode } = request.params as { surveyId?: string; communityCode?: string };
  return `${surveyId ?? ''}/${communityCode ?? ''}`;
}

const params = z.strictObject({
  surveyId: z.string().uuid(),
  communityCode: z.string().regex(/^\d{12}$/),
});

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const STYLE = `
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:20px;margin:8px 0}
.card{background:#fff;border-radius:8px;padding:16px;margin:12px 0}
fieldset{border:0;margin:0;padding:0}
legend{font-weight:600;margin-bottom:8px}
label.choice{display:flex;align-items:center;gap:8px;min-height:44px;padding:0 8px;border:1px solid #d9d9d9;border-radius:6px;margin:6px 0}
input[type=radio]{width:20px;height:20px}
input[type=text]{box-sizing:border-box;width:100%;font-size:18px;padding:10px;border:1px solid #d9d9d9;border-radius:6px;letter-spacing:2px}
button{width:100%;font-size:18px;padding:12px;border:0;border-radius:6px;background:#1677ff;color:#fff}
.error{color:#cf1322;margin:4px 0}
.muted{color:#8c8c8c;font-size:14px}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function send(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page(title, body));
}

interface Loaded {
  title: string;
  communityName: string;
  state: ReturnType<typeof surveyWindowState>;
  closesOn: string;
  questions: { id: string; name: string }[];
}

async function load(
  db: Database,
  surveyId: string,
  communityCode: string,
  today: string,
): Promise<Loaded | undefined> {
  const survey = await getSurvey(db, surveyId);
  if (!survey || !isWithin(communityCode, survey.schemeJurisdictionCode)) return undefined;
  const [community] = await db
    .select({ name: communities.name })
    .from(communities)
    .where(eq(communities.code, communityCode))
    .limit(1);
  if (!community) return undefined;
  const compiled = compileScheme(survey.schemeDefinition);
  const periodLabel = survey.period === 'annual' ? `${compiled.scheme.year}年度` : survey.period;
  return {
    title: `${compiled.scheme.year}年居民满意度调查（${periodLabel}）`,
    communityName: community.name,
    state: surveyWindowState(survey, today),
    closesOn: survey.closesOn,
    questions: surveyIndicators(compiled, survey.period).map((l) => ({ id: l.id, name: l.name })),
  };
}

function form(
  survey: Loaded,
  values: { code: string; answers: Record<string, string> },
  errors: Record<string, string[]>,
): string {
  const errorOf = (key: string) =>
    (errors[key] ?? []).map((m) => `<p class="error" role="alert">${escapeHtml(m)}</p>`).join('');
  const questions = survey.questions
    .map(
      (q) => `<div class="card"><fieldset><legend>${escapeHtml(q.name)}</legend>${errorOf(`answers.${q.id}`)}
${satisfactionLevels
  .map(
    (level: SatisfactionLevel) =>
      `<label class="choice"><input type="radio" name="answer.${escapeHtml(q.id)}" value="${level}"${
        values.answers[q.id] === level ? ' checked' : ''
      }>${satisfactionLevelLabels[level]}</label>`,
  )
  .join('\n')}</fieldset></div>`,
    )
    .join('\n');
  return `<h1>${escapeHtml(survey.title)}</h1>
<p>${escapeHtml(survey.communityName)}，截止 ${escapeHtml(survey.closesOn)}。请对社区工作的以下方面作出评价。</p>
<form method="post">
${questions}
<div class="card"><label for="code"><strong>答卷码</strong></label>
<p class="muted">社区发放给您的10位答卷码，每个答卷码只能提交一次。</p>${errorOf('code')}
<input type="text" id="code" name="code" autocomplete="off" autocapitalize="characters" value="${escapeHtml(values.code)}"></div>
<button type="submit">提交</button>
</form>
<p class="muted">依据《${surveyCitation.document}》${surveyCitation.article}：${surveyCitation.quote}。答卷不记录您的姓名，也不与答卷码关联。</p>`;
}

const notFoundBody = '<h1>没有这份调查</h1><p>请核对社区发给您的链接。</p>';

export async function registerPublicSurveyRoutes(
  app: FastifyInstance,
  db: Database,
  now: () => Date,
  limits: SurveyRateLimits = defaultSurveyRateLimits,
) {
  const limiter = (max: number, keyGenerator: (request: FastifyRequest) => string) => ({
    global: true,
    max,
    timeWindow: limits.windowMs,
    keyGenerator,
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new TooManyRequests(context.ttl),
  });
  // Two registrations, one inside the other, so each limit keeps its own count: the address limit
  // counts every survey request, the link limit those to the same community's link.
  await app.register(async (byAddress) => {
    await byAddress.register(
      fastifyRateLimit,
      limiter(limits.perAddress, (request) => request.ip),
    );
    byAddress.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof TooManyRequests)) throw error;
      const minutes = Math.max(1, Math.ceil(error.retryAfterMs / 60_000));
      return send(
        reply,
        429,
        '请稍后再试',
        `<h1>请稍后再试</h1><p>短时间内访问这份调查的次数过多，答卷未提交。请约 ${minutes} 分钟后再打开社区发给您的链接。</p>`,
      );
    });
    await byAddress.register(async (scope) => {
      await scope.register(fastifyRateLimit, limiter(limits.perLink, linkKey));
      await registerRoutes(scope, db, now);
    });
  });
}

async function registerRoutes(scope: FastifyInstance, db: Database, now: () => Date) {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      const fields = new URLSearchParams(String(body));
      done(null, Object.fromEntries(fields));
    },
  );

  scope.get('/public/surveys/:surveyId/:communityCode', async (request, reply) => {
    const p = params.safeParse(request.params);
    const survey = p.success
      ? await load(db, p.data.surveyId, p.data.communityCode, chinaDate(now()))
      : undefined;
    if (!survey) return send(reply, 404, '没有这份调查', notFoundBody);
    if (survey.state !== 'open')
      return send(
        reply,
        200,
        survey.title,
        `<h1>${escapeHtml(survey.title)}</h1><p>${surveyWindowMessages[survey.state]}。</p>`,
      );
    return send(reply, 200, survey.title, form(survey, { code: '', answers: {} }, {}));
  });

  scope.post('/public/surveys/:surveyId/:communityCode', async (request, reply) => {
    const p = params.safeParse(request.params);
    const survey = p.success
      ? await load(db, p.data.surveyId, p.data.communityCode, chinaDate(now()))
      : undefined;
    if (!p.success || !survey) return send(reply, 404, '没有这份调查', notFoundBody);
    if (survey.state !== 'open')
      return send(
        reply,
        400,
        survey.title,
        `<h1>${escapeHtml(survey.title)}</h1><p>${surveyWindowMessages[survey.state]}，答卷未提交。</p>`,
      );
    const fields = (request.body ?? {}) as Record<string, string>;
    const answers: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields))
      if (key.startsWith('answer.')) answers[key.slice('answer.'.length)] = value;
    const values = { code: String(fields.code ?? ''), answers };
    const parsed = surveyResponseSchema(survey.questions).safeParse(values);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        errors[key] = [...(errors[key] ?? []), issue.message];
      }
      return send(reply, 400, survey.title, form(survey, values, errors));
    }
    const outcome = await submitSurveyResponse(db, {
      surveyId: p.data.surveyId,
      communityCode: p.data.communityCode,
      codeHash: surveyCodeHash(p.data.surveyId, parsed.data.code),
      answers: parsed.data.answers,
      now: now(),
      ip: request.ip,
    });
    const refused = surveyCodeProblem(
      outcome === 'saved' ? 'unspent' : outcome === 'usedCode' ? 'spent' : 'unknown',
    );
    if (refused) return send(reply, 400, survey.title, form(survey, values, { code: [refused] }));
    return send(
      reply,
      200,
      '感谢您的参与',
      `<h1>感谢您的参与</h1><p>您对${escapeHtml(survey.communityName)}的评价已提交。</p>`,
    );
  });
}
