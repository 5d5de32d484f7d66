/**
 * The custody log in the database, and the installation's checkpoint signing key.
 *
 * An append runs inside the transaction of the change it records: it locks the community's row in
 * `custody_heads`, so appends of one community queue (never two with one seq), and appends of
 * different communities do not wait for each other. The hash is the package's (`entryHash`), so an
 * export verifies with `@shequ/archives` alone.
 */

import { createPrivateKey, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type CustodyCheckpoint,
  type CustodyLogEntry,
  custodyActionLabels,
  custodyEventInput,
  custodyPayloadIds,
  describeCustodyPayload,
  entryHash,
  GENESIS_HASH,
  generateSigningKey,
  publicKeyBase64,
  signCheckpoint,
} from '@shequ/archives';
import { and, asc, eq, getTableColumns, gt, inArray, lte, sql } from 'drizzle-orm';
import { type Database, defaultDataDir, type Transaction } from './client.js';
import { communities, users } from './schema.js';
import { archiveItems, checkpoints, custodyHeads, custodyLog, seals } from './schema-archives.js';

export interface CustodyEvent {
  at: string;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
}

/**
 * Locks the community's chain head until the transaction ends and reads it, creating an empty chain on
 * the community's first entry: one statement, so the lock is taken in a single round trip. A change
 * that must be numbered in the order of its entry (the next reference code of a filing) takes this
 * first; `appendCustodyEntry` in the same transaction then finds the lock already held.
 */
export async function lockCustodyHead(tx: Transaction, communityCode: string): Promise<LockedCustodyHead> {
  const [head] = await tx
    .insert(custodyHeads)
    .values({ communityCode, seq: 0, hash: GENESIS_HASH })
    // A no-op update, so that an existing head is locked and returned rather than skipped.
    .onConflictDoUpdate({ target: custodyHeads.communityCode, set: { seq: sql`${custodyHeads.seq}` } })
    .returning({ seq: custodyHeads.seq, hash: custodyHeads.hash });
  if (!head) throw new Error(`custody head of ${communityCode} missing`);
  return head;
}

/** The chain head as `lockCustodyHead` returned it, locked by the transaction that holds it. */
export interface LockedCustodyHead {
  seq: number;
  hash: string;
}

/**
 * Appends one entry to the community's chain; call it inside the transaction of the change. `lockedHead`
 * is the head this transaction locked and has not appended to since, which spares locking it again.
 */
export async function appendCustodyEntry(
  tx: Transaction,
  communityCode: string,
  event: CustodyEvent,
  lockedHead?: LockedCustodyHead,
): Promise<CustodyLogEntry> {
  // Drops `undefined` members, which have no JSON form and would make the hash depend on the driver.
  const payload = JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>;
  const input = custodyEventInput.parse({ ...event, payload });
  const head = lockedHead ?? (await lockCustodyHead(tx, communityCode));
  const content = { seq: head.seq + 1, ...input, prevHash: head.hash };
  const entry: CustodyLogEntry = { ...content, hash: entryHash(content) };
  // The entry and the new head in one statement: one round trip while other appends of the community wait.
  await tx.execute(sql`with appended as (
    insert into ${custodyLog} (community_code, seq, at, actor, action, payload, prev_hash, hash)
    values (${communityCode}, ${entry.seq}, ${entry.at}, ${entry.actor}, ${entry.action},
      ${JSON.stringify(entry.payload)}::jsonb, ${entry.prevHash}, ${entry.hash})
  )
  update ${custodyHeads} set seq = ${entry.seq}, hash = ${entry.hash}
  where ${custodyHeads.communityCode} = ${communityCode}`);
  return entry;
}

/** The community's entries, oldest first, in the shape of `log.jsonl`. */
export async function readCustodyLog(
  db: Database | Transaction,
  communityCode: string,
  options: { afterSeq?: number; limit?: number } = {},
): Promise<CustodyLogEntry[]> {
  const query = db
    .select({
      seq: custodyLog.seq,
      at: custodyLog.at,
      actor: custodyLog.actor,
      action: custodyLog.action,
      payload: custodyLog.payload,
      prevHash: custodyLog.prevHash,
      hash: custodyLog.hash,
    })
    .from(custodyLog)
    .where(
      and(
        eq(custodyLog.communityCode, communityCode),
        options.afterSeq ? gt(custodyLog.seq, options.afterSeq) : undefined,
      ),
    )
    .orderBy(asc(custodyLog.seq));
  const rows = options.limit ? await query.limit(options.limit) : await query;
  return rows.map((row) => ({ ...row, payload: row.payload as CustodyLogEntry['payload'] }));
}

export async function custodyLogSize(db: Database | Transaction, communityCode: string): Promise<number> {
  const [head] = await db
    .select({ seq: custodyHeads.seq })
    .from(custodyHeads)
    .where(eq(custodyHeads.communityCode, communityCode));
  return head?.seq ?? 0;
}

/**
 * Signs a checkpoint over the community's log now (its first `size` entries, by default all) and
 * records it. Reads the log inside one transaction so the size and the root describe the same entries.
 */
export async function issueCheckpoint(
  db: Database,
  communityCode: string,
  options: IssueCheckpointOptions,
): Promise<CustodyCheckpoint> {
  return (await issueCheckpointRecord(db, communityCode, options)).checkpoint;
}

export interface IssueCheckpointOptions {
  key: SigningKey;
  at: string;
  issuedBy: string;
  size?: number;
  /** Why it is issued (kept with it); `manual` by default. */
  occasion?: 'manual' | 'export' | 'handover' | 'schedule';
}

/** `issueCheckpoint`, with the id of the row that keeps it. */
export async function issueCheckpointRecord(
  db: Database,
  communityCode: string,
  options: IssueCheckpointOptions,
): Promise<{ id: number; checkpoint: CustodyCheckpoint }> {
  return db.transaction(async (tx) => {
    const hashes = await tx
      .select({ hash: custodyLog.hash })
      .from(custodyLog)
      .where(
        and(
          eq(custodyLog.communityCode, communityCode),
          options.size === undefined ? undefined : lte(custodyLog.seq, options.size),
        ),
      )
      .orderBy(asc(custodyLog.seq));
    const checkpoint = signCheckpoint(hashes, {
      privateKey: options.key.privateKey,
      at: options.at,
      community: communityCode,
    });
    const [row] = await tx
      .insert(checkpoints)
      .values({
        communityCode,
        size: checkpoint.size,
        root: checkpoint.root,
        at: checkpoint.at,
        publicKey: checkpoint.publicKey,
        signature: checkpoint.signature,
        createdBy: options.issuedBy,
        occasion: options.occasion ?? 'manual',
      })
      .returning({ id: checkpoints.id });
    if (!row) throw new Error('checkpoint insert failed');
    return { id: row.id, checkpoint };
  });
}

/** The newest checkpoints of a community, with the name of whoever signed each (`createdByName`). */
export async function latestCheckpoints(db: Database, communityCode: string, limit = 20) {
  return db
    .select({ ...getTableColumns(checkpoints), createdByName: users.displayName })
    .from(checkpoints)
    .leftJoin(users, eq(users.username, checkpoints.createdBy))
    .where(eq(checkpoints.communityCode, communityCode))
    .orderBy(sql`${checkpoints.id} desc`)
    .limit(limit);
}

// ── The installation's signing key ─────────────────────────────────────────────

export interface SigningKey {
  privateKey: KeyObject;
  /** Raw Ed25519 public key, Base64, as checkpoints carry it. */
  publicKey: string;
  path: string;
}

/** `SHEQU_SIGNING_KEY_FILE`, else `.data/signing-key.pem` beside the default PGlite data folder. */
export function signingKeyPath(): string {
  return process.env.SHEQU_SIGNING_KEY_FILE ?? resolve(dirname(defaultDataDir), 'signing-key.pem');
}

/**
 * The installation's Ed25519 key, created on first use.
 *
 * The private key lives in a file (mode 0600), never in the database: a checkpoint is worth
 * something only if whoever can rewrite the log cannot also sign for it. Database dumps, backups and
 * replicas go to more people and places than the server's key file, and anyone holding a dump with
 * the key could rewrite the history and re-sign it. The public key goes into every checkpoint, so
 * the street and the discipline committee can pin it.
 */
export function loadSigningKey(path = signingKeyPath()): SigningKey {
  try {
    const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
    return { privateKey, publicKey: publicKeyBase64(privateKey), path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = generateSigningKey();
  mkdirSync(dirname(path), { recursive: true });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  try {
    // 'wx': if two processes create the key at once, the second reads the first's instead.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSigningKey(path);
    throw error;
  }
  return { privateKey, publicKey, path };
}

/** Whether the community is in the database (an export of an unknown code is a usage error). */
export async function communityExists(db: Database, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: communities.code })
    .from(communities)
    .where(eq(communities.code, code));
  return row !== undefined;
}

// ── What people read ────────────────────────────────────────────────────────

/** An entry's action in Chinese; an action the label table does not know yet is shown as stored. */
const custodyActionLabel = (action: string): string =>
  (custodyActionLabels as Record<string, string>)[action] ?? action;

/**
 * Entries as people read them: who acted by name (the log records the username), and the payload in
 * Chinese with people, seals and archive items named (`describeCustodyPayload`). The names are looked
 * up once for the whole page; the entries themselves stay as signed.
 */
export async function readableCustodyEntries(db: Database, entries: readonly CustodyLogEntry[]) {
  const ids = new Set<string>();
  for (const entry of entries) custodyPayloadIds(entry.payload, ids);
  const usernames = [...new Set(entries.map((entry) => entry.actor))];
  const idList = [...ids];
  const [people, actors, sealNames, items] = await Promise.all([
    idList.length > 0
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, idList))
      : [],
    usernames.length > 0
      ? db
          .select({ username: users.username, name: users.displayName })
          .from(users)
          .where(inArray(users.username, usernames))
      : [],
    idList.length > 0
      ? db.select({ id: seals.id, name: seals.name }).from(seals).where(inArray(seals.id, idList))
      : [],
    idList.length > 0
      ? db
          .select({
            id: archiveItems.id,
            referenceCode: archiveItems.referenceCode,
            title: archiveItems.title,
          })
          .from(archiveItems)
          .where(inArray(archiveItems.id, idList))
      : [],
  ]);
  const names = new Map<string, string>([
    ...people.map((row) => [row.id, row.name] as const),
    ...sealNames.map((row) => [row.id, row.name] as const),
    ...items.map((row) => [row.id, `${row.referenceCode}《${row.title}》`] as const),
  ]);
  const actorNames = new Map(actors.map((row) => [row.username, row.name]));
  return entries.map((entry) => ({
    ...entry,
    actionLabel: custodyActionLabel(entry.action),
    actorName: actorNames.get(entry.actor) ?? entry.actor,
    details: describeCustodyPayload(entry.payload, (id) => names.get(id), entry.action),
  }));
}
