/**
 * `shequ log verify` on every core, over a log of 10,000,000 entries (about 3.3 GB) written to a
 * temporary file as it is generated (nothing held in memory but the Merkle frontier), then
 * verified by the command itself twice: with one worker thread (the single-core rate of the same
 * streaming path) and with one per core. Goal: the multi-core rate ≥ 0.7 × cores × the single-core
 * rate. A copy with one entry changed is checked to fail, naming its seq.
 * `SHEQU_BENCH_LOG_FILE_ENTRIES` changes the size.
 *
 * The machine may be shared: each run's wall time and CPU time (from /usr/bin/time, when present)
 * are printed, and the goal is judged on wall time, which is what parallelism buys. Beside it, a
 * control measured right before and after (`controlRun`): plain hashing on one thread and on every
 * core, which shows how much parallelism the machine gave this run at all.
 */
import { spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatLogLine,
  GENESIS_HASH,
  generateSigningKey,
  MerkleAccumulator,
  signTreeHead,
} from '@shequ/archives';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const actions = ['archive.lend', 'archive.return', 'seal.use.request', 'seal.use.approve', 'seal.use.stamp'];
const start = Date.parse('2026-01-01T00:00:00Z');

/** Entry `i` as `log export` writes it, given the previous hash; the fields in RFC 8785 order. */
function line(i: number, prevHash: string): { text: string; hash: string } {
  const head = `{"action":"${actions[i % actions.length]}","actor":"xs-worker-${i % 7}","at":"${new Date(start + i * 60_000).toISOString()}"`;
  const tail =
    `,"payload":{"copies":${(i % 3) + 1},"item":"item-${i % 5000}","referenceCode":"X007-WS·2025-D30-JWH-${String((i % 9999) + 1).padStart(4, '0')}"}` +
    `,"prevHash":"${prevHash}","seq":${i + 1}}`;
  const entryHash = hash('sha256', `\u0000${head}${tail}`, 'hex');
  return { text: `${head},"hash":"${entryHash}"${tail}`, hash: entryHash };
}

function writeLog(path: string, count: number): { root: string; bytes: number } {
  const fd = openSync(path, 'w');
  const tree = new MerkleAccumulator();
  let prevHash = GENESIS_HASH;
  let bytes = 0;
  const batch: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = line(i, prevHash);
    if (i === 0) {
      // The generator must write what `log export` writes, or the bench measures another path.
      const parsed = JSON.parse(entry.text) as object;
      if (formatLogLine(parsed) !== entry.text) throw new Error('基准日志的行不是规范 JSON');
    }
    batch.push(entry.text);
    tree.appendDigest(Buffer.from(entry.hash, 'hex').toString('latin1'));
    prevHash = entry.hash;
    if (batch.length === 20_000 || i === count - 1) {
      const chunk = Buffer.from(`${batch.join('\n')}\n`, 'utf8');
      writeSync(fd, chunk);
      bytes += chunk.length;
      batch.length = 0;
    }
  }
  closeSync(fd);
  return { root: tree.root().toString('hex'), bytes };
}

function runVerify(args: string[]): {
  status: number;
  stdout: string;
  stderr: string;
  cpu: number | undefined;
} {
  const node = [process.execPath, '--conditions=@shequ/source', '--import', 'tsx', 'apps/cli/src/main.ts'];
  const timed = spawnSync('/usr/bin/time', ['-f', '%U %S', ...node, 'log', 'verify', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const result =
    timed.error === undefined
      ? timed
      : spawnSync(node[0] as string, [...node.slice(1), 'log', 'verify', ...args], {
          cwd: repoRoot,
          encoding: 'utf8',
        });
  const times = timed.error === undefined ? /([\d.]+) ([\d.]+)\s*$/.exec(result.stderr ?? '') : null;
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr ?? '',
    cpu: times ? Number(times[1]) + Number(times[2]) : undefined,
  };
}

/**
 * The same fixed amount of hashing in each of `threads` worker threads, no file and no
 * coordination: its wall time against one thread's shows how much of the machine's cores this run
 * actually got, which on a shared machine is often well below `cores`.
 */
const CONTROL_SCRIPT = `
const { Worker } = require('node:worker_threads');
const threads = Number(process.argv[1]);
const work = "const { hash } = require('node:crypto'); const input = Buffer.alloc(300, 7);" +
  " for (let i = 0; i < 3000000; i += 1) hash('sha256', input, 'binary');" +
  " require('node:worker_threads').parentPort.postMessage(0);";
const before = performance.now();
Promise.all(Array.from({ length: threads }, () =>
  new Promise((resolve) => new Worker(work, { eval: true }).once('message', resolve)))
).then(() => process.stdout.write(String((performance.now() - before) / 1000)));
`;

function controlRun(threads: number): number {
  const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', CONTROL_SCRIPT, String(threads)], {
    encoding: 'utf8',
  });
  const seconds = Number(run.stdout);
  if (run.status !== 0 || !(seconds > 0)) throw new Error(`并行对照未能运行：${run.stderr}`);
  return seconds;
}

export function parallelBench(): string {
  const count = Number(process.env.SHEQU_BENCH_LOG_FILE_ENTRIES ?? 10_000_000);
  const cores = availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'shequ-bench-log-'));
  try {
    const logPath = join(dir, 'log.jsonl');
    const generated = performance.now();
    const { root, bytes } = writeLog(logPath, count);
    const generateSeconds = (performance.now() - generated) / 1000;
    const { privateKey, publicKey } = generateSigningKey();
    const checkpoint = signTreeHead({ size: count, root }, { privateKey, at: new Date().toISOString() });
    const checkpointPath = join(dir, 'checkpoint.json');
    writeFileSync(checkpointPath, JSON.stringify(checkpoint));
    const args = ['--checkpoint', checkpointPath, '--public-key', publicKey, logPath];

    const timedRun = (threads: number) => {
      const before = performance.now();
      const run = runVerify(['--threads', String(threads), ...args]);
      const wall = (performance.now() - before) / 1000;
      if (run.status !== 0)
        throw new Error(
          `基准日志未通过 shequ log verify（退出码 ${run.status}）：${run.stdout}${run.stderr}`,
        );
      return { wall, cpu: run.cpu };
    };
    const controlSingle = controlRun(1);
    const single = timedRun(1);
    const multi = timedRun(cores);
    const controlMulti = controlRun(cores);
    const controlShare = controlSingle / controlMulti;
    const rate = (seconds: number) => Math.round(count / seconds);
    const share = rate(multi.wall) / (cores * rate(single.wall));

    // One byte of a payload in the middle changed: the parts do not join, and the whole-file path
    // names the entry (when the file is small enough to be read whole).
    let tamperNote = '';
    if (bytes < 2 ** 31 - 1) {
      const fd = openSync(logPath, 'r+');
      const middle = Buffer.alloc(4096);
      const at = Math.floor(bytes / 2);
      readSync(fd, middle, 0, middle.length, at);
      const copies = middle.indexOf('"copies":');
      writeSync(fd, Buffer.from('9'), 0, 1, at + copies + '"copies":'.length);
      closeSync(fd);
      const tampered = runVerify(['--threads', String(cores), ...args]);
      if (tampered.status !== 1 || !/seq \d+/.test(tampered.stdout))
        throw new Error(`改动的日志竟未被发现：${tampered.stdout}`);
      tamperNote = `；改动中间一条后退出码 1，指出 ${/seq \d+/.exec(tampered.stdout)?.[0]}`;
    }
    const cpu = (run: { cpu: number | undefined }) =>
      run.cpu === undefined ? '' : `，CPU ${run.cpu.toFixed(1)} 秒`;
    return (
      `多核验证（shequ log verify 读文件）：${count.toLocaleString('en')} 条（${(bytes / 1e9).toFixed(2)} GB，边生成边写入 ${generateSeconds.toFixed(0)} 秒），本机 ${cores} 核\n` +
      `  一个工作线程：墙钟 ${single.wall.toFixed(1)} 秒，每秒 ${rate(single.wall).toLocaleString('en')} 条${cpu(single)}\n` +
      `  ${cores} 个工作线程：墙钟 ${multi.wall.toFixed(1)} 秒，每秒 ${rate(multi.wall).toLocaleString('en')} 条${cpu(multi)}\n` +
      `  为 ${cores} × 单核速度的 ${(share * 100).toFixed(0)}%（目标 ≥ 70%）${share >= 0.7 ? '，达标' : '，未达标'}${tamperNote}\n` +
      `  对照（同次，紧挨着测）：每线程同样多的纯哈希，${cores} 个线程为 ${cores} × 一个线程速度的 ${(controlShare * 100).toFixed(0)}%——本机此刻实际能给的并行度；验证为对照的 ${((share / controlShare) * 100).toFixed(0)}%\n`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
