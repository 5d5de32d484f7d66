/**
 * Attachments outside tRPC: a scan, photo or video is far larger than a JSON request may be,
 * so it is uploaded as the raw request body and streamed to the blob store, hashed on the way, never
 * held whole in memory; downloading streams it back.
 *
 * Who may do what is decided by the very procedures tRPC uses: the routes call a small router built from
 * `writerProcedure` / `authedProcedure` (session, one-time password, auditor checks) and the archives
 * router's `itemAccess` / `attachmentAccess` (scope, then `requireArchivesAccess`), so the rule lives in
 * one place.
 */
import { Readable } from 'node:stream';
import { attachFile, attachments, BlobTooLarge, type ByteSource, stageBlob } from '@shequ/db';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ApiSettings, auditedAs, contextFactory } from '../context.js';
import { FieldProblems, problemOf } from '../errors.js';
import {
  attachmentAccess,
  attachmentFileName,
  attachmentMediaType,
  type Ctx,
  itemAccess,
} from '../routers/archives.js';
import { authedProcedure, createCallerFactory, router, writerProcedure } from '../trpc.js';
import { blobStore } from './blob-store.js';
import { asTrpcError } from './shared.js';

/** Default largest attachment: a multi-page colour scan or a short video. */
export const DEFAULT_MAX_ATTACHMENT_MB = 200;

/** `SHEQU_MAX_ATTACHMENT_MB` (a positive number of MiB), else 200 MiB. */
export function maxAttachmentBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.SHEQU_MAX_ATTACHMENT_MB ?? DEFAULT_MAX_ATTACHMENT_MB);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error('SHEQU_MAX_ATTACHMENT_MB must be a positive number');
  return Math.floor(mb * 1024 * 1024);
}

/** The file name travels percent-encoded (UTF-8) in this header, as `encodeURIComponent` makes it. */
export const FILE_NAME_HEADER = 'x-file-name';

const id = z.uuid({ error: '应为有效的编号' });

/** The access checks, as procedures, so the same middleware chain runs as for `archives.attach`. */
const gate = router({
  keep: writerProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await itemAccess(ctx, input.id, 'keep');
    return ctx as Ctx;
  }),
  read: authedProcedure.input(z.strictObject({ attachmentId: id })).query(async ({ ctx, input }) => {
    await attachmentAccess(ctx, input.attachmentId, 'catalogue');
    return ctx as Ctx;
  }),
});
const gateCaller = createCallerFactory(gate);

function refuse(field: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new FieldProblems({ [field]: [message] }) });
}

function tooLarge(maxBytes: number): TRPCError {
  const message = `文件不能超过 ${formatMiB(maxBytes)}`;
  return new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message, cause: new FieldProblems({ file: [message] }) });
}

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
}

/** The file name from its header: percent-decoded UTF-8, checked like `archives.attach`'s `fileName`. */
function fileNameOf(request: FastifyRequest): string {
  const raw = request.headers[FILE_NAME_HEADER];
  if (typeof raw !== 'string' || raw === '') throw refuse('fileName', '缺少文件名（X-File-Name）');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw refuse('fileName', '文件名应以 UTF-8 百分号编码');
  }
  const parsed = attachmentFileName.safeParse(decoded);
  if (!parsed.success) throw refuse('fileName', parsed.error.issues[0]?.message ?? '文件名有误');
  return parsed.data;
}

/** The media type without parameters (`; charset=…`); a browser that does not know it sends none. */
function mediaTypeOf(request: FastifyRequest): string {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() || 'application/octet-stream';
  const parsed = attachmentMediaType.safeParse(type);
  if (!parsed.success) throw refuse('mediaType', parsed.error.issues[0]?.message ?? '文件类型有误');
  return parsed.data.toLowerCase();
}

/** `{message, fieldErrors}` with the status tRPC would give, so the console reads both alike. */
function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const converted = asTrpcError(error);
  const trpcError =
    converted instanceof TRPCError
      ? converted
      : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'failed', cause: converted });
  if (trpcError.code === 'INTERNAL_SERVER_ERROR')
    request.log.error({ err: error }, 'attachment route failed');
  return reply.code(getHTTPStatusCodeFromError(trpcError)).send(problemOf(trpcError));
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), so browsers save the Chinese name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function registerAttachmentRoutes(
  app: FastifyInstance,
  settings: ApiSettings,
  options: { maxBytes: number },
): Promise<void> {
  const createContext = contextFactory(settings);
  const caller = async (request: FastifyRequest, reply: FastifyReply) =>
    gateCaller(await createContext({ req: request, res: reply }));

  // An encapsulated scope: its "any type, leave the body unread" parser does not reach tRPC's routes.
  await app.register(async (scope) => {
    scope.setErrorHandler((error: { statusCode?: number }, request, reply) => {
      // Fastify's own refusals (body over the limit, a broken upload) in the same zh-CN shape.
      if (error.statusCode === 413) return sendProblem(request, reply, tooLarge(options.maxBytes));
      if (error.statusCode !== undefined && error.statusCode < 500) {
        return sendProblem(request, reply, refuse('file', '上传的请求有误，请重新选择文件上传'));
      }
      return sendProblem(request, reply, error);
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post<{ Params: { id: string } }>(
      '/api/archives/items/:id/attachments',
      // Fastify refuses a larger declared Content-Length itself; `stageBlob` counts a chunked body.
      { bodyLimit: options.maxBytes },
      async (request, reply) => {
        try {
          const ctx = await (await caller(request, reply)).keep({ id: request.params.id });
          const fileName = fileNameOf(request);
          const mediaType = mediaTypeOf(request);
          const declared = Number(request.headers['content-length']);
          if (declared > options.maxBytes) throw tooLarge(options.maxBytes);
          // Stopping early (too large) must not destroy the request: the 413 still has to reach the client,
          // and Node discards the unread rest of the body once the reply is sent.
          const body: ByteSource | Uint8Array[] =
            request.body instanceof Readable ? request.body.iterator({ destroyOnReturn: false }) : [];
          let blob: Awaited<ReturnType<typeof stageBlob>>;
          try {
            blob = await stageBlob(blobStore(), body, { maxBytes: options.maxBytes });
          } catch (error) {
            if (error instanceof BlobTooLarge) throw tooLarge(options.maxBytes);
            throw error;
          }
          const attachment = await attachFile(ctx.db, auditedAs(ctx), {
            itemId: request.params.id,
            fileName,
            mediaType,
            blob,
          });
          return reply.code(201).send(attachment);
        } catch (error) {
          return sendProblem(request, reply, error);
        }
      },
    );

    scope.get<{ Params: { id: string } }>('/api/archives/attachments/:id', async (request, reply) => {
      try {
        const ctx = await (await caller(request, reply)).read({ attachmentId: request.params.id });
        const [attachment] = await ctx.db
          .select()
          .from(attachments)
          .where(eq(attachments.id, request.params.id))
          .limit(1);
        const bytes = attachment ? await blobStore().open(attachment.storageKey) : null;
        if (!attachment || !bytes) {
          throw new TRPCError({
            code: 'NOT_FOUND',
            message: '附件文件已不在存储中，请做完整性校验并报告管理员',
          });
        }
        // No Content-Length from the database: a file changed on disk (what fixity checks catch) must not
        // break the download mid-stream.
        return (
          reply
            .header('content-type', attachment.mediaType)
            .header('content-disposition', contentDisposition(attachment.fileName))
            // An uploaded HTML or SVG file must never run as the console's origin.
            .header('content-security-policy', "default-src 'none'; sandbox")
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'private, no-store')
            .send(Readable.from(bytes))
        );
      } catch (error) {
        return sendProblem(request, reply, error);
      }
    });
  });
}
