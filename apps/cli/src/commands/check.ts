/**
 * `shequ check [--jurisdiction CODE] [--as-of DATE] [--params FILE] [--alternative ID]… FILE|-`:
 * check one community snapshot against its policy packs (docs/interfaces.md §3).
 * Exit status 0 when no rule fails, 1 when one does, 2 on a usage or input error — then stdout
 * stays empty and stderr names each offending field on its own line.
 */
import { readFile } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { chinaDate, communitySnapshot, domainErrorMap, formatIssueLines, isoDate } from '@shequ/domain';
import {
  type CheckReport,
  EvaluationInputError,
  type Pack,
  type PackRegistry,
  type Reading,
  shippedRegistry,
} from '@shequ/policy';
import { z } from 'zod';
import { packModules, packOption, registryWith } from '../packs.js';
import { UsageError } from '../usage.js';

export const summary =
  '按政策包检查一个社区快照：check [--jurisdiction 代码] [--as-of 日期] [--params 文件] [--pack 模块]… 文件|- 或 --community 代码';

const USAGE =
  '用法: shequ check [--jurisdiction 代码] [--as-of YYYY-MM-DD] [--params 参数.json] [--alternative 解释ID]… [--pack 政策包模块]… 快照.json|-；或 ' +
  'shequ check --community 社区代码 [--as-of YYYY-MM-DD] [--jurisdiction 代码] [--params 参数.json] [--pack 政策包模块]…';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    jurisdiction: { type: 'string' },
    'as-of': { type: 'string' },
    params: { type: 'string' },
    alternative: { type: 'string', multiple: true },
    ...packOption,
    community: { type: 'string' },
  });
  const fromDatabase = values.community !== undefined;
  if (fromDatabase && positionals.length > 0)
    throw new UsageError([`--community: 与快照文件不能同时给出（${positionals.join(' ')}）。${USAGE}`]);
  if (!fromDatabase && positionals.length !== 1)
    throw new UsageError([`FILE: 请给出一个快照文件，或用 - 从标准输入读取。${USAGE}`]);
  const registry = await registryWith(packModules(values.pack));

  const problems: string[] = [];
  const jurisdiction = optionalString(values.jurisdiction);
  if (jurisdiction !== undefined && !registry.packs[jurisdiction])
    problems.push(unknownJurisdiction(jurisdiction, registry));
  const asOf = asOfOption(values['as-of'], problems);
  const paramsFile = optionalString(values.params);
  const params = paramsFile === undefined ? undefined : await readParams(paramsFile, problems);
  const readings = readingsOption(values.alternative);

  let snapshot: z.infer<typeof communitySnapshot> | undefined;
  if (fromDatabase) {
    // docs/interfaces.md §5: exactly the snapshot `shequ snapshot --community` prints for the date.
    const { communityOption, loadStoredSnapshot } = await import('./snapshot.js');
    const community = communityOption(values.community, problems);
    if (problems.length > 0 || community === undefined) throw new UsageError(problems);
    snapshot = await loadStoredSnapshot(community, asOf ?? todayInChina());
  }
  const input = fromDatabase ? undefined : await readJson(positionals[0] as string, problems);
  if (input !== undefined) {
    const parsed = communitySnapshot.safeParse(input, { error: domainErrorMap });
    if (parsed.success) snapshot = parsed.data;
    else problems.push(...formatIssueLines(parsed.error));
  }
  if (problems.length > 0 || !snapshot) throw new UsageError(problems);

  let report: CheckReport;
  try {
    report = registry.checkCommunity(snapshot, {
      ...(jurisdiction !== undefined ? { jurisdiction } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
      ...(params ? { params } : {}),
      ...(readings ? { readings } : {}),
    });
  } catch (error) {
    throw asUsageError(error);
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.summary.fail > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by check, explain and diff.

export interface ParsedOptions {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs, strict, with its English errors turned into zh-CN usage errors. */
export function parseOptions(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): ParsedOptions {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const named = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError([`未知选项：${named}`]);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError([`${named.split(' ')[0]}: 缺少取值`]);
    throw new UsageError([message]);
  }
}

/** parseArgs types a string option as `string | boolean | …`; only a string is a value here. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function unknownJurisdiction(code: string, registry: PackRegistry = shippedRegistry): string {
  return `--jurisdiction: 没有代码为 ${code} 的政策包（可用：${Object.keys(registry.packs).join('、')}）`;
}

/** The pack chain of an explicitly chosen jurisdiction, or a usage error naming the option. */
export function chainOf(
  code: string,
  option = '--jurisdiction',
  registry: PackRegistry = shippedRegistry,
): Pack[] {
  const chain = registry.packChain(code);
  if (chain.length === 0)
    throw new UsageError([unknownJurisdiction(code, registry).replace('--jurisdiction', option)]);
  return chain;
}

export function asOfOption(value: unknown, problems: string[]): string | undefined {
  const text = optionalString(value);
  if (text === undefined) return undefined;
  const parsed = isoDate.safeParse(text);
  if (parsed.success) return parsed.data;
  problems.push(`--as-of: 应为有效日期，格式 YYYY-MM-DD（${text}）`);
  return undefined;
}

/** Today in China, the day the documents are read for when no `--as-of` is given. */
export function todayInChina(): string {
  return chinaDate();
}

function readingsOption(value: unknown): Record<string, Reading> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return Object.fromEntries(value.map((id) => [String(id), 'alternative' as const]));
}

const paramsSchema = z.record(z.string(), z.number().finite());

async function readParams(file: string, problems: string[]): Promise<Record<string, number> | undefined> {
  const input = await readJson(file, problems, '--params');
  if (input === undefined) return undefined;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push('--params: 应为 JSON 对象：参数名 → 数值');
    return undefined;
  }
  const parsed = paramsSchema.safeParse(input, { error: () => '应为有限数值' });
  if (parsed.success) return parsed.data;
  problems.push(...formatIssueLines(parsed.error).map((line) => `params.${line}`));
  return undefined;
}

export async function readJson(source: string, problems: string[], label = 'FILE'): Promise<unknown> {
  let text: string;
  try {
    text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? '文件不存在' : '无法读取';
    problems.push(`${label}: ${reason}（${source}）`);
    return undefined;
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (error) {
    const where = source === '-' ? '标准输入' : source;
    problems.push(`${label}: ${where} 不是有效的 JSON（${jsonErrorPlace(json, error)}）`);
    return undefined;
  }
}

/** Where JSON.parse stopped, as a person finds it in an editor: line and column. */
function jsonErrorPlace(text: string, error: unknown): string {
  if (text.trim() === '') return '内容为空';
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '内容不完整';
  const before = text.slice(0, Number(position)).split('\n');
  return `第${before.length}行第${(before[before.length - 1]?.length ?? 0) + 1}列附近有语法错误`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The engine's input errors (`params.x`, `asOf`, `code`) become usage errors, one line each. */
export function asUsageError(error: unknown): unknown {
  if (error instanceof EvaluationInputError) {
    return new UsageError(error.issues.map((i) => `${optionName(i.path)}: ${i.message}`));
  }
  return error;
}

function optionName(path: string): string {
  if (path === 'jurisdiction') return '--jurisdiction';
  if (path === 'asOf') return '--as-of';
  if (path.startsWith('readings.')) return `--alternative ${path.slice('readings.'.length)}`;
  return path;
}
