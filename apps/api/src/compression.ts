/**
 * JSON answers of the API (tRPC and REST) compressed for clients that accept it: a community's compliance
 * result is ~67 KB of JSON and about a tenth of that in Brotli, which is most of what its console page
 * transfers besides the scripts. One `onSend` hook with Node's zlib, so every JSON route gets it without
 * saying so:
 *
 * - only `application/json` bodies of at least {@link MIN_COMPRESSED_BYTES} (a smaller one gains less than
 *   the header costs), only when `Accept-Encoding` names `br` or `gzip` (or `*`) with a non-zero weight,
 *   Brotli preferred; everything else goes out as it came, with no `Content-Encoding`;
 * - streams are left alone: the console's built files leave `@fastify/static` already compressed (`.br`,
 *   `.gz` written by the build), attachments are streamed from storage and mostly compressed already;
 * - fast levels (Brotli 3, gzip 1): on a 16 KB compliance dashboard Brotli 5 took 1.1 ms and gzip 6 0.5 ms
 *   of the request's thread for 2.8 and 3.3 KB, Brotli 3 0.27 ms and gzip 1 0.32 ms for 3.4 and 3.6 KB —
 *   under load that time was most of what a procedure cost beyond its query; the levels near 11 take tens
 *   of milliseconds per answer for a few percent.
 *
 * tRPC's Fastify adapter sends a fetch `Response` (status, headers, body), which Fastify only unpacks after
 * the `onSend` hooks; a JSON one is unpacked here instead, exactly as Fastify would, and its body compressed.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, gzip, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Bodies smaller than this go out uncompressed. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Bodies up to this size are compressed on the request's own thread: handing a list page of a few KB
 * to the thread pool and back costs more than compressing it (the bytes are the same either way).
 */
export const SYNC_COMPRESSION_MAX_BYTES = 64 * 1024;

const BROTLI_QUALITY = 3;
const GZIP_LEVEL = 1;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ResponseEncoding = 'br' | 'gzip';

/**
 * The encoding to answer with for an `Accept-Encoding` header, or undefined for none: `br` before `gzip`
 * when both are accepted, whatever their weights' order (both are fine for JSON; `br` is smaller); a
 * coding with `q=0` is refused, `*` stands for any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): ResponseEncoding | undefined {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (name === '') continue;
    let weight = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*([0-9.]+)$/i.exec(parameter);
      if (match?.[1] !== undefined) weight = Number(match[1]);
    }
    weights.set(name.toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = weights.get('*');
  for (const encoding of ['br', 'gzip'] as const) {
    const weight = weights.get(encoding) ?? wildcard;
    if (weight !== undefined && weight > 0) return encoding;
  }
  return undefined;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function headerText(value: ReturnType<FastifyReply['getHeader']>): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function addVary(reply: FastifyReply): void {
  const vary = headerText(reply.getHeader('vary'));
  if (vary === undefined || vary.trim() === '') reply.header('vary', 'accept-encoding');
  else if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(vary)) {
    reply.header('vary', `${vary}, accept-encoding`);
  }
}

async function compress(body: Buffer, encoding: ResponseEncoding): Promise<Buffer> {
  const small = body.length <= SYNC_COMPRESSION_MAX_BYTES;
  if (encoding === 'br') {
    const options = {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    };
    return small ? brotliCompressSync(body, options) : brotli(body, options);
  }
  return small ? gzipSync(body, { level: GZIP_LEVEL }) : gzipAsync(body, { level: GZIP_LEVEL });
}

/** Moves a fetch `Response`'s status and headers onto the reply, as Fastify does when it sends one. */
function unpackResponse(reply: FastifyReply, response: Response): void {
  reply.code(response.status);
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() !== 'content-length') reply.header(name, value);
  }
}

function isFetchResponse(payload: unknown): payload is Response {
  return Object.prototype.toString.call(payload) === '[object Response]';
}

export async function compressJson(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (request.method === 'HEAD' || reply.getHeader('content-encoding') !== undefined) return payload;

  let body: Buffer;
  if (isFetchResponse(payload)) {
    const contentType = payload.headers.get('content-type') ?? undefined;
    // A streamed tRPC answer (batch streaming, subscriptions) must reach the client as it is produced.
    if (
      !isJson(contentType) ||
      payload.body === null ||
      payload.bodyUsed ||
      payload.headers.has('transfer-encoding') ||
      payload.headers.has('content-encoding')
    ) {
      return payload;
    }
    unpackResponse(reply, payload);
    body = Buffer.from(await payload.arrayBuffer());
    addVary(reply);
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding === undefined || body.length < MIN_COMPRESSED_BYTES || !hasBody(reply.statusCode)) {
      return body;
    }
    return encoded(reply, body, encoding);
  }

  if (typeof payload === 'string') body = Buffer.from(payload);
  else if (Buffer.isBuffer(payload)) body = payload;
  else return payload;
  if (!isJson(headerText(reply.getHeader('content-type')))) return payload;
  addVary(reply);
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding === undefined || body.length < MIN_COMPRESSED_BYTES || !hasBody(reply.statusCode)) {
    return payload;
  }
  return encoded(reply, body, encoding);
}

function hasBody(status: number): boolean {
  return status >= 200 && status !== 204 && status !== 304;
}

async function encoded(reply: FastifyReply, body: Buffer, encoding: ResponseEncoding): Promise<Buffer> {
  const compressed = await compress(body, encoding);
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
  return compressed;
}

/** Every JSON answer of `app` from here on, compressed when the client accepts it. */
export function registerJsonCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => compressJson(request, reply, payload));
}
