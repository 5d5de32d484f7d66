/**
 * 印章: registry, approvers, use (申请 → 审批 → 用印登记) and removal from the office (外带 → 归还). Of
 * two people acting on one seal or request at once exactly one wins: the UPDATEs repeat what was read.
 */
import { randomUUID } from 'node:crypto';
import { applySealEvent, orThrow, registerSeal as registerSealRecord, type Seal } from '@shequ/archives';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { users } from '../schema.js';
import { sealApprovers, sealEndProposals, sealRequests, seals } from '../schema-archives.js';
import {
  type ActingAs,
  ArchiveError,
  about,
  displayNameOf,
  inCommunity,
  invalid,
  onInputField,
  record,
  requireListedPeople,
  requirePeople,
  streetOf,
  won,
} from './record.js';
import { endProposalsWithNames } from './seal-endings.js';

export type SealRow = typeof seals.$inferSelect;

export async function loadSeal(tx: Transaction, id: string): Promise<{ row: SealRow; seal: Seal }> {
  const [row] = await tx.select().from(seals).where(eq(seals.id, id)).limit(1);
  if (!row) throw new ArchiveError('notFound', '没有这枚印章');
  const approvers = await tx
    .select({ userId: sealApprovers.userId })
    .from(sealApprovers)
    .where(eq(sealApprovers.sealId, id));
  return { row, seal: sealOf(row, approvers.map((a) => a.userId).sort()) };
}

/**
 * Moves a seal from the state and version it was read at. Every write to a seal raises its version,
 * so a custody change in between (same state) also makes this write lose.
 */
export async function moveSeal(tx: Transaction, row: SealRow, set: Partial<typeof seals.$inferInsert>) {
  return won(
    await tx
      .update(seals)
      .set({ ...set, version: row.version + 1 })
      .where(and(eq(seals.id, row.id), eq(seals.state, row.state), eq(seals.version, row.version)))
      .returning(),
    `印章「${row.name}」`,
  );
}

export const aboutSeal = (row: SealRow) => about('seal', row, { seal: row.id, sealName: row.name });

export function sealOf(row: SealRow, approvers: string[]): Seal {
  return {
    id: row.id,
    community: row.communityCode,
    name: row.name,
    owner: { kind: row.ownerKind as Seal['owner']['kind'], name: row.ownerName },
    ...(row.impressionSha256 ? { impressionSha256: row.impressionSha256 } : {}),
    custodian: row.custodianId,
    storagePlace: row.storagePlace,
    approvers,
    state: row.state as Seal['state'],
  };
}

export interface NewSeal {
  communityCode: string;
  name: string;
  owner: Seal['owner'];
  custodianId: string;
  storagePlace: string;
  approverIds: string[];
  impressionSha256?: string | undefined;
}

/** 印章登记 */
export async function registerSeal(db: Database, acting: ActingAs, input: NewSeal): Promise<SealRow> {
  return db.transaction(async (tx) => {
    await requirePeople(
      tx,
      {
        custodianId: input.custodianId,
        ...Object.fromEntries(input.approverIds.map((id, i) => [`approverIds.${i}`, id])),
      },
      inCommunity(input.communityCode),
    );
    const id = randomUUID();
    let seal: Seal;
    try {
      seal = registerSealRecord({
        id,
        community: input.communityCode,
        name: input.name,
        owner: input.owner,
        ...(input.impressionSha256 ? { impressionSha256: input.impressionSha256 } : {}),
        custodian: input.custodianId,
        storagePlace: input.storagePlace,
        approvers: [...new Set(input.approverIds)],
      });
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
      const issue = issues[0];
      const field = issue
        ? issue.path
            .map(String)
            .join('.')
            .replace(/^approvers/, 'approverIds')
        : 'name';
      throw invalid(field || 'name', issue?.message ?? String(error));
    }
    const [row] = await tx
      .insert(seals)
      .values({
        id,
        communityCode: input.communityCode,
        streetCode: streetOf(input.communityCode),
        name: seal.name,
        ownerKind: seal.owner.kind,
        ownerName: seal.owner.name,
        impressionSha256: seal.impressionSha256 ?? null,
        custodianId: seal.custodian,
        storagePlace: seal.storagePlace,
        state: seal.state,
        createdAt: acting.at,
        createdBy: acting.actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw invalid('name', `本社区已登记名为「${input.name}」的印章`);
    await tx
      .insert(sealApprovers)
      .values(seal.approvers.map((userId) => ({ sealId: id, userId, communityCode: input.communityCode })));
    // This payload calls the seal's name `name`, not `sealName` as the others do; logs already
    // written say so, and one action keeps one payload shape.
    const subject = { communityCode: input.communityCode, entityType: 'seal', entityId: id };
    await record(tx, acting, subject, 'seal.register', {
      before: null,
      after: { ...row, approvers: seal.approvers },
      payload: {
        seal: id,
        name: seal.name,
        owner: seal.owner,
        custodian: seal.custodian,
        storagePlace: seal.storagePlace,
        approvers: seal.approvers,
      },
    });
    return row;
  });
}

/**
 * 变更印章审批人 (鄂州 第四十条 「应建立印章使用制度」): who approves the seal's use from now on, as the
 * community now names them — people of the community, never the custodian alone. Requests already
 * decided keep their decider; pending ones wait for the new approvers. The seal's version is raised
 * first, so of two administrators changing the approvers at once one wins and the other is told.
 */
export async function setSealApprovers(
  db: Database,
  acting: ActingAs,
  input: { sealId: string; approverIds: readonly string[]; reason: string },
): Promise<SealRow> {
  return db.transaction(async (tx) => {
    const { row, seal } = await loadSeal(tx, input.sealId);
    await requireListedPeople(tx, row.communityCode, 'approverIds', input.approverIds);
    const event = {
      type: 'setApprovers',
      by: acting.actor.id,
      at: acting.at.toISOString(),
      approvers: input.approverIds,
      reason: input.reason,
    } as const;
    const next = orThrow(onInputField(applySealEvent(seal, event), { approvers: 'approverIds' }));
    const reason = input.reason.trim();
    const moved = await moveSeal(tx, row, {});
    await tx.delete(sealApprovers).where(eq(sealApprovers.sealId, row.id));
    await tx
      .insert(sealApprovers)
      .values(next.approvers.map((userId) => ({ sealId: row.id, userId, communityCode: row.communityCode })));
    await record(tx, acting, aboutSeal(row), 'seal.setApprovers', {
      before: { approvers: seal.approvers },
      after: { approvers: next.approvers, reason },
      payload: { approvers: next.approvers, reason },
    });
    return moved;
  });
}

/**
 * A community's seals (or the one `sealId`), by name, with custodian and approvers named, the request
 * under which each is out, and the proposal to retire or destroy it waiting for its approver.
 */
export async function sealsOfCommunity(db: Database, community: string, sealId?: string) {
  const rows = await db
    .select({
      id: seals.id,
      name: seals.name,
      ownerKind: seals.ownerKind,
      ownerName: seals.ownerName,
      custodianId: seals.custodianId,
      custodianName: displayNameOf(seals.custodianId),
      storagePlace: seals.storagePlace,
      impressionSha256: seals.impressionSha256,
      state: seals.state,
    })
    .from(seals)
    .where(and(eq(seals.communityCode, community), sealId ? eq(seals.id, sealId) : undefined))
    .orderBy(asc(seals.name));
  const approvers =
    rows.length === 0
      ? []
      : await db
          .select({ sealId: sealApprovers.sealId, id: users.id, displayName: users.displayName })
          .from(sealApprovers)
          .innerJoin(users, eq(users.id, sealApprovers.userId))
          .where(
            inArray(
              sealApprovers.sealId,
              rows.map((r) => r.id),
            ),
          );
  const out = await db
    .select({ sealId: sealRequests.sealId, requestId: sealRequests.id, returnBy: sealRequests.returnBy })
    .from(sealRequests)
    .where(
      and(
        eq(sealRequests.communityCode, community),
        eq(sealRequests.state, 'out'),
        sealId ? eq(sealRequests.sealId, sealId) : undefined,
      ),
    );
  const pendingEnds = await endProposalsWithNames(db).where(
    and(
      eq(sealEndProposals.communityCode, community),
      eq(sealEndProposals.state, 'pending'),
      sealId ? eq(sealEndProposals.sealId, sealId) : undefined,
    ),
  );
  return rows.map((row) => ({
    ...row,
    approvers: approvers
      .filter((a) => a.sealId === row.id)
      .map(({ id: userId, displayName }) => ({ id: userId, displayName })),
    out: out.find((o) => o.sealId === row.id) ?? null,
    /** The proposal to retire or destroy the seal waiting for its approver, if any. */
    pendingEnd: pendingEnds.find((p) => p.sealId === row.id) ?? null,
  }));
}

/**
 * A community's seal registry as its export lists it, by name: owner, custodian and approvers named, and
 * the return deadline of the removal a seal is out under.
 */
export function sealRegistryRows(db: Database, community: string, limit: number) {
  return db
    .select({
      name: seals.name,
      ownerKind: seals.ownerKind,
      ownerName: seals.ownerName,
      custodianName: displayNameOf(seals.custodianId),
      storagePlace: seals.storagePlace,
      state: seals.state,
      approvers: sql<
        string | null
      >`(select string_agg(${users.displayName}, '、' order by ${users.displayName}) from ${sealApprovers} inner join ${users} on ${users.id} = ${sealApprovers.userId} where ${sealApprovers.sealId} = ${seals.id})`,
      // At most one removal of a seal is out at a time (partial unique index), so the join adds no rows.
      returnBy: sealRequests.returnBy,
    })
    .from(seals)
    .leftJoin(sealRequests, and(eq(sealRequests.sealId, seals.id), eq(sealRequests.state, 'out')))
    .where(eq(seals.communityCode, community))
    .orderBy(asc(seals.name))
    .limit(limit);
}
