import { type AuditListFilter, auditPage, type Database } from '@shequ/db';
import { boundedInt } from '@shequ/domain';
import { z } from 'zod';
import { allows, archivesStanding } from '../auth/archives-access.js';
import type { Principal } from '../auth/scope.js';
import { authedProcedure, router } from '../trpc.js';

export const listAuditInput = z.strictObject({
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  page: boundedInt({ min: 1 }).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/**
 * What the principal may read of the log: the records of their node, of the entity asked for. Shared by
 * the list and its export. A community worker who may not see the community's custody log (neither
 * custodian nor approver: auth/archives-access.ts) does not see the archive records either, which would
 * show them the registers the archive lists refuse.
 */
export async function auditListFilter(
  db: Database,
  principal: Principal,
  input: Pick<z.output<typeof listAuditInput>, 'entityType' | 'entityId'>,
): Promise<AuditListFilter> {
  const seesArchives =
    principal.role !== 'communityWorker' ||
    allows(await archivesStanding(db, principal, principal.jurisdictionCode), 'log');
  return {
    under: principal.jurisdictionCode,
    withoutArchives: !seesArchives,
    entityType: input.entityType,
    entityId: input.entityId,
  };
}

export const auditRouter = router({
  list: authedProcedure
    .input(listAuditInput)
    .query(async ({ ctx, input }) =>
      auditPage(ctx.db, await auditListFilter(ctx.db, ctx.principal, input), input),
    ),
});
