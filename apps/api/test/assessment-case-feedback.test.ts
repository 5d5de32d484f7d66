/**
 * Residents' feedback on closed service cases as a source of the assessment's residents' score
 * (本系统规则 R-ASM-3): a community closes cases in the first quarter, their residents answer the
 * one-time feedback links, other residents answer the quarter's survey; the results and the breakdown
 * count every answer once (the default), tell how many of each source were used, and a scheme that
 * chose `surveyOnly` leaves the feedback out.
 */
import type { DatabaseHandle } from '@shequ/db';
import { createTestDatabase } from '@shequ/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT, definition, FIRST, SECOND, STREET, seedEzhou } from './assessment-fixture.js';
import { seedFixture } from './fixture.js';
import { clientFor, fakeClock, insertUser, makeApp, signedIn, type TestClient } from './harness.js';

let database: DatabaseHandle;
let app: FastifyInstance;
let district: TestClient;
let first: TestClient;
let second: TestClient;
let street: TestClient;
let schemeId = '';
// 2026-03-02 in China: inside 2026-Q1 and its survey, opened 2026-03-01 through 2026-03-31.
const clock = fakeClock(new Date('2026-03-02T02:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  await seedEzhou(database);
  await insertUser(database, { username: 'huarong', role: 'districtAdmin', jurisdictionCode: DISTRICT });
  await insertUser(database, { username: 'jia', role: 'communityWorker', jurisdictionCode: FIRST });
  await insertUser(database, { username: 'yi', role: 'communityWorker', jurisdictionCode: SECOND });
  await insertUser(database, { username: 'huarongzhen', role: 'streetAdmin', jurisdictionCode: STREET });
  app = await makeApp(database, { now: clock.now });
  [district, first, second, street] = (await Promise.all(
    ['huarong', 'jia', 'yi', 'huarongzhen'].map((u) => signedIn(app, u)),
  )) as [TestClient, TestClient, TestClient, TestClient];
  const created = await district.assessment.createScheme.mutate({ definition: definition() });
  await district.assessment.publishScheme.mutate({ id: created.id });
  schemeId = created.id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Opens a case in the worker's community, closes it today and has its resident answer with `score`. */
async function closedCaseAnswered(worker: TestClient, communityCode: string, score: number) {
  const opened = await worker.services.open.mutate({
    case: {
      communityCode,
      channel: 'window',
      category: 'other',
      subject: '开具居住证明',
      resident: { name: '张先生' },
    },
  });
  const closed = await worker.services.step.mutate({
    id: opened.id,
    step: { kind: 'close', result: '已开具', toldOn: '2026-03-02', toldHow: 'phone' },
  });
  await clientFor(app).services.giveFeedback.mutate({ token: closed.feedbackToken ?? '', score });
}

async function answerSurvey(surveyId: string, code: string, level: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/public/surveys/${surveyId}/${FIRST}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:80',
      host: 'localhost',
    },
    payload: new URLSearchParams({ code, 'answer.satisfaction': level }).toString(),
  });
  expect(response.statusCode).toBe(200);
}

async function enterScores(id: string) {
  const routine = (communityCode: string) => [
    { communityCode, period: '2026-Q1', indicatorId: 'party', score: 10 },
    { communityCode, period: '2026-Q1', indicatorId: 'satisfaction', score: 10 },
    { communityCode, period: 'annual', indicatorId: 'review', score: 100 },
    { communityCode, period: 'annual', indicatorId: 'annualSatisfaction', score: 100 },
  ];
  await district.assessment.enterScores.mutate({
    schemeId: id,
    cells: [...routine(FIRST), ...routine(SECOND)],
  });
  await street.assessment.enterScores.mutate({
    schemeId: id,
    cells: [FIRST, SECOND].map((communityCode) => ({
      communityCode,
      period: '2026-Q1',
      indicatorId: 'service',
      score: 100,
    })),
  });
}

describe('case feedback in the residents’ score', () => {
  it('pools the quarter’s survey and feedback answers, each counted once, and traces both sources', async () => {
    await closedCaseAnswered(first, FIRST, 5);
    await closedCaseAnswered(first, FIRST, 1);
    await closedCaseAnswered(second, SECOND, 4);
    const survey = await district.assessmentSurveys.open.mutate({
      schemeId,
      period: '2026-Q1',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
    });
    const { codes } = await first.assessmentSurveys.issueCodes.mutate({
      surveyId: survey.id,
      communityCode: FIRST,
      count: 2,
    });
    await answerSurvey(survey.id, codes[0] as string, 'verySatisfied');
    await answerSurvey(survey.id, codes[1] as string, 'fair');
    await enterScores(schemeId);

    const breakdown = await first.assessment.breakdown.query({ schemeId, communityCode: FIRST });
    // The page is titled with the community's name, not its code.
    expect(breakdown.name).toBe('甲社区居委会');
    // Survey 非常满意 + 基本满意 (4 + 2 steps), feedback 5 and 1 (4 + 0): 10 / 16 of 100 = 62.5, not the
    // survey's 75 alone nor the 10 typed in.
    expect(breakdown.routineRounds[0]?.leaves.find((l) => l.id === 'satisfaction')?.raw).toBe(62.5);
    // The year has no survey: its two feedback answers, (4 + 0) / 8 = 50, replace the 100 typed in.
    expect(breakdown.annual.leaves.find((l) => l.id === 'annualSatisfaction')?.raw).toBe(50);
    const quarter = breakdown.residentScores.find((s) => s.period === '2026-Q1');
    expect(quarter).toMatchObject({
      communityCode: FIRST,
      indicatorId: 'satisfaction',
      score: 62.5,
      survey: { responses: 2, score: 75 },
      caseFeedback: { responses: 2, score: 50, counts: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 } },
    });
    expect(breakdown.residentScores.find((s) => s.period === 'annual')).toMatchObject({
      score: 50,
      caseFeedback: { responses: 2 },
    });
    expect(breakdown.residentScores.find((s) => s.period === 'annual')).not.toHaveProperty('survey');

    // FIRST: routine 100 × 0.4 + 100 × 0.3 + 62.5 × 0.3 = 88.75; annual 100 × 0.6 + 50 × 0.4 = 80;
    // total 88.75 × 0.6 + 80 × 0.4 = 85.25. SECOND, one 4 (75) in both: routine 92.5, annual 90, 91.5.
    const results = await district.assessment.results.query({ schemeId });
    expect(results.results.map((r) => [r.code, r.total])).toEqual([
      [SECOND, 91.5],
      [FIRST, 85.25],
    ]);
  });

  it('a scheme that chose surveyOnly leaves the feedback out', async () => {
    const v2 = await district.assessment.createScheme.mutate({
      definition: definition({ version: 2, residentScoreCombination: 'surveyOnly' }),
    });
    await district.assessment.publishScheme.mutate({ id: v2.id });
    await enterScores(v2.id);
    const breakdown = await second.assessment.breakdown.query({ schemeId: v2.id, communityCode: SECOND });
    expect(breakdown.residentScores).toEqual([]);
    expect(breakdown.routineRounds[0]?.leaves.find((l) => l.id === 'satisfaction')?.raw).toBe(10);
  });
});
