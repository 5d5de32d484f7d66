/**
 * Grids, buildings, resident groups, resident representatives and property-service areas in
 * `people_units` (`kind` held to `@shequ/people`'s `peopleUnitKinds`), each write audited; a
 * replacement names the version the editor read.
 */
import type {
  Building,
  Grid,
  PeopleUnitKind,
  PropertyArea,
  Representative,
  ResidentGroup,
} from '@shequ/people';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from './audit.js';
import type { Database } from './client.js';
import { type Db, type PeopleActor, PeopleError, streetOf, withoutKeys } from './people-shared.js';
import { markRegistersChanged } from './register-changes.js';
import { peopleUnits } from './schema-people.js';

type UnitRecord =
  | { kind: 'grid'; unit: Grid }
  | { kind: 'building'; unit: Building }
  | { kind: 'resident-group'; unit: ResidentGroup }
  | { kind: 'representative'; unit: Representative }
  | { kind: 'property-area'; unit: PropertyArea };

/** Creates a grid, building, resident group, representative or property-service area; audited. */
export async function saveUnit(db: Database, input: PeopleActor & UnitRecord): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await streetOf(tx, input.unit.communityCode);
    const [row] = await tx
      .insert(peopleUnits)
      .values({
        ...(input.unit.id ? { id: input.unit.id } : {}),
        communityCode: input.unit.communityCode,
        kind: input.kind,
        name: input.unit.name,
        record: withoutKeys(input.unit),
        updatedAt: input.at,
      })
      .returning({ id: peopleUnits.id });
    if (!row) throw new PeopleError('conflict', '保存失败，请重试');
    await markRegistersChanged(tx, input.unit.communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: `people.${input.kind}.create`,
      entityType: `people.${input.kind}`,
      entityId: row.id,
      jurisdictionCode: input.unit.communityCode,
      before: null,
      after: input.unit,
      ip: input.ip,
      at: input.at,
    });
    return row;
  });
}

/** One stored resident representative with the version an edit must name, or `undefined`. */
export async function findRepresentative(
  db: Db,
  id: string,
): Promise<(Representative & { version: number }) | undefined> {
  const [row] = await db
    .select()
    .from(peopleUnits)
    .where(and(eq(peopleUnits.id, id), eq(peopleUnits.kind, 'representative')));
  return row
    ? ({
        ...(row.record as object),
        id: row.id,
        communityCode: row.communityCode,
        version: row.version,
      } as Representative & { version: number })
    : undefined;
}

/** The stored version of each grid, building, resident group and representative of a community, by id. */
export async function unitVersions(db: Db, code: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: peopleUnits.id, version: peopleUnits.version })
    .from(peopleUnits)
    .where(eq(peopleUnits.communityCode, code));
  return new Map(rows.map((r) => [r.id, r.version]));
}

const unitWords: Record<UnitRecord['kind'], { missing: string; changed: string }> = {
  grid: { missing: '没有这个网格', changed: '该网格' },
  building: { missing: '没有这个楼栋', changed: '该楼栋' },
  'resident-group': { missing: '没有这个居民小组', changed: '该居民小组' },
  representative: { missing: '没有这位居民代表', changed: '该居民代表' },
  'property-area': { missing: '没有这个物业服务区域', changed: '该物业服务区域' },
};

/**
 * Replaces a grid, building, resident group, representative or property-service area of the kind named (a representative's
 * term ended, a group's leader elected), audited with the record before; the caller has decided the new
 * record. Takes a transaction too, so an election's result can change a unit in its own transaction.
 */
export async function replaceUnit<R extends UnitRecord>(
  db: Db,
  input: PeopleActor &
    R & {
      action: string;
      /** The version the editor read; a record changed since is refused, nothing written. */
      expectedVersion: number;
    },
): Promise<R['unit'] & { version: number }> {
  return db.transaction(async (tx) => {
    const { unit, kind } = input;
    const [old] = await tx
      .select()
      .from(peopleUnits)
      .where(and(eq(peopleUnits.id, unit.id), eq(peopleUnits.kind, kind)))
      .for('update');
    if (!old || old.communityCode !== unit.communityCode)
      throw new PeopleError('not-found', unitWords[kind].missing);
    if (old.version !== input.expectedVersion)
      throw new PeopleError('conflict', `${unitWords[kind].changed}已被他人修改，请刷新后重新操作`);
    await tx
      .update(peopleUnits)
      .set({ name: unit.name, record: withoutKeys(unit), version: old.version + 1, updatedAt: input.at })
      .where(eq(peopleUnits.id, unit.id));
    await markRegistersChanged(tx, unit.communityCode, input.at);
    await writeAudit(tx, {
      actor: input.actor,
      action: input.action,
      entityType: `people.${kind}`,
      entityId: unit.id,
      jurisdictionCode: unit.communityCode,
      before: { ...(old.record as object), id: old.id, communityCode: old.communityCode },
      after: unit,
      ip: input.ip,
      at: input.at,
    });
    return { ...unit, version: old.version + 1 };
  });
}

/**
 * Replaces a property-service area's record (an edit in the console), audited with the record before;
 * the version the editor read must still be the stored one.
 */
export async function replacePropertyArea(
  db: Database,
  input: PeopleActor & { area: PropertyArea; expectedVersion: number },
): Promise<PropertyArea & { version: number }> {
  const { area, ...rest } = input;
  return replaceUnit(db, {
    ...rest,
    kind: 'property-area',
    unit: area,
    action: 'people.property-area.update',
  });
}

/** The community a stored unit of the kind belongs to, or `undefined`. */
export async function unitCommunity(db: Db, kind: PeopleUnitKind, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ communityCode: peopleUnits.communityCode })
    .from(peopleUnits)
    .where(and(eq(peopleUnits.id, id), eq(peopleUnits.kind, kind)));
  return row?.communityCode;
}

/**
 * Replaces a resident representative's record (a term ended or its end corrected), audited with the
 * record before; the caller has decided the new record.
 */
export function replaceRepresentative(
  db: Database,
  input: PeopleActor & {
    representative: Representative;
    action: string;
    /** The version the editor read; a record changed since is refused, nothing written. */
    expectedVersion: number;
  },
): Promise<Representative & { version: number }> {
  const { representative, ...rest } = input;
  return replaceUnit(db, { ...rest, kind: 'representative', unit: representative });
}
