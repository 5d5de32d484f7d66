import { type DatabaseHandle, pendingMigrations } from '@shequ/db';
import { sql } from 'drizzle-orm';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable' | 'not-migrated';
  message?: string;
}

/** Ready = the database answers and every migration the code expects has been applied. */
export async function checkReadiness(database: DatabaseHandle): Promise<Readiness> {
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    return { ready: false, database: 'unreachable', message: '数据库无法连接' };
  }
  try {
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      return {
        ready: false,
        database: 'not-migrated',
        message: `数据库尚未迁移：缺少 ${pending.join('、')}`,
      };
    }
  } catch {
    return { ready: false, database: 'not-migrated', message: '数据库尚未迁移' };
  }
  return { ready: true, database: 'ok' };
}
