/**
 * zod errors as the people who typed the input need them: one zh-CN problem per field, named by
 * its dotted path (`facility.totalArea`, `residentGroups.2.households`).
 *
 * A published package must not call `z.config` (it is global), so the zh-CN wording comes from the
 * schemas' own messages where they have one, and otherwise from `domainErrorMap`, which a caller
 * passes per parse (`parseInput` does it for you).
 */
import * as z from 'zod';

export interface FieldIssue {
  /** Dotted path of the offending field; `''` for the input as a whole. */
  path: string;
  message: string;
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  date: '日期',
  bigint: '整数',
  null: 'null',
};

const zhCN = z.locales.zhCN().localeError;

/**
 * zh-CN messages in plain words for the issues users meet most (a missing field, a wrong type, an
 * option not in the list, a number out of range); zod's own zh-CN locale for the rest.
 */
export const domainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v) => String(v)).join('、')}`;
    case 'too_small':
      if (issue.origin === 'number' && issue.minimum === 0)
        return issue.inclusive ? '应为非负数' : '应为正数';
      if (issue.origin === 'number') return `应不小于${String(issue.minimum)}`;
      if (issue.origin === 'string' && issue.minimum === 1) return '不能为空';
      if (issue.origin === 'string') return `应至少${String(issue.minimum)}个字符`;
      if (issue.origin === 'array') return `应至少${String(issue.minimum)}项`;
      break;
    case 'too_big':
      if (issue.origin === 'number') return `应不大于${String(issue.maximum)}`;
      if (issue.origin === 'string') return `应至多${String(issue.maximum)}个字符`;
      if (issue.origin === 'array') return `应至多${String(issue.maximum)}项`;
      break;
    case 'invalid_format':
      if (issue.format === 'date') return '应为有效日期，格式 YYYY-MM-DD';
      break;
    case 'unrecognized_keys':
      return `不允许的字段：${issue.keys.join('、')}`;
  }
  return zhCN(issue);
};

function dotted(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/**
 * One entry per problem, in the order zod found them. An unknown field is reported on its own
 * path (`facility.colour: 不允许的字段：colour`), one entry per field, so a form can mark it.
 */
export function fieldErrors(error: z.core.$ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: dotted([...issue.path, key]), message: `不允许的字段：${key}` });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors[0]) {
      // A union's branches all failed: the first branch's problems are the ones a person can act on.
      const inner = new z.ZodError(issue.errors[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
      out.push(...fieldErrors(inner));
    } else {
      out.push({ path: dotted(issue.path), message: issue.message });
    }
  }
  return out;
}

/** Lines `path: message` (just `message` for the input as a whole), one per problem, for a CLI's stderr. */
export function formatIssueLines(error: z.core.$ZodError): string[] {
  return fieldErrors(error).map(({ path, message }) => (path ? `${path}: ${message}` : message));
}

/** Problems keyed by path, as a form library or the API's `data.fieldErrors` wants them. */
export function fieldErrorRecord(error: z.core.$ZodError): Record<string, string[]> {
  // No prototype: a field named `__proto__` or `constructor` is a key like any other, not Object's.
  const out: Record<string, string[]> = Object.create(null);
  for (const { path, message } of fieldErrors(error)) {
    const messages = out[path] ?? [];
    messages.push(message);
    out[path] = messages;
  }
  return out;
}

export type ParseInputResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/** Parse `input` with `schema`, zh-CN messages throughout; failures come back as field issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseInputResult<z.output<S>> {
  const result = schema.safeParse(input, { error: domainErrorMap });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: fieldErrors(result.error) };
}
