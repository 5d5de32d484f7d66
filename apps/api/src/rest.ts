/**
 * The REST face of the policy engine, for systems in other languages: `POST /api/v1/check` takes a
 * `shequ.community-snapshot/v1` (docs/interfaces.md §2) and returns `shequ check`'s result (§3);
 * `GET /api/v1/jurisdictions` lists the packs; `GET /api/openapi.json` describes both (OpenAPI 3.1).
 *
 * These read no stored data and change nothing: they evaluate the snapshot the caller sends against
 * public documents, so they need no sign-in and write no audit record (the tRPC procedures that read
 * stored communities keep their role and scope checks). Bad input is a 400 naming each field.
 */
import { communitySnapshot, domainErrorMap, fieldErrorRecord, isoDate } from '@shequ/domain';
import { EvaluationInputError } from '@shequ/policy';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiSettings } from './context.js';
import { openApiDocument } from './openapi.js';

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

function badRequest(fieldErrors: Record<string, string[]>): BadRequestBody {
  const message = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join('；')}`)
    .join('\n');
  return { error: 'Bad Request', message, fieldErrors: { ...fieldErrors } };
}

export function registerRestRoutes(app: FastifyInstance, settings: ApiSettings): void {
  app.get('/api/openapi.json', async () => openApiDocument());

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
