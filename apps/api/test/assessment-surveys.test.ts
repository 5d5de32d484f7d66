/**
 * Resident satisfaction surveys through the API: a district opens one for a quarter, a community issues
 * its one-time answer codes, residents answer on the public page without an account (the console's
 * security headers kept), a second answer with the same code is refused and nothing is written twice,
 * and the answers become the community's residents' score in the results and its breakdown.
 */
import { auditLog } from '@shequ/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/security.js';
import {
  DISTRICT,
  definition,
  FIRST,
  OTHER_STREET,
  SECOND,
  STREET,
  seedEzhou,
} from './assessment-fixture.js';
import { unlabelledAudit } from './audit-labels.js';
import { fakeClock, makeApp, rejection, signedIn, useSuiteApp } from './harness.js';

let schemeId = '';
let surveyId = '';
let codes: string[] = [];
// 2026-04-10 in China: inside the survey of 2026-Q1, opened 2026-04-01 through 2026-04-20.
const clock = fakeClock(new Date('2026-04-10T02:00:00Z'));

const server = useSuiteApp(
  {
    district: { username: 'huarong', role: 'districtAdmin', jurisdictionCode: DISTRICT },
    worker: { username: 'jia', role: 'communityWorker', jurisdictionCode: FIRST },
    street: { username: 'huarongzhen', role: 'streetAdmin', jurisdictionCode: STREET },
  },
  {
    seed: (database) => seedEzhou(database),
    appOptions: { now: clock.now },
  },
);

beforeAll(async () => {
  const created = await server.district.assessment.createScheme.mutate({ definition: definition() });
  await server.district.assessment.publishScheme.mutate({ id: created.id });
  schemeId = created.id;
});

const form = (fields: Record<string, string>) => ({
  'content-type': 'application/x-www-form-urlencoded',
  origin: 'http://localhost:80',
  host: 'localhost',
  payload: new URLSearchParams(fields).toString(),
});

async function answer(community: string, fields: Record<string, string>) {
  const { payload, ...headers } = form(fields);
  return server.app.inject({
    method: 'POST',
    url: `/public/surveys/${surveyId}/${community}`,
    headers,
    payload,
  });
}

describe('opening a survey and issuing codes', () => {
  it('refuses a period that does not exist and dates out of order, naming the fields; a worker may not open one', async () => {
    const bad = await rejection(
      server.district.assessmentSurveys.open.mutate({
        schemeId,
        period: '2026-Q5',
        opensOn: '2026-04-20',
        closesOn: '2026-04-01',
      }),
    );
    expect(bad.data?.httpStatus).toBe(400);
    expect(bad.data?.fieldErrors).toEqual({
      period: ['没有这个考核周期：2026-Q5（应为 2026-Q1 至 2026-Q4，或 annual 表示年度考核）'],
      closesOn: ['截止日期不能早于开始日期'],
    });
    const fromWorker = await rejection(
      server.worker.assessmentSurveys.open.mutate({
        schemeId,
        period: '2026-Q1',
        opensOn: '2026-04-01',
        closesOn: '2026-04-20',
      }),
    );
    expect(fromWorker.data?.httpStatus).toBe(403);
    expect((await server.district.assessmentSurveys.list.query({ schemeId })).surveys).toEqual([]);
  });

  it('opens one survey per period, and a community issues its own codes only', async () => {
    const opened = await server.district.assessmentSurveys.open.mutate({
      schemeId,
      period: '2026-Q1',
      opensOn: '2026-04-01',
      closesOn: '2026-04-20',
    });
    surveyId = opened.id;
    const twice = await rejection(
      server.district.assessmentSurveys.open.mutate({
        schemeId,
        period: '2026-Q1',
        opensOn: '2026-04-01',
        closesOn: '2026-04-20',
      }),
    );
    expect(twice.data?.httpStatus).toBe(409);

    const issued = await server.worker.assessmentSurveys.issueCodes.mutate({
      surveyId,
      communityCode: FIRST,
      count: 3,
    });
    expect(issued.codes).toHaveLength(3);
    expect(issued.codes[0]).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(issued.path).toBe(`/public/surveys/${surveyId}/${FIRST}`);
    codes = issued.codes;
    const elsewhere = await rejection(
      server.worker.assessmentSurveys.issueCodes.mutate({ surveyId, communityCode: SECOND, count: 3 }),
    );
    expect(elsewhere.data?.httpStatus).toBe(403);
    const tooMany = await rejection(
      server.worker.assessmentSurveys.issueCodes.mutate({ surveyId, communityCode: FIRST, count: 501 }),
    );
    expect(tooMany.data?.fieldErrors?.count).toEqual(['份数应在1到500之间']);

    // The audit names the count, never a code.
    const [record] = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'assessment.survey.issueCodes'));
    expect(record?.after).toEqual({ issued: 3 });
    expect(JSON.stringify(record)).not.toContain(codes[0]?.replace('-', ''));
  });
});

describe('residents answering without an account', () => {
  it('serves the form with the console’s security headers, and 404 for a community outside the scheme', async () => {
    const page = await server.app.inject({ method: 'GET', url: `/public/surveys/${surveyId}/${FIRST}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('甲社区居委会');
    expect(page.body).toContain('居民满意度');
    expect(page.body).toContain('name="viewport"');
    expect(page.body).not.toContain('<script');
    const outside = await server.app.inject({
      method: 'GET',
      url: `/public/surveys/${surveyId}/371002001001`,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses an answer with a question left out, naming it, and spends nothing', async () => {
    const response = await answer(FIRST, { code: codes[0] as string });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('请为「居民满意度」选择满意程度');
    const counts = await server.district.assessmentSurveys.list.query({ schemeId });
    expect(counts.surveys[0]?.communities).toEqual([
      expect.objectContaining({ communityCode: FIRST, issued: 3, used: 0, responses: 0 }),
    ]);
  });

  it('takes one answer per code: the second with the same code is refused under R-ASM-1, a made-up code too', async () => {
    const first = await answer(FIRST, {
      code: (codes[0] as string).toLowerCase(),
      'answer.satisfaction': 'verySatisfied',
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('感谢您的参与');
    const again = await answer(FIRST, {
      code: codes[0] as string,
      'answer.satisfaction': 'veryDissatisfied',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('该答卷码已经提交过答卷');
    expect(again.body).toContain('R-ASM-1');
    const madeUp = await answer(FIRST, { code: 'ABCDE-FGHJK', 'answer.satisfaction': 'satisfied' });
    expect(madeUp.statusCode).toBe(400);
    expect(madeUp.body).toContain('答卷码不正确');
    // A code of the first community does not answer for the second.
    const otherCommunity = await answer(SECOND, {
      code: codes[1] as string,
      'answer.satisfaction': 'satisfied',
    });
    expect(otherCommunity.statusCode).toBe(400);
    // The same code sent twice at once: one answer is kept, the other refused.
    const both = await Promise.all([
      answer(FIRST, { code: codes[1] as string, 'answer.satisfaction': 'fair' }),
      answer(FIRST, { code: codes[1] as string, 'answer.satisfaction': 'fair' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);

    const counts = await server.district.assessmentSurveys.list.query({ schemeId });
    expect(counts.surveys[0]).toMatchObject({
      state: 'open',
      questions: [{ id: 'satisfaction', name: '居民满意度' }],
      communities: [{ communityCode: FIRST, issued: 3, used: 2, responses: 2 }],
    });
    const audits = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'assessment.survey.respond'));
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actorId).toBeNull();
  });

  it('limits requests per address and per community link: past either, 429 with a zh-CN page, nothing written', async () => {
    const limited = await makeApp(server.database, {
      now: clock.now,
      surveyRateLimits: { windowMs: 60_000, perAddress: 3, perLink: 5 },
    });
    try {
      const visit = (remoteAddress: string, community = FIRST) =>
        limited.inject({ method: 'GET', url: `/public/surveys/${surveyId}/${community}`, remoteAddress });
      for (let i = 0; i < 3; i++) expect((await visit('198.51.100.1')).statusCode).toBe(200);
      const { payload, ...headers } = form({ code: codes[2] as string, 'answer.satisfaction': 'satisfied' });
      const refused = await limited.inject({
        method: 'POST',
        url: `/public/surveys/${surveyId}/${FIRST}`,
        headers,
        payload,
        remoteAddress: '198.51.100.1',
      });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.body).toContain('短时间内访问这份调查的次数过多，答卷未提交');
      expect(refused.body).toContain('请约 1 分钟后再打开');
      expect(refused.body).not.toMatch(/Too Many|Rate limit/i);
      // The refused answer spent no code and stored nothing.
      const counts = await server.district.assessmentSurveys.list.query({ schemeId });
      expect(counts.surveys[0]?.communities).toEqual([
        expect.objectContaining({ communityCode: FIRST, used: 2, responses: 2 }),
      ]);

      // Another address still gets in, until the link itself has had its 5 requests in the window.
      expect((await visit('198.51.100.2')).statusCode).toBe(200);
      expect((await visit('198.51.100.3')).statusCode).toBe(200);
      const linkFull = await visit('198.51.100.4');
      expect(linkFull.statusCode).toBe(429);
      expect(linkFull.body).toContain('请稍后再试');
      // Another community's link has its own count.
      expect((await visit('198.51.100.4', SECOND)).statusCode).not.toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('the answers are the community’s residents’ score for the quarter, replacing a hand-entered one, traceably', async () => {
    const rounds = (period: string) => [
      { communityCode: FIRST, period, indicatorId: 'party', score: 10 },
      { communityCode: FIRST, period, indicatorId: 'satisfaction', score: 10 },
    ];
    await server.district.assessment.enterScores.mutate({
      schemeId,
      cells: [
        ...rounds('2026-Q1'),
        { communityCode: FIRST, period: 'annual', indicatorId: 'review', score: 100 },
        { communityCode: FIRST, period: 'annual', indicatorId: 'annualSatisfaction', score: 100 },
        { communityCode: OTHER_STREET, period: 'annual', indicatorId: 'review', score: 100 },
      ],
    });
    await server.street.assessment.enterScores.mutate({
      schemeId,
      cells: [{ communityCode: FIRST, period: '2026-Q1', indicatorId: 'service', score: 100 }],
    });
    const breakdown = await server.worker.assessment.breakdown.query({ schemeId, communityCode: FIRST });
    // 非常满意 and 基本满意: (4 + 2) / 8 of 100 = 75, not the 10 typed in.
    expect(breakdown.routineRounds[0]?.leaves.find((l) => l.id === 'satisfaction')).toMatchObject({
      raw: 75,
    });
    expect(breakdown.fromSurveys).toEqual([
      {
        communityCode: FIRST,
        period: '2026-Q1',
        indicatorId: 'satisfaction',
        score: 75,
        responses: 2,
        counts: { verySatisfied: 1, satisfied: 0, fair: 1, dissatisfied: 0, veryDissatisfied: 0 },
      },
    ]);
    // routine 100 × 0.4 + 100 × 0.3 + 75 × 0.3 = 92.5; annual 100; total 92.5 × 0.6 + 100 × 0.4 = 95.5
    const results = await server.district.assessment.results.query({ schemeId });
    expect(results.results.find((r) => r.code === FIRST)?.total).toBe(95.5);
  });

  it('puts the survey closing and the quarter’s score entry on the workbench, each linking to its page', async () => {
    const mine = await server.district.workbench.mine.query();
    expect(mine.assessment.map((i) => [i.kind, i.dueOn, i.daysLeft, i.link])).toEqual([
      ['surveyClosing', '2026-04-20', 10, `/assessment/${schemeId}/surveys`],
      ['scoreEntry', '2026-04-30', 20, `/assessment/${schemeId}`],
    ]);
    // A community worker enters no scores: only the survey.
    expect((await server.worker.workbench.mine.query()).assessment.map((i) => i.kind)).toEqual([
      'surveyClosing',
    ]);
  });

  it('closes after its last day: no answer, no new codes', async () => {
    clock.advance(11 * 24 * 60 * 60_000);
    server.worker = await signedIn(server.app, 'jia');
    const late = await answer(FIRST, { code: codes[2] as string, 'answer.satisfaction': 'satisfied' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('本次调查已经结束');
    const refused = await rejection(
      server.worker.assessmentSurveys.issueCodes.mutate({ surveyId, communityCode: FIRST, count: 1 }),
    );
    expect(refused.data?.fieldErrors?.surveyId).toEqual(['本次调查已经结束，不再发放答卷码']);
  });
});

describe('the audit page', () => {
  it('labels the survey’s actions and objects in Chinese', async () => {
    expect(await unlabelledAudit(server.database, ['assessment.'])).toEqual([]);
  });
});
