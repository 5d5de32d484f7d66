/**
 * Rewrites the custody log in a stopped server's database folder, as someone with the files could
 * (triggers off, as a superuser): `tamper-log.ts DATA_DIR SQL`. Run by archives.e2e.ts in a child
 * process with the workspace's sources, the way the server itself runs.
 */
import { openPglite } from '@shequ/db';
import { tamperAsSuperuser } from '@shequ/db/testing';

const [dataDir, statement] = process.argv.slice(2);
if (!dataDir || !statement) throw new Error('用法: tamper-log.ts DATA_DIR SQL');
const database = await openPglite(dataDir);
try {
  await tamperAsSuperuser(database, 'custody_log', statement);
} finally {
  await database.close();
}
