/**
 * `shequ log export --community CODE --out DIR` and
 * `shequ log verify --checkpoint FILE [--checkpoint OLD.json]… [--public-key KEY]… [--witness-key KEY]…
 * [--community CODE] [--threads N] LOGFILE` (docs/interfaces.md §4). A large log is verified on every
 * core (worker threads, `--threads` to choose how many).
 *
 * Given several checkpoints (the export's and ones kept from before, the older the better), verify
 * checks the log against each, oldest first: a log rewritten and re-chained since a kept checkpoint
 * fails against it even though a fresh checkpoint signed over the rewrite passes. Co-signatures of
 * the street are checked when present; with `--witness-key` a co-signature by any other key fails.
 * Checkpoints of different communities (or not of `--community`) are a usage error (exit 2).
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
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import {
  type CustodyCheckpoint,
  cosignatureProblems,
  custodyCheckpoint,
  formatLogLine,
} from '@shequ/archives';
import { communityCode } from '@shequ/domain';
import { type FileVerification, verifyLogFile } from '../log/verify-file.js';
import { UsageError } from '../usage.js';

export const summary = '核验、导出或核对社区档案与印章的保管日志（log verify / log export / log reconcile）';

const USAGE = [
  '用法: shequ log verify --checkpoint FILE [--checkpoint OLD.json]… [--public-key KEY]… [--witness-key KEY]… [--community CODE] [--threads N] LOGFILE',
  '      shequ log export --community CODE --out DIR',
  '      shequ log reconcile --community CODE',
];

export async function run(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'verify') return verify(rest);
  if (subcommand === 'export') return exportLog(rest);
  if (subcommand === 'reconcile') return reconcile(rest);
  if (subcommand === undefined) throw new UsageError(['缺少子命令：verify、export 或 reconcile', ...USAGE]);
  throw new UsageError([`未知的子命令: ${subcommand}（可用: verify, export, reconcile）`, ...USAGE]);
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
    checkpoint: { type: 'string', multiple: true },
    'public-key': { type: 'string', multiple: true },
    'witness-key': { type: 'string', multiple: true },
    community: { type: 'string' },
    threads: { type: 'string' },
  });
  const problems: string[] = [];
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256)
    problems.push(`--threads ${values.threads}: 应为 1–256 的整数（核验所用的线程数，默认为处理器核数）`);
  const checkpointPaths = values.checkpoint ?? [];
  if (checkpointPaths.length === 0) problems.push('缺少 --checkpoint FILE（检查点文件）');
  if (positionals.length === 0) problems.push('缺少 LOGFILE（导出的 log.jsonl）');
  if (positionals.length > 1)
    problems.push(`只能核验一个日志文件，却给了 ${positionals.length} 个: ${positionals.join(' ')}`);
  if (values.community !== undefined && !communityCode.safeParse(values.community).success)
    problems.push(`community: 社区代码应为 12 位数字（${values.community}）`);
  if (problems.length > 0) throw new UsageError([...problems, ...USAGE]);
  const logPath = positionals[0] as string;

  const trusted = values['public-key'];
  const witnessKeys = values['witness-key'];
  for (const [option, keys] of [
    ['--public-key', trusted],
    ['--witness-key', witnessKeys],
  ] as const) {
    for (const key of keys ?? []) {
      if (Buffer.from(key, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
        problems.push(`${option} ${key}: 应为 Base64 编码的 32 字节 Ed25519 公钥`);
      }
    }
  }
  // The checkpoints' problems are named before the log's, in the order the files were given.
  // The log is only checked to be readable here: it may be larger than a Buffer can hold, and the
  // workers read it in parts (verifyLogFile).
  const reads = await Promise.allSettled([
    ...checkpointPaths.map((path) => readBytes(path, '检查点文件')),
    readable(logPath, '日志文件').then(() => Buffer.alloc(0)),
  ]);
  for (const read of reads) {
    if (read.status === 'rejected') problems.push(...problemsOf(read.reason));
  }
  if (problems.length > 0) throw new UsageError(problems);
  const contents = reads.map((read) => (read as PromiseFulfilledResult<Buffer>).value);
  contents.pop();
  const checkpointBytes = contents;
  const checkpoints = checkpointBytes.map((bytes, i) =>
    parseCheckpoint((bytes as Buffer).toString('utf8'), checkpointPaths[i] as string),
  );
  // Every checkpoint must be of the one community (the one named, when --community is given).
  const community = values.community ?? checkpoints.find((c) => c.community !== undefined)?.community;
  checkpoints.forEach((checkpoint, i) => {
    if (checkpoint.community !== undefined && community !== undefined && checkpoint.community !== community) {
      problems.push(
        `检查点文件 ${checkpointPaths[i]} 属于社区 ${checkpoint.community}，不是 ${community}：不能用来核验这份日志`,
      );
    }
  });
  if (problems.length > 0) throw new UsageError(problems);

  // The oldest first: it covers the most history a rewrite would have to reach.
  const order = checkpoints
    .map((_, i) => i)
    .sort((a, b) => (checkpoints[a]?.size ?? 0) - (checkpoints[b]?.size ?? 0));
  const pinned = witnessKeys ? pinnedWitnessKeys(checkpoints, witnessKeys) : undefined;
  const lines: string[] = [];
  for (const i of order) {
    const checkpoint = checkpoints[i] as CustodyCheckpoint;
    const path = checkpointPaths[i] as string;
    const named = checkpoints.length > 1 ? `（${path}）` : '';
    const cosignature = cosignatureProblems(checkpoint, pinned)[0];
    if (cosignature) {
      process.stdout.write(`验证失败${named}：${cosignature.message}\n`);
      return 1;
    }
    const [verified] = await verifyLogFile(
      logPath,
      [checkpoint],
      trusted ? { trustedPublicKeys: trusted } : {},
      threads,
    );
    const result = (verified as FileVerification).result;
    if (!result.ok) {
      const { seq, message } = result.problem;
      process.stdout.write(`验证失败${named}${seq === null ? '' : `：seq ${seq}`}：${message}\n`);
      return 1;
    }
    const witnesses = (checkpoint.cosignatures ?? []).map((c) => c.witness);
    const beyond = result.entries - result.size;
    lines.push(
      `验证通过${named}：${result.size === 0 ? '空日志' : `seq 1–${result.size}`} 与检查点一致（size ${result.size}，root ${result.root}，` +
        `签名于 ${result.at}，公钥 ${result.publicKey}${trusted ? '，受信任' : '，未指定受信任公钥'}` +
        `${witnesses.length > 0 ? `，经街道（乡镇）${witnesses.join('、')} 见证${pinned ? '，见证公钥已登记' : '，未指定见证公钥'}` : ''}）` +
        `${beyond > 0 ? `；检查点之后另有 ${beyond} 条，仅核对了哈希链` : ''}`,
    );
  }
  process.stdout.write(`${lines.join('；')}\n`);
  return 0;
}

/** The witness keys given on the command line, on record for every street the checkpoints name. */
function pinnedWitnessKeys(checkpoints: readonly CustodyCheckpoint[], keys: readonly string[]) {
  const streets = new Set(checkpoints.flatMap((c) => (c.cosignatures ?? []).map((s) => s.witness)));
  return new Map([...streets].map((street) => [street, [...keys]]));
}

/** Whether a file can be read, with the same refusals as `readBytes`. */
async function readable(path: string, what: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(error, path, what);
  }
}

// The log is verified from its bytes (no decoding of a large file); the checkpoint is decoded.
async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw unreadable(error, path, what);
  }
}

function unreadable(error: unknown, path: string, what: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? '文件不存在'
      : code === 'EISDIR'
        ? '这是一个目录'
        : code === 'EACCES'
          ? '没有读取权限'
          : String(error);
  return new UsageError([`无法读取${what} ${path}：${reason}`]);
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
 * signed with the installation's key (and recorded among the community's checkpoints) and offered
 * to the street to witness; beside it `witnessed-checkpoint.json`, the newest the street co-signed. Entries
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
    issueWitnessedCheckpoint,
    latestWitnessedCheckpoint,
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
    const outcome = await issueWitnessedCheckpoint(database.db, community, {
      key: loadSigningKey(),
      at: new Date().toISOString(),
      issuedBy: 'shequ log export',
      occasion: 'export',
      size,
    });
    const { checkpoint } = outcome;
    await writeFile(join(out, 'checkpoint.json'), `${JSON.stringify(checkpoint, null, 2)}\n`);
    // The newest checkpoint the street co-signed: unlike the fresh one, a rewrite of the database
    // since then cannot have produced it.
    const witnessed = await latestWitnessedCheckpoint(database.db, community);
    const witnessedPath = join(out, 'witnessed-checkpoint.json');
    if (witnessed) await writeFile(witnessedPath, `${JSON.stringify(witnessed, null, 2)}\n`);
    process.stdout.write(
      `已导出 ${community} 的保管日志 ${size} 条到 ${logPath}，检查点 ${join(out, 'checkpoint.json')}（root ${checkpoint.root}，公钥 ${checkpoint.publicKey}）\n` +
        (outcome.ok
          ? `街道（乡镇）已见证该检查点；见证检查点 ${witnessedPath}\n`
          : `街道（乡镇）拒绝见证该检查点：${outcome.message}${witnessed ? `；上一次见证的检查点 ${witnessedPath}（${witnessed.size} 条）` : ''}\n`),
    );
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * Recomputes from the community's log what its registers should hold and compares (`reconcileCommunity`):
 * exit 0 when they agree, 1 naming each mismatch, 2 for a usage error or an unknown community.
 */
async function reconcile(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { community: { type: 'string' } });
  const problems: string[] = [];
  const community = values.community;
  if (typeof community !== 'string') problems.push('缺少 --community CODE（12 位社区代码）');
  else if (!communityCode.safeParse(community).success)
    problems.push(`community: 社区代码应为 12 位数字（${community}）`);
  if (positionals.length > 0) problems.push(`reconcile 不接受位置参数: ${positionals.join(' ')}`);
  if (problems.length > 0 || typeof community !== 'string') throw new UsageError([...problems, ...USAGE]);
  const { communityExists, migrateDatabase, openDatabase, reconcileCommunity } = await import('@shequ/db');
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    if (!(await communityExists(database.db, community)))
      throw new UsageError([`community: 数据库 ${database.location} 中没有社区 ${community}`]);
    const mismatches = await reconcileCommunity(database.db, community);
    if (mismatches.length === 0) {
      process.stdout.write(
        `核对一致：${community} 的用印、借阅、档案状态、离任移交和审计记录与保管日志相符\n`,
      );
      return 0;
    }
    process.stdout.write(
      `核对发现 ${mismatches.length} 处不符：\n${mismatches.map((m) => `- ${m.message}`).join('\n')}\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
