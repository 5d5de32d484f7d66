/**
 * The street (街道/乡镇) as witness of its communities' custody logs: its public keys on record,
 * the co-signatures it gave, and the co-signatures it refused. The witness's private key is kept
 * in a file like the installation's signing key (`witness.ts`), never here.
 *
 * These tables, like `custody_log` and `checkpoints`, only grow: the migration adds triggers that
 * refuse UPDATE, DELETE and TRUNCATE (see `append-only.ts`).
 */
import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { checkpoints } from './schema-archives.js';

/** A street's witness public keys (raw Ed25519, Base64). A co-signature by any other key is refused. */
export const witnessKeys = pgTable(
  'witness_keys',
  {
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    publicKey: text('public_key').notNull(),
    /** When the key was put on record (ISO 8601). */
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.streetCode, t.publicKey] }),
    uniqueIndex('witness_keys_key_idx').on(t.publicKey),
  ],
);

/**
 * A witness's co-signature of a community's checkpoint. The unique index on (street, community,
 * size) is the last line against equivocation: the witness signs one root per size, ever.
 */
export const checkpointCosignatures = pgTable(
  'checkpoint_cosignatures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    checkpointId: bigint('checkpoint_id', { mode: 'number' })
      .notNull()
      .references(() => checkpoints.id),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    size: integer('size').notNull(),
    root: varchar('root', { length: 64 }).notNull(),
    at: text('at').notNull(),
    publicKey: text('public_key').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [
    uniqueIndex('checkpoint_cosignatures_size_idx').on(t.streetCode, t.communityCode, t.size),
    index('checkpoint_cosignatures_community_idx').on(t.communityCode, t.id),
  ],
);

/** A checkpoint the witness would not co-sign, and why: kept so the street sees every attempt. */
export const witnessRefusals = pgTable(
  'witness_refusals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    checkpointId: bigint('checkpoint_id', { mode: 'number' }).references(() => checkpoints.id),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    streetCode: varchar('street_code', { length: 9 }).notNull(),
    size: integer('size').notNull(),
    root: varchar('root', { length: 64 }).notNull(),
    /** `equivocation`, `inconsistent`, `rollback`, `bad-signature`, `other-community` (`@shequ/archives` `WitnessRefusalKind`). */
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('witness_refusals_street_idx').on(t.streetCode, t.id)],
);
