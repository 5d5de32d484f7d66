/**
 * Community facts in spreadsheets: the template, reading .xlsx/.csv, turning rows into snapshots
 * with row-and-column errors, and exporting any list to Excel. Pure of the CLI: the API and the
 * console can use it as it is.
 */

export {
  type CellKind,
  type FactColumn,
  facilityFunctionLabels,
  factCellOf,
  factColumns,
  honourLabels,
} from './columns.js';
export {
  type CommitteeDraft,
  type CommitteeRows,
  type CommitteeSheetRow,
  type CommitteesToWrite,
  type CommitteeTableResult,
  committeeColumnOf,
  committeeColumns,
  committeeExportColumns,
  committeeProblemRow,
  committeeSheetRows,
  committeeSheetTitle,
  committeesAgainstRegisters,
  parseCommitteeTable,
} from './committee-sheet.js';
export {
  DEFAULT_SPREADSHEET_LIMITS,
  type SpreadsheetLimits,
  SpreadsheetRefused,
} from './limits.js';
export {
  type Cell,
  type FactsTableResult,
  formatTableProblems,
  parseFactsTable,
  type TableProblem,
} from './parse.js';
export {
  parseUnitTable,
  type UnitDraft,
  type UnitKind,
  type UnitLinks,
  type UnitSheetRow,
  type UnitsToWrite,
  type UnitTableResult,
  unitExportColumns,
  unitKind,
  unitKinds,
  unitSheets,
  unitsAgainstRegisters,
} from './unit-sheet.js';
export {
  type ExportColumn,
  exportWorkbook,
  readTable,
  type TableFormat,
  tableFormatOf,
  templateCsv,
  templateWorkbook,
} from './workbook.js';
export {
  parseWorkerTable,
  trainingLine,
  type WorkerColumn,
  type WorkerDraft,
  type WorkerRow,
  type WorkerTableResult,
  workerColumnOf,
  workerColumns,
  workerExportColumns,
  workerRowProblem,
} from './worker-sheet.js';
