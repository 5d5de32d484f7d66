/**
 * 辖区参数 through the API: 鄂州's city administrator enters the year's average wage with its date and
 * source; a lower or outside administrator is refused citing R-PAR-1; a bad figure is a 400 naming the
 * field with nothing written; the single community's check, the dashboard (its cache moves on) and
 * the what-if all judge the pay with the figure in force, an explicit what-if figure still winning.
 */
import { auditLog, type DatabaseHandle, parameterValues } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDivisions } from './fixture.js';
import { insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

const CITY = '420700';
const DISTRICT = '420703';
const STREET = '420703001';
const COMMUNITY = '420703001001';

let database: DatabaseHandle;
let app: FastifyInstance;
let city: TestClient;
let district: TestClient;
let worker: TestClient;

const wage2025 = {
  jurisdiction: CITY,
  name: 'cityAverageWage',
  value: '85000',
  effectiveFrom: '2025-01-01',
  source: '鄂州市统计局《2025年全市城镇单位在岗职工平均工资公报》',
};

beforeAll(async () => {
  database = await createTestDatabase();
  await insertDivisions(
    database,
    [
      ['420000', '湖北省', 'province', null],
      [CITY, '鄂州市', 'city', '420000'],
      [DISTRICT, '华容区', 'district', CITY],
      [STREET, '华容镇', 'street', DISTRICT],
      [COMMUNITY, '甲社区居委会', 'community', STREET],
    ],
    () => ({ households: 1000, residents: 3000, salary: { annualAverage: 80000 } }),
  );
  await insertUser(database, { username: 'ezhou', role: 'cityAdmin', jurisdictionCode: CITY });
  await insertUser(database, { username: 'huarong', role: 'districtAdmin', jurisdictionCode: DISTRICT });
  await insertUser(database, { username: 'jia', role: 'communityWorker', jurisdictionCode: COMMUNITY });
  app = await makeApp(database);
  [city, district, worker] = (await Promise.all(
    ['ezhou', 'huarong', 'jia'].map((u) => signedIn(app, u)),
  )) as [TestClient, TestClient, TestClient];
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const salaryStatus = async () =>
  (await city.compliance.community.query({ code: COMMUNITY })).results.find((r) => r.rule === 'ezhou.salary')
    ?.status;
const dashboardSalary = async () =>
  (await city.compliance.dashboard.query({ jurisdictionCode: CITY })).rules.find(
    (r) => r.rule === 'ezhou.salary',
  )?.counts;

describe('parameters', () => {
  it('shows what the city must supply, with nothing entered, and the pay check unknown for want of it', async () => {
    const supplied = await city.parameters.supplied.query({});
    expect(supplied.jurisdictionCode).toBe(CITY);
    const wage = supplied.parameters.find((p) => p.name === 'cityAverageWage');
    expect(wage).toMatchObject({
      label: '鄂州市城市在岗职工平均工资',
      unit: '元/年',
      current: null,
      refusal: null,
    });
    expect(supplied.history).toEqual([]);
    expect(await salaryStatus()).toBe('unknown');
    expect((await dashboardSalary())?.unknown).toBe(1);
    const community = await city.compliance.community.query({ code: COMMUNITY });
    expect(community.suppliedParameters).toContainEqual(
      expect.objectContaining({ name: 'cityAverageWage', jurisdiction: CITY, inForce: null }),
    );
  });

  it('refuses a district administrator and a community worker, citing R-PAR-1', async () => {
    const lower = await rejection(district.parameters.enter.mutate(wage2025));
    expect(lower.data?.httpStatus).toBe(403);
    const own = await rejection(district.parameters.enter.mutate({ ...wage2025, jurisdiction: DISTRICT }));
    expect(own.data?.httpStatus).toBe(403);
    expect(own.message).toContain('R-PAR-1');
    const view = await district.parameters.supplied.query({});
    expect(view.parameters.find((p) => p.name === 'cityAverageWage')?.refusal).toContain('鄂州市');
    expect((await rejection(worker.parameters.enter.mutate(wage2025))).data?.httpStatus).toBe(403);
  });

  it('refuses a bad figure with a 400 naming the field, writing nothing', async () => {
    for (const [field, change] of [
      ['value', { value: '-85000' }],
      ['value', { value: '85000.001' }],
      ['effectiveFrom', { effectiveFrom: '2025-13-01' }],
      ['source', { source: '' }],
      ['name', { name: 'twoCommitteesMax' }],
    ] as const) {
      const error = await rejection(city.parameters.enter.mutate({ ...wage2025, ...change }));
      expect(error.data?.httpStatus).toBe(400);
      expect(Object.keys(error.data?.fieldErrors ?? {})).toContain(field);
    }
    expect(await database.db.select().from(parameterValues)).toEqual([]);
  });

  it('records a figure with its audit record; the checks, the dashboard and the what-if use it', async () => {
    const entered = await city.parameters.enter.mutate(wage2025);
    expect(entered.value).toBe('85000.00');
    const [record] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'parameter.enter'));
    expect(record).toMatchObject({ entityType: 'parameterValue', jurisdictionCode: CITY });

    // 80 000 元 is below the 85 000 元 in force on the community's date.
    expect(await salaryStatus()).toBe('fail');
    expect(await dashboardSalary()).toMatchObject({ fail: 1, unknown: 0 });

    const whatIf = await city.policy.whatIf.query({
      jurisdictionCode: CITY,
      parameters: { cityAverageWage: 75000 },
    });
    expect(whatIf.parameters).toEqual([
      expect.objectContaining({ name: 'cityAverageWage', before: 85000, after: 75000 }),
    ]);
    expect(whatIf.rules.find((r) => r.rule === 'ezhou.salary')?.transitions).toEqual([
      { from: 'fail', to: 'pass', count: 1 },
    ]);

    const supplied = await district.parameters.supplied.query({});
    expect(supplied.parameters.find((p) => p.name === 'cityAverageWage')?.current).toMatchObject({
      value: '85000.00',
      jurisdictionName: '鄂州市',
      source: wage2025.source,
    });
  });

  it('keeps a correction as a new entry, and a figure not yet in force leaves the earlier one standing', async () => {
    await city.parameters.enter.mutate({ ...wage2025, value: '79000' });
    await city.parameters.enter.mutate({ ...wage2025, value: '90000', effectiveFrom: '2027-01-01' });
    const supplied = await city.parameters.supplied.query({ asOf: '2026-06-30' });
    expect(supplied.history.map((h) => h.value)).toEqual(['90000.00', '79000.00', '85000.00']);
    expect(supplied.parameters.find((p) => p.name === 'cityAverageWage')?.current?.value).toBe('79000.00');
    expect(await salaryStatus()).toBe('pass');
  });
});
