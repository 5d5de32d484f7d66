/**
 * The change stamp of the communities (`community_changes`, kept by the triggers of migration 0017):
 * what a reader caching a figure computed from them compares, instead of rescanning them.
 */
import { eq, inArray, max, type Placeholder, type SQL, sql, sum } from 'drizzle-orm';
import type { Database, Transaction } from './client.js';
import { communityChanges } from './schema.js';
import { parameterValues } from './schema-parameters.js';

/**
 * The change stamp over the rows of `community_changes` a query selects: the sum of the weights noted
 * there, and the last row's number, which a table emptied by hand would restart (`sum:last`). Select
 * the rows with `changesStamping`.
 */
export function changeStampOfRows(): SQL<string> {
  return sql<string>`coalesce(${sum(communityChanges.weight)}, 0)::text || ':' || coalesce(${max(communityChanges.id)}, 0)::text`;
}

/**
 * The rows of `community_changes` whose stamp covers `province` (a code, or a placeholder of a prepared
 * statement): its own and those noted for no one province. Every row when absent.
 */
export function changesStamping(province: string | Placeholder | undefined): SQL | undefined {
  return province === undefined ? undefined : inArray(communityChanges.provinceCode, [province, '']);
}

/**
 * A text that changes whenever a change to the communities of `provinceCode` commits (every
 * province's when absent). Compare stamps read in one database only.
 */
export async function communityChangeStamp(
  db: Database | Transaction,
  provinceCode?: string,
): Promise<string> {
  const [row] = await db
    .select({ stamp: changeStampOfRows() })
    .from(communityChanges)
    .where(changesStamping(provinceCode));
  return row?.stamp ?? '0:0';
}

/**
 * The stamps a compliance overview of a node is cached against, in one round trip: `communityChangeStamp`
 * of `provinceCode` (every province when absent) and `parameterValuesStamp` (an entered figure changes
 * results as much as a community's facts do). Prepared once per database handle and shape.
 */
function complianceStampStatement(db: Database, byProvince: boolean) {
  return db
    .select({
      communities: changeStampOfRows(),
      parameters: sql<string>`(select count(*)::text || ':' || coalesce(max(${parameterValues.id}), 0)::text from ${parameterValues})`,
    })
    .from(communityChanges)
    .where(changesStamping(byProvince ? sql.placeholder('province') : undefined))
    .prepare(byProvince ? 'shequ_compliance_stamp_province' : 'shequ_compliance_stamp_all');
}
const complianceStampStatements = new WeakMap<
  Database,
  {
    byProvince?: ReturnType<typeof complianceStampStatement>;
    all?: ReturnType<typeof complianceStampStatement>;
  }
>();

export async function complianceDataStamps(
  db: Database,
  provinceCode?: string,
): Promise<{ communities: string; parameters: string }> {
  let statements = complianceStampStatements.get(db);
  if (!statements) {
    statements = {};
    complianceStampStatements.set(db, statements);
  }
  const byProvince = provinceCode !== undefined;
  const key = byProvince ? 'byProvince' : 'all';
  let statement = statements[key];
  if (!statement) {
    statement = complianceStampStatement(db, byProvince);
    statements[key] = statement;
  }
  const [row] = await statement.execute(byProvince ? { province: provinceCode } : {});
  return {
    communities: row?.communities ?? '0:0',
    parameters: row?.parameters ?? '0:0',
  };
}

/**
 * Folds the noted changes into one row per province, keeping each province's sum (a stamp read
 * before and after differs only in the row number): the table stays as small as the provinces.
 */
export async function foldCommunityChanges(db: Database): Promise<void> {
  const provinces = await db
    .select({ code: communityChanges.provinceCode })
    .from(communityChanges)
    .groupBy(communityChanges.provinceCode)
    .having(sql`count(*) > 1`);
  for (const { code } of provinces) {
    // One statement: a reader sees either every row it removes or the one row that replaces them, and
    // rows another fold removed first are not counted twice.
    await db.execute(sql`with gone as (
        delete from ${communityChanges} where ${eq(communityChanges.provinceCode, code)} returning weight
      )
      insert into ${communityChanges} (province_code, weight)
      select ${code}, sum(weight) from gone having count(*) > 0`);
  }
}
