/** The fields every archives input is made of, with their zh-CN messages. */
import { z } from 'zod';

/** A row id in an archives input. */
export const id = z.uuid({ error: '应为有效的编号' });

/** A required line of text in an archives input, trimmed, named in its messages. */
export const text = (field: string, max = 500) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空` })
    .max(max, { error: `${field}最多 ${max} 字` });
