/**
 * `shequ impact --from OLD --to NEW`: the stored communities whose status changes between two versions
 * of a pack, read from the embedded database the app uses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCommunityFacts, migrateDatabase, openPglite } from '@shequ/db';
import { insertTestCommunity } from '@shequ/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-impact-'));
  // The embedded database even when the suite runs against PostgreSQL: this tests the CLI, not the server.
  env = { DATABASE_URL: '', SHEQU_DATA_DIR: join(dir, 'pglite') };
  const database = await openPglite(join(dir, 'pglite'));
  try {
    await migrateDatabase(database);
    const stored = [
      ['420704001001', 2600],
      ['420704001002', 3200],
      ['420702001001', 2600],
    ] as const;
    for (const [code] of stored)
      await insertTestCommunity(database, { code, name: `社区${code.slice(-3)}`, asOf: '2024-06-30' });
    const imported = await importCommunityFacts(
      database.db,
      stored.map(([code, households]) => ({
        code,
        name: `社区${code.slice(-3)}`,
        asOf: '2024-06-30',
        households,
        residents: 12000,
        townSeat: false,
      })),
      { actor: null, ip: null, at: new Date(), scopePrefix: '' },
    );
    expect(imported.ok).toBe(true);
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shequ impact', () => {
  it('lists the communities of the pack whose status changes, rule by rule', () => {
    const result = shequ(
      ['impact', '--from', fixture('district-pack.ts'), '--to', fixture('district-pack-v2.ts')],
      { env },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ pack: { code: '420704' }, under: '420704', communities: 2 });
    // 2600户: below Ezhou's 3000 (warn) but not below the district's 2500 (pass); 3200户 passes both.
    expect(report.changed).toEqual([
      {
        code: '420704001001',
        name: '社区001',
        changes: [{ rule: 'ezhou.community-size', from: 'warn', to: 'pass' }],
      },
    ]);
    expect(report.rules).toEqual([
      { rule: 'ezhou.community-size', changed: 1, transitions: [{ from: 'warn', to: 'pass', count: 1 }] },
    ]);
  });

  it('refuses two different packs, with exit 2 and one line', () => {
    const result = shequ(
      ['impact', '--from', fixture('district-pack.ts'), '--to', fixture('hubei-city-pack.ts')],
      { env },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      '--to: 新版政策包代码 420500 与旧版 420704 不同，应为同一政策包的两个版本',
    );
  });
});
