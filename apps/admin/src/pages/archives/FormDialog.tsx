/** A dialog around one form, with the server's problems (`useFieldErrors`) above the form. */
import { type ButtonProps, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

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
  problems: { banner: ReactNode; clear: () => void };
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
      {problems.banner}
      {children}
    </Modal>
  );
}
