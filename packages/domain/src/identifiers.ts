/**
 * Chinese identifiers that community records carry: the unified social credit code of an
 * organisation (GB 32100-2015), the resident identity number of a person (GB 11643-1999) and a
 * mainland mobile number. Pure functions plus zod schemas whose errors are in zh-CN.
 */
import * as z from 'zod';
import { divisionLevel } from './division.js';

// ---------------------------------------------------------------------------------------------
// Unified social credit code (统一社会信用代码), GB 32100-2015
// ---------------------------------------------------------------------------------------------

/**
 * The 31 characters GB 32100-2015 allows, in the order of their numeric value (0–30):
 * digits and capital letters without I, O, Z, S and V, which are too easily misread.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31 (GB 32100-2015 §5, check character). */
const usccWeights = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const usccPattern = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/**
 * The check character (18th) of a unified social credit code, computed from its first 17
 * characters, or `undefined` when those are not 17 characters of the code's alphabet.
 */
export function unifiedSocialCreditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (usccWeights[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Whether `code` is a well-formed unified social credit code with a correct check character (exact, no normalising). */
export function isUnifiedSocialCreditCode(code: string): boolean {
  return usccPattern.test(code) && unifiedSocialCreditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * Registration-authority codes (登记管理部门代码, 1st character) and the kinds (机构类别代码, 2nd
 * character) that matter to community work.
 *
 * What we found (November 2026): GB 32100-2015 itself lists 1 机构编制, 5 民政, 9 工商 and Y 其他;
 * later allocations add 2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室,
 * G 公安 (for representative offices of foreign NGOs — not residents' committees), J 住房城乡建设
 * (业主大会), N 农业农村 (collective economic organisations), Q 侨联. Residents' and villagers'
 * committees, special legal persons under the Civil Code (基层群众性自治组织特别法人), are coded by the
 * civil-affairs department: `5` then kind `5` for a residents' committee (居民委员会) and `4` for a
 * villagers' committee (村民委员会), e.g. `55370305…`. Sources: published GB 32100 summaries for the
 * 2015 list; the code table of the open-source CredentialKit library (howardli/CredentialKit,
 * OrgCategory.java) for 54/55, G, J and Q. We found no primary text for 54/55 and no published
 * residents' committee code to test against, so the validator does not insist on the prefix;
 * `isResidentsCommitteeCreditCode` only reports it.
 */
export const usccRegistrationAuthorities: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商（市场监管）',
  A: '中央军委改革和编制办公室',
  G: '公安',
  J: '住房城乡建设',
  N: '农业农村',
  Q: '侨联',
  Y: '其他',
};

/** Registration authority and kind of a residents' committee: civil affairs (5), residents' committee (5). */
export const RESIDENTS_COMMITTEE_USCC_PREFIX = '55';
/** Registration authority and kind of a villagers' committee: civil affairs (5), villagers' committee (4). */
export const VILLAGERS_COMMITTEE_USCC_PREFIX = '54';

/** Whether a valid code's first two characters mark a residents' committee (see the note above). */
export function isResidentsCommitteeCreditCode(code: string): boolean {
  return isUnifiedSocialCreditCode(code) && code.startsWith(RESIDENTS_COMMITTEE_USCC_PREFIX);
}

export interface UnifiedSocialCreditCodeParts {
  /** 登记管理部门代码 */
  registrationAuthority: string;
  /** 机构类别代码 */
  kind: string;
  /** 登记管理机关行政区划码 (GB/T 2260), e.g. `110000` or `100000` for a national registration */
  registrationRegion: string;
  /** 主体标识码: the organisation code (GB 11714) of the subject */
  subjectId: string;
  checkChar: string;
}

/** The parts of a valid code, or `undefined` when the code is not valid. */
export function parseUnifiedSocialCreditCode(code: string): UnifiedSocialCreditCodeParts | undefined {
  if (!isUnifiedSocialCreditCode(code)) return undefined;
  return {
    registrationAuthority: code.slice(0, 1),
    kind: code.slice(1, 2),
    registrationRegion: code.slice(2, 8),
    subjectId: code.slice(8, 17),
    checkChar: code.slice(17),
  };
}

/** Separators people type into long codes; removed before checking. */
const stripSeparators = (s: string) => s.replace(/[\s\-－—]/g, '');

/** A unified social credit code; spaces, hyphens and lower case are tolerated and normalised away. */
export const unifiedSocialCreditCode = z
  .string({ error: (iss) => (iss.input === undefined ? '必填' : '统一社会信用代码应为文本') })
  .overwrite((s) => stripSeparators(s).toUpperCase())
  .regex(usccPattern, {
    message: '统一社会信用代码应为18位，由数字和大写字母组成（不使用I、O、Z、S、V）',
    abort: true,
  })
  .refine(isUnifiedSocialCreditCode, { message: '统一社会信用代码校验码不正确，请核对' });

// ---------------------------------------------------------------------------------------------
// Resident identity number (公民身份号码), GB 11643-1999
// ---------------------------------------------------------------------------------------------

/** Weight of position i (0-based) is 2^(17-i) mod 11 (ISO 7064 MOD 11-2, GB 11643-1999 §8.2). */
const idWeights = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
/** Check character for each value of the weighted sum mod 11; 10 is written `X`. */
const idCheckChars = '10X98765432';

/**
 * Province-level codes (GB/T 2260) an identity number's address code can start with; 81, 82 and 83
 * appear on residence permits of Hong Kong, Macao and Taiwan residents (GB 11643 as applied since 2018).
 */
const idProvincePrefixes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The check character of an identity number from its first 17 digits, or `undefined` if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (idWeights[i] ?? 0);
  return idCheckChars[sum % 11];
}

export interface ResidentIdParts {
  /** 地址码: the division code of the holder's registered residence when the number was issued */
  region: string;
  /** 出生日期码 as ISO `YYYY-MM-DD` */
  birthDate: string;
  /** 顺序码 odd for men, even for women */
  sex: 'male' | 'female';
  checkChar: string;
}

export type ResidentIdProblem = 'format' | 'region' | 'birthDate' | 'futureBirthDate' | 'checkChar';

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The first problem of an identity number, or `undefined` when it is valid. The region is checked
 * for shape only (a province prefix and a GB/T 2260 level), because the code is the one in force
 * when the number was issued and many have since been abolished (e.g. 440524, 潮阳县).
 * `today` (ISO date) bounds the birth date; it defaults to the current UTC date.
 */
export function residentIdProblem(id: string, today?: string): ResidentIdProblem | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const region = id.slice(0, 6);
  if (!idProvincePrefixes.has(region.slice(0, 2)) || divisionLevel(region) === undefined) return 'region';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day)) return 'birthDate';
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > (today ?? new Date().toISOString().slice(0, 10))) return 'futureBirthDate';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checkChar';
  return undefined;
}

/** Whether `id` is a valid 18-character resident identity number (exact: upper-case `X`, no spaces). */
export function isResidentIdNumber(id: string, today?: string): boolean {
  return residentIdProblem(id, today) === undefined;
}

/** The parts of a valid identity number, or `undefined` when it is not valid. */
export function parseResidentIdNumber(id: string, today?: string): ResidentIdParts | undefined {
  if (!isResidentIdNumber(id, today)) return undefined;
  return {
    region: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    checkChar: id.slice(17),
  };
}

const residentIdMessages: Record<ResidentIdProblem, string> = {
  // 15-digit first-generation numbers stopped being valid with the first-generation cards (2013).
  format: '身份证号码应为18位：17位数字加1位数字或X',
  region: '身份证号码前6位不是有效的行政区划代码',
  birthDate: '身份证号码中的出生日期不存在',
  futureBirthDate: '身份证号码中的出生日期晚于今天',
  checkChar: '身份证号码校验位不正确，请核对',
};

/** A resident identity number; surrounding spaces and a lower-case `x` are normalised. */
export const residentIdNumber = z
  .string({ error: (iss) => (iss.input === undefined ? '必填' : '身份证号码应为文本') })
  .overwrite((s) => s.replace(/\s/g, '').toUpperCase())
  .check((ctx) => {
    const problem = residentIdProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: residentIdMessages[problem], input: ctx.value });
  });

// ---------------------------------------------------------------------------------------------
// Mainland mobile number (手机号码)
// ---------------------------------------------------------------------------------------------

const mobilePattern = /^1[3-9]\d{9}$/;

/**
 * The 11-digit form of a mainland mobile number typed with spaces, hyphens, brackets or a country
 * prefix (`+86`, `0086`, `86`); the input unchanged (but for separators) when it is not one.
 */
export function normaliseMobileNumber(input: string): string {
  const compact = input.replace(/[\s\-()（）]/g, '');
  const national = compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  return national;
}

/** Whether `input` is a mainland mobile number once normalised. */
export function isMobileNumber(input: string): boolean {
  return mobilePattern.test(normaliseMobileNumber(input));
}

/** A mainland mobile number; the parsed value is its 11-digit form (`+86 138-0013-8000` → `13800138000`). */
export const mobileNumber = z
  .string({ error: (iss) => (iss.input === undefined ? '必填' : '手机号码应为文本') })
  .overwrite(normaliseMobileNumber)
  .regex(mobilePattern, { message: '手机号码应为11位，以13至19开头（可带+86）' });
