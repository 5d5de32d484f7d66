/**
 * The OpenAPI document (`GET /api/openapi.json`) and the REST endpoints it describes: the document is
 * valid OpenAPI 3.1, and what the server answers — a check, a 400, the pack list — validates against
 * the document's own schemas, so systems in other languages can generate clients from it.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from './harness.js';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let document: {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

beforeAll(async () => {
  database = await createTestDatabase();
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
    expect(Object.keys(document.paths).sort()).toEqual(['/api/v1/check', '/api/v1/jurisdictions']);
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
