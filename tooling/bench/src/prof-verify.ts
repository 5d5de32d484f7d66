import { hash } from 'node:crypto';
import { type CustodyLogEntry, entryHash, formatLogLine, GENESIS_HASH, generateSigningKey, signCheckpoint, verifyLogBytes } from '@shequ/archives';
const actions = ['archive.lend', 'archive.return', 'seal.use.request', 'seal.use.approve', 'seal.use.stamp'];
const count = 300_000;
const entries: CustodyLogEntry[] = [];
let prevHash = GENESIS_HASH;
for (let i = 0; i < count; i++) {
  const content = { seq: i + 1, at: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString(), actor: `xs-worker-${i % 7}`, action: actions[i % 5] as string,
    payload: { item: `item-${i % 5000}`, referenceCode: `X007-WS·2025-D30-JWH-${String((i % 9999) + 1).padStart(4, '0')}`, copies: (i % 3) + 1 }, prevHash };
  const h = entryHash(content); entries.push({ ...content, hash: h }); prevHash = h;
}
const { privateKey, publicKey } = generateSigningKey();
const cp = signCheckpoint(entries, { privateKey, at: new Date().toISOString() });
const bytes = Buffer.from(entries.map(formatLogLine).join('\n') + '\n');
for (let r = 0; r < 5; r++) {
  const c0 = process.cpuUsage(); const res = verifyLogBytes(bytes, cp, { trustedPublicKeys: [publicKey] }); const c = process.cpuUsage(c0);
  console.log(res.ok, ((c.user + c.system) / 1e6).toFixed(3));
}
void hash;
