import { type FieldIssue, fieldErrorRecord } from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';

/** Per-field zh-CN problems, keyed by dotted field path (`facility.totalArea`). */
export type FieldErrors = Record<string, string[]>;

/**
 * The cause of a TRPCError raised by a check the zod schema cannot make (a username already taken, a node
 * that does not exist); the errorFormatter puts its `fieldErrors` into `data.fieldErrors` like a zod error's.
 */
export class FieldProblems extends Error {
  readonly fieldErrors: FieldErrors;
  constructor(fieldErrors: FieldErrors) {
    super(
      Object.entries(fieldErrors)
        .map(([field, messages]) => `${field}: ${messages.join('；')}`)
        .join('\n'),
    );
    this.name = 'FieldProblems';
    // Keys come from input (a field named `__proto__`): kept as plain keys of an object without prototype.
    this.fieldErrors = Object.assign(Object.create(null) as FieldErrors, fieldErrors);
  }
}

export function fieldError(
  code: 'BAD_REQUEST' | 'CONFLICT' | 'NOT_FOUND',
  field: string,
  message: string,
): TRPCError {
  return new TRPCError({ code, message, cause: new FieldProblems({ [field]: [message] }) });
}

/** A write a store refused, as the stores' errors (`ServicesError`, `PeopleError`) carry it. */
export interface StoreRefusal {
  code: 'not-found' | 'conflict' | 'invalid';
  message: string;
  issues: readonly FieldIssue[];
}

/**
 * A store's refused write as the client's error: 400 with each problem under the field `fieldOf` names
 * for its path, 404 for a missing row, 409 for a stale one.
 */
export function refusalAsClientError(
  refusal: StoreRefusal,
  fieldOf: (issuePath: string) => string,
): TRPCError {
  if (refusal.code === 'invalid') {
    const fieldErrors: FieldErrors = {};
    for (const issue of refusal.issues) {
      const field = fieldOf(issue.path);
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: refusal.message,
      cause: new FieldProblems(fieldErrors),
    });
  }
  return new TRPCError({
    code: refusal.code === 'not-found' ? 'NOT_FOUND' : 'CONFLICT',
    message: refusal.message,
  });
}

export function forbidden(message = '无权访问该辖区的数据'): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

export function notFound(message: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message });
}

/**
 * What a client is told about an error: the zh-CN message and per-field problems. Used by the tRPC
 * error formatter and by the routes outside tRPC (attachment upload and download), so both answer alike.
 */
export function problemOf(error: TRPCError): { message: string; fieldErrors: FieldErrors | null } {
  if (error.code === 'INTERNAL_SERVER_ERROR')
    return { message: '服务器内部错误，请稍后重试', fieldErrors: null };
  if (error.cause instanceof z.core.$ZodError) {
    const { '': whole, ...fields } = fieldErrorRecord(error.cause);
    // The input as a whole (not one field) keeps the key clients know it by.
    const fieldErrors: FieldErrors = whole ? { ...fields, '(root)': whole } : fields;
    return { message: `输入有误：${Object.keys(fieldErrors).join('、')}`, fieldErrors };
  }
  if (error.cause instanceof FieldProblems)
    return { message: error.message, fieldErrors: error.cause.fieldErrors };
  return { message: error.message, fieldErrors: null };
}
