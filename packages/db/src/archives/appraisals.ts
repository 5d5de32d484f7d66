import {
  applyArchiveEvent,
  destructionDuringHandover,
  orThrow,
  type RetentionPeriod,
  retentionExpiry,
} from '@shequ/archives';
import { chinaDate } from '@shequ/domain';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { users } from '../schema.js';
import { archiveDestructions, archiveItems, handoverItems, handovers } from '../schema-archives.js';
import { type ArchiveRow, aboutItem, loadItem, statusOf, stepItem } from './items.js';
import { keysetPage, type PageAfter } from './paging.js';
import { type ActingAs, ArchiveError, displayNameOf, record, requireListedPeople, won } from './record.js';

export interface AppraisalInput {
  itemId: string;
  decisionNumber: string;
  decidedOn: string;
  opinion: string;
  /** The people besides the custodian who approved the appraisal (user ids of the community). */
  approvedBy: string[];
}

/**
 * 鉴定 decides an expired item's fate: `destroy` (the decision the custodian later carries out, kept
 * for good in the destruction list) or `retain` (延长保管期限: the item is kept for a longer period and
 * its expiry recomputed, so it leaves the list of items due for appraisal until the new period runs out).
 */
export type AppraisalDecision =
  | ({ decision: 'destroy' } & AppraisalInput)
  | ({ decision: 'retain'; retention: RetentionPeriod } & AppraisalInput);

export async function appraiseArchiveItem(db: Database, acting: ActingAs, input: AppraisalDecision) {
  if (input.decision === 'destroy') {
    const { decision: _destroy, ...rest } = input;
    return { decision: 'destroy' as const, appraisal: await appraiseForDestruction(db, acting, rest) };
  }
  return { decision: 'retain' as const, ...(await appraiseForRetention(db, acting, input)) };
}

/**
 * The decision claims the item: its version moves on, so of two people deciding about one item at
 * once (destroy and keep, or keep twice) exactly one is recorded and the other is told of the race.
 */
export async function claimForAppraisal(tx: Transaction, acting: ActingAs, row: ArchiveRow) {
  won(
    await tx
      .update(archiveItems)
      .set({ version: row.version + 1, updatedAt: acting.at })
      .where(and(eq(archiveItems.id, row.id), eq(archiveItems.version, row.version)))
      .returning({ id: archiveItems.id }),
    `档案 ${row.referenceCode} 的鉴定`,
  );
}

/**
 * 鉴定 (destroy): records the appraisal decision that allows destruction. Refused now, with the
 * package's reason, if the destruction it prepares would be refused (permanent, not yet expired, no
 * approver besides the custodian).
 */
export async function appraiseForDestruction(db: Database, acting: ActingAs, input: AppraisalInput) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    await requireListedPeople(tx, row.communityCode, 'approvedBy', input.approvedBy);
    // The destruction this decision allows, tried now on the custodian's behalf.
    orThrow(
      applyArchiveEvent(item, {
        type: 'destroy',
        by: item.custodian,
        on: input.decidedOn,
        appraisal: {
          decisionId: input.decisionNumber,
          decidedOn: input.decidedOn,
          approvedBy: input.approvedBy,
        },
      }),
    );
    await claimForAppraisal(tx, acting, row);
    const [appraisal] = await tx
      .insert(archiveDestructions)
      .values({
        communityCode: row.communityCode,
        itemId: row.id,
        referenceCode: row.referenceCode,
        title: row.title,
        retention: row.retention,
        expiresOn: row.expiresOn as string,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        opinion: input.opinion,
        approvedBy: input.approvedBy,
        state: 'appraised',
        appraisedBy: acting.actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!appraisal) throw new ArchiveError('conflict', `档案 ${row.referenceCode} 已有鉴定结论`);
    await record(tx, acting, aboutItem(row), 'archive.appraise', {
      before: null,
      after: appraisal,
      payload: {
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        approvedBy: input.approvedBy,
      },
    });
    return appraisal;
  });
}

/**
 * 鉴定 (retain): the item is kept for `retention` from now on. The decision lives in the audit record
 * and the custody log (decision number, date, opinion, approvers, old and new period) and in the
 * item's retention and expiry; `archive_destructions` stays the list of destruction decisions, one per
 * item, since a retained item is appraised again when its new period runs out.
 */
export async function appraiseForRetention(
  db: Database,
  acting: ActingAs,
  input: AppraisalInput & { retention: RetentionPeriod },
) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    await requireListedPeople(tx, row.communityCode, 'approvedBy', input.approvedBy);
    const [pending] = await tx
      .select({ id: archiveDestructions.id })
      .from(archiveDestructions)
      .where(eq(archiveDestructions.itemId, row.id))
      .limit(1);
    if (pending) throw new ArchiveError('conflict', `档案 ${row.referenceCode} 已有鉴定销毁结论`);
    const event = {
      type: 'retain',
      by: acting.actor.id,
      on: input.decidedOn,
      retention: input.retention,
      appraisal: {
        decisionId: input.decisionNumber,
        decidedOn: input.decidedOn,
        approvedBy: input.approvedBy,
      },
    } as const;
    const year = Number(item.date.slice(0, 4));
    const { updated } = await stepItem(tx, acting, { row, item }, event, (next) => ({
      retention: next.retention,
      expiresOn: retentionExpiry(year, next.retention),
    }));
    const decision = {
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
      opinion: input.opinion,
      approvedBy: input.approvedBy,
    };
    await record(tx, acting, aboutItem(row), 'archive.retain', {
      before: { retention: row.retention, expiresOn: row.expiresOn },
      after: { retention: updated.retention, expiresOn: updated.expiresOn, ...decision },
      payload: {
        ...decision,
        previousRetention: row.retention,
        retention: updated.retention,
        expiresOn: updated.expiresOn,
      },
    });
    return { item: updated, ...decision };
  });
}

/** 销毁, by the custodian, under the recorded appraisal; the destruction list keeps the row for good. */
export async function destroyArchiveItem(
  db: Database,
  acting: ActingAs,
  input: { itemId: string; destroyedOn?: string | undefined; method: string },
) {
  return db.transaction(async (tx) => {
    const { row, item } = await loadItem(tx, input.itemId);
    const [appraisal] = await tx
      .select()
      .from(archiveDestructions)
      .where(eq(archiveDestructions.itemId, row.id))
      .limit(1);
    if (appraisal?.state !== 'appraised') {
      throw new ArchiveError('conflict', `档案 ${row.referenceCode} 没有待执行的鉴定销毁结论`);
    }
    // An item being handed over is checked against the list by three people: it is destroyed after.
    const [onOpenList] = await tx
      .select({ id: handovers.id })
      .from(handovers)
      .innerJoin(handoverItems, eq(handoverItems.handoverId, handovers.id))
      .where(
        and(
          eq(handovers.communityCode, row.communityCode),
          eq(handovers.state, 'open'),
          eq(handoverItems.refId, row.id),
        ),
      )
      .limit(1);
    orThrow(destructionDuringHandover(item, onOpenList !== undefined));
    const destroyedOn = input.destroyedOn ?? chinaDate(acting.at);
    const decision = {
      decisionId: appraisal.decisionNumber,
      decidedOn: appraisal.decidedOn,
      approvedBy: appraisal.approvedBy,
    };
    const event = { type: 'destroy', by: acting.actor.id, on: destroyedOn, appraisal: decision } as const;
    const { updated } = await stepItem(tx, acting, { row, item }, event, statusOf);
    const destroyed = won(
      await tx
        .update(archiveDestructions)
        .set({ state: 'destroyed', destroyedOn, destroyedBy: acting.actor.id, method: input.method })
        .where(and(eq(archiveDestructions.id, appraisal.id), eq(archiveDestructions.state, 'appraised')))
        .returning(),
      `档案 ${row.referenceCode} 的销毁`,
    );
    await record(tx, acting, aboutItem(row), 'archive.destroy', {
      before: { status: row.status },
      after: { status: updated.status, destruction: destroyed },
      payload: {
        decisionNumber: appraisal.decisionNumber,
        destroyedOn,
        method: input.method,
      },
    });
    return { item: updated, destruction: destroyed };
  });
}

// ── What people read ────────────────────────────────────────────────────────

/**
 * The permanent destruction list (销毁清册) of a community, oldest decision first, with the approvers
 * and whoever destroyed each item named, as people read the list (the ids stay in `approvedBy`, `destroyedBy`).
 */
export function destructionRows(
  db: Database,
  community: string,
  after: PageAfter | undefined,
  limit: number,
) {
  const query = db
    .select({
      ...getTableColumns(archiveDestructions),
      approverNames: sql<
        string | null
      >`(select string_agg(${users.displayName}, '、' order by ${users.displayName}) from ${users} where ${users.id}::text in (select jsonb_array_elements_text(${archiveDestructions.approvedBy})))`,
      destroyerName: displayNameOf(archiveDestructions.destroyedBy),
    })
    .from(archiveDestructions)
    .$dynamic();
  return keysetPage(
    query,
    eq(archiveDestructions.communityCode, community),
    'asc',
    { at: archiveDestructions.decidedOn, id: archiveDestructions.id },
    { after, limit },
  );
}
