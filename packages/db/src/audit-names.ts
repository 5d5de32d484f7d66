/**
 * The objects of audit records as people know them: an account by its person, a division by its name, a
 * scheme's scores by the scheme and the community, a service case by its subject. The log keeps only ids
 * (an id never changes, a name may), so the names are read when the log is shown.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { jurisdictions, users } from './schema.js';
import { archiveItems, seals } from './schema-archives.js';
import { assessmentSchemes } from './schema-assessment.js';
import { peopleWorkers } from './schema-people.js';
import { serviceCases } from './schema-services.js';

export interface AuditObjectRef {
  entityType: string;
  entityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refKey = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;

/** Assessment scores are recorded per scheme and community, as `schemeId/communityCode`. */
function scoresParts(entityId: string): { schemeId: string; communityCode: string } | null {
  const [schemeId, communityCode, ...rest] = entityId.split('/');
  if (rest.length > 0 || !schemeId || !communityCode || !UUID.test(schemeId)) return null;
  return { schemeId, communityCode };
}

async function namesById<T extends string>(
  ids: readonly T[],
  read: (ids: T[]) => Promise<{ id: string; name: string }[]>,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await read(unique)).map((row) => [row.id, row.name]));
}

/**
 * The name of each record's object, keyed by `auditObjectKey`; objects with no name found (a removed
 * record, an id naming nothing) are absent, and the log shows their id.
 */
export async function auditObjectNames(
  db: Database,
  refs: readonly AuditObjectRef[],
): Promise<Map<string, string>> {
  const idsOf = (type: string, valid: (id: string) => boolean = () => true) =>
    refs.filter((r) => r.entityType === type && valid(r.entityId)).map((r) => r.entityId);
  const scores = refs.flatMap((r) => {
    const parts = r.entityType === 'assessmentScores' ? scoresParts(r.entityId) : null;
    return parts ? [{ ...parts, entityId: r.entityId }] : [];
  });
  const isUuid = (id: string) => UUID.test(id);

  const [accounts, divisions, schemes, cases, workers, items, sealNames] = await Promise.all([
    namesById(idsOf('user', isUuid), async (ids) =>
      (
        await db
          .select({ id: sql<string>`${users.id}::text`, name: users.displayName, username: users.username })
          .from(users)
          .where(inArray(users.id, ids))
      ).map((u) => ({
        id: u.id,
        name: `${u.name || u.username}（${u.username}）`,
      })),
    ),
    namesById(
      [...refs.map((r) => r.entityId), ...scores.map((s) => s.communityCode)].filter((id) =>
        /^\d{6}(\d{3}(\d{3})?)?$/.test(id),
      ),
      (ids) =>
        db
          .select({ id: jurisdictions.code, name: jurisdictions.name })
          .from(jurisdictions)
          .where(inArray(jurisdictions.code, ids)),
    ),
    namesById([...idsOf('assessmentScheme', isUuid), ...scores.map((s) => s.schemeId)], (ids) =>
      db
        .select({ id: sql<string>`${assessmentSchemes.id}::text`, name: assessmentSchemes.name })
        .from(assessmentSchemes)
        .where(inArray(assessmentSchemes.id, ids)),
    ),
    namesById(idsOf('services.case'), (ids) =>
      db
        .select({ id: serviceCases.id, name: sql<string>`${serviceCases.record}->>'subject'` })
        .from(serviceCases)
        .where(inArray(serviceCases.id, ids)),
    ),
    namesById(idsOf('people.worker'), (ids) =>
      db
        .select({ id: peopleWorkers.id, name: peopleWorkers.name })
        .from(peopleWorkers)
        .where(inArray(peopleWorkers.id, ids)),
    ),
    namesById(idsOf('archiveItem', isUuid), (ids) =>
      db
        .select({ id: sql<string>`${archiveItems.id}::text`, name: archiveItems.title })
        .from(archiveItems)
        .where(inArray(archiveItems.id, ids)),
    ),
    namesById(idsOf('seal', isUuid), (ids) =>
      db
        .select({ id: sql<string>`${seals.id}::text`, name: seals.name })
        .from(seals)
        .where(inArray(seals.id, ids)),
    ),
  ]);

  const byType: Record<string, Map<string, string>> = {
    user: accounts,
    assessmentScheme: schemes,
    'services.case': cases,
    'people.worker': workers,
    archiveItem: items,
    seal: sealNames,
  };
  const names = new Map<string, string>();
  for (const { entityType, entityId } of refs) {
    let name: string | undefined;
    if (entityType === 'assessmentScores') {
      const parts = scoresParts(entityId);
      const scheme = parts && schemes.get(parts.schemeId);
      const community = parts && divisions.get(parts.communityCode);
      if (parts && (scheme || community)) {
        name = `${scheme ?? '（已删除的方案）'} · ${community ?? parts.communityCode}`;
      }
    } else {
      name = byType[entityType]?.get(entityId) ?? divisions.get(entityId);
    }
    if (name) names.set(refKey(entityType, entityId), name);
  }
  return names;
}

/** The key of a record's object in `auditObjectNames`' answer. */
export function auditObjectKey(ref: AuditObjectRef): string {
  return refKey(ref.entityType, ref.entityId);
}
