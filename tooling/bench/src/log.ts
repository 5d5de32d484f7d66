/**
 * Verifying a custody log of 1,000,000 entries against a signed checkpoint, as `shequ log verify`
 * does (parse every line, re-hash it, check the chain, rebuild the Merkle root), next to raw
 * SHA-256 over the same entry bytes measured in the same run. Goal (issue 4): at least half the
 * raw speed. `SHEQU_BENCH_LOG_ENTRIES` changes the size.
 */
import { hash } from 'node:crypto';
import {
  type CustodyLogEntry,
  entryContentJson,
  entryHash,
  formatLogLine,
  GENESIS_HASH,
  generateSigningKey,
  signCheckpoint,
  verifyLogText,
} from '@shequ/archives';

const actions = ['archive.lend', 'archive.return', 'seal.use.request', 'seal.use.approve', 'seal.use.stamp'];

function buildEntries(count: number): CustodyLogEntry[] {
  const entries: CustodyLogEntry[] = new Array(count);
  let prevHash = GENESIS_HASH;
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const content = {
      seq: i + 1,
      at: new Date(start + i * 60_000).toISOString(),
      actor: `xs-worker-${i % 7}`,
      action: actions[i % actions.length] as string,
      payload: {
        item: `item-${i % 5000}`,
        referenceCode: `X007-WS·2025-D30-JWH-${String((i % 9999) + 1).padStart(4, '0')}`,
        copies: (i % 3) + 1,
      },
      prevHash,
    };
    const hash = entryHash(content);
    entries[i] = { ...content, hash };
    prevHash = hash;
  }
  return entries;
}

export async function run(): Promise<void> {
  const count = Number(process.env.SHEQU_BENCH_LOG_ENTRIES ?? 1_000_000);
  const entries = buildEntries(count);
  const { privateKey, publicKey } = generateSigningKey();
  const checkpoint = signCheckpoint(entries, { privateKey, at: new Date().toISOString() });
  const lines: string[] = new Array(count);
  for (let i = 0; i < count; i++) lines[i] = formatLogLine(entries[i] as CustodyLogEntry);
  const text = `${lines.join('\n')}\n`;
  const contents = entries.map((entry) => Buffer.from(entryContentJson(entry), 'utf8'));
  lines.length = 0;
  entries.length = 0;

  // Raw SHA-256 (Node's fastest one-shot call) over exactly the bytes verification hashes per entry:
  // the speed limit of any verifier.
  const rawStarted = performance.now();
  let bytes = 0;
  for (const content of contents) {
    hash('sha256', content, 'buffer');
    bytes += content.length;
  }
  const rawSeconds = (performance.now() - rawStarted) / 1000;

  const started = performance.now();
  const result = verifyLogText(text, checkpoint, { trustedPublicKeys: [publicKey] });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`基准日志未通过验证：${result.problem.message}`);

  const verifyRate = count / seconds;
  const rawRate = count / rawSeconds;
  process.stdout.write(
    `保管日志验证：${count.toLocaleString('en')} 条（${(text.length / 1e6).toFixed(0)} MB），用时 ${seconds.toFixed(2)} 秒，` +
      `每秒 ${Math.round(verifyRate).toLocaleString('en')} 条\n` +
      `同次测得原始 SHA-256：每秒 ${Math.round(rawRate).toLocaleString('en')} 条（${(bytes / 1e6 / rawSeconds).toFixed(0)} MB/s）\n` +
      `验证速度为原始 SHA-256 的 ${((verifyRate / rawRate) * 100).toFixed(0)}%（目标 ≥ 50%）${verifyRate >= rawRate / 2 ? '，达标' : '，未达标'}\n`,
  );
}
