/**
 * 居民代表 on the organisation page: who serves on the page's date, a form to register one with the
 * term's dates, and ending a term on its last day. The server checks the dates (an end before the
 * start is refused) and its messages land on the field they name.
 */
import { representing } from '@shequ/people/labels';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ServerForm } from '../../components/ServerForm.js';
import { asDate, DateItem } from '../../lib/forms.js';
import { useEntryForm, useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';

type Representative = RouterOutputs['people']['organisation']['representatives'][number];
function AddRepresentative({ code, onDone }: { code: string; onDone: () => void }) {
  const add = useEntryForm('unit', trpc.people.createUnit.mutationOptions, onDone);
  return (
    <ServerForm
      {...add.props}
      name="representative"
      testId="representative-form"
      onFinish={(v: { name?: string; from?: unknown; to?: unknown }) => {
        const to = asDate(v.to);
        add.mutate({
          kind: 'representative',
          unit: { communityCode: code, name: v.name ?? '', from: asDate(v.from), ...(to ? { to } : {}) },
        });
      }}
      submitText="添加居民代表"
    >
      <Form.Item name="name" label="姓名">
        <Input maxLength={50} />
      </Form.Item>
      <DateItem name="from" label="任期开始日期" />
      <DateItem name="to" label="任期结束日期（届满日，可空）" empty />
    </ServerForm>
  );
}

function EndTerm({
  representative,
  onClose,
}: {
  representative: Representative | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, '', ['to']);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const end = useMutation(
    trpc.people.endRepresentativeTerm.mutationOptions({
      onSuccess: (r) => {
        void message.success(`${r.name}的任期已于 ${r.to} 结束`);
        void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
        form.resetFields();
        errors.clear();
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal
      open={representative !== null}
      title={`结束任期：${representative?.name ?? ''}`}
      onCancel={onClose}
      okText="结束任期"
      confirmLoading={end.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        name="representativeEnd"
        layout="vertical"
        data-testid="representative-end-form"
        onFinish={(v: { to?: unknown }) =>
          representative &&
          end.mutate({
            id: representative.id,
            to: asDate(v.to),
            expectedVersion: representative.version,
          })
        }
      >
        {errors.banner}
        <DateItem name="to" label="任期最后一天" />
      </Form>
    </Modal>
  );
}

export function Representatives({
  code,
  asOf,
  representatives,
  serving,
  canWrite,
}: {
  code: string;
  asOf: string;
  representatives: readonly Representative[];
  /** How many the registers count into the snapshot on `asOf`. */
  serving: number;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<Representative | null>(null);
  const current = representatives.filter((r) => representing(r, asOf));
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {representatives.length === 0 ? '未登记居民代表' : `本届在任 ${serving} 人`}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={current}
        locale={{ emptyText: '无在任居民代表' }}
        renderItem={(r) => (
          <List.Item
            data-testid="representative"
            extra={
              canWrite ? (
                <Button size="small" onClick={() => setEnding(r)}>
                  结束任期
                </Button>
              ) : null
            }
          >
            {r.name}（{r.from}
            {r.to ? ` 至 ${r.to}` : ' 起'}）
          </List.Item>
        )}
      />
      {canWrite && (
        <Collapse
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'add',
              label: '添加居民代表',
              children: (
                <AddRepresentative
                  code={code}
                  onDone={() => void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() })}
                />
              ),
            },
          ]}
        />
      )}
      <EndTerm representative={ending} onClose={() => setEnding(null)} />
    </>
  );
}
