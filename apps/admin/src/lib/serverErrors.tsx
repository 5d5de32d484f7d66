/**
 * A form's problems from the server, the one hook every console form uses: each problem on the field it
 * names, the rest (and refusals that name no field) in an alert above the form, so no refusal is swallowed.
 * Kept apart from `forms.tsx` so a form without a date field does not load the date picker.
 */
import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { Alert, Form, type FormInstance } from 'antd';
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
 * names them); `''` where the API takes them as they are. Without `fields`, the fields the form shows
 * when the refusal comes, in the order it shows them: a problem with a field the form hides then stands
 * in the alert instead of on a field nobody sees. `banner` is the alert to put above the form.
 */
export function useFieldErrors(
  form: FormInstance,
  within: string,
  fields?: readonly string[],
  options: FieldErrorsOptions = {},
) {
  const [others, setOthers] = useState<string[]>([]);
  const onError = (error: unknown) => {
    const formFields = fields ?? form.getFieldsError().map(({ name }) => name.join('.'));
    const placed = serverErrorsFor(
      error,
      formFields.map((f) => (within ? `${within}.${f}` : f)),
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

/** The callbacks `useFieldErrors(...).saved` gives a mutation. */
type SavedCallbacks = ReturnType<ReturnType<typeof useFieldErrors>['saved']>;

/**
 * An entry form that saves through one mutation (`trpc.<router>.<procedure>.mutationOptions`): the form,
 * its server problems on the fields it shows (`within` as for `useFieldErrors`), the mutation, which
 * empties the form and calls `onDone` (what refreshes the list) once saved, and `props` for
 * `ServerForm` (the form, the alert above it, the spinning button while the save runs).
 */
export function useEntryForm<Data, Error, Variables>(
  within: string,
  mutationOptions: (callbacks: SavedCallbacks) => UseMutationOptions<Data, Error, Variables>,
  onDone: () => unknown,
  options: FieldErrorsOptions = {},
) {
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, within, undefined, options);
  const { mutate, isPending } = useMutation(mutationOptions(errors.saved(onDone)));
  return { ...errors, form, mutate, isPending, props: { form, banner: errors.banner, pending: isPending } };
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
