/**
 * `shequ jurisdictions [--pack MODULE]…`: the policy packs as a JSON array (docs/interfaces.md §3),
 * the shipped ones and any given with `--pack` (§7).
 */
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { parseOptions } from './check.js';

export const summary = '列出政策包（JSON）：代码、名称、上级、文件及施行日期；--pack 模块 加入其他政策包';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, packOption);
  if (positionals.length > 0) throw new UsageError([`jurisdictions 不接受参数：${positionals.join(' ')}`]);
  const registry = await registryWith(packModules(values.pack));
  process.stdout.write(`${JSON.stringify(registry.jurisdictionsList(), null, 2)}\n`);
  return 0;
}
