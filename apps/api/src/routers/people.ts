/**
 * The registers of organisation and people: the roster with its filters, a person's page with its
 * history, creating, changing and ending a stay on the roster, committees and units, and the
 * organisation of one community with the rules' findings. Each procedure checks the role and the
 * jurisdiction first; `@shequ/people` decides, `@shequ/db` stores (with the audit record).
 * Identity and mobile numbers are masked unless the role needs them and asks, which is audited.
 */
import { randomUUID } from 'node:crypto';
import {
  communities,
  communitiesUnder,
  findRepresentative,
  findWorker,
  jurisdictions,
  loadCommunityRegisters,
  loadRegisters,
  PeopleError,
  recordFullView,
  registerHistory,
  replacePropertyArea,
  replaceRepresentative,
  rosterStaysUnder,
  saveCommittee,
  saveUnit,
  saveWorker,
  unitCommunity,
  unitVersions,
} from '@shequ/db';
import { ancestorCodes, COUNTRY_CODE, communityCode, divisionCode, isoDate, yuan } from '@shequ/domain';
import {
  accountsOnLeaving,
  building,
  type CommunityRegisters,
  chairsTrainedThisYear,
  committee,
  committeeDraft,
  deriveSnapshotFacts,
  endRepresentativeTerm,
  grid,
  gridLeaderProblem,
  gridLeadersOnCommittee,
  groupsAndGridsCoincide,
  householdsPerGrid,
  maskIdNumber,
  maskPhone,
  maySeePersonalData,
  onPost,
  payBelow,
  payNotBelowReference,
  propertyArea,
  propertyAreaDraft,
  propertyAreaOverlap,
  propertyAreasAndGridsCoincide,
  recordId,
  registerReadings,
  representativeDraft,
  residentGroup,
  rosterConflicts,
  STAFF_FLOOR,
  staffCounts,
  staffingSummary,
  staysByCommunity,
  subCommitteeChairProblems,
  subCommitteesLedByMember,
  termsEnding,
  trainingMissing,
  unitLinkProblems,
  type Worker,
  worker,
  workerDraft,
  workerPosts,
} from '@shequ/people';
import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { scopePrefix } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { FieldProblems, fieldError, forbidden, notFound, refusalAsClientError } from '../errors.js';
import { governsIn } from '../governs.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';
import { type PathEntry, visiblePath } from './jurisdictions.js';

/** A roster covers at most this many communities at once (a street has a few dozen). */
const MAX_COMMUNITIES = 200;
/** 「任期将满」: a term or a member's service ending within this many days. */
const TERM_WARNING_DAYS = 90;

export const rosterInput = z.strictObject({
  /** A community, a street or any node above; the principal's own node when absent. */
  under: divisionCode.optional(),
  asOf: isoDate.optional(),
  post: z.enum(workerPosts).optional(),
  termEnding: z.boolean().optional(),
  trainingMissing: z.boolean().optional(),
  /** The reference annual wage (Ezhou 第二十一条); with it, `payBelowReference` filters. */
  referencePay: yuan.optional(),
  payBelowReference: z.boolean().optional(),
  includeLeft: z.boolean().optional(),
});

/** Today in China time, as the console's dates are. */
export function today(ctx: Pick<Context, 'settings'>): string {
  return new Date(ctx.settings.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A PeopleError as the client's error: field problems for refused input, 404, 409. */
function asClientError(error: unknown): never {
  if (error instanceof PeopleError) throw refusalAsClientError(error, (path) => path);
  throw error;
}

function masked<W extends Pick<Worker, 'idNumber' | 'phone'>>(w: W): W {
  return { ...w, idNumber: maskIdNumber(w.idNumber), ...(w.phone ? { phone: maskPhone(w.phone) } : {}) };
}

export async function communitiesIn(ctx: Context, node: string): Promise<{ code: string; name: string }[]> {
  const rows = await ctx.db
    .select({ code: communities.code, name: communities.name })
    .from(communities)
    .where(communitiesUnder(node))
    .orderBy(asc(communities.code))
    .limit(MAX_COMMUNITIES + 1);
  if (rows.length > MAX_COMMUNITIES)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `所选辖区的社区超过${MAX_COMMUNITIES}个，请选择街道或社区`,
      cause: new FieldProblems({ under: [`所选辖区的社区超过${MAX_COMMUNITIES}个，请选择街道或社区`] }),
    });
  return rows;
}

/**
 * The roster of the communities under a node with the console's filters: each entry's whole record
 * (the caller masks it) and the marks the filters go by.
 */
export async function rosterEntries(
  ctx: Context & { principal: NonNullable<Context['principal']> },
  input: z.output<typeof rosterInput>,
) {
  const node = input.under ?? ctx.principal.jurisdictionCode;
  requireScope(ctx.principal, node);
  const asOf = input.asOf ?? today(ctx);
  const places = await communitiesIn(ctx, node);
  const names = new Map(places.map((p) => [p.code, p.name]));
  const registers = await loadRegisters(
    ctx.db,
    places.map((p) => p.code),
  );
  const entries = [...registers.values()].flatMap((r) => {
    const ending = new Map<string, string>();
    for (const w of termsEnding(r, asOf, TERM_WARNING_DAYS)) {
      const c = r.committees.find((x) => x.id === w.committeeId);
      for (const m of c?.members ?? []) {
        if (!m.workerId || (w.member !== undefined && w.member !== m.name)) continue;
        const known = ending.get(m.workerId);
        if (known === undefined || w.endsOn < known) ending.set(m.workerId, w.endsOn);
      }
    }
    return r.workers
      .filter((w) => input.includeLeft || onPost(w, asOf))
      .map((w) => ({
        worker: w,
        communityName: names.get(w.communityCode) ?? w.communityCode,
        termEndsOn: ending.get(w.id),
        trainingMissing: trainingMissing(w, asOf),
        payBelowReference:
          input.referencePay !== undefined && w.annualPay !== undefined
            ? payBelow(w.annualPay, input.referencePay)
            : undefined,
      }));
  });
  return {
    asOf,
    entries: entries.filter(
      (e) =>
        (input.post === undefined || e.worker.post === input.post) &&
        (!input.termEnding || e.termEndsOn !== undefined) &&
        (!input.trainingMissing || e.trainingMissing) &&
        (!input.payBelowReference || e.payBelowReference === true),
    ),
  };
}

/** The committees a worker sits on and the earliest end of those terms or services. */
function postsOf(registers: CommunityRegisters, workerId: string, asOf: string) {
  return registers.committees.flatMap((c) =>
    c.members
      .filter((m) => m.workerId === workerId && c.termFrom <= asOf && asOf <= c.termTo)
      .map((m) => ({
        committeeId: c.id,
        kind: c.kind,
        subKind: c.subKind,
        role: m.role,
        endsOn: m.to ?? c.termTo,
      })),
  );
}

async function loadWorkerInScope(
  ctx: Context & { principal: NonNullable<Context['principal']> },
  id: string,
) {
  const found = await findWorker(ctx.db, id);
  if (!found) throw notFound('没有这名工作者');
  requireScope(ctx.principal, found.communityCode);
  return found;
}

export const peopleRouter = router({
  /** The roster of the communities under a node, with the filters of the console. */
  roster: authedProcedure.input(rosterInput).query(async ({ ctx, input }) => {
    const { asOf, entries } = await rosterEntries(ctx, input);
    const items = entries.map(({ worker: w, ...marks }) => ({
      id: w.id,
      communityCode: w.communityCode,
      name: w.name,
      sex: w.sex,
      birthDate: w.birthDate,
      idNumber: maskIdNumber(w.idNumber),
      phone: w.phone ? maskPhone(w.phone) : undefined,
      post: w.post,
      line: w.line,
      education: w.education,
      annualPay: w.annualPay,
      joinedOn: w.joinedOn,
      leftOn: w.leftOn,
      ...marks,
    }));
    return { asOf, items, total: items.length };
  }),

  /**
   * One worker's page: the record (numbers masked unless `full` and the role may see them — each
   * full view audited), the committees they sit on, and the history of the entry.
   */
  person: authedProcedure
    .input(z.strictObject({ id: z.string().min(1).max(64), full: z.boolean().default(false) }))
    .query(async ({ ctx, input }) => {
      const found = await loadWorkerInScope(ctx, input.id);
      if (input.full && !maySeePersonalData(ctx.principal.role))
        throw forbidden('您的角色不能查看完整的身份证号码和手机号码');
      if (input.full)
        await recordFullView(ctx.db, found, {
          ...auditedAs(ctx),
        });
      const asOf = today(ctx);
      const registers = await loadCommunityRegisters(ctx.db, found.communityCode);
      return {
        worker: input.full ? found : masked(found),
        onPost: onPost(found, asOf),
        posts: postsOf(registers, found.id, asOf),
        maySeeFull: maySeePersonalData(ctx.principal.role),
        history: await registerHistory(ctx.db, 'people.worker', found.id),
      };
    }),

  create: writerProcedure.input(z.strictObject({ worker: workerDraft })).mutation(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.worker.communityCode);
    const entry: Worker = { ...input.worker, id: randomUUID() };
    try {
      const saved = await saveWorker(ctx.db, {
        ...auditedAs(ctx),
        worker: entry,
        action: 'people.worker.create',
        check: (others) => rosterConflicts(entry, others),
      });
      return masked(saved);
    } catch (error) {
      asClientError(error);
    }
  }),

  update: writerProcedure
    .input(z.strictObject({ worker, expectedVersion: z.number().int().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const before = await loadWorkerInScope(ctx, input.worker.id);
      // Moving someone to another community is a leave here and a new entry there.
      if (input.worker.communityCode !== before.communityCode)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: '不能直接改到其他社区：请先办理离职，再在新社区登记',
          cause: new FieldProblems({ communityCode: ['不能直接改到其他社区：请先办理离职，再在新社区登记'] }),
        });
      try {
        const saved = await saveWorker(ctx.db, {
          ...auditedAs(ctx),
          worker: input.worker,
          expectedVersion: input.expectedVersion,
          action: 'people.worker.update',
          check: (others) => rosterConflicts(input.worker, others),
        });
        return masked(saved);
      } catch (error) {
        asClientError(error);
      }
    }),

  /** Ends a stay on the roster on `leftOn` (the first day off it). */
  leave: writerProcedure
    .input(
      z.strictObject({
        id: z.string().min(1).max(64),
        expectedVersion: z.number().int().min(1),
        leftOn: isoDate,
        /** 本系统规则 R-STF-2: keep the leaver's console account instead of disabling it. */
        keepAccount: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { version: _version, ...before } = await loadWorkerInScope(ctx, input.id);
      const parsed = worker.safeParse({ ...before, leftOn: input.leftOn });
      if (!parsed.success) {
        const problem = parsed.error.issues.find((i) => i.path[0] === 'leftOn') ?? parsed.error.issues[0];
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: problem?.message ?? '离职日期有误',
          cause: new FieldProblems({ leftOn: [problem?.message ?? '离职日期有误'] }),
        });
      }
      try {
        const saved = await saveWorker(ctx.db, {
          ...auditedAs(ctx),
          worker: parsed.data,
          expectedVersion: input.expectedVersion,
          action: 'people.worker.leave',
          check: (others) => rosterConflicts(parsed.data, others),
          accountsOnLeaving: (accounts, holdingCustody) =>
            accountsOnLeaving(parsed.data, accounts, { keepAccount: input.keepAccount, holdingCustody }),
        });
        return masked(saved);
      } catch (error) {
        asClientError(error);
      }
    }),

  /** A committee with its term and members: new (no `id`) or replacing a stored one. */
  saveCommittee: writerProcedure
    .input(
      z.union([
        z.strictObject({ committee: committeeDraft }),
        z.strictObject({ committee, expectedVersion: z.number().int().min(1) }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.committee.communityCode);
      const registers = await loadCommunityRegisters(ctx.db, input.committee.communityCode);
      const ids = new Set(registers.workers.map((w) => w.id));
      const unknownMember = input.committee.members.findIndex((m) => m.workerId && !ids.has(m.workerId));
      if (unknownMember >= 0)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: '该成员不在本社区花名册中',
          cause: new FieldProblems({
            [`committee.members.${unknownMember}.workerId`]: ['该成员不在本社区花名册中'],
          }),
        });
      // A sub-committee's chair sits on the residents' committee where Ezhou 第七条（一） or Jiangsu 10（1）
      // governs the community (binding, so refused), as the committee sheet checks it.
      const committee = 'id' in input.committee ? input.committee : { ...input.committee, id: randomUUID() };
      const [chairProblem] = subCommitteeChairProblems(
        { ...registers, committees: registers.committees.filter((c) => c.id !== committee.id) },
        [committee],
        { governs: governsIn(ctx, committee.communityCode) },
      );
      if (chairProblem)
        throw fieldError(
          'BAD_REQUEST',
          chairProblem.member === undefined
            ? 'committee.members'
            : `committee.members.${chairProblem.member}.workerId`,
          chairProblem.message,
        );
      try {
        return await saveCommittee(ctx.db, {
          ...auditedAs(ctx),
          committee,
          ...('expectedVersion' in input ? { expectedVersion: input.expectedVersion } : {}),
        });
      } catch (error) {
        asClientError(error);
      }
    }),

  /**
   * A new grid, building, resident group, resident representative (with the term's dates) or
   * property-service area (物业服务区域).
   */
  createUnit: writerProcedure
    .input(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('grid'), unit: grid.omit({ id: true }) }),
        z.strictObject({ kind: z.literal('building'), unit: building.omit({ id: true }) }),
        z.strictObject({ kind: z.literal('resident-group'), unit: residentGroup.omit({ id: true }) }),
        z.strictObject({ kind: z.literal('representative'), unit: representativeDraft }),
        z.strictObject({ kind: z.literal('property-area'), unit: propertyAreaDraft }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.unit.communityCode);
      // The links a unit names must hold: its grid and property-service area are the community's, and
      // a 网格长 sits on the residents' committee (Ezhou 第七条（一）, binding, so refused where it governs).
      const links: { gridId?: string | undefined; propertyAreaId?: string | undefined } =
        input.kind === 'building'
          ? { gridId: input.unit.gridId, propertyAreaId: input.unit.propertyAreaId }
          : input.kind === 'resident-group'
            ? { gridId: input.unit.gridId }
            : {};
      const leader = input.kind === 'grid' ? input.unit.leaderWorkerId : undefined;
      if (leader !== undefined || Object.values(links).some((v) => v !== undefined)) {
        const registers = await loadCommunityRegisters(ctx.db, input.unit.communityCode);
        const leaderProblem =
          leader === undefined
            ? undefined
            : gridLeaderProblem(registers, leader, today(ctx), {
                governs: governsIn(ctx, input.unit.communityCode),
              });
        const problems = [
          ...(leaderProblem === undefined ? [] : [{ path: 'leaderWorkerId', message: leaderProblem }]),
          ...unitLinkProblems(registers, links),
        ].map((p) => ({ ...p, path: `unit.${p.path}` }));
        if (problems.length > 0)
          asClientError(new PeopleError('invalid', problems.map((p) => p.message).join('；'), problems));
      }
      const who = {
        ...auditedAs(ctx),
      };
      try {
        // Each kind with its own record, so the store's union sees which one it gets.
        const id = randomUUID();
        switch (input.kind) {
          case 'grid':
            return await saveUnit(ctx.db, { ...who, kind: input.kind, unit: { ...input.unit, id } });
          case 'building':
            return await saveUnit(ctx.db, { ...who, kind: input.kind, unit: { ...input.unit, id } });
          case 'representative':
            return await saveUnit(ctx.db, { ...who, kind: input.kind, unit: { ...input.unit, id } });
          case 'property-area':
            return await saveUnit(ctx.db, { ...who, kind: input.kind, unit: { ...input.unit, id } });
          default:
            return await saveUnit(ctx.db, { ...who, kind: input.kind, unit: { ...input.unit, id } });
        }
      } catch (error) {
        asClientError(error);
      }
    }),

  /**
   * A property-service area as edited: in the caller's scope, in the community it was registered in,
   * and at the version the editor read (else 409, nothing written); audited with the record before.
   */
  updatePropertyArea: writerProcedure
    .input(z.strictObject({ area: propertyArea, expectedVersion: z.number().int().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const stored = await unitCommunity(ctx.db, 'property-area', input.area.id);
      if (stored === undefined) throw notFound('没有这个物业服务区域');
      requireScope(ctx.principal, stored);
      if (stored !== input.area.communityCode)
        throw fieldError('BAD_REQUEST', 'area.communityCode', '物业服务区域不能改到其他社区');
      try {
        return await replacePropertyArea(ctx.db, {
          ...auditedAs(ctx),
          area: input.area,
          expectedVersion: input.expectedVersion,
        });
      } catch (error) {
        asClientError(error);
      }
    }),

  /**
   * Ends a resident representative's term on `to`, its last day (or corrects the end); audited. The
   * version read with the representative must still be the stored one, so two editors ending the same
   * term on different days cannot silently overwrite each other.
   */
  endRepresentativeTerm: writerProcedure
    .input(z.strictObject({ id: recordId, to: isoDate, expectedVersion: z.number().int().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const found = await findRepresentative(ctx.db, input.id);
      if (!found) throw notFound('没有这位居民代表');
      const { version: _version, ...stored } = found;
      requireScope(ctx.principal, stored.communityCode);
      const ended = endRepresentativeTerm(stored, input.to);
      if (!ended.ok)
        asClientError(new PeopleError('invalid', ended.issues[0]?.message ?? '输入有误', ended.issues));
      try {
        return await replaceRepresentative(ctx.db, {
          ...auditedAs(ctx),
          representative: ended.representative,
          action: 'people.representative.end',
          expectedVersion: input.expectedVersion,
        });
      } catch (error) {
        asClientError(error);
      }
    }),

  /**
   * One community's organisation as of a date: committees (members by name and post), grids,
   * buildings, resident groups, property-service areas (and the grid each coincides with), terms ending, the rules' findings and the snapshot fields the
   * registers determine. `readings` switches a finding's reading of ambiguous wording; each finding lists
   * the readings it applied.
   */
  organisation: authedProcedure
    .input(
      z.strictObject({
        code: communityCode,
        asOf: isoDate.optional(),
        referencePay: yuan.optional(),
        /** Alternative readings of the registers' rules, by interpretation id (`ezhou.units-coincide`). */
        readings: registerReadings.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.code);
      const [row] = await ctx.db
        .select({ name: communities.name })
        .from(communities)
        .where(eq(communities.code, input.code))
        .limit(1);
      if (!row) throw notFound('没有这个社区');
      const asOf = input.asOf ?? today(ctx);
      const [registers, versions] = await Promise.all([
        loadCommunityRegisters(ctx.db, input.code),
        unitVersions(ctx.db, input.code),
      ]);
      const derived = deriveSnapshotFacts(registers, asOf);
      const governs = governsIn(ctx, input.code);
      return {
        code: input.code,
        name: row.name,
        asOf,
        committees: registers.committees,
        grids: registers.grids,
        buildings: registers.buildings,
        residentGroups: registers.residentGroups,
        propertyAreas: (registers.propertyAreas ?? []).map((a) => ({
          ...a,
          version: versions.get(a.id) ?? 1,
        })),
        representatives: (registers.representatives ?? []).map((r) => ({
          ...r,
          version: versions.get(r.id) ?? 1,
        })),
        workers: registers.workers
          .filter((w) => onPost(w, asOf))
          .map((w) => ({ id: w.id, name: w.name, post: w.post })),
        termsEnding: termsEnding(registers, asOf, TERM_WARNING_DAYS),
        // Only the rules whose documents govern the community, citing those documents.
        findings: [
          gridLeadersOnCommittee(registers, asOf, { governs }),
          subCommitteesLedByMember(registers, asOf, { governs }),
          chairsTrainedThisYear(registers, asOf, { governs }),
          payNotBelowReference(registers, asOf, input.referencePay, { governs }),
          groupsAndGridsCoincide(registers, { governs, readings: input.readings }),
          propertyAreasAndGridsCoincide(registers, { governs, readings: input.readings }),
        ].filter((f) => f !== undefined),
        householdsPerGrid: householdsPerGrid(registers),
        propertyAreaOverlap: propertyAreaOverlap(registers),
        derived,
      };
    }),

  /**
   * Staffing under any node, the whole country included: the node's totals and one row per child node
   * (the districts of a city, the streets of a district, the communities of a street), so that an
   * administrator above a street finds where the rosters are and where they fall short.
   */
  summary: authedProcedure
    .input(
      z.strictObject({
        under: z.union([z.literal(COUNTRY_CODE), divisionCode]).optional(),
        asOf: isoDate.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const node = input.under ?? ctx.principal.jurisdictionCode;
      requireScope(ctx.principal, node);
      const asOf = input.asOf ?? today(ctx);
      const [self] =
        node === COUNTRY_CODE
          ? [{ code: COUNTRY_CODE, name: '全国', level: 'country' as const }]
          : await ctx.db
              .select({ code: jurisdictions.code, name: jurisdictions.name, level: jurisdictions.level })
              .from(jurisdictions)
              .where(eq(jurisdictions.code, node));
      if (!self) throw notFound('没有这个行政区划');
      const [children, places, stays, paths] = await Promise.all([
        ctx.db
          .select({ code: jurisdictions.code, name: jurisdictions.name, level: jurisdictions.level })
          .from(jurisdictions)
          .where(
            node === COUNTRY_CODE ? eq(jurisdictions.level, 'province') : eq(jurisdictions.parentCode, node),
          )
          .orderBy(asc(jurisdictions.code)),
        ctx.db.select({ code: communities.code }).from(communities).where(communitiesUnder(node)),
        rosterStaysUnder(ctx.db, scopePrefix(node)),
        node === COUNTRY_CODE ? new Map<string, PathEntry[]>() : visiblePath(ctx, ctx.principal, [node]),
      ]);
      const byCommunity = staysByCommunity(stays);
      const childCodes = new Set(children.map((c) => c.code));
      const underChild = new Map<string, string[]>(children.map((c) => [c.code, []]));
      for (const { code } of places) {
        const child = [...ancestorCodes(code), code].find((a) => childCodes.has(a));
        if (child) underChild.get(child)?.push(code);
      }
      return {
        node: { ...self, path: paths.get(node) ?? [] },
        asOf,
        floor: STAFF_FLOOR,
        total: staffingSummary(
          places.map((p) => p.code),
          byCommunity,
          asOf,
        ),
        children: children.map((c) => ({
          ...c,
          ...staffingSummary(underChild.get(c.code) ?? [], byCommunity, asOf),
        })),
      };
    }),

  /** Workers on the roster per community under a node, against the floor of five (the street's chart). */
  staffing: authedProcedure
    .input(z.strictObject({ under: divisionCode, asOf: isoDate.optional() }))
    .query(async ({ ctx, input }) => {
      requireScope(ctx.principal, input.under);
      const asOf = input.asOf ?? today(ctx);
      const places = await communitiesIn(ctx, input.under);
      const registers = await loadRegisters(
        ctx.db,
        places.map((p) => p.code),
      );
      return {
        asOf,
        floor: STAFF_FLOOR,
        communities: places.map((p) => {
          const r = registers.get(p.code);
          const hasRoster = (r?.workers.length ?? 0) > 0;
          return {
            code: p.code,
            name: p.name,
            hasRoster,
            ...(r && hasRoster ? staffCounts(r.workers, asOf) : {}),
          };
        }),
      };
    }),
});
