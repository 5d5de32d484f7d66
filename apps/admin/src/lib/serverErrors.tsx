/**
 * A form's problems from the server, the one hook every console form uses: each problem on the field it
 * names, the rest (and refusals that name no field) in an alert above the form, so no refusal is swallowed.
 * Kept apart from `forms.tsx` so a form without a date field does not load the date picker.
 */
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { serverErrorsFor } from './fieldErrors.js';

export interface FieldErrorsOptions {
  /** How a problem the form cannot place names its field (the dotted path the API sent, unless given). */
  labelOf?: (dotted: string) => string;
  /**
   * The alert above the form: `'line'` (the default) joins the problems in one line; `'list'` (the
   * archive and seal dialogs) shows one problem as its title and several as a list under 未能提交.
   */
  alert?: 'line' | 'list';
}

/**
 * The form's server-side problems. Where the API takes the form's values inside one object
 * (`{ burden: {...} }`), `within` names it and `fields` are the form's own names (dotted, as `Form.Item`
 * names them); `''` where the API takes them as they are. `banner` is the alert to put above the form.
 */
export function useFieldErrors(
  form: FormInstance,
  within: string,
  fields: readonly string[],
  options: FieldErrorsOptions = {},
) {
  const [others, setOthers] = useState<string[]>([]);
  const onError = (error: unknown) => {
    const placed = serverErrorsFor(
      error,
      fields.map((f) => (within ? `${within}.${f}` : f)),
      options.labelOf,
    );
    form.setFields(
      placed.fields.map((f) => ({ ...f, name: within ? (f.name as (string | number)[]).slice(1) : f.name })),
    );
    setOthers(placed.others);
  };
  const banner =
    options.alert === 'list' ? (
      <ServerErrors messages={others} />
    ) : others.length > 0 ? (
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

/** The problems as a list alert: one problem is the title, several stand in a list under 未能提交. */
function ServerErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-errors"
      title={messages.length === 1 ? messages[0] : '未能提交'}
      description={
        messages.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {messages.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
