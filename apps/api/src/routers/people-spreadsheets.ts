/**
 * The worker roster in Excel: importing a filled-in sheet all or nothing (every problem by row and
 * column: a wrong check digit, the same person twice, someone already on post here or in another
 * community), and exporting the roster with the console's filters under the same headers. The columns
 * and their validation are `@shequ/facts-io`'s, the rules `@shequ/people`'s, the writing `@shequ/db`'s.
 * Identity and mobile numbers leave masked unless the role may see them and asks, which is audited.
 */
import { randomUUID } from 'node:crypto';
import { importWorkers, writeAudit } from '@shequ/db';
import {
  parseWorkerTable,
  readTable,
  SpreadsheetRefused,
  tableFormatOf,
  workerExportColumns,
  workerRowProblem,
} from '@shequ/facts-io';
import { maskIdNumber, maskPhone, maySeePersonalData, rosterConflicts, type Worker } from '@shequ/people';
import { z } from 'zod';
import { isInScope } from '../auth/scope.js';
import { fieldError, forbidden } from '../errors.js';
import { writerProcedure } from '../trpc.js';
import { rosterEntries, rosterInput } from './people.js';
import { exportProcedure, importInput, type ListSheet, oneImportAtATime } from './spreadsheet-file.js';

const rosterSheet = (full: boolean): ListSheet<Worker> => ({
  title: '社区工作者花名册',
  unit: '名工作者',
  narrow: { field: 'under', hint: '选择街道或社区' },
  columns: workerExportColumns((w) =>
    full ? w : { idNumber: maskIdNumber(w.idNumber), phone: w.phone ? maskPhone(w.phone) : undefined },
  ),
});

export const exportWorkersInput = rosterInput.extend({
  /** Full identity and mobile numbers (a file that can be imported elsewhere); audited. */
  full: z.boolean().default(false),
});

export const peopleSpreadsheets = {
  /**
   * New roster entries from a sheet under the roster's headers: all of them, or none with every
   * problem by row and column. `dryRun` checks without writing.
   */
  importWorkers: writerProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    const format = tableFormatOf(input.fileName);
    if (!format) throw fieldError('BAD_REQUEST', 'fileName', '只支持 .xlsx 与 .csv 文件');
    return oneImportAtATime(ctx, async () => {
      let rows: Awaited<ReturnType<typeof readTable>>;
      try {
        rows = await readTable(Buffer.from(input.contentBase64, 'base64'), format);
      } catch (error) {
        if (error instanceof SpreadsheetRefused) throw fieldError('BAD_REQUEST', 'fileName', error.message);
        throw fieldError('BAD_REQUEST', 'fileName', '无法读取该文件：请另存为 .xlsx 或 UTF-8 编码的 .csv');
      }
      const parsed = parseWorkerTable(rows);
      if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
      const outside = parsed.workers.filter((w) => !isInScope(ctx.principal, w.worker.communityCode));
      if (outside.length > 0)
        return {
          ok: false as const,
          problems: outside.map((w) =>
            workerRowProblem(w.row, { path: 'communityCode', message: '该社区不在您的辖区内' }),
          ),
        };
      const workers = parsed.workers.map((w) => ({ ...w.worker, id: randomUUID() }));
      const result = await importWorkers(ctx.db, {
        actor: { id: ctx.principal.id, username: ctx.principal.username },
        ip: ctx.ip,
        at: ctx.settings.now(),
        workers,
        check: (worker, others) => rosterConflicts(worker, others),
        dryRun: input.dryRun,
      });
      if (!result.ok)
        return {
          ok: false as const,
          problems: result.problems.map((p) => workerRowProblem(parsed.workers[p.index]?.row ?? 0, p.issue)),
        };
      return { ok: true as const, created: result.created, dryRun: result.dryRun };
    });
  }),

  /** The roster with the console's filters; full numbers only for a role that may see them, audited. */
  exportWorkers: exportProcedure({
    input: exportWorkersInput,
    access: async (ctx, input) => {
      if (input.full && !maySeePersonalData(ctx.principal.role))
        throw forbidden('您的角色不能导出完整的身份证号码和手机号码');
    },
    rows: async (ctx, input, limit) => {
      const { entries } = await rosterEntries(ctx, input);
      const rows = entries.slice(0, limit).map((e) => e.worker);
      if (input.full && rows.length > 0)
        await writeAudit(ctx.db, {
          actor: { id: ctx.principal.id, username: ctx.principal.username },
          action: 'people.worker.export',
          entityType: 'people.worker',
          entityId: input.under ?? ctx.principal.jurisdictionCode,
          jurisdictionCode: input.under ?? ctx.principal.jurisdictionCode,
          before: null,
          after: { fields: ['idNumber', 'phone'], workers: rows.length },
          ip: ctx.ip,
          at: ctx.settings.now(),
        });
      return rows;
    },
    sheet: (_ctx, input) => rosterSheet(input.full),
    qualifiers: (input) => [input.under, input.full ? '完整号码' : undefined],
  }),
};
