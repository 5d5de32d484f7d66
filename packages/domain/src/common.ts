import * as z from 'zod';
import { dateRangeMessage, isDateInRange } from './safety.js';

/**
 * A calendar date as ISO `YYYY-MM-DD` (a real date: 2023-02-30 is refused), between 1900 and 2100
 * (`DATE_RANGE`): year 0000 or a loan due in 9999 is a typing error, and the database refuses some of them.
 */
export const isoDate = z.iso
  .date({
    error: (iss) => (iss.input === undefined ? '必填' : '应为有效日期，格式 YYYY-MM-DD'),
  })
  .refine(isDateInRange, { error: dateRangeMessage });
export type IsoDate = z.infer<typeof isoDate>;
