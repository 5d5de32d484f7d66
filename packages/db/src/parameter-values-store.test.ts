import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { demoCityAverageWage, seedParametersDemo } from './demo-parameters.js';
import {
  enterParameterValue,
  parameterValueHistory,
  parameterValuesAround,
  parameterValuesStamp,
} from './parameter-values-store.js';
import { auditLog } from './schema.js';
import { createTestDatabase, insertTestCommunity } from './testing.js';

let database: DatabaseHandle;
const acting = (minute: number) => ({
  actor: { id: '00000000-0000-4000-8000-000000000001', username: 'ezhou' },
  ip: null,
  at: new Date(`2026-01-05T02:${String(minute).padStart(2, '0')}:00Z`),
});
const wage = (jurisdictionCode: string, value: string, effectiveFrom: string) => ({
  jurisdictionCode,
  name: 'cityAverageWage',
  value,
  effectiveFrom,
  source: '鄂州市统计局公报（演示数据）',
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('parameter values store', () => {
  it('keeps every entry exactly, with its audit record, and moves the stamp on', async () => {
    const { db } = database;
    const before = await parameterValuesStamp(db);
    const first = await enterParameterValue(db, acting(1), wage('420700', '80000.5', '2024-01-01'));
    await enterParameterValue(db, acting(2), wage('420700', '85000', '2025-01-01'));
    await enterParameterValue(db, acting(3), wage('420702', '82000', '2024-06-01'));
    await enterParameterValue(db, acting(4), wage('371000', '99999', '2024-01-01'));
    expect(await parameterValuesStamp(db)).not.toBe(before);
    expect(first.value).toBe('80000.50');

    const [record] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(first.id)));
    expect(record).toMatchObject({
      action: 'parameter.enter',
      entityType: 'parameterValue',
      jurisdictionCode: '420700',
      after: expect.objectContaining({ value: '80000.50', effectiveFrom: '2024-01-01' }),
    });

    const history = await parameterValueHistory(db, ['420700']);
    expect(history.map((h) => h.value)).toEqual(['85000.00', '80000.50']);
  });

  it('reads the entries above and below a node, none from elsewhere', async () => {
    const { db } = database;
    const aroundCommunity = await parameterValuesAround(db, '420702001001');
    expect(aroundCommunity.map((v) => v.jurisdictionCode)).toEqual(['420700', '420700', '420702']);
    const aroundProvince = await parameterValuesAround(db, '420000');
    expect(aroundProvince.map((v) => v.jurisdictionCode)).toEqual(['420700', '420700', '420702']);
    expect((await parameterValuesAround(db, '000000')).length).toBe(4);
  });

  it('enters the demo’s 鄂州 average wage once, marked as demo data, only where the demo holds Ezhou', async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await seedParametersDemo(fresh)).toBe(false);
      await insertTestCommunity(fresh, { code: '420702001001', name: '演示社区' });
      expect(await seedParametersDemo(fresh)).toBe(true);
      expect(await seedParametersDemo(fresh)).toBe(false);
      const [entry, ...others] = await parameterValuesAround(fresh.db, '420702001001');
      expect(others).toEqual([]);
      expect(entry).toMatchObject({ value: '89600.00', effectiveFrom: '2025-01-01' });
      expect(entry?.source).toContain('演示数据');
      expect(demoCityAverageWage.jurisdictionCode).toBe('420700');
    } finally {
      await fresh.close();
    }
  });
});
