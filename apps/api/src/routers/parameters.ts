/**
 * 辖区参数: the benchmarks a regulation names without a figure (鄂州市城市在岗职工平均工资, 威海's 事业单位
 * 同类人员工资水平), entered by the administrators of the jurisdiction that declares them. `supplied`
 * shows a jurisdiction what it must supply, the figures in force and their history; `enter` records one
 * figure (every entry kept, audited by the store). `@shequ/policy` decides who may enter what and which
 * figure is in force; the compliance checks read the same figures (`compliance/evaluate.ts`).
 */
import { enterParameterValue, jurisdictions, parameterValuesAround } from '@shequ/db';
import { isoDate } from '@shequ/domain';
import {
  parameterEntryInput,
  parameterEntryRefusal,
  parameterValuesInForce,
  suppliedParametersFor,
} from '@shequ/policy';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { COUNTRY_CODE } from '../auth/roles.js';
import { auditedAs } from '../context.js';
import { fieldError, forbidden } from '../errors.js';
import { authedProcedure, requireScope, router, writerProcedure } from '../trpc.js';
import { today } from './policy.js';

export const suppliedInput = z.strictObject({
  /** The jurisdiction (or community) whose figures to show; the principal's own node when absent. */
  jurisdictionCode: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/, { error: '行政区划代码应为6位、9位或12位数字' })
    .optional(),
  asOf: isoDate.optional(),
});

export const parametersRouter = router({
  /** What the jurisdiction must supply, the figure of each in force on `asOf` (default today), and the history. */
  supplied: authedProcedure.input(suppliedInput).query(async ({ ctx, input }) => {
    const code = input.jurisdictionCode ?? ctx.principal.jurisdictionCode;
    requireScope(ctx.principal, code);
    const asOf = input.asOf ?? today(ctx);
    const parameters = code === COUNTRY_CODE ? [] : suppliedParametersFor(code);
    const names = new Set(parameters.map((p) => p.name));
    const entries = (await parameterValuesAround(ctx.db, code)).filter((e) => names.has(e.name));
    const inForce = parameterValuesInForce(
      entries.map((e) => ({ ...e, jurisdiction: e.jurisdictionCode })),
      code,
      asOf,
    );
    const codes = [...new Set([code, ...entries.map((e) => e.jurisdictionCode)])];
    const nameRows =
      code === COUNTRY_CODE && codes.length === 1
        ? []
        : await ctx.db
            .select({ code: jurisdictions.code, name: jurisdictions.name })
            .from(jurisdictions)
            .where(inArray(jurisdictions.code, codes));
    const jurisdictionNames = new Map(nameRows.map((r) => [r.code, r.name]));
    const shown = (e: (typeof entries)[number]) => ({
      id: e.id,
      name: e.name,
      jurisdictionCode: e.jurisdictionCode,
      jurisdictionName: jurisdictionNames.get(e.jurisdictionCode) ?? e.jurisdictionCode,
      value: e.value,
      effectiveFrom: e.effectiveFrom,
      source: e.source,
      enteredBy: e.enteredByName,
      enteredAt: e.enteredAt.toISOString(),
    });
    return {
      jurisdictionCode: code,
      jurisdictionName: code === COUNTRY_CODE ? '全国' : (jurisdictionNames.get(code) ?? code),
      asOf,
      parameters: parameters.map((p) => {
        const current = inForce.get(p.name);
        return {
          ...p,
          source: p.source ?? null,
          current: current ? shown(current) : null,
          /** Why the principal may not enter this figure here (zh-CN, citing R-PAR-1); null when they may. */
          refusal: parameterEntryRefusal(ctx.principal, p, code) ?? null,
        };
      }),
      history: entries.map(shown).sort((a, b) => b.enteredAt.localeCompare(a.enteredAt) || b.id - a.id),
    };
  }),

  /** Records one figure for a supplied parameter (400 naming the field for a bad one, nothing written). */
  enter: writerProcedure.input(parameterEntryInput).mutation(async ({ ctx, input }) => {
    requireScope(ctx.principal, input.jurisdiction);
    const parameter = suppliedParametersFor(input.jurisdiction).find((p) => p.name === input.name);
    if (!parameter) throw fieldError('BAD_REQUEST', 'name', '该辖区的政策不需要填报此参数');
    const refusal = parameterEntryRefusal(ctx.principal, parameter, input.jurisdiction);
    if (refusal) throw forbidden(refusal);
    const row = await enterParameterValue(ctx.db, auditedAs(ctx), {
      jurisdictionCode: input.jurisdiction,
      name: input.name,
      value: input.value,
      effectiveFrom: input.effectiveFrom,
      source: input.source,
    });
    return { id: row.id, value: row.value, effectiveFrom: row.effectiveFrom };
  }),
});
