/**
 * Assessment (综合考核): schemes checked against their jurisdiction's rules while edited and published
 * only while no binding rule fails; scores entered in a grid or imported from Excel, all or nothing;
 * results and a community's breakdown computed on demand; communities' ratings of their street.
 *
 * Who may do what: administrators (district level and above) make and publish schemes for nodes in
 * their scope and enter departments' and residents' scores; street administrators enter the
 * street's scores for their communities; a community worker enters its community's rating of its
 * street, or the organising district (or above) on its behalf, never the street rated (R-ASM-5). Everyone reads the schemes above and below their node and the results in their scope.
 * Every decision is `@shequ/assessment`'s; this router checks access, calls it and stores.
 */
import {
  ANNUAL_PERIOD,
  type AssessmentSchemeDefinition,
  assessmentSchemeDefinition,
  type CellProblem,
  type CompiledScheme,
  caseFeedbackScores,
  cellProblemsAsTable,
  checkScoreCells,
  combineResidentScores,
  communityBreakdown,
  communityScoresFromCells,
  compileScheme,
  indicatorNames,
  parseScoreTable,
  publicationBlockers,
  type Scorer,
  schemeFindings,
  scoreCommunities,
  scoreTableHeaders,
  streetRating,
  streetRatingRecorderProblem,
  surveyScores,
  weight,
  withHonours,
  withSurveyScores,
} from '@shequ/assessment';
import {
  AssessmentStoreError,
  assessmentScoresOf,
  closedCaseFeedback,
  communities,
  createAssessmentScheme,
  getAssessmentScheme,
  listAssessmentSchemes,
  publishAssessmentScheme,
  type StoredAssessmentScheme,
  saveAssessmentScores,
  saveStreetRating,
  streetRatingsOf,
  surveyResponsesOf,
  surveysOfScheme,
  updateAssessmentScheme,
} from '@shequ/db';
import { ancestorCodes, communityCode, fieldErrorRecord, isWithin, streetCode } from '@shequ/domain';
import { exportWorkbook, readTable, tableFormatOf } from '@shequ/facts-io';
import { TRPCError } from '@trpc/server';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import { bindingLevel, isAdminRole, isInScope, type Principal, scopePrefix } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { FieldProblems, fieldError, forbidden, notFound } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { type SpreadsheetFile, XLSX_TYPE } from './spreadsheet-file.js';

const schemeId = z.string().uuid({ error: '方案编号无效' });

/** Administrators at district level or above make, publish and score schemes. */
export function isSchemeAdmin(principal: Principal): boolean {
  const level = bindingLevel(principal.jurisdictionCode);
  return isAdminRole(principal.role) && level !== 'street' && level !== 'community';
}

function requireSchemeAdmin(principal: Principal, jurisdiction: string): void {
  if (!isSchemeAdmin(principal)) throw forbidden('只有区（县）级及以上管理员可以制定和发布考核方案');
  if (!isInScope(principal, jurisdiction)) throw forbidden('不能为本辖区以外制定考核方案');
}

/** A scheme is visible from the nodes under it and from the nodes above it. */
function canSee(principal: Principal, scheme: Pick<StoredAssessmentScheme, 'jurisdictionCode'>): boolean {
  return (
    isInScope(principal, scheme.jurisdictionCode) ||
    (principal.jurisdictionCode !== COUNTRY_CODE &&
      isWithin(principal.jurisdictionCode, scheme.jurisdictionCode))
  );
}

export async function visibleScheme(
  ctx: Context & { principal: Principal },
  id: string,
): Promise<StoredAssessmentScheme> {
  const row = await getAssessmentScheme(ctx.db, id);
  if (!row || !canSee(ctx.principal, row)) throw notFound('没有这个考核方案');
  return row;
}

export function compiledOf(row: StoredAssessmentScheme): CompiledScheme {
  return compileScheme(row.definition);
}

export function storeError(error: unknown): never {
  if (error instanceof AssessmentStoreError)
    throw new TRPCError({
      code: error.kind === 'notFound' ? 'NOT_FOUND' : 'CONFLICT',
      message: error.message,
    });
  throw error;
}

function leafView(leaf: CompiledScheme['routine']['leaves'][number]) {
  const { id, name, scorer, minScore, maxScore, path, effectiveWeight } = leaf;
  return { id, name, scorer, minScore, maxScore, path, effectiveWeight };
}

/** Findings with whether the scheme may be published; for a definition that does not parse, its field errors. */
function checked(definition: AssessmentSchemeDefinition) {
  const compiled = compileScheme(definition);
  const findings = schemeFindings(compiled);
  const blockers = publicationBlockers(findings);
  return {
    findings,
    publishable: blockers.length === 0,
    scorerShares: compiled.totalScorerShares,
    periods: compiled.periods,
    leaves: {
      routine: compiled.routine.leaves.map(leafView),
      annual: compiled.annual.leaves.map(leafView),
    },
  };
}

/** Which leaves a principal may score. */
function scorersOf(principal: Principal): Scorer[] {
  if (isSchemeAdmin(principal)) return ['department', 'residents'];
  if (principal.role === 'streetAdmin') return ['street'];
  return [];
}

const cellInput = z.strictObject({
  communityCode: z.string(),
  period: z.string(),
  indicatorId: z.string(),
  score: z.number({ error: '分数应为数字' }),
});

function cellFieldErrors(problems: readonly CellProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const key = `cells.${p.index}.${p.field}`;
    out[key] = [...(out[key] ?? []), p.message];
  }
  return out;
}

export function requirePublished(row: StoredAssessmentScheme): void {
  if (row.status !== 'published') throw fieldError('BAD_REQUEST', 'schemeId', '方案发布后才能录入分数');
}

/**
 * The scores a scheme's results are computed from: those entered, with the residents' scores of every
 * survey and of the feedback on service cases closed in the scheme's year in place (combined as the
 * scheme says, R-ASM-3), and those residents' scores with their sources for tracing.
 */
async function scoringCells(
  ctx: Context,
  row: StoredAssessmentScheme,
  compiled: CompiledScheme,
  communityPrefix = '',
) {
  const surveys = await surveysOfScheme(ctx.db, row.id);
  const year = compiled.scheme.year;
  const [entered, responses, feedback] = await Promise.all([
    assessmentScoresOf(ctx.db, row.id, communityPrefix),
    surveyResponsesOf(ctx.db, surveys, communityPrefix),
    closedCaseFeedback(ctx.db, {
      communityPrefix: communityPrefix || row.jurisdictionCode,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    }),
  ]);
  const fromSurveys = surveyScores(compiled, responses);
  const residentScores = combineResidentScores(compiled, fromSurveys, caseFeedbackScores(compiled, feedback));
  return { cells: withSurveyScores(entered, residentScores), fromSurveys, residentScores };
}

export async function communityNames(ctx: Context, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .select({ code: communities.code, name: communities.name })
    .from(communities)
    .where(inArray(communities.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export const assessmentRouter = router({
  schemes: authedProcedure
    .input(z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }))
    .query(async ({ ctx, input }) => {
      const code = ctx.principal.jurisdictionCode;
      const rows = await listAssessmentSchemes(ctx.db, {
        scopePrefix: scopePrefix(code),
        ancestorCodes: code === COUNTRY_CODE ? [] : [...ancestorCodes(code), code],
        ...(input.year !== undefined ? { year: input.year } : {}),
      });
      return rows.map(({ definition: _definition, ...row }) => row);
    }),

  scheme: authedProcedure.input(z.strictObject({ id: schemeId })).query(async ({ ctx, input }) => {
    const row = await visibleScheme(ctx, input.id);
    return {
      ...row,
      definition: row.definition as AssessmentSchemeDefinition,
      ...checked(compiledOf(row).scheme),
    };
  }),

  /** Live checks while a scheme is edited: field problems, or the findings and whether it may be published. Writes nothing. */
  check: authedProcedure.input(z.strictObject({ definition: z.unknown() })).mutation(({ input }) => {
    const parsed = assessmentSchemeDefinition.safeParse(input.definition);
    if (!parsed.success) return { valid: false as const, fieldErrors: fieldErrorRecord(parsed.error) };
    return { valid: true as const, ...checked(parsed.data) };
  }),

  createScheme: writerProcedure
    .input(z.strictObject({ definition: assessmentSchemeDefinition }))
    .mutation(async ({ ctx, input }) => {
      const { definition } = input;
      requireSchemeAdmin(ctx.principal, definition.jurisdiction);
      const row = await createAssessmentScheme(ctx.db, auditedAs(ctx), {
        jurisdictionCode: definition.jurisdiction,
        year: definition.year,
        name: definition.name,
        definition,
      });
      return { id: row.id, version: row.version, status: row.status };
    }),

  updateScheme: writerProcedure
    .input(z.strictObject({ id: schemeId, definition: assessmentSchemeDefinition }))
    .mutation(async ({ ctx, input }) => {
      const row = await visibleScheme(ctx, input.id);
      requireSchemeAdmin(ctx.principal, row.jurisdictionCode);
      if (input.definition.jurisdiction !== row.jurisdictionCode)
        throw fieldError('BAD_REQUEST', 'definition.jurisdiction', '不能修改方案的辖区；请新建方案');
      if (input.definition.year !== row.year)
        throw fieldError('BAD_REQUEST', 'definition.year', '不能修改方案的年度；请新建方案');
      const updated = await updateAssessmentScheme(ctx.db, auditedAs(ctx), {
        id: row.id,
        name: input.definition.name,
        definition: input.definition,
      }).catch(storeError);
      return { id: updated.id, version: updated.version, status: updated.status };
    }),

  /** Publishes a draft; refused, naming each failing rule with its article, while a binding rule fails. */
  publishScheme: writerProcedure.input(z.strictObject({ id: schemeId })).mutation(async ({ ctx, input }) => {
    const row = await visibleScheme(ctx, input.id);
    requireSchemeAdmin(ctx.principal, row.jurisdictionCode);
    const blockers = publicationBlockers(schemeFindings(compiledOf(row)));
    if (blockers.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const b of blockers) {
        const key = `definition.${b.field ?? 'routine'}`;
        fieldErrors[key] = [
          ...(fieldErrors[key] ?? []),
          `${b.citation.document}${b.citation.article}：${b.message}`,
        ];
      }
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `方案不能发布：${blockers.map((b) => `${b.citation.article} ${b.title}`).join('；')}`,
        cause: new FieldProblems(fieldErrors),
      });
    }
    const published = await publishAssessmentScheme(ctx.db, auditedAs(ctx), row.id).catch(storeError);
    return { id: published.id, status: published.status, publishedAt: published.publishedAt };
  }),

  /** The stored scores of the communities in the principal's scope, for the entry grid. */
  scores: authedProcedure.input(z.strictObject({ schemeId })).query(async ({ ctx, input }) => {
    const row = await visibleScheme(ctx, input.schemeId);
    const prefix = scopePrefix(ctx.principal.jurisdictionCode);
    return {
      scorers: scorersOf(ctx.principal),
      cells: await assessmentScoresOf(ctx.db, row.id, prefix),
    };
  }),

  /** Grid entry: every cell checked; one bad cell refuses the batch (400, the cell named), nothing written. */
  enterScores: writerProcedure
    .input(
      z.strictObject({
        schemeId,
        cells: z.array(cellInput).min(1, { error: '至少录入一个分数' }).max(20_000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await visibleScheme(ctx, input.schemeId);
      requirePublished(row);
      const compiled = compiledOf(row);
      const problems = checkScoreCells(compiled, input.cells, {
        scorers: scorersOf(ctx.principal),
        communityAllowed: (code) => isWithin(code, row.jurisdictionCode) && isInScope(ctx.principal, code),
      });
      if (problems.length > 0)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `有 ${problems.length} 处分数有误，未保存任何分数`,
          cause: new FieldProblems(cellFieldErrors(problems)),
        });
      const saved = await saveAssessmentScores(
        ctx.db,
        auditedAs(ctx),
        row.id,
        input.cells,
        indicatorNames(compiled),
      );
      return { saved };
    }),

  /** The import template: the four Chinese headers and one example row per leaf indicator. */
  scoreTemplate: authedProcedure
    .input(z.strictObject({ schemeId }))
    .query(async ({ ctx, input }): Promise<SpreadsheetFile> => {
      const row = await visibleScheme(ctx, input.schemeId);
      const compiled = compiledOf(row);
      const examples = [
        ...compiled.routine.leaves.map((l) => ({ period: compiled.periods[0] as string, leaf: l })),
        ...compiled.annual.leaves.map((l) => ({ period: ANNUAL_PERIOD, leaf: l })),
      ];
      const bytes = await exportWorkbook(
        [
          { header: scoreTableHeaders[0], value: () => '', width: 16 },
          { header: scoreTableHeaders[1], value: (r: (typeof examples)[number]) => r.period, width: 12 },
          { header: scoreTableHeaders[2], value: (r: (typeof examples)[number]) => r.leaf.id, width: 16 },
          { header: scoreTableHeaders[3], value: () => null, width: 10 },
          { header: '指标名称（仅供参考）', value: (r: (typeof examples)[number]) => r.leaf.name, width: 24 },
          {
            header: '分数范围（仅供参考）',
            value: (r: (typeof examples)[number]) => `${r.leaf.minScore}–${r.leaf.maxScore}`,
            width: 14,
          },
        ],
        examples,
        '分数录入',
      );
      return {
        fileName: `${row.name}-分数导入模板.xlsx`,
        mimeType: XLSX_TYPE,
        contentBase64: Buffer.from(bytes).toString('base64'),
      };
    }),

  /** Excel import: every problem by row and column; nothing is written unless every row is good. */
  importScores: writerProcedure
    .input(
      z.strictObject({
        schemeId,
        fileName: z.string().trim().min(1, { error: '请选择文件' }).max(200),
        contentBase64: z
          .string()
          .min(1, { error: '文件是空的' })
          .max(1_400_000, { error: '文件太大：请分批导入' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await visibleScheme(ctx, input.schemeId);
      requirePublished(row);
      const format = tableFormatOf(input.fileName);
      if (!format) throw fieldError('BAD_REQUEST', 'fileName', '只支持 .xlsx 与 .csv 文件');
      let rows: Awaited<ReturnType<typeof readTable>>;
      try {
        rows = await readTable(Buffer.from(input.contentBase64, 'base64'), format);
      } catch {
        throw fieldError(
          'BAD_REQUEST',
          'fileName',
          '无法读取该文件：请用模板另存为 .xlsx 或 UTF-8 编码的 .csv',
        );
      }
      const table = parseScoreTable(rows);
      if (!table.ok) return { ok: false as const, problems: table.problems };
      const compiled = compiledOf(row);
      const problems = checkScoreCells(compiled, table.cells, {
        scorers: scorersOf(ctx.principal),
        communityAllowed: (code) => isWithin(code, row.jurisdictionCode) && isInScope(ctx.principal, code),
      });
      if (problems.length > 0)
        return { ok: false as const, problems: cellProblemsAsTable(problems, table.rows) };
      const saved = await saveAssessmentScores(
        ctx.db,
        auditedAs(ctx),
        row.id,
        table.cells,
        indicatorNames(compiled),
      );
      return { ok: true as const, saved };
    }),

  /**
   * Results computed now from the stored scores: ranks among every scored community of the scheme
   * (the list shows those in the principal's scope), grade counts, and communities not yet complete.
   */
  results: authedProcedure.input(z.strictObject({ schemeId })).query(async ({ ctx, input }) => {
    const row = await visibleScheme(ctx, input.schemeId);
    const compiled = compiledOf(row);
    const { complete, incomplete } = communityScoresFromCells(
      compiled,
      (await scoringCells(ctx, row, compiled)).cells,
    );
    const all = complete.length > 0 ? scoreCommunities(compiled, complete) : [];
    const inScope = (code: string) => isInScope(ctx.principal, code);
    const shown = all.filter((r) => inScope(r.code));
    const names = await communityNames(
      ctx,
      shown.map((r) => r.code),
    );
    const distribution = compiled.scheme.grades
      .slice()
      .sort((a, b) => b.min - a.min)
      .map((g) => ({ grade: g.name, min: g.min, count: all.filter((r) => r.grade === g.name).length }));
    return {
      scheme: {
        id: row.id,
        name: row.name,
        jurisdictionCode: row.jurisdictionCode,
        year: row.year,
        version: row.version,
        status: row.status,
        publishedAt: row.publishedAt,
      },
      results: withHonours(shown, compiled.scheme).map((r) => ({ ...r, name: names.get(r.code) ?? r.code })),
      scored: all.length,
      distribution,
      incomplete: incomplete.filter((c) => inScope(c.code)),
    };
  }),

  /** One community's total traced to every raw score, weight and period. */
  breakdown: authedProcedure
    .input(z.strictObject({ schemeId, communityCode }))
    .query(async ({ ctx, input }) => {
      if (!isInScope(ctx.principal, input.communityCode)) throw forbidden();
      const row = await visibleScheme(ctx, input.schemeId);
      const compiled = compiledOf(row);
      const { cells, fromSurveys, residentScores } = await scoringCells(
        ctx,
        row,
        compiled,
        input.communityCode,
      );
      const { complete } = communityScoresFromCells(compiled, cells);
      const community = complete[0];
      if (!community) throw notFound('该社区的分数尚未录入完整');
      const names = await communityNames(ctx, [input.communityCode]);
      // Which residents' scores came from the survey and the case feedback, with how many answers of each.
      return {
        ...communityBreakdown(compiled, community),
        name: names.get(input.communityCode) ?? input.communityCode,
        fromSurveys,
        residentScores,
      };
    }),

  /** 社区考评街道: a community's rating of its street, with its residents' scores. */
  rateStreet: writerProcedure
    .input(
      z.strictObject({
        schemeId,
        communityCode,
        communityScore: z
          .number()
          .min(0, { error: '分数应在0到100之间' })
          .max(100, { error: '分数应在0到100之间' }),
        residentScores: z
          .array(z.number().min(0, { error: '分数应在0到100之间' }).max(100, { error: '分数应在0到100之间' }))
          .min(1, { error: '至少需要一份居民评分' })
          .max(100_000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const refused = streetRatingRecorderProblem(ctx.principal, input.communityCode);
      if (refused) throw forbidden(refused);
      const row = await visibleScheme(ctx, input.schemeId);
      requirePublished(row);
      if (!isWithin(input.communityCode, row.jurisdictionCode))
        throw fieldError('BAD_REQUEST', 'communityCode', '该社区不在本方案的辖区内');
      await saveStreetRating(ctx.db, auditedAs(ctx), row.id, {
        communityCode: input.communityCode,
        streetCode: input.communityCode.slice(0, 9),
        communityScore: input.communityScore,
        residentScores: input.residentScores,
      });
      return { ok: true as const };
    }),

  /** A street's rating from its communities and residents, the residents weighted by the scheme's share. */
  streetRating: authedProcedure
    .input(z.strictObject({ schemeId, streetCode }))
    .query(async ({ ctx, input }) => {
      const row = await visibleScheme(ctx, input.schemeId);
      if (
        !isInScope(ctx.principal, input.streetCode) &&
        !isWithin(ctx.principal.jurisdictionCode, input.streetCode)
      )
        throw forbidden();
      const share = weight.optional().parse(compiledOf(row).scheme.streetRatingResidentShare);
      if (share === undefined)
        throw fieldError('BAD_REQUEST', 'schemeId', '方案未设置社区考评街道中居民打分的占比');
      const ratings = await streetRatingsOf(ctx.db, row.id, input.streetCode);
      if (ratings.length === 0) return { ratings: 0, rating: null };
      return {
        ratings: ratings.length,
        residentShare: share,
        rating: streetRating({
          communityScores: ratings.map((r) => r.communityScore),
          residentScores: ratings.flatMap((r) => r.residentScores),
          residentShare: share,
        }),
      };
    }),
});
