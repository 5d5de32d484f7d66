import { z } from 'zod';

/** A calendar date as ISO `YYYY-MM-DD` (a real date: 2023-02-30 is refused). */
export const isoDate = z.iso.date({
  error: (iss) => (iss.input === undefined ? '必填' : '应为有效日期，格式 YYYY-MM-DD'),
});
export type IsoDate = z.infer<typeof isoDate>;
