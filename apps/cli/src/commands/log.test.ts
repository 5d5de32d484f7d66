import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildLog,
  type CustodyLogEntry,
  entryHash,
  formatLogLine,
  generateSigningKey,
  signCheckpoint,
} from '@shequ/archives';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../usage.js';
import { run } from './log.js';

const signer = generateSigningKey();
const log = buildLog(
  Array.from({ length: 6 }, (_, i) => ({
    at: `2024-04-0${i + 1}T09:00:00+08:00`,
    actor: i % 2 === 0 ? 'w-li' : 'w-sun',
    action: i % 2 === 0 ? 'seal.use.request' : 'seal.use.approve',
    payload: { seal: 'S-1', request: `R-${Math.floor(i / 2) + 1}` },
  })),
);
const checkpoint = signCheckpoint(log, {
  privateKey: signer.privateKey,
  at: '2024-04-07T00:00:00+08:00',
  community: '370305111007',
});

let dir: string;
let stdout: string[];
let stderr: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-log-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function files(
  entries: readonly object[],
  cp: object = checkpoint,
  name = 'case',
): Promise<[string, string]> {
  const logPath = join(dir, `${name}.jsonl`);
  const checkpointPath = join(dir, `${name}.checkpoint.json`);
  await writeFile(logPath, `${entries.map((entry) => formatLogLine(entry)).join('\n')}\n`);
  await writeFile(checkpointPath, JSON.stringify(cp, null, 2));
  return [logPath, checkpointPath];
}

async function usageProblems(args: string[]): Promise<string[]> {
  const error = await run(args).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(stdout.join('')).toBe('');
  return (error as UsageError).problems;
}

describe('shequ log verify', () => {
  it('exits 0 with a one-line summary when the log matches the checkpoint', async () => {
    const [logPath, checkpointPath] = await files(log, checkpoint, 'intact');
    expect(await run(['verify', '--checkpoint', checkpointPath, logPath])).toBe(0);
    const out = stdout.join('');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('seq 1–6');
    expect(out).toContain(checkpoint.root);
  });

  it('accepts the pinned public key and refuses a checkpoint signed by another', async () => {
    const [logPath, checkpointPath] = await files(log, checkpoint, 'pinned');
    expect(
      await run(['verify', '--checkpoint', checkpointPath, '--public-key', signer.publicKey, logPath]),
    ).toBe(0);
    stdout.length = 0;
    const other = generateSigningKey();
    expect(
      await run(['verify', '--checkpoint', checkpointPath, '--public-key', other.publicKey, logPath]),
    ).toBe(1);
    expect(stdout.join('')).toContain('不受信任');
  });

  it('exits 1 naming the seq of an altered entry', async () => {
    const tampered = log.map((entry) => ({ ...entry }));
    (tampered[3] as CustodyLogEntry).actor = 'w-zhang';
    const [logPath, checkpointPath] = await files(tampered, checkpoint, 'altered');
    expect(await run(['verify', '--checkpoint', checkpointPath, logPath])).toBe(1);
    expect(stdout.join('')).toMatch(/^验证失败：seq 4：/);
  });

  it('exits 1 naming a dropped entry and an entry rewritten with its hash recomputed', async () => {
    const [droppedLog, checkpointPath] = await files(
      log.filter((entry) => entry.seq !== 2),
      checkpoint,
      'dropped',
    );
    expect(await run(['verify', '--checkpoint', checkpointPath, droppedLog])).toBe(1);
    expect(stdout.join('')).toContain('seq 2');
    stdout.length = 0;
    const rewritten = log.map((entry) => ({ ...entry }));
    const victim = { ...(rewritten[4] as CustodyLogEntry), payload: { seal: 'S-2' } };
    rewritten[4] = { ...victim, hash: entryHash(victim) };
    const [rewrittenLog] = await files(rewritten, checkpoint, 'rewritten');
    expect(await run(['verify', '--checkpoint', checkpointPath, rewrittenLog])).toBe(1);
    expect(stdout.join('')).toMatch(/^验证失败：seq 5：/);
  });

  it('exits 1 when the checkpoint was changed after signing', async () => {
    const [logPath, checkpointPath] = await files(log, { ...checkpoint, size: 5 }, 'resized');
    expect(await run(['verify', '--checkpoint', checkpointPath, logPath])).toBe(1);
    expect(stdout.join('')).toContain('签名无效');
  });

  it('exits 2 naming what is missing from the command line', async () => {
    const [logPath] = await files(log, checkpoint, 'usage');
    expect(await usageProblems(['verify', logPath])).toContain('缺少 --checkpoint FILE（检查点文件）');
    expect(await usageProblems(['verify', '--checkpoint', 'x.json'])).toContain(
      '缺少 LOGFILE（导出的 log.jsonl）',
    );
    expect((await usageProblems(['verify', '--checkpiont', 'x.json', logPath]))[0]).toMatch(/checkpiont/);
    expect((await usageProblems(['frobnicate']))[0]).toContain('frobnicate');
  });

  it('exits 2 naming a file that cannot be read or a checkpoint that is not one', async () => {
    const [logPath, checkpointPath] = await files(log, checkpoint, 'unreadable');
    const missing = join(dir, 'nope.json');
    expect((await usageProblems(['verify', '--checkpoint', missing, logPath]))[0]).toContain(
      `${missing}：文件不存在`,
    );
    expect((await usageProblems(['verify', '--checkpoint', checkpointPath, dir]))[0]).toContain(
      '这是一个目录',
    );
    const badJson = join(dir, 'bad.json');
    await writeFile(badJson, '{"size": 6,');
    expect((await usageProblems(['verify', '--checkpoint', badJson, logPath]))[0]).toContain(
      '不是有效的 JSON',
    );
    const [, noRoot] = await files(log, { ...checkpoint, root: 'abc' }, 'noroot');
    expect((await usageProblems(['verify', '--checkpoint', noRoot, logPath]))[0]).toMatch(/root: 应为 64 位/);
  });
});

describe('shequ log verify, edge cases', () => {
  it('names both files when neither can be read, and a malformed --public-key', async () => {
    const problems = await usageProblems([
      'verify',
      '--checkpoint',
      join(dir, 'a.json'),
      join(dir, 'b.jsonl'),
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain('b.jsonl');
    const [logPath, checkpointPath] = await files(log, checkpoint, 'badkey');
    expect(
      (await usageProblems(['verify', '--checkpoint', checkpointPath, '--public-key', 'abc', logPath]))[0],
    ).toContain('--public-key abc');
  });

  it('verifies an empty log against a checkpoint of size 0, and refuses it against a larger one', async () => {
    const empty = signCheckpoint([], { privateKey: signer.privateKey, at: '2024-04-01T00:00:00+08:00' });
    const [logPath, checkpointPath] = await files([], empty, 'empty');
    expect(await run(['verify', '--checkpoint', checkpointPath, logPath])).toBe(0);
    expect(stdout.join('')).toContain('空日志');
    stdout.length = 0;
    const [, fullCheckpoint] = await files(log, checkpoint, 'full');
    expect(await run(['verify', '--checkpoint', fullCheckpoint, logPath])).toBe(1);
    expect(stdout.join('')).toMatch(/^验证失败：seq 1：/);
  });
});

describe('shequ log export', () => {
  // The export itself runs against a real database in test/log-export.test.ts.
  it('refuses a malformed community code before opening any database', async () => {
    const problems = await usageProblems(['export', '--community', '3703', '--out', dir]);
    expect(problems[0]).toBe('community: 社区代码应为 12 位数字（3703）');
  });
});
