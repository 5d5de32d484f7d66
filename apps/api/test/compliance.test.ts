/**
 * Compliance of stored communities. The facts below are chosen against 金山镇城市社区工作管理办法（试行）
 * 第十条 (packages/policy/sources/jinshan.txt): "原则上按照每300—400户居民配备1人的标准核定工作人员数量，每个社区的工作人员不少于5人".
 * 象山 has 4 full-time workers (fewer than 5: the binding minimum fails; 4 is also outside the guiding
 * ratio, so that one warns); 十化建 has 6 workers for 2000 households (at least 5, and within
 * 2000/400 = 5 to 2000/300 ≈ 6.7: both hold).
 */
import { communities, type DatabaseHandle, jurisdictions } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import { fictionalIdNumber } from '@shequ/people';
import { checkCommunity } from '@shequ/policy';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINSHAN, SHIHUAJIAN, seedFixture, WEIHAI, WEIHAI_COMMUNITY, XIANGSHAN } from './fixture.js';
import { insertUser, makeApp, rejection, signedIn, type TestClient } from './harness.js';

const STAFF_MINIMUM = 'jinshan.staff-minimum';
const STAFF_RATIO = 'jinshan.staff-ratio';

let database: DatabaseHandle & { close(): Promise<void> };
let app: FastifyInstance;
let jinshanAdmin: TestClient;
let xiangshanWorker: TestClient;
let weihaiAdmin: TestClient;
let countryAdmin: TestClient;
/** A community of a province without a pack of its own (Nanshan, Shenzhen). */
const NANSHAN_COMMUNITY = '440305001001';

async function setFacts(code: string, facts: Record<string, unknown>, version = 1): Promise<void> {
  await database.db
    .update(communities)
    .set({ facts, version, updatedAt: new Date(Date.UTC(2026, 6, 1, version)) })
    .where(eq(communities.code, code));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await setFacts(XIANGSHAN, { setting: 'urban', households: 1600, residents: 4200, staff: { fullTime: 4 } });
  await setFacts(SHIHUAJIAN, { setting: 'urban', households: 2000, residents: 5100, staff: { fullTime: 6 } });
  await insertUser(database, { username: 'jinshan', role: 'streetAdmin', jurisdictionCode: JINSHAN });
  await insertUser(database, { username: 'xiangshan', role: 'communityWorker', jurisdictionCode: XIANGSHAN });
  await insertUser(database, { username: 'weihai', role: 'cityAdmin', jurisdictionCode: WEIHAI });
  await addNanshanCommunity();
  await insertUser(database, { username: 'root', role: 'systemAdmin', jurisdictionCode: '000000' });
  app = await makeApp(database);
  [jinshanAdmin, xiangshanWorker, weihaiAdmin, countryAdmin] = (await Promise.all(
    ['jinshan', 'xiangshan', 'weihai', 'root'].map((u) => signedIn(app, u)),
  )) as [TestClient, TestClient, TestClient, TestClient];
});

async function addNanshanCommunity(): Promise<void> {
  const ancestry = { provinceCode: '440000', cityCode: '440300', districtCode: '440305' };
  await database.db.insert(jurisdictions).values([
    {
      code: '440000',
      name: '广东省',
      level: 'province',
      parentCode: null,
      provinceCode: '440000',
      cityCode: null,
      districtCode: null,
      streetCode: null,
      communityCount: 1,
    },
    {
      code: '440300',
      name: '深圳市',
      level: 'city',
      parentCode: '440000',
      ...ancestry,
      districtCode: null,
      streetCode: null,
      communityCount: 1,
    },
    {
      code: '440305',
      name: '南山区',
      level: 'district',
      parentCode: '440300',
      ...ancestry,
      streetCode: null,
      communityCount: 1,
    },
    {
      code: '440305001',
      name: '南头街道',
      level: 'street',
      parentCode: '440305',
      ...ancestry,
      streetCode: null,
      communityCount: 1,
    },
    {
      code: NANSHAN_COMMUNITY,
      name: '南山测试社区居委会',
      level: 'community',
      parentCode: '440305001',
      ...ancestry,
      streetCode: '440305001',
      communityCount: 0,
    },
  ]);
  await database.db.insert(communities).values({
    code: NANSHAN_COMMUNITY,
    name: '南山测试社区居委会',
    ...ancestry,
    streetCode: '440305001',
    setting: 'urban',
    households: 4200,
    residents: 11000,
    facts: { setting: 'urban', households: 4200, residents: 11000, committee: { members: 7 } },
    asOf: '2026-06-30',
    version: 1,
    updatedAt: new Date('2026-07-01T00:00:00Z'),
  });
}

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('compliance.community', () => {
  it('agrees with `shequ check` on the same stored snapshot: every result, quantity and count', async () => {
    for (const code of [XIANGSHAN, SHIHUAJIAN]) {
      const page = await jinshanAdmin.compliance.community.query({ code });
      const [row] = await database.db.select().from(communities).where(eq(communities.code, code));
      const cli = checkCommunity({
        code,
        name: String(row?.name),
        asOf: String(row?.asOf),
        ...row?.facts,
      });
      const shown = page.results.map((r) => [r.rule, r.status, r.expected, r.actual, r.message]);
      expect(shown).toEqual(cli.results.map((r) => [r.rule, r.status, r.expected, r.actual, r.message]));
      expect(page.quantities).toEqual(cli.quantities);
      expect(page.summary).toEqual(cli.summary);
    }
  });

  it('fails the binding minimum of five workers and passes it with six', async () => {
    const xiangshan = await jinshanAdmin.compliance.community.query({ code: XIANGSHAN });
    const shihuajian = await jinshanAdmin.compliance.community.query({ code: SHIHUAJIAN });
    const status = (report: typeof xiangshan, rule: string) =>
      report.results.find((r) => r.rule === rule)?.status;
    expect(status(xiangshan, STAFF_MINIMUM)).toBe('fail');
    expect(status(shihuajian, STAFF_MINIMUM)).toBe('pass');
    // 原则上 guides rather than binds: a miss warns.
    expect(status(xiangshan, STAFF_RATIO)).toBe('warn');
    expect(status(shihuajian, STAFF_RATIO)).toBe('pass');
    expect(xiangshan.summary.fail).toBeGreaterThanOrEqual(1);
    expect(xiangshan.community).toMatchObject({ code: XIANGSHAN, name: '象山社区居委会' });
    expect(xiangshan.jurisdictions).toEqual([
      { code: '000000', name: '全国' },
      { code: JINSHAN, name: '金山镇' },
    ]);
    expect(xiangshan.asOf).toBe('2026-06-30');
  });

  it('explains a result: the fact read and the parameter with its value, citation and pack', async () => {
    const report = await jinshanAdmin.compliance.community.query({ code: XIANGSHAN });
    const result = report.results.find((r) => r.rule === STAFF_MINIMUM);
    expect(result?.citation).toMatchObject({
      document: '金山镇城市社区工作管理办法（试行）',
      article: '第十条',
    });
    expect(result?.explanation?.facts).toContainEqual({ path: 'staff.fullTime', value: 4 });
    const parameter = result?.explanation?.parameters.find((p) => p.value === 5);
    expect(parameter?.suppliedBy).toBe(JINSHAN);
    // The console names the parameter in Chinese, not by its code name.
    expect(parameter?.label).toMatch(/[\u4e00-\u9fff]/);
    expect(parameter?.citation?.article).toBe('第十条');
    expect(parameter?.citation?.quote).toContain('每个社区的工作人员不少于5人');
  });

  it('shows the text of the cited article beside each result', async () => {
    const report = await jinshanAdmin.compliance.community.query({ code: XIANGSHAN });
    for (const result of report.results) {
      const text = result.articleText;
      // The article holds the sentence the rule quotes, and more than a quote would.
      expect(text).toContain(result.citation.quote.slice(0, 20));
    }
    const minimum = report.results.find((r) => r.rule === STAFF_MINIMUM);
    expect(minimum?.articleText).toContain('每个社区的工作人员不少于5人');
  });

  it('evaluates on another date on request, and names a bad reading in the field errors', async () => {
    const before = await jinshanAdmin.compliance.community.query({ code: XIANGSHAN, asOf: '2019-12-31' });
    // The document came into force on 2020-01-06 (第三十二条): before that nothing of it applies.
    const town = before.results.filter((r) => r.jurisdiction === JINSHAN);
    expect(town.length).toBeGreaterThan(0);
    expect(town.every((r) => r.status === 'not-applicable')).toBe(true);
    // The national law applies then, in its 2018 text.
    expect(before.results.find((r) => r.rule === 'national.committee-scale')?.status).not.toBe(
      'not-applicable',
    );
    const error = await rejection(
      jinshanAdmin.compliance.community.query({
        code: XIANGSHAN,
        readings: { 'no.such-reading': 'alternative' },
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data?.fieldErrors ?? {})).toContain('readings.no.such-reading');
  });

  it('refuses a community outside the reader’s node', async () => {
    const foreign = await rejection(jinshanAdmin.compliance.community.query({ code: WEIHAI_COMMUNITY }));
    expect(foreign.data?.code).toBe('FORBIDDEN');
    const neighbour = await rejection(xiangshanWorker.compliance.community.query({ code: SHIHUAJIAN }));
    expect(neighbour.data?.code).toBe('FORBIDDEN');
    const missing = await rejection(jinshanAdmin.compliance.community.query({ code: '370305111099' }));
    expect(missing.data?.code).toBe('NOT_FOUND');
  });
});

describe('communities of a province without a pack of its own', () => {
  it('are checked against the national law, in the version in force on their date', async () => {
    const report = await countryAdmin.compliance.community.query({ code: NANSHAN_COMMUNITY });
    expect(report.jurisdictions).toEqual([{ code: '000000', name: '全国' }]);
    const scale = report.results.find((r) => r.rule === 'national.committee-scale-2025');
    // 4200 households: above the revision's 1000—3000 (一般: a warning).
    expect(scale).toMatchObject({ status: 'warn', citation: { article: '第三条' } });
    expect(scale?.articleText).toContain('一千户至三千户');
  });

  it('count in the country’s overview: every community in the registry is evaluated', async () => {
    const dashboard = await countryAdmin.compliance.dashboard.query({ jurisdictionCode: '000000' });
    expect(dashboard.communities).toBe(5);
    expect(dashboard.evaluated).toBe(5);
    expect(dashboard.uncovered).toBe(0);
    expect(dashboard.children.map((c) => [c.code, c.communities])).toEqual([
      ['370000', 4],
      ['440000', 1],
    ]);
    const scale = dashboard.rules.find((r) => r.rule === 'national.committee-scale-2025');
    expect(scale?.counts).toMatchObject({ warn: 1 });
  });
});

describe('compliance.dashboard and compliance.failing', () => {
  it('counts each rule’s statuses over the node’s communities and the failing ones per child', async () => {
    const dashboard = await jinshanAdmin.compliance.dashboard.query({ jurisdictionCode: JINSHAN });
    expect(dashboard.node).toMatchObject({ code: JINSHAN, name: '金山镇' });
    expect(dashboard.communities).toBe(2);
    expect(dashboard.withFail).toBe(1);
    const minimum = dashboard.rules.find((r) => r.rule === STAFF_MINIMUM);
    expect(minimum?.counts).toEqual({ pass: 1, fail: 1, warn: 0, 'not-applicable': 0, unknown: 0 });
    const ratio = dashboard.rules.find((r) => r.rule === STAFF_RATIO);
    expect(ratio?.counts).toMatchObject({ pass: 1, warn: 1, fail: 0 });
    for (const rule of dashboard.rules) {
      expect(Object.values(rule.counts).reduce((a, b) => a + b, 0)).toBe(2);
    }
    // Below a town the breakdown is by community.
    expect(dashboard.children).toEqual([
      { code: SHIHUAJIAN, name: '十化建社区居委会', communities: 1, failing: 0, warningOnly: 0 },
      { code: XIANGSHAN, name: '象山社区居委会', communities: 1, failing: 1, warningOnly: 0 },
    ]);
  });

  it('lists the communities failing a rule, paged, and sees a change at once', async () => {
    const failing = await jinshanAdmin.compliance.failing.query({
      jurisdictionCode: JINSHAN,
      rule: STAFF_MINIMUM,
    });
    expect(failing.total).toBe(1);
    expect(failing.items.map((i) => i.code)).toEqual([XIANGSHAN]);
    expect(failing.items[0]?.streetName).toBe('金山镇');

    await setFacts(SHIHUAJIAN, { setting: 'urban', households: 2000, staff: { fullTime: 3 } }, 2);
    const after = await jinshanAdmin.compliance.failing.query({
      jurisdictionCode: JINSHAN,
      rule: STAFF_MINIMUM,
      pageSize: 1,
      page: 2,
    });
    expect(after.total).toBe(2);
    expect(after.items.map((i) => i.code)).toEqual([XIANGSHAN]);
    const dashboard = await jinshanAdmin.compliance.dashboard.query({ jurisdictionCode: JINSHAN });
    expect(dashboard.withFail).toBe(2);
    await setFacts(
      SHIHUAJIAN,
      { setting: 'urban', households: 2000, residents: 5100, staff: { fullTime: 6 } },
      3,
    );
  });

  it('breaks a city down by district and refuses a node outside the reader’s own', async () => {
    const weihai = await weihaiAdmin.compliance.dashboard.query({ jurisdictionCode: WEIHAI });
    expect(weihai.communities).toBe(2);
    expect(weihai.children.map((c) => [c.code, c.name, c.communities])).toEqual([['371002', '环翠区', 2]]);
    const refused = await rejection(jinshanAdmin.compliance.dashboard.query({ jurisdictionCode: WEIHAI }));
    expect(refused.data?.code).toBe('FORBIDDEN');
    const above = await rejection(jinshanAdmin.compliance.failing.query({ jurisdictionCode: '370305' }));
    expect(above.data?.code).toBe('FORBIDDEN');
  });
});

describe('a community that keeps a roster', () => {
  it('is judged from the roster in the overview, as on its own page, as soon as the roster changes', async () => {
    const failingMinimum = async () =>
      (
        await jinshanAdmin.compliance.failing.query({ jurisdictionCode: JINSHAN, rule: STAFF_MINIMUM })
      ).items.map((i) => i.code);
    // Typed in: six workers, so only 象山 (four) fails the minimum of five.
    expect(await failingMinimum()).toEqual([XIANGSHAN]);

    // The roster of 十化建 holds three workers on post on its date: the roster decides, not the typed six.
    // An even sequence number is a woman's (GB 11643).
    for (const sequence of [32, 34, 36]) {
      await jinshanAdmin.people.create.mutate({
        worker: {
          communityCode: SHIHUAJIAN,
          name: `十化建社工${sequence}`,
          sex: 'female',
          birthDate: '1988-03-04',
          idNumber: fictionalIdNumber('370305', '1988-03-04', sequence),
          post: 'full-time',
          annualPay: 60000,
          joinedOn: '2026-01-05',
        },
      });
    }
    const page = await jinshanAdmin.compliance.community.query({ code: SHIHUAJIAN });
    expect(page.fromRegister).toContain('staff.fullTime');
    expect(page.results.find((r) => r.rule === STAFF_MINIMUM)?.status).toBe('fail');
    expect(await failingMinimum()).toEqual([SHIHUAJIAN, XIANGSHAN]);
    const dashboard = await jinshanAdmin.compliance.dashboard.query({ jurisdictionCode: JINSHAN });
    expect(dashboard.withFail).toBe(2);
  });
});
