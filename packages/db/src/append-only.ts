/**
 * The tables that only grow, and the grants that keep the application's own database role from
 * changing them.
 *
 * Two layers. Triggers (migration `custody_witness`) refuse UPDATE, DELETE and TRUNCATE on these
 * tables for every role, and refuse a log entry that does not follow the last one; they work the
 * same on PGlite. On PostgreSQL the operator also runs the migrations as the tables' owner and lets
 * the server connect as a separate role granted by `appRoleGrants`: that role has no UPDATE, DELETE
 * or TRUNCATE on these tables at all, and, not owning them, cannot disable or drop the triggers
 * either. A superuser (or the owner) can still do both; no database can stop its own superuser,
 * which is why checkpoints are co-signed by the street and kept outside the community's reach.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

export const APPEND_ONLY_TABLES = [
  'custody_log',
  'checkpoints',
  'checkpoint_cosignatures',
  'witness_keys',
  'witness_refusals',
] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The statements, run by the tables' owner, that let `role` do what the server needs (read and
 * write every table, use every sequence) except change or remove rows of the append-only tables.
 * Run them again after each migration that adds tables.
 */
export function appRoleGrants(role: string): string[] {
  if (!ROLE_NAME.test(role)) throw new RangeError(`数据库角色名应为小写字母、数字和下划线：${role}`);
  return [
    `grant usage on schema public to ${role}`,
    `grant select, insert, update, delete on all tables in schema public to ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    `revoke update, delete, truncate on ${APPEND_ONLY_TABLES.join(', ')} from ${role}`,
  ];
}

/** Runs `appRoleGrants(role)` in one transaction. */
export async function grantAppRole(db: Database, role: string): Promise<void> {
  const statements = appRoleGrants(role);
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

/** Whether a database error is the refusal of these triggers or grants (SQLSTATE 42501). */
export function isAppendOnlyRefusal(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '42501') return true;
  }
  return false;
}
