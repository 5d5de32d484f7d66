/**
 * `shequ assess [--jurisdiction CODE] FILE|-`: score the communities of a
 * `shequ.assessment-input/v1` file and check its scheme against the jurisdiction's rules
 * (docs/interfaces.md §6). Exit 0; 1 when a binding rule on the scheme fails (the output is still
 * printed); 2 on input errors, one line per problem naming the field path.
 */
import { assessFile, assessmentFileInput, SchemePacksError } from '@shequ/assessment';
import { domainErrorMap, formatIssueLines } from '@shequ/domain';
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';
import { optionalString, parseOptions, readJson } from './check.js';

export const summary =
  '计算社区综合考核得分与排名，并按政策包检查考核方案：assess [--jurisdiction 代码] [--pack 模块]… 文件|-';

const USAGE = '用法: shequ assess [--jurisdiction 代码] [--pack 政策包模块]… 考核输入.json|-';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { jurisdiction: { type: 'string' }, ...packOption });
  if (positionals.length !== 1)
    throw new UsageError([`FILE: 请给出一个考核输入文件，或用 - 从标准输入读取。${USAGE}`]);
  const registry = await registryWith(packModules(values.pack));
  const problems: string[] = [];
  const raw = await readJson(positionals[0] as string, problems);
  if (raw === undefined) throw new UsageError(problems);
  const parsed = assessmentFileInput.safeParse(raw, { error: domainErrorMap });
  if (!parsed.success) throw new UsageError(formatIssueLines(parsed.error));

  const jurisdiction = optionalString(values.jurisdiction);
  let output: ReturnType<typeof assessFile>;
  try {
    output = assessFile(parsed.data, { registry, ...(jurisdiction !== undefined ? { jurisdiction } : {}) });
  } catch (error) {
    if (error instanceof SchemePacksError)
      throw new UsageError(error.issues.map((i) => `${i.path}: ${i.message}`));
    throw error;
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return output.scheme.findings.some((f) => f.status === 'fail' && f.binding === 'binding') ? 1 : 0;
}
