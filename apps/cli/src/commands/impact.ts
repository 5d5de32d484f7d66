/**
 * `shequ impact --from OLD --to NEW [--under CODE] [--as-of DATE] [--pack MODULE]…`: which stored
 * communities change status between two versions of a pack. OLD and NEW are pack modules (as for
 * `--pack`) with one code; NEW may be a new version of a shipped pack. Every stored community under
 * the pack's jurisdiction (or `--under`) is evaluated with each, on its own date or `--as-of`. Prints
 * JSON: `{ pack, communities, changed: [{code, name, changes: [{rule, from, to}]}], rules }`. Exit 0,
 * or 2 on a usage error.
 */
import { packImpact } from '@shequ/policy';
import { loadPack, packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { asOfOption, optionalString, parseOptions } from './check.js';

export const summary =
  '比较一个政策包的两个版本对已存社区的影响：impact --from 旧版模块 --to 新版模块 [--under 代码] [--as-of 日期]';

const USAGE =
  '用法: shequ impact --from 旧版政策包模块 --to 新版政策包模块 [--under 辖区代码] [--as-of YYYY-MM-DD] [--pack 模块]…';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    under: { type: 'string' },
    'as-of': { type: 'string' },
    ...packOption,
  });
  const problems: string[] = [];
  const fromModule = optionalString(values.from);
  const toModule = optionalString(values.to);
  if (fromModule === undefined) problems.push(`--from: 必填。${USAGE}`);
  if (toModule === undefined) problems.push(`--to: 必填。${USAGE}`);
  if (positionals.length > 0) problems.push(`多余的参数：${positionals.join(' ')}`);
  const asOf = asOfOption(values['as-of'], problems);
  if (problems.length > 0 || fromModule === undefined || toModule === undefined)
    throw new UsageError(problems);

  const [older, newer] = [await loadPack(fromModule), await loadPack(toModule)];
  if (older.code !== newer.code)
    throw new UsageError([
      `--to: 新版政策包代码 ${newer.code} 与旧版 ${older.code} 不同，应为同一政策包的两个版本`,
    ]);
  const base = await registryWith(packModules(values.pack));
  const load = (version: typeof older) => {
    try {
      return base.replacing([version]);
    } catch (error) {
      throw new UsageError([
        `${version === older ? '--from' : '--to'}: ${(error as Error).message.split('\n').join('；')}`,
      ]);
    }
  };
  const before = load(older);
  const after = load(newer);
  const under = optionalString(values.under) ?? newer.code;

  const { communityFactsWithin, migrateDatabase, openDatabase } = await import('@shequ/db');
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    let communities: Awaited<ReturnType<typeof communityFactsWithin>>;
    try {
      communities = await communityFactsWithin(database.db, under);
    } catch {
      throw new UsageError([`--under: ${under} 不是有效的辖区代码`]);
    }
    const report = packImpact(before, after, communities, asOf !== undefined ? { asOf } : {});
    process.stdout.write(
      `${JSON.stringify({ pack: { code: newer.code, name: newer.name }, under, ...report }, null, 2)}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
