/**
 * Issued, kept and witnessed checkpoints in the database (本系统规则 R-LOG-1, R-LOG-2).
 *
 * The street (街道/乡镇) witnesses its communities' logs with its own Ed25519 key, kept in a file
 * like the installation's key (`SHEQU_WITNESS_KEY_DIR`, default `.data/witness-keys` under the
 * working directory, one `<street>.pem` each, mode 0600). Beside the key the witness keeps its own memory of the last size
 * and root it co-signed for each community (`<street>.witnessed.json`): the witness trusts that
 * file, not the database, so an insider who rewrites the log and deletes the co-signature rows
 * still cannot get a rewritten history co-signed. Whether to co-sign is `witnessDecision`'s
 * (`@shequ/archives`); this module reads, signs and stores.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CHECKPOINT_FORMAT,
  type CheckpointHead,
  type CustodyCheckpoint,
  type CustodyLogStatus,
  checkpointDue,
  cosignCheckpoint,
  custodyCheckpoint,
  custodyLogStatus,
  logConsistencyProof,
  type WitnessRefusalKind,
  witnessDecision,
  witnessOf,
} from '@shequ/archives';
import { and, asc, desc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import { type Database, defaultDataDir } from './client.js';
import { issueCheckpointRecord, loadSigningKey, readCustodyLog, type SigningKey } from './custody.js';
import { communities } from './schema.js';
import { checkpoints, custodyHeads, custodyLog } from './schema-archives.js';
import { checkpointCosignatures, witnessKeys, witnessRefusals } from './schema-witness.js';

const STREET_CODE = /^\d{9}$/;

/** `SHEQU_WITNESS_KEY_DIR`, else `.data/witness-keys` beside the default PGlite data folder. */
export function witnessKeyDir(): string {
  return process.env.SHEQU_WITNESS_KEY_DIR ?? resolve(dirname(defaultDataDir), 'witness-keys');
}

export interface WitnessKey extends SigningKey {
  street: string;
  /** The witness's own memory of what it co-signed, beside the key. */
  memoryPath: string;
}

/** The street's witness key, created on first use, separate from the installation's signing key. */
export function loadWitnessKey(street: string, dir = witnessKeyDir()): WitnessKey {
  if (!STREET_CODE.test(street)) throw new RangeError(`见证人应为 9 位街道（乡镇）代码：${street}`);
  const key = loadSigningKey(join(dir, `${street}.pem`));
  return { ...key, street, memoryPath: join(dir, `${street}.witnessed.json`) };
}

/** Per community, the last checkpoint the witness co-signed, with its co-signature. */
type WitnessMemory = Record<string, CustodyCheckpoint>;

function readMemory(key: Pick<WitnessKey, 'memoryPath'>): WitnessMemory {
  try {
    return JSON.parse(readFileSync(key.memoryPath, 'utf8')) as WitnessMemory;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

function writeMemory(key: WitnessKey, memory: WitnessMemory): void {
  const temporary = `${key.memoryPath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(memory, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, key.memoryPath);
}

/** The last checkpoint the street co-signed for the community, from the witness's own memory. */
export function rememberedCheckpoint(
  communityCode: string,
  dir = witnessKeyDir(),
): CustodyCheckpoint | undefined {
  const street = witnessOf(communityCode);
  const memory = readMemory({ memoryPath: join(dir, `${street}.witnessed.json`) });
  const remembered = memory[communityCode];
  return remembered ? custodyCheckpoint.parse(remembered) : undefined;
}

/** Puts the street's witness public key on record (once). */
export async function recordWitnessKey(db: Database, key: WitnessKey, at: string): Promise<void> {
  await db
    .insert(witnessKeys)
    .values({ streetCode: key.street, publicKey: key.publicKey, recordedAt: at })
    .onConflictDoNothing();
}

/** The witness public keys on record, by street (all streets when `streets` is not given). */
export async function witnessKeysOnRecord(
  db: Database,
  streets?: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await db
    .select()
    .from(witnessKeys)
    .where(streets ? inArray(witnessKeys.streetCode, [...streets]) : undefined);
  const byStreet = new Map<string, string[]>();
  for (const row of rows)
    byStreet.set(row.streetCode, [...(byStreet.get(row.streetCode) ?? []), row.publicKey]);
  return byStreet;
}

type CheckpointRow = typeof checkpoints.$inferSelect;

function checkpointOfRow(row: CheckpointRow): CustodyCheckpoint {
  return custodyCheckpoint.parse({
    format: CHECKPOINT_FORMAT,
    community: row.communityCode,
    size: row.size,
    root: row.root,
    at: row.at,
    publicKey: row.publicKey,
    signature: row.signature,
  });
}

/** The checkpoint row with its co-signatures, as `checkpoint.json` carries them. */
async function withCosignatures(db: Database, row: CheckpointRow): Promise<CustodyCheckpoint> {
  const cosignatures = await db
    .select()
    .from(checkpointCosignatures)
    .where(eq(checkpointCosignatures.checkpointId, row.id))
    .orderBy(asc(checkpointCosignatures.id));
  const checkpoint = checkpointOfRow(row);
  if (cosignatures.length === 0) return checkpoint;
  return {
    ...checkpoint,
    cosignatures: cosignatures.map(({ streetCode, publicKey, at, signature }) => ({
      witness: streetCode,
      publicKey,
      at,
      signature,
    })),
  };
}

export type WitnessOutcome =
  | { ok: true; checkpoint: CustodyCheckpoint; already: boolean }
  | { ok: false; kind: WitnessRefusalKind; message: string; checkpoint: CustodyCheckpoint };

/**
 * Asks the community's street to co-sign the checkpoint `checkpointId`: the witness checks the
 * consistency proof from the last checkpoint it co-signed (proof computed from the log as stored
 * now) and signs, or refuses and the refusal is recorded in `witness_refusals`.
 */
export async function witnessCheckpoint(
  db: Database,
  checkpointId: number,
  options: { witnessKey: WitnessKey; logKeys: readonly string[]; at: string },
): Promise<WitnessOutcome> {
  const { witnessKey, at } = options;
  const [row] = await db.select().from(checkpoints).where(eq(checkpoints.id, checkpointId));
  if (!row) throw new RangeError(`checkpoint ${checkpointId} missing`);
  const checkpoint = checkpointOfRow(row);
  const community = row.communityCode;
  if (witnessOf(community) !== witnessKey.street) {
    throw new RangeError(`街道（乡镇）${witnessKey.street} 不是社区 ${community} 的见证人`);
  }
  await recordWitnessKey(db, witnessKey, at);
  const memory = readMemory(witnessKey);
  const remembered = memory[community];
  const last: CheckpointHead | undefined = remembered && { size: remembered.size, root: remembered.root };
  const [sameSize] = await db
    .select({ root: checkpointCosignatures.root })
    .from(checkpointCosignatures)
    .where(
      and(
        eq(checkpointCosignatures.streetCode, witnessKey.street),
        eq(checkpointCosignatures.communityCode, community),
        eq(checkpointCosignatures.size, row.size),
      ),
    );
  let proof: string[] = [];
  if (last && last.size > 0 && last.size < row.size) {
    const hashes = await db
      .select({ hash: custodyLog.hash })
      .from(custodyLog)
      .where(and(eq(custodyLog.communityCode, community), lte(custodyLog.seq, row.size)))
      .orderBy(asc(custodyLog.seq));
    proof = hashes.length === row.size ? logConsistencyProof(hashes, last.size, row.size) : [];
  }
  const decision = witnessDecision({
    community,
    checkpoint,
    logKeys: options.logKeys,
    last,
    cosignedRootAtSize: sameSize?.root,
    proof,
  });
  if (!decision.ok) {
    await db.insert(witnessRefusals).values({
      checkpointId: row.id,
      communityCode: community,
      streetCode: witnessKey.street,
      size: row.size,
      root: row.root,
      kind: decision.kind,
      message: decision.message,
      at,
    });
    return { ...decision, checkpoint };
  }
  if (!decision.already) {
    const cosignature = cosignCheckpoint(checkpoint, {
      privateKey: witnessKey.privateKey,
      witness: witnessKey.street,
      at,
    });
    await db.insert(checkpointCosignatures).values({
      checkpointId: row.id,
      communityCode: community,
      streetCode: witnessKey.street,
      size: row.size,
      root: row.root,
      at,
      publicKey: cosignature.publicKey,
      signature: cosignature.signature,
    });
    if (!last || row.size > last.size) {
      writeMemory(witnessKey, { ...memory, [community]: { ...checkpoint, cosignatures: [cosignature] } });
    }
  }
  return { ok: true, already: decision.already, checkpoint: await withCosignatures(db, row) };
}

export type CheckpointOccasion = 'manual' | 'export' | 'handover' | 'schedule';

/** Issues a checkpoint over the whole log now, records why, and asks the street to witness it. */
export async function issueWitnessedCheckpoint(
  db: Database,
  communityCode: string,
  options: {
    key: SigningKey;
    witnessKey?: WitnessKey;
    at: string;
    issuedBy: string;
    occasion: CheckpointOccasion;
    size?: number;
  },
): Promise<WitnessOutcome> {
  const { id } = await issueCheckpointRecord(db, communityCode, options);
  return witnessCheckpoint(db, id, {
    witnessKey: options.witnessKey ?? loadWitnessKey(witnessOf(communityCode)),
    logKeys: [options.key.publicKey],
    at: options.at,
  });
}

/** The newest checkpoint of the community that its street co-signed, with its co-signatures. */
export async function latestWitnessedCheckpoint(
  db: Database,
  communityCode: string,
): Promise<CustodyCheckpoint | undefined> {
  const [row] = await db
    .select(getCheckpointColumns())
    .from(checkpoints)
    .innerJoin(checkpointCosignatures, eq(checkpointCosignatures.checkpointId, checkpoints.id))
    .where(eq(checkpoints.communityCode, communityCode))
    .orderBy(desc(checkpoints.size), desc(checkpoints.id))
    .limit(1);
  return row ? withCosignatures(db, row) : undefined;
}

function getCheckpointColumns() {
  const { id, communityCode, size, root, at, publicKey, signature, createdBy, occasion } = checkpoints;
  return { id, communityCode, size, root, at, publicKey, signature, createdBy, occasion };
}

/** Every checkpoint of the community its street co-signed, oldest first, with their co-signatures. */
export async function witnessedCheckpoints(
  db: Database,
  communityCode: string,
): Promise<CustodyCheckpoint[]> {
  const rows = await db
    .selectDistinct(getCheckpointColumns())
    .from(checkpoints)
    .innerJoin(checkpointCosignatures, eq(checkpointCosignatures.checkpointId, checkpoints.id))
    .where(eq(checkpoints.communityCode, communityCode))
    .orderBy(asc(checkpoints.size), asc(checkpoints.id));
  const cosignatures = await db
    .select()
    .from(checkpointCosignatures)
    .where(eq(checkpointCosignatures.communityCode, communityCode))
    .orderBy(asc(checkpointCosignatures.id));
  return rows.map((row) => ({
    ...checkpointOfRow(row),
    cosignatures: cosignatures
      .filter((c) => c.checkpointId === row.id)
      .map(({ streetCode, publicKey, at, signature }) => ({ witness: streetCode, publicKey, at, signature })),
  }));
}

/** The community's log checked against its witnessed checkpoints (`custodyLogStatus`). */
export async function custodyLogStatusOf(
  db: Database,
  communityCode: string,
  now: Date,
  options: { witnessKeyDir?: string } = {},
): Promise<CustodyLogStatus> {
  const [entries, stored, keys] = await Promise.all([
    readCustodyLog(db, communityCode),
    witnessedCheckpoints(db, communityCode),
    witnessKeysOnRecord(db, [witnessOf(communityCode)]),
  ]);
  // The witness's own memory counts too: rows an insider deleted do not make a log unwitnessed.
  const remembered = rememberedCheckpoint(communityCode, options.witnessKeyDir);
  const witnessed =
    remembered && !stored.some((c) => c.size === remembered.size && c.root === remembered.root)
      ? [...stored, remembered]
      : stored;
  return custodyLogStatus({ entries, witnessed, witnessKeys: keys, now });
}

/**
 * The communities under a code prefix whose log fails against its witnessed checkpoints or whose
 * witnessed checkpoint is overdue, for the street's dashboard. Reads each community's log that has
 * one; a street has tens of communities, and their logs thousands of entries, not millions.
 */
export async function custodyLogsNeedingAttention(
  db: Database,
  prefix: string,
  now: Date,
  options: { witnessKeyDir?: string } = {},
) {
  const heads = await db
    .select({ communityCode: custodyHeads.communityCode, name: communities.name })
    .from(custodyHeads)
    .innerJoin(communities, eq(communities.code, custodyHeads.communityCode))
    .where(prefix ? sql`${custodyHeads.communityCode} like ${`${prefix}%`}` : undefined)
    .orderBy(asc(custodyHeads.communityCode));
  const results: { community: string; name: string; status: CustodyLogStatus }[] = [];
  for (const head of heads) {
    const status = await custodyLogStatusOf(db, head.communityCode, now, options);
    if (status.state === 'failed' || status.overdue)
      results.push({ community: head.communityCode, name: head.name, status });
  }
  return results;
}

/** The communities whose log has entries no issued checkpoint covers yet, under a code prefix. */
export async function communitiesDueForCheckpoint(db: Database, prefix = ''): Promise<string[]> {
  const issued = db
    .select({ communityCode: checkpoints.communityCode, size: max(checkpoints.size).as('size') })
    .from(checkpoints)
    .groupBy(checkpoints.communityCode)
    .as('issued');
  const rows = await db
    .select({ communityCode: custodyHeads.communityCode, seq: custodyHeads.seq, issued: issued.size })
    .from(custodyHeads)
    .leftJoin(issued, eq(issued.communityCode, custodyHeads.communityCode))
    .where(prefix ? sql`${custodyHeads.communityCode} like ${`${prefix}%`}` : undefined)
    .orderBy(asc(custodyHeads.communityCode));
  return rows
    .filter((row) => checkpointDue(row.seq, row.issued ?? undefined))
    .map((row) => row.communityCode);
}

/**
 * The daily run: a witnessed checkpoint for every community whose log grew since its last one.
 * One community's failure (a refusal is an outcome, not a failure) does not stop the others.
 */
export async function issueDueCheckpoints(
  db: Database,
  options: { key: SigningKey; at: string; witnessKeyDir?: string },
): Promise<{ community: string; outcome: WitnessOutcome }[]> {
  const results: { community: string; outcome: WitnessOutcome }[] = [];
  for (const community of await communitiesDueForCheckpoint(db)) {
    const outcome = await issueWitnessedCheckpoint(db, community, {
      key: options.key,
      witnessKey: loadWitnessKey(witnessOf(community), options.witnessKeyDir),
      at: options.at,
      issuedBy: 'schedule',
      occasion: 'schedule',
    });
    results.push({ community, outcome });
  }
  return results;
}

/** The refused co-signatures of a community (newest first): equivocation and rewrite attempts. */
export async function witnessRefusalsOf(db: Database, communityCode: string, limit = 20) {
  return db
    .select()
    .from(witnessRefusals)
    .where(eq(witnessRefusals.communityCode, communityCode))
    .orderBy(desc(witnessRefusals.id))
    .limit(limit);
}
