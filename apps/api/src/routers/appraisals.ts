/**
 * Democratic appraisal (民主评议) of residents' committee members, 江苏省指引 19（7）: each year's rating
 * (称职/基本称职/不称职) of each member of a community's residents' committee, the members taken from the
 * committee register. `@shequ/assessment` decides whether a member may be rated for a year and whether
 * a rating is the second consecutive 不称职 that ends the office; the store records the rating and, when
 * it ends the office, that too (both audited). The community and its street record (R-ASM-4); everyone in
 * scope reads.
 */
import {
  type AppraisalRecord,
  appraisalEntry,
  appraisalGrades,
  appraisalOutcome,
  appraisalRecorderProblem,
  appraisalYearProblem,
  endsOffice,
  memberKeyOf,
  officeEndedText,
  officeEndsByAppraisalText,
} from '@shequ/assessment';
import {
  appraisalsOfCommunity,
  appraisalsOfWorker,
  findWorker,
  loadCommunityRegisters,
  recordAppraisal,
  type StoredAppraisal,
} from '@shequ/db';
import { communityCode, type GoverningOptions } from '@shequ/domain';
import { z } from 'zod';
import { auditedAs } from '../context.js';
import { fieldError, forbidden, notFound } from '../errors.js';
import { governsIn } from '../governs.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

/**
 * A member's ratings in the community, across the terms of its residents' committee. Interpretation:
 * 「连续两次」 counts a member's appraisals in a row whether or not a new term began between them — the
 * guideline rates the member's service each year, and re-election does not clear it.
 */
function historyOf(rows: readonly StoredAppraisal[], memberKey: string): AppraisalRecord[] {
  return rows
    .filter((r) => r.memberKey === memberKey)
    .flatMap((r) => {
      const parsed = appraisalEntry.safeParse({ year: r.year, grade: r.grade });
      return parsed.success ? [parsed.data] : [];
    });
}

/** The office ends by appraisal only where Jiangsu 19（7） governs the community (`governs`). */
function outcomeView(history: readonly AppraisalRecord[], options: GoverningOptions) {
  const outcome = appraisalOutcome(history, options);
  return { history, terminated: outcome.terminated, officeEnded: officeEndedText(outcome, options) ?? null };
}

export const appraisalsRouter = router({
  /**
   * The members of the community's residents' committees with each year's rating, whether their office
   * has ended, and `endsOfficeRule`: the sentence of Jiangsu 19（7） where it governs the community (the
   * console shows it by the rating form), `null` where it does not.
   */
  ofCommunity: authedProcedure.input(z.strictObject({ communityCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.communityCode);
    const governs = governsIn(ctx, input.communityCode);
    const [registers, rows] = await Promise.all([
      loadCommunityRegisters(ctx.db, input.communityCode),
      appraisalsOfCommunity(ctx.db, input.communityCode),
    ]);
    const endsOfficeRule = officeEndsByAppraisalText({ governs }) ?? null;
    return registers.committees
      .filter((c) => c.kind === 'residents')
      .flatMap((c) =>
        c.members.map((m) => {
          const memberKey = memberKeyOf(m);
          return {
            committeeId: c.id,
            termFrom: c.termFrom,
            termTo: c.termTo,
            memberKey,
            name: m.name,
            workerId: m.workerId ?? null,
            role: m.role,
            from: m.from,
            to: m.to ?? null,
            ...outcomeView(historyOf(rows, memberKey), { governs }),
            endsOfficeRule,
          };
        }),
      );
  }),

  /** Records one year's rating; says when it is the second consecutive 不称职 that ends the office. */
  record: writerProcedure
    .input(
      z.strictObject({
        communityCode,
        committeeId: z.string().min(1).max(64),
        memberKey: z.string().min(1).max(120),
        year: z.number({ error: '评议年度应为整数' }),
        grade: z.enum(appraisalGrades, { error: '评议结果应为 称职、基本称职 或 不称职' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const refused = appraisalRecorderProblem(ctx.principal, input.communityCode);
      if (refused) throw forbidden(refused);
      const entry = appraisalEntry.safeParse({ year: input.year, grade: input.grade });
      if (!entry.success)
        throw fieldError('BAD_REQUEST', 'year', entry.error.issues[0]?.message ?? '评议年度有误');
      const registers = await loadCommunityRegisters(ctx.db, input.communityCode);
      const committee = registers.committees.find(
        (c) => c.id === input.committeeId && c.kind === 'residents',
      );
      if (!committee) throw notFound('该社区没有这个居民委员会');
      const member = committee.members.find((m) => memberKeyOf(m) === input.memberKey);
      if (!member) throw fieldError('NOT_FOUND', 'memberKey', '该居民委员会没有这名成员');
      // Every time the member sat on the residents' committee, in whichever term, with the term's bounds.
      const services = registers.committees
        .filter((c) => c.kind === 'residents')
        .flatMap((c) =>
          c.members
            .filter((m) => memberKeyOf(m) === input.memberKey)
            .map((m) => ({ from: m.from, to: m.to !== undefined && m.to < c.termTo ? m.to : c.termTo })),
        );
      const problem = appraisalYearProblem(services, entry.data.year);
      if (problem) throw fieldError('BAD_REQUEST', 'year', problem);
      const history = historyOf(await appraisalsOfCommunity(ctx.db, input.communityCode), input.memberKey);
      const governs = governsIn(ctx, input.communityCode);
      const ends = endsOffice(history, entry.data, { governs });
      const after = outcomeView([...history.filter((r) => r.year !== entry.data.year), entry.data], {
        governs,
      });
      await recordAppraisal(ctx.db, auditedAs(ctx), {
        committeeId: committee.id,
        communityCode: input.communityCode,
        memberKey: input.memberKey,
        memberName: member.name,
        workerId: member.workerId ?? null,
        year: entry.data.year,
        grade: entry.data.grade,
        endsOffice: ends && after.officeEnded ? { because: after.officeEnded } : null,
      });
      return after;
    }),

  /** One person's ratings on the residents' committee, for their page. */
  ofWorker: authedProcedure
    .input(z.strictObject({ workerId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const found = await findWorker(ctx.db, input.workerId);
      if (!found) throw notFound('没有这名工作者');
      requireScope(ctx.principal, found.communityCode);
      const rows = await appraisalsOfWorker(ctx.db, input.workerId);
      return outcomeView(historyOf(rows, input.workerId), { governs: governsIn(ctx, found.communityCode) });
    }),
});
