/**
 * `shequ log export` on a real embedded database holding the demo history of 象山社区居委会, then
 * `shequ log verify` on what it wrote, as the street or the discipline committee would run it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey, migrateDatabase, openPglite, seedArchivesDemo, XIANGSHAN } from '@shequ/db';
import { insertTestCommunity } from '@shequ/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-log-export-'));
  // The embedded database even when the suite runs against PostgreSQL: this tests the CLI, not the server.
  env = {
    DATABASE_URL: '',
    SHEQU_DATA_DIR: join(dir, 'pglite'),
    SHEQU_SIGNING_KEY_FILE: join(dir, 'signing-key.pem'),
    SHEQU_WITNESS_KEY_DIR: join(dir, 'witness-keys'),
  };
  const database = await openPglite(join(dir, 'pglite'));
  try {
    await migrateDatabase(database);
    await insertTestCommunity(database, { code: XIANGSHAN, name: '象山社区居委会' });
    await seedArchivesDemo(database);
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shequ log export', () => {
  it('writes log.jsonl and a signed checkpoint that `log verify` accepts with the installation key pinned', () => {
    const out = join(dir, 'export');
    const exported = shequ(['log', 'export', '--community', XIANGSHAN, '--out', out], { env });
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);

    const checkpointPath = join(out, 'checkpoint.json');
    const logPath = join(out, 'log.jsonl');
    const { publicKey } = loadSigningKey(env.SHEQU_SIGNING_KEY_FILE);
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
    const out = join(dir, 'export');
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
    const out = join(dir, 'export');
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
    const unknown = shequ(['log', 'export', '--community', '370305111099', '--out', join(dir, 'x')], { env });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('没有社区 370305111099');
    const noOut = shequ(['log', 'export', '--community', XIANGSHAN], { env });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
  }, 30_000);
});
