import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import {
  isMobileNumber,
  isResidentIdNumber,
  isResidentsCommitteeCreditCode,
  isUnifiedSocialCreditCode,
  mobileNumber,
  normaliseMobileNumber,
  parseResidentIdNumber,
  parseUnifiedSocialCreditCode,
  residentIdCheckChar,
  residentIdNumber,
  residentIdProblem,
  USCC_ALPHABET,
  unifiedSocialCreditCode,
  unifiedSocialCreditCodeCheckChar,
} from './identifiers.js';

/**
 * Real, published codes. The first four are from python-stdnum's test data
 * (arthurdejong/python-stdnum, tests/test_cn_uscc.doctest: "These have been found online").
 * 914403001922038216 is 华为技术有限公司's and 91330100716105852F 阿里巴巴（中国）网络技术有限公司's,
 * as shown on their public business-registration records and reproduced in many open-source fixtures.
 */
const realCreditCodes = [
  '91110000600037341L',
  '121200004013590816', // registered by 机构编制 (1), a public institution (2)
  '91310000631696382C',
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
  '914403001922038216',
  '91330100716105852F',
  '92340603MA2UK2ECXU', // 个体工商户 (9, 2), subject id issued after 2015 (MA…)
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(realCreditCodes)('accepts the published code %s', (code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
    expect(unifiedSocialCreditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('detects every single mistyped character in a real code', () => {
    const code = '91110000600037341L';
    for (let i = 0; i < 18; i++) {
      for (const c of USCC_ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(isUnifiedSocialCreditCode(typo), typo).toBe(false);
      }
    }
  });

  it('refuses the letters the standard leaves out, wrong lengths and lower case when checked exactly', () => {
    for (const code of [
      '9111000060003734IL',
      '9111000060003734OL',
      '91110000600037341',
      '91110000600037341LL',
    ]) {
      expect(isUnifiedSocialCreditCode(code)).toBe(false);
    }
    expect(isUnifiedSocialCreditCode('91110000600037341l')).toBe(false);
    expect(unifiedSocialCreditCodeCheckChar('9111000060003734I')).toBeUndefined();
  });

  it('splits a code into its parts', () => {
    expect(parseUnifiedSocialCreditCode('9144030071526726XG')).toEqual({
      registrationAuthority: '9',
      kind: '1',
      registrationRegion: '440300',
      subjectId: '71526726X',
      checkChar: 'G',
    });
    expect(parseUnifiedSocialCreditCode('9144030071526726XA')).toBeUndefined();
  });

  it('tells a residents’ committee (civil affairs 5, kind 5) from a company', () => {
    // A made-up subject id under Linzi district (370305); its check character is computed, not published.
    const first17 = '55370305MEA000001';
    const code = first17 + unifiedSocialCreditCodeCheckChar(first17);
    expect(isResidentsCommitteeCreditCode(code)).toBe(true);
    expect(isResidentsCommitteeCreditCode('91110000600037341L')).toBe(false);
  });

  it('schema normalises spaces and lower case and explains problems in Chinese', () => {
    expect(unifiedSocialCreditCode.parse(' 91 110000 600037341l ')).toBe('91110000600037341L');
    const wrongCheck = unifiedSocialCreditCode.safeParse('91110000600037341M');
    expect(wrongCheck.success).toBe(false);
    if (!wrongCheck.success) expect(fieldErrors(wrongCheck.error)[0]?.message).toContain('校验码不正确');
    const badLetters = unifiedSocialCreditCode.safeParse('9111000060003734IO');
    if (!badLetters.success)
      expect(fieldErrors(badLetters.error)[0]?.message).toContain('不使用I、O、Z、S、V');
    expect(badLetters.success).toBe(false);
  });
});

describe('resident identity number (GB 11643-1999)', () => {
  it('accepts the examples published in the standard', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('440524188001010014')).toBe(true);
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('reads region, birth date and sex', () => {
    expect(parseResidentIdNumber('11010519491231002X')).toEqual({
      region: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
      checkChar: 'X',
    });
    expect(parseResidentIdNumber('440524188001010014')?.sex).toBe('male');
  });

  it('refuses a wrong check character', () => {
    expect(residentIdProblem('110105194912310021')).toBe('checkChar');
    expect(residentIdProblem('440524188001010015')).toBe('checkChar');
  });

  it('refuses a birth date that does not exist, even with a matching check character', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
    expect(residentIdProblem(withCheck('11010519490230002'))).toBe('birthDate'); // 30 February
    expect(residentIdProblem(withCheck('11010519491301002'))).toBe('birthDate'); // month 13
    expect(residentIdProblem(withCheck('11010520000229002'))).toBeUndefined(); // 2000 was a leap year
    expect(residentIdProblem(withCheck('11010519000229002'))).toBe('birthDate'); // 1900 was not
    expect(residentIdProblem(withCheck('11010520300101002'), '2026-11-27')).toBe('futureBirthDate');
  });

  it('refuses an address code that cannot be a division code', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
    expect(residentIdProblem(withCheck('99010519491231002'))).toBe('region'); // no province 99
    expect(residentIdProblem(withCheck('00010519491231002'))).toBe('region');
  });

  it('refuses 15-digit first-generation numbers and stray characters', () => {
    expect(residentIdProblem('110105491231002')).toBe('format');
    expect(residentIdProblem('11010519491231002Y')).toBe('format');
  });

  it('schema accepts a lower-case x and names the problem in Chinese', () => {
    expect(residentIdNumber.parse('11010519491231002x')).toBe('11010519491231002X');
    const result = residentIdNumber.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrors(result.error)).toEqual([{ path: '', message: '身份证号码校验位不正确，请核对' }]);
  });
});

describe('mainland mobile number', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['86-138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['(+86) 19912345678', '19912345678'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseMobileNumber(input)).toBe(expected);
    expect(mobileNumber.parse(input)).toBe(expected);
  });

  it.each(['12800138000', '1380013800', '138001380001', '+85213800138000', '1380013800a', '010-12345678'])(
    'refuses %s',
    (input) => {
      expect(isMobileNumber(input)).toBe(false);
      const result = mobileNumber.safeParse(input);
      expect(result.success).toBe(false);
      if (!result.success) expect(fieldErrors(result.error)[0]?.message).toContain('手机号码应为11位');
    },
  );
});
