/**
 * Entering a meeting (scheduled or held) and a disclosure. The server decides: a notice dated after
 * the meeting or a disclosure dated after today comes back on its field; a short notice is saved and
 * its warning shown.
 */
import {
  type DisclosureCategory,
  disclosureCategories,
  disclosureCategoryLabels,
  type MeetingKind,
  meetingKindLabels,
  meetingKinds,
} from '@shequ/democracy/labels';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { trpc } from '../../lib/trpc.js';
import { FormDialog } from '../archives/FormDialog.js';
import { useCanWrite } from '../archives/shared.js';

interface MeetingValues {
  record: MeetingRecord;
}

interface MeetingRecord {
  kind: MeetingKind;
  title: string;
  noticeOn?: string;
  heldOn: string;
  agenda?: string;
}

/** The procedures name their fields `record.*`, and the forms mirror that, so each message lands on its field. */
const recordFields = (names: string[]) => names.map((name) => `record.${name}`);
const plain = (dotted: string) => dotted.replace(/^record\./, '');

const lines = (text?: string) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function MeetingForm({ code }: { code: string }) {
  const canWrite = useCanWrite();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MeetingValues>();
  const problems = useFieldErrors(form, '', recordFields(['kind', 'title', 'noticeOn', 'heldOn', 'agenda']), {
    labelOf: plain,
    alert: 'list',
  });
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.democracy.createMeeting.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        for (const warning of result?.warnings ?? []) message.warning(warning);
        message.success('会议已登记');
        await queryClient.invalidateQueries({ queryKey: trpc.democracy.pathKey() });
      },
      onError: (error) => problems.onError(error),
    }),
  );
  if (!canWrite) return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="meeting-new">
        登记会议
      </Button>
      <FormDialog
        title="登记会议"
        open={open}
        okText="保存"
        pending={create.isPending}
        form={form}
        problems={problems}
        onClose={() => setOpen(false)}
      >
        <Form<MeetingValues>
          form={form}
          layout="vertical"
          initialValues={{ record: { kind: 'residents-meeting' } }}
          onFinish={({ record: values }) => {
            problems.clear();
            create.mutate({
              record: {
                id: '',
                communityCode: code,
                kind: values.kind,
                title: values.title,
                ...(values.noticeOn ? { noticeOn: values.noticeOn } : {}),
                heldOn: values.heldOn,
                agenda: lines(values.agenda),
                decisions: [],
              },
            });
          }}
        >
          <Form.Item name={['record', 'kind']} label="会议类型" rules={[{ required: true }]}>
            <Select options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))} />
          </Form.Item>
          <Form.Item
            name={['record', 'title']}
            label="会议名称"
            rules={[{ required: true, message: '请填写会议名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['record', 'noticeOn']} label="公告日期">
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name={['record', 'heldOn']}
            label="会议日期"
            rules={[{ required: true, message: '请填写会议日期' }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name={['record', 'agenda']} label="议题（每行一项）">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </FormDialog>
    </>
  );
}

interface DisclosureValues {
  record: DisclosureRecord;
}

interface DisclosureRecord {
  category: DisclosureCategory;
  title: string;
  on: string;
  until?: string;
  body?: string;
}

export function DisclosureForm({ code }: { code: string }) {
  const canWrite = useCanWrite();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DisclosureValues>();
  const problems = useFieldErrors(form, '', recordFields(['category', 'title', 'on', 'until', 'body']), {
    labelOf: plain,
    alert: 'list',
  });
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.democracy.createDisclosure.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        message.success('公开事项已发布');
        await queryClient.invalidateQueries({ queryKey: trpc.democracy.pathKey() });
      },
      onError: (error) => problems.onError(error),
    }),
  );
  if (!canWrite) return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="disclosure-new">
        发布公开事项
      </Button>
      <FormDialog
        title="发布公开事项"
        open={open}
        okText="发布"
        pending={create.isPending}
        form={form}
        problems={problems}
        onClose={() => setOpen(false)}
      >
        <Form<DisclosureValues>
          form={form}
          layout="vertical"
          initialValues={{ record: { category: 'important' } }}
          onFinish={({ record: values }) => {
            problems.clear();
            create.mutate({
              record: {
                id: '',
                communityCode: code,
                category: values.category,
                title: values.title,
                body: values.body ?? '',
                on: values.on,
                ...(values.until ? { until: values.until } : {}),
              },
            });
          }}
        >
          <Form.Item name={['record', 'category']} label="类别" rules={[{ required: true }]}>
            <Select
              options={disclosureCategories.map((c) => ({ value: c, label: disclosureCategoryLabels[c] }))}
            />
          </Form.Item>
          <Form.Item
            name={['record', 'title']}
            label="公开事项"
            rules={[{ required: true, message: '请填写公开事项' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['record', 'on']}
            label="公开日期"
            rules={[{ required: true, message: '请填写公开日期' }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name={['record', 'until']} label="撤下日期（可不填）">
            <Input type="date" />
          </Form.Item>
          <Form.Item name={['record', 'body']} label="公开内容（不要填写身份证号、手机号）">
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </FormDialog>
    </>
  );
}
