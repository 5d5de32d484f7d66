/** Form helpers the console's pages share: dates as the API takes them, and the server's problems on the fields. */
import { Alert, DatePicker, Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { chinaToday } from '../pages/archives/dates.js';
import { serverErrorsFor } from './fieldErrors.js';

/** What a date field gives the API: YYYY-MM-DD, or '' when empty (the API then names the field). */
export const asDate = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : '');

/**
 * A form's problems from the server: each on the field it names, the rest (and refusals that name no
 * field) in an alert above the form, so no refusal is swallowed. Where the API takes the form's values
 * inside one object (`{ burden: {...} }`), `within` names it and `fields` are the form's own names.
 */
export function useFieldErrors(form: FormInstance, within: string, fields: readonly string[]) {
  const [others, setOthers] = useState<string[]>([]);
  const onError = (error: unknown) => {
    const placed = serverErrorsFor(
      error,
      fields.map((f) => (within ? `${within}.${f}` : f)),
    );
    form.setFields(
      placed.fields.map((f) => ({ ...f, name: within ? (f.name as (string | number)[]).slice(1) : f.name })),
    );
    setOthers(placed.others);
  };
  const banner =
    others.length > 0 ? (
      <Alert type="error" showIcon title={others.join('；')} style={{ marginBottom: 12 }} />
    ) : null;
  const clear = () => setOthers([]);
  /** A mutation's callbacks for this form: saved, it empties and calls `onDone`; refused, the problems show. */
  const saved = (onDone: () => unknown) => ({
    onSuccess: () => {
      form.resetFields();
      clear();
      onDone();
    },
    onError,
  });
  return { onError, banner, others, clear, saved };
}

/** A full-width date field, today (in China) unless `empty`. */
export function DateItem({ name, label, empty }: { name: string; label: string; empty?: boolean }) {
  return (
    <Form.Item name={name} label={label} {...(empty ? {} : { initialValue: dayjs(chinaToday()) })}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}
