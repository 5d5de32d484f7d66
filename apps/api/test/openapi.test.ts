/**
 * The OpenAPI document (`GET /api/openapi.json`) and the REST endpoints it describes: the document is
 * valid OpenAPI 3.1, and what the server answers — a check, a 400, the pack list, the signed-in reads
 * of stored data with their refusals — validates against the document's own schemas, so systems in
 * other languages can generate clients from it. Every REST route the server has is in the document.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, seedFixture, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, sessionCookie } from './harness.js';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let document: {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  app = await makeApp(database);
  const served = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(served.statusCode).toBe(200);
  document = served.json();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const conforms = (component: string, value: unknown) => {
  const validate = ajv.compile(document.components.schemas[component]!);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

const jinshanCommunity = {
  format: 'shequ.community-snapshot/v1',
  code: '370305111007',
  name: '象山社区居委会',
  asOf: '2024-06-30',
  households: 2400,
  staff: { fullTime: 4 },
};

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document describing the check and the pack list', async () => {
    type Spec = Parameters<Validator['validate']>[0];
    const result = await new Validator().validate(document as unknown as Spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does refuse a broken document: a response without its description.
    const broken = structuredClone(document) as unknown as {
      paths: Record<string, { get: { responses: Record<string, object> } }>;
    };
    broken.paths['/api/v1/jurisdictions']!.get.responses['200'] = {};
    expect((await new Validator().validate(broken as unknown as Spec)).valid).toBe(false);
  });

  it('describes every REST route the server answers, and no other', () => {
    const served = servedRoutes(app.printRoutes({ commonPrefix: false })).filter((route) =>
      route.split(' ')[1]!.startsWith('/api/v1/'),
    );
    served.sort();
    const described = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    expect(described).toEqual(served);
    expect(described).toEqual(
      expect.arrayContaining([
        'get /api/v1/communities',
        'get /api/v1/communities/{code}',
        'get /api/v1/communities/{code}/compliance',
        'get /api/v1/communities/{code}/snapshot',
        'get /api/v1/packs/{jurisdictionCode}/article',
        'post /api/v1/session',
      ]),
    );
  });

  it('generates the parameters from the procedures’ input schemas', () => {
    const list = document.paths['/api/v1/communities']!.get as {
      parameters: { name: string; in: string; schema: { maximum?: number } }[];
      security: object[];
    };
    expect(list.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['under', 'search', 'page', 'pageSize', 'minHouseholds']),
    );
    expect(list.parameters.find((p) => p.name === 'pageSize')?.schema.maximum).toBe(100);
    expect(list.security).toEqual([{ sessionCookie: [] }]);
  });
});

/**
 * `method path` of every route in fastify's route tree, path in OpenAPI form: a line's path continues the
 * nearest line above it that starts further left (`/api/v1/communities` then `└── /:code`).
 */
function servedRoutes(tree: string): string[] {
  const stack: { column: number; path: string }[] = [];
  return tree.split('\n').flatMap((line) => {
    const route = /^([^/]*)(\/\S*) \(([^)]+)\)/.exec(line);
    if (!route) return [];
    const column = route[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.column >= column) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + route[2]!;
    stack.push({ column, path });
    return route[3]!
      .split(', ')
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method.toLowerCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
  });
}

const conformsTo = (schemaOf: unknown, value: unknown) => {
  const validate = ajv.compile({
    ...(schemaOf as object),
    $defs: undefined,
    components: document.components,
  } as object);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

const article = encodeURIComponent;

/** Each described read: a URL answered signed in, one outside the account's jurisdiction, one with a bad field. */
const reads: Record<string, { ok: string; outside?: string; bad: string; badField: string }> = {
  '/api/v1/communities': {
    ok: `/api/v1/communities?under=${JINSHAN}&search=${article('象山')}&pageSize=5`,
    outside: '/api/v1/communities?under=371000',
    bad: '/api/v1/communities?pageSize=500',
    badField: 'pageSize',
  },
  '/api/v1/communities/{code}': {
    ok: `/api/v1/communities/${XIANGSHAN}`,
    outside: `/api/v1/communities/${WEIHAI_COMMUNITY}`,
    bad: '/api/v1/communities/12ab',
    badField: 'code',
  },
  '/api/v1/communities/{code}/snapshot': {
    ok: `/api/v1/communities/${XIANGSHAN}/snapshot`,
    outside: `/api/v1/communities/${WEIHAI_COMMUNITY}/snapshot`,
    bad: '/api/v1/communities/370305/snapshot',
    badField: 'code',
  },
  '/api/v1/communities/{code}/compliance': {
    ok: `/api/v1/communities/${XIANGSHAN}/compliance?asOf=2024-06-30`,
    outside: `/api/v1/communities/${WEIHAI_COMMUNITY}/compliance`,
    bad: `/api/v1/communities/${XIANGSHAN}/compliance?asOf=2024-02-30`,
    badField: 'asOf',
  },
  '/api/v1/divisions': {
    ok: `/api/v1/divisions?query=${article('象山')}`,
    bad: '/api/v1/divisions?query=',
    badField: 'query',
  },
  '/api/v1/divisions/{code}': {
    ok: `/api/v1/divisions/${JINSHAN}`,
    outside: '/api/v1/divisions/371000',
    bad: '/api/v1/divisions/abc',
    badField: 'code',
  },
  '/api/v1/packs/{jurisdictionCode}/article': {
    ok: `/api/v1/packs/370305111/article?document=${article('金山镇城市社区工作管理办法（试行）')}&article=${article('第十条')}`,
    bad: '/api/v1/packs/370305111/article?article=x',
    badField: 'document',
  },
};

describe('the signed-in REST reads', () => {
  it('covers every read the document describes', () => {
    const described = Object.entries(document.paths)
      .filter(([, operations]) => 'get' in operations && (operations.get as { security?: unknown }).security)
      .map(([path]) => path)
      .sort();
    expect(Object.keys(reads).sort()).toEqual(described);
  });

  it('answer 200 signed in, 401 without a session, 403 outside scope and 400 naming the field, as described', async () => {
    const cookie = await sessionCookie(app, 'jinshan');
    for (const [path, urls] of Object.entries(reads)) {
      const responses = (document.paths[path]!.get as { responses: Record<string, { content: object }> })
        .responses;
      const schemaFor = (status: string) =>
        (responses[status]!.content as { 'application/json': { schema: unknown } })['application/json']
          .schema;

      const ok = await app.inject({ method: 'GET', url: urls.ok, headers: { cookie } });
      expect(ok.statusCode, `${urls.ok}: ${ok.body}`).toBe(200);
      expect(conformsTo(schemaFor('200'), ok.json()), urls.ok).toEqual([]);

      const anonymous = await app.inject({ method: 'GET', url: urls.ok });
      expect(anonymous.statusCode, urls.ok).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: 'Unauthorized', message: '请先登录' });
      expect(conformsTo(schemaFor('401'), anonymous.json())).toEqual([]);

      if (urls.outside) {
        const outside = await app.inject({ method: 'GET', url: urls.outside, headers: { cookie } });
        expect(outside.statusCode, urls.outside).toBe(403);
        expect(outside.json().message).toBe('无权访问该辖区的数据');
        expect(conformsTo(schemaFor('403'), outside.json())).toEqual([]);
      }

      const bad = await app.inject({ method: 'GET', url: urls.bad, headers: { cookie } });
      expect(bad.statusCode, `${urls.bad}: ${bad.body}`).toBe(400);
      const body = bad.json();
      expect(conformsTo(schemaFor('400'), body)).toEqual([]);
      expect(Object.keys(body.fieldErrors), urls.bad).toContain(urls.badField);
      expect(body.message).toContain(`${urls.badField}: `);
      // The message is Chinese, not zod's English.
      expect(body.fieldErrors[urls.badField].join('')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answer what the console sees: the snapshot, the compliance result and the article text', async () => {
    const cookie = await sessionCookie(app, 'jinshan');
    const get = async (url: string) => (await app.inject({ method: 'GET', url, headers: { cookie } })).json();

    const snapshot = await get(`/api/v1/communities/${XIANGSHAN}/snapshot`);
    expect(snapshot).toMatchObject({ format: 'shequ.community-snapshot/v1', code: XIANGSHAN });
    expect(conforms('CommunitySnapshot', snapshot)).toEqual([]);

    const list = await get(`/api/v1/communities?under=${JINSHAN}&search=${article('象山')}`);
    expect(list.items.map((c: { code: string }) => c.code)).toEqual([XIANGSHAN]);

    const compliance = await get(`/api/v1/communities/${XIANGSHAN}/compliance`);
    expect(compliance.community.code).toBe(XIANGSHAN);
    expect(compliance.results.length).toBeGreaterThan(0);

    const text = await get(
      `/api/v1/packs/370305111/article?document=${article('金山镇城市社区工作管理办法（试行）')}&article=${article('第十条')}`,
    );
    expect(text.text).toContain('不少于5人');

    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/communities/${JINSHAN}999`,
      headers: { cookie },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'Not Found', message: '没有这个社区' });
  });

  it('refuses a wrong password with 401 and a bad sign-in body with 400', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'jinshan', password: 'not-the-password' },
      remoteAddress: '127.0.9.9',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies).toEqual([]);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'jinshan' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fieldErrors)).toContain('password');
  });

  it('refuse an account still holding its one-time password, as the console does', async () => {
    await insertUser(database, {
      username: 'newcomer',
      role: 'streetAdmin',
      jurisdictionCode: JINSHAN,
      mustChangePassword: true,
    });
    const cookie = await sessionCookie(app, 'newcomer');
    const response = await app.inject({
      method: 'GET',
      url: reads['/api/v1/communities']!.ok,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'Forbidden', message: '请先修改初始密码' });
  });
});

describe('POST /api/v1/check', () => {
  it('answers §3’s result for a snapshot, matching the document', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/check', payload: jinshanCommunity });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(conforms('CheckReport', report)).toEqual([]);
    expect(report.jurisdictions.map((j: { code: string }) => j.code)).toEqual(['000000', '370305111']);
    // 金山镇城市社区工作管理办法（试行）第十条: "每个社区的工作人员不少于5人"; 象山 has 4.
    expect(report.results.find((r: { rule: string }) => r.rule === 'jinshan.staff-minimum')).toMatchObject({
      status: 'fail',
      citation: { document: '金山镇城市社区工作管理办法（试行）', article: '第十条' },
    });
    expect(conforms('CommunitySnapshot', jinshanCommunity)).toEqual([]);
  });

  it('takes the options of shequ check as query parameters', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/check?asOf=2020-01-05&jurisdiction=370305111',
      payload: jinshanCommunity,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.asOf).toBe('2020-01-05');
    expect(report.results.find((r: { rule: string }) => r.rule === 'jinshan.staff-minimum')?.status).toBe(
      'not-applicable',
    );
  });

  it('answers 400 naming each bad field of the snapshot or the query, matching the document', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/check?asOf=2024-02-30',
      payload: { ...jinshanCommunity, households: -3, colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(conforms('BadRequest', body)).toEqual([]);
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['colour', 'households', 'query.asOf']);
    expect(body.message).toMatch(/households: /);
    expect(conforms('CommunitySnapshot', { ...jinshanCommunity, households: -3 })).not.toEqual([]);

    const unknownPack = await app.inject({
      method: 'POST',
      url: '/api/v1/check?jurisdiction=999999',
      payload: jinshanCommunity,
    });
    expect(unknownPack.statusCode).toBe(400);
    expect(unknownPack.json().fieldErrors).toEqual({ 'query.jurisdiction': ['没有代码为 999999 的政策包'] });

    const notJson = await app.inject({ method: 'POST', url: '/api/v1/check', payload: [] });
    expect(notJson.statusCode).toBe(400);
  });
});

describe('GET /api/v1/jurisdictions', () => {
  it('lists the packs as shequ jurisdictions does, matching the document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/jurisdictions' });
    expect(response.statusCode).toBe(200);
    const list = response.json() as { code: string }[];
    for (const entry of list) expect(conforms('JurisdictionEntry', entry)).toEqual([]);
    expect(list.map((j) => j.code)).toContain('420700');
  });
});
