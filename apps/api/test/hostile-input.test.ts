/**
 * Every tRPC procedure driven with generated and hostile input (fast-check): values shaped by the
 * procedure's own input schema (its JSON Schema), each field sometimes replaced by something hostile —
 * NUL bytes, bidi overrides, invisible-only text, `__proto__` keys, out-of-range integers and dates,
 * malformed cursors — and wholly arbitrary JSON. Whatever comes in: never a 5xx, and a refused call
 * writes nothing (no audit record, no custody-log entry).
 */
import { auditLog, custodyLog, type DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import type { AnyTRPCProcedure } from '@trpc/server';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../src/router.js';
import { JINSHAN, SHIHUAJIAN, seedFixture, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, signedIn, type TestClient } from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let root: TestClient;
const knownIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  knownIds.push(
    await insertUser(database, { username: 'root', role: 'systemAdmin', jurisdictionCode: '000000' }),
  );
  knownIds.push(
    await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN }),
  );
  app = await makeApp(database);
  root = await signedIn(app, 'root');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Values no text field should store, nor any server fall over on. */
const hostileStrings = [
  '\u0000',
  'title\u0000with NUL',
  '\u202Etxt.exe',
  'report\u202Efdp.exe',
  '\u2066isolate\u2069',
  '\u200B\u200C\u200D\uFEFF',
  '\u0007bell',
  'line\nbreak',
  ' ',
  '',
  '\uD800',
  '😀'.repeat(300),
  'x'.repeat(20_000),
  '0000-01-01',
  '+275760-09-13',
  '9999-12-31',
  '1',
  '-1',
  '2026-02-30',
  "'; drop table users; --",
  '%_\\',
  '__proto__',
];
const hostileNumbers = [
  1e15,
  -1e15,
  2 ** 31,
  -(2 ** 31) - 1,
  1.5,
  -0.0001,
  1e308,
  0,
  -1,
  Number.MAX_SAFE_INTEGER,
];
const plausibleStrings = [
  XIANGSHAN,
  SHIHUAJIAN,
  WEIHAI_COMMUNITY,
  JINSHAN,
  '370000',
  '000000',
  '2026-06-30',
  '社区',
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...hostileStrings, ...hostileNumbers, null, true, [], {}),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {}}}')),
);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

/** A value shaped like the schema, with hostile values mixed in at every level. */
function shaped(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((v) => shaped(v, depth + 1)));
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostileValue);
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), hostileValue);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const plain: fc.Arbitrary<unknown> = (() => {
    switch (type) {
      case 'object': {
        const keys = Object.entries(schema.properties ?? {});
        const record = fc.record(
          Object.fromEntries(keys.map(([key, value]) => [key, shaped(value, depth + 1)])),
          {
            requiredKeys: [],
          },
        );
        // Sometimes with a key no schema knows, `__proto__` among them.
        return fc
          .tuple(record, fc.boolean())
          .map(([value, polluted]) =>
            polluted ? { ...value, ...JSON.parse('{"__proto__": {"x": 1}}') } : value,
          );
      }
      case 'array':
        return fc.array(shaped(schema.items, depth + 1), { maxLength: 3 });
      case 'string':
        if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.constantFrom(...knownIds));
        if (schema.format === 'date')
          return fc.constantFrom(
            '2026-06-30',
            '1949-10-01',
            '0000-01-01',
            '9999-12-31',
            '2100-01-01',
            '1899-12-31',
          );
        if (schema.format === 'date-time')
          return fc.constantFrom(
            '2026-06-30T08:00:00+08:00',
            '0000-01-01T00:00:00Z',
            '+275760-09-13T00:00:00Z',
          );
        return fc.oneof(fc.constantFrom(...plausibleStrings), fc.string({ maxLength: 12 }));
      case 'integer':
        return fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom(...hostileNumbers));
      case 'number':
        return fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(...hostileNumbers),
        );
      case 'boolean':
        return fc.boolean();
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: hostileValue });
}

function jsonSchemaOf(procedure: AnyTRPCProcedure): JsonSchema | undefined {
  const inputs = (procedure._def as { inputs?: unknown[] }).inputs ?? [];
  const [schema] = inputs;
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>,
).filter(
  // Signing out would end the session the rest of the run uses.
  ([path]) => path !== 'auth.logout',
);

async function call(path: string, type: string, input: unknown) {
  const cookie = [...root.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = JSON.stringify(input === undefined ? null : input);
  const response =
    type === 'query'
      ? await app.inject({
          method: 'GET',
          url: `/trpc/${path}?input=${encodeURIComponent(body)}`,
          headers: { cookie },
        })
      : await app.inject({
          method: 'POST',
          url: `/trpc/${path}`,
          headers: { cookie, 'content-type': 'application/json' },
          payload: body,
        });
  return response;
}

async function writes(): Promise<number> {
  return (await database.db.$count(auditLog)) + (await database.db.$count(custodyLog));
}

/** The status and field problems of one raw call (as root). */
async function refusal(path: string, input: unknown) {
  const procedure = (appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)[path];
  if (!procedure) throw new Error(`no procedure ${path}`);
  const response = await call(path, (procedure._def as { type: string }).type, input);
  const body = JSON.parse(response.body) as { error?: { data?: { fieldErrors?: Record<string, string[]> } } };
  return { status: response.statusCode, fieldErrors: body.error?.data?.fieldErrors ?? {} };
}

const someId = '00000000-0000-4000-8000-000000000001';

describe('the bad inputs found by hand: each a 400 naming the field', () => {
  it('a NUL byte in any text field, and a __proto__ key', async () => {
    expect(await refusal('archives.create', { community: XIANGSHAN, title: 'a\u0000b' })).toEqual({
      status: 400,
      fieldErrors: { title: ['不能包含空字符（NUL）'] },
    });
    expect(await refusal('jurisdictions.search', { query: '社区\u0000' })).toMatchObject({ status: 400 });
    expect(await refusal('communities.list', JSON.parse('{"__proto__": {"polluted": true}}'))).toEqual({
      status: 400,
      // A computed key: a literal `__proto__:` would set the prototype instead.
      fieldErrors: { ['__proto__']: ['不允许的字段名'] },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A field named like Object's own members is an unknown field like any other.
    expect(await refusal('communities.list', { constructor: 1 })).toEqual({
      status: 400,
      fieldErrors: { constructor: ['不允许的字段：constructor'] },
    });
  });

  it('an integer past the database column, a date in year 0 or 9999, a malformed paging position', async () => {
    const households = await refusal('communities.updateFacts', {
      code: XIANGSHAN,
      expectedVersion: 1,
      asOf: '0000-01-01',
      facts: { households: 1e15 },
    });
    expect(households.status).toBe(400);
    expect(households.fieldErrors['facts.households']).toEqual(['应为不超过 2147483647 的非负整数']);
    expect(households.fieldErrors.asOf).toEqual(['日期应在 1900 年至 2100 年之间']);
    const filter = await refusal('communities.list', { minHouseholds: 2 ** 31, page: 1e15 });
    expect(filter.status).toBe(400);
    expect(Object.keys(filter.fieldErrors).sort()).toEqual(['minHouseholds', 'page']);
    const loan = await refusal('archives.lend', { id: someId, borrower: '王芳', dueOn: '9999-12-31' });
    expect(loan.fieldErrors.dueOn).toEqual(['日期应在 1900 年至 2100 年之间']);
    for (const at of ['1', '+275760-09-13', '2026-13-01']) {
      const paged = await refusal('seals.inbox', { after: { at, id: someId } });
      expect(paged, at).toEqual({
        status: 400,
        fieldErrors: { 'after.at': ['翻页位置应为 ISO 日期或时间'] },
      });
    }
  });

  it('control characters and bidi overrides in names, titles and file names; invisible-only titles', async () => {
    const title = async (value: string) =>
      (await refusal('archives.create', { community: XIANGSHAN, title: value })).fieldErrors.title;
    expect(await title('通知\u202Etxt.exe')).toEqual(['题名不能包含文字方向控制字符（如 U+202E）']);
    expect(await title('第一行\n第二行')).toEqual(['题名不能包含控制字符（如换行、制表符）']);
    expect(await title('\u200B\u200D\uFEFF')).toEqual(['题名不能只由空白或不可见字符组成']);
    expect(await title('\u3164')).toEqual(['题名不能只由空白或不可见字符组成']);
    const attach = await refusal('archives.attach', {
      id: someId,
      fileName: '报告\u202Efdp.exe',
      mediaType: 'application/pdf',
      contentBase64: 'JVBERi0=',
    });
    expect(attach.fieldErrors.fileName).toEqual(['文件名不能包含文字方向控制字符（如 U+202E）']);
    const user = await refusal('users.create', {
      username: 'bell',
      displayName: '王\u0007芳',
      role: 'streetAdmin',
      jurisdictionCode: JINSHAN,
    });
    expect(user.fieldErrors.displayName).toEqual(['姓名不能包含控制字符（如换行、制表符）']);
  });
});

describe('hostile input on every procedure', () => {
  it('has procedures to drive', () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    '%s: no 5xx, nothing written when refused',
    async (path, procedure) => {
      const type = (procedure._def as { type: string }).type;
      const schema = jsonSchemaOf(procedure);
      const input = fc.oneof(
        { weight: 4, arbitrary: shaped(schema) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      );
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const before = await writes();
          const response = await call(path, type, value);
          expect(
            response.statusCode,
            `${path} ${JSON.stringify(value)} → ${response.body.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (response.statusCode >= 400) expect(await writes(), `${path} wrote on refusal`).toBe(before);
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 25), endOnFailure: true },
      );
    },
    120_000,
  );
});
