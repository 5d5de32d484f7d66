/**
 * A dialog form's problems from the server: each on the field it names, and whatever names no field of
 * the form (or no field at all) in an Alert above it — a refusal is never swallowed.
 */
import { Alert, type ButtonProps, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
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

/**
 * A dialog around one form: OK submits it, closing clears the server's problems, which stand above
 * the form (after the dialog's own `notice`, when it has one).
 */
export function FormDialog({
  title,
  open,
  okText,
  okButtonProps,
  pending,
  form,
  problems,
  notice,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  okText: string;
  okButtonProps?: ButtonProps;
  pending: boolean;
  form: FormInstance;
  problems: { others: string[]; clear: () => void };
  notice?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      okButtonProps={okButtonProps}
      onOk={() => form.submit()}
      confirmLoading={pending}
      onCancel={() => {
        problems.clear();
        onClose();
      }}
      destroyOnHidden
    >
      {notice}
      <ServerErrors messages={problems.others} />
      {children}
    </Modal>
  );
}
