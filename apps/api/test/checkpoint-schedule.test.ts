/**
 * The server's daily checkpoint run (本系统规则 R-LOG-1): a witnessed checkpoint for each community
 * whose log grew, none for a log that did not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendCustodyEntry, type DatabaseHandle, latestWitnessedCheckpoint } from '@shequ/db';
import { createTestDatabase, insertTestCommunity } from '@shequ/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckpointSchedule } from '../src/checkpoint-schedule.js';

const COMMUNITY = '370305111007';
let database: DatabaseHandle;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shequ-schedule-'));
  process.env.SHEQU_SIGNING_KEY_FILE = join(dir, 'signing-key.pem');
  process.env.SHEQU_WITNESS_KEY_DIR = join(dir, 'witness-keys');
  database = await createTestDatabase();
  await insertTestCommunity(database, { code: COMMUNITY, name: '象山社区居委会' });
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the daily checkpoint run', () => {
  it('issues a witnessed checkpoint only for communities whose log grew since the last one', async () => {
    const messages: string[] = [];
    const schedule = startCheckpointSchedule(database.db, {
      firstRunAfterMs: 3_600_000,
      now: () => new Date('2026-03-02T00:00:00.000Z'),
      log: (message) => messages.push(message),
    });
    try {
      expect(await schedule.runOnce()).toEqual({ issued: 0, refused: [] });
      await database.db.transaction((tx) =>
        appendCustodyEntry(tx, COMMUNITY, {
          at: '2026-03-01T08:00:00.000Z',
          actor: 'xs-liguilan',
          action: 'archive.file',
          payload: { title: '工作台账' },
        }),
      );
      expect(await schedule.runOnce()).toEqual({ issued: 1, refused: [] });
      expect(messages).toEqual(['检查点：为 1 个社区签发并经街道见证']);
      expect(await latestWitnessedCheckpoint(database.db, COMMUNITY)).toMatchObject({ size: 1 });
      expect(await schedule.runOnce()).toEqual({ issued: 0, refused: [] });
    } finally {
      schedule.stop();
    }
  });
});
