/**
 * Identifier schemas used by the account procedures.
 * TODO(domain engineer): replace with the identifier validators of `@shequ/domain` once they land.
 */
import { z } from 'zod';

export const mobileNumber = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码应为以1开头的11位数字');

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** Resident identity card number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. */
export const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, { message: '身份证号码应为18位，最后一位可为数字或X', abort: true })
  .refine(
    (id) => {
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
      return checkChars[sum % 11] === id[17];
    },
    { message: '身份证号码校验位不正确' },
  );
