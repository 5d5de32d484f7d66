/**
 * The REST face of Shequ, for systems in other languages; `GET /api/openapi.json` describes it (OpenAPI 3.1).
 *
 * `POST /api/v1/check` takes a `shequ.community-snapshot/v1` (docs/interfaces.md §2) and returns `shequ
 * check`'s result (§3); it and `GET /api/v1/jurisdictions` read no stored data, so they need no sign-in.
 *
 * The reads of stored data (`restReads`) are adapters over tRPC procedures, called through a caller built
 * from the request: sign-in (the console's session cookie, from `POST /api/v1/session`), role, scope and
 * input validation are the procedures' own, and their refusals become 400/401/403/404/409 with the zh-CN
 * message and the problems by field.
 */
import { communitySnapshot, domainErrorMap, fieldErrorRecord, isoDate } from '@shequ/domain';
import { EvaluationInputError } from '@shequ/policy';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ApiSettings, contextFactory } from './context.js';
import { problemOf } from './errors.js';
import { openApiDocument } from './openapi.js';
import { restReads, restSession } from './rest-routes.js';
import { appRouter } from './router.js';
import { createCallerFactory } from './trpc.js';

/** The query of `POST /api/v1/check`: the options of `shequ check` (§3). */
export const checkQuery = z.strictObject({
  jurisdiction: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3})?$/, { message: '应为 6 位或 9 位政策包代码' })
    .optional(),
  asOf: isoDate.optional(),
});

/** A 400 body: a zh-CN summary and the problems by field path (`households`, `query.asOf`). */
export interface BadRequestBody {
  error: 'Bad Request';
  message: string;
  fieldErrors: Record<string, string[]>;
}

/** Any refusal: the HTTP reason, the zh-CN message and the problems by field (empty when none is to blame). */
export interface ProblemBody {
  error: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}

function linesOf(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join('；')}`)
    .join('\n');
}

function badRequest(fieldErrors: Record<string, string[]>): BadRequestBody {
  return { error: 'Bad Request', message: linesOf(fieldErrors), fieldErrors: { ...fieldErrors } };
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
};

/** A procedure's refusal as the REST answer: its HTTP status and a ProblemBody. */
export function problemReply(error: TRPCError): { status: number; body: ProblemBody } {
  const status = getHTTPStatusCodeFromError(error);
  const { message, fieldErrors } = problemOf(error);
  const fields = { ...(fieldErrors ?? {}) };
  return {
    status,
    body: {
      error: reasons[status] ?? 'Internal Server Error',
      // A bad input names each field with its problem, as `POST /api/v1/check` does.
      message: status === 400 && Object.keys(fields).length > 0 ? linesOf(fields) : message,
      fieldErrors: fields,
    },
  };
}

/** JSON Schema types of an input's properties, so query strings can become the numbers a schema wants. */
function numericFields(schema: z.ZodType): Set<string> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: unknown }>;
  };
  return new Set(
    Object.entries(json.properties ?? {})
      .filter(([, property]) => property.type === 'integer' || property.type === 'number')
      .map(([name]) => name),
  );
}

/** The procedure input of a REST read: path parameters and query, digits turned into numbers where wanted. */
function inputOf(request: FastifyRequest, numeric: Set<string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const query = (request.query ?? {}) as Record<string, unknown>;
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries({ ...query, ...params })) {
    // A value that is not a number stays a string, for the procedure's schema to refuse by name.
    input[name] =
      numeric.has(name) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return input;
}

export function registerRestRoutes(app: FastifyInstance, settings: ApiSettings): void {
  app.get('/api/openapi.json', async () => openApiDocument());

  const createContext = contextFactory(settings);
  const createCaller = createCallerFactory(appRouter);
  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    call: (caller: ReturnType<typeof createCaller>) => Promise<unknown>,
  ) => {
    const caller = createCaller(await createContext({ req: request, res: reply }));
    try {
      return await call(caller);
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      // A failure of the server itself stays in the log; the answer says only that it failed.
      if (error.code === 'INTERNAL_SERVER_ERROR') request.log.error({ err: error }, 'REST read failed');
      const { status, body } = problemReply(error);
      return reply.code(status).send(body);
    }
  };

  for (const read of restReads) {
    const numeric = numericFields(read.input);
    app.get(fastifyPath(read.path), (request, reply) =>
      answer(request, reply, (caller) => read.call(caller, inputOf(request, numeric))),
    );
  }

  app.post(restSession.path, (request, reply) =>
    answer(request, reply, (caller) => restSession.call(caller, request.body ?? {})),
  );

  app.get('/api/v1/jurisdictions', async () => settings.packs.jurisdictionsList());

  app.post('/api/v1/check', async (request, reply) => {
    const query = checkQuery.safeParse(request.query ?? {}, { error: domainErrorMap });
    const snapshot = communitySnapshot.safeParse(request.body, { error: domainErrorMap });
    const problems: Record<string, string[]> = {};
    if (!query.success) {
      for (const [field, messages] of Object.entries(fieldErrorRecord(query.error)))
        problems[`query.${field}`] = messages;
    }
    if (!snapshot.success) Object.assign(problems, fieldErrorRecord(snapshot.error));
    if (!query.success || !snapshot.success) return reply.code(400).send(badRequest(problems));
    try {
      return settings.packs.checkCommunity(snapshot.data, {
        ...(query.data.jurisdiction !== undefined ? { jurisdiction: query.data.jurisdiction } : {}),
        ...(query.data.asOf !== undefined ? { asOf: query.data.asOf } : {}),
      });
    } catch (error) {
      if (!(error instanceof EvaluationInputError)) throw error;
      const fields: Record<string, string[]> = {};
      for (const issue of error.issues) {
        const field =
          issue.path === 'jurisdiction' || issue.path === 'asOf' ? `query.${issue.path}` : issue.path;
        fields[field] = [...(fields[field] ?? []), issue.message];
      }
      return reply.code(400).send(badRequest(fields));
    }
  });
}

/** `/api/v1/communities/{code}` (OpenAPI) as `/api/v1/communities/:code` (fastify). */
export function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
