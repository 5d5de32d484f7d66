import { describe, expect, it } from 'vitest';
import { compareProducts, exactDifference, multiplyDivide } from './exact.js';

describe('exact arithmetic on decimals as written', () => {
  it('multiplies before dividing, without a binary rounding error', () => {
    expect(multiplyDivide(3220, 50, 100)).toBe(1610);
    expect(multiplyDivide(2978, 30, 100)).toBe(893.4);
    expect(multiplyDivide(0.1, 3, 1)).toBe(0.3);
    expect(multiplyDivide(1, 1, 3)).toBe(1 / 3);
    expect(multiplyDivide(0.1, 1, 3)).toBe(0.033333333333);
    expect(multiplyDivide(3221, 50, 100)).toBe(1610.5);
  });
  it('compares products exactly', () => {
    expect(compareProducts([70.7], [0.7, 101])).toBe(0);
    expect(compareProducts([70.69], [0.7, 101])).toBe(-1);
    expect(compareProducts([0.3], [0.1, 3])).toBe(0);
    expect(compareProducts([1e21], [1e20, 10])).toBe(0);
    expect(compareProducts([5], [4])).toBe(1);
    expect(compareProducts([0.1, 0.2], [0.02])).toBe(0);
    expect(compareProducts([1e-9], [1e-9])).toBe(0);
    expect(compareProducts([123456789.123], [123456789.12])).toBe(1);
    expect(compareProducts([2 ** 60], [2 ** 60 + 4096])).toBe(-1);
  });
  it('subtracts exactly', () => {
    expect(exactDifference(1, 0.7)).toBe(0.3);
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
    expect(exactDifference(5, 7)).toBe(-2);
  });
});

describe('fmt.listed', () => {
  it('names three items, then how many there are', async () => {
    const { fmt } = await import('./format.js');
    const groups = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(
      fmt.listed(
        groups,
        () => true,
        (g) => `第${g}组`,
      ),
    ).toBe('第1组、第2组、第3组等40个');
    expect(
      fmt.listed(
        groups,
        (g) => g <= 2,
        (g) => `第${g}组`,
      ),
    ).toBe('第1组、第2组');
    expect(
      fmt.listed(
        groups,
        (g) => g <= 3,
        (g) => `第${g}组`,
      ),
    ).toBe('第1组、第2组、第3组');
  });
});
