import { auditLog } from '@shequ/db';
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Principal, scopePrefix } from '../auth/scope.js';
import { authedProcedure, router } from '../trpc.js';

export const listAuditInput = z.strictObject({
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** SQL condition: the record concerns a node under the principal's; records without a node are the country's. */
function auditScopeFilter(principal: Pick<Principal, 'jurisdictionCode'>): SQL | undefined {
  const prefix = scopePrefix(principal.jurisdictionCode);
  return prefix ? like(auditLog.jurisdictionCode, `${prefix}%`) : undefined;
}

export const auditRouter = router({
  list: authedProcedure.input(listAuditInput).query(async ({ ctx, input }) => {
    const where = and(
      auditScopeFilter(ctx.principal),
      input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
      input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    );
    const [rows, [counted]] = await Promise.all([
      ctx.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ total: count() }).from(auditLog).where(where),
    ]);
    return {
      items: rows.map((row) => ({
        id: String(row.id),
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        jurisdictionCode: row.jurisdictionCode,
        before: row.before as unknown,
        after: row.after as unknown,
        ip: row.ip,
      })),
      total: counted?.total ?? 0,
    };
  }),
});
