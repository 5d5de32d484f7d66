import { auditLog, auditObjectKey, auditObjectNames, type Database, jurisdictions, users } from '@shequ/db';
import { boundedInt } from '@shequ/domain';
import { and, count, desc, eq, like, notInArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { allows, archivesStanding } from '../auth/archives-access.js';
import { COUNTRY_CODE } from '../auth/roles.js';
import { type Principal, scopePrefix } from '../auth/scope.js';
import { authedProcedure, router } from '../trpc.js';

export const listAuditInput = z.strictObject({
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  page: boundedInt({ min: 1 }).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** SQL condition: the record concerns a node under the principal's; records without a node are the country's. */
function auditScopeFilter(principal: Pick<Principal, 'jurisdictionCode'>): SQL | undefined {
  const prefix = scopePrefix(principal.jurisdictionCode);
  return prefix ? like(auditLog.jurisdictionCode, `${prefix}%`) : undefined;
}

/** Audit records of archives, seals and handovers: their before/after rows are the registers themselves. */
const ARCHIVE_ENTITY_TYPES = [
  'archiveItem',
  'archiveLoan',
  'attachment',
  'seal',
  'sealRequest',
  'sealEndProposal',
  'handover',
];

/**
 * The list's WHERE: records in the principal's scope, of the entity asked for. Shared by the list and
 * its export. A community worker who may not see the community's custody log (neither custodian nor
 * approver: auth/archives-access.ts) does not see the archive records either, which would show them
 * the registers the archive lists refuse.
 */
export async function auditListFilter(
  db: Database,
  principal: Principal,
  input: Pick<z.output<typeof listAuditInput>, 'entityType' | 'entityId'>,
): Promise<SQL | undefined> {
  const seesArchives =
    principal.role !== 'communityWorker' ||
    allows(await archivesStanding(db, principal, principal.jurisdictionCode), 'log');
  return and(
    auditScopeFilter(principal),
    seesArchives ? undefined : notInArray(auditLog.entityType, ARCHIVE_ENTITY_TYPES),
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
  );
}

/** A page of the records matching `where`, newest first, as the list and its export show them. */
export async function auditRows(
  db: Database,
  where: SQL | undefined,
  window: { limit: number; offset: number },
) {
  const rows = await db
    .select({
      record: auditLog,
      actorDisplayName: users.displayName,
      jurisdictionName: jurisdictions.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, auditLog.jurisdictionCode))
    .where(where)
    // By the time of the change, not the order records were written (an import or a late entry writes
    // an earlier change after later ones); the id breaks ties so pages neither repeat nor skip a record.
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset);
  const objectNames = await auditObjectNames(
    db,
    rows.map(({ record }) => record),
  );
  return rows.map((joined) => {
    const { record: row, actorDisplayName, jurisdictionName } = joined;
    return {
      id: String(row.id),
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      /** The person's name as their account gives it; null for the system or a removed account. */
      actorDisplayName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      /** The record's object as people know it (auditObjectNames); null when its id names nothing found. */
      entityName: objectNames.get(auditObjectKey(row)) ?? null,
      jurisdictionCode: row.jurisdictionCode,
      // The system administrator's 000000 is the country, which has no row among the divisions.
      jurisdictionName: jurisdictionName ?? (row.jurisdictionCode === COUNTRY_CODE ? '全国' : null),
      before: row.before as unknown,
      after: row.after as unknown,
      ip: row.ip,
    };
  });
}

export const auditRouter = router({
  list: authedProcedure.input(listAuditInput).query(async ({ ctx, input }) => {
    const where = await auditListFilter(ctx.db, ctx.principal, input);
    const [items, [counted]] = await Promise.all([
      auditRows(ctx.db, where, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
      ctx.db.select({ total: count() }).from(auditLog).where(where),
    ]);
    return { items, total: counted?.total ?? 0 };
  }),
});
