/**
 * The democracy registers of one community: meetings with their notice warnings and quorum, meetings
 * imposed by higher levels, consultations with their outcome tasks, charters with their versions and
 * disclosures with their cadence — one overview and one audited write per kind of record. Each
 * procedure checks the role and the jurisdiction first; `@shequ/democracy` decides, `@shequ/db` stores.
 */
import { randomUUID } from 'node:crypto';
import type { DemocracyRecordKind } from '@shequ/db';
import {
  DemocracyError,
  findDemocracyRecord,
  findPublicContact,
  loadCommunityRegisters,
  loadDemocracyRegisters,
  PeopleError,
  saveDemocracyRecord,
  savePublicContact,
  seatElectedCommittee,
  seatElectedGroupLeader,
  unitVersions,
} from '@shequ/db';
import {
  applies,
  charter,
  citations,
  committeeChangesFromElection,
  consultation,
  consultationWarning,
  contestedUnsubmitted,
  deliberationBody,
  deliberationBodyOn,
  democracyDeadlines,
  disclosure,
  disclosureStandings,
  electionRecord,
  futureDisclosureProblem,
  groupLeaderChangeFromElection,
  imposedMeeting,
  meeting,
  meetingBurden,
  noticeWarning,
  publicContact,
  residentGroupTermProblem,
  residentsMeetingQuorum,
  supervisionVoteProblems,
} from '@shequ/democracy';
import { chinaDate, communityCode, isoDate } from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { auditedAs, type Context } from '../context.js';
import { fieldError, notFound } from '../errors.js';
import { governsIn } from '../governs.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';

const today = (ctx: Pick<Context, 'settings'>) => chinaDate(ctx.settings.now());

function asClientError(error: unknown): never {
  if (error instanceof DemocracyError || error instanceof PeopleError)
    throw new TRPCError({
      code: error.code === 'not-found' ? 'NOT_FOUND' : 'CONFLICT',
      message: error.message,
    });
  throw error;
}

/** A new record gets its id here, whatever the client sent. */
const withNewId = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { ...value, id: randomUUID() }
    : value;

interface Judged {
  warnings: string[];
  refusal?: { path: string; message: string } | undefined;
}

const version = z.int({ error: '版本号应为正整数' }).min(1, { error: '版本号应为正整数' });

/**
 * The create and update procedures of one kind of record; `after` gives the warnings to show and the
 * refusals that need today's date.
 */
function writes<K extends DemocracyRecordKind, T extends { id: string; communityCode: string }>(
  kind: K,
  schema: z.ZodType<T>,
  after: (record: T, asOf: string, ctx: Context) => Judged | Promise<Judged>,
) {
  const save = async (
    ctx: Context & { principal: NonNullable<Context['principal']> },
    record: T,
    expectedVersion?: number,
  ) => {
    requireScope(ctx.principal, record.communityCode);
    const judged = await after(record, today(ctx), ctx);
    if (judged.refusal)
      throw fieldError('BAD_REQUEST', `record.${judged.refusal.path}`, judged.refusal.message);
    try {
      const saved = await saveDemocracyRecord(ctx.db, {
        ...auditedAs(ctx),
        kind,
        // The schema is the package's schema of this kind.
        record: record as never,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      return { saved, warnings: judged.warnings };
    } catch (error) {
      asClientError(error);
    }
  };
  return {
    create: writerProcedure
      .input(z.strictObject({ record: z.preprocess(withNewId, schema) }))
      .mutation(({ ctx, input }) => save(ctx, input.record)),
    update: writerProcedure
      .input(z.strictObject({ record: schema, expectedVersion: version }))
      .mutation(async ({ ctx, input }) => {
        const { record } = input;
        const found = await findDemocracyRecord(ctx.db, record.id);
        if (!found || found.kind !== kind) throw notFound('没有这条记录');
        // Scope of where it is as well as where it would go; moving it to another community is refused.
        requireScope(ctx.principal, found.communityCode);
        if (found.communityCode !== record.communityCode)
          throw fieldError('BAD_REQUEST', 'record.communityCode', '不能把记录改到其他社区');
        return save(ctx, record, input.expectedVersion);
      }),
  };
}

const meetingWrites = writes('meeting', meeting, (m, _asOf, ctx) => {
  const warning = noticeWarning(m, { governs: governsIn(ctx, m.communityCode) });
  return { warnings: warning ? [warning] : [] };
});
const imposedWrites = writes('imposed-meeting', imposedMeeting, () => ({ warnings: [] }));
const consultationWrites = writes('consultation', consultation, (c, _asOf, ctx) => {
  const warning = consultationWarning(c, { governs: governsIn(ctx, c.communityCode) });
  return { warnings: warning ? [warning] : [] };
});
const charterWrites = writes('charter', charter, () => ({ warnings: [] }));
const electionWrites = writes('election', electionRecord, async (e, _asOf, ctx) => {
  const governs = governsIn(ctx, e.communityCode);
  // Jiangsu 17（4） where it governs: the supervision committee's chair by more than half, members by votes.
  const [vote] = supervisionVoteProblems(e, { governs });
  if (vote) return { warnings: [], refusal: { path: vote.path.join('.'), message: vote.message } };
  if (e.kind !== 'resident-group') return { warnings: [] };
  // A group leader's term is the committee's (Ezhou 第七条（二）, Jiangsu 8（1））: compared with the stored elections.
  const stored = (await loadDemocracyRegisters(ctx.db, [e.communityCode])).get(e.communityCode);
  return { warnings: [], refusal: residentGroupTermProblem(e, stored?.elections ?? [], { governs }) };
});
const deliberationWrites = writes('deliberation-body', deliberationBody, () => ({ warnings: [] }));
const disclosureWrites = writes('disclosure', disclosure, (d, asOf) => {
  const refusal = futureDisclosureProblem(d, asOf);
  return { warnings: [], ...(refusal ? { refusal } : {}) };
});

export const communityDemocracyInput = z.strictObject({ code: communityCode, asOf: isoDate.optional() });

export const democracyRouter = router({
  /** Everything one community keeps, with what is due and the warnings of each record, as of a date. */
  community: authedProcedure.input(communityDemocracyInput).query(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.code);
    const asOf = input.asOf ?? today(ctx);
    const registers = (await loadDemocracyRegisters(ctx.db, [input.code])).get(input.code);
    if (!registers) throw notFound('没有这个社区');
    const governs = governsIn(ctx, input.code);
    const deadlines = democracyDeadlines(registers, asOf, undefined, { governs });
    // The 争议 tag where Jiangsu 12（4） governs; elsewhere a contested topic is shown without it.
    const contestedRule = applies(citations.jiangsuConsultation, governs);
    const contested = new Set(
      contestedUnsubmitted(registers.consultations, asOf, { governs }).map((c) => c.id),
    );
    return {
      asOf,
      meetings: registers.meetings.map((m) => ({
        ...m,
        noticeWarning: noticeWarning(m, { governs }),
        quorum: m.kind === 'residents-meeting' ? residentsMeetingQuorum(m) : undefined,
      })),
      imposedMeetings: registers.imposedMeetings,
      /** Weihai 二（八）'s count, where it governs the community; `null` elsewhere (no card). */
      burden: meetingBurden(registers.imposedMeetings, asOf, { governs }) ?? null,
      consultations: registers.consultations.map((c) => ({
        ...c,
        unsubmitted: contestedRule ? contested.has(c.id) : null,
      })),
      charters: registers.charters,
      disclosures: registers.disclosures,
      elections: registers.elections,
      deliberationBodies: registers.deliberationBodies,
      deliberationBodyInForce: deliberationBodyOn(registers.deliberationBodies, asOf)?.id ?? null,
      disclosureStandings: disclosureStandings(registers.disclosures, asOf, { governs }),
      deadlines,
      contact: (await findPublicContact(ctx.db, input.code)) ?? null,
    };
  }),
  /** The office's contact on the community's public page; `expectedVersion` absent for the first one. */
  savePublicContact: writerProcedure
    .input(z.strictObject({ record: publicContact, expectedVersion: version.optional() }))
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.record.communityCode);
      try {
        return await savePublicContact(ctx.db, {
          ...auditedAs(ctx),
          contact: input.record,
          ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
        });
      } catch (error) {
        asClientError(error);
      }
    }),
  createMeeting: meetingWrites.create,
  updateMeeting: meetingWrites.update,
  createImposedMeeting: imposedWrites.create,
  updateImposedMeeting: imposedWrites.update,
  createConsultation: consultationWrites.create,
  updateConsultation: consultationWrites.update,
  createCharter: charterWrites.create,
  updateCharter: charterWrites.update,
  createDisclosure: disclosureWrites.create,
  updateDisclosure: disclosureWrites.update,
  createElection: electionWrites.create,
  updateElection: electionWrites.update,
  createDeliberationBody: deliberationWrites.create,
  updateDeliberationBody: deliberationWrites.update,
  /**
   * Enters an election's result in the people register: a committee or supervision election seats its
   * committee (Jiangsu 7, 17), the previous committee of the kind ending the day before; a
   * resident-group election makes its elected candidate the named group's leader (Ezhou 第七条（二）).
   */
  applyElection: writerProcedure
    .input(z.strictObject({ id: z.string().min(1, { error: '必填' }).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const found = await findDemocracyRecord(ctx.db, input.id);
      if (found?.kind !== 'election') throw notFound('没有这次选举');
      requireScope(ctx.principal, found.communityCode);
      const { version: _version, ...stored } = found.record as { version?: number };
      const parsed = electionRecord.safeParse(stored);
      if (!parsed.success) throw fieldError('BAD_REQUEST', 'id', '这次选举的记录不完整，请先修改后再登记');
      const who = {
        ...auditedAs(ctx),
        electionId: input.id,
      };
      if (parsed.data.kind === 'resident-group') {
        // Versions read before the groups the decision sees: a group changed since is refused, nothing written.
        const versions = await unitVersions(ctx.db, found.communityCode);
        const { residentGroups } = await loadCommunityRegisters(ctx.db, found.communityCode);
        const change = groupLeaderChangeFromElection(parsed.data, residentGroups);
        if ('refused' in change)
          throw change.refused === 'invalid'
            ? fieldError('BAD_REQUEST', change.path, change.message)
            : new TRPCError({ code: 'CONFLICT', message: change.message });
        const expectedVersion = versions.get(change.group.id) ?? 0;
        try {
          const group = await seatElectedGroupLeader(ctx.db, {
            ...who,
            group: change.group,
            expectedVersion,
          });
          return { kind: 'resident-group' as const, group };
        } catch (error) {
          asClientError(error);
        }
      }
      const people = await loadCommunityRegisters(ctx.db, found.communityCode);
      const changes = committeeChangesFromElection(parsed.data, people.committees);
      if ('refused' in changes)
        throw changes.refused === 'already'
          ? new TRPCError({ code: 'CONFLICT', message: changes.message })
          : fieldError('BAD_REQUEST', 'id', changes.message);
      try {
        const committee = await seatElectedCommittee(ctx.db, {
          ...who,
          seat: changes.seat,
          close: changes.close,
        });
        return { kind: 'committee' as const, committee };
      } catch (error) {
        asClientError(error);
      }
    }),
});
