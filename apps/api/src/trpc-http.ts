/**
 * tRPC over HTTP on Fastify, with a direct path for what the console and the API's clients send nearly
 * always: a plain JSON query or mutation, alone or batched (`httpLink`, `httpBatchLink`).
 *
 * tRPC's own Fastify adapter turns every request into a fetch `Request`, answers with a fetch `Response`
 * and lets Fastify unpack it again. Profiled under load, that round trip and `resolveResponse`'s general
 * machinery (URL and header objects, abort signals for streaming) took about 110 µs of the request's thread
 * per call, against about 10 µs for our session, scope and input checks: most of what a procedure cost beyond
 * its query. The direct path calls the procedures with tRPC's public API (`callTRPCProcedure`,
 * `getErrorShape`, `getHTTPStatusCode`, the router's transformer) and answers as `resolveResponse` does:
 * the same bodies, statuses and headers, which `trpc-http.test.ts` compares request by request.
 *
 * Everything else goes to tRPC's adapter untouched, before anything has run: streaming (`jsonl`) and
 * subscriptions, other content types and methods, an unknown path, a mix of queries and mutations, and input
 * that is not JSON, whose refusal tRPC words itself.
 */
import {
  type AnyTRPCRouter,
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  type inferRouterContext,
  TRPCError,
} from '@trpc/server';
import { type FastifyHandlerOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface TrpcHttpOptions<TRouter extends AnyTRPCRouter> {
  /** Where the procedures answer, e.g. `/trpc`. */
  prefix: string;
  /** False: every call through tRPC's adapter, as the reference the direct path is tested against. */
  direct: boolean;
  router: TRouter;
  /** A call's context, from its request and reply only (so the direct path and tRPC's build the same). */
  createContext(opts: { req: FastifyRequest; res: FastifyReply }): Promise<inferRouterContext<TRouter>>;
  onError?: FastifyHandlerOptions<TRouter, FastifyRequest, FastifyReply>['onError'];
}

type CallType = 'query' | 'mutation';

/** One call of a plain request, its procedure found and its input read. */
interface PlainCall {
  path: string;
  index: number;
  input: unknown;
}

interface PlainRequest {
  type: CallType;
  isBatch: boolean;
  calls: PlainCall[];
}

const STREAMING = 'application/jsonl';

/** tRPC's `getAcceptHeader`: a `trpc-accept` header, or `application/jsonl` among `accept`'s types. */
function wantsStream(request: FastifyRequest): boolean {
  const trpcAccept = request.headers['trpc-accept'];
  if (trpcAccept !== undefined) return trpcAccept === STREAMING;
  return request.headers.accept?.split(',').some((type) => type.trim() === STREAMING) === true;
}

function parsedJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The request as plain calls, or undefined for anything tRPC's adapter should answer: the same conditions
 * under which `resolveResponse` would answer with one JSON body and run each procedure once.
 */
function plainRequest(
  router: AnyTRPCRouter,
  request: FastifyRequest,
  encodedPath: string,
  query: Record<string, unknown>,
): PlainRequest | undefined {
  // tRPC decodes the path once more after Fastify; what fails to decode is its to refuse.
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    return undefined;
  }
  // A parameter given twice is read by tRPC as its first value; such a request is left to it.
  const { input, batch, connectionParams } = query;
  if (![input, batch].every((value) => value === undefined || typeof value === 'string')) return undefined;
  let type: CallType;
  let text: string | undefined;
  const contentType = request.headers['content-type'];
  if (request.method === 'GET') {
    // tRPC chooses its body reader by content type even for a GET.
    if (contentType !== undefined && !contentType.startsWith('application/json')) return undefined;
    type = 'query';
    text = input as string | undefined;
  } else if (request.method === 'POST') {
    type = 'mutation';
    if (!contentType?.startsWith('application/json')) return undefined;
    if (typeof request.body !== 'string') return undefined;
    text = request.body;
  } else {
    return undefined;
  }
  if (wantsStream(request) || connectionParams !== undefined) return undefined;
  const isBatch = batch === '1';
  const paths = isBatch ? path.split(',') : [path];
  for (const each of paths) {
    const procedure = router._def.procedures[each] as { _def?: { type?: string } } | undefined;
    if (procedure?._def?.type !== type) return undefined;
  }
  // tRPC reads GET input only when present, and a POST body always; unreadable input is its to refuse.
  let inputs: unknown;
  if (text !== undefined && text !== '') {
    const parsed = parsedJson(text);
    if (!parsed.ok) return undefined;
    inputs = parsed.value;
  } else if (type === 'mutation') {
    return undefined;
  }
  if (isBatch && inputs !== undefined && !isObject(inputs)) return undefined;
  const calls = paths.map((each, index) => ({
    path: each,
    index,
    input: isBatch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs,
  }));
  return { type, isBatch, calls };
}

/** tRPC's `isAsyncIterable`. */
const isAsyncIterable = (value: unknown) => isObject(value) && Symbol.asyncIterator in value;

/** tRPC's `isPromise`: anything with `then` and `catch`, not only a native promise. */
const isPromise = (value: unknown) =>
  (isObject(value) || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function' &&
  typeof (value as { catch?: unknown }).catch === 'function';

/** tRPC's `isDataStream`: an answer it would only send through a streaming link (an array is not one). */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  return Object.values(value).some((member) => isPromise(member) || isAsyncIterable(member));
}

const streamRefused = () =>
  new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });

type Answer = { result: { data: unknown } } | { error: unknown };

/**
 * The answer as `transformTRPCResponse` sends it, each data and error serialised by the router's
 * transformer; built as plain objects, without the library's copying of each member (a few µs a call).
 */
function transformed(serialize: (value: unknown) => unknown, body: Answer | Answer[]): unknown {
  const one = (answer: Answer): Answer =>
    'error' in answer
      ? { error: serialize(answer.error) }
      : { result: { data: serialize(answer.result.data) } };
  return Array.isArray(body) ? body.map(one) : one(body);
}

async function answerPlain<TRouter extends AnyTRPCRouter>(
  options: TrpcHttpOptions<TRouter>,
  request: FastifyRequest,
  reply: FastifyReply,
  plain: PlainRequest,
): Promise<FastifyReply> {
  const { router } = options;
  const config = router._def._config;
  let ctx: inferRouterContext<TRouter> | undefined;
  let contextError: TRPCError | undefined;
  try {
    ctx = await options.createContext({ req: request, res: reply });
  } catch (cause) {
    contextError = getTRPCErrorFromUnknown(cause);
  }
  // tRPC parses a request's inputs once, when the first call reads its own; an error then names its input.
  let inputsRead = false;
  const inputOf = (call: PlainCall) => (inputsRead ? call.input : undefined);
  const shaped = (error: TRPCError, call: PlainCall) => ({
    error: getErrorShape({ config, ctx, error, input: inputOf(call), path: call.path, type: plain.type }),
  });
  const answers = await Promise.all(
    plain.calls.map(async (call) => {
      try {
        if (contextError) throw contextError;
        const data: unknown = await callTRPCProcedure({
          router,
          path: call.path,
          getRawInput: async () => {
            inputsRead = true;
            return call.input;
          },
          ctx,
          type: plain.type,
          signal: undefined,
          batchIndex: call.index,
        });
        // In a batch, tRPC refuses such an answer in its place, without reporting it to `onError`.
        if (plain.isBatch && isDataStream(data)) return shaped(streamRefused(), call);
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        options.onError?.({
          error,
          path: call.path,
          input: inputOf(call),
          ctx,
          type: plain.type,
          req: request,
        });
        return shaped(error, call);
      }
    }),
  );
  let body: Answer | Answer[];
  let status: number;
  const [only] = answers;
  if (!plain.isBatch && only && 'result' in only && isDataStream(only.result.data)) {
    // tRPC refuses a single call's streamed answer outside the call: no path or input in the error.
    const error = streamRefused();
    options.onError?.({ error, path: undefined, input: undefined, ctx, type: plain.type, req: request });
    const refused = {
      error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: plain.type }),
    };
    body = refused;
    status = getHTTPStatusCode(refused);
  } else {
    body = plain.isBatch ? answers : (only as Answer);
    status = getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]);
  }
  return (
    reply
      .code(status)
      .header('vary', 'trpc-accept, accept')
      .header('content-type', 'application/json')
      // As bytes: Fastify would add a charset to a string's JSON content type, which tRPC's answer does not have.
      .send(Buffer.from(JSON.stringify(transformed(config.transformer.output.serialize, body))))
  );
}

/**
 * Registers the procedures under `prefix`, as `fastifyTRPCPlugin` does (its body parsers included), with the
 * direct path for plain calls.
 */
export async function registerTrpcHttp<TRouter extends AnyTRPCRouter>(
  app: FastifyInstance,
  options: TrpcHttpOptions<TRouter>,
): Promise<void> {
  await app.register(async (scope) => {
    // tRPC reads bodies itself: JSON as text, multipart untouched.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', {}, (_request, body, done) => {
      done(null, body);
    });
    scope.all<{ Params: { path: string }; Querystring: Record<string, unknown> }>(
      `${options.prefix}/:path`,
      async (request, reply) => {
        const { path } = request.params;
        const plain = options.direct ? plainRequest(options.router, request, path, request.query) : undefined;
        // The reply is returned, so that Fastify knows it is sent and does not answer again.
        if (plain) return answerPlain(options, request, reply, plain);
        const { router, createContext, onError } = options;
        return fastifyRequestHandler({
          router,
          createContext,
          ...(onError ? { onError } : {}),
          req: request,
          res: reply,
          path,
        });
      },
    );
  });
}
