/**
 * `shequ log export` on a real embedded database holding the demo history of 象山社区居委会, then
 * `shequ log verify` on what it wrote, as the street or the discipline committee would run it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSigningKey, XIANGSHAN } from '@shequ/db';
import { describe, expect, it } from 'vitest';
import { useArchivesDemoFolder } from './archives-demo.js';
import { shequ } from './run-cli.js';

const demo = useArchivesDemoFolder('shequ-log-export-');

describe('shequ log export', () => {
  it('writes log.jsonl and a signed checkpoint that `log verify` accepts with the installation key pinned', () => {
    const out = join(demo.dir, 'export');
    const exported = shequ(['log', 'export', '--community', XIANGSHAN, '--out', out], { env: demo.env });
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);

    const checkpointPath = join(out, 'checkpoint.json');
    const logPath = join(out, 'log.jsonl');
    const { publicKey } = loadSigningKey(demo.env.SHEQU_SIGNING_KEY_FILE);
    const verified = shequ([
      'log',
      'verify',
      '--checkpoint',
      checkpointPath,
      '--public-key',
      publicKey,
      logPath,
    ]);
    expect(verified.stdout).toContain('验证通过');
    expect(verified.status).toBe(0);
  }, 60_000);

  it('each line carries the contract fields, oldest first, and the checkpoint covers them all', async () => {
    const out = join(demo.dir, 'export');
    const lines = (await readFile(join(out, 'log.jsonl'), 'utf8')).trimEnd().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    for (const key of ['seq', 'at', 'actor', 'action', 'prevHash', 'hash'])
      expect(entries[0]).toHaveProperty(key);
    const checkpoint = JSON.parse(await readFile(join(out, 'checkpoint.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(checkpoint).toMatchObject({ size: entries.length, community: XIANGSHAN });
    for (const key of ['size', 'root', 'at', 'publicKey', 'signature'])
      expect(checkpoint).toHaveProperty(key);
  });

  it('exits 1 naming the seq when one line of the export was edited', async () => {
    const out = join(demo.dir, 'export');
    const logPath = join(out, 'log.jsonl');
    const lines = (await readFile(logPath, 'utf8')).trimEnd().split('\n');
    const fifth = JSON.parse(lines[4] as string) as Record<string, unknown>;
    lines[4] = JSON.stringify({ ...fifth, actor: 'someone-else' });
    const tamperedPath = join(out, 'tampered.jsonl');
    await writeFile(tamperedPath, `${lines.join('\n')}\n`);
    const result = shequ(['log', 'verify', '--checkpoint', join(out, 'checkpoint.json'), tamperedPath]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('seq 5');
  }, 30_000);

  it('refuses an unknown community or a missing --out with status 2 and nothing on stdout', () => {
    const unknown = shequ(['log', 'export', '--community', '370305111099', '--out', join(demo.dir, 'x')], {
      env: demo.env,
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('没有社区 370305111099');
    const noOut = shequ(['log', 'export', '--community', XIANGSHAN], { env: demo.env });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
  }, 30_000);
});
