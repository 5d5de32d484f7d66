/**
 * Score entry one cell at a time — a grid in the console or rows of a spreadsheet — checked against a
 * scheme: the period exists (a routine period of the scheme's year, or `annual`), the indicator is a
 * leaf of that part, the score lies in the indicator's range, and the one entering it may score it.
 * Every problem names its cell; a batch with any problem is refused whole by the caller.
 */
import type { CommunityScores } from './compute.js';
import type { CompiledLeaf, CompiledScheme, Scorer } from './scheme.js';
import { scorerLabels } from './scheme.js';

export const ANNUAL_PERIOD = 'annual';

export interface ScoreCellInput {
  communityCode: string;
  period: string;
  indicatorId: string;
  score: number;
}

export interface CellProblem {
  /** Index of the cell in the batch. */
  index: number;
  field: 'communityCode' | 'period' | 'indicatorId' | 'score';
  message: string;
}

export interface CellCheckOptions {
  /** Who is entering: only leaves scored by one of these may be entered. */
  scorers: readonly Scorer[];
  /** Whether a community code may be entered (under the scheme's jurisdiction and the principal's scope). */
  communityAllowed: (code: string) => boolean;
}

export function leafOf(
  compiled: CompiledScheme,
  period: string,
  indicatorId: string,
): CompiledLeaf | undefined {
  const part = period === ANNUAL_PERIOD ? compiled.annual : compiled.routine;
  return part.leaves.find((l) => l.id === indicatorId);
}

export function checkScoreCells(
  compiled: CompiledScheme,
  cells: readonly ScoreCellInput[],
  options: CellCheckOptions,
): CellProblem[] {
  const problems: CellProblem[] = [];
  const periods = new Set([...compiled.periods, ANNUAL_PERIOD]);
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    if (!/^\d{12}$/.test(cell.communityCode)) {
      problems.push({ index, field: 'communityCode', message: '社区代码应为12位数字' });
    } else if (!options.communityAllowed(cell.communityCode)) {
      problems.push({
        index,
        field: 'communityCode',
        message: `社区 ${cell.communityCode} 不在本方案或您的辖区范围内`,
      });
    }
    if (!periods.has(cell.period)) {
      problems.push({
        index,
        field: 'period',
        message: `没有这个考核周期：${cell.period}（应为 ${compiled.periods[0]} 至 ${compiled.periods.at(-1)}，或 annual 表示年度考核）`,
      });
      return;
    }
    const leaf = leafOf(compiled, cell.period, cell.indicatorId);
    if (!leaf) {
      const part = cell.period === ANNUAL_PERIOD ? '年度考核' : '平时考核';
      problems.push({ index, field: 'indicatorId', message: `${part}中没有末级指标 ${cell.indicatorId}` });
      return;
    }
    if (!options.scorers.includes(leaf.scorer))
      problems.push({
        index,
        field: 'indicatorId',
        message: `「${leaf.name}」由${scorerLabels[leaf.scorer]}评分，您不能录入`,
      });
    if (!(Number.isFinite(cell.score) && cell.score >= leaf.minScore && cell.score <= leaf.maxScore))
      problems.push({
        index,
        field: 'score',
        message: `「${leaf.name}」的分数应在${leaf.minScore}到${leaf.maxScore}之间（现为${cell.score}）`,
      });
    const key = `${cell.communityCode}/${cell.period}/${cell.indicatorId}`;
    if (seen.has(key)) problems.push({ index, field: 'score', message: '同一单元格录入了两次' });
    seen.add(key);
  });
  return problems;
}

/** The spreadsheet columns of a score import, in order. */
export const scoreTableHeaders = ['社区代码', '考核周期', '指标编号', '分数'] as const;
const fieldOfHeader = {
  社区代码: 'communityCode',
  考核周期: 'period',
  指标编号: 'indicatorId',
  分数: 'score',
} as const;
const headerOfField = Object.fromEntries(Object.entries(fieldOfHeader).map(([h, f]) => [f, h])) as Record<
  CellProblem['field'],
  string
>;

export interface TableProblem {
  /** 1-based row as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

type TableCell = string | number | boolean | Date | null | undefined;

/**
 * Rows of a score spreadsheet (header first) as cells, or every problem by row and column. Blank rows
 * are skipped; the header must name the four columns (in any order).
 */
export function parseScoreTable(
  rows: readonly (readonly TableCell[])[],
): { ok: true; cells: ScoreCellInput[]; rows: number[] } | { ok: false; problems: TableProblem[] } {
  const header = (rows[0] ?? []).map((c) => String(c ?? '').trim());
  const positions = scoreTableHeaders.map((h) => header.indexOf(h));
  const missing = scoreTableHeaders.filter((_, i) => positions[i] === -1);
  if (missing.length > 0)
    return { ok: false, problems: missing.map((h) => ({ row: 1, column: h, message: `缺少列「${h}」` })) };
  const problems: TableProblem[] = [];
  const cells: ScoreCellInput[] = [];
  const rowNumbers: number[] = [];
  rows.slice(1).forEach((row, i) => {
    const at = (k: number) => row[positions[k] as number];
    if (
      scoreTableHeaders.every((_, k) => at(k) === null || at(k) === undefined || String(at(k)).trim() === '')
    )
      return;
    const text = (k: number) => String(at(k) ?? '').trim();
    const scoreCell = at(3);
    const score = typeof scoreCell === 'number' ? scoreCell : Number(String(scoreCell ?? '').trim());
    const rowNumber = i + 2;
    if (text(3) === '' || !Number.isFinite(score))
      problems.push({ row: rowNumber, column: '分数', message: '应为数字' });
    cells.push({ communityCode: text(0), period: text(1), indicatorId: text(2), score });
    rowNumbers.push(rowNumber);
  });
  if (cells.length === 0 && problems.length === 0)
    problems.push({ row: 2, column: '', message: '表格中没有分数' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cells, rows: rowNumbers };
}

/** Cell problems as spreadsheet problems, given the row each cell came from. */
export function cellProblemsAsTable(
  problems: readonly CellProblem[],
  rows: readonly number[],
): TableProblem[] {
  return problems.map((p) => ({
    row: rows[p.index] ?? p.index + 2,
    column: headerOfField[p.field],
    message: p.message,
  }));
}

/**
 * Stored cells grouped into each community's scores. A community is scored once its annual
 * assessment and at least one routine period are complete; a routine period with missing leaves is
 * left out until complete. The rest are listed with how many cells they still lack.
 */
export function communityScoresFromCells(
  compiled: CompiledScheme,
  cells: readonly ScoreCellInput[],
): { complete: CommunityScores[]; incomplete: { code: string; missingCells: number }[] } {
  const byCommunity = new Map<string, Map<string, Record<string, number>>>();
  for (const cell of cells) {
    let periods = byCommunity.get(cell.communityCode);
    if (!periods) {
      periods = new Map();
      byCommunity.set(cell.communityCode, periods);
    }
    const round = periods.get(cell.period) ?? {};
    round[cell.indicatorId] = cell.score;
    periods.set(cell.period, round);
  }
  const complete: CommunityScores[] = [];
  const incomplete: { code: string; missingCells: number }[] = [];
  const routineIds = compiled.routine.leaves.map((l) => l.id);
  const annualIds = compiled.annual.leaves.map((l) => l.id);
  for (const [code, periods] of [...byCommunity].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const annual = periods.get(ANNUAL_PERIOD) ?? {};
    const annualMissing = annualIds.filter((id) => !(id in annual)).length;
    const routine: Record<string, Record<string, number>> = {};
    let routineMissing = 0;
    for (const period of compiled.periods) {
      const round = periods.get(period);
      if (!round) continue;
      const missing = routineIds.filter((id) => !(id in round)).length;
      if (missing === 0)
        routine[period] = Object.fromEntries(routineIds.map((id) => [id, round[id] as number]));
      else routineMissing += missing;
    }
    if (annualMissing === 0 && Object.keys(routine).length > 0)
      complete.push({
        code,
        routine,
        annual: Object.fromEntries(annualIds.map((id) => [id, annual[id] as number])),
      });
    else
      incomplete.push({
        code,
        missingCells:
          annualMissing +
          routineMissing +
          (Object.keys(routine).length === 0 && routineMissing === 0 ? routineIds.length : 0),
      });
  }
  return { complete, incomplete };
}
