/**
 * The OpenAPI 3.1 document of the REST endpoints (`src/rest.ts`), served at `/api/openapi.json`. Its
 * request schemas and parameters are generated from the same zod schemas the endpoints and procedures
 * validate (zod 4's `z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 uses as is), so the
 * document cannot drift from what is served; `test/openapi.test.ts` validates it, checks served answers
 * against it and that every REST route is in it.
 */
import { communitySnapshot } from '@shequ/domain';
import { checkReportSchema, jurisdictionEntrySchema } from '@shequ/policy';
import { z } from 'zod';
import { type RestRead, restReads, restSession } from './rest-routes.js';

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

const problem = {
  type: 'object',
  required: ['error', 'message', 'fieldErrors'],
  properties: {
    error: { type: 'string', description: 'the HTTP reason (`Unauthorized`, `Forbidden`, `Not Found`…)' },
    message: { type: 'string', description: '中文说明；输入有误时每个问题一行：字段: 说明' },
    fieldErrors: {
      type: 'object',
      description: 'problems by field (`code`, `page`…), empty when no field is to blame',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;

const problemResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

type JsonSchema = { properties?: Record<string, object>; required?: string[] };

/** Path and query parameters of a REST read, each with the JSON Schema of its field of the procedure input. */
function parametersOf(read: RestRead): object[] {
  const input = schema(read.input, 'input') as JsonSchema;
  const required = new Set(input.required ?? []);
  return Object.entries(input.properties ?? {}).flatMap(([name, property]) => {
    if (read.path.includes(`{${name}}`)) return [{ name, in: 'path', required: true, schema: property }];
    if (read.queryFields && !read.queryFields.includes(name)) return [];
    return [{ name, in: 'query', required: required.has(name), schema: property }];
  });
}

function readOperation(read: RestRead) {
  return {
    get: {
      operationId: read.operationId,
      summary: read.summary,
      description: read.description,
      security: [{ sessionCookie: [] }],
      parameters: parametersOf(read),
      responses: {
        '200': { description: 'the answer', content: { 'application/json': { schema: read.response } } },
        '400': problemResponse('a bad parameter: `fieldErrors` names it with a zh-CN message'),
        '401': problemResponse('no session, or it has ended: sign in with `POST /api/v1/session`'),
        '403': problemResponse('outside the account’s jurisdiction, or a role that may not read it'),
        '404': problemResponse('nothing stored under that code'),
      },
    },
  };
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Shequ 社区 policy API',
      version: '1.0.0',
      description:
        'Check a community snapshot (docs/interfaces.md §2) against the policy packs of its jurisdiction and get ' +
        'the result of `shequ check` (§3): every rule with its citation, status and a zh-CN message; these two ' +
        'need no sign-in. The reads of stored communities, divisions and article texts need the console’s ' +
        'session cookie (`POST /api/v1/session`) and answer only within the account’s jurisdiction.',
    },
    paths: {
      [restSession.path]: {
        post: {
          operationId: restSession.operationId,
          summary: '登录：以控制台账号取得会话 Cookie',
          description:
            'The console’s sign-in. The answer sets the `shequ_session` cookie (HttpOnly, SameSite=Lax) the reads ' +
            'need; send it back as `Cookie: shequ_session=…`. A session ends after 30 idle minutes or 12 hours. ' +
            'An account still holding its one-time password must change it in the console first (403 on reads).',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(restSession.input, 'input') } },
          },
          responses: {
            '200': {
              description: 'signed in',
              headers: {
                'Set-Cookie': {
                  description: '`shequ_session=…; Path=/; HttpOnly; SameSite=Lax`',
                  schema: { type: 'string' },
                },
              },
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['user'],
                    properties: {
                      user: {
                        type: 'object',
                        required: ['username', 'role', 'jurisdictionCode'],
                        properties: {
                          username: { type: 'string' },
                          displayName: { type: 'string' },
                          role: { type: 'string' },
                          jurisdictionCode: { type: 'string' },
                          mustChangePassword: { type: 'boolean' },
                        },
                      },
                    },
                  },
                },
              },
            },
            '400': problemResponse('a missing or bad field'),
            '401': problemResponse('wrong username or password'),
            '429': problemResponse('too many failed sign-ins: locked for a while'),
          },
        },
      },
      ...Object.fromEntries(restReads.map((read) => [read.path, readOperation(read)])),
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
        Problem: problem,
      },
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'shequ_session',
          description: 'the session cookie `POST /api/v1/session` sets, as the console uses it',
        },
      },
    },
  };
  return cached;
}
