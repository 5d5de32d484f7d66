/**
 * Assessment through the API: an Ezhou district's scheme checked while edited and refused publication
 * while 第三十四条 fails; scores entered in a grid and from Excel, all or nothing with the bad cell
 * named; results and a community's breakdown computed on demand; the street rated by its communities;
 * every procedure scoped by role and jurisdiction, every change audited.
 */
import { assessmentSchemes, auditLog, jurisdictions } from '@shequ/db';
import { exportWorkbook } from '@shequ/facts-io';
import { inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
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
import { WEIHAI } from './fixture.js';
import { rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    district: { username: 'huarong', role: 'districtAdmin', jurisdictionCode: DISTRICT },
    street: { username: 'huarongzhen', role: 'streetAdmin', jurisdictionCode: STREET },
    worker: { username: 'jia', role: 'communityWorker', jurisdictionCode: FIRST },
    weihai: { username: 'weihai', role: 'cityAdmin', jurisdictionCode: WEIHAI },
  },
  {
    seed: (database) => seedEzhou(database),
  },
);

let schemeId = '';

describe('assessment schemes', () => {
  it('checks a scheme live: the breaking sibling weight is named, and a lawful one has its findings', async () => {
    const broken = definition();
    broken.annual.indicators[1] = { ...broken.annual.indicators[1], weight: 0.3 } as never;
    const problems = await server.district.assessment.check.mutate({ definition: broken });
    expect(problems).toEqual({
      valid: false,
      fieldErrors: { 'annual.indicators.1.weight': ['同级指标权重之和应恰为100%（现为90%）'] },
    });
    const ok = await server.district.assessment.check.mutate({
      definition: definition({ streetRatingResidentShare: 0.4 }),
    });
    if (!ok.valid) throw new Error('expected a valid scheme');
    expect(ok.publishable).toBe(false);
    expect(ok.findings.find((f) => f.status === 'fail')).toMatchObject({
      rule: 'ezhou.street-rating-resident-share',
      citation: { article: '第三十五条' },
      documentDate: '2019-12-02',
    });
  });

  it('refuses a weight outside 0–1 with a zh-CN field message, and writes nothing', async () => {
    const bad = definition();
    bad.routine.weight = 1.4;
    const error = await rejection(server.district.assessment.createScheme.mutate({ definition: bad }));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.data?.fieldErrors?.['definition.routine.weight']).toContain('权重应在0到1之间');
    expect(await server.district.assessment.schemes.query({})).toEqual([]);
  });

  it('lets only district administrators in scope make schemes', async () => {
    const fromWorker = await rejection(
      server.worker.assessment.createScheme.mutate({ definition: definition() }),
    );
    expect(fromWorker.data?.httpStatus).toBe(403);
    const fromWeihai = await rejection(
      server.weihai.assessment.createScheme.mutate({ definition: definition() }),
    );
    expect(fromWeihai.data?.httpStatus).toBe(403);
  });

  it('refuses publication while a binding rule fails, naming the article, then publishes the fixed draft', async () => {
    const created = await server.district.assessment.createScheme.mutate({
      definition: definition({
        routine: { ...definition().routine, weight: 0.5 },
        annual: { ...definition().annual, weight: 0.5 },
      }),
    });
    expect(created).toMatchObject({ version: 1, status: 'draft' });
    const refused = await rejection(server.district.assessment.publishScheme.mutate({ id: created.id }));
    expect(refused.data?.httpStatus).toBe(400);
    expect(refused.message).toContain('第三十四条');
    expect(refused.data?.fieldErrors?.['definition.routine.weight']?.[0]).toMatch(
      /^鄂州市城市社区工作规则（试行）第三十四条：不符合/,
    );
    expect((await server.district.assessment.scheme.query({ id: created.id })).status).toBe('draft');

    await server.district.assessment.updateScheme.mutate({ id: created.id, definition: definition() });
    const published = await server.district.assessment.publishScheme.mutate({ id: created.id });
    expect(published.status).toBe('published');
    const edit = await rejection(
      server.district.assessment.updateScheme.mutate({ id: created.id, definition: definition() }),
    );
    expect(edit.data?.httpStatus).toBe(409);
    schemeId = created.id;

    const audits = await server.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'assessment.scheme.%'));
    expect(audits.map((a) => a.action)).toEqual([
      'assessment.scheme.create',
      'assessment.scheme.update',
      'assessment.scheme.publish',
    ]);
  });

  it('shows the scheme to the communities under it, not to another city', async () => {
    expect((await server.worker.assessment.schemes.query({})).map((s) => s.id)).toEqual([schemeId]);
    const error = await rejection(server.weihai.assessment.scheme.query({ id: schemeId }));
    expect(error.data?.httpStatus).toBe(404);
  });
});

const rounds = (code: string, values: { party: number; service: number; satisfaction: number }) =>
  ['2026-Q1', '2026-Q2'].flatMap((period) =>
    Object.entries(values).map(([indicatorId, score]) => ({
      communityCode: code,
      period,
      indicatorId,
      score,
    })),
  );
const annual = (code: string, review: number, annualSatisfaction: number) => [
  { communityCode: code, period: 'annual', indicatorId: 'review', score: review },
  { communityCode: code, period: 'annual', indicatorId: 'annualSatisfaction', score: annualSatisfaction },
];
const withoutStreet = <T extends { indicatorId: string }>(cells: T[]) =>
  cells.filter((c) => c.indicatorId !== 'service');
const onlyStreet = <T extends { indicatorId: string }>(cells: T[]) =>
  cells.filter((c) => c.indicatorId === 'service');

describe('assessment scores and results', () => {
  it('refuses a batch with a bad cell, naming each, and writes none of it', async () => {
    const error = await rejection(
      server.district.assessment.enterScores.mutate({
        schemeId,
        cells: [
          { communityCode: FIRST, period: '2026-Q1', indicatorId: 'party', score: 11 },
          { communityCode: FIRST, period: '2026-Q5', indicatorId: 'party', score: 8 },
          { communityCode: FIRST, period: '2026-Q1', indicatorId: 'service', score: 80 },
          { communityCode: '371002001001', period: 'annual', indicatorId: 'review', score: 80 },
          { communityCode: FIRST, period: 'annual', indicatorId: 'review', score: 80 },
        ],
      }),
    );
    expect(error.data?.httpStatus).toBe(400);
    expect(error.data?.fieldErrors).toEqual({
      'cells.0.score': ['「党建引领」的分数应在0到10之间（现为11）'],
      'cells.1.period': ['没有这个考核周期：2026-Q5（应为 2026-Q1 至 2026-Q4，或 annual 表示年度考核）'],
      'cells.2.indicatorId': ['「为民服务」由街道评分，您不能录入'],
      'cells.3.communityCode': ['社区 371002001001 不在本方案或您的辖区范围内'],
    });
    expect((await server.district.assessment.scores.query({ schemeId })).cells).toEqual([]);
  });

  it('scores entered by the district and the street give totals, grades and ranks within the street and district', async () => {
    const first = [...rounds(FIRST, { party: 9, service: 90, satisfaction: 90 }), ...annual(FIRST, 90, 90)];
    const second = [
      ...rounds(SECOND, { party: 8, service: 80, satisfaction: 70 }),
      ...annual(SECOND, 70, 80),
    ];
    const third = [
      ...rounds(OTHER_STREET, { party: 9, service: 90, satisfaction: 90 }),
      ...annual(OTHER_STREET, 90, 90),
    ];
    await server.district.assessment.enterScores.mutate({
      schemeId,
      cells: [...withoutStreet(first), ...withoutStreet(second), ...withoutStreet(third)],
    });
    const refused = await rejection(
      server.street.assessment.enterScores.mutate({ schemeId, cells: onlyStreet(third) }),
    );
    expect(refused.data?.httpStatus).toBe(400);
    await server.street.assessment.enterScores.mutate({
      schemeId,
      cells: [...onlyStreet(first), ...onlyStreet(second)],
    });

    const results = await server.district.assessment.results.query({ schemeId });
    expect(
      results.results.map((r) => [r.code, r.total, r.grade, r.rank, r.streetRank, r.districtRank]),
    ).toEqual([
      [FIRST, 90, '优秀', 1, 1, 1],
      // routine 80×0.4 + 80×0.3 + 70×0.3 = 77; annual 70×0.6 + 80×0.4 = 74; 77×0.6 + 74×0.4 = 75.8
      [SECOND, 75.8, '合格', 2, 2, 2],
    ]);
    expect(results.incomplete).toEqual([{ code: OTHER_STREET, missingCells: 2 }]);
    // 鄂州 第二十一条（一）: 合格 earns one month of bonus pay, 先进 one and a half more.
    expect(results.results.map((r) => [r.honours, r.bonusMonths])).toEqual([
      [['assessment-qualified', 'district-assessment-advanced'], 2.5],
      [['assessment-qualified'], 1],
    ]);
    expect(results.distribution).toEqual([
      { grade: '优秀', min: 90, count: 1 },
      { grade: '合格', min: 60, count: 1 },
      { grade: '不合格', min: 0, count: 0 },
    ]);

    const mine = await server.worker.assessment.results.query({ schemeId });
    expect(mine.results.map((r) => r.code)).toEqual([FIRST]);
    const breakdown = await server.worker.assessment.breakdown.query({ schemeId, communityCode: FIRST });
    expect(breakdown.formula).toBe('90 × 0.6 + 90 × 0.4 = 90');
    expect(breakdown.routineRounds[0]?.leaves[0]).toMatchObject({
      id: 'party',
      raw: 9,
      normalised: 90,
      contribution: 36,
    });
    const other = await rejection(
      server.worker.assessment.breakdown.query({ schemeId, communityCode: SECOND }),
    );
    expect(other.data?.httpStatus).toBe(403);
  });

  it('imports scores from Excel with Chinese headers: every bad cell by row and column, nothing written', async () => {
    type Row = { code: string; period: string; indicator: string; score: number | string };
    const sheet = async (rows: Row[]) =>
      (
        await exportWorkbook<Row>(
          [
            { header: '社区代码', value: (r) => r.code },
            { header: '考核周期', value: (r) => r.period },
            { header: '指标编号', value: (r) => r.indicator },
            { header: '分数', value: (r) => r.score },
          ],
          rows,
        )
      ).toString('base64');
    const bad = await server.district.assessment.importScores.mutate({
      schemeId,
      fileName: '分数.xlsx',
      contentBase64: await sheet([
        { code: OTHER_STREET, period: '2026-Q3', indicator: 'party', score: 7 },
        { code: OTHER_STREET, period: '2026-Q3', indicator: 'party', score: '很好' },
        { code: OTHER_STREET, period: 'annual', indicator: 'unknown', score: 70 },
      ]),
    });
    expect(bad).toEqual({ ok: false, problems: [{ row: 3, column: '分数', message: '应为数字' }] });
    const rejected = await server.district.assessment.importScores.mutate({
      schemeId,
      fileName: '分数.xlsx',
      contentBase64: await sheet([
        { code: OTHER_STREET, period: '2026-Q3', indicator: 'party', score: 7 },
        { code: OTHER_STREET, period: 'annual', indicator: 'unknown', score: 70 },
      ]),
    });
    expect(rejected).toEqual({
      ok: false,
      problems: [{ row: 3, column: '指标编号', message: '年度考核中没有末级指标 unknown' }],
    });
    const before = (await server.district.assessment.scores.query({ schemeId })).cells.length;
    const good = await server.district.assessment.importScores.mutate({
      schemeId,
      fileName: '分数.xlsx',
      contentBase64: await sheet([{ code: OTHER_STREET, period: '2026-Q3', indicator: 'party', score: 7 }]),
    });
    expect(good).toEqual({ ok: true, saved: 1 });
    expect((await server.district.assessment.scores.query({ schemeId })).cells.length).toBe(before + 1);
    const template = await server.district.assessment.scoreTemplate.query({ schemeId });
    expect(template.fileName).toBe('华容区2026年社区综合考核方案-分数导入模板.xlsx');
  });

  it('rates the street from its communities and residents at the scheme’s share', async () => {
    await server.worker.assessment.rateStreet.mutate({
      schemeId,
      communityCode: FIRST,
      communityScore: 80,
      residentScores: [60, 70, 80],
    });
    const elsewhere = await rejection(
      server.worker.assessment.rateStreet.mutate({
        schemeId,
        communityCode: SECOND,
        communityScore: 80,
        residentScores: [60],
      }),
    );
    expect(elsewhere.data?.httpStatus).toBe(403);
    const rating = await server.district.assessment.streetRating.query({ schemeId, streetCode: STREET });
    expect(rating).toMatchObject({
      ratings: 1,
      residentShare: 0.5,
      rating: { community: 80, resident: 70, total: 75 },
    });
  });

  it('refuses the street rated and another city its communities’ rating (第三十五条, R-ASM-5), writing nothing; the district may enter it', async () => {
    const written = async () =>
      (
        await server.database.db
          .select()
          .from(auditLog)
          .where(like(auditLog.action, 'assessment.streetRating.%'))
      ).length;
    const before = await written();
    const entry = { schemeId, communityCode: SECOND, communityScore: 100, residentScores: [100] };
    const byStreet = await rejection(server.street.assessment.rateStreet.mutate(entry));
    expect(byStreet.data?.code).toBe('FORBIDDEN');
    expect(byStreet.message).toContain('街道（乡镇）是被考评方，不能录入社区对街道的评分');
    const byOtherCity = await rejection(server.weihai.assessment.rateStreet.mutate(entry));
    expect(byOtherCity.data?.code).toBe('FORBIDDEN');
    expect(await written()).toBe(before);
    expect(
      await server.district.assessment.streetRating.query({ schemeId, streetCode: STREET }),
    ).toMatchObject({
      ratings: 1,
    });

    await server.district.assessment.rateStreet.mutate({
      ...entry,
      communityScore: 70,
      residentScores: [70],
    });
    expect(await written()).toBe(before + 1);
    expect(
      await server.district.assessment.streetRating.query({ schemeId, streetCode: STREET }),
    ).toMatchObject({
      ratings: 2,
    });
  });
});

describe('the audit page', () => {
  it('labels every assessment action and its object in Chinese', async () => {
    const written = await server.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'assessment.%'));
    expect(new Set(written.map((r) => r.action))).toEqual(
      new Set([
        'assessment.scheme.create',
        'assessment.scheme.update',
        'assessment.scheme.publish',
        'assessment.scores.save',
        'assessment.streetRating.save',
      ]),
    );
    expect(await unlabelledAudit(server.database, ['assessment.'])).toEqual([]);
  });

  it("names each record's object as people know it: the scheme, and for scores the scheme and the community", async () => {
    const scores = (await server.district.audit.list.query({ entityType: 'assessmentScores', pageSize: 100 }))
      .items;
    expect(scores.length).toBeGreaterThan(0);
    const schemeNames = new Map(
      (await server.database.db.select().from(assessmentSchemes)).map((s) => [s.id, s.name]),
    );
    const codes = scores.map((r) => r.entityId.split('/')[1] ?? '');
    const divisionNames = new Map(
      (
        await server.database.db
          .select({ code: jurisdictions.code, name: jurisdictions.name })
          .from(jurisdictions)
          .where(inArray(jurisdictions.code, codes))
      ).map((d) => [d.code, d.name]),
    );
    for (const record of scores) {
      const [scheme = '', community = ''] = record.entityId.split('/');
      expect(record.entityName).toBe(`${schemeNames.get(scheme)} · ${divisionNames.get(community)}`);
    }
    const schemes = (await server.district.audit.list.query({ entityType: 'assessmentScheme' })).items;
    expect(schemes.map((r) => r.entityName)).toEqual(schemes.map((r) => schemeNames.get(r.entityId)));
    expect(schemes.every((r) => r.entityName?.includes('考核方案'))).toBe(true);
  });
});
