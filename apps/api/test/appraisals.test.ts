/**
 * Democratic appraisal of residents' committee members through the API (江苏省指引 19（7））: yearly
 * ratings of the members the committee register names, counted across a new term; the second
 * consecutive 不称职 ends the office, recorded and audited, where the guideline governs (大行宫, Nanjing)
 * and not elsewhere (象山, 金山镇); a year the member did not serve and another community's
 * member are refused.
 */
import { auditLog, seedPeopleRegisters } from '@shequ/db';
import { DAXINGGONG, demoRegisters } from '@shequ/people';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { unlabelledAudit } from './audit-labels.js';
import { clerkOfXiangshan, nanjing, neighbourOfShihuajian, XIANGSHAN } from './fixture.js';
import { rejection, useSuiteApp } from './harness.js';

const server = useSuiteApp(
  {
    clerk: clerkOfXiangshan,
    neighbour: neighbourOfShihuajian,
    street: {
      username: 'street',
      role: 'streetAdmin',
      jurisdictionCode: XIANGSHAN.slice(0, 9),
    },
    district: {
      username: 'district',
      role: 'districtAdmin',
      jurisdictionCode: XIANGSHAN.slice(0, 6),
    },
    auditor: { username: 'auditor', role: 'auditor', jurisdictionCode: XIANGSHAN },
    /** A clerk of 大行宫 (Nanjing), whose community the Jiangsu guideline governs. */
    nanjing: { username: 'nanjing', role: 'communityWorker', jurisdictionCode: DAXINGGONG },
  },
  {
    more: nanjing,
    seed: (database) => seedPeopleRegisters(database, demoRegisters()),
  },
);

describe('democratic appraisal of residents’ committee members', () => {
  it('lists the members of the residents’ committees from the register, none rated yet', async () => {
    const members = await server.clerk.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    expect(members.filter((m) => m.name === '张委员').map((m) => [m.termFrom, m.terminated])).toEqual([
      ['2021-06-01', false],
      ['2026-06-01', false],
    ]);
  });

  it('gives the rule of Jiangsu 19（7） for the rating form only where it governs the community', async () => {
    const nanjing = await server.nanjing.appraisals.ofCommunity.query({ communityCode: DAXINGGONG });
    expect(new Set(nanjing.map((m) => m.endsOfficeRule))).toEqual(
      new Set([
        '居民委员会成员连续两次被评议为不称职的，其职务终止（江苏省城市社区居民委员会规范化建设工作指引19（7））。',
      ]),
    );
    const jinshan = await server.clerk.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    expect(jinshan.length).toBeGreaterThan(0);
    expect(jinshan.every((m) => m.endsOfficeRule === null)).toBe(true);
  });

  it('the second consecutive 不称职 ends the office where Jiangsu 19（7） governs, recorded and audited', async () => {
    const members = await server.nanjing.appraisals.ofCommunity.query({ communityCode: DAXINGGONG });
    const member = members.find((m) => m.name === '冯委员');
    if (!member) throw new Error('expected 冯委员 on the committee');
    const entry = { communityCode: DAXINGGONG, committeeId: member.committeeId, memberKey: member.memberKey };
    const first = await server.nanjing.appraisals.record.mutate({
      ...entry,
      year: 2025,
      grade: 'incompetent',
    });
    expect(first).toMatchObject({ terminated: false, officeEnded: null });
    const second = await server.nanjing.appraisals.record.mutate({
      ...entry,
      year: 2026,
      grade: 'incompetent',
    });
    expect(second.officeEnded).toBe(
      '2025年、2026年连续两次被评议为不称职，职务终止（江苏省城市社区居民委员会规范化建设工作指引19（7））',
    );
    const ended = await server.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'people.committee.officeEnded'));
    expect(ended).toHaveLength(1);
    const after = await server.nanjing.appraisals.ofCommunity.query({ communityCode: DAXINGGONG });
    expect(after.find((m) => m.name === '冯委员')?.terminated).toBe(true);
    expect(after.find((m) => m.name === '钱书记')?.terminated).toBe(false);
    const page = await server.nanjing.appraisals.ofWorker.query({ workerId: member.workerId as string });
    expect(page).toMatchObject({ terminated: true });

    // Correcting 2026 to 基本称职 lifts it; the record of the earlier decision stays in the audit log.
    const corrected = await server.nanjing.appraisals.record.mutate({
      ...entry,
      year: 2026,
      grade: 'basicallyCompetent',
    });
    expect(corrected.terminated).toBe(false);
  });

  it('counts ratings across a new term, and ends no office where Jiangsu 19（7） does not govern (金山镇)', async () => {
    const members = await server.clerk.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    const oldTerm = members.find((m) => m.name === '张委员' && m.termFrom === '2021-06-01');
    const newTerm = members.find((m) => m.name === '张委员' && m.termFrom === '2026-06-01');
    if (!oldTerm || !newTerm) throw new Error('expected 张委员 on both terms');
    const ended = async () =>
      (
        await server.database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'people.committee.officeEnded'))
      ).length;
    const endedBefore = await ended();
    await server.clerk.appraisals.record.mutate({
      communityCode: XIANGSHAN,
      committeeId: oldTerm.committeeId,
      memberKey: oldTerm.memberKey,
      year: 2025,
      grade: 'incompetent',
    });
    const second = await server.clerk.appraisals.record.mutate({
      communityCode: XIANGSHAN,
      committeeId: newTerm.committeeId,
      memberKey: newTerm.memberKey,
      year: 2026,
      grade: 'incompetent',
    });
    expect(second).toMatchObject({ terminated: false, officeEnded: null });
    expect(await ended()).toBe(endedBefore);
    const page = await server.clerk.appraisals.ofWorker.query({ workerId: newTerm.workerId as string });
    expect(page).toMatchObject({
      terminated: false,
      history: [
        { year: 2025, grade: 'incompetent' },
        { year: 2026, grade: 'incompetent' },
      ],
    });
  });

  it('refuses a year the member did not serve, a grade that does not exist, and another community', async () => {
    const members = await server.clerk.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    const member = members.find((m) => m.termFrom === '2026-06-01') as (typeof members)[number];
    const early = await rejection(
      server.clerk.appraisals.record.mutate({
        communityCode: XIANGSHAN,
        committeeId: member.committeeId,
        memberKey: member.memberKey,
        year: 2020,
        grade: 'competent',
      }),
    );
    expect(early.data?.httpStatus).toBe(400);
    expect(early.data?.fieldErrors?.year).toEqual(['该成员2020年不在居民委员会任职，不能评议该年度']);
    const badGrade = await rejection(
      server.clerk.appraisals.record.mutate({
        communityCode: XIANGSHAN,
        committeeId: member.committeeId,
        memberKey: member.memberKey,
        year: 2026,
        grade: 'excellent' as never,
      }),
    );
    expect(badGrade.data?.fieldErrors?.grade).toEqual(['评议结果应为 称职、基本称职 或 不称职']);
    const elsewhere = await rejection(
      server.neighbour.appraisals.record.mutate({
        communityCode: XIANGSHAN,
        committeeId: member.committeeId,
        memberKey: member.memberKey,
        year: 2026,
        grade: 'incompetent',
      }),
    );
    expect(elsewhere.data?.httpStatus).toBe(403);
  });

  it('lets the community and its street record (R-ASM-4); the district, an auditor and another community get FORBIDDEN and nothing is written', async () => {
    const members = await server.clerk.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    const member = members.find((m) => m.name === '李主任' && m.termFrom === '2026-06-01');
    if (!member) throw new Error('expected 李主任 on the current term');
    const entry = {
      communityCode: XIANGSHAN,
      committeeId: member.committeeId,
      memberKey: member.memberKey,
      year: 2026,
      grade: 'competent' as const,
    };
    const written = async () =>
      (
        await server.database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'people.committee.appraisal'))
      ).length;
    const before = await written();
    for (const client of [server.district, server.auditor, server.neighbour]) {
      const refused = await rejection(client.appraisals.record.mutate(entry));
      expect(refused.data?.code).toBe('FORBIDDEN');
    }
    const byDistrict = await rejection(server.district.appraisals.record.mutate(entry));
    expect(byDistrict.message).toBe(
      '民主评议结果只能由本社区的社区工作者或所在街道（乡镇）管理员录入（依据本系统规则 R-ASM-4）',
    );
    expect(await written()).toBe(before);
    const afterRefusals = await server.clerk.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    expect(afterRefusals.find((m) => m.memberKey === member.memberKey)?.history).toEqual([]);

    // The street that guides the residents' committee records it.
    await server.street.appraisals.record.mutate(entry);
    expect(await written()).toBe(before + 1);
    // Everyone in scope still reads.
    const read = await server.district.appraisals.ofCommunity.query({ communityCode: XIANGSHAN });
    expect(
      read.filter((m) => m.memberKey === member.memberKey && m.termFrom === '2026-06-01')[0]?.history,
    ).toEqual([{ year: 2026, grade: 'competent' }]);
  });
});

describe('the audit page', () => {
  it('labels the appraisal and the office it ended in Chinese', async () => {
    expect(
      await unlabelledAudit(server.database, ['people.committee.appraisal', 'people.committee.officeEnded']),
    ).toEqual([]);
  });
});
