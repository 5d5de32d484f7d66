/**
 * `shequ log export --community CODE --out DIR` and
 * `shequ log verify --checkpoint FILE [--public-key KEY]… LOGFILE` (docs/interfaces.md §4).
 *
 * `verify` needs no database: exit 0 with a one-line summary when the log matches the checkpoint;
 * exit 1 naming the `seq` of the first entry that does not verify (or the bad signature); exit 2
 * on usage errors and unreadable files, with stdout empty.
 *
 * A line of the log that is not a well-formed entry counts as tampering (exit 1, naming the line),
 * since the file itself was read; exit 2 is for files that cannot be read at all and for a
 * checkpoint that is not one, because without a checkpoint there is nothing to verify against.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CustodyCheckpoint, custodyCheckpoint, formatLogLine, verifyLogBytes } from '@shequ/archives';
import { communityCode } from '@shequ/domain';
import { UsageError } from '../usage.js';

export const summary = '核验或导出社区档案与印章的保管日志（log verify / log export）';

const USAGE = [
  '用法: shequ log verify --checkpoint FILE [--public-key KEY]… LOGFILE',
  '      shequ log export --community CODE --out DIR',
];

export async function run(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'verify') return verify(rest);
  if (subcommand === 'export') return exportLog(rest);
  if (subcommand === undefined) throw new UsageError(['缺少子命令：verify 或 export', ...USAGE]);
  throw new UsageError([`未知的子命令: ${subcommand}（可用: verify, export）`, ...USAGE]);
}

function parse<const Options extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: Options,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    throw new UsageError([error instanceof Error ? error.message : String(error), ...USAGE]);
  }
}

async function verify(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    checkpoint: { type: 'string' },
    'public-key': { type: 'string', multiple: true },
  });
  const problems: string[] = [];
  const checkpointPath = values.checkpoint;
  if (typeof checkpointPath !== 'string') problems.push('缺少 --checkpoint FILE（检查点文件）');
  if (positionals.length === 0) problems.push('缺少 LOGFILE（导出的 log.jsonl）');
  if (positionals.length > 1)
    problems.push(`只能核验一个日志文件，却给了 ${positionals.length} 个: ${positionals.join(' ')}`);
  if (problems.length > 0 || typeof checkpointPath !== 'string')
    throw new UsageError([...problems, ...USAGE]);
  const logPath = positionals[0] as string;

  const trusted = values['public-key'];
  for (const key of trusted ?? []) {
    if (Buffer.from(key, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
      problems.push(`--public-key ${key}: 应为 Base64 编码的 32 字节 Ed25519 公钥`);
    }
  }
  const [checkpointText, logText] = await Promise.allSettled([
    readBytes(checkpointPath, '检查点文件'),
    readBytes(logPath, '日志文件'),
  ]);
  for (const read of [checkpointText, logText]) {
    if (read.status === 'rejected') problems.push(...problemsOf(read.reason));
  }
  if (problems.length > 0 || checkpointText.status === 'rejected' || logText.status === 'rejected') {
    throw new UsageError(problems);
  }
  const checkpoint = parseCheckpoint(checkpointText.value.toString('utf8'), checkpointPath);
  const result = verifyLogBytes(logText.value, checkpoint, trusted ? { trustedPublicKeys: trusted } : {});

  if (!result.ok) {
    const { seq, message } = result.problem;
    process.stdout.write(`验证失败${seq === null ? '' : `：seq ${seq}`}：${message}\n`);
    return 1;
  }
  const beyond = result.entries - result.size;
  process.stdout.write(
    `验证通过：${result.size === 0 ? '空日志' : `seq 1–${result.size}`} 与检查点一致（size ${result.size}，root ${result.root}，` +
      `签名于 ${result.at}，公钥 ${result.publicKey}${trusted ? '，受信任' : '，未指定受信任公钥'}）` +
      `${beyond > 0 ? `；检查点之后另有 ${beyond} 条，仅核对了哈希链` : ''}\n`,
  );
  return 0;
}

// The log is verified from its bytes (no decoding of a large file); the checkpoint is decoded.
async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录'
          : code === 'EACCES'
            ? '没有读取权限'
            : String(error);
    throw new UsageError([`无法读取${what} ${path}：${reason}`]);
  }
}

function problemsOf(error: unknown): string[] {
  if (error instanceof UsageError) return error.problems;
  return [error instanceof Error ? error.message : String(error)];
}

function parseCheckpoint(text: string, path: string): CustodyCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError([
      `检查点文件 ${path} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const parsed = custodyCheckpoint.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map(
        (issue) => `检查点文件 ${path}: ${issue.path.join('.') || '(整体)'}: ${issue.message}`,
      ),
    );
  }
  return parsed.data;
}

/**
 * Writes the community's log as it stands, then a checkpoint over exactly the entries written,
 * signed with the installation's key (and recorded among the community's checkpoints). Entries
 * appended while the export runs are left for the next export, so the two files always agree.
 */
async function exportLog(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { community: { type: 'string' }, out: { type: 'string' } });
  const problems: string[] = [];
  const community = values.community;
  const out = values.out;
  if (typeof community !== 'string') problems.push('缺少 --community CODE（12 位社区代码）');
  else if (!communityCode.safeParse(community).success)
    problems.push(`community: 社区代码应为 12 位数字（${community}）`);
  if (typeof out !== 'string') problems.push('缺少 --out DIR（导出目录）');
  if (positionals.length > 0) problems.push(`export 不接受位置参数: ${positionals.join(' ')}`);
  if (problems.length > 0 || typeof community !== 'string' || typeof out !== 'string')
    throw new UsageError([...problems, ...USAGE]);

  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    throw new UsageError([
      `无法创建导出目录 ${out}：${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const {
    communityExists,
    custodyLogSize,
    issueCheckpoint,
    loadSigningKey,
    migrateDatabase,
    openDatabase,
    readCustodyLog,
  } = await import('@shequ/db');
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    if (!(await communityExists(database.db, community)))
      throw new UsageError([`community: 数据库 ${database.location} 中没有社区 ${community}`]);
    const size = await custodyLogSize(database.db, community);
    const logPath = join(out, 'log.jsonl');
    const stream = createWriteStream(logPath, { encoding: 'utf8' });
    const PAGE = 10_000;
    for (let after = 0; after < size; ) {
      const page = await readCustodyLog(database.db, community, {
        afterSeq: after,
        limit: Math.min(PAGE, size - after),
      });
      if (page.length === 0) break;
      let chunk = '';
      for (const entry of page) chunk += `${formatLogLine(entry)}\n`;
      if (!stream.write(chunk)) await once(stream, 'drain');
      after = page[page.length - 1]?.seq ?? size;
    }
    stream.end();
    await finished(stream);
    const checkpoint = await issueCheckpoint(database.db, community, {
      key: loadSigningKey(),
      at: new Date().toISOString(),
      issuedBy: 'shequ log export',
      size,
    });
    await writeFile(join(out, 'checkpoint.json'), `${JSON.stringify(checkpoint, null, 2)}\n`);
    process.stdout.write(
      `已导出 ${community} 的保管日志 ${size} 条到 ${logPath}，检查点 ${join(out, 'checkpoint.json')}（root ${checkpoint.root}，公钥 ${checkpoint.publicKey}）\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
