/**
 * What an account's holder is told at sign-in about changes others made to the account since their
 * previous sign-in: a password reset by an administrator above all. An administrator who resets a
 * colleague's password and signs in as them cannot hide it — the holder's next sign-in names who and when.
 * Read from the audit log (every reset writes one), so no column is needed.
 */
import { auditLog, type Database } from '@shequ/db';
import { and, desc, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm';
import { chinaDateTime } from '../routers/spreadsheet-file.js';

const NOTICE_ACTIONS = ['user.resetPassword', 'user.setDisabled'] as const;

/** zh-CN lines, oldest first; empty when nobody else changed the account since its last sign-in. */
export async function accountNoticesAtSignIn(db: Database, userId: string): Promise<string[]> {
  const [previous] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId), eq(auditLog.action, 'auth.login')),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  const changes = await db
    .select({ at: auditLog.at, action: auditLog.action, actorName: auditLog.actorName, ip: auditLog.ip })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'user'),
        eq(auditLog.entityId, userId),
        inArray(auditLog.action, [...NOTICE_ACTIONS]),
        // By an administrator, not the holder: the installer's own reset at start-up (no actor) is not news.
        isNotNull(auditLog.actorId),
        ne(auditLog.actorId, userId),
        previous ? gt(auditLog.at, previous.at) : undefined,
      ),
    )
    .orderBy(auditLog.id)
    .limit(20);
  return changes.map((change) => {
    const who = change.actorName ?? '系统';
    const when = chinaDateTime(change.at);
    return change.action === 'user.resetPassword'
      ? `您的密码已于 ${when} 被管理员 ${who} 重置。如非您本人申请，请立即联系上级管理员。`
      : `您的账号已于 ${when} 被管理员 ${who} 停用或恢复。`;
  });
}
