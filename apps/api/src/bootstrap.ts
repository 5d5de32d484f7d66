/**
 * The first administrator. A fresh installation has no account to sign in with; this creates `admin`
 * (systemAdmin, bound to the whole country) with a one-time password that the caller prints once.
 */
import { type Database, users } from '@shequ/db';
import { eq } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import { generateOneTimePassword, hashPassword } from './auth/password.js';
import { COUNTRY_CODE } from './auth/roles.js';

export const FIRST_ADMIN_USERNAME = 'admin';

export type FirstAdminOutcome =
  | { kind: 'created'; oneTimePassword: string | null }
  | { kind: 'passwordSet' }
  | { kind: 'existing' };

/**
 * Creates `admin` when it does not exist. `password` (from SHEQU_ADMIN_PASSWORD, for tests and automation)
 * is used instead of a random one and, for an existing admin, replaces its password; `keep` spares the
 * forced change at first login.
 */
export async function ensureFirstAdmin(
  db: Database,
  options: { password?: string; keep?: boolean; now?: Date } = {},
): Promise<FirstAdminOutcome> {
  const now = options.now ?? new Date();
  const mustChangePassword = !options.keep;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, FIRST_ADMIN_USERNAME))
    .limit(1);
  if (existing) {
    if (!options.password) return { kind: 'existing' };
    const passwordHash = await hashPassword(options.password);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, mustChangePassword, disabledAt: null })
        .where(eq(users.id, existing.id));
      await writeAudit(tx, {
        actor: null,
        action: 'user.resetPassword',
        entityType: 'user',
        entityId: existing.id,
        jurisdictionCode: COUNTRY_CODE,
        before: null,
        after: { source: 'SHEQU_ADMIN_PASSWORD', mustChangePassword },
        ip: null,
        at: now,
      });
    });
    return { kind: 'passwordSet' };
  }
  const oneTimePassword = options.password ? null : generateOneTimePassword();
  const passwordHash = await hashPassword(options.password ?? oneTimePassword ?? '');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: FIRST_ADMIN_USERNAME,
        displayName: '系统管理员',
        role: 'systemAdmin',
        jurisdictionCode: COUNTRY_CODE,
        passwordHash,
        mustChangePassword,
        createdAt: now,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('could not create the first administrator');
    await writeAudit(tx, {
      actor: null,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      jurisdictionCode: COUNTRY_CODE,
      before: null,
      after: {
        username: FIRST_ADMIN_USERNAME,
        role: 'systemAdmin',
        jurisdictionCode: COUNTRY_CODE,
        mustChangePassword,
      },
      ip: null,
      at: now,
    });
  });
  return { kind: 'created', oneTimePassword };
}
