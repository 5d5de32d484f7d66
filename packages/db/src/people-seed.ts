/** The demo's people registers, stored through the same write paths a user's entries take. */
import type { CommunityRegisters } from '@shequ/people';
import { inArray } from 'drizzle-orm';
import type { DatabaseHandle } from './client.js';
import { saveCommittee } from './people-committees.js';
import { communitiesWithRegisters } from './people-registers.js';
import type { PeopleActor } from './people-shared.js';
import { saveUnit } from './people-units.js';
import { saveWorker } from './people-workers.js';
import { communities } from './schema.js';

/**
 * Stores demo registers for the communities that exist and keep none yet, through the same write
 * paths a user's entries take (audited, as the demo's seed actor).
 */
export async function seedPeopleRegisters(
  handle: Pick<DatabaseHandle, 'db'>,
  registers: readonly CommunityRegisters[],
  at = new Date('2026-01-05T09:00:00+08:00'),
): Promise<number> {
  const { db } = handle;
  const codes = registers.map((r) => r.communityCode);
  const present = await db
    .select({ code: communities.code })
    .from(communities)
    .where(inArray(communities.code, codes));
  const existing = await communitiesWithRegisters(db, codes);
  const who: PeopleActor = { actor: null, ip: null, at };
  let seeded = 0;
  for (const r of registers) {
    if (!present.some((p) => p.code === r.communityCode) || existing.has(r.communityCode)) continue;
    for (const worker of r.workers)
      await saveWorker(db, { ...who, worker, action: 'people.worker.create', check: () => [] });
    for (const committee of r.committees) await saveCommittee(db, { ...who, committee });
    for (const unit of r.grids) await saveUnit(db, { ...who, kind: 'grid', unit });
    // Before the buildings, which name them.
    for (const unit of r.propertyAreas ?? []) await saveUnit(db, { ...who, kind: 'property-area', unit });
    for (const unit of r.buildings) await saveUnit(db, { ...who, kind: 'building', unit });
    for (const unit of r.residentGroups) await saveUnit(db, { ...who, kind: 'resident-group', unit });
    for (const unit of r.representatives ?? []) await saveUnit(db, { ...who, kind: 'representative', unit });
    seeded++;
  }
  return seeded;
}
