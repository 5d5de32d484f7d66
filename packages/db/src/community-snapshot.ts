/**
 * The snapshot of a stored community (docs/interfaces.md §5): the facts typed in for it, with every
 * fact a register keeps worked out from that register as of the date. Each register kind is one
 * entry of `registerSources` — a bulk loader from its store module and the pure derivation of its
 * domain package — so the API, the CLI and the console's compliance pages all build the same
 * snapshot, and a new register kind is added in one place.
 */

import { deriveDemocracyFacts } from '@shequ/democracy';
import {
  type CommunityFacts,
  type CommunitySnapshot,
  type DerivedFacts,
  layDerivedFacts,
  SNAPSHOT_FORMAT,
} from '@shequ/domain';
import { deriveSnapshotFacts } from '@shequ/people';
import { deriveBurdenFacts, deriveServiceFacts } from '@shequ/services';
import { eq } from 'drizzle-orm';
import type { Database, Transaction } from './client.js';
import { loadDemocracyRegisters } from './democracy-store.js';
import { loadRegisters } from './people-registers.js';
import { communities } from './schema.js';
import { loadCaseRegisters } from './services-store.js';
import { loadBurdenRegisters } from './workload-store.js';

type Db = Database | Transaction;

/** The columns a community's snapshot is made from: selected alike wherever stored facts are read. */
export const storedFactsColumns = {
  code: communities.code,
  name: communities.name,
  asOf: communities.asOf,
  facts: communities.facts,
} as const;

/** A community and the date its snapshot describes. */
export interface CommunityAsOf {
  code: string;
  asOf: string;
}

/** One register kind, erased to what the snapshot needs: the derived facts of each community. */
export interface RegisterSource {
  name: string;
  factsOf(db: Db, rows: readonly CommunityAsOf[]): Promise<Map<string, DerivedFacts>>;
}

// Bounded so one query never carries more parameters than PostgreSQL accepts (65,535).
const CODES_PER_QUERY = 5000;

/** A register kind from its bulk loader (every community of `codes` in a few queries) and its derivation. */
export function registerSource<Registers>(source: {
  name: string;
  load(db: Db, codes: readonly string[]): Promise<Map<string, Registers>>;
  derive(registers: Registers, asOf: string): DerivedFacts;
}): RegisterSource {
  return {
    name: source.name,
    async factsOf(db, rows) {
      const out = new Map<string, DerivedFacts>();
      const codes = [...new Set(rows.map((r) => r.code))];
      const loaded = new Map<string, Registers>();
      for (let i = 0; i < codes.length; i += CODES_PER_QUERY) {
        for (const [code, registers] of await source.load(db, codes.slice(i, i + CODES_PER_QUERY)))
          loaded.set(code, registers);
      }
      for (const row of rows) {
        const registers = loaded.get(row.code);
        if (registers === undefined) continue;
        const derived = source.derive(registers, row.asOf);
        if (derived.fields.length > 0) out.set(row.code, derived);
      }
      return out;
    },
  };
}

/** Every register kind a community can keep, in the order their facts are laid over the typed ones. */
export const registerSources: readonly RegisterSource[] = [
  registerSource({ name: 'people', load: loadRegisters, derive: deriveSnapshotFacts }),
  registerSource({
    name: 'democracy',
    load: loadDemocracyRegisters,
    derive: (registers, asOf) => deriveDemocracyFacts(registers, asOf),
  }),
  registerSource({ name: 'services', load: loadCaseRegisters, derive: deriveServiceFacts }),
  registerSource({ name: 'burdens', load: loadBurdenRegisters, derive: deriveBurdenFacts }),
];

/** The facts each community's registers determine as of its date; communities keeping none are absent. */
export async function registerFactsOf(
  db: Db,
  rows: readonly CommunityAsOf[],
): Promise<Map<string, DerivedFacts[]>> {
  const out = new Map<string, DerivedFacts[]>();
  if (rows.length === 0) return out;
  for (const source of registerSources) {
    for (const [code, derived] of await source.factsOf(db, rows)) {
      const layers = out.get(code);
      if (layers) layers.push(derived);
      else out.set(code, [derived]);
    }
  }
  return out;
}

/** Typed facts with what the registers determine laid over them, and the fields that came from a register. */
export async function factsWithRegisters(
  db: Db,
  code: string,
  typed: CommunityFacts,
  asOf: string,
): Promise<{ facts: CommunityFacts; fromRegister: string[] }> {
  const layers = (await registerFactsOf(db, [{ code, asOf }])).get(code) ?? [];
  const merged = layDerivedFacts(typed, layers);
  return { facts: merged.facts, fromRegister: merged.fields };
}

export interface StoredSnapshot {
  snapshot: CommunitySnapshot;
  /** Dotted names of the snapshot's fields that came from a register. */
  fromRegister: string[];
  /** The date the typed facts were last stored for. */
  factsAsOf: string;
}

/**
 * The stored community as a `shequ.community-snapshot/v1` document as of `asOf` (the date its typed
 * facts describe when absent); undefined for a code that is not stored.
 */
export async function storedSnapshot(
  db: Db,
  code: string,
  asOf?: string,
): Promise<StoredSnapshot | undefined> {
  const [row] = await db
    .select(storedFactsColumns)
    .from(communities)
    .where(eq(communities.code, code))
    .limit(1);
  if (!row) return undefined;
  const date = asOf ?? String(row.asOf);
  const { facts, fromRegister } = await factsWithRegisters(db, row.code, row.facts, date);
  return {
    snapshot: { format: SNAPSHOT_FORMAT, code: row.code, name: row.name, asOf: date, ...facts },
    fromRegister,
    factsAsOf: String(row.asOf),
  };
}
