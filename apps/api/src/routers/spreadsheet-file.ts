/**
 * Any list of the console as an Excel file. Each export states
 * its columns once (`ListSheet`), fetches its rows with the list's own filter and scope check, and
 * hands both to `listSpreadsheet`, which refuses a list longer than the installation's cap with a
 * zh-CN message naming the filter to narrow. Files travel as base64 inside the JSON answer.
 */
import { chinaDateTime as chinaClock, safeText } from '@shequ/domain';
import { type ExportColumn, exportWorkbook } from '@shequ/facts-io';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Principal } from '../auth/scope.js';
import type { Context } from '../context.js';
import { fieldError } from '../errors.js';
import { authedProcedure } from '../trpc.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A whole province is about 8,000 communities; beyond this a list should be narrowed first. */
export const DEFAULT_EXPORT_ROW_LIMIT = 20_000;

export interface SpreadsheetFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** How one list looks in Excel. */
export interface ListSheet<T> {
  /** zh-CN sheet name and the start of the file name (Excel allows 31 characters, no `*?:/\[]`). */
  title: string;
  columns: readonly ExportColumn<T>[];
  /** What one row is, with its measure word, for the cap message: `个社区`, `条记录`. */
  unit: string;
  /** The list's input field to narrow when the list is too long, and what to do, in zh-CN. */
  narrow: { field: string; hint: string };
}

/**
 * How many rows an export's query should fetch: one more than the cap, so an over-long list is
 * noticed without counting it first.
 */
export function exportFetchLimit(ctx: Pick<Context, 'settings'>): number {
  return ctx.settings.exportRowLimit + 1;
}

/**
 * The rows as an .xlsx file named `<title>[-<qualifier>…].xlsx`; BAD_REQUEST on the narrowing field
 * when there are more rows than the cap (`exportFetchLimit` fetched one too many to tell).
 */
export async function listSpreadsheet<T>(
  ctx: Pick<Context, 'settings'>,
  sheet: ListSheet<T>,
  rows: readonly T[],
  qualifiers: readonly (string | undefined)[] = [],
): Promise<SpreadsheetFile> {
  const limit = ctx.settings.exportRowLimit;
  if (rows.length > limit) {
    throw fieldError(
      'BAD_REQUEST',
      sheet.narrow.field,
      `超过 ${limit} ${sheet.unit}：请先${sheet.narrow.hint}再导出`,
    );
  }
  const bytes = await exportWorkbook(sheet.columns, rows, sheet.title);
  const name = [sheet.title, ...qualifiers.filter((q): q is string => Boolean(q))].join('-');
  return {
    fileName: `${name.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`,
    mimeType: XLSX_TYPE,
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

/** An instant as China's wall-clock time, `2026-11-03 10:00:00`; empty for none. */
export function chinaDateTime(at: Date | string | null | undefined): string {
  if (at === null || at === undefined) return '';
  return chinaClock(typeof at === 'string' ? new Date(at) : at);
}

/** Excel keeps at most 32,767 characters in a cell; longer JSON (a community's facts) is cut short. */
const CELL_LIMIT = 32_000;

/** A JSON value as cell text; empty for null and undefined. */
export function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT)}…（已截断）` : text;
}

/** The zh-CN label of a value, the value itself when it has none. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return labels[value] ?? value;
}

/** What an export procedure runs with: the signed-in caller's context. */
export type ExportContext = Context & { principal: Principal };

/**
 * An export procedure: the list's input, its access check, its rows (at most `limit`, one past the cap),
 * its sheet and the qualifiers its file name carries. Every list export is this one skeleton.
 */
export function exportProcedure<Input extends z.ZodType, Row>(spec: {
  input: Input;
  /** Refuses a caller who may not read the list; the list's own rule. */
  access?: (ctx: ExportContext, input: z.output<Input>) => Promise<unknown>;
  rows: (ctx: ExportContext, input: z.output<Input>, limit: number) => Promise<readonly Row[]>;
  sheet: ListSheet<Row> | ((ctx: ExportContext, input: z.output<Input>) => ListSheet<Row>);
  qualifiers?: (input: z.output<Input>) => readonly (string | undefined)[];
}) {
  return authedProcedure.input(spec.input).query(async ({ ctx, input }): Promise<SpreadsheetFile> => {
    const listInput = input as z.output<Input>;
    await spec.access?.(ctx, listInput);
    const rows = await spec.rows(ctx, listInput, exportFetchLimit(ctx));
    const sheet = typeof spec.sheet === 'function' ? spec.sheet(ctx, listInput) : spec.sheet;
    return listSpreadsheet(ctx, sheet, rows, spec.qualifiers?.(listInput) ?? []);
  });
}

/** A spreadsheet to import: its name (for the format), its bytes, and whether only to check it. */
export const importInput = z.strictObject({
  fileName: safeText('文件名', 200),
  contentBase64: z
    .string()
    .min(1, '文件是空的')
    .max(1_400_000, '文件太大：请分批导入（每个文件不超过约 1 MB）'),
  dryRun: z.boolean().default(false),
});

/**
 * Runs an import unless another is running on this server. Parsing a large sheet takes hundreds of MB,
 * and any community worker may send one; the others are told to retry rather than queued, so nothing
 * piles up in memory.
 */
export async function oneImportAtATime<T>(ctx: Pick<Context, 'settings'>, run: () => Promise<T>): Promise<T> {
  const gate = ctx.settings.spreadsheetImports;
  if (gate.running > 0) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: '服务器正在处理另一个表格导入：请稍后再试（同一时间只处理一个导入）',
    });
  }
  gate.running++;
  try {
    return await run();
  } finally {
    gate.running--;
  }
}
