/** The fields every archives input is made of, with their zh-CN messages. */
import { safeText } from '@shequ/domain';
import { z } from 'zod';

/** A row id in an archives input. */
export const id = z.uuid({ error: '应为有效的编号' });

/**
 * A required line of text in an archives input, trimmed, named in its messages: no control characters,
 * no bidi overrides, not only invisible characters.
 */
export const text = (field: string, max = 500) => safeText(field, max);
