/**
 * The worker roster in Excel: importing a filled-in sheet all or nothing (every problem by row and
 * column: a wrong check digit, the same person twice, someone already on post here or in another
 * community), and exporting the roster with the console's filters under the same headers. The columns
 * and their validation are `@shequ/facts-io`'s, the rules `@shequ/people`'s, the writing `@shequ/db`'s.
 * Identity and mobile numbers leave masked unless the role may see them and asks, which is audited.
 */
import { randomUUID } from 'node:crypto';
import { importCommittees, importUnits, importWorkers, loadRegisters, writeAudit } from '@shequ/db';
import { divisionCode } from '@shequ/domain';
import {
  type CommitteeSheetRow,
  committeeExportColumns,
  committeeSheetRows,
  committeeSheetTitle,
  committeesAgainstRegisters,
  parseCommitteeTable,
  parseUnitTable,
  parseWorkerTable,
  readTable,
  SpreadsheetRefused,
  tableFormatOf,
  type UnitKind,
  type UnitSheetRow,
  unitExportColumns,
  unitKind,
  unitSheets,
  unitsAgainstRegisters,
  workerExportColumns,
  workerRowProblem,
} from '@shequ/facts-io';
import { maskIdNumber, maskPhone, maySeePersonalData, rosterConflicts, type Worker } from '@shequ/people';
import { z } from 'zod';
import { isInScope } from '../auth/scope.js';
import { auditedAs } from '../context.js';
import { fieldError, forbidden } from '../errors.js';
import { governsIn } from '../governs.js';
import { requireScope, writerProcedure } from '../trpc.js';
import { communitiesIn, rosterEntries, rosterInput, today } from './people.js';
import {
  type ExportContext,
  exportProcedure,
  importInput,
  type ListSheet,
  oneImportAtATime,
} from './spreadsheet-file.js';

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

/** The format of an uploaded file by its name, or the file field's 400. */
function sheetFormat(fileName: string) {
  const format = tableFormatOf(fileName);
  if (!format) throw fieldError('BAD_REQUEST', 'fileName', '只支持 .xlsx 与 .csv 文件');
  return format;
}

/** The rows of an uploaded sheet, or the file field's 400 (over a limit, not a spreadsheet). */
async function sheetRows(input: z.output<typeof importInput>) {
  const format = sheetFormat(input.fileName);
  try {
    return await readTable(Buffer.from(input.contentBase64, 'base64'), format);
  } catch (error) {
    if (error instanceof SpreadsheetRefused) throw fieldError('BAD_REQUEST', 'fileName', error.message);
    throw fieldError('BAD_REQUEST', 'fileName', '无法读取该文件：请另存为 .xlsx 或 UTF-8 编码的 .csv');
  }
}

const unitSheet = (kind: UnitKind): ListSheet<UnitSheetRow> => ({
  title: unitSheets[kind].title,
  unit: '条记录',
  narrow: { field: 'under', hint: '选择街道或社区' },
  columns: unitExportColumns(kind),
});

/** The node an export covers (`under`, else the caller's own), after the scope check, and the registers of its communities. */
async function registersUnder(ctx: ExportContext, under: string | undefined) {
  const node = under ?? ctx.principal.jurisdictionCode;
  requireScope(ctx.principal, node);
  const places = await communitiesIn(ctx, node);
  const registers = await loadRegisters(
    ctx.db,
    places.map((p) => p.code),
  );
  return { node, registers };
}

export const peopleSpreadsheets = {
  /**
   * New roster entries from a sheet under the roster's headers: all of them, or none with every
   * problem by row and column. `dryRun` checks without writing.
   */
  importWorkers: writerProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    sheetFormat(input.fileName);
    return oneImportAtATime(ctx, async () => {
      const rows = await sheetRows(input);
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
        ...auditedAs(ctx),
        workers,
        check: (worker, others) => rosterConflicts(worker, others),
        dryRun: input.dryRun,
      });
      if (!result.ok)
        return {
          ok: false as const,
          problems: result.problems.map((p) => workerRowProblem(parsed.workers[p.index]?.row ?? 0, p.issue)),
        };
      return {
        ok: true as const,
        created: result.created,
        unchanged: result.unchanged,
        dryRun: result.dryRun,
      };
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
          action: 'people.worker.export',
          entityType: 'people.worker',
          entityId: input.under ?? ctx.principal.jurisdictionCode,
          jurisdictionCode: input.under ?? ctx.principal.jurisdictionCode,
          before: null,
          after: { fields: ['idNumber', 'phone'], workers: rows.length },
          ...auditedAs(ctx),
        });
      return rows;
    },
    sheet: (_ctx, input) => rosterSheet(input.full),
    qualifiers: (input) => [input.under, input.full ? '完整号码' : undefined],
  }),

  /**
   * Grids, buildings, resident groups, resident representatives or property-service areas from a sheet
   * of that kind: new ones added, stored ones of the same name updated (representatives only added),
   * with the links the sheet names — a building's or group's grid, a building's property-service area
   * (by name), a grid's 网格长 (who must sit on the residents' committee where Ezhou 第七条（一） governs) —
   * all of it, or nothing with every problem by row and column.
   */
  importUnits: writerProcedure
    .input(importInput.extend({ kind: unitKind }))
    .mutation(async ({ ctx, input }) => {
      sheetFormat(input.fileName);
      return oneImportAtATime(ctx, async () => {
        const parsed = parseUnitTable(input.kind, await sheetRows(input));
        if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
        const outside = parsed.units.filter((u) => !isInScope(ctx.principal, u.unit.communityCode));
        if (outside.length > 0)
          return {
            ok: false as const,
            problems: outside.map((u) => ({
              row: u.row,
              column: '社区代码',
              message: '该社区不在您的辖区内',
            })),
          };
        const asOf = today(ctx);
        const result = await importUnits(ctx.db, {
          ...auditedAs(ctx),
          kind: input.kind,
          communityCodes: parsed.units.map((u) => u.unit.communityCode),
          prepare: (registers) =>
            unitsAgainstRegisters(input.kind, parsed, (code) => registers.get(code), asOf, randomUUID, {
              governsOf: (code) => governsIn(ctx, code),
            }),
          dryRun: input.dryRun,
        });
        // The store's result is already the answer: the counts, or the rows' problems.
        return result;
      });
    }),

  /**
   * The grids, buildings, resident groups, resident representatives or property-service areas of the
   * communities under a node, with their links by name (a grid's 网格长 by name and masked identity number), so the file reads back.
   */
  exportUnits: exportProcedure({
    input: z.strictObject({ under: divisionCode.optional(), kind: unitKind }),
    rows: async (ctx, input, limit) => {
      const { registers } = await registersUnder(ctx, input.under);
      const rows: UnitSheetRow[] = [];
      for (const r of registers.values()) {
        const gridName = new Map(r.grids.map((g) => [g.id, g.name]));
        const areaName = new Map((r.propertyAreas ?? []).map((a) => [a.id, a.name]));
        const inGrid = (gridId: string | undefined) => {
          const name = gridId === undefined ? undefined : gridName.get(gridId);
          return name === undefined ? {} : { gridName: name };
        };
        if (input.kind === 'grid')
          for (const g of r.grids) {
            const leader = r.workers.find((w) => w.id === g.leaderWorkerId);
            rows.push({
              ...g,
              ...(leader
                ? { gridLeaderName: leader.name, leaderIdNumber: maskIdNumber(leader.idNumber) }
                : {}),
            });
          }
        else if (input.kind === 'building')
          for (const b of r.buildings) {
            const area = b.propertyAreaId === undefined ? undefined : areaName.get(b.propertyAreaId);
            rows.push({
              ...b,
              ...inGrid(b.gridId),
              ...(area === undefined ? {} : { propertyAreaName: area }),
            });
          }
        else if (input.kind === 'resident-group')
          for (const g of r.residentGroups) rows.push({ ...g, ...inGrid(g.gridId) });
        else if (input.kind === 'property-area') rows.push(...(r.propertyAreas ?? []));
        else rows.push(...(r.representatives ?? []));
      }
      return rows.slice(0, limit);
    },
    sheet: (_ctx, input) => unitSheet(input.kind),
    qualifiers: (input) => [input.under],
  }),

  /**
   * Committees with their members from a sheet (one row a member): new ones added, and stored ones
   * (named by 委员会编号, or the same kind and term, as an exported sheet has them) updated member by
   * member; all of it, or nothing with every problem by row and column — a term ending before it starts, two chairs, an identity number
   * not on the community's roster, a sub-committee chaired by someone not on the residents' committee
   * (where Ezhou 第七条（一） or Jiangsu 10（1） governs the community).
   */
  importCommittees: writerProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    sheetFormat(input.fileName);
    return oneImportAtATime(ctx, async () => {
      const parsed = parseCommitteeTable(await sheetRows(input));
      if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
      const outside = parsed.committees.filter((c) => !isInScope(ctx.principal, c.committee.communityCode));
      if (outside.length > 0)
        return {
          ok: false as const,
          problems: outside.map((c) => ({ row: c.row, column: '社区代码', message: '该社区不在您的辖区内' })),
        };
      const result = await importCommittees(ctx.db, {
        ...auditedAs(ctx),
        communityCodes: parsed.committees.map((c) => c.committee.communityCode),
        prepare: (registers) =>
          committeesAgainstRegisters(parsed.committees, (code) => registers.get(code), randomUUID, {
            governsOf: (code) => governsIn(ctx, code),
          }),
        dryRun: input.dryRun,
      });
      // The store's result is already the answer: the counts, or the rows' problems.
      return result;
    });
  }),

  /**
   * The committees of the communities under a node, one row a member; members' identity numbers
   * masked unless the role may see them and asks (audited), as the roster's export.
   */
  exportCommittees: exportProcedure({
    input: z.strictObject({ under: divisionCode.optional(), full: z.boolean().default(false) }),
    access: async (ctx, input) => {
      if (input.full && !maySeePersonalData(ctx.principal.role))
        throw forbidden('您的角色不能导出完整的身份证号码');
    },
    rows: async (ctx, input, limit) => {
      const { node, registers } = await registersUnder(ctx, input.under);
      const rows: CommitteeSheetRow[] = [];
      for (const r of registers.values()) {
        const idNumbers = new Map(r.workers.map((w) => [w.id, w.idNumber]));
        const idNumberOf = (workerId: string) => {
          const idNumber = idNumbers.get(workerId);
          return idNumber === undefined || input.full ? idNumber : maskIdNumber(idNumber);
        };
        for (const c of r.committees) rows.push(...committeeSheetRows(c, idNumberOf));
      }
      if (input.full && rows.some((r) => r.idNumber !== undefined))
        await writeAudit(ctx.db, {
          action: 'people.committee.export',
          entityType: 'people.committee',
          entityId: node,
          jurisdictionCode: node,
          before: null,
          after: { fields: ['idNumber'], rows: rows.length },
          ...auditedAs(ctx),
        });
      return rows.slice(0, limit);
    },
    sheet: () => ({
      title: committeeSheetTitle,
      unit: '条记录',
      narrow: { field: 'under', hint: '选择街道或社区' },
      columns: committeeExportColumns(),
    }),
    qualifiers: (input) => [input.under, input.full ? '完整号码' : undefined],
  }),
};
