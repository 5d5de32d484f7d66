/**
 * Resident satisfaction surveys (居民满意度调查) of an assessment scheme: a scheme administrator opens
 * one for a period with resident-scored indicators; anyone who writes for a community under the scheme
 * issues its one-time answer codes (答卷码), shown once for printing; residents answer on the public page
 * (`public-survey.ts`). The answers become the community's residents' scores in the results.
 * Every decision is `@shequ/assessment`'s (R-ASM-1); this router checks access, calls it and stores.
 */
import { createHash, randomInt } from 'node:crypto';
import {
  formatSurveyCode,
  SURVEY_CODE_ALPHABET,
  SURVEY_CODE_LENGTH,
  surveyIndicators,
  surveyOpeningSchema,
  surveyWindowState,
} from '@shequ/assessment';
import {
  getSurvey,
  issueSurveyCodes,
  openSurvey,
  type SurveyWithScheme,
  surveyCodeCounts,
  surveyResponsesOf,
  surveysOfScheme,
} from '@shequ/db';
import { chinaDate, communityCode, isWithin } from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { isInScope, type Principal, scopePrefix } from '../auth/scope.js';
import { auditedAs, type Context } from '../context.js';
import { fieldError, forbidden, notFound } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { compiledOf, isSchemeAdmin, requirePublished, storeError, visibleScheme } from './assessment.js';

const schemeId = z.string().uuid({ error: '方案编号无效' });
const surveyId = z.string().uuid({ error: '调查编号无效' });

/** The stored form of a code: a hash tied to its survey, so a leaked table answers nothing. */
export function surveyCodeHash(surveyId: string, code: string): string {
  return createHash('sha256').update(`${surveyId}:${code}`).digest('hex');
}

/** The public address residents open: no sign-in. */
export function surveyPath(surveyId: string, community: string): string {
  return `/public/surveys/${surveyId}/${community}`;
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < SURVEY_CODE_LENGTH; i += 1)
    code += SURVEY_CODE_ALPHABET[randomInt(SURVEY_CODE_ALPHABET.length)];
  return code;
}

async function visibleSurvey(ctx: Context & { principal: Principal }, id: string): Promise<SurveyWithScheme> {
  const survey = await getSurvey(ctx.db, id);
  if (!survey) throw notFound('没有这次满意度调查');
  await visibleScheme(ctx, survey.schemeId);
  return survey;
}

export const assessmentSurveysRouter = router({
  /** A scheme's surveys: the questions, whether each takes answers today, and per community in scope the codes issued and answers received. */
  list: authedProcedure.input(z.strictObject({ schemeId })).query(async ({ ctx, input }) => {
    const row = await visibleScheme(ctx, input.schemeId);
    const compiled = compiledOf(row);
    const today = chinaDate(ctx.settings.now());
    const prefix = scopePrefix(ctx.principal.jurisdictionCode);
    const surveys = await surveysOfScheme(ctx.db, row.id);
    const responses = await surveyResponsesOf(ctx.db, surveys, prefix);
    return {
      canOpen: isSchemeAdmin(ctx.principal) && isInScope(ctx.principal, row.jurisdictionCode),
      residentPeriods: [...compiled.periods, 'annual'].filter(
        (p) => surveyIndicators(compiled, p).length > 0,
      ),
      surveys: await Promise.all(
        surveys.map(async (survey) => {
          const codes = await surveyCodeCounts(ctx.db, survey.id, prefix);
          const answered = new Map<string, number>();
          for (const r of responses)
            if (r.period === survey.period)
              answered.set(r.communityCode, (answered.get(r.communityCode) ?? 0) + 1);
          return {
            id: survey.id,
            period: survey.period,
            opensOn: survey.opensOn,
            closesOn: survey.closesOn,
            state: surveyWindowState(survey, today),
            questions: surveyIndicators(compiled, survey.period).map((l) => ({ id: l.id, name: l.name })),
            communities: [...codes].map(([code, counts]) => ({
              communityCode: code,
              ...counts,
              responses: answered.get(code) ?? 0,
              path: surveyPath(survey.id, code),
            })),
          };
        }),
      ),
    };
  }),

  /** Opens a survey of one period; refused for a period without resident-scored indicators or dates out of order. */
  open: writerProcedure
    .input(
      z.strictObject({
        schemeId,
        period: z.string().max(10),
        opensOn: z.string().max(10),
        closesOn: z.string().max(10),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await visibleScheme(ctx, input.schemeId);
      if (!isSchemeAdmin(ctx.principal) || !isInScope(ctx.principal, row.jurisdictionCode))
        throw forbidden('只有制定方案的区（县）级及以上管理员可以发起满意度调查');
      requirePublished(row);
      const parsed = surveyOpeningSchema(compiledOf(row)).safeParse({
        period: input.period,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
      });
      if (!parsed.success)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '调查设置有误', cause: parsed.error });
      const survey = await openSurvey(ctx.db, auditedAs(ctx), {
        schemeId: row.id,
        jurisdictionCode: row.jurisdictionCode,
        ...parsed.data,
      }).catch(storeError);
      return { id: survey.id };
    }),

  /** New one-time codes for a community, returned once (only their hashes are kept), with the community's link. */
  issueCodes: writerProcedure
    .input(
      z.strictObject({
        surveyId,
        communityCode,
        count: z
          .number({ error: '份数应为整数' })
          .int({ error: '份数应为整数' })
          .min(1, { error: '份数应在1到500之间' })
          .max(500, { error: '份数应在1到500之间' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!isInScope(ctx.principal, input.communityCode)) throw forbidden();
      const survey = await visibleSurvey(ctx, input.surveyId);
      if (!isWithin(input.communityCode, survey.schemeJurisdictionCode))
        throw fieldError('BAD_REQUEST', 'communityCode', '该社区不在本方案的辖区内');
      if (surveyWindowState(survey, chinaDate(ctx.settings.now())) === 'closed')
        throw fieldError('BAD_REQUEST', 'surveyId', '本次调查已经结束，不再发放答卷码');
      const codes = new Set<string>();
      while (codes.size < input.count) codes.add(newCode());
      await issueSurveyCodes(ctx.db, auditedAs(ctx), {
        surveyId: survey.id,
        communityCode: input.communityCode,
        codeHashes: [...codes].map((c) => surveyCodeHash(survey.id, c)),
      });
      return {
        codes: [...codes].map(formatSurveyCode),
        path: surveyPath(survey.id, input.communityCode),
        schemeName: survey.schemeName,
        period: survey.period,
        closesOn: survey.closesOn,
      };
    }),
});
