/**
 * `shequ log export` with the street's witness, and `shequ log verify` against a checkpoint kept
 * from before: an insider who rewrites the database and recomputes the chain passes a fresh export,
 * but not the checkpoint the street co-signed earlier.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLog, custodyCheckpoint, signCheckpoint } from '@shequ/archives';
import { loadSigningKey, loadWitnessKey, openPglite, readCustodyLog, XIANGSHAN } from '@shequ/db';
import { tamperAsSuperuser } from '@shequ/db/testing';
import { describe, expect, it } from 'vitest';
import { useArchivesDemoFolder } from './archives-demo.js';
import { shequ } from './run-cli.js';

const demo = useArchivesDemoFolder('shequ-log-witness-');
const STREET = XIANGSHAN.slice(0, 9);
const first = () => join(demo.dir, 'first');
const second = () => join(demo.dir, 'second');
const kept = () => join(demo.dir, 'kept-witnessed.json');

const witnessKey = () => loadWitnessKey(STREET, join(demo.dir, 'witness-keys')).publicKey;

// Each step starts the CLI several times (a fresh tsx process each) and rewrites a PGlite log: on a
// 2-core machine running other suites beside it, one step has taken a minute.
const STEP_TIMEOUT = 180_000;

describe('witnessed export and verify', () => {
  it(
    'exports a checkpoint co-signed by the street, which verify checks against the pinned witness key',
    async () => {
      const exported = shequ(['log', 'export', '--community', XIANGSHAN, '--out', first()], {
        env: demo.env,
      });
      expect(exported.status).toBe(0);
      expect(exported.stdout).toContain('街道（乡镇）已见证该检查点');
      const checkpoint = custodyCheckpoint.parse(
        JSON.parse(await readFile(join(first(), 'checkpoint.json'), 'utf8')),
      );
      expect(checkpoint.cosignatures?.map((c) => c.witness)).toEqual([STREET]);
      await copyFile(join(first(), 'witnessed-checkpoint.json'), kept());
      const verified = shequ([
        'log',
        'verify',
        '--checkpoint',
        join(first(), 'checkpoint.json'),
        '--witness-key',
        witnessKey(),
        join(first(), 'log.jsonl'),
      ]);
      expect(verified.status).toBe(0);
      expect(verified.stdout).toContain(`经街道（乡镇）${STREET} 见证，见证公钥已登记`);
      const reconciled = shequ(['log', 'reconcile', '--community', XIANGSHAN], { env: demo.env });
      expect(reconciled.stdout).toContain('核对一致');
      expect(reconciled.status).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'exits 1 when a co-signature is by a witness key not on record, or was made over another root',
    async () => {
      const stranger = loadWitnessKey(STREET, join(demo.dir, 'stranger-keys')).publicKey;
      const unknown = shequ([
        'log',
        'verify',
        '--checkpoint',
        join(first(), 'checkpoint.json'),
        '--witness-key',
        stranger,
        join(first(), 'log.jsonl'),
      ]);
      expect(unknown.status).toBe(1);
      expect(unknown.stdout).toContain('不在街道（乡镇）370305111 的登记记录中');
      // The installation re-signs a changed checkpoint, but the street's co-signature no longer fits.
      const checkpoint = custodyCheckpoint.parse(
        JSON.parse(await readFile(join(first(), 'checkpoint.json'), 'utf8')),
      );
      const entries = await readLog(join(first(), 'log.jsonl'));
      const resigned = signCheckpoint(entries, {
        privateKey: loadSigningKey(demo.env.SHEQU_SIGNING_KEY_FILE).privateKey,
        at: checkpoint.at,
        community: XIANGSHAN,
        size: checkpoint.size - 1,
      });
      const moved = join(demo.dir, 'moved.json');
      await writeFile(moved, JSON.stringify({ ...resigned, cosignatures: checkpoint.cosignatures }));
      const result = shequ(['log', 'verify', '--checkpoint', moved, join(first(), 'log.jsonl')]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('见证签名无效');
    },
    STEP_TIMEOUT,
  );

  it(
    'catches a rewrite with the chain recomputed through the checkpoint kept from before, and the street refuses to witness it',
    async () => {
      const database = await openPglite(join(demo.dir, 'pglite'));
      try {
        const original = await readCustodyLog(database.db, XIANGSHAN);
        const stamp = original.findIndex((entry) => entry.action === 'seal.use.stamp');
        const forged = buildLog(
          original.map(({ at, actor, action, payload }, i) => ({
            at,
            actor,
            action,
            payload: i === stamp ? { ...payload, copies: 9 } : payload,
          })),
        );
        for (const entry of forged.slice(stamp)) {
          const payload = JSON.stringify(entry.payload).replaceAll("'", "''");
          await tamperAsSuperuser(
            database,
            'custody_log',
            `update custody_log set payload = '${payload}'::jsonb, prev_hash = '${entry.prevHash}', hash = '${entry.hash}'
           where community_code = '${XIANGSHAN}' and seq = ${entry.seq}`,
          );
        }
        await database.db.execute(
          `update custody_heads set hash = '${forged.at(-1)?.hash ?? ''}' where community_code = '${XIANGSHAN}'`,
        );
      } finally {
        await database.close();
      }
      const exported = shequ(['log', 'export', '--community', XIANGSHAN, '--out', second()], {
        env: demo.env,
      });
      expect(exported.status).toBe(0);
      expect(exported.stdout).toContain('街道（乡镇）拒绝见证该检查点');
      // The register still says 2 copies: reconciling names the request whose log entry now says 9.
      const reconciled = shequ(['log', 'reconcile', '--community', XIANGSHAN], { env: demo.env });
      expect(reconciled.status).toBe(1);
      expect(reconciled.stdout).toMatch(/登记用印 9 份，登记簿记为 \d+ 份/);
      const unknown = shequ(['log', 'reconcile', '--community', '370305111099'], { env: demo.env });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('没有社区 370305111099');
      const log = join(second(), 'log.jsonl');
      // The fresh checkpoint describes whatever the database holds now: it passes.
      expect(shequ(['log', 'verify', '--checkpoint', join(second(), 'checkpoint.json'), log]).status).toBe(0);
      // The one kept from before does not, alone or beside the fresh one, and neither does the export's own
      // witnessed checkpoint, which is still the one from before the rewrite.
      for (const checkpoints of [
        [kept()],
        [join(second(), 'checkpoint.json'), kept()],
        [join(second(), 'witnessed-checkpoint.json')],
      ]) {
        const result = shequ([
          'log',
          'verify',
          ...checkpoints.flatMap((path) => ['--checkpoint', path]),
          log,
        ]);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('Merkle 根与检查点不符');
      }
    },
    STEP_TIMEOUT,
  );

  it('refuses a checkpoint of another community with status 2 and nothing on stdout', async () => {
    const elsewhere = signCheckpoint(buildLog([]), {
      privateKey: loadSigningKey(demo.env.SHEQU_SIGNING_KEY_FILE).privateKey,
      at: '2026-03-01T00:00:00.000Z',
      community: '370305111099',
    });
    const path = join(demo.dir, 'elsewhere.json');
    await writeFile(path, JSON.stringify(elsewhere));
    const log = join(first(), 'log.jsonl');
    for (const args of [
      ['--checkpoint', kept(), '--checkpoint', path],
      ['--community', XIANGSHAN, '--checkpoint', path],
    ]) {
      const result = shequ(['log', 'verify', ...args, log]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('属于社区');
    }
  }, 30_000);

  it('exits 1 for a checkpoint newer than the log it is given', async () => {
    const lines = (await readFile(join(first(), 'log.jsonl'), 'utf8')).trimEnd().split('\n');
    const shorter = join(demo.dir, 'shorter.jsonl');
    await writeFile(shorter, `${lines.slice(0, -2).join('\n')}\n`);
    const result = shequ(['log', 'verify', '--checkpoint', kept(), shorter]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`seq ${lines.length - 1}`);
  }, 30_000);
});

async function readLog(path: string) {
  return (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { hash: string });
}
