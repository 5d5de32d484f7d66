/**
 * Administrative division codes (docs/interfaces.md §1): the 6-digit GB/T 2260 code for
 * province, city and county; the 9-digit statistical code for a street or town; the 12-digit
 * statistical code for a community (residents' or villagers' committee).
 */
import * as z from 'zod';
import { divisionLevel, type JurisdictionLevel, levelNames } from './division-codes.js';

export * from './division-codes.js';

const digits = (n: number, what: string) =>
  z.string().regex(new RegExp(`^\\d{${n}}$`), { message: `${what}应为${n}位数字`, abort: true });

export const communityCode = digits(12, '社区代码').refine((c) => divisionLevel(c) === 'community', {
  message: '社区代码的后三位不能为000',
});
export const streetCode = digits(9, '街道（乡镇）代码').refine((c) => divisionLevel(c) === 'street', {
  message: '街道（乡镇）代码的后三位不能为000',
});
export const divisionCode = z
  .string()
  .refine((c) => divisionLevel(c) !== undefined, { message: '行政区划代码应为6位、9位或12位数字' });

/** A code of the given level, e.g. `divisionCodeOfLevel('street')`. */
export function divisionCodeOfLevel(level: JurisdictionLevel) {
  return z.string().refine((c) => divisionLevel(c) === level, {
    message: `应为${levelNames[level]}级行政区划代码`,
  });
}
