/**
 * Keeping unfunded work off communities (减负): the four work-item lists, admission requests for work
 * outside them (费随事转) and the burdens register with its counts for the street's and the city's
 * dashboards. Each procedure checks the role and the jurisdiction, then `@shequ/services` decides and
 * `@shequ/db` stores with the audit record.
 */
import { randomUUID } from 'node:crypto';
import {
  approvedAdmissionsFor,
  communities,
  communitiesUnder,
  decideStoredAdmission,
  endBurden,
  findAdmission,
  findBurden,
  insertAdmission,
  insertBurden,
  listAdmissions,
  listBurdens,
  ServicesError,
  saveWorkListVersion,
  workListVersionsOf,
} from '@shequ/db';
import { chinaDate, divisionCode, divisionLevel, isoDate } from '@shequ/domain';
import {
  admissionDecisionInput,
  admissionDraft,
  admissionKindLabels,
  admissionStatus,
  applicantProblem,
  burdenCounts,
  burdenDraft,
  burdenProblem,
  decideAdmission,
  listedIn,
  listKeepersFor,
  listsInForce,
  nextVersionProblem,
  sumBurdenCounts,
  workListKeeperProblem,
  workListKindLabels,
  workListVersionDraft,
} from '@shequ/services';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { scopePrefix } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { fieldError, forbidden, notFound, refusalAsClientError } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

type Authed = Context & { principal: NonNullable<Context['principal']> };

const today = (ctx: Pick<Context, 'settings'>) => chinaDate(ctx.settings.now());
const who = (ctx: Authed) => ({
  ...auditedAs(ctx),
});
const actorOf = (ctx: Authed) => ({
  userId: ctx.principal.id,
  name: ctx.principal.displayName || ctx.principal.username,
});

/** A ServicesError as the client's error, field paths under `within`. */
function asClientError(error: unknown, within: string): never {
  if (error instanceof ServicesError)
    throw refusalAsClientError(error, (path) => [within, path].filter(Boolean).join('.') || '(root)');
  throw error;
}

async function listsFor(ctx: Authed, code: string, asOf: string) {
  const versions = await workListVersionsOf(ctx.db, listKeepersFor(code));
  return { versions, inForce: listsInForce(versions, code, asOf) };
}

export const workloadRouter = router({
  /**
   * The lists a node works to as of a date (for each kind the version in force of the nearest keeper),
   * and every version kept by the node and those above it.
   */
  lists: authedProcedure
    .input(z.strictObject({ code: divisionCode.optional(), asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      const code = input.code ?? ctx.principal.jurisdictionCode;
      requireScope(ctx.principal, code);
      const asOf = input.asOf ?? today(ctx);
      const { versions, inForce } = await listsFor(ctx, code, asOf);
      return {
        asOf,
        inForce,
        versions: versions.slice().reverse(),
        mayKeep: workListKeeperProblem(ctx.principal, ctx.principal.jurisdictionCode) === undefined,
      };
    }),

  /** A new version of one of the node's lists, by its own administrator; versions take effect in order. */
  saveList: writerProcedure
    .input(z.strictObject({ list: workListVersionDraft }))
    .mutation(async ({ ctx, input }) => {
      const problem = workListKeeperProblem(ctx.principal, input.list.jurisdictionCode);
      if (problem) throw forbidden(problem);
      try {
        return await saveWorkListVersion(ctx.db, input.list, who(ctx), (kept) =>
          nextVersionProblem(input.list, kept),
        );
      } catch (error) {
        asClientError(error, 'list');
      }
    }),

  /** The admission requests of the streets under a node (a city sees what is filed with it), newest first. */
  admissions: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional() }))
    .query(async ({ ctx, input }) => {
      const node = input.under ?? ctx.principal.jurisdictionCode;
      requireScope(ctx.principal, node);
      const level = divisionLevel(node);
      const prefix = level === 'community' ? node.slice(0, 9) : scopePrefix(node);
      const requests = (await listAdmissions(ctx.db, prefix)).filter(
        (r) => level !== 'community' || r.communityCodes.includes(node),
      );
      const items = requests.map((r) => ({ ...r, status: admissionStatus(r) }));
      return {
        items,
        pending: items.filter((r) => r.status === 'pending').length,
        approved: items.filter((r) => r.status === 'approved').length,
        fundingFen: items.reduce((sum, r) => sum + (r.decision?.funding?.amountFen ?? 0), 0),
        mayApply: ctx.principal.role === 'streetAdmin',
        mayDecide: ctx.principal.role === 'districtAdmin',
      };
    }),

  /** A street's request for work outside the lists; work already on a list in force needs none. */
  applyForAdmission: writerProcedure
    .input(z.strictObject({ request: admissionDraft }))
    .mutation(async ({ ctx, input }) => {
      const problem = applicantProblem(ctx.principal, input.request.streetCode);
      if (problem) throw forbidden(problem);
      const asOf = today(ctx);
      const { inForce } = await listsFor(
        ctx,
        input.request.streetCode,
        input.request.startsOn.localeCompare(asOf) > 0 ? input.request.startsOn : asOf,
      );
      const listed = listedIn(inForce, input.request.title);
      if (listed)
        throw fieldError(
          'BAD_REQUEST',
          'request.title',
          `该事项已在${workListKindLabels[listed]}内，无需准入`,
        );
      const known = await ctx.db
        .select({ code: communities.code })
        .from(communities)
        .where(communitiesUnder(input.request.streetCode));
      const codes = new Set(known.map((c) => c.code));
      if (!input.request.communityCodes.every((c) => codes.has(c)))
        throw fieldError('BAD_REQUEST', 'request.communityCodes', '所选社区不在本街道');
      return insertAdmission(
        ctx.db,
        { ...input.request, id: randomUUID(), appliedBy: actorOf(ctx), appliedOn: asOf },
        who(ctx),
      );
    }),

  /**
   * The district's decision: an administrator of the street's district, in the name of the department
   * the kind names; approval with the funding (费随事转); filed with the city.
   */
  decide: writerProcedure
    .input(z.strictObject({ id: z.string().min(1).max(64), decision: admissionDecisionInput }))
    .mutation(async ({ ctx, input }) => {
      const found = await findAdmission(ctx.db, input.id);
      if (!found) throw notFound('没有这个准入申请');
      requireScope(ctx.principal, found.streetCode);
      if (
        ctx.principal.role !== 'districtAdmin' ||
        ctx.principal.jurisdictionCode !== found.streetCode.slice(0, 6)
      )
        throw forbidden(`${admissionKindLabels[found.kind]}事项的准入由该街道所在区的管理员审批`);
      try {
        return await decideStoredAdmission(
          ctx.db,
          input.id,
          (r) => decideAdmission(r, input.decision, { ...ctx.principal, ...actorOf(ctx) }, today(ctx)),
          who(ctx),
        );
      } catch (error) {
        asClientError(error, 'decision');
      }
    }),

  /**
   * The burdens under a node with their counts: per community, and in total (the street's and the
   * city's dashboards).
   */
  burdens: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional(), asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      const node = input.under ?? ctx.principal.jurisdictionCode;
      requireScope(ctx.principal, node);
      const asOf = input.asOf ?? today(ctx);
      const items = await listBurdens(ctx.db, scopePrefix(node));
      const byCode = new Map<string, typeof items>();
      for (const b of items) byCode.set(b.communityCode, [...(byCode.get(b.communityCode) ?? []), b]);
      const codes = [...byCode.keys()];
      const names = new Map(
        codes.length === 0
          ? []
          : (
              await ctx.db
                .select({ code: communities.code, name: communities.name })
                .from(communities)
                .where(inArray(communities.code, codes))
            ).map((c) => [c.code, c.name]),
      );
      const perCommunity = [...byCode.entries()]
        .map(([code, list]) => ({ code, name: names.get(code) ?? code, ...burdenCounts(list, asOf) }))
        .sort((a, b) => b.active - a.active || a.code.localeCompare(b.code));
      return { asOf, items, perCommunity, total: sumBurdenCounts(perCommunity) };
    }),

  /** A task, evaluation or signboard imposed on a community outside the lists without admission. */
  recordBurden: writerProcedure
    .input(z.strictObject({ burden: burdenDraft }))
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.burden.communityCode);
      const asOf = today(ctx);
      const [{ inForce }, admitted] = await Promise.all([
        listsFor(ctx, input.burden.communityCode, input.burden.imposedOn),
        approvedAdmissionsFor(ctx.db, input.burden.communityCode),
      ]);
      const problem = burdenProblem(input.burden, { today: asOf, lists: inForce, admitted });
      if (problem) throw fieldError('BAD_REQUEST', `burden.${problem.path}`, problem.message);
      return insertBurden(ctx.db, { ...input.burden, id: randomUUID(), recordedBy: actorOf(ctx) }, who(ctx));
    }),

  /** The day a burden stopped (task withdrawn, signboard taken down). */
  endBurden: writerProcedure
    .input(z.strictObject({ id: z.string().min(1).max(64), endedOn: isoDate }))
    .mutation(async ({ ctx, input }) => {
      const found = await findBurden(ctx.db, input.id);
      if (!found) throw notFound('没有这条负担记录');
      requireScope(ctx.principal, found.communityCode);
      const asOf = today(ctx);
      try {
        return await endBurden(ctx.db, input.id, input.endedOn, who(ctx), (b) => {
          if (b.endedOn !== undefined) return { path: 'endedOn', message: '该负担已登记结束' };
          if (input.endedOn < b.imposedOn) return { path: 'endedOn', message: '结束日期不能早于下派日期' };
          if (input.endedOn > asOf) return { path: 'endedOn', message: '结束日期不能晚于今天' };
          return undefined;
        });
      } catch (error) {
        asClientError(error, '');
      }
    }),
});
