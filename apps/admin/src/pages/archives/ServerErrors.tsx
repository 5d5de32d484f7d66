/**
 * A dialog form's problems from the server: each on the field it names, and whatever names no field of
 * the form (or no field at all) in an Alert above it — a refusal is never swallowed.
 */
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { serverErrorsFor } from '../../lib/fieldErrors.js';

/**
 * The form's server-side problems: each on its field, the rest (and refusals without a field) in an
 * Alert above the form. Cleared when the dialog opens again or the user submits.
 */
export function useServerErrors(
  form: FormInstance,
  formFields: readonly string[],
  labelOf: (dotted: string) => string = (dotted) => dotted,
) {
  const [others, setOthers] = useState<string[]>([]);
  return {
    others,
    clear: () => setOthers([]),
    show: (error: unknown) => {
      const placed = serverErrorsFor(error, formFields, labelOf);
      form.setFields(placed.fields);
      setOthers(placed.others);
    },
  };
}

export function ServerErrors({ messages }: { messages: string[] }) {
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
