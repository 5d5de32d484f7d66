/** `shequ jurisdictions`: the shipped policy packs as a JSON array (docs/interfaces.md §3). */
import { jurisdictionsList } from '@shequ/policy';
import { UsageError } from '../usage.js';

export const summary = '列出随附的政策包（JSON）：代码、名称、上级、文件及施行日期';

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError([`jurisdictions 不接受参数：${args.join(' ')}`]);
  process.stdout.write(`${JSON.stringify(jurisdictionsList(), null, 2)}\n`);
  return 0;
}
