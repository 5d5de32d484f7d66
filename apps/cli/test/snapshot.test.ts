/**
 * `shequ snapshot --community` and `shequ check --community` (docs/interfaces.md §5) on a real database
 * holding 大行宫社区居委会 with the demo's democracy registers: embedded, or the PostgreSQL that
 * `DATABASE_URL` names (the suite `pnpm test:db` runs).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openPglite, seedDemocracyRegisters } from '@shequ/db';
import { createPostgresTestDatabase, insertTestCommunity } from '@shequ/db/testing';
import { DAXINGGONG, demoDemocracyRegisters } from '@shequ/democracy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

let dir: string;
let env: NodeJS.ProcessEnv;

/** Closes the PostgreSQL database of a run against PostgreSQL (dropping it); nothing for PGlite. */
let closeDatabase = async () => {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-snapshot-'));
  const serverUrl = process.env.DATABASE_URL;
  // Against PostgreSQL when the suite runs there (pnpm test:db): the CLI is pointed at a fresh database
  // of its own on that server, as an operator points it with DATABASE_URL; else at an embedded folder.
  const database = serverUrl
    ? await createPostgresTestDatabase(serverUrl)
    : await openPglite(join(dir, 'pglite')).then(async (handle) => {
        await migrateDatabase(handle);
        return { ...handle, url: '' };
      });
  env = database.url
    ? { DATABASE_URL: database.url }
    : { DATABASE_URL: '', SHEQU_DATA_DIR: join(dir, 'pglite') };
  // PostgreSQL's database stays for the CLI's own connections and is dropped after the suite; the
  // embedded folder is closed at once, as only one process may hold it.
  if (database.url) closeDatabase = database.close;
  try {
    await insertTestCommunity(database, { code: DAXINGGONG, name: '大行宫社区居委会' });
    await seedDemocracyRegisters(database, demoDemocracyRegisters());
  } finally {
    if (!database.url) await database.close();
  }
}, 120_000);

afterAll(async () => {
  await closeDatabase();
  await rm(dir, { recursive: true, force: true });
});

describe('shequ snapshot --community', () => {
  it('prints the stored community with the facts its registers determine as of the date', () => {
    const run = shequ(['snapshot', '--community', DAXINGGONG, '--as-of', '2026-06-30'], { env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const snapshot = JSON.parse(run.stdout);
    expect(snapshot).toMatchObject({
      format: 'shequ.community-snapshot/v1',
      code: DAXINGGONG,
      name: '大行宫社区居委会',
      asOf: '2026-06-30',
      consultation: { contestedUnsubmitted: 0 },
    });
    expect(snapshot.meetings.filter((m: { kind: string }) => m.kind === 'monthly-work-meeting').length).toBe(
      7,
    );
    expect(snapshot.charters.length).toBe(3);
  }, 60_000);

  it('exits 2 with one line for an unknown community or a bad date', () => {
    const unknown = shequ(['snapshot', '--community', '320102002099'], { env });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('没有社区 320102002099');
    const badDate = shequ(['snapshot', '--community', DAXINGGONG, '--as-of', '2026-02-30'], { env });
    expect(badDate.status).toBe(2);
    expect(badDate.stderr.trim()).toBe('--as-of: 应为有效日期，格式 YYYY-MM-DD（2026-02-30）');
  }, 60_000);
});

describe('shequ check --community', () => {
  it('checks exactly that snapshot: the Jiangsu rules on meetings and disclosure answer from the registers', () => {
    const run = shequ(['check', '--community', DAXINGGONG, '--as-of', '2026-12-01'], { env });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.asOf).toBe('2026-12-01');
    const status = (rule: string) => report.results.find((r: { rule: string }) => r.rule === rule)?.status;
    expect(status('jiangsu.monthly-work-meeting')).toBe('pass');
    expect(status('jiangsu.residents-meeting-notice')).toBe('warn');
    expect(status('jiangsu.charter-filing')).toBe('pass');
    expect(run.status).toBe(report.summary.fail > 0 ? 1 : 0);
  }, 60_000);

  it('refuses a file together with --community', () => {
    const run = shequ(['check', '--community', DAXINGGONG, 'snapshot.json'], { env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});
