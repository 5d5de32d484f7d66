/**
 * The console's small entry form whose values the API checks: fields one under another, the server's
 * problems (`useFieldErrors(...).banner`) above them, and one full-width submit button below.
 */
import { Button, Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';

export function ServerForm<Values>({
  form,
  banner,
  onFinish,
  submitText,
  pending,
  primary = true,
  name,
  testId,
  initialValues,
  children,
}: {
  form: FormInstance<Values>;
  /** The server's problems the form cannot place on a field. */
  banner: ReactNode;
  onFinish: (values: Values) => void;
  submitText: ReactNode;
  /** The save is on its way: the button spins and does not submit again. */
  pending: boolean;
  /** A secondary form (beside a primary one on the same page) has a plain button. */
  primary?: boolean;
  name?: string;
  testId?: string;
  initialValues?: FormProps<Values>['initialValues'];
  children: ReactNode;
}) {
  return (
    <Form<Values>
      form={form}
      name={name}
      layout="vertical"
      data-testid={testId}
      initialValues={initialValues}
      onFinish={onFinish}
    >
      {banner}
      {children}
      <Button type={primary ? 'primary' : 'default'} htmlType="submit" loading={pending} block>
        {submitText}
      </Button>
    </Form>
  );
}
