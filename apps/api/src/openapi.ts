/**
 * The OpenAPI 3.1 document of the REST endpoints (`src/rest.ts`), served at `/api/openapi.json`. Its
 * schemas are generated from the same zod schemas the endpoints validate and answer with (zod 4's
 * `z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 uses as is), so the document cannot drift
 * from what is served; `test/openapi.test.ts` validates it and checks served answers against it.
 */
import { communitySnapshot } from '@shequ/domain';
import { checkReportSchema, jurisdictionEntrySchema } from '@shequ/policy';
import { z } from 'zod';

const schema = (zodSchema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(zodSchema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return json;
};

const badRequest = {
  type: 'object',
  required: ['error', 'message', 'fieldErrors'],
  properties: {
    error: { const: 'Bad Request' },
    message: { type: 'string', description: '每个问题一行：字段路径: 中文说明' },
    fieldErrors: {
      type: 'object',
      description: 'problems by field path (`households`, `facility.totalArea`, `query.asOf`)',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Shequ 社区 policy API',
      version: '1.0.0',
      description:
        'Check a community snapshot (docs/interfaces.md §2) against the policy packs of its jurisdiction and get ' +
        'the result of `shequ check` (§3): every rule with its citation, status and a zh-CN message. No sign-in: ' +
        'these endpoints read no stored data.',
    },
    paths: {
      '/api/v1/check': {
        post: {
          operationId: 'checkSnapshot',
          summary: '按政策包检查一个社区快照',
          description:
            'Without `jurisdiction`, the national pack and every pack whose code prefix begins the community code ' +
            'apply, the deepest last. Without `asOf`, the snapshot’s `asOf` is used.',
          parameters: [
            {
              name: 'jurisdiction',
              in: 'query',
              required: false,
              description: 'a pack code (`GET /api/v1/jurisdictions`), as `shequ check --jurisdiction`',
              schema: { type: 'string', pattern: '^\\d{6}(\\d{3})?$' },
            },
            {
              name: 'asOf',
              in: 'query',
              required: false,
              description: 'YYYY-MM-DD: the date the rules are read for',
              schema: { type: 'string', format: 'date' },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CommunitySnapshot' } } },
          },
          responses: {
            '200': {
              description: 'the result; a `fail` among `results` is still 200 (`summary.fail` counts them)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckReport' } } },
            },
            '400': {
              description: 'a bad snapshot or option, each field named',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/BadRequest' } } },
            },
          },
        },
      },
      '/api/v1/jurisdictions': {
        get: {
          operationId: 'listJurisdictions',
          summary: '列出政策包：代码、名称、上级、文件及施行日期',
          responses: {
            '200': {
              description:
                'as `shequ jurisdictions` prints them, the server’s extra packs (`SHEQU_PACKS`) included',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/JurisdictionEntry' } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        CommunitySnapshot: schema(communitySnapshot, 'input'),
        CheckReport: schema(checkReportSchema, 'output'),
        JurisdictionEntry: schema(jurisdictionEntrySchema, 'output'),
        BadRequest: badRequest,
      },
    },
  };
  return cached;
}
