/**
 * `shequ snapshot --community CODE [--as-of DATE]` (docs/interfaces.md §5): prints the stored
 * community as a `shequ.community-snapshot/v1` object, every fact a register keeps worked out from the
 * register as of DATE (by default today in China), the rest as stored. Exit 0; 2 with one line on
 * stderr for an unknown community or a bad date. `shequ check --community` checks exactly this object.
 */
import { type CommunitySnapshot, communityCode, communitySnapshot, formatIssueLines } from '@shequ/domain';
import { UsageError } from '../usage.js';
import { asOfOption, optionalString, parseOptions, todayInChina } from './check.js';

export const summary = '输出数据库中一个社区的快照：snapshot --community 代码 [--as-of 日期]';

const USAGE = '用法: shequ snapshot --community 社区代码 [--as-of YYYY-MM-DD]';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    community: { type: 'string' },
    'as-of': { type: 'string' },
  });
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`snapshot 不接受位置参数: ${positionals.join(' ')}。${USAGE}`);
  const community = communityOption(values.community, problems);
  const asOf = asOfOption(values['as-of'], problems);
  if (problems.length > 0 || community === undefined)
    throw new UsageError(problems.length > 0 ? problems : [USAGE]);
  const snapshot = await loadStoredSnapshot(community, asOf ?? todayInChina());
  process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
  return 0;
}

/** `--community`: a 12-digit community code, or a problem naming the option. */
export function communityOption(value: unknown, problems: string[]): string | undefined {
  const text = optionalString(value);
  if (text === undefined) {
    problems.push(`--community: 缺少社区代码。${USAGE}`);
    return undefined;
  }
  if (!communityCode.safeParse(text).success) {
    problems.push(`--community: 社区代码应为 12 位数字（${text}）`);
    return undefined;
  }
  return text;
}

/**
 * The stored community's snapshot as of `asOf`, from the database the app uses (opened, migrated if
 * needed, and closed again). A code the database does not hold is a usage error.
 */
export async function loadStoredSnapshot(code: string, asOf: string): Promise<CommunitySnapshot> {
  const { migrateDatabase, openDatabase, storedSnapshot } = await import('@shequ/db');
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const stored = await storedSnapshot(database.db, code, asOf);
    if (!stored) throw new UsageError([`--community: 数据库 ${database.location} 中没有社区 ${code}`]);
    const parsed = communitySnapshot.safeParse(stored.snapshot);
    if (!parsed.success) throw new UsageError(formatIssueLines(parsed.error));
    return parsed.data;
  } finally {
    await database.close();
  }
}
