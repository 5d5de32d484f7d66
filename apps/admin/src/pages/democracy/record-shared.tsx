/**
 * What the democracy record forms share: the stored record types, the field names the server may
 * name in a refusal, date and list inputs, and the dialog with its opening button.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, type FormInstance, Input, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { FormDialog } from '../archives/ServerErrors.js';

export type View = RouterOutputs['democracy']['community'];
export type StoredConsultation = View['consultations'][number];
export type StoredCharter = View['charters'][number];
export type StoredElection = View['elections'][number];
export type StoredBody = View['deliberationBodies'][number];

/** Every dotted field a form with lists can name: `record.x` and `record.list.i.y` for each row. */
export function fieldNames(plain: string[], lists: Record<string, string[]> = {}, rows = 100): string[] {
  const out = plain.map((f) => `record.${f}`);
  for (const [list, fields] of Object.entries(lists)) {
    out.push(`record.${list}`);
    for (let i = 0; i < rows; i++) for (const f of fields) out.push(`record.${list}.${i}.${f}`);
  }
  return out;
}

export const plainLabel = (dotted: string) => dotted.replace(/^record\./, '');

/** An empty date input is not sent; the server's schema treats absence as "not yet". */
export const optionalDate = (value?: string | null) => (value ? value : undefined);

export const lines = (text?: string) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const dateItem = (name: (string | number)[], label: string, required?: string) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, message: required }] : []}>
    <Input type="date" />
  </Form.Item>
);

/** A row of a list inside a dialog: its fields wrap on a phone, with a remove button. */
export function ListRow({
  title,
  onRemove,
  children,
}: {
  title: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 8 }}
      extra={
        <Button size="small" danger type="link" onClick={onRemove}>
          删除
        </Button>
      }
    >
      {children}
    </Card>
  );
}

/** The dialog's open state and the button that opens it, for a new record or an edit. */
export function useDialog() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), close: () => setOpen(false) };
}

export function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.democracy.pathKey() });
}

/**
 * The button that opens a record's dialog (a primary button for a new record, a link for an edit)
 * and the dialog itself, which submits the form and shows the server's refusals.
 */
export function RecordDialog({
  editing,
  testId,
  newText,
  editText,
  newTitle,
  editTitle,
  dialog,
  pending,
  form,
  problems,
  children,
}: {
  editing: boolean;
  /** `<testId>-new` or `<testId>-edit` on the button. */
  testId: string;
  newText: string;
  editText: string;
  newTitle: string;
  editTitle: string;
  dialog: ReturnType<typeof useDialog>;
  pending: boolean;
  form: FormInstance;
  problems: { others: string[]; clear: () => void };
  children: ReactNode;
}) {
  return (
    <>
      <Button
        type={editing ? 'link' : 'primary'}
        size={editing ? 'small' : 'middle'}
        onClick={dialog.show}
        data-testid={editing ? `${testId}-edit` : `${testId}-new`}
      >
        {editing ? editText : newText}
      </Button>
      <FormDialog
        title={editing ? editTitle : newTitle}
        open={dialog.open}
        okText="保存"
        pending={pending}
        form={form}
        problems={problems}
        onClose={dialog.close}
      >
        {children}
      </FormDialog>
    </>
  );
}

/** The edit buttons of one record kind side by side, wrapping on a phone. */
export function RecordActions({ children }: { children: ReactNode }) {
  return (
    <Space wrap size={0}>
      {children}
    </Space>
  );
}
