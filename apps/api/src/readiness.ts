import type { DatabaseHandle } from '@shequ/db';
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
    // TODO(db engineer): use the package's own migration check once exported.
    const result = await database.db.execute(
      sql`select to_regclass('public.audit_log') is not null as migrated`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      migrated: boolean;
    }[];
    if (!rows[0]?.migrated) return { ready: false, database: 'not-migrated', message: '数据库尚未迁移' };
  } catch {
    return { ready: false, database: 'not-migrated', message: '数据库尚未迁移' };
  }
  return { ready: true, database: 'ok' };
}
