/**
 * Commands that open the embedded database obey the data folder's lock (docs/interfaces.md §8): while another live
 * process holds the folder they exit with status 1 and one zh-CN line naming the folder and the holder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE_NAME } from '@shequ/db';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-cli-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a data folder held by another process', () => {
  it.each([['demo'], ['log', 'export', '--community', '370305111007', '--out', join(dir, 'export')]])(
    'shequ %s refuses with status 1 and one line',
    (...args) => {
      const folder = join(dir, args.join('-'));
      mkdirSync(folder, { recursive: true });
      // This test process is alive: to the CLI it is the holder.
      writeFileSync(join(folder, LOCK_FILE_NAME), `${process.pid}\n`);
      const result = shequ(args, { env: { SHEQU_DATA_DIR: folder, DATABASE_URL: '' } });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringContaining(folder)]);
      expect(lines[0]).toContain(`进程 ${process.pid}`);
    },
    30_000,
  );
});
