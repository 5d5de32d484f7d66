/**
 * What the democracy record forms share: the stored record types, the field names the server may
 * name in a refusal, text, count, date and list inputs, the form that saves a record, and the dialog
 * with its opening button.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, type FormInstance, Input, InputNumber, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { FormDialog } from '../archives/FormDialog.js';

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

/** A text input that must be filled; the message names the field as its label does. */
export const textItem = (name: (string | number)[], label: string, maxLength: number) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
    <Input maxLength={maxLength} />
  </Form.Item>
);

/** A whole number of people or votes, at least `min`, that must be filled. */
export const countItem = (name: (string | number)[], label: string, min: number) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
    <InputNumber min={min} precision={0} style={{ width: '100%' }} />
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
 * What a record dialog needs: its open state, its form, the server's problems on the form's `fields`,
 * and the mutation callbacks of `useRecordSave`.
 */
export function useRecordForm<Values>(fields: string[], saved: string, options: { warnings?: boolean } = {}) {
  const dialog = useDialog();
  const [form] = Form.useForm<Values>();
  const problems = useFieldErrors(form, '', fields, { labelOf: plainLabel, alert: 'list' });
  const handlers = useRecordSave(dialog, problems, saved, options);
  return { dialog, form, problems, handlers };
}

/**
 * A record dialog's answer from the server: saved, the dialog closes, says `saved` (after the server's
 * warnings, with `warnings`) and the community's records reload; refused, the problems stand on the form.
 */
export function useRecordSave(
  dialog: ReturnType<typeof useDialog>,
  problems: { onError: (error: unknown) => void },
  saved: string,
  options: { warnings?: boolean } = {},
) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return {
    onSuccess: async (result: { warnings: string[] } | undefined) => {
      dialog.close();
      if (options.warnings) for (const warning of result?.warnings ?? []) message.warning(warning);
      message.success(saved);
      await invalidate();
    },
    onError: (error: unknown) => problems.onError(error),
  };
}

type Sent<Record> = Record & { id: string; communityCode: string };

interface Saving<Input> {
  mutate: (input: Input) => void;
  isPending: boolean;
}

/**
 * A democracy record's button and dialog: the button opens it (a primary button for a new record, a
 * link for an edit of `stored`); its form opens on `initial` (the stored record, or a new one's
 * defaults), clears the last refusal on submit and sends what `toRecord` makes of the values, under the
 * stored record's id and the community's code: an update of the version the form was opened on, or a
 * new record. The server's refusals stand on the form.
 */
export function RecordDialog<Values, Record>({
  testId,
  noun,
  editText = '修改',
  addVerb = '登记',
  okText = '保存',
  record,
  code,
  stored,
  initial,
  toRecord,
  create,
  update,
  children,
}: {
  /** `<testId>-new` or `<testId>-edit` on the button. */
  testId: string;
  /** What the record is called: the button and title read 登记<noun> (see `addVerb`) and 修改<noun>. */
  noun: string;
  /** The edit button's text, 修改 unless given. */
  editText?: string;
  /** What adding a record is called, 登记 unless given: the new button and its dialog read <addVerb><noun>. */
  addVerb?: string;
  /** The dialog's OK button, 保存 unless given. */
  okText?: string;
  /** The dialog's open state, its form and the server's problems, as `useRecordForm` gives them. */
  record: {
    dialog: ReturnType<typeof useDialog>;
    form: FormInstance<{ record: Values }>;
    problems: { banner: ReactNode; clear: () => void };
  };
  code: string;
  /** The record being corrected; none for a new one. */
  stored?: { id: string; version: number };
  initial: object;
  toRecord: (values: Values) => Record;
  create: Saving<{ record: Sent<Record> }>;
  update?: Saving<{ record: Sent<Record>; expectedVersion: number }>;
  children: ReactNode;
}) {
  const { dialog, form, problems } = record;
  const editing = stored !== undefined;
  return (
    <>
      <Button
        type={editing ? 'link' : 'primary'}
        size={editing ? 'small' : 'middle'}
        onClick={dialog.show}
        data-testid={editing ? `${testId}-edit` : `${testId}-new`}
      >
        {editing ? editText : `${addVerb}${noun}`}
      </Button>
      <FormDialog
        title={editing ? `修改${noun}` : `${addVerb}${noun}`}
        open={dialog.open}
        okText={okText}
        pending={create.isPending || Boolean(update?.isPending)}
        form={form}
        problems={problems}
        onClose={dialog.close}
      >
        <Form<{ record: Values }>
          form={form}
          layout="vertical"
          initialValues={{ record: initial }}
          onFinish={({ record: values }) => {
            problems.clear();
            const sent = { ...toRecord(values), id: stored?.id ?? '', communityCode: code };
            if (stored && update) update.mutate({ record: sent, expectedVersion: stored.version });
            else create.mutate({ record: sent });
          }}
        >
          {children}
        </Form>
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
