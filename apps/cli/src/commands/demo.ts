/**
 * `shequ demo`: load the demo data set (docs/interfaces.md §3) into the database the app uses — embedded PGlite
 * unless DATABASE_URL is set — creating and migrating it first. Running it again changes nothing.
 */
import { migrateDatabase, openDatabase, seedDemo } from '@shequ/db';
import { UsageError } from '../usage.js';

export const summary = '载入演示数据（鄂州、威海、金山镇、江苏全省），可重复运行';

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError([`demo 不接受参数: ${args.join(' ')}`]);
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const added = await seedDemo(database);
    process.stderr.write(
      `数据库 ${database.location}：新增行政区划 ${added.jurisdictions} 个、社区 ${added.communities} 个\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
