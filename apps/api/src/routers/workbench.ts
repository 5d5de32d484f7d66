/**
 * 工作台: everyone's first page, the things waiting for the signed-in person. Each list has its own
 * access rule, decided here, and covers only the person's jurisdiction:
 *
 * - approvals: seal requests and seal-end proposals that name them as approver (auditors decide nothing);
 * - to stamp: approved requests waiting for the custodian — a worker sees those of the seals they keep,
 *   administrators and auditors every one in scope;
 * - overdue: loans and seals past their deadline — administrators and auditors in scope, a custodian in
 *   their community, everyone their own borrowing; 催还 (`remind`) by whoever may act as keeper there;
 * - handovers: open ones in which the person's own confirmation is missing;
 * - failing checks: communities in scope with at least one `fail`;
 * - custody logs: for administrators and auditors at any level (community, street, district, city,
 *   province), the communities in scope whose custody log fails against its witnessed checkpoints or
 *   whose witnessed checkpoint is overdue (本系统规则 R-LOG-1). Each log is read and verified in full,
 *   one community after another: a rewrite anywhere in a log must show, and verification runs at
 *   hundreds of thousands of entries a second, so even a city's logs are checked on every open.
 * - democracy deadlines: for a community's own accounts, its meeting notices, disclosures, consultation
 *   outcomes and charter filings overdue or due within 30 days (`@shequ/democracy`).
 * - visits due (三必到、五必访): for a community's own accounts, the households and events of its register
 *   due and not visited (`@shequ/services` `visitCoverage`); visits are the community's, not assigned to
 *   one worker, so every account of the community sees them. Above a community, the street's 服务事项
 *   page shows each community's coverage.
 * - assessment deadlines (`@shequ/assessment` `assessmentDeadlines`): score entry closing for those who
 *   score, residents' surveys closing, the year's scheme not yet published for those who make schemes.
 *
 * The lists are read by `@shequ/db` (workbench.ts); times travel as ISO strings.
 */
import { assessmentDeadlines, compileScheme } from '@shequ/assessment';
import {
  approvedSealRequestsAwaitingCustodian,
  custodyLogsNeedingAttention,
  handoversAwaitingConfirmation,
  listAssessmentSchemes,
  loadDemocracyRegisters,
  overdueLoans,
  overdueSeals,
  recordReminder,
  reminderSubjectCommunity,
  sealEndsAwaitingConfirmation,
  sealRequestsAwaitingDecision,
  surveysOfScheme,
  visitTargetsWithLastVisit,
  WORKBENCH_LIMIT,
  type WorkbenchSealRequest,
} from '@shequ/db';
import { DEADLINE_HORIZON_DAYS, democracyDeadlines } from '@shequ/democracy';
import { ancestorCodes, chinaDate } from '@shequ/domain';
import { coverageOfLatestVisits, visitTargetKindLabels } from '@shequ/services';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { allows, archivesStanding, requireArchivesAccess } from '../auth/archives-access.js';
import { COUNTRY_CODE } from '../auth/roles.js';
import { isAdminRole, isInScope, type Principal, scopePrefix } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { notFound } from '../errors.js';
import { governsIn } from '../governs.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { isSchemeAdmin } from './assessment.js';
import { failingCommunities, failingItems } from './compliance.js';

/** How many failing communities the workbench names; the compliance page lists them all. */
const FAILING_SHOWN = 20;

const id = z.uuid({ error: '应为有效的编号' });

export const remindInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('loan'), loanId: id }),
    z.strictObject({ kind: z.literal('seal'), requestId: id }),
  ],
  { error: '催还对象应为借阅（loan）或印章外带（seal）' },
);

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function sealRequestOut(row: WorkbenchSealRequest) {
  return { ...row, requestedAt: row.requestedAt.toISOString(), returnBy: iso(row.returnBy) };
}

/** Whether the person may act as keeper (stamp, 催还) in `community`: administrators and its custodians. */
async function keepsIn(ctx: Context & { principal: Principal }, community: string): Promise<boolean> {
  if (ctx.principal.role === 'auditor') return false;
  if (isAdminRole(ctx.principal.role)) return isInScope(ctx.principal, community);
  if (community !== ctx.principal.jurisdictionCode) return false;
  return allows(await archivesStanding(ctx.db, ctx.principal, community), 'keep');
}

/** The community's targets due and not visited on `today`, the longest overdue first. */
async function visitsDue(ctx: Context, community: string, today: string) {
  const held = (await visitTargetsWithLastVisit(ctx.db, [community], today)).get(community) ?? [];
  const coverage = coverageOfLatestVisits(held, today);
  const overdue = coverage.items.filter((item) => item.status === 'overdue');
  return {
    total: overdue.length,
    items: overdue.slice(0, WORKBENCH_LIMIT).map((item) => ({
      id: item.target.id,
      communityCode: community,
      name: item.target.name,
      kind: item.target.kind,
      // The label travels with the entry so the first page need not load the services labels.
      kindLabel: visitTargetKindLabels[item.target.kind],
      dueOn: item.dueOn,
      lastVisitOn: item.lastVisitOn ?? null,
    })),
  };
}

/** The assessment deadlines nearing for the person: schemes above and below their node, and their surveys. */
async function assessmentItems(ctx: Context & { principal: Principal }) {
  const code = ctx.principal.jurisdictionCode;
  const covering = code === COUNTRY_CODE ? [] : [code, ...ancestorCodes(code)];
  const rows = await listAssessmentSchemes(ctx.db, {
    scopePrefix: scopePrefix(code),
    ancestorCodes: covering,
  });
  const schemes = rows.flatMap((row) => {
    try {
      return [{ ...row, periods: compileScheme(row.definition).periods }];
    } catch {
      return [];
    }
  });
  const published = schemes.filter((s) => s.status === 'published');
  const surveys = (
    await Promise.all(
      published.map(async (s) =>
        (await surveysOfScheme(ctx.db, s.id)).map((v) => ({ ...v, schemeName: s.name })),
      ),
    )
  ).flat();
  return assessmentDeadlines({
    today: chinaDate(ctx.settings.now()),
    schemes,
    surveys,
    scores: isSchemeAdmin(ctx.principal) || ctx.principal.role === 'streetAdmin',
    makesSchemes: isSchemeAdmin(ctx.principal),
    coveringCodes: covering,
  });
}

export const workbenchRouter = router({
  /** Everything waiting for the signed-in person, each list already limited to what they may see. */
  mine: authedProcedure.query(async ({ ctx }) => {
    const principal = ctx.principal;
    const prefix = scopePrefix(principal.jurisdictionCode);
    const now = ctx.settings.now();
    const admin = isAdminRole(principal.role);
    const auditor = principal.role === 'auditor';
    const standing =
      admin || auditor ? undefined : await archivesStanding(ctx.db, principal, principal.jurisdictionCode);
    const custodian = standing?.custodian === true;
    const seesScope = admin || auditor;

    const checksLogs = seesScope;
    // A community's own people see its deadlines and visits; above a community they are on its pages.
    const community = principal.jurisdictionCode.length === 12 ? principal.jurisdictionCode : undefined;
    const [decisions, sealEnds, toStamp, loans, sealsOut, handovers, failing, logs, assessment, visits] =
      await Promise.all([
        auditor ? [] : sealRequestsAwaitingDecision(ctx.db, principal.id, prefix),
        auditor ? [] : sealEndsAwaitingConfirmation(ctx.db, principal.id, prefix),
        seesScope || custodian
          ? approvedSealRequestsAwaitingCustodian(ctx.db, {
              prefix,
              custodianId: seesScope ? undefined : principal.id,
            })
          : [],
        overdueLoans(ctx.db, {
          prefix: seesScope || custodian ? prefix : undefined,
          userId: principal.id,
          now,
        }),
        overdueSeals(ctx.db, {
          prefix: seesScope || custodian ? prefix : undefined,
          userId: principal.id,
          now,
        }),
        handoversAwaitingConfirmation(ctx.db, principal.id, prefix),
        failingCommunities(ctx, { jurisdictionCode: principal.jurisdictionCode, status: 'fail' }),
        checksLogs ? custodyLogsNeedingAttention(ctx.db, prefix, now) : [],
        assessmentItems(ctx),
        community ? visitsDue(ctx, community, chinaDate(now)) : null,
      ]);
    const registers = community
      ? (await loadDemocracyRegisters(ctx.db, [community])).get(community)
      : undefined;
    const democracy =
      registers && community
        ? democracyDeadlines(registers, chinaDate(now), DEADLINE_HORIZON_DAYS, {
            governs: governsIn(ctx, community),
          }).map((d) => ({
            ...d,
            communityCode: community,
          }))
        : [];
    const mayKeep = new Map<string, boolean>();
    for (const community of new Set([...loans, ...sealsOut].map((row) => row.communityCode))) {
      mayKeep.set(community, await keepsIn(ctx, community));
    }
    return {
      approvals: decisions.map(sealRequestOut),
      sealEnds: sealEnds.map((row) => ({ ...row, proposedAt: row.proposedAt.toISOString() })),
      toStamp: toStamp.map((row) => ({
        ...sealRequestOut(row),
        canAct: !auditor && (admin || custodian),
      })),
      overdueLoans: loans.map((row) => ({
        ...row,
        lastRemindedAt: iso(row.lastRemindedAt),
        canRemind: mayKeep.get(row.communityCode) === true,
      })),
      overdueSeals: sealsOut.map((row) => ({
        ...sealRequestOut(row),
        lastRemindedAt: iso(row.lastRemindedAt),
        canRemind: mayKeep.get(row.communityCode) === true,
      })),
      handovers: handovers.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
      custodyLogs: {
        checked: checksLogs,
        items: logs.map(({ community, name, status }) => ({
          community,
          name,
          state: status.state,
          overdue: status.overdue,
          size: status.size,
          witnessedSize: status.witnessed?.size ?? 0,
          problem: status.problem,
        })),
      },
      democracy,
      failing: {
        total: failing.length,
        items: await failingItems(ctx, failing.slice(0, FAILING_SHOWN)),
      },
      assessment,
      visits,
    };
  }),

  /**
   * 催还: records that the keeper reminded the borrower of an overdue loan or seal (an audit record;
   * a reminder changes no custody, so the custody log keeps nothing). Only a keeper of the community
   * (its custodians, administrators above it) may; outside the person's scope the subject is "not found".
   */
  remind: writerProcedure.input(remindInput).mutation(async ({ ctx, input }) => {
    const subject =
      input.kind === 'loan'
        ? ({ kind: 'loan', loanId: input.loanId } as const)
        : ({ kind: 'seal', requestId: input.requestId } as const);
    const missing = input.kind === 'loan' ? '没有这条借阅记录' : '没有这次印章外带';
    const community = await reminderSubjectCommunity(ctx.db, subject);
    if (community === undefined || !isInScope(ctx.principal, community)) throw notFound(missing);
    await requireArchivesAccess(ctx.db, ctx.principal, community, 'keep');
    const outcome = await recordReminder(ctx.db, auditedAs(ctx), subject);
    if (!outcome.recorded) {
      if (outcome.reason === 'notFound') throw notFound(missing);
      throw new TRPCError({
        code: 'CONFLICT',
        message:
          input.kind === 'loan'
            ? '该借阅已归还或尚未到期，无需催还'
            : '该印章已归还或尚未到归还期限，无需催还',
      });
    }
    return { remindedAt: outcome.at.toISOString() };
  }),
});
