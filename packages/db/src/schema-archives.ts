/**
 * Archives, seals, departure handovers and the custody log.
 *
 * Every row carries `community_code` (and `street_code` where the console lists across a town), and
 * the indexes below are the ones the console's queries use: a community's catalogue by medium,
 * group and status; loans due; the approvals waiting for one approver; seals out; a community's log
 * by seq. State columns hold the `@shequ/archives` state names; the state machines decide which
 * change is legal, the conditional UPDATEs and partial unique indexes make sure two people cannot
 * both make it at once.
 */

import {
  archiveContentGroups,
  archiveMedia,
  archiveStatuses,
  classificationLevels,
  handoverItemConditions,
  handoverItemKinds,
  retentionPeriods,
  sealEndStatuses,
  sealEndTypes,
  sealRemovalStatuses,
  sealStates,
  sealUseStatuses,
} from '@shequ/archives/labels';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { literalList, oneOf } from './schema-checks.js';

const communityCode = () => varchar('community_code', { length: 12 }).notNull();
const streetCode = () => varchar('street_code', { length: 9 }).notNull();

/** The leading columns of a row the console lists by community and across a town. */
const idCommunityAndStreet = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  communityCode: communityCode(),
  streetCode: streetCode(),
});

/** 档案: the DA/T 22-2015 catalogue fields, medium, content group, retention, custodian, place, status. */
export const archiveItems = pgTable(
  'archive_items',
  {
    ...idCommunityAndStreet(),
    /** 档号, e.g. `X007-WS·2024-D30-JWH-0001`; its parts are copied into the columns below. */
    referenceCode: text('reference_code').notNull(),
    fonds: varchar('fonds', { length: 10 }).notNull(),
    category: varchar('category', { length: 2 }).notNull(),
    year: integer('year').notNull(),
    organisation: varchar('organisation', { length: 6 }),
    itemNumber: integer('item_number').notNull(),
    /** 文号 */
    documentNumber: text('document_number'),
    /** 责任者 */
    issuer: text('issuer').notNull(),
    /** 题名 */
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    classification: text('classification', { enum: classificationLevels }).notNull().default('none'),
    pages: integer('pages'),
    notes: text('notes'),
    medium: text('medium', { enum: archiveMedia }).notNull(),
    contentGroup: text('content_group').notNull(),
    retention: text('retention', { enum: retentionPeriods }).notNull(),
    /** First day the item may be appraised for destruction; null for permanent retention. */
    expiresOn: date('expires_on', { mode: 'string' }),
    custodianId: uuid('custodian_id').notNull(),
    locationRoom: text('location_room'),
    locationCabinet: text('location_cabinet'),
    locationShelf: text('location_shelf'),
    status: text('status', { enum: archiveStatuses }).notNull().default('shelved'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    oneOf('archive_items_classification_check', t.classification, classificationLevels),
    oneOf('archive_items_medium_check', t.medium, archiveMedia),
    // Content groups stay open: a community adds its own as `custom:<name>` (`archiveContentGroup`).
    check(
      'archive_items_content_group_check',
      sql`${t.contentGroup} in ${literalList(archiveContentGroups)} or ${t.contentGroup} like 'custom:_%'`,
    ),
    oneOf('archive_items_retention_check', t.retention, retentionPeriods),
    oneOf('archive_items_status_check', t.status, archiveStatuses),
    // 档号 starts with the 全宗号, so unique per community is unique per fonds; two communities that
    // different archives happened to give the same fonds number do not collide.
    uniqueIndex('archive_items_reference_idx').on(t.communityCode, t.referenceCode),
    index('archive_items_community_medium_idx').on(t.communityCode, t.medium, t.status, t.referenceCode),
    index('archive_items_community_group_idx').on(t.communityCode, t.contentGroup, t.referenceCode),
    index('archive_items_community_status_idx').on(t.communityCode, t.status, t.expiresOn),
    // The retention list (保管期限到期清单): a community's items of one retention period by expiry date.
    index('archive_items_community_retention_idx').on(t.communityCode, t.retention, t.expiresOn),
    index('archive_items_series_idx').on(t.communityCode, t.fonds, t.category, t.year, t.itemNumber),
    index('archive_items_custodian_idx').on(t.custodianId, t.status),
    index('archive_items_street_idx').on(t.streetCode, t.communityCode),
  ],
);

/** 借阅登记: one row per loan, kept after return. */
export const archiveLoans = pgTable(
  'archive_loans',
  {
    ...idCommunityAndStreet(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => archiveItems.id),
    borrower: text('borrower').notNull(),
    borrowerId: uuid('borrower_id'),
    purpose: text('purpose'),
    lentOn: date('lent_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    returnedOn: date('returned_on', { mode: 'string' }),
    lentBy: uuid('lent_by').notNull(),
    receivedBy: uuid('received_by'),
  },
  (t) => [
    // An item is on one open loan at most, whatever two custodians' screens say.
    uniqueIndex('archive_loans_open_idx').on(t.itemId).where(sql`${t.returnedOn} is null`),
    index('archive_loans_due_idx').on(t.communityCode, t.dueOn).where(sql`${t.returnedOn} is null`),
    index('archive_loans_street_due_idx').on(t.streetCode, t.dueOn).where(sql`${t.returnedOn} is null`),
    index('archive_loans_item_idx').on(t.itemId, t.lentOn),
  ],
);

/** 鉴定销毁: the appraisal decision, then the destruction; rows are never deleted (the permanent list). */
export const archiveDestructions = pgTable(
  'archive_destructions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityCode: communityCode(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => archiveItems.id),
    /** Copied so the list reads on its own after the item is gone from the shelf. */
    referenceCode: text('reference_code').notNull(),
    title: text('title').notNull(),
    retention: text('retention').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    decisionNumber: text('decision_number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    opinion: text('opinion').notNull(),
    approvedBy: jsonb('approved_by').$type<string[]>().notNull(),
    state: text('state', { enum: ['appraised', 'destroyed'] }).notNull(),
    appraisedBy: uuid('appraised_by').notNull(),
    destroyedOn: date('destroyed_on', { mode: 'string' }),
    destroyedBy: uuid('destroyed_by'),
    method: text('method'),
  },
  (t) => [
    oneOf('archive_destructions_state_check', t.state, ['appraised', 'destroyed']),
    oneOf('archive_destructions_retention_check', t.retention, retentionPeriods),
    index('archive_destructions_community_idx').on(t.communityCode, t.state, t.decidedOn),
    uniqueIndex('archive_destructions_item_idx').on(t.itemId),
  ],
);

/** Scans, photos, audio and video, kept in a `BlobStore` under `storage_key`, identified by SHA-256. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityCode: communityCode(),
    itemId: uuid('item_id').references(() => archiveItems.id),
    sealId: uuid('seal_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    lastCheckOk: boolean('last_check_ok'),
  },
  (t) => [
    index('attachments_item_idx').on(t.itemId),
    index('attachments_seal_idx').on(t.sealId),
    index('attachments_community_checked_idx').on(t.communityCode, t.lastCheckedAt),
  ],
);

/** 完整性核验: each re-hash of an attachment and what it found. */
export const fixityChecks = pgTable(
  'fixity_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communityCode: communityCode(),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    checkedBy: uuid('checked_by').notNull(),
    expectedSha256: varchar('expected_sha256', { length: 64 }).notNull(),
    /** Null when the blob could not be read at all. */
    actualSha256: varchar('actual_sha256', { length: 64 }),
    ok: boolean('ok').notNull(),
  },
  (t) => [index('fixity_checks_attachment_idx').on(t.attachmentId, t.checkedAt)],
);

/** 印章登记 */
export const seals = pgTable(
  'seals',
  {
    ...idCommunityAndStreet(),
    name: text('name').notNull(),
    ownerKind: text('owner_kind').notNull(),
    ownerName: text('owner_name').notNull(),
    impressionSha256: varchar('impression_sha256', { length: 64 }),
    custodianId: uuid('custodian_id').notNull(),
    storagePlace: text('storage_place').notNull(),
    state: text('state', { enum: sealStates }).notNull().default('inUse'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    oneOf('seals_state_check', t.state, sealStates),
    uniqueIndex('seals_community_name_idx').on(t.communityCode, t.name),
    index('seals_custodian_idx').on(t.custodianId, t.state),
    index('seals_street_state_idx').on(t.streetCode, t.state),
  ],
);

/** The approvers the community's 印章使用制度 names for each seal. */
export const sealApprovers = pgTable(
  'seal_approvers',
  {
    sealId: uuid('seal_id')
      .notNull()
      .references(() => seals.id),
    userId: uuid('user_id').notNull(),
    communityCode: communityCode(),
  },
  (t) => [primaryKey({ columns: [t.sealId, t.userId] }), index('seal_approvers_user_idx').on(t.userId)],
);

/**
 * 用印申请 (`kind = 'use'`) and 印章外带申请 (`kind = 'takeOut'`), with the states of
 * `sealUseStatuses` and `sealRemovalStatuses` respectively.
 */
export const sealRequests = pgTable(
  'seal_requests',
  {
    ...idCommunityAndStreet(),
    sealId: uuid('seal_id')
      .notNull()
      .references(() => seals.id),
    kind: text('kind', { enum: ['use', 'takeOut'] }).notNull(),
    state: text('state').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** 用印事由, or the special circumstance that justifies taking the seal out. */
    purpose: text('purpose').notNull(),
    document: text('document'),
    copies: integer('copies'),
    destination: text('destination'),
    returnBy: timestamp('return_by', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    refusalReason: text('refusal_reason'),
    stampedBy: uuid('stamped_by'),
    stampedAt: timestamp('stamped_at', { withTimezone: true }),
    copiesStamped: integer('copies_stamped'),
    takenOutAt: timestamp('taken_out_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('seal_requests_kind_check', t.kind, ['use', 'takeOut']),
    // Use and removal requests share the column; each kind's own states are its package's transitions.
    oneOf('seal_requests_state_check', t.state, [...new Set([...sealUseStatuses, ...sealRemovalStatuses])]),
    // A seal is out under one removal at most: the second of two simultaneous take-outs fails here
    // even if both read the seal as in the office.
    uniqueIndex('seal_requests_one_out_idx').on(t.sealId).where(sql`${t.state} = 'out'`),
    index('seal_requests_seal_idx').on(t.sealId, t.requestedAt),
    index('seal_requests_waiting_idx').on(t.communityCode, t.state, t.requestedAt),
    index('seal_requests_requester_idx').on(t.requestedBy, t.requestedAt),
    index('seal_requests_out_due_idx').on(t.streetCode, t.returnBy).where(sql`${t.state} = 'out'`),
  ],
);

/**
 * 印章停用、销毁: a proposal (`type` `retire` | `destroy`) by one person, waiting for the confirmation
 * of the approver it names (`approved_by`); states are `sealEndStatuses`. The seal changes only when
 * that approver confirms.
 */
export const sealEndProposals = pgTable(
  'seal_end_proposals',
  {
    ...idCommunityAndStreet(),
    sealId: uuid('seal_id')
      .notNull()
      .references(() => seals.id),
    type: text('type', { enum: sealEndTypes }).notNull(),
    state: text('state', { enum: sealEndStatuses }).notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').notNull(),
    reason: text('reason').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
  },
  (t) => [
    oneOf('seal_end_proposals_type_check', t.type, sealEndTypes),
    oneOf('seal_end_proposals_state_check', t.state, sealEndStatuses),
    // One pending proposal per seal: of two people proposing at once, the second insert fails here.
    uniqueIndex('seal_end_proposals_one_pending_idx').on(t.sealId).where(sql`${t.state} = 'pending'`),
    // The approver's list of proposals waiting for them, oldest first.
    index('seal_end_proposals_approver_pending_idx')
      .on(t.approvedBy, t.proposedAt)
      .where(sql`${t.state} = 'pending'`),
    index('seal_end_proposals_proposer_idx').on(t.proposedBy, t.proposedAt),
    index('seal_end_proposals_seal_idx').on(t.sealId, t.proposedAt),
  ],
);

/** 离任移交清单 */
export const handovers = pgTable(
  'handovers',
  {
    ...idCommunityAndStreet(),
    leaverId: uuid('leaver_id').notNull(),
    successorId: uuid('successor_id').notNull(),
    supervisorId: uuid('supervisor_id').notNull(),
    supervisorBody: text('supervisor_body').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: text('state', { enum: ['open', 'completed'] }).notNull(),
    leaverConfirmedOn: date('leaver_confirmed_on', { mode: 'string' }),
    successorConfirmedOn: date('successor_confirmed_on', { mode: 'string' }),
    supervisorConfirmedOn: date('supervisor_confirmed_on', { mode: 'string' }),
    /** 情节严重, as the supervisor records it. */
    serious: boolean('serious').notNull().default(false),
    /** `handoverConsequences()` as last recorded, with its citation. */
    consequences: jsonb('consequences'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    oneOf('handovers_state_check', t.state, ['open', 'completed']),
    index('handovers_community_idx').on(t.communityCode, t.state, t.createdAt),
    index('handovers_street_idx').on(t.streetCode, t.state),
    index('handovers_leaver_idx').on(t.leaverId),
    // One open handover per leaver and community: a second would list the same items twice.
    uniqueIndex('handovers_open_leaver_idx').on(t.communityCode, t.leaverId).where(sql`${t.state} = 'open'`),
  ],
);

export const handoverItems = pgTable(
  'handover_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handoverId: uuid('handover_id')
      .notNull()
      .references(() => handovers.id),
    communityCode: communityCode(),
    kind: text('kind', { enum: handoverItemKinds }).notNull(),
    /** The archive item or seal; null for a finance ledger, which lives outside this system. */
    refId: uuid('ref_id'),
    /** Reference code, seal name or ledger name, as printed on the form. */
    ref: text('ref').notNull(),
    description: text('description').notNull(),
    condition: text('condition', { enum: handoverItemConditions }).notNull().default('intact'),
    note: text('note'),
    position: integer('position').notNull(),
  },
  (t) => [
    oneOf('handover_items_kind_check', t.kind, handoverItemKinds),
    oneOf('handover_items_condition_check', t.condition, handoverItemConditions),
    index('handover_items_handover_idx').on(t.handoverId, t.position),
  ],
);

/**
 * The custody log, one chain per community. The primary key (community, seq) means two appends
 * that both read the same last entry cannot both be stored; appends lock `custody_heads` first so
 * they queue instead of failing.
 */
export const custodyLog = pgTable(
  'custody_log',
  {
    communityCode: communityCode(),
    seq: integer('seq').notNull(),
    /** Kept as the exact string that was hashed. */
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityCode, t.seq] }),
    index('custody_log_action_idx').on(t.communityCode, t.action, t.seq),
  ],
);

/** The last entry of each community's log: the row an append locks. */
export const custodyHeads = pgTable('custody_heads', {
  communityCode: varchar('community_code', { length: 12 }).primaryKey(),
  seq: integer('seq').notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
});

/** Signed checkpoints the installation issued (the public key is in each; the private key is not here). */
export const checkpoints = pgTable(
  'checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communityCode: communityCode(),
    size: integer('size').notNull(),
    root: varchar('root', { length: 64 }).notNull(),
    at: text('at').notNull(),
    publicKey: text('public_key').notNull(),
    signature: text('signature').notNull(),
    createdBy: text('created_by').notNull(),
    /** Why it was issued: `manual` (console), `export`, `handover` (a handover completed) or `schedule` (the daily run). */
    occasion: text('occasion', { enum: ['manual', 'export', 'handover', 'schedule'] })
      .notNull()
      .default('manual'),
  },
  (t) => [index('checkpoints_community_idx').on(t.communityCode, t.id)],
);
