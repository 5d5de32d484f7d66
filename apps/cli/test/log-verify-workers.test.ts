/**
 * `shequ log verify` over a log large enough to be cut into parts: the parts are verified by
 * worker threads (run from source, as the CLI runs, each worker loads TypeScript itself), and a
 * log with one entry changed falls back to the whole-file check that names the entry.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildLog,
  type CustodyEventInput,
  formatLogLine,
  generateSigningKey,
  signCheckpoint,
} from '@shequ/archives';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLogFile } from '../src/log/verify-file.js';

const note = '借阅说明'.repeat(60);
const events: CustodyEventInput[] = Array.from({ length: 14_000 }, (_, i) => ({
  at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  actor: `w-${i % 7}`,
  action: i % 2 === 0 ? 'archive.lend' : 'archive.return',
  payload: { copies: (i % 3) + 1, item: `item-${i}`, note },
}));
const log = buildLog(events);
const signer = generateSigningKey();
const checkpoint = signCheckpoint(log, { privateKey: signer.privateKey, at: '2026-02-01T00:00:00Z' });
const trusted = { trustedPublicKeys: [signer.publicKey] };
const text = `${log.map((entry) => formatLogLine(entry)).join('\n')}\n`;
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('log verify on worker threads', () => {
  it('verifies a log over 8 MB in two parts, and names the entry changed in a copy', async () => {
    dir = await mkdtemp(join(tmpdir(), 'shequ-log-workers-'));
    const path = join(dir, 'log.jsonl');
    expect(Buffer.byteLength(text)).toBeGreaterThan(8 * 1024 * 1024);
    await writeFile(path, text);
    const [verified] = await verifyLogFile(path, [checkpoint], trusted, 2);
    expect(verified).toMatchObject({ workers: 2, result: { ok: true, size: 14_000, entries: 14_000 } });

    const changed = text.replace(`"item":"item-9000"`, `"item":"item-9001"`);
    await writeFile(path, changed);
    const [refused] = await verifyLogFile(path, [checkpoint], trusted, 2);
    expect(refused).toMatchObject({
      workers: 0,
      result: { ok: false, problem: { kind: 'altered', seq: 9001 } },
    });
  }, 120_000);
});
