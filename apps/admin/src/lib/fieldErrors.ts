/**
 * The API reports bad input as `error.data.fieldErrors`: zh-CN messages keyed by dotted path
 * (`facts.facility.totalArea`). These helpers put each message on the form field it names.
 */
import type { FormInstance } from 'antd';
import { isApiError } from './trpc.js';

export type FieldErrors = Record<string, string[]>;
export type FieldPath = (string | number)[];
/** A field's state as `form.setFields` takes it; the form's own value type decides nothing here. */
type FormFieldData = Parameters<FormInstance['setFields']>[0][number];

export interface PlacedErrors {
  /** Messages for fields the form shows, ready for antd `form.setFields` (of a form of any value type). */
  fields: FormFieldData[];
  /** Messages whose field is not on the form, to show above it. */
  others: string[];
}

export function fieldErrorsOf(error: unknown): FieldErrors | null {
  if (!isApiError(error)) return null;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('fieldErrors' in data)) return null;
  const fieldErrors = (data as { fieldErrors: unknown }).fieldErrors;
  return typeof fieldErrors === 'object' && fieldErrors !== null ? (fieldErrors as FieldErrors) : null;
}

/** `"facility.totalArea"` → `['facility', 'totalArea']`; numeric segments become list indexes. */
export function toFieldPath(dotted: string): FieldPath {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Sorts server messages onto form fields. `stripPrefix` drops the part of the path the form does not
 * mirror (the facts form edits `facts.*` of the procedure's input); `label` names an unplaced field.
 */
export function placeFieldErrors(
  fieldErrors: FieldErrors,
  isOnForm: (path: FieldPath) => boolean,
  options: { stripPrefix?: string; label?: (dotted: string) => string } = {},
): PlacedErrors {
  const placed: PlacedErrors = { fields: [], others: [] };
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const prefix = options.stripPrefix ? `${options.stripPrefix}.` : '';
    const dotted = prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key;
    const path = toFieldPath(dotted);
    if (isOnForm(path)) placed.fields.push({ name: path, errors: messages });
    else placed.others.push(`${options.label?.(dotted) ?? dotted}：${messages.join('；')}`);
  }
  return placed;
}

/**
 * Where a server message goes on a form that lists its fields (dotted, as `Form.Item` names them): the
 * field it names; or, when it names a group the form splits (`location` → `location.room`, …), the
 * group's first field; or, when it names a part of one field (`approvedBy.0` of a multi-select), that
 * field. Anything else, and a failure without field errors, comes back in `others` for an Alert above
 * the form, so no refusal is ever swallowed.
 */
export function serverErrorsFor(
  error: unknown,
  formFields: readonly string[],
  label: (dotted: string) => string = (dotted) => dotted,
): PlacedErrors {
  const fieldErrors = fieldErrorsOf(error);
  if (!fieldErrors || Object.keys(fieldErrors).length === 0)
    return { fields: [], others: [errorMessage(error)] };
  const target = (dotted: string): string | undefined =>
    formFields.find((field) => field === dotted) ??
    formFields.find((field) => field.startsWith(`${dotted}.`)) ??
    formFields.find((field) => dotted.startsWith(`${field}.`));
  const placed: PlacedErrors = { fields: [], others: [] };
  const byField = new Map<string, string[]>();
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const field = target(key);
    if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    else placed.others.push(`${label(key)}：${messages.join('；')}`);
  }
  for (const [field, messages] of byField) placed.fields.push({ name: toFieldPath(field), errors: messages });
  return placed;
}

/** The message to show for a failed call: the API's own zh-CN message, or a network explanation. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (!error.data) return '无法连接服务器，请检查网络后重试';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
