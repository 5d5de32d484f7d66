import { describe, expect, it } from 'vitest';
import {
  type ParameterEntry,
  parameterEntryInput,
  parameterEntryRefusal,
  parameterValuesInForce,
  suppliedParametersFor,
  suppliedParams,
} from './index.js';

const EZHOU_COMMUNITY = '420702001001';

describe('suppliedParametersFor', () => {
  it('lists the benchmarks whose figure the regulation leaves to the jurisdiction', () => {
    expect(suppliedParametersFor(EZHOU_COMMUNITY)).toEqual([
      expect.objectContaining({ name: 'committeeMemberAllowance', jurisdiction: '000000' }),
      expect.objectContaining({ name: 'cityAverageWage', unit: '元/年', jurisdiction: '420700' }),
    ]);
    expect(suppliedParametersFor('371000').map((p) => p.name)).toContain('comparableInstitutionPay');
  });
});

describe('parameterEntryInput', () => {
  const good = {
    jurisdiction: '420700',
    name: 'cityAverageWage',
    value: '85320.50',
    effectiveFrom: '2025-01-01',
    source: '鄂州市统计局《2025年鄂州市城市在岗职工平均工资》',
  };

  it('accepts an exact positive figure with its date and source', () => {
    expect(parameterEntryInput.parse(good)).toEqual(good);
  });

  it.each([
    ['value', { value: '-1' }],
    ['value', { value: '0' }],
    ['value', { value: '85000.123' }],
    ['value', { value: '8.5e4' }],
    ['effectiveFrom', { effectiveFrom: '2025-02-30' }],
    ['source', { source: '  ' }],
    ['name', { name: 'twoCommitteesMax' }],
    ['name', { jurisdiction: '320000' }],
  ])('refuses a bad %s', (field, change) => {
    const result = parameterEntryInput.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('parameterEntryRefusal (R-PAR-1)', () => {
  const wage = suppliedParametersFor(EZHOU_COMMUNITY).find((p) => p.name === 'cityAverageWage');
  if (!wage) throw new Error('鄂州 declares cityAverageWage');

  it('lets an administrator of the jurisdiction or above enter the figure', () => {
    expect(parameterEntryRefusal({ role: 'cityAdmin', jurisdictionCode: '420700' }, wage, '420700')).toBe(
      undefined,
    );
    expect(parameterEntryRefusal({ role: 'provinceAdmin', jurisdictionCode: '420000' }, wage, '420702')).toBe(
      undefined,
    );
  });

  it('refuses a lower administrator, one elsewhere, and anyone who is not an administrator', () => {
    expect(
      parameterEntryRefusal({ role: 'districtAdmin', jurisdictionCode: '420702' }, wage, '420702'),
    ).toMatch(/R-PAR-1/);
    expect(parameterEntryRefusal({ role: 'cityAdmin', jurisdictionCode: '371000' }, wage, '420700')).toMatch(
      /鄂州市/,
    );
    expect(parameterEntryRefusal({ role: 'auditor', jurisdictionCode: '000000' }, wage, '420700')).toMatch(
      /只有管理员/,
    );
  });
});

describe('parameterValuesInForce', () => {
  const entry = (
    jurisdiction: string,
    value: string,
    effectiveFrom: string,
    enteredAt = 0,
  ): ParameterEntry => ({
    jurisdiction,
    name: 'cityAverageWage',
    value,
    effectiveFrom,
    enteredAt: new Date(enteredAt),
  });
  const city2024 = entry('420700', '80000', '2024-01-01');
  const city2025 = entry('420700', '85000', '2025-01-01');
  const city2025Corrected = entry('420700', '85500', '2025-01-01', 1);
  const district2024 = entry('420702', '82000', '2024-06-01');
  const elsewhere = entry('371000', '99999', '2020-01-01');

  it('takes the latest figure in force on the date', () => {
    const all = [city2025, city2024, elsewhere];
    expect(parameterValuesInForce(all, EZHOU_COMMUNITY, '2024-12-31').get('cityAverageWage')).toBe(city2024);
    expect(parameterValuesInForce(all, EZHOU_COMMUNITY, '2025-01-01').get('cityAverageWage')).toBe(city2025);
    expect(parameterValuesInForce(all, EZHOU_COMMUNITY, '2023-12-31').size).toBe(0);
  });

  it('takes the later entry of the same date as a correction', () => {
    const chosen = parameterValuesInForce([city2025Corrected, city2025], EZHOU_COMMUNITY, '2025-06-01');
    expect(chosen.get('cityAverageWage')).toBe(city2025Corrected);
  });

  it('lets a lower jurisdiction’s figure win (chosen reading) or only break a tie (alternative)', () => {
    const all = [city2024, city2025, district2024];
    expect(parameterValuesInForce(all, EZHOU_COMMUNITY, '2025-06-01').get('cityAverageWage')).toBe(
      district2024,
    );
    expect(
      parameterValuesInForce(all, EZHOU_COMMUNITY, '2025-06-01', 'latest-first').get('cityAverageWage'),
    ).toBe(city2025);
    // Outside the district the city's figure applies either way.
    expect(parameterValuesInForce(all, '420703001001', '2025-06-01').get('cityAverageWage')).toBe(city2025);
  });

  it('turns the figures in force into the evaluator’s params', () => {
    const params = suppliedParams(parameterValuesInForce([city2025], EZHOU_COMMUNITY, '2025-06-01'));
    expect(params).toEqual({ cityAverageWage: 85000 });
  });
});
