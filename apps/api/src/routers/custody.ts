/**
 * The custody log of a community's archives and seals: entries, checkpoints signed with the
 * installation's key, and verification of the stored log against a checkpoint someone kept. The
 * community's custodians and approvers, administrators and auditors above it read the log; only
 * administrators sign checkpoints (`../auth/archives-access.ts`).
 */
import { custodyCheckpoint, verifyLog } from '@shequ/archives';
import {
  custodyLogSize,
  custodyLogStatusOf,
  issueWitnessedCheckpoint,
  latestCheckpoints,
  latestWitnessedCheckpoint,
  loadSigningKey,
  readableCustodyEntries,
  readCustodyLog,
} from '@shequ/db';
import { boundedInt, communityCode, domainErrorMap } from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { requireArchivesAccess } from '../auth/archives-access.js';
import { FieldProblems } from '../errors.js';
import { authedProcedure, router, writerProcedure } from '../trpc.js';

/** The log table's input: entries after `afterSeq`, a page of `limit` (the Excel export ignores `limit`). */
export const custodyEntriesInput = z.strictObject({
  community: communityCode,
  afterSeq: boundedInt().default(0),
  limit: z.int().min(1).max(500).default(100),
});

export const custodyRouter = router({
  entries: authedProcedure.input(custodyEntriesInput).query(async ({ ctx, input }) => {
    await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'log');
    const [entries, size] = await Promise.all([
      readCustodyLog(ctx.db, input.community, { afterSeq: input.afterSeq, limit: input.limit }),
      custodyLogSize(ctx.db, input.community),
    ]);
    return { size, entries: await readableCustodyEntries(ctx.db, entries) };
  }),

  checkpoints: authedProcedure
    .input(z.strictObject({ community: communityCode }))
    .query(async ({ ctx, input }) => {
      await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'log');
      return latestCheckpoints(ctx.db, input.community);
    }),

  /** The installation's public key, for whoever keeps checkpoints to pin. */
  publicKey: authedProcedure.query(() => ({ publicKey: loadSigningKey().publicKey })),

  /** Signs a checkpoint over the whole log now; download it and keep it elsewhere. */
  checkpoint: writerProcedure
    .input(z.strictObject({ community: communityCode }))
    .mutation(async ({ ctx, input }) => {
      await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'manage');
      const outcome = await issueWitnessedCheckpoint(ctx.db, input.community, {
        key: loadSigningKey(),
        at: ctx.settings.now().toISOString(),
        issuedBy: ctx.principal.username,
        occasion: 'manual',
      });
      // Signed either way; a checkpoint the street refused to co-sign carries no co-signature, and
      // the refusal shows on the log page and the street's workbench.
      return outcome.checkpoint;
    }),

  /**
   * What the log page shows on every open: the stored log checked against the checkpoints the
   * street co-signed (not against one the installation signed alone), the first bad `seq` when it
   * fails, and whether a witnessed checkpoint is overdue.
   */
  status: authedProcedure
    .input(z.strictObject({ community: communityCode }))
    .query(async ({ ctx, input }) => {
      await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'log');
      return custodyLogStatusOf(ctx.db, input.community, ctx.settings.now());
    }),

  /** The newest checkpoint the street co-signed, to download and keep elsewhere; null when none yet. */
  witnessedCheckpoint: authedProcedure
    .input(z.strictObject({ community: communityCode }))
    .query(async ({ ctx, input }) => {
      await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'log');
      return (await latestWitnessedCheckpoint(ctx.db, input.community)) ?? null;
    }),

  /**
   * Verifies the stored log against a checkpoint (as kept by the street or the discipline
   * committee). `trustedKey` says whether the checkpoint was signed by this installation's key.
   */
  verify: authedProcedure
    .input(z.strictObject({ community: communityCode, checkpoint: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      await requireArchivesAccess(ctx.db, ctx.principal, input.community, 'log');
      const parsed = custodyCheckpoint.safeParse(input.checkpoint, { error: domainErrorMap });
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = ['checkpoint', ...issue.path.map(String)].join('.');
          fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
        }
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: '检查点格式不对',
          cause: new FieldProblems(fieldErrors),
        });
      }
      const checkpoint = parsed.data;
      if (checkpoint.community !== undefined && checkpoint.community !== input.community) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `检查点属于社区 ${checkpoint.community}，不是 ${input.community}`,
          cause: new FieldProblems({ 'checkpoint.community': [`检查点属于社区 ${checkpoint.community}`] }),
        });
      }
      const entries = await readCustodyLog(ctx.db, input.community);
      const result = verifyLog(entries, checkpoint);
      return { ...result, trustedKey: checkpoint.publicKey === loadSigningKey().publicKey };
    }),
});
