/**
 * The demo's jurisdiction-wide figures: 鄂州's city average wage for 2025, so the Ezhou pay check
 * (第二十一条) answers on the demo instead of reporting the benchmark unknown. The figure is plausible,
 * not published, and its source says so.
 */
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from './client.js';
import { enterParameterValue } from './parameter-values-store.js';
import { communities } from './schema.js';
import { parameterValues } from './schema-parameters.js';

const EZHOU = '420700';

/** Who the demo's entries are recorded as: not an account anyone signs in with. */
const DEMO_ENTRY = { id: '00000000-0000-4000-8000-00000000d3e0', username: '演示数据' };

export const demoCityAverageWage = {
  jurisdictionCode: EZHOU,
  name: 'cityAverageWage',
  value: '89600',
  effectiveFrom: '2025-01-01',
  source: '鄂州市统计局 2025年城镇单位在岗职工平均工资（演示数据，非公布数值）',
} as const;

/** Enters the demo figures once, when the demo holds Ezhou's communities and no figure was entered yet. */
export async function seedParametersDemo(handle: DatabaseHandle): Promise<boolean> {
  const { db } = handle;
  const [ezhou] = await db
    .select({ code: communities.code })
    .from(communities)
    .where(eq(communities.cityCode, EZHOU))
    .limit(1);
  if (!ezhou) return false;
  const [existing] = await db
    .select({ id: parameterValues.id })
    .from(parameterValues)
    .where(and(eq(parameterValues.jurisdictionCode, EZHOU), eq(parameterValues.name, 'cityAverageWage')))
    .limit(1);
  if (existing) return false;
  await enterParameterValue(
    db,
    { actor: DEMO_ENTRY, ip: null, at: new Date('2026-01-04T08:00:00+08:00') },
    {
      ...demoCityAverageWage,
    },
  );
  return true;
}
