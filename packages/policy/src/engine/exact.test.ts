import { describe, expect, it } from 'vitest';
import { compareProducts, exactDifference, multiplyDivide } from './exact.js';

describe('exact arithmetic on decimals as written', () => {
  it('multiplies before dividing, without a binary rounding error', () => {
    expect(multiplyDivide(3220, 50, 100)).toBe(1610);
    expect(multiplyDivide(2978, 30, 100)).toBe(893.4);
    expect(multiplyDivide(0.1, 3, 1)).toBe(0.3);
    expect(multiplyDivide(1, 1, 3)).toBe(0.333333333333);
    expect(multiplyDivide(2, 1, 3)).toBe(0.666666666667);
  });
  it('compares products exactly', () => {
    expect(compareProducts([70.7], [0.7, 101])).toBe(0);
    expect(compareProducts([70.69], [0.7, 101])).toBe(-1);
    expect(compareProducts([0.3], [0.1, 3])).toBe(0);
    expect(compareProducts([1e21], [1e20, 10])).toBe(0);
    expect(compareProducts([5], [4])).toBe(1);
  });
  it('subtracts exactly', () => {
    expect(exactDifference(1, 0.7)).toBe(0.3);
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
    expect(exactDifference(5, 7)).toBe(-2);
  });
});
