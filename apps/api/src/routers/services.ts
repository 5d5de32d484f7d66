/**
 * Serving residents: service cases from intake to closure, the lists of a community, a street and a
 * worker's own, a case's page, and residents' feedback through a one-time link. Each procedure checks
 * the role and the jurisdiction first; `@shequ/services` decides, `@shequ/db` stores (with the audit
 * record). Residents' identity and mobile numbers are masked unless the role needs them and asks,
 * which is audited. The two feedback procedures are public: the link's token is the only key.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  answerFeedback,
  caseCountsByCommunity,
  communities,
  communitiesUnder,
  createFeedbackLink,
  eraseResidentData,
  exportResidentData,
  feedbackAnswers,
  feedbackLinkCase,
  findActivity,
  findCase,
  findVisitTarget,
  findVolunteer,
  insertActivity,
  insertCase,
  insertVisit,
  insertVisitTarget,
  insertVolunteer,
  listActivities,
  listCaseRows,
  listVolunteers,
  loadVisitRegister,
  recordActivityHours,
  recordCaseFullView,
  recordPoints,
  registerHistory,
  ServicesError,
  saveWindowSetup,
  signUpForActivity,
  stepCase,
  users,
  visitTargetsWithLastVisit,
  volunteerHoursByCommunity,
  windowSetupsAbove,
} from '@shequ/db';
import { chinaDate, communityCode, divisionCode, divisionLevel, isoDate, safeText } from '@shequ/domain';
import {
  activityDraft,
  agencyAnsweredInput,
  agencySubmittedInput,
  applyStep,
  type CaseActor,
  type CaseListRow,
  caseDraft,
  caseStatus,
  closeInput,
  coverageOfLatestVisits,
  currentHandler,
  feedbackInput,
  hoursInput,
  isOverdue,
  isOverdueOn,
  maskedCase,
  mayConfigureWindows,
  mayEraseResidentData,
  mayExportResidentData,
  maySeePersonalData,
  monthsEnding,
  noteInput,
  openCase,
  pointsEntryDraft,
  residentLookup,
  type ServiceCase,
  type StepInput,
  satisfactionTrend,
  serviceCategoryLabels,
  visitCoverage,
  visitDraft,
  visitTargetDraft,
  volunteerDraft,
  windowSetup,
  windowsFor,
} from '@shequ/services';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isInScope, scopePrefix } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { fieldError, forbidden, notFound, refusalAsClientError } from '../errors.js';
import { authedProcedure, publicProcedure, requireScope, router, writerProcedure } from '../trpc.js';

const PAGE_MAX = 200;
const TREND_MONTHS = 12;
/** The feedback link's token: 32 random bytes, base64url (43 characters). */
const feedbackToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: '评价链接无效' });

function today(ctx: Pick<Context, 'settings'>): string {
  return chinaDate(ctx.settings.now());
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A ServicesError as the client's error; field paths are put under `within`, the input's key they came from. */
function asClientError(error: unknown, within: string): never {
  if (error instanceof ServicesError)
    throw refusalAsClientError(error, (path) => (path ? `${within}.${path}` : within));
  throw error;
}

type Authed = Context & { principal: NonNullable<Context['principal']> };

const actorOf = (ctx: Authed): CaseActor => ({
  userId: ctx.principal.id,
  name: ctx.principal.displayName || ctx.principal.username,
});
const who = (ctx: Authed) => ({
  ...auditedAs(ctx),
});

/** A case as a list row (`CaseListRow`, which names the resident only), with whether it is overdue. */
function listRow(row: CaseListRow, asOf: string) {
  return { ...row, overdue: isOverdueOn(row.promisedOn, row.closedOn, asOf) };
}

const stepInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('transfer'),
    toUserId: z.string().min(1).max(64),
    reason: safeText('转交原因', 500),
  }),
  noteInput.extend({ kind: z.literal('note') }),
  agencySubmittedInput.extend({ kind: z.literal('agency-submitted') }),
  agencyAnsweredInput.extend({ kind: z.literal('agency-answered') }),
  closeInput.extend({ kind: z.literal('close') }),
]);

/** The colleague a case is transferred to: an active account, not an auditor, whose scope covers the community. */
async function transferTarget(ctx: Authed, userId: string, community: string): Promise<CaseActor> {
  const [user] = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      jurisdictionCode: users.jurisdictionCode,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
    .catch(() => []);
  if (!user || user.disabledAt !== null || user.role === 'auditor' || !isInScope(user, community))
    throw fieldError('BAD_REQUEST', 'toUserId', '只能转交给本社区或本街道的在岗工作人员');
  return { userId: user.id, name: user.displayName || user.username };
}

/** The windows in force at a code (`windowsFor` over the stored setups of it and above). */
async function windowsOf(ctx: Pick<Context, 'db'>, code: string) {
  return windowsFor(code, await windowSetupsAbove(ctx.db, code));
}

/** The communities' common prefix of a street or community the principal may see. */
function communityOrStreet(ctx: Authed, under: string | undefined): string {
  const node = under ?? ctx.principal.jurisdictionCode;
  requireScope(ctx.principal, node);
  const level = divisionLevel(node);
  if (level !== 'community' && level !== 'street')
    throw fieldError('BAD_REQUEST', 'under', '请选择街道或社区');
  return node;
}

async function caseInScope(ctx: Authed, id: string): Promise<ServiceCase> {
  const found = await findCase(ctx.db, id);
  if (!found) throw notFound('没有这个服务事项');
  requireScope(ctx.principal, found.communityCode);
  const { version: _version, ...c } = found;
  return c;
}

export const servicesRouter = router({
  /**
   * The cases of a community or a street (`under`), or the principal's own (`mine`: first responder
   * or current handler): open ones by default, priority first then by promised date, with the counts
   * of open and overdue ones; a street also gets them per community.
   */
  cases: authedProcedure
    .input(
      z.strictObject({
        under: divisionCode.optional(),
        mine: z.boolean().optional(),
        includeClosed: z.boolean().optional(),
        overdueOnly: z.boolean().optional(),
        asOf: isoDate.optional(),
        limit: z.int().min(1).max(PAGE_MAX).default(50),
        offset: z.int().min(0).max(1_000_000).default(0),
      }),
    )
    .query(async ({ ctx, input }) => {
      const asOf = input.asOf ?? today(ctx);
      const base = {
        includeClosed: input.includeClosed,
        overdueOnly: input.overdueOnly,
        asOf,
        limit: input.limit,
        offset: input.offset,
      };
      if (input.mine) {
        const page = await listCaseRows(ctx.db, { ...base, userId: ctx.principal.id });
        return { asOf, ...page, items: page.items.map((c) => listRow(c, asOf)), communities: [] };
      }
      const node = input.under ?? ctx.principal.jurisdictionCode;
      requireScope(ctx.principal, node);
      const level = divisionLevel(node);
      if (level === 'community') {
        const page = await listCaseRows(ctx.db, { ...base, communityCode: node });
        return { asOf, ...page, items: page.items.map((c) => listRow(c, asOf)), communities: [] };
      }
      if (level !== 'street') throw fieldError('BAD_REQUEST', 'under', '请选择街道或社区');
      const places = await ctx.db
        .select({ code: communities.code, name: communities.name })
        .from(communities)
        .where(communitiesUnder(node))
        .orderBy(asc(communities.code));
      const [page, counts] = await Promise.all([
        listCaseRows(ctx.db, { ...base, streetCode: node }),
        caseCountsByCommunity(
          ctx.db,
          places.map((p) => p.code),
          asOf,
        ),
      ]);
      return {
        asOf,
        ...page,
        items: page.items.map((c) => listRow(c, asOf)),
        communities: places.map((p) => ({ ...p, ...(counts.get(p.code) ?? { open: 0, overdue: 0 }) })),
      };
    }),

  /** One case with its steps; the resident's numbers in full only for a role that needs them, audited. */
  case: authedProcedure
    .input(z.strictObject({ id: z.string().min(1).max(64), full: z.boolean().default(false) }))
    .query(async ({ ctx, input }) => {
      const c = await caseInScope(ctx, input.id);
      if (input.full && !maySeePersonalData(ctx.principal.role))
        throw forbidden('您的角色不能查看居民完整的身份证号码和手机号码');
      if (input.full) await recordCaseFullView(ctx.db, c, who(ctx));
      const asOf = today(ctx);
      return {
        case: input.full ? c : maskedCase(c),
        status: caseStatus(c),
        handler: currentHandler(c),
        overdue: isOverdue(c, asOf),
        maySeeFull: maySeePersonalData(ctx.principal.role),
        history: await registerHistory(ctx.db, 'services.case', c.id),
      };
    }),

  /** The windows and categories a community receives cases at: configured above it, else the default. */
  windows: authedProcedure.input(z.strictObject({ code: communityCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    return { windows: (await windowsOf(ctx, input.code)).windows };
  }),

  /**
   * A jurisdiction's window setup as its administrators see it: the windows in force there, where they
   * come from (its own, a jurisdiction above, or the default), and whether the principal may change them.
   */
  windowSetup: authedProcedure.input(z.strictObject({ code: divisionCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    const found = await windowsOf(ctx, input.code);
    return {
      ...found,
      own: found.from === input.code,
      mayConfigure: mayConfigureWindows(ctx.principal.role),
      categories: serviceCategoryLabels,
    };
  }),

  /** Sets (or with `windows: null` removes) a jurisdiction's windows; every category to exactly one window. */
  setWindows: writerProcedure
    .input(z.strictObject({ code: divisionCode, windows: windowSetup.nullable() }))
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.code);
      if (!mayConfigureWindows(ctx.principal.role)) throw forbidden('只有辖区管理员可以设置服务窗口');
      await saveWindowSetup(ctx.db, input.code, input.windows, who(ctx));
      return { ok: true as const };
    }),

  /** Receives a case: the acting worker is its first responder. */
  open: writerProcedure.input(z.strictObject({ case: caseDraft })).mutation(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.case.communityCode);
    const outcome = openCase(input.case, {
      id: randomUUID(),
      at: ctx.settings.now(),
      by: actorOf(ctx),
      windows: (await windowsOf(ctx, input.case.communityCode)).windows,
    });
    try {
      if (!outcome.ok)
        throw new ServicesError('invalid', outcome.issues.map((i) => i.message).join('；'), outcome.issues);
      return maskedCase(await insertCase(ctx.db, outcome.case, who(ctx)));
    } catch (error) {
      asClientError(error, 'case');
    }
  }),

  /**
   * A step on an open case: transfer (with a reason), a note, the agency's submission or answer, or
   * closure. Closure returns the resident's one-time feedback link token, shown once.
   */
  step: writerProcedure
    .input(z.strictObject({ id: z.string().min(1).max(64), step: stepInput }))
    .mutation(async ({ ctx, input }) => {
      const stored = await caseInScope(ctx, input.id);
      const { kind, ...fields } = input.step;
      let step: StepInput;
      if (input.step.kind === 'transfer') {
        const to = await transferTarget(ctx, input.step.toUserId, stored.communityCode);
        step = { kind: 'transfer', input: { to, reason: input.step.reason } };
      } else step = { kind, input: fields } as StepInput;
      const token = kind === 'close' ? randomBytes(32).toString('base64url') : undefined;
      try {
        const saved = await stepCase(ctx.db, {
          ...who(ctx),
          id: input.id,
          action: `services.case.${kind}`,
          check: (c) => requireScope(ctx.principal, c.communityCode),
          decide: (c) => applyStep(c, step, ctx.settings.now(), actorOf(ctx)),
          ...(token
            ? { afterSave: (tx, c) => createFeedbackLink(tx, c, hashToken(token), ctx.settings.now()) }
            : {}),
        });
        return {
          case: maskedCase(saved),
          status: caseStatus(saved),
          ...(token ? { feedbackToken: token } : {}),
        };
      } catch (error) {
        asClientError(error, 'step');
      }
    }),

  /** The monthly satisfaction trend of a community or a street, the last twelve months. */
  satisfaction: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional(), asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      const node = input.under ?? ctx.principal.jurisdictionCode;
      requireScope(ctx.principal, node);
      const level = divisionLevel(node);
      if (level !== 'community' && level !== 'street')
        throw fieldError('BAD_REQUEST', 'under', '请选择街道或社区');
      const codes =
        level === 'community'
          ? [node]
          : (
              await ctx.db.select({ code: communities.code }).from(communities).where(communitiesUnder(node))
            ).map((r) => r.code);
      const months = monthsEnding(input.asOf ?? today(ctx), TREND_MONTHS);
      const answers = await feedbackAnswers(ctx.db, codes, `${months[0]}-01`);
      return { months: satisfactionTrend(answers, months) };
    }),

  /** A community's visit register with the coverage: who was due and has not been visited (三必到、五必访). */
  visits: authedProcedure
    .input(z.strictObject({ code: communityCode, asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.code);
      const asOf = input.asOf ?? today(ctx);
      const register = await loadVisitRegister(ctx.db, input.code);
      return { asOf, ...visitCoverage(register.targets, register.visits, asOf), visits: register.visits };
    }),

  /**
   * Visit coverage per community of a street (or one community) on `asOf`: on the register, visited
   * and due and not visited (应访未访), by `visitCoverage`; all the communities' targets in one query.
   */
  visitCoverage: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional(), asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      const node = communityOrStreet(ctx, input.under);
      const asOf = input.asOf ?? today(ctx);
      const places = await ctx.db
        .select({ code: communities.code, name: communities.name })
        .from(communities)
        .where(communitiesUnder(node))
        .orderBy(asc(communities.code));
      const registers = await visitTargetsWithLastVisit(
        ctx.db,
        places.map((p) => p.code),
        asOf,
      );
      return {
        asOf,
        communities: places.map((place) => {
          const held = registers.get(place.code) ?? [];
          const coverage = coverageOfLatestVisits(held, asOf);
          return {
            ...place,
            onRegister: coverage.onRegister,
            visited: coverage.visited,
            overdue: coverage.overdue,
          };
        }),
      };
    }),

  /** A household to visit or an event to attend, on the community's register. */
  addVisitTarget: writerProcedure
    .input(z.strictObject({ target: visitTargetDraft }))
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.target.communityCode);
      return insertVisitTarget(ctx.db, { ...input.target, id: randomUUID() }, who(ctx));
    }),

  /** A visit made, by the signed-in worker, on or after the target's registration and not in the future. */
  logVisit: writerProcedure.input(visitDraft).mutation(async ({ ctx, input }) => {
    const target = await findVisitTarget(ctx.db, input.targetId);
    if (!target) throw notFound('没有这个走访对象');
    requireScope(ctx.principal, target.communityCode);
    if (input.on < target.since || input.on > today(ctx))
      throw fieldError('BAD_REQUEST', 'on', '走访日期应在登记日与今天之间');
    await insertVisit(
      ctx.db,
      { ...input, id: randomUUID(), by: actorOf(ctx), communityCode: target.communityCode },
      who(ctx),
    );
    return { ok: true as const };
  }),

  /** A community's volunteers with their points and banked hours (Ezhou 第三十二条; Weihai 二（九）). */
  volunteers: authedProcedure.input(z.strictObject({ code: communityCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    return listVolunteers(ctx.db, input.code);
  }),

  addVolunteer: writerProcedure
    .input(z.strictObject({ volunteer: volunteerDraft }))
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.volunteer.communityCode);
      return insertVolunteer(ctx.db, { ...input.volunteer, id: randomUUID() }, who(ctx));
    }),

  /** Points earned (with minutes for the time bank) or redeemed; never below zero. */
  points: writerProcedure
    .input(z.strictObject({ volunteerId: z.string().min(1).max(64), entry: pointsEntryDraft }))
    .mutation(async ({ ctx, input }) => {
      const found = await findVolunteer(ctx.db, input.volunteerId);
      if (!found) throw notFound('没有这名志愿者');
      requireScope(ctx.principal, found.communityCode);
      try {
        return await recordPoints(ctx.db, input.volunteerId, input.entry, who(ctx));
      } catch (error) {
        asClientError(error, 'entry');
      }
    }),

  /** A community's volunteer activities with their sign-ups and recorded hours. */
  activities: authedProcedure.input(z.strictObject({ code: communityCode })).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    return listActivities(ctx.db, input.code);
  }),

  addActivity: writerProcedure
    .input(z.strictObject({ activity: activityDraft }))
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.activity.communityCode);
      return insertActivity(ctx.db, { ...input.activity, id: randomUUID() }, who(ctx));
    }),

  /** Signs a volunteer of the community up for an activity (capacity, not twice, not after the day). */
  signUp: writerProcedure
    .input(z.strictObject({ activityId: z.string().min(1).max(64), volunteerId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const activity = await findActivity(ctx.db, input.activityId);
      if (!activity) throw notFound('没有这个志愿活动');
      requireScope(ctx.principal, activity.communityCode);
      try {
        await signUpForActivity(ctx.db, { ...input, today: today(ctx) }, who(ctx));
        return { ok: true as const };
      } catch (error) {
        asClientError(error, 'signUp');
      }
    }),

  /** The minutes a volunteer served at an activity, once: credited to the time bank and as points. */
  recordHours: writerProcedure
    .input(
      z.strictObject({
        activityId: z.string().min(1).max(64),
        volunteerId: z.string().min(1).max(64),
        hours: hoursInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const activity = await findActivity(ctx.db, input.activityId);
      if (!activity) throw notFound('没有这个志愿活动');
      requireScope(ctx.principal, activity.communityCode);
      try {
        return await recordActivityHours(ctx.db, { ...input, today: today(ctx) }, who(ctx));
      } catch (error) {
        asClientError(error, 'hours');
      }
    }),

  /** Volunteer hours per community of a street (or one community): banked minutes and activities this year. */
  volunteerHours: authedProcedure
    .input(z.strictObject({ under: divisionCode.optional(), asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      const node = communityOrStreet(ctx, input.under);
      const year = (input.asOf ?? today(ctx)).slice(0, 4);
      const rows = await volunteerHoursByCommunity(ctx.db, node, `${year}-01-01`);
      return { year, communities: rows };
    }),

  /**
   * Everything the service records in the principal's jurisdiction hold about a resident, in full
   * (a request for one's own data); roles that serve residents only; audited.
   */
  exportResident: writerProcedure
    .input(z.strictObject({ lookup: residentLookup }))
    .mutation(async ({ ctx, input }) => {
      if (!mayExportResidentData(ctx.principal.role))
        throw forbidden('只有社区工作者和街道管理员可以导出居民个人信息');
      return exportResidentData(
        ctx.db,
        input.lookup,
        {
          prefix: scopePrefix(ctx.principal.jurisdictionCode),
          jurisdictionCode: ctx.principal.jurisdictionCode,
        },
        who(ctx),
      );
    }),

  /**
   * Erases a resident's personal data on request: the records stay (custody), anonymised; refused while
   * a case is open. Street administrators only; audited.
   */
  eraseResident: writerProcedure
    .input(z.strictObject({ lookup: residentLookup }))
    .mutation(async ({ ctx, input }) => {
      if (!mayEraseResidentData(ctx.principal.role)) throw forbidden('只有街道管理员可以删除居民个人信息');
      try {
        return await eraseResidentData(
          ctx.db,
          input.lookup,
          {
            prefix: scopePrefix(ctx.principal.jurisdictionCode),
            jurisdictionCode: ctx.principal.jurisdictionCode,
          },
          who(ctx),
        );
      } catch (error) {
        asClientError(error, 'lookup');
      }
    }),

  /** What the resident's feedback page shows: the case's subject and the community; no sign-in. */
  feedbackForm: publicProcedure
    .input(z.strictObject({ token: feedbackToken }))
    .query(async ({ ctx, input }) => {
      ctx.settings.feedbackLimiter.hit(ctx.ip, ctx.settings.now());
      const link = await feedbackLinkCase(ctx.db, hashToken(input.token));
      if (!link) throw notFound('评价链接无效');
      const [place] = await ctx.db
        .select({ name: communities.name })
        .from(communities)
        .where(eq(communities.code, link.communityCode))
        .limit(1);
      return { subject: link.subject, communityName: place?.name ?? '', answered: link.answered };
    }),

  /** The resident's score and comment, once per link. */
  giveFeedback: publicProcedure
    .input(feedbackInput.extend({ token: feedbackToken }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.settings.now();
      ctx.settings.feedbackLimiter.hit(ctx.ip, now);
      const answered = await answerFeedback(ctx.db, {
        tokenHash: hashToken(input.token),
        score: input.score,
        ...(input.comment ? { comment: input.comment } : {}),
        at: now,
        answeredOn: chinaDate(now),
        ip: ctx.ip,
      });
      if (!answered) throw fieldError('CONFLICT', 'token', '该评价链接已使用或无效');
      return { ok: true as const };
    }),
});
