/**
 * Community facts in spreadsheets (issue: "Bring your data"): the blank template, importing a filled-in
 * .xlsx/.csv all-or-nothing, and the community list as an Excel file. Files travel as base64 inside the
 * JSON body, which Fastify caps at 1 MiB — ample for a street's or a district's sheet.
 */
import { communities, importCommunityFacts, jurisdictions } from '@shequ/db';
import {
  exportWorkbook,
  parseFactsTable,
  readTable,
  tableFormatOf,
  templateCsv,
  templateWorkbook,
} from '@shequ/facts-io';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { scopePrefix } from '../auth/scope.js';
import { fieldError } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';
import { communityListFilter, listCommunitiesInput } from './communities.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A whole province is about 8,000 rows; beyond this the list should be narrowed first. */
const EXPORT_ROW_LIMIT = 20_000;

export interface SpreadsheetFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

const importInput = z.strictObject({
  fileName: z.string().trim().min(1, '请选择文件').max(200),
  contentBase64: z
    .string()
    .min(1, '文件是空的')
    .max(1_400_000, '文件太大：请分批导入（每个文件不超过约 1 MB）'),
  dryRun: z.boolean().default(false),
});

export const spreadsheetsRouter = router({
  factsTemplate: authedProcedure
    .input(z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }))
    .query(async ({ input }): Promise<SpreadsheetFile> => {
      const bytes = input.format === 'xlsx' ? await templateWorkbook() : Buffer.from(templateCsv(), 'utf8');
      return {
        fileName: `社区数据导入模板.${input.format}`,
        mimeType: input.format === 'xlsx' ? XLSX_TYPE : 'text/csv',
        contentBase64: Buffer.from(bytes).toString('base64'),
      };
    }),

  /** Every problem of the file, by row and column; nothing is written unless every row is good. */
  importFacts: writerProcedure.input(importInput).mutation(async ({ ctx, input }) => {
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
    const parsed = parseFactsTable(rows);
    if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
    const result = await importCommunityFacts(ctx.db, parsed.snapshots, {
      actor: ctx.principal,
      ip: ctx.ip,
      at: ctx.settings.now(),
      scopePrefix: scopePrefix(ctx.principal.jurisdictionCode),
      dryRun: input.dryRun,
    });
    if (!result.ok) {
      // Row 1 is the header, so the n-th snapshot is on row n + 2.
      return {
        ok: false as const,
        problems: result.problems.map((p) => ({ row: p.index + 2, column: '社区代码', message: p.message })),
      };
    }
    return { ok: true as const, updated: result.updated, dryRun: result.dryRun };
  }),

  /** The community list with the console's filters, as an Excel file. */
  exportCommunities: authedProcedure
    .input(listCommunitiesInput)
    .query(async ({ ctx, input }): Promise<SpreadsheetFile> => {
      const where = communityListFilter(ctx.principal, input);
      const street = alias(jurisdictions, 'street');
      const district = alias(jurisdictions, 'district');
      const rows = await ctx.db
        .select({
          code: communities.code,
          name: communities.name,
          districtName: district.name,
          streetName: street.name,
          households: communities.households,
          residents: communities.residents,
          asOf: communities.asOf,
        })
        .from(communities)
        .leftJoin(street, eq(street.code, communities.streetCode))
        .leftJoin(district, eq(district.code, communities.districtCode))
        .where(where)
        .orderBy(asc(communities.code))
        .limit(EXPORT_ROW_LIMIT + 1);
      if (rows.length > EXPORT_ROW_LIMIT) {
        throw fieldError('BAD_REQUEST', 'under', `超过 ${EXPORT_ROW_LIMIT} 个社区：请先选择下级辖区再导出`);
      }
      type Row = (typeof rows)[number];
      const bytes = await exportWorkbook<Row>(
        [
          { header: '社区代码', value: (r) => r.code, width: 16 },
          { header: '社区名称', value: (r) => r.name, width: 24 },
          { header: '区（县）', value: (r) => r.districtName ?? '', width: 14 },
          { header: '街道（乡镇）', value: (r) => r.streetName ?? '', width: 16 },
          { header: '户数', value: (r) => r.households ?? '' },
          { header: '人口', value: (r) => r.residents ?? '' },
          { header: '数据日期', value: (r) => String(r.asOf) },
        ],
        rows,
        '社区列表',
      );
      return {
        fileName: '社区列表.xlsx',
        mimeType: XLSX_TYPE,
        contentBase64: Buffer.from(bytes).toString('base64'),
      };
    }),
});
